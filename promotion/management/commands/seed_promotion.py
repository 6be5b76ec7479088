"""Demo investment sites of Ruda Śląska, investor inquiries in their states, and the culture and promotion plans.

`manage.py seed_promotion` writes five published cards (one a draft) with their utilities and transport links, and
opens inquiries as the public form does (`inquiry_open`), moving them as a clerk would
(`core.services.transition_perform`): one waiting for its answer, one answered. Sites, companies and people are
invented; the distances are plausible for the city (the A4 and the DTŚ cross it, Katowice-Pyrzowice is about 35 km
away).

The culture development programme 2025–2028 and the promotion plan 2026 come with their goals, objectives, actions and
yearly targets; 2025 has its values, later years wait for the clerk.

The festival "Dni Rudy Śląskiej" is produced as an own event of the city (`production_create`: the checklist of the
kind "Festiwal plenerowy" becomes its tasks, one done, one overdue, the rest ahead), with its budget, a partner and its
agreement, and linked to the calendar's entry and the newest press release that seed_events and seed_press wrote.

Idempotent: a site or plan whose address (slug), an inquiry whose company or an own event whose title is already there
is not created again.
"""

from datetime import date, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from core.management.demo import DemoDataCommand
from core.services import transition_perform
from events.models import Event
from press.models import PressRelease
from promotion.models import (
    ActionYear,
    BudgetLine,
    ChecklistItem,
    EventProduction,
    InvestmentSite,
    InvestorInquiry,
    PlanAction,
    PlanGoal,
    PlanObjective,
    ProductionKind,
    ProductionPartner,
    SiteTransport,
    SiteUtility,
    StrategicPlan,
)
from promotion.services import inquiry_open, production_create

CONTACT = {
    "contact_name": "Marek Wieczorek",
    "contact_role": "Centrum Obsługi Inwestora",
    "contact_email": "inwestor@rudaslaska.pl",
    "contact_phone": "32 244 90 00 wew. 3260",
}
STANDARD_LINKS = [
    ("national_road", "Drogowa Trasa Średnicowa (DK 79)", Decimal("2.5")),
    ("railway", "linia kolejowa nr 137 Katowice–Legnica", Decimal("3.0")),
    ("airport", "Port Lotniczy Katowice-Pyrzowice", Decimal("35.0")),
    ("seaport", "Port Gdańsk", Decimal("540.0")),
]

