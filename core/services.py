"""Every state change of the case-work kernel: case marks, opening cases, status transitions, messages.

Apps call these; views and admin actions never assign a status or a case number themselves.
"""

import uuid
from collections.abc import Callable

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from core.models import (
    Case,
    CaseKind,
    CaseMessage,
    CaseNumberCounter,
    CaseRegisterEntry,
    InformationClause,
    JrwaClass,
    OrganisationalUnit,
    StatusChange,
)
from core.models.cases import applicant_name_from, value_at_path
from core.notifications import applicant_reply_notify, case_arrival_notify
from core.roles import person_name
from core.site import site_url
from core.workflow import user_may


class CaseWorkError(Exception):
    """A refusal of the case-work kernel, with a translated message a clerk or applicant can read."""

    def __init__(self, message: str, *, code: str = "invalid"):
        super().__init__(message)
        self.message = message
        self.code = code


def case_kind_get(*, model) -> CaseKind:
    """Return the CaseKind of a case model, creating it once from the model's CASE_KIND_DEFAULTS.

    Raises CaseWorkError when the default unit or JRWA class is not in the database.
    """
    key = model._meta.label_lower
    kind = CaseKind.objects.select_related("unit", "jrwa_class").filter(key=key).first()
    if kind:
        return kind
    defaults = model.CASE_KIND_DEFAULTS
    unit = OrganisationalUnit.objects.filter(symbol=defaults.get("unit", "")).first()
    jrwa = JrwaClass.objects.filter(symbol=defaults.get("jrwa", "")).first()
    if unit is None or jrwa is None:
        raise CaseWorkError(
            _("Case type “%(name)s” has no unit or JRWA class configured. Ask the administrator to set it.")
            % {"name": model._meta.verbose_name},
            code="case_kind_missing",
        )
    kind, _created = CaseKind.objects.get_or_create(
        key=key, defaults={"name": str(model._meta.verbose_name), "unit": unit, "jrwa_class": jrwa}
    )
    return kind


def case_mark_allocate(*, unit: OrganisationalUnit, jrwa_class: JrwaClass, title: str, year: int | None = None):
    """Take the next case number of `unit`, `jrwa_class` and `year` and register the case mark.

    Instrukcja kancelaryjna (Dz.U. 2011 nr 14 poz. 67): the mark is `{unit}.{JRWA}.{number}.{year}`,
    numbering restarts each year per class. The counter row is locked (SELECT … FOR UPDATE) and the
    (unit, class, year, number) tuple is unique in the database, so concurrent openings never share
    or skip a number. Must run inside a transaction (the lock lasts until commit).
    """
    if year is None:
        year = timezone.localdate().year
    try:
        with transaction.atomic():
            CaseNumberCounter.objects.get_or_create(unit=unit, jrwa_class=jrwa_class, year=year)
    except IntegrityError:
        # Another transaction created the counter at the same moment: it exists now.
        pass
    counter = CaseNumberCounter.objects.select_for_update().get(unit=unit, jrwa_class=jrwa_class, year=year)
    counter.last_number += 1
    counter.save(update_fields=["last_number"])
    mark = f"{unit.symbol}.{jrwa_class.symbol}.{counter.last_number}.{year}"
    return CaseRegisterEntry.objects.create(
        unit=unit, jrwa_class=jrwa_class, year=year, number=counter.last_number, case_mark=mark, title=title[:300]
    )


