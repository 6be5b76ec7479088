"""Row makers of every model the admin shows: `ROW_MAKERS[Model]()` writes one more row of its changelist.

The admin pages test fills each changelist with 3 and then 30 rows through these, so a list column that reads
the database once per row shows up as a growing query count. A model registered in the admin without a row maker
fails that test: the maker is written with the admin. Case records are opened through `core.services.case_open`,
as every public form does; the rest are written as the clerks' forms write them. Rows of one changelist share
nothing but what the maker names (each row gets its own parents), so a missing `list_select_related` shows.
"""

import itertools
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal

from django.contrib.auth.models import Group, User
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.db import models
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_tasks_db.models import DBTaskResult

from accessibility.models import (
    AccessibilityDeclaration,
    AccessibilityReport,
    AccessibilityRequest,
    ActionPlan,
    DigitalAccessibilityDemand,
)
from awards.models import AwardApplication, AwardCall, AwardResolution
from core.models import (
    CaseKind,
    CaseRegisterEntry,
    DepartmentDuty,
    DepartmentProfile,
    Feedback,
    InformationClause,
    JrwaClass,
    OrganisationalUnit,
    OutboxMessage,
    PublicImage,
    RetentionAction,
    SectionSettings,
    StaticPage,
)
from core.roles import SECTIONS
from core.services import case_mark_allocate, case_open
from council.models import CouncilInvitation, CouncilMember, CouncilOpinion, CouncilSitting, CouncilTerm
from events.models import Category, Event, EventSubmission, Venue
from grants.models import (
    CallCriterion,
    CallDocument,
    CommitteeMember,
    ExternalSmallGrant,
    GrantAgreement,
    GrantCall,
    GrantControl,
    GrantOffer,
    GrantReport,
    GrantSettlement,
    MeritScore,
    OfferAssignment,
    RegisteredLetterFee,
    SmallGrantComment,
    TaxArrearsInterestRate,
    YearPlan,
)
from institutions.models import (
    CulturalInstitution,
    DirectorTerm,
    ExtractRequest,
    FinancialStatement,
    Inspection,
    InstitutionSubsidy,
    LegalAct,
    RegisterEntry,
    RegistrationDocument,
    ReorganisationPlan,
)
from library.models import (
    Department,
    LibraryItem,
    Loan,
    LoanReminder,
    LoanRule,
    PeriodicalIssue,
    Reservation,
    Subscription,
    WriteOffProtocol,
)
from library.services import issue_log, item_add, loan_lend, reservation_place, write_off_record
from mass_events.models import EventNotification, MassEventPermitApplication
from meetings.models import MeetingRegistration, MeetingRequest, ResidentMeeting
from meetings.services import meeting_register, request_record
from monitoring.models import (
    CityUnit,
    KeywordRule,
    MediaMention,
    MonitoredSource,
    PressCorrection,
    PressReview,
    SourceItem,
    WatchedHost,
)
from mourning.models import MourningPeriod
from newsletter.models import Mailing, Subscriber
from patronage.models import FileSet, PatronageApplication, SymbolMisuseReport, SymbolUseRequest
from press.models import (
    Accreditation,
    DistributionLogEntry,
    LetterTemplate,
    MediaContact,
    MediaList,
    MediaOutlet,
    OccasionalLetter,
    PressConference,
    PressRelease,
    SocialPost,
    Topic,
)
from promotion.models import (
    BudgetLine,
    ChecklistItem,
    EventProduction,
    InvestmentSite,
    InvestorInquiry,
    PlanAction,
    PlanGoal,
    PlanObjective,
    ProductionKind,
    ProductionTask,
    SitePhoto,
    SiteTransport,
    SiteUtility,
    StrategicPlan,
)
from tests.core.upload_corpus import valid_pdf

RowMaker = Callable[[], models.Model]
ROW_MAKERS: dict[type[models.Model], RowMaker] = {}
#: Models that cannot have 30 rows (one row per section of the department): the changelist test fills as many.
ROW_LIMITS: dict[type[models.Model], int] = {SectionSettings: len(SECTIONS)}

# The models whose admin add form answers 403 to every clerk, the IT administrator too: their rows come only from a
# public form (a case the applicant opens), a service (the register of cases, the outbox, a score, a mailing) or the
# device enrolment. Every other admin model's add form answers 200; tests/core/test_admin_pages.py holds both to it.
ADD_FORM_REFUSED: frozenset[type[models.Model]] = frozenset(
    {
        # Cases opened by the applicant's public form (core.services.case_open).
        Accreditation,
        AwardApplication,
        EventNotification,
        EventSubmission,
        ExtractRequest,
        Feedback,
        GrantOffer,
        MassEventPermitApplication,
        PatronageApplication,
        SymbolUseRequest,
        InvestorInquiry,
        AccessibilityRequest,
        DigitalAccessibilityDemand,
        # Rows written by a service or a job.
        CaseKind,
        CaseRegisterEntry,
        CouncilInvitation,
        DBTaskResult,
        DistributionLogEntry,
        LoanReminder,
        MeetingRegistration,
        MeritScore,
        OutboxMessage,
        # A subscriber adds themselves (the newsletter's double opt-in), never a clerk.
        Subscriber,
        RetentionAction,
        SmallGrantComment,
        SourceItem,
        # Prepared from the mentions a clerk selects (monitoring's "Prepare a press review" action).
        PressReview,
        # Second-factor devices: added by the user's own enrolment, never by hand.
        StaticDevice,
        TOTPDevice,
    }
)

