"""Admin pages of `core` that are not a model's change list: the clerks' Terminarz of open deadlines, "Moje sprawy"
(my open cases of every type) and the posts that take or assign a case."""

from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.http import Http404, HttpResponseRedirect
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import TemplateView

from core.deadlines import open_deadlines
from core.models import Case, CaseRegisterEntry
from core.roles import SECTION_BY_CODE, SECTIONS, person_name
from core.services import CaseWorkError, case_assign, case_take

DEADLINES_PER_PAGE = 50


class DeadlineFilterForm(forms.Form):
    """Filters of the Terminarz, read from the query string; an invalid value falls back to the default."""

    MINE = "mine"
    ALL = "all"

    scope = forms.ChoiceField(
        label=_("Whose deadlines"),
        choices=[(ALL, pgettext_lazy("deadlines", "All")), (MINE, pgettext_lazy("deadlines", "Mine"))],
        required=False,
        widget=forms.RadioSelect,
    )
    section = forms.ChoiceField(label=_("Section"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section"].choices = [("", _("All sections"))] + [
            (section.code, section.group_name) for section in SECTIONS
        ]

    def filters(self) -> dict[str, str]:
        """The valid, non-default filter values, as they would appear in the query string."""
        if not self.is_valid():
            return {}
        return {name: value for name, value in self.cleaned_data.items() if value and value != self.ALL}


def _section_name(code: str) -> str:
    section = SECTION_BY_CODE.get(code)
    return section.group_name if section else code


class DeadlineListView(TemplateView):
    """Terminarz: the open deadlines registered in `core.deadlines` that the clerk may see, by due date, 50 per page.

    Open to all staff (the admin site's own check); each clerk sees the deadlines of the sources whose model they
    may view (`open_deadlines(user=…)`), so a clerk without permissions sees an empty list, not other sections'
    cases. Filters: mine / all (mine = deadlines whose handler is the logged-in clerk) and section.
    """

    admin_site = None
    template_name = "admin/core/deadline_list.html"

    def get_context_data(self, **kwargs):
        # Bound with the defaults underneath, so the page opens with "All" checked and no error.
        form = DeadlineFilterForm({"scope": DeadlineFilterForm.ALL, "section": "", **self.request.GET.dict()})
        filters = form.filters()
        handler_id = self.request.user.pk if filters.get("scope") == DeadlineFilterForm.MINE else None
        deadlines = open_deadlines(section=filters.get("section"), handler_id=handler_id, user=self.request.user)
        page_obj = Paginator(deadlines, DEADLINES_PER_PAGE).get_page(self.request.GET.get("page"))
        today = timezone.localdate()
        handlers = get_user_model().objects.in_bulk({d.handler_id for d in page_obj if d.handler_id is not None})
        rows = [
            {
                "deadline": deadline,
                "days_left": deadline.days_left(today),
                "days_overdue": -deadline.days_left(today),
                "is_overdue": deadline.is_overdue(today),
                "section_name": _section_name(deadline.section),
                "handler": handlers.get(deadline.handler_id),
            }
            for deadline in page_obj
        ]
        return {
            **self.admin_site.each_context(self.request),
            **super().get_context_data(**kwargs),
            "title": _("Deadline diary"),
            "form": form,
            "page_obj": page_obj,
            "rows": rows,
            "today": today,
            "query": urlencode(filters),
        }

    def get(self, request, *args, **kwargs):
        request.current_app = self.admin_site.name
        return super().get(request, *args, **kwargs)


class DeadlineFeedView(TemplateView):
    """The clerk's own private calendar link of their deadlines: make it, make a new one, or revoke it.

    Open to all staff (the admin site's own check); every action acts on the signed-in clerk's link only, so no
    clerk can see or revoke another's. The link is shown once, in the answer to the POST that made it: only its
    hash is kept (core.models.DeadlineFeed).
    """

    admin_site = None
    template_name = "admin/core/deadline_feed.html"
    CREATE = "create"
    REVOKE = "revoke"

    def get_context_data(self, **kwargs):
        from core.models import DeadlineFeed

        return {
            **self.admin_site.each_context(self.request),
            **super().get_context_data(**kwargs),
            "title": _("My deadlines in a calendar"),
            "feed": DeadlineFeed.objects.filter(user=self.request.user).first(),
        }

    def get(self, request, *args, **kwargs):
        request.current_app = self.admin_site.name
        return self._private(super().get(request, *args, **kwargs))

    def post(self, request, *args, **kwargs):
        from django.contrib import messages

        from core.notifications import deadline_feed_create, deadline_feed_path, deadline_feed_revoke

        request.current_app = self.admin_site.name
        action = request.POST.get("action")
        new_url = ""
        if action == self.CREATE:
            # On the address the clerk uses (the admin and the public site share it), as a tracking link does.
            new_url = request.build_absolute_uri(deadline_feed_path(deadline_feed_create(acting_user=request.user)))
            messages.success(request, _("A new calendar link was made; the previous one, if any, no longer works."))
        elif action == self.REVOKE:
            if deadline_feed_revoke(acting_user=request.user):
                messages.success(
                    request, _("The calendar link was revoked: calendars using it get no more deadlines.")
                )
            else:
                messages.info(request, _("You had no calendar link."))
        else:
            messages.error(request, _("Choose what to do with the calendar link."))
        context = self.get_context_data(**kwargs)
        context["new_url"] = new_url
        return self._private(self.render_to_response(context))

    @staticmethod
    def _private(response):
        # The page may show the link: no cache may keep it, and no other site learns the address.
        response["Cache-Control"] = "private, no-store"
        response["Referrer-Policy"] = "same-origin"
        return response


# ------------------------------------------------------------------------------------------------------------------
# Taking and assigning a case (the workflow panel's "Przyjmij sprawę" and "Przydziel", the dashboard's rows)
# ------------------------------------------------------------------------------------------------------------------


def case_admin_url(model, pk, *, admin_site_name: str = "admin") -> str:
    """The case's change page in the admin, or "" when its model has no admin."""
    try:
        return reverse(f"{admin_site_name}:{model._meta.app_label}_{model._meta.model_name}_change", args=[pk])
    except NoReverseMatch:
        return ""


class CaseHandlerActionView(View):
    """A POST naming a case by its content type and primary key; the service decides, the clerk is sent back.

    The case is any subclass of core.models.Case; another content type, or a case that does not exist, is a 404.
    After the action the clerk returns to `next` (a path on this site: the dashboard, "Moje sprawy") or to the
    case's change page, with the service's message: done, or the Polish reason of a refusal (never a 500).
    """

    admin_site = None
    http_method_names = ["post"]

    def post(self, request, content_type_id, object_id):
        content_type = ContentType.objects.filter(pk=content_type_id).first()
        model = content_type.model_class() if content_type is not None else None
        if model is None or not issubclass(model, Case):
            raise Http404
        case = model.objects.filter(pk=object_id).first()
        if case is None:
            raise Http404
        try:
            message = self.perform(request, case)
        except CaseWorkError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, message)
        return HttpResponseRedirect(self.back_url(request, case))

    def perform(self, request, case) -> str:
        raise NotImplementedError

    def back_url(self, request, case) -> str:
        target = request.POST.get("next", "")
        if target and url_has_allowed_host_and_scheme(
            target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            return target
        return case_admin_url(type(case), case.pk, admin_site_name=self.admin_site.name) or reverse(
            f"{self.admin_site.name}:core_my_cases"
        )


class CaseTakeView(CaseHandlerActionView):
    """ "Przyjmij sprawę": the signed-in clerk becomes the case's handler (core.services.case_take)."""

    def perform(self, request, case) -> str:
        case_take(case=case, acting_user=request.user)
        return gettext("You have taken case %(mark)s. It is on your list of cases.") % {"mark": case.case_mark}


class CaseAssignView(CaseHandlerActionView):
    """ "Przydziel": the head of department makes the clerk chosen in `handler` the case's handler
    (core.services.case_assign)."""

    def perform(self, request, case) -> str:
        handler_id = request.POST.get("handler", "")
        handler = get_user_model().objects.filter(pk=handler_id).first() if handler_id.isdigit() else None
        if handler is None:
            raise CaseWorkError(gettext("Choose the clerk to whom the case goes."), code="no_handler")
        case_assign(case=case, handler=handler, acting_user=request.user)
        return gettext("Case %(mark)s has been assigned to %(name)s.") % {
            "mark": case.case_mark,
            "name": person_name(handler),
        }


# ------------------------------------------------------------------------------------------------------------------
# "Moje sprawy": the signed-in clerk's open cases of every type
# ------------------------------------------------------------------------------------------------------------------

MY_CASES_PER_PAGE = 50


class MyCasesView(TemplateView):
    """ "Moje sprawy": the open cases the signed-in clerk handles, of every case type, the oldest first, 50 a page.

    Read from the list of cases (CaseRegisterEntry, whose handler the kernel keeps with the case), so one query
    serves every case type; the next deadline of each comes from the Terminarz's sources (one query per source,
    however many cases). Open to all staff: a clerk sees only the cases they handle.
    """

    admin_site = None
    template_name = "admin/core/my_cases.html"

    def get_context_data(self, **kwargs):
        entries = (
            CaseRegisterEntry.objects.filter(handler=self.request.user, closed_at__isnull=True)
            .exclude(content_type=None)
            .select_related("kind", "content_type")
            .order_by("opened_at", "pk")
        )
        page_obj = Paginator(entries, MY_CASES_PER_PAGE).get_page(self.request.GET.get("page"))
        next_due = {}
        if page_obj.object_list:
            for deadline in open_deadlines(handler_id=self.request.user.pk, user=self.request.user):
                if deadline.case_mark and deadline.case_mark not in next_due:
                    next_due[deadline.case_mark] = deadline
        today = timezone.localdate()
        rows = []
        for entry in page_obj:
            deadline = next_due.get(entry.case_mark)
            rows.append(
                {
                    "entry": entry,
                    "url": case_admin_url(entry.case_model(), entry.object_id, admin_site_name=self.admin_site.name),
                    "status": entry.status_label() or "—",
                    "deadline": deadline,
                    "is_overdue": deadline is not None and deadline.is_overdue(today),
                }
            )
        return {
            **self.admin_site.each_context(self.request),
            **super().get_context_data(**kwargs),
            "title": _("My cases"),
            "page_obj": page_obj,
            "rows": rows,
        }

    def get(self, request, *args, **kwargs):
        request.current_app = self.admin_site.name
        return super().get(request, *args, **kwargs)