def case_open(
    *,
    case: Case,
    title: str,
    acting_user=None,
    info_clause: InformationClause | None = None,
    submission_token: uuid.UUID | None = None,
    on_open: Callable[[Case], None] | None = None,
    acknowledge: bool = True,
    tracking_url_for: Callable[[Case], str] | None = None,
) -> Case:
    """Register a new case: allocate its case mark, save it, write the opening history row and acknowledge it.

    With a `submission_token`, a repeated submission of the same form returns the case created by
    the first one instead of opening a second case (idempotency of public forms), also when both
    arrive at the same moment: the database's unique constraint decides which one opens the case. `on_open(case)`
    runs inside the same transaction, only for a new case: mail queued there commits with the case. Then the
    applicant gets the acknowledgement (`case_open_acknowledge`), unless `acknowledge` is False (demo data, a case
    the applicant has not sent yet); `tracking_url_for(case)` builds its link (default: on SITE_URL). The section's
    inbox is told of the new case (`core.notifications.case_arrival_notify`), in the same transaction. A case opened
    without a handler goes to its section's default handler, if one is set (`case_default_handler`), with a history
    row. Raises CaseWorkError if the case type is not configured.
    """
    model = type(case)
    if submission_token is not None:
        existing = model.objects.filter(submission_token=submission_token).first()
        if existing:
            return existing
    kind = case_kind_get(model=model)
    try:
        with transaction.atomic():
            entry = case_mark_allocate(unit=kind.unit, jrwa_class=kind.jrwa_class, title=title)
            case.register_entry = entry
            case.case_mark = entry.case_mark
            case.info_clause = info_clause
            case.submission_token = submission_token
            default_handler = case_default_handler(model) if case.handler_id is None else None
            if default_handler is not None:
                case.handler = default_handler
            # The token's uniqueness is left to the database: a concurrent double submit may commit the same token
            # between the look-up above and this check, and only the IntegrityError below maps that to its case.
            case.full_clean(exclude=["register_entry", "submission_token"])
            case.save()
            entry.content_type = ContentType.objects.get_for_model(model)
            entry.object_id = case.pk
            entry.kind = kind
            for name, value in case_register_facts(case).items():
                setattr(entry, name, value)
            entry.save(update_fields=["content_type", "object_id", "kind", *REGISTER_FACTS])
            workflow = getattr(model, "workflow", None)
            StatusChange.objects.create(
                content_type=entry.content_type,
                object_id=case.pk,
                action=f"{workflow.action_prefix if workflow else model._meta.label_lower}.open",
                from_status="",
                to_status=getattr(case, workflow.status_field) if workflow else "",
                actor=acting_user if acting_user and acting_user.is_authenticated else None,
            )
            if default_handler is not None:
                _handler_history(case, action="handler_rule", actor=None, handler=default_handler)
            if on_open is not None:
                on_open(case)
            if acknowledge:
                case_open_acknowledge(case, tracking_url=tracking_url_for(case) if tracking_url_for else None)
            case_arrival_notify(case)
    except IntegrityError:
        if submission_token is not None:
            # A concurrent double submit won the race; return what it created.
            existing = model.objects.filter(submission_token=submission_token).first()
            if existing:
                return existing
        raise
    return case


#: What the list of cases copies from the case (see `case_register_refresh`).
REGISTER_FACTS = ("applicant_name", "applicant_email", "status", "closed_at", "handler_id")


def case_register_facts(case: Case) -> dict:
    """What the case's line in the list of cases shows of it now: who it came from, their e-mail, status, closing."""
    workflow = getattr(type(case), "workflow", None)
    return {
        "applicant_name": applicant_name(case),
        "applicant_email": applicant_email(case)[:254],
        "status": getattr(case, workflow.status_field) if workflow else "",
        "closed_at": case.closed_at,
        "handler_id": case.handler_id,
    }


def case_register_refresh(case: Case) -> None:
    """Copy onto the case's line in the list of cases (CaseRegisterEntry) what clerks search and read there.

    The kernel calls it wherever a case changes: `case_open`, `transition_perform` (the new status and closing),
    `case_take` and `case_assign` (the handler), the admin's save of a clerk's edit
    (`core.admin_mixins.save_editable_fields`) and retention's anonymisation (the names it removed leave the list
    too). Apps never call it themselves.
    """
    CaseRegisterEntry.objects.filter(pk=case.register_entry_id).update(**case_register_facts(case))


def applicant_name(case: Case) -> str:
    """Who the case came from, as the list of cases shows it: the APPLICANT_NAME_FIELDS values, " — " between."""
    return applicant_name_from([value_at_path(case, path) for path in type(case).APPLICANT_NAME_FIELDS])


def applicant_email(case: Case) -> str:
    """The applicant's e-mail address, from the field the case model names in APPLICANT_EMAIL_FIELD ("" if none)."""
    field = type(case).APPLICANT_EMAIL_FIELD
    return (getattr(case, field, "") or "") if field else ""


# ------------------------------------------------------------------------------------------------------------------
# Handlers: who works on a case (taken by a clerk, assigned by the head, or by the section's rule)
# ------------------------------------------------------------------------------------------------------------------

#: The last part of a history row's action code for each way a case gets its handler (core.workflow.action_label);
#: no workflow names a transition so.
HANDLER_ACTIONS = ("handler_take", "handler_assign", "handler_rule")


