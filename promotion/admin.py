"""The clerks' side of promotion and development: the investment sites' cards, the investors' inquiries, the plans and
the production records of the city's own events.

A card is edited as a whole (its utilities, transport links and photos inline) and shown publicly while published; an
inquiry's status changes only through the workflow panel (core.admin_mixins), what the investor stated is read-only.
"""

from django.contrib import admin
from django.contrib.admin.templatetags.admin_urls import admin_urlname
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, HttpResponseRedirect
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from core.admin_mixins import CaseAdminMixin, ServiceCreateAdminMixin
from core.fieldsets import admin_fieldsets, fieldset_fields
from core.money import format_pln
from core.roles import person_name
from promotion.deadlines import investor_inquiry_answer_due
from promotion.documents import production_agreement_pdf, production_report_pdf
from promotion.models import (
    ActionYear,
    BudgetLine,
    ChecklistItem,
    EventProduction,
    InvestmentSite,
    InvestorInquiry,
    PlanAction,
    PlanGoal,
    PlanObjective,
    ProductionKind,
    ProductionPartner,
    ProductionTask,
    SitePhoto,
    SiteTransport,
    SiteUtility,
    StrategicPlan,
)
from promotion.selectors import production_budget, with_production_figures
from promotion.services import production_create


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


class ChecklistItemInline(admin.TabularInline):
    model = ChecklistItem
    extra = 0


@admin.register(ProductionKind)
class ProductionKindAdmin(SimpleHistoryAdmin):
    """A kind of own event and its checklist: the tasks every new event of the kind starts with."""

    list_display = ["name"]
    search_fields = ["name"]
    inlines = [ChecklistItemInline]


class BudgetLineInline(admin.TabularInline):
    model = BudgetLine
    extra = 0
    fields = ["title", "planned", "spent", "position"]


def clerk_by_name(formfield):
    """A choice of a clerk shows their name, not their login."""
    if formfield is not None:
        formfield.label_from_instance = person_name
    return formfield


