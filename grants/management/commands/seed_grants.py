"""Load a grant competition and a small grant (DOMAIN.md, grants) through the services. Safe to run again.

An open call of this year accepting offers (u.d.p.p. art. 13) with offers in the states of the formal check: a saved
draft, submitted, called to complete, completed and formally correct. A call of the year before, closed with its
committee (art. 15 ust. 2a–2f), scores and published results (art. 15 ust. 2h–2j) and an agreement on the granted
offer (art. 16). A small-grant offer published for comments (art. 19a ust. 3). Every move is a workflow transition
by the demo clerk, so the cases have their marks, history and register entries as in real use.

The closed call's offers had to come in while it accepted them: it is published and its offers submitted with the
deadline ahead, and then its dates are set back to when that competition really ran, before it is closed.
"""

import datetime
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from core.management.demo import DemoDataCommand
from core.services import transition_perform
from grants import rules, services
from grants.models import CallCriterion, CommitteeMember, GrantCall, GrantOffer, OfferDraft, YearPlan

D = datetime.date
TASK_TYPE = "Kultura, sztuka, ochrona dóbr kultury i dziedzictwa narodowego"
CRITERIA = [("Możliwość realizacji zadania", 10), ("Kalkulacja kosztów", 10), ("Jakość i zasięg zadania", 10)]
OFFERORS = [
    ("Stowarzyszenie Miłośników Ziemi Rudzkiej", "association", "KRS 0000123456", "ul. Niedurnego 69"),
    ("Fundacja Śląskie Dziedzictwo", "foundation", "KRS 0000654321", "ul. Wolności 20"),
    ("Towarzystwo Śpiewacze „Harmonia” z Orzegowa", "association", "KRS 0000234567", "ul. Bytomska 5"),
    ("Stowarzyszenie Kulturalne „Wirek”", "association", "KRS 0000345678", "ul. 1 Maja 218"),
    ("Fundacja Teatr Bez Sceny", "foundation", "KRS 0000456789", "ul. Kokota 170"),
    ("Klub Seniora „Złota Jesień” Halemba", "association", "KRS 0000567890", "ul. Energetyków 8"),
]
OPEN_TASKS = [
    ("Warsztaty śląskiej gwary dla dzieci z Bielszowic", "Dom Kultury w Bielszowicach"),
    ("Festiwal orkiestr dętych „Dęta Ruda”", "Park im. Augusta Strzelczyka"),
    ("Koncert pieśni śląskich w kościele św. Józefa", "Kościół św. Józefa w Rudzie"),
    ("Plenerowe kino letnie na Nowym Bytomiu", "Plac Jana Pawła II"),
]
#: The organisation that nominated the demo committee's NGO member; it made no offer (u.d.p.p. art. 15 ust. 2d).
COMMITTEE_NOMINATOR = ("Ruda Śląska Rada Organizacji Pozarządowych", "KRS 0000987654")
#: The demo expert with an advisory voice (art. 15 ust. 2e): their points are shown beside the ranking, not counted.
COMMITTEE_EXPERT = ("m.zielinski", "Marek", "Zieliński")
CLOSED_TASKS = [
    ("Spektakle teatralne dla szkół w Halembie", "Dom Kultury w Halembie"),
    ("Cykl wykładów o historii kopalni „Pokój”", "Muzeum Miejskie im. Maksymiliana Chroboka"),
    ("Jarmark rękodzieła ludowego w Wirku", "Rynek w Wirku"),
]