def may_handle(user, model) -> bool:
    """Whether `user` may handle cases of `model`: an active staff account that may change that case type."""
    if user is None or not user.is_active or not user.is_staff:
        return False
    opts = model._meta
    return user.has_perm(f"{opts.app_label}.change_{opts.model_name}")


def may_assign(user) -> bool:
    """Whether `user` assigns cases to other clerks: the head of department (core.roles) or a superuser."""
    from core.roles import HEAD_OF_DEPARTMENT_GROUP

    if user is None or not user.is_active or not user.is_authenticated:
        return False
    return user.is_superuser or user.groups.filter(name=HEAD_OF_DEPARTMENT_GROUP).exists()


def case_default_handler(model):
    """The clerk the section's rule gives new cases of `model` (SectionSettings.default_handler), or None.

    The department's own rule [K: no statute assigns cases; the instrukcja kancelaryjna, Dz.U. 2011 nr 14 poz. 67,
    § 6, leaves the assignment to the head of the unit, who may set it once per section]. A default handler who may
    no longer handle the case type (account closed, role taken away) is ignored: the case waits to be taken.
    """
    from core.models import SectionSettings
    from core.roles import section_of_model

    section = section_of_model(model._meta.label_lower)
    if section is None:
        return None
    settings = SectionSettings.objects.filter(section=section).select_related("default_handler").first()
    handler = settings.default_handler if settings is not None else None
    return handler if may_handle(handler, model) else None


def _handler_history(case: Case, *, action: str, actor, handler, previous=None) -> StatusChange:
    """The case's history row of a change of handler: the status stays, the note names who handles it now."""
    model = type(case)
    workflow = getattr(model, "workflow", None)
    status = getattr(case, workflow.status_field) if workflow else ""
    note = _("Handled by: %(name)s.") % {"name": person_name(handler)}
    if previous is not None:
        note = _("Handled by: %(name)s (before: %(previous)s).") % {
            "name": person_name(handler),
            "previous": person_name(previous),
        }
    return StatusChange.objects.create(
        content_type=ContentType.objects.get_for_model(model),
        object_id=case.pk,
        action=f"{workflow.action_prefix if workflow else model._meta.label_lower}.{action}",
        from_status=status,
        to_status=status,
        actor=actor,
        note=note,
    )


def _handler_set(case: Case, *, handler, acting_user, action: str, check) -> Case:
    """Lock the case, run `check(locked)`, make `handler` its handler, write the history row, refresh its line."""
    model = type(case)
    with transaction.atomic():
        # No select_related: PostgreSQL locks no row of a nullable outer join; the handler is read after the lock.
        locked = model.objects.select_for_update().get(pk=case.pk)
        check(locked)
        previous = locked.handler
        locked.handler = handler
        locked._history_user = acting_user
        locked.save(update_fields=["handler", "updated_at"])
        _handler_history(locked, action=action, actor=acting_user, handler=handler, previous=previous)
        case_register_refresh(locked)
    case.refresh_from_db()
    return case


def case_take(*, case: Case, acting_user) -> Case:
    """Make the acting clerk the handler of `case` ("Przyjmij sprawę"), with a history row saying who and when.

    The clerk must be allowed to change cases of that type (their section's role). A case already handled by
    someone else is taken only by assignment, so two clerks who press the button at once do not take it from each
    other: the row is locked and the second is refused. A closed case is not taken. Refuses with CaseWorkError.
    """

    def check(locked):
        if not may_handle(acting_user, type(locked)):
            raise CaseWorkError(
                _("You may not take this case: cases of this type are handled by another section."),
                code="may_not_handle",
            )
        if locked.closed_at is not None:
            raise CaseWorkError(_("This case is closed; it cannot be taken."), code="closed")
        if locked.handler_id == acting_user.pk:
            raise CaseWorkError(_("You already handle this case."), code="already_yours")
        if locked.handler_id is not None:
            raise CaseWorkError(
                _("This case is already handled by %(name)s. Ask the head of department to assign it to you.")
                % {"name": person_name(locked.handler)},
                code="taken",
            )

    return _handler_set(case, handler=acting_user, acting_user=acting_user, action="handler_take", check=check)


