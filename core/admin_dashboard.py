"""The clerk's dashboard (Pulpit): the admin's home page, what a clerk opens every morning.

What it shows a clerk is what the clerk's role groups may view (core.roles), by the rules of the Terminarz and of the
list of cases: a case type is the clerk's when the clerk may view its model, and every case type is when the clerk
may view the list of cases (the Kancelaria wydziału, the head of department). The Terminarz's own rule applies to its
deadlines (`core.deadlines.open_deadlines(user=…)`).

A case is *new* (awaiting a first action) while it is open, still in the status its model opens it in (the default
of its workflow's status field, which `core.services.case_open` leaves it in) and nobody handles it. Taking it or
giving it a handler, or the first move of its workflow, takes it off the list.

An applicant's *reply not yet answered* is a case whose latest message in its conversation (`CaseMessage`) is the
applicant's.

Every panel reads the database in a fixed number of queries, whatever the number of cases: the lists and counts
come from `CaseRegisterEntry` (one line per case, with its type, applicant, status, handler and closing).

A clerk who may handle a new case's type (`core.services.may_handle`) takes it from the dashboard ("Przyjmij", the
admin's `core_case_take` view, `core.services.case_take`) and comes back to the dashboard.
"""

import operator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import reduce

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Exists, OuterRef, Q, Subquery
from django.db.models.functions import TruncMonth
from django.urls import NoReverseMatch, reverse
from django.utils import formats, timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from core import site_registry
from core.deadlines import open_deadlines
from core.models import CaseMessage, CaseRegisterEntry
from core.retention import case_models
from core.services import may_handle

#: How many rows each list of the dashboard shows; the count above it tells how many there are.
ROWS_SHOWN = 8
#: How many of the nearest deadlines the dashboard shows.
DEADLINES_SHOWN = 5
#: "This week" of the Terminarz's panel: the days after today up to today + 7 (a week ahead from any weekday).
WEEK_DAYS = 7
#: The months of the chart: this one and the eleven before it.
CHART_MONTHS = 12
#: The chart's drawing box (SVG user units): the bars' area and the room for labels under and above them.
CHART_WIDTH = 600
CHART_BAR_AREA = 150
CHART_TOP = 20
CHART_BOTTOM = 30


@dataclass(frozen=True)
class CaseType:
    """A case model the clerk may see on the dashboard; `may_open` when the clerk may also open its admin pages."""

    model: type
    content_type_id: int
    may_open: bool

    @property
    def status_field(self) -> str:
        return self.model.workflow.status_field

    @property
    def initial_status(self) -> str:
        """The status a case of this type opens in (its status field's default)."""
        return self.model._meta.get_field(self.status_field).get_default()

    @property
    def name(self) -> str:
        return capfirst(self.model._meta.verbose_name_plural)

    def status_labels(self) -> dict[str, str]:
        return {code: str(label) for code, label in self.model._meta.get_field(self.status_field).flatchoices}


def _may_view(user, model) -> bool:
    return user.has_perm(f"{model._meta.app_label}.view_{model._meta.model_name}")


def visible_case_types(user) -> list[CaseType]:
    """The case types whose cases `user` sees on the dashboard, by name.

    A type whose model the user may view, or every type for a user who may view the list of cases.
    """
    sees_register = user.has_perm("core.view_caseregisterentry")
    models = [
        model
        for model in case_models()
        if getattr(model, "workflow", None) is not None and (sees_register or _may_view(user, model))
    ]
    if not models:
        return []
    content_types = ContentType.objects.get_for_models(*models)  # cached after the first request
    types = [CaseType(model, content_types[model].pk, _may_view(user, model)) for model in models]
    return sorted(types, key=lambda case_type: case_type.name)


def _case_url(entry: CaseRegisterEntry, types_by_ct: dict[int, CaseType], user) -> str:
    """The admin page of the entry's case if the clerk may open it, else its line in the list of cases, else ""."""
    case_type = types_by_ct.get(entry.content_type_id)
    if case_type is not None and case_type.may_open and entry.object_id:
        opts = case_type.model._meta
        try:
            return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[entry.object_id])
        except NoReverseMatch:
            pass
    if user.has_perm("core.view_caseregisterentry"):
        return reverse("admin:core_caseregisterentry_change", args=[entry.pk])
    return ""


def _any_of(conditions: list[Q]) -> Q:
    return reduce(operator.or_, conditions)


def new_cases(types: list[CaseType]):
    """Open cases of the given types still in their opening status with nobody handling them, newest first."""
    in_opening_status = [
        Q(content_type_id=case_type.content_type_id, status=case_type.initial_status) for case_type in types
    ]
    return CaseRegisterEntry.objects.filter(
        _any_of(in_opening_status), handler__isnull=True, closed_at__isnull=True
    ).order_by("-opened_at", "-pk")


