"""Notifications of the clerks, all through the outbox (core.mail): what arrives, what is due, what is late.

* A case arrives (`core.services.case_open`) or its applicant writes in the case's conversation
  (`core.services.case_message_add`): the section's shared inbox (`SectionSettings.inbox_email`) gets an e-mail
  with the case mark, the case type and a link to the case's admin page — no applicant's data, no message text.
  The mail is queued in the transaction that opens the case or stores the message, so it leaves only with it.
* Every working morning (`manage.py send_deadline_notices`) each clerk who handles an open deadline gets one
  digest of theirs: overdue, due today, due in the next 7 days (`deadline_digests_send`). One per clerk and day.
* The same run reports to the head of department each deadline that is still open once the section's
  `escalation_after_working_days` working days after its due date have passed (`deadline_escalations_send`),
  counted with the statutory calendar of core.deadlines ([K]: the department's own rule, no statute sets it).
  Each deadline is reported once.
* A clerk may subscribe to their own deadlines in a calendar program (`deadline_feed_ical`) through a private link
  made and revoked in the admin (`deadline_feed_create`, `deadline_feed_revoke`).

A deadline is named everywhere by its case mark, the case type (or the kind of record without a mark) and its rule:
a deadline's title in the Terminarz may carry an applicant's name, which an e-mail or a calendar must not.
"""

import hashlib
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

import icalendar
from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.urls import NoReverseMatch, Resolver404, resolve, reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core.deadlines import OpenDeadline, add_working_days, open_deadlines
from core.feeds import xml_text
from core.models import (
    Case,
    CaseRegisterEntry,
    DeadlineDigest,
    DeadlineEscalation,
    DeadlineFeed,
    DepartmentProfile,
    SectionSettings,
)
from core.models.notifications import feed_token_hash
from core.roles import HEAD_OF_DEPARTMENT_GROUP, SECTION_BY_CODE, person_name, section_of_model
from core.site import site_host, site_url

#: "This week" of the digest: the days after today up to today + 7, as on the dashboard's panel.
DIGEST_WEEK_DAYS = 7

#: How often a subscribed calendar should fetch the feed again.
FEED_REFRESH_INTERVAL = timedelta(hours=1)
FEED_PRODID = "-//Urzad Miasta Ruda Slaska//Terminarz urzednika//PL"


# ------------------------------------------------------------------------------------------------------------------
# The section's inbox: a case arrives, an applicant replies
# ------------------------------------------------------------------------------------------------------------------


def case_admin_url(case: Case) -> str:
    """The absolute address of the case's admin page (the list of cases when its model has no admin)."""
    opts = type(case)._meta
    try:
        path = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[case.pk])
    except NoReverseMatch:
        path = reverse("admin:core_caseregisterentry_changelist")
    return site_url(path)


def section_inbox(case: Case) -> str:
    """The shared inbox of the section that handles the case's type ("" when none is set)."""
    section = section_of_model(type(case)._meta.label)
    if section is None:
        return ""
    return SectionSettings.objects.for_section(section).inbox_email


def _case_kind_name(case: Case) -> str:
    kind = getattr(case.register_entry, "kind", None)
    return kind.name if kind else str(type(case)._meta.verbose_name)


def _inbox_notify(case: Case, *, subject: str, template: str):
    from core.mail import mail_enqueue

    inbox = section_inbox(case)
    if not inbox:
        return None
    return mail_enqueue(
        to=[inbox],
        subject=subject,
        template=template,
        context={"case_mark": case.case_mark, "kind": _case_kind_name(case), "admin_url": case_admin_url(case)},
    )


def case_arrival_notify(case: Case):
    """Tell the section's inbox that the case arrived: its mark, type and admin link; None without an inbox.

    `core.services.case_open` calls it in the opening transaction, for every case type.
    """
    return _inbox_notify(
        case,
        subject=_("New case %(mark)s: %(kind)s") % {"mark": case.case_mark, "kind": _case_kind_name(case)},
        template="case_arrived",
    )


def applicant_reply_notify(case: Case):
    """Tell the section's inbox that the applicant wrote in the case's conversation; None without an inbox.

    The message itself stays in the admin: the e-mail names the case and links to it. `case_message_add` calls it.
    """
    return _inbox_notify(
        case,
        subject=_("The applicant replied in case %(mark)s") % {"mark": case.case_mark},
        template="case_applicant_replied",
    )


# ------------------------------------------------------------------------------------------------------------------
# What a deadline is called outside the Terminarz
# ------------------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DeadlineItem:
    """A deadline as notifications name it: no title (it may carry an applicant's name), only mark, kind and rule."""

    deadline: OpenDeadline
    kind: str
    admin_url: str

    @property
    def label(self) -> str:
        mark = self.deadline.case_mark
        if mark and self.kind:
            return f"{mark} — {self.kind}"
        return mark or self.kind or _("Deadline")

    def days_overdue(self, today: date) -> int:
        return -self.deadline.days_left(today)