def case_assign(*, case: Case, handler, acting_user) -> Case:
    """Make `handler` the handler of `case` ("Przydziel"), with a history row saying who assigned it and when.

    Only the head of department (core.roles.HEAD_OF_DEPARTMENT_GROUP) or a superuser assigns, also a case someone
    else handles; the new handler must be a clerk allowed to change cases of that type. A closed case keeps its
    handler. Refuses with CaseWorkError.
    """

    def check(locked):
        if not may_assign(acting_user):
            raise CaseWorkError(_("Only the head of department assigns cases to clerks."), code="may_not_assign")
        if handler is None or not may_handle(handler, type(locked)):
            raise CaseWorkError(
                _("This clerk may not handle cases of this type. Choose a clerk of the section that handles them."),
                code="handler_may_not_handle",
            )
        if locked.closed_at is not None:
            raise CaseWorkError(_("This case is closed; its handler is not changed."), code="closed")
        if locked.handler_id == handler.pk:
            raise CaseWorkError(
                _("%(name)s already handles this case.") % {"name": person_name(handler)}, code="unchanged"
            )

    return _handler_set(case, handler=handler, acting_user=acting_user, action="handler_assign", check=check)


def case_handler_candidates(model):
    """The clerks who may handle cases of `model` (the choices of "Przydziel"), by name: active staff with its
    change permission through a group or their own, and superusers."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Permission
    from django.db.models import Q

    opts = model._meta
    permission = Permission.objects.filter(
        content_type=ContentType.objects.get_for_model(model), codename=f"change_{opts.model_name}"
    ).first()
    users = get_user_model().objects.filter(is_active=True, is_staff=True)
    granted = Q(is_superuser=True)
    if permission is not None:
        granted |= Q(user_permissions=permission) | Q(groups__permissions=permission)
    return users.filter(granted).distinct().order_by("last_name", "first_name", "username")


def case_tracking_url(case: Case) -> str:
    """The absolute private link to the case's tracking page, on SITE_URL (e-mails sent outside a request)."""
    return site_url(reverse("core:case_tracking", kwargs={"token": case.register_entry.tracking_token}))


def case_open_acknowledge(case: Case, *, tracking_url: str | None = None):
    """E-mail the applicant that the case was received: its mark and the private tracking link, nothing else.

    The subject is the case model's CASE_OPENED_SUBJECT (with `%(mark)s`); a model without one, or a case without
    the applicant's address, sends nothing (returns None). `case_open` calls it in the opening transaction.
    """
    from core.mail import mail_enqueue

    subject = type(case).CASE_OPENED_SUBJECT
    email = applicant_email(case)
    if not subject or not email:
        return None
    return mail_enqueue(
        to=[email],
        subject=str(subject) % {"mark": case.case_mark},
        template="case_opened",
        context={"case_mark": case.case_mark, "tracking_url": tracking_url or case_tracking_url(case)},
    )


def case_status_announce(case: Case):
    """E-mail the applicant the case's new status: the case mark, the status and the private link only.

    The details stay on the tracking page. Sends nothing (returns None) without the applicant's address.
    `transition_perform` calls it for a transition declared with `announce_status=True`.
    """
    from core.mail import mail_enqueue

    email = applicant_email(case)
    if not email:
        return None
    status = _display_status(case, type(case).workflow.status_field)
    return mail_enqueue(
        to=[email],
        subject=_("Case %(mark)s: %(status)s") % {"mark": case.case_mark, "status": status},
        template="case_status",
        context={"case_mark": case.case_mark, "status": status, "tracking_url": case_tracking_url(case)},
    )