SITES = [
    {
        "slug": "halemba-a4",
        "name": "Teren inwestycyjny Halemba — przy autostradzie A4",
        "name_en": "Halemba investment site by the A4 motorway",
        "district": "halemba",
        "street": "ul. Kłodnicka, przy węźle A4 Ruda Śląska-Halemba",
        "plot_numbers": "obręb Halemba, działki 2150/12, 2150/14",
        "latitude": Decimal("50.228400"),
        "longitude": Decimal("18.869100"),
        "description": "Płaski, uzbrojony teren przy autostradzie A4, przeznaczony pod produkcję i logistykę.",
        "description_en": "A flat site with utilities next to the A4 motorway, zoned for production and logistics.",
        "area_ha": Decimal("12.40"),
        "expansion_possible": True,
        "expansion_ha": Decimal("4.00"),
        "shape": "regularny prostokąt",
        "terrain": "płaski, różnice do 1,5 m",
        "current_use": "nieużytek",
        "soil_class": "Bp",
        "zoning_status": "local_plan",
        "permitted_use": "industrial",
        "zoning_notes": "Symbol planu 12P/U: wysokość zabudowy do 20 m, powierzchnia zabudowy do 70%.",
        "zoning_notes_en": "Plan symbol 12P/U: buildings up to 20 m high, up to 70% of the plot built up.",
        "ownership": "municipal",
        "price_per_m2": Decimal("180.00"),
        "price_note": "sprzedaż w przetargu nieograniczonym",
        "in_economic_zone": True,
        "road_access": "droga asfaltowa, szerokość 7 m",
        "mining_damage": "II",
        "utilities": [
            ("electricity", 0, "2,5 MW"),
            ("gas", 150, "DN 100"),
            ("water", 0, "40 m³/h"),
            ("sewage", 0, "DN 300"),
            ("telecom", 0, "światłowód"),
        ],
        "links": [("motorway", "autostrada A4, węzeł Halemba", Decimal("0.8")), *STANDARD_LINKS],
    },
    {
        "slug": "wirek-szyb-walenty",
        "name": "Park Biznesu Szyb Walenty",
        "name_en": "Szyb Walenty Business Park",
        "district": "wirek",
        "street": "ul. 1 Maja, teren dawnej kopalni Wawel",
        "description": "Teren poprzemysłowy po kopalni, z zachowanym szybem, pod usługi i biura.",
        "description_en": "A former colliery site with its preserved shaft, for services and offices.",
        "area_ha": Decimal("5.20"),
        "zoning_status": "local_plan",
        "permitted_use": "services",
        "ownership": "municipal",
        "price_total": Decimal("4500000.00"),
        "in_economic_zone": False,
        "road_access": "droga asfaltowa, szerokość 6 m",
        "mining_damage": "III",
        "power_lines": True,
        "restrictions": "Linia energetyczna 110 kV wzdłuż północnej granicy; strefa ochronna 15 m.",
        "restrictions_en": "A 110 kV power line along the northern border; a 15 m protection zone.",
        "utilities": [("electricity", 0, "1 MW"), ("water", 0, ""), ("sewage", 50, ""), ("heating", 200, "")],
        "links": [("motorway", "autostrada A4", Decimal("4.0")), *STANDARD_LINKS],
    },
    {
        "slug": "bielszowice-logistyka",
        "name": "Tereny logistyczne Bielszowice",
        "name_en": "Bielszowice logistics land",
        "district": "bielszowice",
        "street": "ul. Kokota, przy bocznicy kolejowej",
        "description": "Duży teren z dostępem do bocznicy kolejowej, w planie pod składy i magazyny.",
        "area_ha": Decimal("24.00"),
        "expansion_possible": True,
        "zoning_status": "plan_in_preparation",
        "permitted_use": "logistics",
        "ownership": "state_treasury",
        "price_note": "cena do uzgodnienia",
        "in_economic_zone": True,
        "road_access": "droga utwardzona, szerokość 8 m",
        "mining_damage": "I",
        "utilities": [("electricity", 300, "5 MW"), ("gas", 0, "DN 150"), ("water", 100, "")],
        "links": [("motorway", "autostrada A4", Decimal("6.5")), *STANDARD_LINKS],
    },
    {
        "slug": "nowy-bytom-technologie",
        "name": "Nowy Bytom — teren pod biura i technologie",
        "district": "nowy_bytom",
        "street": "ul. Niedurnego, sąsiedztwo Centrum Inicjatyw Gospodarczych",
        "description": "Niewielka działka w centrum dzielnicy, pod biurowiec lub centrum usług wspólnych.",
        "area_ha": Decimal("1.10"),
        "zoning_status": "zoning_decision",
        "permitted_use": "offices",
        "ownership": "private",
        "price_per_m2": Decimal("320.00"),
        "in_economic_zone": False,
        "road_access": "ul. Niedurnego, asfalt",
        "mining_damage": "none",
        "utilities": [
            ("electricity", 0, ""),
            ("gas", 0, ""),
            ("water", 0, ""),
            ("sewage", 0, ""),
            ("wastewater", 0, ""),
            ("telecom", 0, "światłowód"),
            ("heating", 0, ""),
        ],
        "links": [("motorway", "autostrada A4", Decimal("5.0")), *STANDARD_LINKS],
    },
    {
        "slug": "kochlowice-mieszane",
        "name": "Kochłowice — teren usługowo-produkcyjny",
        "district": "kochlowice",
        "street": "ul. Oświęcimska",
        "description": "Teren o przeznaczeniu mieszanym przy drodze krajowej, w pobliżu Katowic.",
        "area_ha": Decimal("3.75"),
        "zoning_status": "no_plan",
        "permitted_use": "mixed",
        "ownership": "mixed",
        "price_per_m2": Decimal("150.00"),
        "in_economic_zone": False,
        "mining_damage": "II",
        "protected_area": False,
        "flood_risk": True,
        "utilities": [("electricity", 500, ""), ("water", 200, "")],
        "links": [("motorway", "autostrada A4, węzeł Kochłowice", Decimal("1.5")), *STANDARD_LINKS],
    },
    {
        "slug": "orzegow-w-przygotowaniu",
        "name": "Orzegów — karta w przygotowaniu",
        "district": "orzegow",
        "street": "ul. Hlonda",
        "description": "Karta czeka na dane geodezyjne.",
        "area_ha": Decimal("2.00"),
        "zoning_status": "no_plan",
        "permitted_use": "industrial",
        "ownership": "municipal",
        "is_published": False,
        "utilities": [],
        "links": [],
    },
]

