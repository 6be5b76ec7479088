"""The clerk's side of mourning: declaring a period once, ahead of time if it is known (DOMAIN.md §F.6)."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from core.admin_mixins import HistoryViewOnlyMixin
from core.services import CaseWorkError
from events.models import Event
from events.services import events_call_off
from mourning.models import MourningPeriod
from mourning.selectors import events_in_period
from mourning.services import condolence_release_start

EVENTS_PER_PAGE = 100


class CallOffForm(forms.Form):
    """The clerk's choice on the events of a mourning: which, cancel or postpone, and the one note residents read."""

    events = forms.ModelMultipleChoiceField(queryset=Event.objects.none(), label=_("Events"))
    transition = forms.ChoiceField(
        label=_("What to do"),
        choices=[("cancel", _("Cancel the chosen events")), ("postpone", _("Postpone the chosen events"))],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Note for residents and organisers"),
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Shown on each event's page and in calendars, and sent to organisers of submitted events."),
    )

    def __init__(self, *args, period, **kwargs):
        super().__init__(*args, **kwargs)
        # Only events of this period can be chosen: nothing outside it is touched.
        self.fields["events"].queryset = events_in_period(period)


@admin.register(MourningPeriod)
class MourningPeriodAdmin(HistoryViewOnlyMixin, SimpleHistoryAdmin):
    """Every public page follows a saved period on time; an overlapping one is refused by the model's `clean()`."""

    change_form_template = "admin/mourning/mourningperiod/change_form.html"
    list_display = ["reason", "kind", "starts_at", "ends_at", "act_number", "events_link"]
    list_filter = ["kind"]
    search_fields = ["reason", "act_number"]
    date_hierarchy = "starts_at"
    fieldsets = [
        (None, {"fields": ["kind", "reason", "starts_at", "ends_at"]}),
        (_("The act"), {"fields": ["act_number", "act_date", "act_url", "announcement"]}),
        (_("Condolence book"), {"fields": ["condolence_book_place", "condolence_book_hours"]}),
    ]

    @admin.display(description=_("Events in the period"))
    def events_link(self, obj):
        url = reverse("admin:mourning_mourningperiod_events", args=[obj.pk])
        return format_html('<a href="{}">{}</a>', url, gettext("Review the events"))

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = {**(extra_context or {}), "may_start_release": request.user.has_perm("press.add_pressrelease")}
        return super().change_view(request, object_id, form_url, extra_context)

    def get_urls(self):
        return [
            path(
                "<int:pk>/komunikat-prasowy/",
                self.admin_site.admin_view(self.release_view),
                name="mourning_mourningperiod_release",
            ),
            path(
                "<int:pk>/wydarzenia/",
                self.admin_site.admin_view(self.events_view),
                name="mourning_mourningperiod_events",
            ),
            *super().get_urls(),
        ]

    def release_view(self, request, pk):
        """Start a condolence press release from the department's template: a draft the press office edits and
        publishes through its own workflow (DOMAIN.md §F.6)."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not (self.has_view_permission(request) and request.user.has_perm("press.add_pressrelease")):
            raise PermissionDenied
        period = get_object_or_404(MourningPeriod, pk=pk)
        release = condolence_release_start(period=period, acting_user=request.user)
        self.message_user(
            request,
            gettext("A draft of the condolence press release is ready: check it and publish it."),
            messages.SUCCESS,
        )
        return HttpResponseRedirect(reverse("admin:press_pressrelease_change", args=[release.pk]))

    def events_view(self, request, pk):
        """The events in the period, entertainment of the city's institutions first, called off in bulk with one
        note through `events.services.events_call_off` (DOMAIN.md §F.6)."""
        may_call_off = request.user.has_perm("events.change_event")
        if not (self.has_view_permission(request) and may_call_off):
            raise PermissionDenied
        period = get_object_or_404(MourningPeriod, pk=pk)
        form = CallOffForm(request.POST or None, period=period)
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            try:
                done = events_call_off(
                    events=list(data["events"]),
                    transition=data["transition"],
                    note=data["note"],
                    acting_user=request.user,
                )
            except CaseWorkError as refusal:
                self.message_user(request, refusal.message, messages.ERROR)
            else:
                text = (
                    ngettext("%(count)d event cancelled.", "%(count)d events cancelled.", len(done))
                    if data["transition"] == "cancel"
                    else ngettext("%(count)d event postponed.", "%(count)d events postponed.", len(done))
                )
                self.message_user(request, text % {"count": len(done)}, messages.SUCCESS)
                return HttpResponseRedirect(reverse("admin:mourning_mourningperiod_events", args=[period.pk]))
        page = Paginator(events_in_period(period), EVENTS_PER_PAGE).get_page(request.GET.get("page"))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": gettext("Events during the mourning"),
            "period": period,
            "form": form,
            "page_obj": page,
            "chosen": {str(value) for value in form["events"].value() or ()},
        }
        return TemplateResponse(request, "admin/mourning/period_events.html", context)