def transition_perform(*, obj, name: str, acting_user, note: str = ""):
    """Move `obj` along the transition `name` of its model's workflow and record one history row.

    Locks the row, refuses a move the table does not allow from the current status (CaseWorkError)
    or that the user may not make (PermissionDenied), saves only the changed fields and writes a
    StatusChange with the dotted action code, actor, time and note, then runs the transition's effect
    in the same transaction. The transition's guard, if any, runs on the locked row before anything is
    written and refuses with CaseWorkError. After the effect the kernel tells the applicant what the
    transition declares: the note (`note_to_applicant`, as a department message, see `case_message_add`) and
    the new status (`announce_status`, see `case_status_announce`). A refusal changes nothing. Returns `obj`
    refreshed from the database: its new status and whatever the effect wrote.
    """
    model = type(obj)
    workflow = model.workflow
    transition = workflow.get(name)
    if transition is None:
        raise CaseWorkError(_("Unknown action."), code="unknown_transition")
    if acting_user is not None and not user_may(acting_user, obj, transition):
        raise PermissionDenied(_("You may not perform this action."))
    if transition.by_applicant and acting_user is not None and acting_user.is_authenticated:
        raise CaseWorkError(_("Only the applicant does this, from the private link of the case."), code="by_applicant")
    note = (note or "").strip()
    if transition.note_required and not note:
        raise CaseWorkError(_("This action needs a note with the reason."), code="note_required")
    with transaction.atomic():
        locked = model.objects.select_for_update().get(pk=obj.pk)
        current = getattr(locked, workflow.status_field)
        if current not in transition.source:
            raise CaseWorkError(
                _("“%(action)s” is not possible when the status is “%(status)s”.")
                % {"action": transition.label, "status": _display_status(locked, workflow.status_field)},
                code="transition_not_allowed",
            )
        if transition.guard:
            import_string(transition.guard)(locked, acting_user=acting_user, note=note)
        setattr(locked, workflow.status_field, transition.target)
        changed = [workflow.status_field]
        if hasattr(locked, "updated_at"):
            changed.append("updated_at")
        if transition.closes_case and hasattr(locked, "closed_at"):
            locked.closed_at = timezone.now()
            changed.append("closed_at")
        elif transition.reopens_case and hasattr(locked, "closed_at"):
            locked.closed_at = None
            changed.append("closed_at")
        if acting_user is not None and acting_user.is_authenticated:
            # The version's author, also outside a request (a command, a task): the metryczka and the register of
            # changes of public information read it (core.public_information); the effect saves this instance.
            locked._history_user = acting_user
        locked.save(update_fields=changed)
        StatusChange.objects.create(
            content_type=ContentType.objects.get_for_model(model),
            object_id=locked.pk,
            action=workflow.action_code(transition),
            from_status=current,
            to_status=transition.target,
            actor=acting_user if acting_user is not None and acting_user.is_authenticated else None,
            note=note,
        )
        if transition.effect:
            import_string(transition.effect)(locked, acting_user=acting_user, note=note)
        _applicant_tell(locked, transition, acting_user=acting_user, note=note)
        if isinstance(locked, Case):
            # Re-read: the effect may have written the case through another instance.
            case_register_refresh(model.objects.get(pk=locked.pk))
    obj.refresh_from_db()
    return obj


def applicant_case_of(obj) -> Case:
    """The case whose applicant hears of `obj`'s moves: the record itself, or the case it names as `applicant_case`.

    A record that is not a case (a grant report, filed under its offer's case) is told through its case: the
    note is a message in that case's conversation, announced to that case's applicant.
    """
    return getattr(obj, "applicant_case", None) or obj


def _applicant_tell(obj, transition, *, acting_user, note: str) -> None:
    """What a transition declares the applicant is told: the clerk's note (or its message) and the new status."""
    case = applicant_case_of(obj)
    if transition.note_to_applicant:
        body = import_string(transition.note_message)(obj, note) if transition.note_message else note
        if body:
            case_message_add(case=case, body=body, author_kind=CaseMessage.Author.CLERK, acting_user=acting_user)
    if transition.announce_status:
        case_status_announce(case)


def _display_status(obj, field_name):
    return getattr(obj, f"get_{field_name}_display")()


def case_message_add(*, case: Case, body: str, author_kind: str, acting_user=None) -> CaseMessage:
    """Add a message to the case's conversation (shown on the applicant's tracking page).

    A message from the department is announced to the applicant by e-mail, when the case has the
    applicant's address (the model's APPLICANT_EMAIL_FIELD); the e-mail carries only the case mark
    and the private link, never the message itself. A message from the applicant is announced to the section's
    inbox (`core.notifications.applicant_reply_notify`). Raises CaseWorkError for an empty message.
    """
    from core.mail import mail_enqueue

    body = (body or "").strip()
    if not body:
        raise CaseWorkError(_("The message is empty."), code="empty")
    with transaction.atomic():
        message = CaseMessage.objects.create(
            content_type=ContentType.objects.get_for_model(type(case)),
            object_id=case.pk,
            author_kind=author_kind,
            author=acting_user if acting_user is not None and acting_user.is_authenticated else None,
            body=body[:5000],
        )
        if author_kind == CaseMessage.Author.APPLICANT:
            applicant_reply_notify(case)
        email = applicant_email(case)
        if author_kind == CaseMessage.Author.CLERK and email:
            mail_enqueue(
                to=[email],
                subject=_("New message in case %(mark)s") % {"mark": case.case_mark},
                template="case_message",
                context={"case_mark": case.case_mark, "tracking_url": case_tracking_url(case)},
            )
    return message