# A valid PESEL (born 14.05.1944, check digit 9): the textbook example, not a real person's number.
PESEL = "44051401359"
TODAY = date(2026, 3, 2)
_serial = itertools.count(1)


def row_maker(model: type[models.Model]) -> Callable[[RowMaker], RowMaker]:
    """Register the decorated function as the row maker of `model`."""

    def register(make: RowMaker) -> RowMaker:
        ROW_MAKERS[model] = make
        return make

    return register


def plain(model: type[models.Model], **fields) -> RowMaker:
    """Register and return a maker that creates `model` from `fields`: "{n}" in a text becomes a serial number,
    and a callable is called with it."""

    def make():
        n = next(_serial)
        values = {
            name: value(n) if callable(value) else value.format(n=n) if isinstance(value, str) else value
            for name, value in fields.items()
        }
        return model.objects.create(**values)

    return row_maker(model)(make)


def in_days(days: int):
    return timezone.now().replace(microsecond=0) + timedelta(days=days)


# ------------------------------------------------------------------------------------------------------------------
# Accounts and the kernel
# ------------------------------------------------------------------------------------------------------------------


group = plain(Group, name="Grupa {n}")
unit = plain(OrganisationalUnit, symbol="T{n}", name="Referat {n}")
jrwa_class = plain(JrwaClass, symbol="9{n:03}", title="Sprawy {n}", archival_category="B5")
plain(DepartmentDuty, position=lambda n: 100 + n, title="Zadanie {n}")
plain(
    DepartmentProfile,
    name="Wydział {n}",
    head_name="A. Nowak",
    address="pl. Jana Pawła II 6",
    phone="32 244 90 00",
    email="w@e.pl",
)
plain(
    InformationClause,
    form_key="feedback",
    version=lambda n: 100 + n,
    legal_basis="art6_1_e",
    text="Administratorem…",
    valid_from=TODAY,
)
plain(OutboxMessage, to=["osoba@example.pl"], subject="Wiadomość {n}", body_text="Treść.")
plain(PublicImage, image="public/obraz-{n}.jpg", alt_text="Obraz {n}", width=640, height=480)
plain(StaticPage, title="Strona {n}", body="<p>x</p>", is_published=True)


@row_maker(User)
def user():
    n = next(_serial)
    return User.objects.create_user(username=f"osoba{n}", email=f"osoba{n}@example.pl", first_name="Anna")


@row_maker(TOTPDevice)
def totp_device():
    n = next(_serial)
    return TOTPDevice.objects.create(user=user(), name=f"Telefon {n}")


@row_maker(StaticDevice)
def static_device():
    n = next(_serial)
    return StaticDevice.objects.create(user=user(), name=f"Kody zapasowe {n}")


@row_maker(DBTaskResult)
def task_result():
    return DBTaskResult.objects.create(
        args_kwargs={"args": [], "kwargs": {}},
        task_path="core.tasks.outbox_send",
        backend_name="default",
        run_after=in_days(1),
        exception_class_path="",
        traceback="",
    )


@row_maker(CaseKind)
def case_kind():
    n = next(_serial)
    return CaseKind.objects.create(key=f"test.kind{n}", name=f"Rodzaj {n}", unit=unit(), jrwa_class=jrwa_class())


@row_maker(CaseRegisterEntry)
def register_entry():
    n = next(_serial)
    return case_mark_allocate(unit=unit(), jrwa_class=jrwa_class(), title=f"Sprawa {n}")


@row_maker(Feedback)
def feedback():
    n = next(_serial)
    return case_open(case=Feedback(message=f"Opinia {n}", contact_email="a@example.pl"), title="Opinia o portalu")


@row_maker(SectionSettings)
def section_settings():
    taken = set(SectionSettings.objects.values_list("section", flat=True))
    code = next(section.code for section in SECTIONS if section.code not in taken)
    return SectionSettings.objects.create(section=code, inbox_email=f"{code}@example.pl", default_handler=user())