INQUIRIES = [
    {
        "state": "received",
        "company_name": "Autoparts Silesia sp. z o.o.",
        "country": "Polska",
        "contact_name": "Katarzyna Lis",
        "contact_email": "k.lis@autoparts-silesia.example.pl",
        "sector": "części samochodowe",
        "needed_area_ha": Decimal("10.00"),
        "needs": "Zakład produkcyjny, ok. 250 miejsc pracy, zapotrzebowanie na moc 2 MW, start w 2028 r.",
        "sites": ["halemba-a4"],
    },
    {
        "state": "answered",
        "company_name": "Nordic Logistics AB",
        "country": "Szwecja",
        "contact_name": "Erik Lindqvist",
        "contact_email": "erik.lindqvist@nordiclogistics.example.se",
        "sector": "logistyka",
        "needed_area_ha": Decimal("20.00"),
        "needs": "Warehouse with rail access, 24/7 operation, 80 jobs.",
        "sites": ["bielszowice-logistyka"],
        "answer": "Teren w Bielszowicach ma bocznicę; plan miejscowy będzie uchwalony w II kwartale. Zapraszamy na "
        "wizję lokalną.",
    },
]

PLANS = [
    {
        "slug": "program-rozwoju-kultury-2025-2028",
        "kind": "culture",
        "title": "Program rozwoju kultury Miasta Ruda Śląska na lata 2025–2028",
        "first_year": 2025,
        "last_year": 2028,
        "adopting_act": "resolution",
        "act_number": "uchwała nr PR.0007.214.2024",
        "adopted_on": date(2024, 11, 28),
        "summary": "Kultura bliżej mieszkańców: w każdej dzielnicy, dla każdego pokolenia, z wykorzystaniem "
        "dziedzictwa przemysłowego miasta.",
        "goals": [
            (
                "Kultura dostępna w każdej dzielnicy",
                [
                    (
                        "Rozwój oferty domów kultury i filii bibliotek",
                        [
                            (
                                "Zajęcia stałe w domach kultury",
                                "Miejskie Centrum Kultury im. Henryka Bisty",
                                "1200000.00",
                                "uczestnicy zajęć stałych",
                                "osób",
                                "2400",
                                {
                                    2025: ("2600", "2710", "300000.00"),
                                    2026: ("2800", None, None),
                                    2027: ("3000", None, None),
                                    2028: ("3200", None, None),
                                },
                            ),
                            (
                                "Wydarzenia plenerowe w dzielnicach",
                                "Wydział Kultury, Komunikacji Społecznej i Promocji Miasta",
                                "800000.00",
                                "wydarzenia plenerowe",
                                "wydarzeń",
                                "18",
                                {
                                    2025: ("20", "19", "190000.00"),
                                    2026: ("22", None, None),
                                    2027: ("24", None, None),
                                    2028: ("26", None, None),
                                },
                            ),
                        ],
                    ),
                ],
            ),
            (
                "Dziedzictwo przemysłowe jako marka miasta",
                [
                    (
                        "Udostępnianie obiektów poprzemysłowych",
                        [
                            (
                                "Zwiedzanie Szybu Andrzej i Szybu Wilson",
                                "Muzeum Miejskie im. Maksymiliana Chroboka",
                                "450000.00",
                                "zwiedzający",
                                "osób",
                                "5000",
                                {
                                    2025: ("6000", "6450", "110000.00"),
                                    2026: ("7000", None, None),
                                    2027: ("8000", None, None),
                                    2028: ("9000", None, None),
                                },
                            ),
                        ],
                    ),
                ],
            ),
        ],
    },
    {
        "slug": "plan-promocji-miasta-2026",
        "kind": "promotion",
        "title": "Plan promocji Miasta Ruda Śląska na rok 2026",
        "first_year": 2026,
        "last_year": 2026,
        "adopting_act": "order",
        "act_number": "zarządzenie nr SA.0050.12.2026",
        "adopted_on": date(2026, 1, 15),
        "summary": "Kampanie, targi inwestycyjne i media społecznościowe miasta w roku 2026.",
        "goals": [
            (
                "Rozpoznawalność miasta jako miejsca do inwestowania",
                [
                    (
                        "Obecność na targach i w mediach branżowych",
                        [
                            (
                                "Stoisko miasta na targach inwestycyjnych",
                                "Centrum Obsługi Inwestora",
                                "150000.00",
                                "zapytania inwestorów po targach",
                                "zapytań",
                                "12",
                                {2026: ("20", None, None)},
                            ),
                        ],
                    ),
                ],
            ),
        ],
    },
]