def offer_input(
    number: int, title: str, place: str, start: D, end: D, *, requested=Decimal("4500")
) -> services.OfferInput:
    """An offer as the public form cleans it: 5 500 zł of costs, `requested` of subsidy, the rest own money."""
    name, legal_form, register, street = OFFERORS[number]
    slug = f"oferent{number + 1}"
    total = Decimal("5500")
    own = total - requested
    return services.OfferInput(
        fields={
            "organisation_name": name,
            "legal_form": legal_form,
            "register_number": register,
            "address": f"{street}, 41-709 Ruda Śląska",
            "correspondence_address": "",
            "website": f"https://{slug}.example.pl",
            "email": f"biuro@{slug}.example.pl",
            "phone": "32 244 00 00",
            "contact_name": [
                "Anna Kowalczyk",
                "Piotr Wieczorek",
                "Maria Pyka",
                "Jan Skrzypiec",
                "Ewa Mol",
                "Józef Kania",
            ][number],
            "contact_phone": "600 100 200",
            "contact_email": f"kontakt@{slug}.example.pl",
            "partners": "",
            "title": title,
            "start_date": start,
            "end_date": end,
            "place": f"Ruda Śląska, {place}",
            "description": f"{title}: zadanie dla mieszkańców Rudy Śląskiej realizowane przez {name}.",
            "expected_results": "Co najmniej 150 uczestników; relacja na stronie oferenta i w mediach lokalnych.",
            "experience": "Od 2015 r. organizujemy wydarzenia kulturalne w dzielnicach Rudy Śląskiej.",
            "resources": "Dwóch instruktorów, wolontariusze, sprzęt nagłaśniający.",
            "requested_amount": requested,
            "own_financial": own - Decimal("500"),
            "own_personal": Decimal("300"),
            "own_material": Decimal("200"),
            "recipient_fees": Decimal("0"),
            "other_information": "",
        },
        actions=[
            {
                "name": "Przygotowanie i przeprowadzenie zadania",
                "description": "Spotkania, próby i wydarzenie finałowe.",
                "target_group": "mieszkańcy Rudy Śląskiej",
                "planned_period": f"{start:%d.%m.%Y}–{end:%d.%m.%Y}",
            }
        ],
        results=[{"name": "Uczestnicy", "target_value": "150 osób", "monitoring": "listy obecności"}],
        costs=[
            {
                "category": "action",
                "name": "Honoraria instruktorów",
                "unit": "godzina",
                "unit_cost": Decimal("100"),
                "units": Decimal("40"),
                "total": None,
            },
            {
                "category": "action",
                "name": "Materiały i nagłośnienie",
                "unit": "komplet",
                "unit_cost": Decimal("12.50"),
                "units": Decimal("80"),
                "total": None,
            },
            {
                "category": "admin",
                "name": "Koordynacja",
                "unit": "usługa",
                "unit_cost": Decimal("500"),
                "units": Decimal("1"),
                "total": None,
            },
        ],
    )


