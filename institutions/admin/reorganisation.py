"""Reorganisation plans in the admin: the plan, its new institutions and its workflow (DOMAIN.md §A.7)."""

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from core.admin_mixins import (
    StatusHistoryInline,
    WorkflowAdminMixin,
)
from institutions import services
from institutions.models import (
    PlannedInstitution,
    ReorganisationPlan,
)


class PlannedInstitutionInline(admin.StackedInline):
    model = PlannedInstitution
    fields = ["kind", "full_name", "short_name", "activity", "seat", "address"]
    extra = 0

    def _editable(self, obj):
        return obj is None or obj.status in (ReorganisationPlan.Status.DRAFT, ReorganisationPlan.Status.ANNOUNCED)

    def has_add_permission(self, request, obj=None):
        return self._editable(obj) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return self._editable(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self._editable(obj) and super().has_delete_permission(request, obj)


class ReorganisationPlanForm(forms.ModelForm):
    class Meta:
        model = ReorganisationPlan
        fields = [
            "kind",
            "title",
            "reasons",
            "institutions",
            "intent_resolution",
            "announced_on",
            "library_council_opinion_on",
            "voivodeship_library_opinion_on",
            "minister_consent_on",
            "museum_council_opinion_on",
            "act",
            "effective_on",
            "liquidator_name",
        ]

    def clean(self):
        cleaned = super().clean()
        act = cleaned.get("act")
        if act is not None and self.instance.pk and cleaned.get("announced_on"):
            # Warn at once, not only when the act is recorded: u.o.p.d.k. art. 18 ust. 3, art. 22 ust. 2.
            plan = self.instance
            for name in (
                "kind",
                "announced_on",
                "library_council_opinion_on",
                "voivodeship_library_opinion_on",
                "minister_consent_on",
                "museum_council_opinion_on",
            ):
                if name in cleaned:
                    setattr(plan, name, cleaned[name])
            try:
                services.plan_check_act(plan, act)
            except services.RegisterError as error:
                self.add_error("act", error.message)
        return cleaned


@admin.register(ReorganisationPlan)
class ReorganisationPlanAdmin(WorkflowAdminMixin, SimpleHistoryAdmin):
    form = ReorganisationPlanForm
    workflow_inlines = [StatusHistoryInline]
    inlines = [PlannedInstitutionInline]
    list_display = ["title", "kind", "status", "announced_on", "earliest_act_date", "act_adopted_on"]
    list_filter = ["kind", "status"]
    search_fields = ["title"]
    filter_horizontal = ["institutions"]
    autocomplete_fields = ["intent_resolution", "act"]
    ordering = ["-created_at"]
    date_hierarchy = "created_at"
    fieldsets = [
        (None, {"fields": ["kind", "title", "reasons", "institutions", "status"]}),
        (_("Announcement"), {"fields": ["intent_resolution", "announced_on", "earliest_act_date"]}),
        (
            _("Opinions and consents"),
            {
                "fields": [
                    "library_council_opinion_on",
                    "voivodeship_library_opinion_on",
                    "minister_consent_on",
                    "museum_council_opinion_on",
                ]
            },
        ),
        (_("Act"), {"fields": ["act", "act_adopted_on", "effective_on", "liquidator_name"]}),
    ]

    def get_readonly_fields(self, request, obj=None):
        readonly = ["status", "act_adopted_on", "earliest_act_date"]
        if obj is not None and obj.status != ReorganisationPlan.Status.DRAFT:
            readonly += ["kind", "institutions", "announced_on", "intent_resolution"]
        if obj is not None and obj.status not in (
            ReorganisationPlan.Status.DRAFT,
            ReorganisationPlan.Status.ANNOUNCED,
        ):
            readonly += [
                "act",
                "effective_on",
                "library_council_opinion_on",
                "voivodeship_library_opinion_on",
                "minister_consent_on",
                "museum_council_opinion_on",
                "liquidator_name",
                "title",
                "reasons",
            ]
        return readonly

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("institutions", "new_institutions")

    @admin.display(description=_("earliest date of the act"))
    def earliest_act_date(self, obj):
        if obj.pk is None:
            return "—"
        earliest = services.plan_earliest_act_date(obj)
        return earliest.strftime("%d.%m.%Y") if earliest else "—"

    def has_delete_permission(self, request, obj=None):
        # A plan is abandoned (with a reason in its history), never deleted.
        return False
