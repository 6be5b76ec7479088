"""The register's dated rules and what it contributes to the clerks' Terminarz (core.deadlines).

Every number is a module constant: those marked [K] in DOMAIN.md are best knowledge, so a confirmed value is a
one-line change. Month periods are counted per k.c. art. 112 / k.p.a. art. 57 § 3 (`core.deadlines.add_months`).
"""

from datetime import date, timedelta
from decimal import Decimal

from django.conf import settings
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone

from core.deadlines import OpenDeadline, add_calendar_days, add_months, shift_to_working_day

#: Rozporządzenie MKiDN z 26.01.2012 (Dz.U. 2012 poz. 189): odpis sent within 14 days of receiving the request.
REGISTER_EXTRACT_DAYS = 14
#: u.o.p.d.k. art. 18 ust. 3 (t.j. Dz.U. 2020 poz. 194): the intention and reasons of a merger or division made
#: public 3 months before the act. (Art. 18 ust. 1 allows the merger or division, ust. 2 is about artistic
#: institutions.)
MERGER_DIVISION_NOTICE_MONTHS = 3
#: u.o.p.d.k. art. 22 ust. 2: the intention and reasons of a liquidation made public 6 months before the act.
#: (Art. 22 ust. 1 allows a liquidation "w szczególnie uzasadnionych przypadkach", ust. 3 is about lack of funds.)
LIQUIDATION_NOTICE_MONTHS = 6
#: Ustawa z 27.06.1997 o bibliotekach art. 13 ust. 2 (t.j. Dz.U. 2022 poz. 2393): the intention with its
#: justification made public 6 months before the act merging, dividing or liquidating a library.
LIBRARY_NOTICE_MONTHS = 6

#: The provisions each notice period comes from, as the Terminarz and the clerk's refusals cite them.
MERGER_DIVISION_NOTICE_BASIS = "art. 18 ust. 3 u.o.p.d.k."
LIQUIDATION_NOTICE_BASIS = "art. 22 ust. 2 u.o.p.d.k."
LIBRARY_NOTICE_BASIS = "art. 13 ust. 2 ustawy o bibliotekach"
#: How long before a director's term ends the Terminarz reminds the clerk, so that the competition or the
#: opinions (u.o.p.d.k. art. 15–16) can be done in time [K: the department's practice].
DIRECTOR_TERM_REMINDER_DAYS = 180


def register_extract_due(received_on: date) -> date:
    """Odpis from the register of cultural institutions: sent within 14 days of receiving the request.

    Rozporządzenie MKiDN z 26.01.2012 w sprawie sposobu prowadzenia i udostępniania rejestru instytucji kultury
    (Dz.U. 2012 poz. 189), rules on udostępnianie (§ 10–§ 13; the paragraph holding the 14 days is not verified);
    k.p.a. art. 57 § 1 and § 4.
    """
    return shift_to_working_day(add_calendar_days(received_on, REGISTER_EXTRACT_DAYS))


def extract_fee_per_page() -> Decimal:
    """Opłata skarbowa for each full or started page of each copy of a certified extract (odpis), in PLN.

    Ustawa o opłacie skarbowej, załącznik cz. II pkt 2 [V-sec Elbląg, Białobrzegi]: 5 zł a page (DOMAIN.md §A.5).
    [K: keep in step with the schedule] — the rate is the setting REGISTER_EXTRACT_FEE_PER_PAGE, so a new
    schedule is a change of configuration, not of code.
    """
    return Decimal(settings.REGISTER_EXTRACT_FEE_PER_PAGE).quantize(Decimal("0.01"))


def reorganisation_notice_months(*, kind: str, library_involved: bool) -> int | None:
    """Months between the public announcement and the earliest act; None when no announcement is required.

    u.o.p.d.k. art. 18 ust. 3 (merger, division: 3 months), art. 22 ust. 2 (liquidation: 6 months); ustawa
    o bibliotekach art. 13 ust. 2 (6 months whenever a library is merged, divided or liquidated). Creating an
    institution (u.o.p.d.k. art. 11) needs no announcement.
    """
    if kind == "create":
        return None
    if library_involved:
        return max(LIBRARY_NOTICE_MONTHS, LIQUIDATION_NOTICE_MONTHS if kind == "liquidate" else 0)
    if kind == "liquidate":
        return LIQUIDATION_NOTICE_MONTHS
    return MERGER_DIVISION_NOTICE_MONTHS