def _record_kind(url: str) -> str:
    """The kind of record an admin address points at (its model's name), "" when it points at no model."""
    try:
        name = resolve(url).url_name or ""
    except Resolver404:
        return ""
    parts = name.rsplit("_", 2)
    if len(parts) != 3:
        return ""
    try:
        model = apps.get_model(parts[0], parts[1])
    except (LookupError, ValueError):
        return ""
    return str(model._meta.verbose_name)


def deadline_items(deadlines: list[OpenDeadline]) -> list[DeadlineItem]:
    """The deadlines with their case type (one query for all their case marks) and absolute admin address."""
    marks = {deadline.case_mark for deadline in deadlines if deadline.case_mark}
    entries = CaseRegisterEntry.objects.filter(case_mark__in=marks, kind__isnull=False)
    kinds = dict(entries.values_list("case_mark", "kind__name"))
    return [
        DeadlineItem(
            deadline=deadline,
            kind=kinds.get(deadline.case_mark) or _record_kind(deadline.url),
            admin_url=site_url(deadline.url) if deadline.url.startswith("/") else deadline.url,
        )
        for deadline in deadlines
    ]


# ------------------------------------------------------------------------------------------------------------------
# The morning digest
# ------------------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Digest:
    overdue: list[DeadlineItem]
    today: list[DeadlineItem]
    week: list[DeadlineItem]

    def __len__(self):
        return len(self.overdue) + len(self.today) + len(self.week)


def deadline_digest(user, today: date) -> Digest:
    """The clerk's open deadlines that they handle and may see: overdue, due `today`, due in the next 7 days."""
    deadlines = open_deadlines(handler_id=user.pk, user=user)
    week_end = today + timedelta(days=DIGEST_WEEK_DAYS)
    items = deadline_items([deadline for deadline in deadlines if deadline.due_date <= week_end])
    return Digest(
        overdue=[item for item in items if item.deadline.due_date < today],
        today=[item for item in items if item.deadline.due_date == today],
        week=[item for item in items if today < item.deadline.due_date],
    )


def deadline_digests_send(*, today: date | None = None) -> int:
    """Queue the morning digest of each clerk who handles at least one deadline overdue, due today or this week.

    Active staff with an e-mail address only. Idempotent per day: a clerk's digest of `today` is queued once (a
    DeadlineDigest row, unique per clerk and day, is written in the same transaction), so a second run the same
    day sends nothing. Returns the number of digests queued.
    """
    from core.mail import mail_enqueue

    today = today or timezone.localdate()
    handler_ids = {deadline.handler_id for deadline in open_deadlines() if deadline.handler_id is not None}
    already = set(DeadlineDigest.objects.filter(day=today).values_list("user_id", flat=True))
    clerks = (
        get_user_model()
        .objects.filter(pk__in=handler_ids - already, is_active=True, is_staff=True)
        .exclude(email="")
        .order_by("pk")
    )
    terminarz_url = site_url(reverse("admin:core_deadline_list"))
    queued = 0
    for clerk in clerks:
        digest = deadline_digest(clerk, today)
        if not len(digest):
            continue
        try:
            with transaction.atomic():
                DeadlineDigest.objects.create(user=clerk, day=today, items=len(digest))
                mail_enqueue(
                    to=[clerk.email],
                    subject=_("Your deadlines on %(day)s") % {"day": today.strftime("%d.%m.%Y")},
                    template="deadline_digest",
                    context={"digest": digest, "today": today, "terminarz_url": terminarz_url},
                )
        except IntegrityError:  # another run queued this clerk's digest a moment ago
            continue
        queued += 1
    return queued


# ------------------------------------------------------------------------------------------------------------------
# Escalation to the head of department
# ------------------------------------------------------------------------------------------------------------------


def escalation_due(deadline: OpenDeadline, working_days: int, today: date) -> bool:
    """Whether the deadline is to be reported on `today`: the `working_days` working days after its due date have
    all passed (Saturdays, Sundays and statutory days off are not counted, core.deadlines). With 0, as soon as it is
    overdue. E.g. due on Wednesday 23 December 2026 with 3 days: 24–27 December are days off, Monday 28 to Wednesday
    30 are the three days, so it is reported from Thursday 31 December."""
    return today > add_working_days(deadline.due_date, working_days)


def escalation_key(deadline: OpenDeadline) -> str:
    return hashlib.sha256(f"{deadline.url}\n{deadline.rule}\n{deadline.due_date.isoformat()}".encode()).hexdigest()


def head_of_department_addresses() -> list[str]:
    """The e-mail addresses of the active members of the head of department's group; else the department's."""
    addresses = list(
        get_user_model()
        .objects.filter(groups__name=HEAD_OF_DEPARTMENT_GROUP, is_active=True)
        .exclude(email="")
        .order_by("pk")
        .values_list("email", flat=True)
        .distinct()
    )
    if addresses:
        return addresses
    profile = DepartmentProfile.objects.order_by("pk").first()
    return [profile.email] if profile and profile.email else []