def my_cases(types: list[CaseType], user):
    """Open cases of the given types whose handler is `user`, oldest first (the longest waiting on top)."""
    return CaseRegisterEntry.objects.filter(
        content_type_id__in=[case_type.content_type_id for case_type in types], handler=user, closed_at__isnull=True
    ).order_by("opened_at", "pk")


def unanswered_replies(types: list[CaseType]):
    """The applicants' messages that are the latest of their case's conversation, newest first.

    Each is annotated with its case's line in the list of cases (`entry_id`, `case_mark`, `applicant_name`,
    `kind_name`).
    """
    later = CaseMessage.objects.filter(
        content_type_id=OuterRef("content_type_id"),
        object_id=OuterRef("object_id"),
        created_at__gt=OuterRef("created_at"),
    )
    # Without the list's ordering: its joins and sort would run once per message.
    entry = CaseRegisterEntry.objects.filter(
        content_type_id=OuterRef("content_type_id"), object_id=OuterRef("object_id")
    ).order_by()
    return (
        CaseMessage.objects.filter(
            author_kind=CaseMessage.Author.APPLICANT,
            content_type_id__in=[case_type.content_type_id for case_type in types],
        )
        .exclude(Exists(later))
        .annotate(
            entry_id=Subquery(entry.values("pk")[:1]),
            case_mark=Subquery(entry.values("case_mark")[:1]),
            applicant_name=Subquery(entry.values("applicant_name")[:1]),
            kind_name=Subquery(entry.values("kind__name")[:1]),
        )
        .order_by("-created_at", "-pk")
    )


def status_counts(types: list[CaseType]) -> list[dict]:
    """Per case type, the number of its cases in each status some case has, in the order of the model's statuses."""
    counts: dict[int, dict[str, int]] = {}
    rows = (
        CaseRegisterEntry.objects.filter(content_type_id__in=[case_type.content_type_id for case_type in types])
        .values("content_type_id", "status")
        .annotate(cases=Count("pk"))
        .order_by()
    )
    for row in rows:
        counts.setdefault(row["content_type_id"], {})[row["status"]] = row["cases"]
    result = []
    for case_type in types:
        found = counts.get(case_type.content_type_id, {})
        labels = case_type.status_labels()
        order = {code: index for index, code in enumerate(labels)}
        statuses = [
            {"label": labels.get(code, code) or "—", "count": number, "url": _status_url(case_type, code)}
            for code, number in sorted(found.items(), key=lambda item: order.get(item[0], len(order)))
        ]
        result.append({"name": case_type.name, "statuses": statuses, "total": sum(found.values())})
    return result


def _status_url(case_type: CaseType, code: str) -> str:
    if not case_type.may_open:
        return ""
    opts = case_type.model._meta
    try:
        changelist = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
    except NoReverseMatch:
        return ""
    return f"{changelist}?{case_type.status_field}__exact={code}"