def reorganisation_notice_basis(*, kind: str, library_involved: bool) -> str:
    """The provisions the notice period of `reorganisation_notice_months` comes from ("" without a notice).

    A library's merger, division or liquidation is also one of a cultural institution, so the library act's
    period is cited beside the u.o.p.d.k. one it lengthens (or, for a liquidation, repeats).
    """
    if kind == "create":
        return ""
    basis = LIQUIDATION_NOTICE_BASIS if kind == "liquidate" else MERGER_DIVISION_NOTICE_BASIS
    return f"{basis}, {LIBRARY_NOTICE_BASIS}" if library_involved else basis


def reorganisation_act_on_time(*, kind: str, announced_on: date, act_on: date, library_involved: bool) -> bool:
    """Whether an act adopted on `act_on` comes the full notice period after the announcement.

    "Na 3 (6) miesięcy przed wydaniem aktu" (u.o.p.d.k. art. 18 ust. 3, art. 22 ust. 2; ustawa o bibliotekach
    art. 13 ust. 2) is read as "at least": the public gets the whole period, and an announcement made earlier
    does not have to be repeated [K: the acts say "na", not "co najmniej"; the reading that keeps the notice
    whole]. It is counted back from the act, months counted per k.c. art. 112 (and k.p.a.
    art. 57 § 3, `core.deadlines.add_months`): the day N months before the act is the day of that month which
    corresponds to the act's day, or the month's last day. The announcement must not be later than that day.
    Counting forward instead lets an announcement of 31.08 allow an act on 29.02, only 6 months back to 29.08.
    """
    months = reorganisation_notice_months(kind=kind, library_involved=library_involved)
    if months is None:
        return True
    return add_months(act_on, -months) >= announced_on


def reorganisation_earliest_act_date(*, kind: str, announced_on: date, library_involved: bool) -> date | None:
    """The first day the act of merger, division or liquidation may be adopted (`reorganisation_act_on_time`).

    Usually the day of the later month that corresponds to the announcement day; when that month is shorter
    (announced 31.08, 6 months), the first day of the next month, since only then have the full months elapsed.
    The act is on time on that day itself; it is never moved off a weekend (moving it would not shorten the
    notice, but the City Council meets on set days anyway). None when the kind needs no announcement.
    """
    months = reorganisation_notice_months(kind=kind, library_involved=library_involved)
    if months is None:
        return None
    earliest = add_months(announced_on, months)
    while not reorganisation_act_on_time(
        kind=kind, announced_on=announced_on, act_on=earliest, library_involved=library_involved
    ):
        earliest += timedelta(days=1)
    return earliest


# ------------------------------------------------------------------------------------------------------------------
# Terminarz sources (registered in institutions.registrations); each reads the database in one query
# ------------------------------------------------------------------------------------------------------------------

SECTION = "institutions"


def _deadline(record, *, due_date: date, title: str, case_mark: str, rule: str, handler_id=None) -> OpenDeadline:
    """A row of the register's section of the Terminarz, linking to `record`'s admin page."""
    opts = record._meta
    return OpenDeadline(
        due_date=due_date,
        title=title[:120],
        case_mark=case_mark,
        url=reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[record.pk]),
        section=SECTION,
        handler_id=handler_id,
        rule=rule,
    )


def extract_request_deadlines():
    """Open extract requests: the odpis is due 14 days after receipt (`register_extract_due`).

    Rozporządzenie MKiDN z 26.01.2012, § 12 [V-sec, DOMAIN.md §A.5]: the odpis is *sent* within 14 days (by
    registered post, or electronically) or handed to the applicant against receipt. The 14 days therefore run to
    the dispatch or the hand-over, not to the printing: an issued extract stays in the Terminarz until the clerk
    records it as delivered (posted or handed over), except an electronic one, which is sent when issued
    (`institutions.services.on_extract_request_issue`).
    """
    from institutions.models import ExtractRequest

    Status = ExtractRequest.Status
    open_requests = (
        ExtractRequest.objects.filter(
            Q(status__in=[Status.RECEIVED, Status.CHANGES_REQUESTED, Status.AWAITING_FEE])
            | (Q(status=Status.ISSUED) & ~Q(delivery=ExtractRequest.Delivery.ELECTRONIC))
        )
        .select_related("institution")
        .only("pk", "case_mark", "received_on", "handler_id", "kind", "status", "institution__full_name")
    )
    for request in open_requests:
        to_send = EXTRACT_STATUS_NOTES.get(request.status, "")
        yield _deadline(
            request,
            due_date=register_extract_due(request.received_on),
            title=(
                f"Odpis {'pełny' if request.kind == 'full' else 'skrócony'}{to_send}: {request.institution.full_name}"
            ),
            case_mark=request.case_mark,
            handler_id=request.handler_id,
            rule="odpis z rejestru instytucji kultury: wysłanie lub wydanie w 14 dni",
        )


