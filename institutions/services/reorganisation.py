"""Reorganisation plans: creating, merging, dividing and liquidating institutions (DOMAIN.md §A.7).

A plan goes through its workflow (`ReorganisationPlan.WORKFLOW`): the public announcement of the intention, the
City Council's act (refused before the earliest legal date) and, on the day the act names, the register entries.
"""

from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.services import transition_perform
from institutions.deadlines import (
    reorganisation_act_on_time,
    reorganisation_earliest_act_date,
    reorganisation_notice_basis,
    reorganisation_notice_months,
)
from institutions.models import LegalAct, ReorganisationPlan
from institutions.services.register import RegisterError, institution_register, institution_strike_out


def plan_earliest_act_date(plan: ReorganisationPlan) -> date | None:
    """The first day the plan's act may be adopted (`institutions.deadlines.reorganisation_earliest_act_date`)."""
    if plan.announced_on is None:
        return None
    return reorganisation_earliest_act_date(
        kind=plan.kind, announced_on=plan.announced_on, library_involved=plan.library_involved
    )


def plan_check_act(plan: ReorganisationPlan, act: LegalAct | None) -> None:
    """Refuse an act the law does not yet allow: too early, or without the required opinions and consent.

    u.o.p.d.k. art. 18 ust. 3 and art. 22 ust. 2 (3 / 6 months after the public announcement); ustawa
    o bibliotekach art. 13 ust. 2 (6 months), ust. 4 (opinion of the unit supervising the library's work) and
    ust. 7–8 (a public library merged with another institution: opinions of Krajowa Rada Biblioteczna and the
    voivodeship public library, the minister's consent); ustawa o muzeach art. 5a (positive opinion of the Rada
    do Spraw Muzeów for a museum merger); minister's consent to liquidate a museum [K]. The act may be adopted on
    the earliest date itself.
    """
    if act is None:
        raise RegisterError(_("Choose the act (resolution of the City Council)."), code="act_missing")
    plan_check_effective_on(plan, act)
    if plan.kind != ReorganisationPlan.Kind.CREATE:
        if plan.announced_on is None:
            raise RegisterError(_("Record the public announcement of the intention first."), code="not_announced")
        earliest = plan_earliest_act_date(plan)
        if act.adopted_on < earliest or not reorganisation_act_on_time(
            kind=plan.kind,
            announced_on=plan.announced_on,
            act_on=act.adopted_on,
            library_involved=plan.library_involved,
        ):
            raise RegisterError(
                _(
                    "The act cannot be adopted before %(earliest)s: the intention was announced on %(announced)s "
                    "and the law requires %(months)s months (%(basis)s)."
                )
                % {
                    "earliest": earliest.strftime("%d.%m.%Y"),
                    "announced": plan.announced_on.strftime("%d.%m.%Y"),
                    "months": reorganisation_notice_months(kind=plan.kind, library_involved=plan.library_involved),
                    "basis": reorganisation_notice_basis(kind=plan.kind, library_involved=plan.library_involved),
                },
                code="too_early",
            )
    plan_check_opinion_dates(plan, act)
    if plan.library_involved and plan.kind != ReorganisationPlan.Kind.CREATE:
        if not (plan.library_council_opinion_on and plan.voivodeship_library_opinion_on):
            raise RegisterError(
                _(
                    "A public library is involved: record the opinions of the National Library Council and of the "
                    "voivodeship public library."
                ),
                code="library_opinions",
            )
        if plan.kind == ReorganisationPlan.Kind.MERGE and not plan.minister_consent_on:
            raise RegisterError(
                _("Merging a public library needs the consent of the minister of culture."), code="minister_consent"
            )
    if plan.museum_involved and plan.kind == ReorganisationPlan.Kind.MERGE and not plan.museum_council_opinion_on:
        raise RegisterError(
            _("Merging a museum needs a positive opinion of the Museum Council."), code="museum_opinion"
        )
    if plan.museum_involved and plan.kind == ReorganisationPlan.Kind.LIQUIDATE and not plan.minister_consent_on:
        raise RegisterError(
            _("Liquidating a museum needs the consent of the minister of culture."), code="minister_consent"
        )