def _month_start(day: date, months_back: int) -> date:
    index = day.year * 12 + day.month - 1 - months_back
    return date(index // 12, index % 12 + 1, 1)


def cases_per_month(types: list[CaseType], today: date) -> list[dict]:
    """The number of cases of the given types opened in each of the last CHART_MONTHS months (this one last)."""
    months = [_month_start(today, back) for back in range(CHART_MONTHS - 1, -1, -1)]
    since = timezone.make_aware(datetime.combine(months[0], time.min))
    counts = {
        row["month"].date() if isinstance(row["month"], datetime) else row["month"]: row["cases"]
        for row in CaseRegisterEntry.objects.filter(
            content_type_id__in=[case_type.content_type_id for case_type in types], opened_at__gte=since
        )
        .annotate(month=TruncMonth("opened_at"))
        .values("month")
        .annotate(cases=Count("pk"))
        .order_by("month")
    }
    return [{"month": month, "cases": counts.get(month, 0)} for month in months]


def month_chart(per_month: list[dict]) -> dict:
    """The bars of the per-month chart in SVG user units (no inline style: geometry as attributes only)."""
    highest = max((month["cases"] for month in per_month), default=0)
    slot = CHART_WIDTH / len(per_month)
    bar_width = slot * 0.6
    baseline = CHART_TOP + CHART_BAR_AREA
    bars = []
    for index, month in enumerate(per_month):
        height = round(CHART_BAR_AREA * month["cases"] / highest, 1) if highest else 0
        x = round(index * slot + (slot - bar_width) / 2, 1)
        bars.append(
            {
                **month,
                "x": x,
                "y": round(baseline - height, 1),
                "width": round(bar_width, 1),
                "height": height,
                "centre": round(x + bar_width / 2, 1),
                "value_y": round(baseline - height - 4, 1),
                "short_name": formats.date_format(month["month"], "M"),
                "name": formats.date_format(month["month"], "F Y"),
            }
        )
    return {
        "bars": bars,
        "width": CHART_WIDTH,
        "height": CHART_TOP + CHART_BAR_AREA + CHART_BOTTOM,
        "baseline": baseline,
        "label_y": baseline + 22,
        "total": sum(month["cases"] for month in per_month),
    }


def deadline_summary(user, today: date) -> dict:
    """Counts of the clerk's Terminarz deadlines overdue, due today and due in the next WEEK_DAYS, and the nearest."""
    deadlines = open_deadlines(user=user)
    week_end = today + timedelta(days=WEEK_DAYS)
    overdue = [deadline for deadline in deadlines if deadline.due_date < today]
    due_today = [deadline for deadline in deadlines if deadline.due_date == today]
    this_week = [deadline for deadline in deadlines if today < deadline.due_date <= week_end]
    nearest = [*overdue, *due_today, *this_week][:DEADLINES_SHOWN]
    return {
        "overdue": len(overdue),
        "today": len(due_today),
        "week": len(this_week),
        "rows": [
            {
                "deadline": deadline,
                "is_overdue": deadline.due_date < today,
                "is_today": deadline.due_date == today,
                "days_overdue": (today - deadline.due_date).days,
                "days_left": (deadline.due_date - today).days,
            }
            for deadline in nearest
        ],
        "more": len(overdue) + len(due_today) + len(this_week) - len(nearest),
    }


def _take_url(entry: CaseRegisterEntry, case_type: CaseType, user, admin_site_name: str) -> str:
    """Where "Przyjmij" posts for a new case, or "" for a clerk who may not handle its type (the head of department
    and the Kancelaria only view)."""
    if not may_handle(user, case_type.model):
        return ""
    return reverse(f"{admin_site_name}:core_case_take", args=[entry.content_type_id, entry.object_id])


def _entry_rows(entries, types_by_ct: dict[int, CaseType], user, *, admin_site_name: str = "", take=False):
    rows = []
    for entry in entries:
        case_type = types_by_ct[entry.content_type_id]
        rows.append(
            {
                "entry": entry,
                "kind": case_type.model._meta.verbose_name,
                "url": _case_url(entry, types_by_ct, user),
                "take_url": _take_url(entry, case_type, user, admin_site_name) if take else "",
            }
        )
    return rows


def dashboard_notices(user, today) -> list[dict]:
    """The apps' warnings for this clerk (`site_registry.register_dashboard_notice`): text and link, in order."""
    notices = []
    for notice in site_registry.dashboard_notices():
        if user.has_perm(notice.permission):
            text = notice.message(today)
            if text:
                notices.append({"text": text, "url": reverse(notice.url_name)})
    return notices


class DashboardView(TemplateView):
    """Pulpit: the admin's home page, per the clerk's role groups (see the module's docstring)."""

    admin_site = None
    template_name = "admin/core/dashboard.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        today = timezone.localdate()
        types = visible_case_types(user)
        types_by_ct = {case_type.content_type_id: case_type for case_type in types}
        context = {
            **self.admin_site.each_context(self.request),
            **super().get_context_data(**kwargs),
            "title": _("Dashboard"),
            "today": today,
            "case_types": types,
            "deadlines": deadline_summary(user, today),
            "rows_shown": ROWS_SHOWN,
            "staff_links": [
                {"label": link.label, "url": reverse(link.url_name)} for link in site_registry.staff_links()
            ],
            "notices": dashboard_notices(user, today),
        }
        if types:
            new = new_cases(types)
            mine = my_cases(types, user)
            replies = unanswered_replies(types)
            per_month = cases_per_month(types, today)
            context.update(
                new_count=new.count(),
                new_rows=_entry_rows(
                    new[:ROWS_SHOWN], types_by_ct, user, admin_site_name=self.admin_site.name, take=True
                ),
                mine_count=mine.count(),
                mine_rows=_entry_rows(mine[:ROWS_SHOWN], types_by_ct, user),
                replies_count=replies.count(),
                reply_rows=[
                    {"message": message, "url": self._reply_url(message, types_by_ct, user)}
                    for message in replies[:ROWS_SHOWN]
                ],
                status_counts=status_counts(types),
                chart=month_chart(per_month),
            )
        return context

    @staticmethod
    def _reply_url(message, types_by_ct, user) -> str:
        entry = CaseRegisterEntry(
            pk=message.entry_id, content_type_id=message.content_type_id, object_id=message.object_id
        )
        return _case_url(entry, types_by_ct, user) if message.entry_id else ""

    def get(self, request, *args, **kwargs):
        request.current_app = self.admin_site.name
        return super().get(request, *args, **kwargs)
