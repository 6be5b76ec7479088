"""The clerks' side of promotion and development: the investment sites' cards, the investors' inquiries and the plans.

A card is edited as a whole (its utilities, transport links and photos inline) and shown publicly while published; an
inquiry's status changes only through the workflow panel (core.admin_mixins), what the investor stated is read-only.
"""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from core.admin_mixins import CaseAdminMixin
from core.fieldsets import admin_fieldsets, fieldset_fields
from promotion.deadlines import investor_inquiry_answer_due
from promotion.models import (
    ActionYear,
    InvestmentSite,
    InvestorInquiry,
    PlanAction,
    PlanGoal,
    PlanObjective,
    SitePhoto,
    SiteTransport,
    SiteUtility,
    StrategicPlan,
)


class SiteUtilityInline(admin.TabularInline):
    model = SiteUtility
    extra = 0


class SiteTransportInline(admin.TabularInline):
    model = SiteTransport
    extra = 0


class SitePhotoInline(admin.TabularInline):
    model = SitePhoto
    extra = 0
    autocomplete_fields = ["image"]


@admin.register(InvestmentSite)
class InvestmentSiteAdmin(SimpleHistoryAdmin):
    list_display = [
        "name",
        "district",
        "area_ha",
        "zoning_status",
        "permitted_use",
        "in_economic_zone",
        "is_published",
    ]
    list_filter = ["is_published", "zoning_status", "permitted_use", "in_economic_zone", "ownership", "district"]
    search_fields = ["name", "street", "plot_numbers"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [SiteUtilityInline, SiteTransportInline, SitePhotoInline]
    fieldsets = [
        (None, {"fields": ["name", "slug", "is_published", "description"]}),
        (_("Location"), {"fields": ["district", "street", "plot_numbers", "latitude", "longitude", "map_url"]}),
        (
            _("The land"),
            {
                "fields": [
                    "area_ha",
                    "expansion_possible",
                    "expansion_ha",
                    "shape",
                    "terrain",
                    "current_use",
                    "soil_class",
                    "groundwater",
                    "contamination",
                    "flood_risk",
                ]
            },
        ),
        (_("Zoning"), {"fields": ["zoning_status", "permitted_use", "zoning_notes"]}),
        (
            _("Owner, price and zone"),
            {
                "fields": [
                    "ownership",
                    "price_per_m2",
                    "price_total",
                    "price_note",
                    "in_economic_zone",
                    "economic_zone",
                ]
            },
        ),
        (
            _("Access and restrictions"),
            {"fields": ["road_access", "mining_damage", "power_lines", "protected_area", "restrictions"]},
        ),
        (_("Contact"), {"fields": ["contact_name", "contact_role", "contact_email", "contact_phone"]}),
        (
            _("English version"),
            {
                "fields": ["name_en", "description_en", "zoning_notes_en", "restrictions_en"],
                "description": _("Shown on the English pages and PDF; an empty field shows the Polish text."),
            },
        ),
    ]


@admin.register(InvestorInquiry)
class InvestorInquiryAdmin(CaseAdminMixin, SimpleHistoryAdmin):
    list_display = ["case_mark", "company_name", "sector", "received_on", "answer_due", "status", "handler"]
    list_filter = ["status"]
    search_fields = ["case_mark", "company_name", "contact_name", "sector"]
    list_select_related = ["handler"]
    readonly_fields = [
        "case_mark",
        "channel",
        "created_at",
        "closed_at",
        "received_on",
        "answer_due",
        "answered_on",
        *fieldset_fields(InvestorInquiry.APPLICANT_FIELDSETS),
        "site_names",
    ]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "case_mark",
                    "status",
                    "handler",
                    "received_on",
                    "answer_due",
                    "answered_on",
                    "channel",
                    "incoming_reg_no",
                    "created_at",
                    "closed_at",
                ]
            },
        ),
        *admin_fieldsets(InvestorInquiry.APPLICANT_FIELDSETS),
        (_("Investment sites"), {"fields": ["site_names"]}),
    ]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("answer due"))
    def answer_due(self, inquiry):
        return investor_inquiry_answer_due(inquiry.received_on) if inquiry.received_on else "—"

    @admin.display(description=_("investment sites concerned"))
    def site_names(self, inquiry):
        return ", ".join(site.name for site in inquiry.sites.all()) or "—"


class PlanGoalInline(admin.TabularInline):
    model = PlanGoal
    extra = 0


class PlanObjectiveInline(admin.TabularInline):
    model = PlanObjective
    extra = 0


class PlanActionInline(admin.TabularInline):
    model = PlanAction
    extra = 0
    fields = ["number", "title", "responsible_unit", "indicator", "unit", "baseline", "baseline_year"]
    show_change_link = True


class ActionYearInline(admin.TabularInline):
    model = ActionYear
    extra = 0


@admin.register(StrategicPlan)
class StrategicPlanAdmin(SimpleHistoryAdmin):
    """A plan with its act and its goals; objectives and actions are edited under their goal and objective."""

    list_display = ["title", "kind", "first_year", "last_year", "act_number", "is_published"]
    list_filter = ["kind", "is_published"]
    search_fields = ["title", "act_number"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [PlanGoalInline]


@admin.register(PlanGoal)
class PlanGoalAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "plan"]
    list_filter = ["plan"]
    list_select_related = ["plan"]
    search_fields = ["title"]
    inlines = [PlanObjectiveInline]


@admin.register(PlanObjective)
class PlanObjectiveAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "goal"]
    list_filter = ["goal__plan"]
    list_select_related = ["goal", "goal__plan"]
    search_fields = ["title"]
    inlines = [PlanActionInline]


@admin.register(PlanAction)
class PlanActionAdmin(SimpleHistoryAdmin):
    """An action with its target and value for each year: the clerk records the values after each year here."""

    list_display = ["__str__", "responsible_unit", "indicator"]
    list_filter = ["objective__goal__plan"]
    list_select_related = ["objective", "objective__goal"]
    search_fields = ["title", "indicator", "responsible_unit"]
    inlines = [ActionYearInline]