@row_maker(RetentionAction)
def retention_action():
    n = next(_serial)
    return RetentionAction.objects.create(
        case_mark=f"KU.0000.{n}.2020",
        content_type=ContentType.objects.get_for_model(Feedback),
        object_id=n + 1,
        archival_category="B5",
    )


# ------------------------------------------------------------------------------------------------------------------
# Events and mass events
# ------------------------------------------------------------------------------------------------------------------


category = plain(Category, name="Kategoria {n}", slug="kategoria-{n}", position=lambda n: 100 + n)
venue = plain(Venue, name="Dom Kultury {n}", street_address="ul. Główna {n}", district="halemba")


@row_maker(Event)
def event():
    n = next(_serial)
    created = Event.objects.create(
        title=f"Koncert {n}",
        slug=f"koncert-{n}",
        lead="Wieczór muzyki.",
        category=category(),
        venue=venue(),
        organiser_name="MCK",
        status=Event.Status.PUBLISHED,
        published_at=timezone.now(),
    )
    created.occurrences.create(starts_at=in_days(n + 1))
    return created


@row_maker(EventSubmission)
def event_submission():
    n = next(_serial)
    submitted = EventSubmission(event=event(), contact_name=f"Organizator {n}", contact_email="org@example.pl")
    return case_open(case=submitted, title=f"Zgłoszenie wydarzenia {n}")


def _event_case_fields(n):
    return {
        "organiser_name": f"Stowarzyszenie {n}",
        "organiser_address": "ul. Kokota 1, 41-711 Ruda Śląska",
        "contact_name": "Anna Nowak",
        "contact_email": "anna.nowak@example.pl",
        "event_name": f"Festiwal {n}",
        "venue": "Park Dworski",
        "starts_at": in_days(60 + n),
        "ends_at": in_days(60 + n) + timedelta(hours=4),
        "expected_participants": 400,
        "received_on": timezone.localdate(),
    }


@row_maker(EventNotification)
def event_notification():
    n = next(_serial)
    notified = EventNotification(
        event_type="koncert plenerowy",
        character="otwarty",
        safety_measures="Ochrona.",
        accessibility_measures="Strefa dla osób na wózkach.",
        **_event_case_fields(n),
    )
    return case_open(case=notified, title=f"Zawiadomienie o imprezie {n}")


@row_maker(MassEventPermitApplication)
def permit_application():
    n = next(_serial)
    application = MassEventPermitApplication(
        organiser_kind="organisation",
        contact_phone="600 100 200",
        event_type="artistic",
        programme="Koncerty.",
        venue_kind="open_area",
        places_total=5000,
        places_available=3000,
        stewards=60,
        info_staff=20,
        threats="Upał.",
        security_manager_name="Jan Kowalski",
        security_manager_pesel=PESEL,
        security_manager_certificate="KB/123/2024",
        security_manager_phone="600 200 300",
        timeliness="on_time",
        **_event_case_fields(n),
    )
    return case_open(case=application, title=f"Wniosek o zezwolenie {n}")


# ------------------------------------------------------------------------------------------------------------------
# Grants
# ------------------------------------------------------------------------------------------------------------------


plain(TaxArrearsInterestRate, valid_from=lambda n: date(2000, 1, 1) + timedelta(days=n), annual_percent=8)
plain(RegisteredLetterFee, valid_from=lambda n: date(2000, 1, 1) + timedelta(days=n), fee=Decimal("2.90"))
plain(YearPlan, year=lambda n: 2100 + n, planned_ngo_subsidies=Decimal("500000.00"))
plain(
    ExternalSmallGrant,
    organisation_name="Stowarzyszenie {n}",
    register_number=lambda n: f"KRS {n:010d}",
    task_title="Zadanie {n}",
    amount=Decimal("5000.00"),
    granted_on=lambda n: date(2026, 1, 1) + timedelta(days=n),
)


@row_maker(GrantCall)
def grant_call():
    n = next(_serial)
    return GrantCall.objects.create(
        title=f"Konkurs {n}",
        slug=f"konkurs-{n}",
        year=2026,
        task_type="Kultura",
        budget=Decimal("100000.00"),
        rules="Zasady.",
        implementation_from=date(2026, 5, 1),
        implementation_to=date(2026, 11, 30),
        offers_deadline=in_days(30),
        selection_date=date(2026, 4, 15),
        previous_year_info="Brak.",
    )


@row_maker(CallCriterion)
def call_criterion():
    n = next(_serial)
    return CallCriterion.objects.create(call=grant_call(), name=f"Kryterium {n}", kind="merit", max_points=10)


@row_maker(CallDocument)
def call_document():
    n = next(_serial)
    file = ContentFile(valid_pdf(), name=f"wzor-{n}.pdf")
    return CallDocument.objects.create(call=grant_call(), title=f"Wzór {n}", file=file)


@row_maker(CommitteeMember)
def committee_member():
    return CommitteeMember.objects.create(call=grant_call(), user=user())