def deadline_escalations_send(*, today: date | None = None) -> int:
    """Report to the head of department, in one e-mail, each open deadline newly past its section's escalation days.

    The number of working days is the section's `SectionSettings.escalation_after_working_days` (default 3;
    `escalation_due`). Each deadline is reported once (a DeadlineEscalation row, written with the mail). Without
    any address (no head with an e-mail, no department profile) nothing is sent or recorded. Returns the number of
    deadlines reported.
    """
    from core.mail import mail_enqueue

    today = today or timezone.localdate()
    days = {row.section: row.escalation_after_working_days for row in SectionSettings.objects.all()}
    default_days = SectionSettings.DEFAULT_ESCALATION_WORKING_DAYS
    due = [
        deadline
        for deadline in open_deadlines()
        if escalation_due(deadline, days.get(deadline.section, default_days), today)
    ]
    keys = {escalation_key(deadline): deadline for deadline in due}
    reported = set(DeadlineEscalation.objects.filter(key__in=keys).values_list("key", flat=True))
    new = {key: deadline for key, deadline in keys.items() if key not in reported}
    if not new:
        return 0
    recipients = head_of_department_addresses()
    if not recipients:
        return 0
    handlers = get_user_model().objects.in_bulk({d.handler_id for d in new.values() if d.handler_id is not None})
    rows = [
        {
            "item": item,
            "days_overdue": item.days_overdue(today),
            "section": SECTION_BY_CODE[item.deadline.section].group_name
            if item.deadline.section in SECTION_BY_CODE
            else item.deadline.section,
            "handler": handlers.get(item.deadline.handler_id),
        }
        for item in deadline_items(list(new.values()))
    ]
    with transaction.atomic():
        DeadlineEscalation.objects.bulk_create(
            [
                DeadlineEscalation(key=key, case_mark=d.case_mark, section=d.section, due_date=d.due_date)
                for key, d in new.items()
            ],
            ignore_conflicts=True,
        )
        mail_enqueue(
            to=recipients,
            subject=_("Overdue deadlines: %(count)s") % {"count": len(rows)},
            template="deadline_escalation",
            context={"rows": rows, "today": today},
        )
    return len(rows)


# ------------------------------------------------------------------------------------------------------------------
# The clerk's private calendar of deadlines
# ------------------------------------------------------------------------------------------------------------------


def deadline_feed_create(*, acting_user) -> str:
    """Make the clerk's private calendar link, replacing the one they had (which stops working); return its token.

    Only the token's hash is stored: the caller shows the link once. A clerk makes and revokes only their own link.
    """
    token = DeadlineFeed.new_token()
    DeadlineFeed.objects.update_or_create(user=acting_user, defaults={"token_hash": feed_token_hash(token)})
    return token


def deadline_feed_revoke(*, acting_user) -> bool:
    """Revoke the clerk's private calendar link (it answers 404 from now on); whether there was one."""
    deleted, _rows = DeadlineFeed.objects.filter(user=acting_user).delete()
    return bool(deleted)


def deadline_feed_path(token: str) -> str:
    """The path of the clerk's calendar with `token` (always the Polish one: the calendar is Polish)."""
    with translation.override("pl"):
        return reverse("core:deadline_feed", kwargs={"token": token})


def _deadline_uid(deadline: OpenDeadline) -> str:
    # Stable while the deadline's record and rule stay: a moved due date updates the same calendar entry.
    digest = hashlib.sha256(f"{deadline.url}\n{deadline.rule}".encode()).hexdigest()[:32]
    return f"deadline-{digest}@{site_host()}"


def deadline_feed_ical(user, *, now: datetime | None = None) -> bytes:
    """The VCALENDAR of the open deadlines the clerk handles and may see: one all-day VEVENT per deadline.

    Each names the case mark, the case type and the rule; no title (it may carry an applicant's name) and no admin
    address (the admin's path is not given to a calendar service). Escaping and folding are icalendar's.
    """
    now = now or timezone.now()
    name = _("Deadlines of %(name)s") % {"name": person_name(user)}
    calendar = icalendar.Calendar.new(prodid=FEED_PRODID, method="PUBLISH", calscale="GREGORIAN")
    for prop, value in (("NAME", name), ("X-WR-CALNAME", name)):
        calendar.add(prop, icalendar.vText(xml_text(value)))
    calendar.add("REFRESH-INTERVAL", icalendar.vDuration(FEED_REFRESH_INTERVAL), parameters={"VALUE": "DURATION"})
    calendar.add("X-PUBLISHED-TTL", icalendar.vDuration(FEED_REFRESH_INTERVAL))
    stamp = now.astimezone(UTC)
    for item in deadline_items(open_deadlines(handler_id=user.pk, user=user)):
        deadline = item.deadline
        calendar.add_component(
            icalendar.Event.new(
                uid=_deadline_uid(deadline),
                stamp=stamp,
                start=deadline.due_date,
                end=deadline.due_date + timedelta(days=1),
                summary=xml_text(_("Deadline: %(label)s") % {"label": item.label}),
                description=xml_text(
                    _("%(label)s\nDue date: %(date)s\nRule: %(rule)s")
                    % {"label": item.label, "date": deadline.due_date.strftime("%d.%m.%Y"), "rule": deadline.rule}
                ),
                transparency=icalendar.TRANSP.TRANSPARENT,
            )
        )
    return calendar.to_ical()
