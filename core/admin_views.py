"""Admin pages of `core` that are not a model's change list: the clerks' Terminarz of open deadlines."""

from urllib.parse import urlencode

from django import forms
from django.contrib.auth import get_user_model
from django.core.paginator import Paginator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django.views.generic import TemplateView

from core.deadlines import open_deadlines
from core.roles import SECTION_BY_CODE, SECTIONS

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

        from core.notifications import deadline_feed_create, deadline_feed_revoke, deadline_feed_url

        request.current_app = self.admin_site.name
        action = request.POST.get("action")
        new_url = ""
        if action == self.CREATE:
            new_url = deadline_feed_url(deadline_feed_create(acting_user=request.user))
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