def plan_check_opinion_dates(plan: ReorganisationPlan, act: LegalAct) -> None:
    """Refuse opinions and consents dated after the act or in the future.

    Ustawa o bibliotekach art. 13 ust. 4 and 8 and ustawa o muzeach art. 5a: the opinions and the minister's consent
    come before the act (the council acts "after" obtaining them), so none may be dated after `act.adopted_on`,
    and a date still to come has not happened yet.
    """
    today = timezone.localdate()
    for field_name in (
        "library_council_opinion_on",
        "voivodeship_library_opinion_on",
        "minister_consent_on",
        "museum_council_opinion_on",
    ):
        given_on = getattr(plan, field_name)
        if given_on is None:
            continue
        label = ReorganisationPlan._meta.get_field(field_name).verbose_name
        if given_on > today:
            raise RegisterError(
                _("The date in “%(field)s” (%(date)s) is in the future.")
                % {"field": label, "date": given_on.strftime("%d.%m.%Y")},
                code="opinion_future",
            )
        if given_on > act.adopted_on:
            raise RegisterError(
                _("The date in “%(field)s” (%(date)s) is later than the act (%(adopted)s): it must come first.")
                % {
                    "field": label,
                    "date": given_on.strftime("%d.%m.%Y"),
                    "adopted": act.adopted_on.strftime("%d.%m.%Y"),
                },
                code="opinion_after_act",
            )


def plan_check_effective_on(plan: ReorganisationPlan, act: LegalAct) -> None:
    """Refuse a merger, division or liquidation dated before the act that orders it.

    The act names the date of the merger (division, liquidation) (u.o.p.d.k. art. 18 ust. 1, art. 22 ust. 1; DOMAIN.md
    §A.7) and the register entries are made on that day (§A.4); an act cannot take effect before it is adopted,
    so the date is never earlier than `act.adopted_on` (and so never earlier than the earliest legal date).
    """
    if plan.effective_on is not None and plan.effective_on < act.adopted_on:
        raise RegisterError(
            _("The date the act takes effect (%(effective)s) cannot be earlier than the act itself (%(adopted)s).")
            % {
                "effective": plan.effective_on.strftime("%d.%m.%Y"),
                "adopted": act.adopted_on.strftime("%d.%m.%Y"),
            },
            code="effective_before_act",
        )


def plan_check_announce(plan: ReorganisationPlan, *, acting_user, note: str = "") -> None:
    """Guard of "announce": the announcement date must be recorded (u.o.p.d.k. art. 18 ust. 3, art. 22 ust. 2)."""
    if plan.kind != ReorganisationPlan.Kind.CREATE and plan.announced_on is None:
        raise RegisterError(_("Enter the date the intention was publicly announced."), code="not_announced")
    if plan.kind != ReorganisationPlan.Kind.CREATE and not plan.institutions.exists():
        raise RegisterError(_("Choose the institutions the plan concerns."), code="no_institutions")


def on_plan_announce(plan: ReorganisationPlan, *, acting_user, note: str = "") -> None:
    """Effect of "announce": fix the rules that apply from what the institutions were when it was announced."""
    # Which rules apply is fixed by what the institutions were when the intention was announced (a later change
    # of an institution's kind cannot shorten the notice nor drop the opinions: `library_involved`).
    plan.library_involved_when_announced = plan.library_involved_now
    plan.museum_involved_when_announced = plan.museum_involved_now
    plan.save(update_fields=["library_involved_when_announced", "museum_involved_when_announced", "updated_at"])


def plan_check_adopt_act(plan: ReorganisationPlan, *, acting_user, note: str = "") -> None:
    """Guard of "adopt_act": every path to "act adopted" passes `plan_check_act` (see there)."""
    plan_check_act(plan, plan.act)


def on_plan_adopt_act(plan: ReorganisationPlan, *, acting_user, note: str = "") -> None:
    """Effect of "adopt_act": the plan takes the adoption day of its act."""
    plan.act_adopted_on = plan.act.adopted_on
    plan.save(update_fields=["act_adopted_on", "updated_at"])