#: What the Terminarz adds to an open request's title, by status: who has the next move.
EXTRACT_STATUS_NOTES = {
    "changes_requested": " (czeka na poprawki wnioskodawcy)",
    "issued": " (wydany — do wysłania lub odbioru)",
}


def director_term_deadlines(today: date | None = None):
    """Directors' terms ending within DIRECTOR_TERM_REMINDER_DAYS (or already ended) with no successor yet."""
    from institutions.models import DirectorTerm

    today = today or timezone.localdate()
    terms = (
        DirectorTerm.objects.filter(
            ended_early_on__isnull=True,
            ends_on__lte=today + timedelta(days=DIRECTOR_TERM_REMINDER_DAYS),
            ends_on__gte=today - timedelta(days=DIRECTOR_TERM_REMINDER_DAYS),
            institution__struck_out_on__isnull=True,
        )
        .exclude(institution__director_terms__starts_on__gt=F("starts_on"))
        .select_related("institution")
        .only("pk", "person_name", "ends_on", "institution__full_name", "institution__entry_no")
    )
    for term in terms:
        yield _deadline(
            term,
            due_date=term.ends_on,
            title=f"Koniec kadencji dyrektora: {term.person_name}, {term.institution.full_name}",
            case_mark=f"RIK {term.institution.entry_no}",
            rule="u.o.p.d.k. art. 15–16: powołanie dyrektora na kolejną kadencję",
        )


def inspection_deadlines():
    """Inspections whose recommendations have a follow-up date and are not yet carried out."""
    from institutions.models import Inspection

    inspections = (
        Inspection.objects.filter(follow_up_due__isnull=False, follow_up_done_on__isnull=True)
        .select_related("institution")
        .only("pk", "scope", "follow_up_due", "institution__full_name", "institution__entry_no")
    )
    for inspection in inspections:
        yield _deadline(
            inspection,
            due_date=inspection.follow_up_due,
            title=f"Zalecenia pokontrolne: {inspection.institution.full_name} — {inspection.scope}",
            case_mark=f"RIK {inspection.institution.entry_no}",
            rule="nadzór organizatora: termin wykonania zaleceń",
        )


def subsidy_deadlines():
    """Targeted subsidies not settled yet (u.f.p. art. 251–252; DOMAIN.md §C.4)."""
    from institutions.models import InstitutionSubsidy

    subsidies = (
        InstitutionSubsidy.objects.filter(settlement_due__isnull=False, settled_on__isnull=True)
        .select_related("institution")
        .only("pk", "purpose", "settlement_due", "institution__full_name", "institution__entry_no")
    )
    for subsidy in subsidies:
        yield _deadline(
            subsidy,
            due_date=subsidy.settlement_due,
            title=f"Rozliczenie dotacji: {subsidy.institution.full_name} — {subsidy.purpose}",
            case_mark=f"RIK {subsidy.institution.entry_no}",
            rule="u.f.p. art. 251: rozliczenie dotacji celowej",
        )


def reorganisation_deadlines():
    """Announced plans: the earliest date of the act; adopted acts: the day the register entries are due."""
    from institutions.models import ReorganisationPlan

    plans = ReorganisationPlan.objects.filter(
        status__in=[ReorganisationPlan.Status.ANNOUNCED, ReorganisationPlan.Status.ACT_ADOPTED]
    ).prefetch_related("institutions", "new_institutions")
    for plan in plans:
        if plan.status == ReorganisationPlan.Status.ANNOUNCED and plan.announced_on:
            library_involved = plan.library_involved
            earliest = reorganisation_earliest_act_date(
                kind=plan.kind, announced_on=plan.announced_on, library_involved=library_involved
            )
            if earliest:
                yield _deadline(
                    plan,
                    due_date=earliest,
                    title=f"Najwcześniejszy dzień podjęcia aktu: {plan.title}",
                    case_mark=f"plan {plan.pk}",
                    rule=reorganisation_notice_basis(kind=plan.kind, library_involved=library_involved),
                )
        elif plan.status == ReorganisationPlan.Status.ACT_ADOPTED and plan.effective_on:
            yield _deadline(
                plan,
                due_date=plan.effective_on,
                title=f"Wpisy do rejestru: {plan.title}",
                case_mark=f"plan {plan.pk}",
                rule="rozporządzenie MKiDN z 26.01.2012: wpis z dniem połączenia, podziału lub likwidacji",
            )