@row_maker(GrantOffer)
def grant_offer(call=None):
    n = next(_serial)
    offer = GrantOffer(
        call=call or grant_call(),
        organisation_name=f"Stowarzyszenie {n}",
        legal_form="association",
        register_number="KRS 0000123456",
        address="ul. Niedurnego 69, 41-709 Ruda Śląska",
        email="biuro@example.pl",
        contact_name="Anna Nowak",
        contact_email="anna.nowak@example.pl",
        title=f"Zadanie {n}",
        start_date=date(2026, 5, 4),
        end_date=date(2026, 10, 30),
        place="Ruda Śląska",
        description="Opis.",
        expected_results="Rezultaty.",
        experience="Doświadczenie.",
        resources="Zasoby.",
        requested_amount=Decimal("4500.00"),
    )
    return case_open(case=offer, title=f"Oferta {n}")


@row_maker(GrantAgreement)
def grant_agreement():
    n = next(_serial)
    return GrantAgreement.objects.create(
        offer=grant_offer(),
        number=f"KSP.5220.{n}.2026",
        signed_on=date(2026, 4, 20),
        amount=Decimal("4000.00"),
        bank_account="PL61109010140000071219812874",
        implementation_from=date(2026, 5, 4),
        implementation_to=date(2026, 10, 30),
        use_deadline=date(2026, 10, 30),
    )


@row_maker(GrantControl)
def grant_control():
    return GrantControl.objects.create(agreement=grant_agreement(), controlled_on=date(2026, 10, 20), scope="Zakres")


@row_maker(GrantReport)
def grant_report():
    return GrantReport.objects.create(agreement=grant_agreement(), due_on=date(2026, 11, 30))


@row_maker(GrantSettlement)
def grant_settlement():
    return GrantSettlement.objects.create(
        agreement=grant_agreement(), used_amount=Decimal("4000.00"), unused_amount=Decimal("0.00")
    )


@row_maker(OfferAssignment)
def offer_assignment():
    member = committee_member()
    return OfferAssignment.objects.create(member=member, offer=grant_offer(call=member.call))


@row_maker(MeritScore)
def merit_score():
    assignment = offer_assignment()
    criterion = CallCriterion.objects.create(call=assignment.member.call, name="Jakość", kind="merit", max_points=10)
    return MeritScore.objects.create(assignment=assignment, criterion=criterion, points=Decimal(8))


@row_maker(SmallGrantComment)
def small_grant_comment():
    n = next(_serial)
    return SmallGrantComment.objects.create(offer=grant_offer(), author_name=f"Mieszkaniec {n}", text="Uwaga.")


# ------------------------------------------------------------------------------------------------------------------
# The register of cultural institutions
# ------------------------------------------------------------------------------------------------------------------


legal_act = plain(LegalAct, number="{n}/XXVIII/2000", adopted_on=date(2000, 6, 26), title="w sprawie")
cultural_institution = plain(CulturalInstitution, entry_no=lambda n: n, full_name="Miejska Biblioteka nr {n}")


@row_maker(RegisterEntry)
def institution_register_entry():
    return RegisterEntry.objects.create(
        institution=cultural_institution(),
        section="I",
        position=1,
        entry_date=date(2012, 5, 21),
        legal_basis=legal_act(),
        entered_by=user(),
        entered_by_name="Anna Nowak",
    )


@row_maker(DirectorTerm)
def director_term():
    n = next(_serial)
    return DirectorTerm.objects.create(
        institution=cultural_institution(),
        person_name=f"Dyrektor {n}",
        appointment_mode="competition",
        appointment_act=legal_act(),
        starts_on=date(2024, 1, 1),
        ends_on=date(2028, 12, 31),
    )


@row_maker(ExtractRequest)
def extract_request():
    n = next(_serial)
    request = ExtractRequest(
        institution=cultural_institution(),
        kind="full",
        applicant_name=f"Wnioskodawca {n}",
        applicant_address="ul. Kokota 1, 41-711 Ruda Śląska",
        delivery="electronic",
        received_on=timezone.localdate(),
    )
    return case_open(case=request, title=f"Odpis z rejestru {n}")


@row_maker(FinancialStatement)
def financial_statement():
    entry = institution_register_entry()
    return FinancialStatement.objects.create(
        institution=entry.institution,
        year=2025,
        approved_on=date(2026, 3, 31),
        approval_act=entry.legal_basis,
        register_entry=entry,
    )


@row_maker(Inspection)
def inspection():
    n = next(_serial)
    return Inspection.objects.create(
        institution=cultural_institution(), scope=f"Kontrola {n}", date_from=TODAY, date_to=TODAY
    )