def plan_announce(*, plan: ReorganisationPlan, announced_on: date, acting_user) -> ReorganisationPlan:
    """Record the public announcement of the intention (BIP and press) and move the plan to "announced"."""
    with transaction.atomic():
        plan.announced_on = announced_on
        plan.save(update_fields=["announced_on", "updated_at"])
        transition_perform(obj=plan, name="announce", acting_user=acting_user)
    return plan


def plan_adopt_act(
    *, plan: ReorganisationPlan, act: LegalAct, acting_user, effective_on: date | None = None
) -> ReorganisationPlan:
    """Record the City Council's act on the plan; refused before the earliest legal date (`plan_check_act`)."""
    with transaction.atomic():
        plan.act = act
        plan.effective_on = effective_on or act.adopted_on
        plan.save(update_fields=["act", "effective_on", "updated_at"])
        transition_perform(obj=plan, name="adopt_act", acting_user=acting_user)
    plan.refresh_from_db()
    return plan


def plan_complete(*, plan: ReorganisationPlan, acting_user) -> ReorganisationPlan:
    """Make all the plan's register entries in one transaction and close the plan (see on_plan_complete)."""
    transition_perform(obj=plan, name="complete", acting_user=acting_user)
    plan.refresh_from_db()
    return plan


def on_plan_complete(plan: ReorganisationPlan, *, acting_user, note: str = "") -> None:
    """Workflow effect of "complete": enter the new institutions, the section IV entries and the strike-outs.

    Dated the day the act names (`effective_on`), or today if that is still to come. DOMAIN.md §A.4 [V-sec S4]:
    on the day the new institution is entered, the organiser strikes out the merged (divided, liquidated) ones;
    rozporządzenie MKiDN z 26.01.2012, § 4 (section IV records the merger, division or liquidation and the
    liquidator). Runs inside the transition's transaction: any refusal leaves the book untouched.
    """
    act = plan.act
    plan_check_effective_on(plan, act)
    entry_date = plan.effective_on or act.adopted_on
    if entry_date > timezone.localdate():
        raise RegisterError(
            _("The register entries are made on the day the act names (%(date)s), not earlier.")
            % {"date": entry_date.strftime("%d.%m.%Y")},
            code="not_effective_yet",
        )
    kind = plan.kind
    created = []
    for planned in plan.new_institutions.select_for_update():
        institution = institution_register(
            kind=planned.kind,
            values={
                "full_name": planned.full_name,
                "short_name": planned.short_name,
                "activity": planned.activity,
                "seat": planned.seat,
                "address": planned.address,
            },
            founding_act=act,
            entry_date=entry_date,
            acting_user=acting_user,
        )
        planned.institution = institution
        planned.save(update_fields=["institution"])
        created.append(institution)
    if kind in (ReorganisationPlan.Kind.MERGE, ReorganisationPlan.Kind.DIVIDE) and not created:
        raise RegisterError(_("Describe the institution(s) the plan creates."), code="no_new_institution")
    if kind == ReorganisationPlan.Kind.CREATE and len(created) != 1:
        raise RegisterError(_("Describe the one institution the plan creates."), code="no_new_institution")
    new_names = ", ".join(f"{i.full_name} (nr wpisu {i.entry_no})" for i in created)
    for institution in plan.institutions.all():
        if kind == ReorganisationPlan.Kind.MERGE:
            reason = f"Połączenie z dniem {entry_date:%d.%m.%Y} r.; powstała instytucja: {new_names}. {act}"
        elif kind == ReorganisationPlan.Kind.DIVIDE:
            reason = f"Podział z dniem {entry_date:%d.%m.%Y} r.; powstałe instytucje: {new_names}. {act}"
        else:
            reason = f"Likwidacja z dniem {entry_date:%d.%m.%Y} r. {act}"
        institution_strike_out(
            institution=institution,
            entry_date=entry_date,
            legal_basis=act,
            reason=reason,
            liquidator=plan.liquidator_name if kind == ReorganisationPlan.Kind.LIQUIDATE else "",
            acting_user=acting_user,
        )