class Command(DemoDataCommand):
    help = (
        "Load the demo grant calls, offers and a small grant (idempotent; debug mode only unless "
        "--allow-outside-debug)."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        clerk = self.clerk()
        today = timezone.localdate()
        self.open_call(clerk, today)
        self.closed_call(clerk, today)
        self.small_grant(clerk, today)
        self.stdout.write(
            f"Dotacje: {GrantCall.objects.count()} konkursy, {GrantOffer.objects.count()} ofert, "
            f"{OfferDraft.objects.filter(offer=None).count()} szkic."
        )

    def clerk(self):
        """The demo clerk (seed_demo) with the grants role."""
        return self.demo_clerk("grants")

    def new_call(self, *, year, deadline, announced, clerk) -> GrantCall | None:
        """The year's published call for culture (None when it was seeded before), with its criteria."""
        slug = f"konkurs-ofert-kultura-{year}"
        if GrantCall.objects.filter(slug=slug).exists():
            return None
        call = GrantCall.objects.create(
            title=f"Otwarty konkurs ofert: kultura, sztuka i dziedzictwo narodowe {year}",
            slug=slug,
            year=year,
            task_type=TASK_TYPE,
            budget=Decimal("120000.00"),
            max_subsidy=Decimal("20000.00"),
            min_own_percent=Decimal("10"),
            max_admin_percent=Decimal("10"),
            rules="Dotacje na zadania z zakresu kultury realizowane na terenie Rudy Śląskiej, na zasadach "
            "ustawy o działalności pożytku publicznego i o wolontariacie oraz programu współpracy Miasta "
            "z organizacjami pozarządowymi.",
            implementation_from=D(year, 1, 1),
            implementation_to=D(year, 12, 31),
            offers_deadline=deadline,
            selection_date=timezone.localdate(deadline) + datetime.timedelta(days=21),
            previous_year_info=f"W {year - 1} r. na zadania tego rodzaju przekazano organizacjom 110 000 zł dotacji.",
            published_bip_on=announced,
            published_board_on=announced,
            published_web_on=announced,
        )
        CallCriterion.objects.create(call=call, name="Kompletność i poprawność oferty", kind="formal")
        for position, (name, points) in enumerate(CRITERIA, start=1):
            CallCriterion.objects.create(call=call, name=name, kind="merit", max_points=points, position=position)
        services.call_publish(call=call, acting_user=clerk)
        return call

    def open_call(self, clerk, today):
        """This year's call accepting offers, with a draft and offers at each step of the formal check."""
        year = (today + datetime.timedelta(days=7)).year + 1
        announced = today - datetime.timedelta(days=10)
        deadline = datetime.datetime.combine(
            announced + datetime.timedelta(days=30), datetime.time(15, 30), tzinfo=timezone.get_current_timezone()
        )
        call = self.new_call(year=year, deadline=deadline, announced=announced, clerk=clerk)
        if call is None:
            return
        start, end = D(year, 3, 1), D(year, 6, 30)
        offers = [
            services.offer_submit(call=call, data=offer_input(n, title, place, start, end))
            for n, (title, place) in enumerate(OPEN_TASKS)
        ]
        submitted, under_check, incomplete, correct = offers
        # Formal check: one left as submitted, one called to complete, one completed and back, one correct.
        transition_perform(obj=correct, name="formal_ok", acting_user=clerk)
        transition_perform(
            obj=incomplete,
            name="call_to_complete",
            acting_user=clerk,
            note="Proszę uzupełnić podpis osoby upoważnionej do reprezentowania stowarzyszenia (KRS).",
        )
        transition_perform(
            obj=under_check, name="call_to_complete", acting_user=clerk, note="Brak aktualnego statutu fundacji."
        )
        transition_perform(obj=under_check, name="completed", acting_user=clerk)
        services.offer_draft_save(
            draft=None,
            call=call,
            data={"organisation_name": OFFERORS[4][0], "title": "Teatr podwórkowy w Kochłowicach"},
        )

    def closed_call(self, clerk, today):
        """Last year's call: closed, scored by its committee, results published, one agreement signed with a partial
        report due (the organisation files it from its tracking link)."""
        start = today + datetime.timedelta(days=7)
        year = start.year
        announced = today - datetime.timedelta(days=1)
        deadline = datetime.datetime.combine(
            today + datetime.timedelta(days=30), datetime.time(15, 30), tzinfo=timezone.get_current_timezone()
        )
        call = self.new_call(year=year, deadline=deadline, announced=announced, clerk=clerk)
        if call is None:
            return
        end = min(start + datetime.timedelta(days=60), D(year, 12, 31))
        offers = [
            services.offer_submit(call=call, data=offer_input(n + 3, title, place, start, end))
            for n, (title, place) in enumerate(CLOSED_TASKS)
        ]
        # The competition ran earlier: its announcements and deadline are set back before it is closed.
        past_announced = today - datetime.timedelta(days=60)
        GrantCall.objects.filter(pk=call.pk).update(
            published_bip_on=past_announced,
            published_board_on=past_announced,
            published_web_on=past_announced,
            offers_deadline=timezone.now() - datetime.timedelta(days=30),
            selection_date=today - datetime.timedelta(days=10),
        )
        call.refresh_from_db()
        transition_perform(obj=call, name="close_offers", acting_user=clerk)
        for offer in offers:
            transition_perform(obj=offer, name="formal_ok", acting_user=clerk)
        chair = services.committee_member_add(
            call=call, user=clerk, role=CommitteeMember.Role.CHAIR, acting_user=clerk
        )
        ngo_user, _created = get_user_model().objects.get_or_create(
            username="k.wisniewska", defaults={"first_name": "Katarzyna", "last_name": "Wiśniewska"}
        )
        if _created:
            ngo_user.set_unusable_password()
            ngo_user.save(update_fields=["password"])
        ngo = services.committee_member_add(
            call=call,
            user=ngo_user,
            role=CommitteeMember.Role.NGO,
            acting_user=clerk,
            nominated_by=COMMITTEE_NOMINATOR[0],
            nominated_by_register=COMMITTEE_NOMINATOR[1],
        )
        username, first_name, last_name = COMMITTEE_EXPERT
        expert_user, _created = get_user_model().objects.get_or_create(
            username=username, defaults={"first_name": first_name, "last_name": last_name}
        )
        if _created:
            expert_user.set_unusable_password()
            expert_user.save(update_fields=["password"])
        expert = services.committee_member_add(
            call=call, user=expert_user, role=CommitteeMember.Role.EXPERT, acting_user=clerk
        )
        criteria = list(call.criteria.filter(kind="merit").order_by("position"))
        # The expert would have put the last offer first; the ranking follows the voting members only.
        for offer, points, expert_points in zip(offers, (9, 7, 4), (3, 6, 10), strict=True):
            for member, member_points in ((chair, points), (ngo, points), (expert, expert_points)):
                assignment = services.offer_assign(member=member, offer=offer, acting_user=clerk)
                services.impartiality_declare(assignment=assignment, has_conflict=False, acting_user=member.user)
                services.scores_record(
                    assignment=assignment,
                    points={criterion.pk: Decimal(member_points) for criterion in criteria},
                    acting_user=member.user,
                )
        granted, second, refused = (GrantOffer.objects.get(pk=o.pk) for o in offers)
        services.offer_amounts_set(
            offer=granted, acting_user=clerk, recommended=Decimal("4500"), granted=Decimal("4500")
        )
        services.offer_amounts_set(
            offer=second, acting_user=clerk, recommended=Decimal("3000"), granted=Decimal("3000")
        )
        transition_perform(obj=call, name="resolve", acting_user=clerk)
        granted.refresh_from_db()
        agreement = services.agreement_sign(
            offer=granted,
            number=f"UM/KSP/{year}/1",
            signed_on=today - datetime.timedelta(days=3),
            bank_account="PL61109010140000071219812874",
            tranches=[(today + datetime.timedelta(days=7), Decimal("4500"))],
            acting_user=clerk,
        )
        # A partial report demanded at once: the organisation files it from its offer's tracking link.
        services.report_request_partial(
            agreement=agreement, due_on=rules.partial_report_earliest_due(today), acting_user=clerk
        )

    def small_grant(self, clerk, today):
        """A small-grant offer (u.d.p.p. art. 19a) published for 7 days of comments."""
        title = "Wieczór kolęd śląskich w Klubie Seniora w Halembie"
        if GrantOffer.objects.filter(kind=GrantOffer.Kind.SMALL_GRANT, title=title).exists():
            return
        start = today + datetime.timedelta(days=10)
        year = start.year
        YearPlan.objects.get_or_create(year=year, defaults={"planned_ngo_subsidies": Decimal("400000.00")})
        end = start + datetime.timedelta(days=20)
        data = offer_input(5, title, "Klub Seniora, ul. Energetyków 8", start, end, requested=Decimal("4000"))
        # Sent on the simplified offer (Dz.U. 2018 poz. 2055), which does not ask what the full form's section IV,
        # schedule and results table do (grants.forms.SMALL_GRANT_OFFER_OMITTED).
        data.fields.update(experience="", resources="", paid_activity=False, other_information="")
        data.actions, data.results = [], []
        offer = services.offer_submit(call=None, data=data)
        transition_perform(obj=offer, name="formal_ok", acting_user=clerk)
        transition_perform(obj=offer, name="publish_small_grant", acting_user=clerk)