@row_maker(InstitutionSubsidy)
def institution_subsidy():
    n = next(_serial)
    return InstitutionSubsidy.objects.create(
        institution=cultural_institution(), year=2026, kind="subject", purpose=f"Dotacja {n}", amount=1000
    )


@row_maker(RegistrationDocument)
def registration_document():
    n = next(_serial)
    return RegistrationDocument.objects.create(
        institution=cultural_institution(), title=f"Statut {n}", received_on=TODAY, file=f"institutions/s-{n}.pdf"
    )


@row_maker(ReorganisationPlan)
def reorganisation_plan():
    n = next(_serial)
    plan = ReorganisationPlan.objects.create(kind="merge", title=f"Połączenie {n}")
    plan.institutions.add(cultural_institution())
    return plan


# ------------------------------------------------------------------------------------------------------------------
# The press office
# ------------------------------------------------------------------------------------------------------------------


plain(Topic, name="Temat {n}", slug="temat-{n}", position=lambda n: n)
press_release = plain(PressRelease, title="Komunikat {n}", lead="Krótko.")
media_outlet = plain(MediaOutlet, name="Redakcja {n}")
media_list = plain(MediaList, name="Lista {n}")
plain(LetterTemplate, name="Wzór {n}", text="Szanowni Państwo,")
plain(OccasionalLetter, occasion="Jubileusz {n}", addressee="Jan Kowalski", needed_on=TODAY, requested_by="Prezydent")


# ------------------------------------------------------------------------------------------------------------------
# Media monitoring
# ------------------------------------------------------------------------------------------------------------------


city_unit = plain(CityUnit, name="Wydział {n}", email="wydzial{n}@rudaslaska.example")


@row_maker(MediaMention)
def media_mention():
    n = next(_serial)
    return MediaMention.objects.create(
        outlet=media_outlet(), unit=city_unit(), medium="daily", published_on=TODAY, title=f"Wzmianka {n}"
    )


watched_host = plain(WatchedHost, host="media{n}.example.pl")
plain(KeywordRule, name="Reguła {n}", terms="Rud* Śląsk*", unit=lambda n: city_unit())


@row_maker(MonitoredSource)
def monitored_source():
    n = next(_serial)
    host = watched_host()
    return MonitoredSource.objects.create(name=f"Źródło {n}", url=f"https://{host.host}/rss", outlet=media_outlet())


@row_maker(SourceItem)
def source_item():
    n = next(_serial)
    return SourceItem.objects.create(
        source=monitored_source(), key=f"k{n}", title=f"Wpis {n}", mention=media_mention()
    )


@row_maker(PressReview)
def press_review():
    n = next(_serial)
    review = PressReview.objects.create(
        title=f"Przegląd {n}", period_start=TODAY, period_end=TODAY, recipients="prezydent@rudaslaska.example"
    )
    review.mentions.set([media_mention()])
    return review


@row_maker(PressCorrection)
def press_correction():
    n = next(_serial)
    return PressCorrection.objects.create(
        mention=media_mention(),
        reference=f"KSP.0531.{n}.2026",
        editor_in_chief="Anna Nowak",
        editorial_address="ul. Niedurnego 20",
        fragment="Dwanaście milionów.",
        correction_text="Cztery miliony.",
        mayor_name="Michał Pierończyk",
    )


@row_maker(PressConference)
def press_conference():
    n = next(_serial)
    return PressConference.objects.create(title=f"Konferencja {n}", topic="Lato", starts_at=in_days(7), venue="UM")


@row_maker(Accreditation)
def accreditation():
    n = next(_serial)
    accredited = Accreditation(
        conference=press_conference(),
        full_name=f"Dziennikarz {n}",
        outlet_name="Wiadomości Rudzkie",
        role="reporter",
        email="redakcja@example.pl",
    )
    return case_open(case=accredited, title=f"Akredytacja {n}")


@row_maker(MediaContact)
def media_contact():
    n = next(_serial)
    return MediaContact.objects.create(name=f"Dziennikarz {n}", email=f"d{n}@example.pl", outlet=media_outlet())


@row_maker(DistributionLogEntry)
def distribution_log_entry():
    return DistributionLogEntry.objects.create(
        release=press_release(), contact=media_contact(), media_list=media_list()
    )


@row_maker(SocialPost)
def social_post():
    n = next(_serial)
    return SocialPost.objects.create(channel="facebook", text=f"Wpis {n}", release=press_release(), event=event())


@row_maker(LibraryItem)
def library_item():
    n = next(_serial)
    return item_add(acting_user=None, title=f"Komentarz {n}", authors="Nowak Jan", acquired_on=TODAY)


@row_maker(WriteOffProtocol)
def write_off_protocol():
    n = next(_serial)
    protocol = WriteOffProtocol(number=f"{n}/2026", drawn_up_on=TODAY, reason=WriteOffProtocol.Reason.LOST)
    return write_off_record(protocol=protocol, items=[library_item()], acting_user=None)