FESTIVAL_KIND = "Festiwal plenerowy"
#: The checklist of an open-air festival: (task, days before the first day; negative: after it).
FESTIVAL_CHECKLIST = [
    ("Rezerwacja terenu i zgoda zarządcy", 90),
    ("Umowy z artystami i agencją techniczną", 60),
    ("Wniosek o zezwolenie na imprezę masową", 45),
    ("Komunikat prasowy i wpis w kalendarzu wydarzeń", 30),
    ("Plan ochrony, służby medyczne i toalety", 21),
    ("Odbiór sceny i próba dźwięku", 1),
    ("Rozliczenie faktur i sprawozdanie", -14),
]
FESTIVAL_TITLE = "Dni Rudy Śląskiej"
FESTIVAL_BUDGET = [
    ("Scena, nagłośnienie i oświetlenie", "85000.00", "42500.00"),
    ("Honoraria artystów", "160000.00", "80000.00"),
    ("Ochrona i służby medyczne", "38000.00", "0.00"),
    ("Promocja: plakaty, media społecznościowe", "12000.00", "9800.00"),
]


class Command(DemoDataCommand):
    help = "Load demo investment sites and investor inquiries."

    @transaction.atomic
    def handle(self, *args, **options):
        clerk = self.demo_clerk("promotion")
        sites = 0
        for data in SITES:
            if not InvestmentSite.objects.filter(slug=data["slug"]).exists():
                self.seed_site(dict(data))
                sites += 1
        inquiries = 0
        for data in INQUIRIES:
            if not InvestorInquiry.objects.filter(company_name=data["company_name"]).exists():
                self.seed_inquiry(dict(data), clerk)
                inquiries += 1
        plans = 0
        for data in PLANS:
            if not StrategicPlan.objects.filter(slug=data["slug"]).exists():
                self.seed_plan(dict(data))
                plans += 1
        productions = 0
        if not EventProduction.objects.filter(title=FESTIVAL_TITLE).exists():
            self.seed_festival(clerk)
            productions += 1
        self.stdout.write(
            f"Tereny inwestycyjne: {sites} nowych kart, {inquiries} nowych zapytań inwestorów; {plans} nowych planów; "
            f"{productions} nowych wydarzeń miasta."
        )

    def seed_festival(self, clerk):
        kind, created = ProductionKind.objects.get_or_create(name=FESTIVAL_KIND)
        if created:
            ChecklistItem.objects.bulk_create(
                ChecklistItem(kind=kind, title=title, days_before=days, position=position)
                for position, (title, days) in enumerate(FESTIVAL_CHECKLIST)
            )
        starts_on = timezone.localdate() + timedelta(days=35)
        event = (
            Event.objects.filter(title__icontains=FESTIVAL_TITLE).order_by("-pk").first()
            or Event.objects.filter(category__slug="festyny-i-plenery").order_by("-pk").first()
        )
        release = PressRelease.objects.filter(status=PressRelease.Status.PUBLISHED).order_by("-publish_at").first()
        production = production_create(
            production=EventProduction(
                title=FESTIVAL_TITLE,
                kind=kind,
                starts_on=starts_on,
                ends_on=starts_on + timedelta(days=1),
                place="Amfiteatr w Parku Strzelnica, ul. Strzelnicza",
                coordinator=clerk,
                calendar_event=event,
                press_release=release,
                notes="Dwa dni koncertów; gwiazda wieczoru w sobotę o 21:00.",
            ),
            acting_user=clerk,
        )
        # The first tasks of the checklist are behind: the venue is booked, the artists' contracts still wait.
        first = production.tasks.order_by("due_on").first()
        first.done_on = first.due_on
        first.save(update_fields=["done_on"])
        BudgetLine.objects.bulk_create(
            BudgetLine(production=production, title=title, planned=Decimal(planned), spent=Decimal(spent), position=n)
            for n, (title, planned, spent) in enumerate(FESTIVAL_BUDGET)
        )
        ProductionPartner.objects.create(
            production=production,
            name="Miejskie Centrum Kultury im. Henryka Bisty",
            address="ul. Niedurnego 69, 41-709 Ruda Śląska",
            representative="dyrektor Centrum",
            city_obligations="Zapewnić teren, scenę i nagłośnienie.\nZapewnić ochronę i służby medyczne.",
            partner_obligations="Przygotować program artystyczny.\nProwadzić strefę animacji dla dzieci.",
            city_contribution=Decimal("283000.00"),
            partner_contribution=Decimal("25000.00"),
            agreement_number="KP.526.1.2026",
            agreement_signed_on=timezone.localdate() - timedelta(days=30),
        )

    def seed_site(self, data):
        utilities = data.pop("utilities")
        links = data.pop("links")
        site = InvestmentSite.objects.create(**{"is_published": True, **CONTACT, **data})
        SiteUtility.objects.bulk_create(
            SiteUtility(site=site, kind=kind, distance_m=distance, capacity=capacity)
            for kind, distance, capacity in utilities
        )
        SiteTransport.objects.bulk_create(
            SiteTransport(site=site, kind=kind, name=name, distance_km=distance) for kind, name, distance in links
        )

    def seed_inquiry(self, data, clerk):
        state = data.pop("state")
        answer = data.pop("answer", "")
        sites = list(InvestmentSite.objects.filter(slug__in=data.pop("sites")))
        inquiry = inquiry_open(
            inquiry=InvestorInquiry(**data),
            sites=sites,
            received_on=timezone.localdate() - timedelta(days=2 if state == "received" else 6),
            acknowledge=False,
        )
        if state == "answered":
            transition_perform(obj=inquiry, name="answer", acting_user=clerk, note=answer)

    def seed_plan(self, data):
        goals = data.pop("goals")
        plan = StrategicPlan.objects.create(is_published=True, **data)
        for goal_number, (goal_title, objectives) in enumerate(goals, start=1):
            goal = PlanGoal.objects.create(plan=plan, number=goal_number, title=goal_title)
            for objective_number, (objective_title, actions) in enumerate(objectives, start=1):
                objective = PlanObjective.objects.create(goal=goal, number=objective_number, title=objective_title)
                for action_number, (title, unit_name, budget, indicator, unit, baseline, years) in enumerate(
                    actions, start=1
                ):
                    action = PlanAction.objects.create(
                        objective=objective,
                        number=action_number,
                        title=title,
                        responsible_unit=unit_name,
                        budget=Decimal(budget),
                        indicator=indicator,
                        unit=unit,
                        baseline=Decimal(baseline),
                        baseline_year=plan.first_year - 1,
                    )
                    ActionYear.objects.bulk_create(
                        ActionYear(
                            action=action,
                            year=year,
                            target=Decimal(target),
                            value=Decimal(value) if value else None,
                            spent=Decimal(spent) if spent else None,
                        )
                        for year, (target, value, spent) in years.items()
                    )