class ProductionTaskInline(admin.TabularInline):
    model = ProductionTask
    extra = 0
    fields = ["title", "owner", "due_on", "done_on"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        formfield = super().formfield_for_foreignkey(db_field, request, **kwargs)
        return clerk_by_name(formfield) if db_field.name == "owner" else formfield


class ProductionPartnerInline(admin.StackedInline):
    model = ProductionPartner
    extra = 0
    fields = [
        ("name", "representative"),
        "address",
        "city_obligations",
        "partner_obligations",
        ("city_contribution", "partner_contribution"),
        ("agreement_number", "agreement_signed_on"),
    ]


def _pdf_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


@admin.register(EventProduction)
class EventProductionAdmin(ServiceCreateAdminMixin, SimpleHistoryAdmin):
    """An own event's production record: adding it turns its kind's checklist into tasks (`production_create`); the
    budget, tasks and partners are edited on its page, which sums the budget, links the calendar entry, the press
    release and the mass-event permit, and prints the agreements and the report."""

    list_display = [
        "title",
        "starts_on",
        "coordinator_column",
        "planned_column",
        "spent_column",
        "open_tasks_column",
    ]
    list_filter = ["kind", "role", ("starts_on", admin.DateFieldListFilter)]
    list_select_related = ["kind", "coordinator"]
    search_fields = ["title", "place", "partners__name"]
    date_hierarchy = "starts_on"
    autocomplete_fields = ["calendar_event", "press_release"]
    readonly_fields = ["budget_summary", "linked_records", "documents"]

    def get_fieldsets(self, request, obj=None):
        main = (None, {"fields": ["title", "kind", "role", ("starts_on", "ends_on"), "place", "coordinator", "notes"]})
        links = (
            _("Calendar, press and permit"),
            {"fields": ["calendar_event", "press_release", "mass_event_permit", *(["linked_records"] if obj else [])]},
        )
        if obj is None:
            return [main, links]
        return [
            main,
            (_("Budget of the event"), {"fields": ["budget_summary"]}),
            links,
            (_("After the event"), {"fields": ["attendance", "report_summary", "reported_on", "documents"]}),
        ]

    def get_inlines(self, request, obj):
        # A new record gets its tasks from the checklist of its kind; the rest is added on its page.
        return [BudgetLineInline, ProductionTaskInline, ProductionPartnerInline] if obj else []

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "mass_event_permit":
            kwargs["queryset"] = db_field.related_model.objects.order_by("-created_at")
        formfield = super().formfield_for_foreignkey(db_field, request, **kwargs)
        return clerk_by_name(formfield) if db_field.name == "coordinator" else formfield

    def get_queryset(self, request):
        return with_production_figures(super().get_queryset(request))

    def create_through_service(self, request, form, formsets):
        return production_create(production=form.instance, acting_user=request.user)

    def response_add(self, request, obj, post_url_continue=None):
        # The clerk goes on with the budget, the tasks from the checklist and the partners on the record's page.
        if "_addanother" in request.POST or "_popup" in request.POST:
            return super().response_add(request, obj, post_url_continue)
        super().response_add(request, obj, post_url_continue)
        return HttpResponseRedirect(reverse("admin:promotion_eventproduction_change", args=[obj.pk]))

    @admin.display(description=_("coordinator"), ordering="coordinator__last_name")
    def coordinator_column(self, production):
        return person_name(production.coordinator) if production.coordinator else "—"

    @admin.display(description=_("planned"), ordering="planned_total")
    def planned_column(self, production):
        return format_pln(production.planned_total)

    @admin.display(description=_("spent"), ordering="spent_total")
    def spent_column(self, production):
        return format_pln(production.spent_total)

    @admin.display(description=_("open tasks"), ordering="open_task_count")
    def open_tasks_column(self, production):
        return production.open_task_count

    @admin.display(description=_("budget in sum"))
    def budget_summary(self, production):
        totals = production_budget(production)
        rows = [
            (_("planned"), format_pln(totals.planned)),
            (_("spent"), format_pln(totals.spent)),
            (_("over budget") if totals.overspent else _("remaining"), format_pln(abs(totals.remaining))),
        ]
        return format_html(
            '<table class="production-budget"><tbody>{}</tbody></table>',
            format_html_join("", '<tr><th scope="row">{}</th><td>{}</td></tr>', rows),
        )

    @admin.display(description=_("linked records"))
    def linked_records(self, production):
        linked = [
            (_("Calendar entry"), production.calendar_event),
            (_("Press release"), production.press_release),
            (_("Mass-event permit"), production.mass_event_permit),
        ]
        links = [
            (
                label,
                reverse(admin_urlname(record._meta, "change"), args=[record.pk]),
                f"{record} ({record.get_status_display()})",
            )
            for label, record in linked
            if record is not None
        ]
        if not links:
            return "—"
        return format_html(
            '<ul class="production-links">{}</ul>',
            format_html_join("", '<li>{}: <a href="{}">{}</a></li>', links),
        )

    @admin.display(description=_("documents"))
    def documents(self, production):
        links = [
            (reverse("admin:promotion_eventproduction_report", args=[production.pk]), _("Report on the event (PDF)"))
        ]
        links += [
            (
                reverse("admin:promotion_eventproduction_agreement", args=[production.pk, partner.pk]),
                _("Co-organisation agreement: %(partner)s (PDF)") % {"partner": partner.name},
            )
            for partner in production.partners.all()
        ]
        return format_html_join(mark_safe("<br>"), '<a href="{}">{}</a>', links)

    def get_urls(self):
        return [
            path(
                "<int:pk>/sprawozdanie.pdf",
                self.admin_site.admin_view(self.report_view),
                name="promotion_eventproduction_report",
            ),
            path(
                "<int:pk>/porozumienie/<int:partner_pk>.pdf",
                self.admin_site.admin_view(self.agreement_view),
                name="promotion_eventproduction_agreement",
            ),
            *super().get_urls(),
        ]

    def _production(self, request, pk):
        production = self.get_object(request, str(pk))
        if production is None or not self.has_view_permission(request, production):
            raise PermissionDenied
        return production

    def report_view(self, request, pk: int):
        """The report after the event as a PDF (private, not cached)."""
        production = self._production(request, pk)
        return _pdf_response(production_report_pdf(production=production), f"sprawozdanie-{production.pk}.pdf")

    def agreement_view(self, request, pk: int, partner_pk: int):
        """A partner's co-organisation agreement as a PDF (private, not cached)."""
        production = self._production(request, pk)
        partner = production.partners.filter(pk=partner_pk).first()
        if partner is None:
            raise PermissionDenied
        return _pdf_response(
            production_agreement_pdf(partner=partner), f"porozumienie-{production.pk}-{partner.pk}.pdf"
        )