@row_maker(LoanRule)
def loan_rule():
    free = [kind for kind in LibraryItem.Kind.values if not LoanRule.objects.filter(kind=kind).exists()]
    if free:
        return LoanRule.objects.create(kind=free[0])
    # Only four kinds exist: the 30-row check lists these four again (each maker call must add a listed row).
    return LoanRule.objects.order_by("kind").first()


def library_employee():
    n = next(_serial)
    return User.objects.create_user(username=f"czytelnik{n}", email=f"czytelnik{n}@example.pl", last_name=f"C{n}")


@row_maker(Loan)
def loan():
    return loan_lend(item=library_item(), borrower=library_employee(), acting_user=None, today=TODAY)


@row_maker(Reservation)
def reservation():
    return reservation_place(item=library_item(), employee=library_employee(), today=TODAY)


@row_maker(LoanReminder)
def loan_reminder():
    return LoanReminder.objects.create(loan=loan(), kind=LoanReminder.Kind.OVERDUE, sent_on=TODAY)


library_department = plain(Department, name="Wydział {n}", symbol="W{n}")


@row_maker(Subscription)
def subscription():
    n = next(_serial)
    subscription = Subscription.objects.create(
        title=f"Czasopismo {n}",
        supplier="Kolporter",
        starts_on=TODAY,
        ends_on=in_days(300).date(),
        cost=Decimal("100"),
    )
    subscription.routing_stops.create(department=library_department(), position=1)
    return subscription


@row_maker(PeriodicalIssue)
def periodical_issue():
    n = next(_serial)
    return issue_log(subscription=subscription(), designation=f"{n}/2026", received_on=TODAY, acting_user=None)


# ------------------------------------------------------------------------------------------------------------------
# Scholarships and awards
# ------------------------------------------------------------------------------------------------------------------


@row_maker(AwardCall)
def award_call():
    n = next(_serial)
    return AwardCall.objects.create(
        kind="scholarship",
        year=2026,
        title=f"Stypendia artystyczne {n}",
        resolution="Uchwała Rady Miasta",
        rules="<p>Zasady.</p>",
        deadline=in_days(30),
        budget=Decimal("20000.00"),
        max_amount=Decimal("5000.00"),
        is_published=True,
    )


@row_maker(AwardResolution)
def award_resolution():
    n = next(_serial)
    return AwardResolution.objects.create(
        kind="scholarship",
        number=f"PR.0007.{n}.2026",
        adopted_on=TODAY,
        journal_item=f"Dz. Urz. Woj. Śl. z 2026 r. poz. {n}",
        max_amount=Decimal("10000.00"),
    )


@row_maker(AwardApplication)
def award_application():
    n = next(_serial)
    application = AwardApplication(
        call=award_call(),
        submitter_name=f"Artysta {n}",
        email="artysta@example.pl",
        candidate_name=f"Artysta {n}",
        field_of_art="music",
        project_title=f"Projekt {n}",
        requested_amount=Decimal("3000.00"),
        achievements="Koncerty.",
        justification="Uzasadnienie.",
    )
    return case_open(case=application, title=f"Stypendium {n}")


@row_maker(PatronageApplication)
def patronage_application():
    n = next(_serial)
    starts_on = timezone.localdate() + timedelta(days=40 + n)
    application = PatronageApplication(
        organiser_name=f"Stowarzyszenie {n}",
        organiser_address="ul. Niedurnego 69, Ruda Śląska",
        contact_name="Ewa Zielińska",
        contact_email=f"patronat{n}@example.pl",
        event_name=f"Festiwal {n}",
        starts_on=starts_on,
        ends_on=starts_on,
        venue="Park Strzelnica",
        description="Festiwal.",
        programme="Koncerty.",
        permits_confirmed=True,
        received_on=timezone.localdate(),
    )
    return case_open(case=application, title=f"Patronat {n}")


@row_maker(SymbolUseRequest)
def symbol_use_request():
    n = next(_serial)
    request = SymbolUseRequest(
        applicant_name=f"Firma {n}",
        applicant_address="ul. Kłodnicka 10, Ruda Śląska",
        contact_name="Jan Nowak",
        contact_email=f"symbole{n}@example.pl",
        symbol="logo",
        purpose="Koszulki.",
        medium="koszulki",
        period_from=timezone.localdate(),
        period_to=timezone.localdate() + timedelta(days=90),
        received_on=timezone.localdate(),
    )
    return case_open(case=request, title=f"Symbole {n}")


@row_maker(SymbolMisuseReport)
def symbol_misuse_report():
    n = next(_serial)
    return SymbolMisuseReport.objects.create(symbol="coat_of_arms", where=f"Sklep {n}", description="Herb na kubkach.")


plain(FileSet, title="Logo patronatu {n}", slug="logo-patronatu-{n}", is_published=True)


# ------------------------------------------------------------------------------------------------------------------
# Promotion and development
# ------------------------------------------------------------------------------------------------------------------


def _investment_site(n: int) -> InvestmentSite:
    return InvestmentSite.objects.create(
        name=f"Teren {n}",
        slug=f"teren-{n}",
        street="ul. Kłodnicka",
        description="Teren.",
        area_ha=Decimal("5.00"),
        zoning_status="local_plan",
        permitted_use="industrial",
        ownership="municipal",
        contact_name="Marek Wieczorek",
        contact_email="inwestor@rudaslaska.pl",
    )


@row_maker(InvestmentSite)
def investment_site():
    return _investment_site(next(_serial))


@row_maker(SiteUtility)
def site_utility():
    return SiteUtility.objects.create(site=_investment_site(next(_serial)), kind="electricity")


@row_maker(SiteTransport)
def site_transport():
    return SiteTransport.objects.create(
        site=_investment_site(next(_serial)), kind="motorway", name="A4", distance_km=Decimal("1.5")
    )


@row_maker(SitePhoto)
def site_photo():
    n = next(_serial)
    image = PublicImage.objects.create(image=f"public/teren-{n}.jpg", alt_text=f"Teren {n}", width=640, height=480)
    return SitePhoto.objects.create(site=_investment_site(n), image=image)


@row_maker(InvestorInquiry)
def investor_inquiry():
    n = next(_serial)
    inquiry = InvestorInquiry(
        company_name=f"Firma {n}",
        contact_name="Katarzyna Lis",
        contact_email=f"inwestor{n}@example.pl",
        sector="logistyka",
        needs="Magazyn.",
        received_on=timezone.localdate(),
    )
    return case_open(case=inquiry, title=f"Zapytanie {n}")


@row_maker(Subscriber)
def newsletter_subscriber():
    n = next(_serial)
    return Subscriber.objects.create(
        email=f"czytelnik{n}@example.pl",
        consent_text="Wyrażam zgodę na newsletter.",
        consent_version=1,
        consent_given_at=timezone.now(),
    )


plain(Mailing, subject="Kampania {n}", body="<p>Zapraszamy na Industriadę.</p>")
# ------------------------------------------------------------------------------------------------------------------
# Mourning: one period a week apart, so that none overlaps another.

plain(
    MourningPeriod,
    kind="city",
    reason="dla uczczenia ofiar {n}",
    starts_at=lambda n: in_days(7 * n),
    ends_at=lambda n: in_days(7 * n + 3),
    act_number="Zarządzenie nr {n}/2026",
    act_date=date(2026, 12, 1),
    act_url="https://bip.rudaslaska.pl/zarzadzenia/{n}",
)
# Accessibility coordinator
# ------------------------------------------------------------------------------------------------------------------


@row_maker(AccessibilityRequest)
def accessibility_request():
    n = next(_serial)
    request = AccessibilityRequest(
        applicant_name=f"Anna Nowak {n}",
        contact_email=f"dostepnosc{n}@example.pl",
        barrier_place=f"Budynek {n}",
        barrier_description="Schody.",
        factual_interest="Złożenie wniosku.",
        received_on=timezone.localdate(),
    )
    return case_open(case=request, title=f"Dostępność {n}")


@row_maker(DigitalAccessibilityDemand)
def digital_accessibility_demand():
    n = next(_serial)
    demand = DigitalAccessibilityDemand(
        applicant_name=f"Jan Kowalski {n}",
        contact_email=f"cyfrowa{n}@example.pl",
        page_url=f"https://kultura.rudaslaska.pl/strona-{n}/",
        problem="Brak tekstu alternatywnego.",
        received_on=timezone.localdate(),
    )
    return case_open(case=demand, title=f"Dostępność cyfrowa {n}")


@row_maker(AccessibilityDeclaration)
def accessibility_declaration():
    n = next(_serial)
    return AccessibilityDeclaration.objects.create(
        language="pl",
        site_name=f"Portal {n}",
        site_url=f"https://strona{n}.rudaslaska.pl/",
        published_on=TODAY,
        updated_on=TODAY,
        prepared_on=TODAY,
        contact_person="Koordynator",
        contact_email="dostepnosc@example.pl",
        contact_phone="32 244 90 00",
        communication="Pętla indukcyjna.",
    )


plain(ActionPlan, title="Plan dostępności {n}", period_from=TODAY, period_to=lambda n: TODAY + timedelta(days=n))
plain(AccessibilityReport, year=lambda n: 2000 + n)


def _plan_goal(n: int) -> PlanGoal:
    plan = StrategicPlan.objects.create(
        kind="culture",
        title=f"Program {n}",
        slug=f"program-{n}",
        first_year=2025,
        last_year=2028,
        adopting_act="resolution",
        act_number=f"uchwała nr {n}",
        adopted_on=TODAY,
    )
    return PlanGoal.objects.create(plan=plan, number=1, title=f"Cel {n}")


@row_maker(StrategicPlan)
def strategic_plan():
    return _plan_goal(next(_serial)).plan


@row_maker(PlanGoal)
def plan_goal():
    return _plan_goal(next(_serial))


def _plan_objective(n: int) -> PlanObjective:
    return PlanObjective.objects.create(goal=_plan_goal(n), number=1, title=f"Cel operacyjny {n}")


@row_maker(PlanObjective)
def plan_objective():
    return _plan_objective(next(_serial))


@row_maker(PlanAction)
def plan_action():
    n = next(_serial)
    return PlanAction.objects.create(
        objective=_plan_objective(n),
        number=1,
        title=f"Działanie {n}",
        responsible_unit="Miejskie Centrum Kultury",
        indicator="uczestnicy",
        unit="osób",
        baseline=Decimal("100"),
        baseline_year=2024,
    )


def _production_kind(n: int) -> ProductionKind:
    kind = ProductionKind.objects.create(name=f"Festiwal {n}")
    ChecklistItem.objects.create(kind=kind, title="Umowy z artystami", days_before=60)
    return kind


@row_maker(ProductionKind)
def production_kind():
    return _production_kind(next(_serial))


@row_maker(EventProduction)
def event_production():
    n = next(_serial)
    production = EventProduction.objects.create(
        title=f"Dni Rudy {n}",
        kind=_production_kind(n),
        starts_on=TODAY + timedelta(days=30),
        ends_on=TODAY + timedelta(days=31),
        place="Park Strzelnica",
    )
    BudgetLine.objects.create(production=production, title="Scena", planned=Decimal("1000"), spent=Decimal("200"))
    ProductionTask.objects.create(production=production, title="Umowy z artystami", due_on=TODAY)
    return production


# Meetings with residents
# ------------------------------------------------------------------------------------------------------------------


@row_maker(ResidentMeeting)
def resident_meeting():
    n = next(_serial)
    return ResidentMeeting.objects.create(
        kind="district",
        title=f"Spotkanie z mieszkańcami {n}",
        starts_at=in_days(10 + n % 20),
        place="Szkoła Podstawowa nr 3",
        registration_required=True,
        is_published=True,
    )


@row_maker(MeetingRegistration)
def meeting_registration():
    n = next(_serial)
    return meeting_register(meeting=resident_meeting(), full_name=f"Mieszkaniec {n}", email=f"m{n}@example.pl")


@row_maker(MeetingRequest)
def meeting_request():
    n = next(_serial)
    meeting = resident_meeting()
    ResidentMeeting.objects.filter(pk=meeting.pk).update(starts_at=in_days(-(n % 20) - 1))
    meeting.refresh_from_db()
    return request_record(
        meeting=meeting, raised_by=f"Mieszkaniec {n}", text=f"Wniosek {n}", unit=unit(), acting_user=None
    )


# The Economic Council
# ------------------------------------------------------------------------------------------------------------------


@row_maker(CouncilTerm)
def council_term():
    n = next(_serial)
    return CouncilTerm.objects.create(
        name=f"Kadencja {n}",
        starts_on=date(2024, 5, 7),
        establishing_order=f"Zarządzenie nr {n}/2024",
        mayor_email="prezydent@example.pl",
    )


@row_maker(CouncilMember)
def council_member(term=None):
    n = next(_serial)
    return CouncilMember.objects.create(
        term=term or council_term(),
        full_name=f"Członek Rady {n}",
        organisation=f"Firma {n}",
        email=f"czlonek{n}@example.pl",
        appointed_on=date(2024, 6, 10),
        appointment_order=f"{n}/2024",
        appointment_order_date=date(2024, 6, 7),
    )


@row_maker(CouncilSitting)
def council_sitting():
    n = next(_serial)
    return CouncilSitting.objects.create(
        term=council_term(), number=n, starts_at=in_days(-1 - n % 20), place="Sala 213", agenda="Otwarcie"
    )


@row_maker(CouncilInvitation)
def council_invitation():
    sitting = council_sitting()
    member = council_member(sitting.term)
    return CouncilInvitation.objects.create(
        sitting=sitting, member=member, email=member.email, sent_at=in_days(-30), sent_by=None
    )


@row_maker(CouncilOpinion)
def council_opinion():
    n = next(_serial)
    return CouncilOpinion.objects.create(
        sitting=council_sitting(),
        number=f"{n}/2026",
        subject=f"w sprawie projektu {n}",
        text="<p>Opinia pozytywna.</p>",
        votes_for=5,
        votes_against=1,
        votes_abstaining=0,
        adopted=True,
    )
