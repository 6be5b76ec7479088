"""The librarian's side of the admin: the inventory book (with CSV import and the PDF books), write-off
protocols, loan rules, loans (lend through the add form, return and renew as actions, the overdue list as a filter),
reservations, subscriptions with their routing lists, and periodical issues passed from department to department.

Only the "Biblioteka urzędu" group manages them (library/registrations.py); every write goes through
library.services, whose refusals come back on the form or as a message.
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Exists, OuterRef, Subquery
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from core.admin_mixins import (
    HistoryViewOnlyMixin,
    ReadOnlyInlineMixin,
    ReadOnlyModelAdmin,
    ServiceCreateAdminMixin,
    action_for_each,
)
from core.exports import csv_response
from core.roles import person_name
from library import services
from library.catalogue_csv import catalogue_import
from library.documents import inventory_book_pdf, write_off_register_pdf
from library.forms import CatalogueImportForm, EmployeeChoiceField, WriteOffProtocolForm, employees
from library.models import (
    Department,
    IssueRoutingStop,
    LibraryItem,
    Loan,
    LoanReminder,
    LoanRule,
    PeriodicalIssue,
    Reservation,
    RoutingStop,
    Subscription,
    WriteOffProtocol,
)


def _pdf_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


class WrittenOffFilter(admin.SimpleListFilter):
    title = _("in stock")
    parameter_name = "stan"

    def lookups(self, request, model_admin):
        return [("w", _("in stock")), ("u", _("written off"))]

    def queryset(self, request, queryset):
        if self.value() == "w":
            return queryset.filter(write_off__isnull=True)
        if self.value() == "u":
            return queryset.filter(write_off__isnull=False)
        return queryset


@admin.register(LibraryItem)
class LibraryItemAdmin(ServiceCreateAdminMixin, HistoryViewOnlyMixin, SimpleHistoryAdmin):
    change_list_template = "admin/library/libraryitem/change_list.html"
    list_display = ["inventory_number", "title", "authors", "kind", "shelfmark", "acquired_on", "on_loan", "write_off"]
    list_display_links = ["inventory_number", "title"]
    list_filter = [WrittenOffFilter, "kind", "source", "loanable"]
    list_select_related = ["write_off"]
    search_fields = ["=inventory_number", "title", "authors", "subjects", "isbn", "issn", "shelfmark"]
    ordering = ["-inventory_number"]
    date_hierarchy = "acquired_on"
    readonly_fields = ["inventory_number", "write_off", "created_at", "updated_at"]
    actions = ["export_csv"]
    fieldsets = [
        (None, {"fields": ["inventory_number", "kind", "title", "authors", "publisher", "year", "isbn", "issn"]}),
        (_("Shelf and loans"), {"fields": ["subjects", "shelfmark", "url", "loanable"]}),
        (_("Acquisition"), {"fields": ["acquired_on", "source", "price", "acquisition_document"]}),
        (_("Advanced"), {"classes": ["collapse"], "fields": ["write_off", "created_at", "updated_at"]}),
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(lent=Exists(Loan.objects.filter(item=OuterRef("pk"), returned_at__isnull=True)))
        )

    @admin.display(description=_("lent"), boolean=True, ordering="lent")
    def on_loan(self, obj):
        return obj.lent

    def create_through_service(self, request, form, formsets):
        data = {name: value for name, value in form.cleaned_data.items() if name != "inventory_number"}
        return services.item_add(acting_user=request.user, **data)

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("import/", view(self.import_view), name="library_libraryitem_import"),
            path("ksiega-inwentarzowa.pdf", view(self.inventory_book_view), name="library_libraryitem_book"),
            *super().get_urls(),
        ]

    @admin.action(description=_("Export the selected items to CSV"), permissions=["view"])
    def export_csv(self, request, queryset):
        header = ["nr_inw", "tytul", "autorzy", "wydawca", "rok", "isbn", "issn", "rodzaj", "hasla", "sygnatura"]
        header += ["data_nabycia", "zrodlo", "cena", "dokument", "ubytek"]
        rows = (
            [
                item.inventory_number,
                item.title,
                item.authors,
                item.publisher,
                item.year or "",
                item.isbn,
                item.issn,
                item.kind,
                item.subjects,
                item.shelfmark,
                item.acquired_on.isoformat(),
                item.source,
                item.price if item.price is not None else "",
                item.acquisition_document,
                item.write_off.number if item.write_off_id else "",
            ]
            for item in queryset.select_related("write_off").order_by("inventory_number")
        )
        return csv_response(f"katalog-{timezone.localdate():%Y%m%d}.csv", header, rows)

    def inventory_book_view(self, request):
        """The whole inventory book as a PDF, written-off items with their protocol."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        return _pdf_response(inventory_book_pdf(LibraryItem.objects.all()), "ksiega-inwentarzowa.pdf")

    def import_view(self, request):
        """Import a catalogue from CSV: good lines are entered, bad ones listed with their numbers."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        report = None
        form = CatalogueImportForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            try:
                report = catalogue_import(content=form.cleaned_data["file"].read(), acting_user=request.user)
            except ValidationError as error:
                form.add_error("file", error)
            else:
                self.message_user(
                    request,
                    gettext("Imported: %(created)d items entered, %(errors)d lines refused.")
                    % {"created": report.created, "errors": len(report.errors)},
                    messages.SUCCESS if not report.errors else messages.WARNING,
                )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": gettext("Import a catalogue from CSV"),
            "form": form,
            "report": report,
        }
        return TemplateResponse(request, "admin/library/libraryitem/import.html", context)


@admin.register(WriteOffProtocol)
class WriteOffProtocolAdmin(ServiceCreateAdminMixin, HistoryViewOnlyMixin, SimpleHistoryAdmin):
    change_list_template = "admin/library/writeoffprotocol/change_list.html"
    list_display = ["number", "drawn_up_on", "reason"]
    list_filter = ["reason"]
    search_fields = ["number", "note"]
    ordering = ["-drawn_up_on", "-pk"]
    date_hierarchy = "drawn_up_on"
    readonly_fields = ["items_written_off", "created_at"]

    def get_form(self, request, obj=None, change=False, **kwargs):
        if obj is None:
            kwargs["form"] = WriteOffProtocolForm
        return super().get_form(request, obj, change, **kwargs)

    def get_fieldsets(self, request, obj=None):
        if obj is None:
            return [(None, {"fields": ["number", "drawn_up_on", "reason", "inventory_numbers", "committee", "note"]})]
        return [(None, {"fields": ["number", "drawn_up_on", "reason", "committee", "note", "items_written_off"]})]

    def get_readonly_fields(self, request, obj=None):
        # The items and the protocol's identity are fixed once recorded; only the notes may be corrected.
        return ["number", "drawn_up_on", "reason", "items_written_off"] if obj else []

    @admin.display(description=_("items written off"))
    def items_written_off(self, obj):
        return ", ".join(
            f"{item.inventory_number} {item.title[:60]}" for item in obj.items.order_by("inventory_number")
        )

    def create_through_service(self, request, form, formsets):
        data = dict(form.cleaned_data)
        items = data.pop("inventory_numbers")
        return services.write_off_record(protocol=WriteOffProtocol(**data), items=items, acting_user=request.user)

    def get_urls(self):
        return [
            path(
                "rejestr-ubytkow.pdf",
                self.admin_site.admin_view(self.register_view),
                name="library_writeoffprotocol_register",
            ),
            *super().get_urls(),
        ]

    def register_view(self, request):
        """The register of write-offs as a PDF."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        return _pdf_response(write_off_register_pdf(WriteOffProtocol.objects.all()), "rejestr-ubytkow.pdf")


@admin.register(LoanRule)
class LoanRuleAdmin(HistoryViewOnlyMixin, SimpleHistoryAdmin):
    list_display = ["kind", "loan_days", "max_renewals", "renewal_days", "max_loans", "reminder_days_before"]
    ordering = ["kind"]
    search_fields = ["kind"]


class OverdueFilter(admin.SimpleListFilter):
    title = _("return")
    parameter_name = "zwrot"

    def lookups(self, request, model_admin):
        return [("otwarte", _("on loan")), ("po-terminie", _("overdue")), ("zwrocone", _("returned"))]

    def queryset(self, request, queryset):
        today = timezone.localdate()
        if self.value() == "otwarte":
            return queryset.filter(returned_at__isnull=True)
        if self.value() == "po-terminie":
            return queryset.filter(returned_at__isnull=True, due_on__lt=today)
        if self.value() == "zwrocone":
            return queryset.filter(returned_at__isnull=False)
        return queryset


class LoanReminderInline(ReadOnlyInlineMixin, admin.TabularInline):
    model = LoanReminder
    fields = ["kind", "number", "sent_on"]
    readonly_fields = fields


@admin.register(Loan)
class LoanAdmin(ServiceCreateAdminMixin, HistoryViewOnlyMixin, SimpleHistoryAdmin):
    list_display = ["item", "borrower_name", "lent_on", "due_on", "overdue", "renewals", "returned_at"]
    list_filter = [OverdueFilter, "item__kind"]
    list_select_related = ["item", "borrower"]
    search_fields = ["=item__inventory_number", "item__title", "borrower__last_name", "borrower__email"]
    ordering = ["due_on", "pk"]
    date_hierarchy = "lent_on"
    autocomplete_fields = ["item"]
    actions = ["return_items", "renew_loans", "export_csv"]
    inlines = [LoanReminderInline]

    def get_fields(self, request, obj=None):
        if obj is None:
            return ["item", "borrower"]
        return ["item", "borrower", "lent_on", "due_on", "renewals", "returned_at", "lent_by"]

    def get_readonly_fields(self, request, obj=None):
        return ["item", "borrower", "lent_on", "due_on", "renewals", "returned_at", "lent_by"] if obj else []

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "borrower":
            return EmployeeChoiceField(queryset=employees(), label=db_field.verbose_name)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_inlines(self, request, obj):
        return self.inlines if obj else []

    @admin.display(description=_("employee"), ordering="borrower__last_name")
    def borrower_name(self, obj):
        return person_name(obj.borrower)

    @admin.display(description=_("overdue"), boolean=True)
    def overdue(self, obj):
        return obj.returned_at is None and obj.due_on < timezone.localdate()

    def create_through_service(self, request, form, formsets):
        data = form.cleaned_data
        return services.loan_lend(item=data["item"], borrower=data["borrower"], acting_user=request.user)

    @admin.action(description=_("Record the return of the selected items"), permissions=["change"])
    def return_items(self, request, queryset):
        action_for_each(
            self,
            request,
            queryset.select_related("item", "borrower"),
            lambda loan: services.loan_return(loan=loan, acting_user=request.user),
            lambda n: ngettext("%(count)d item returned.", "%(count)d items returned.", n) % {"count": n},
        )

    @admin.action(description=_("Renew the selected loans"), permissions=["change"])
    def renew_loans(self, request, queryset):
        action_for_each(
            self,
            request,
            queryset.select_related("item", "borrower"),
            lambda loan: services.loan_renew(loan=loan, acting_user=request.user),
            lambda n: ngettext("%(count)d loan renewed.", "%(count)d loans renewed.", n) % {"count": n},
        )

    @admin.action(description=_("Export the selected loans to CSV"), permissions=["view"])
    def export_csv(self, request, queryset):
        header = ["nr_inw", "tytul", "pracownik", "email", "wypozyczono", "termin_zwrotu", "przedluzenia", "zwrocono"]
        rows = (
            [
                loan.item.inventory_number,
                loan.item.title,
                person_name(loan.borrower),
                loan.borrower.email,
                loan.lent_on.isoformat(),
                loan.due_on.isoformat(),
                loan.renewals,
                timezone.localtime(loan.returned_at).strftime("%Y-%m-%d %H:%M") if loan.returned_at else "",
            ]
            for loan in queryset.select_related("item", "borrower").order_by("due_on", "pk")
        )
        return csv_response(f"wypozyczenia-{timezone.localdate():%Y%m%d}.csv", header, rows)


@admin.register(Reservation)
class ReservationAdmin(ServiceCreateAdminMixin, HistoryViewOnlyMixin, SimpleHistoryAdmin):
    list_display = ["item", "employee_name", "status", "created_at", "ready_until"]
    list_filter = ["status"]
    list_select_related = ["item", "employee"]
    search_fields = ["=item__inventory_number", "item__title", "employee__last_name", "employee__email"]
    ordering = ["created_at", "pk"]
    date_hierarchy = "created_at"
    autocomplete_fields = ["item"]
    actions = ["lend_reserved", "cancel_reservations"]

    def get_fields(self, request, obj=None):
        if obj is None:
            return ["item", "employee"]
        return ["item", "employee", "status", "ready_until", "created_at", "closed_at"]

    def get_readonly_fields(self, request, obj=None):
        return ["item", "employee", "status", "ready_until", "created_at", "closed_at"] if obj else []

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "employee":
            return EmployeeChoiceField(queryset=employees(), label=db_field.verbose_name)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    @admin.display(description=_("employee"), ordering="employee__last_name")
    def employee_name(self, obj):
        return person_name(obj.employee)

    def create_through_service(self, request, form, formsets):
        data = form.cleaned_data
        return services.reservation_place(item=data["item"], employee=data["employee"])

    @admin.action(description=_("Lend the items to the employees who reserved them"), permissions=["change"])
    def lend_reserved(self, request, queryset):
        action_for_each(
            self,
            request,
            queryset.select_related("item", "employee"),
            lambda reservation: services.loan_lend(
                item=reservation.item, borrower=reservation.employee, acting_user=request.user
            ),
            lambda n: ngettext("%(count)d item lent.", "%(count)d items lent.", n) % {"count": n},
        )

    @admin.action(description=_("Cancel the selected reservations"), permissions=["change"])
    def cancel_reservations(self, request, queryset):
        action_for_each(
            self,
            request,
            queryset.select_related("item", "employee"),
            lambda reservation: services.reservation_cancel(reservation=reservation, acting_user=request.user),
            lambda n: (
                ngettext("%(count)d reservation cancelled.", "%(count)d reservations cancelled.", n) % {"count": n}
            ),
        )


@admin.register(LoanReminder)
class LoanReminderAdmin(ReadOnlyModelAdmin):
    list_display = ["loan", "kind", "number", "sent_on"]
    list_filter = ["kind"]
    list_select_related = ["loan__item", "loan__borrower"]
    search_fields = ["=loan__item__inventory_number", "loan__item__title", "loan__borrower__last_name"]
    ordering = ["-sent_on", "-pk"]
    date_hierarchy = "sent_on"


@admin.register(Department)
class DepartmentAdmin(admin.ModelAdmin):
    list_display = ["name", "symbol", "room"]
    search_fields = ["name", "symbol"]
    ordering = ["name"]


class RoutingStopInline(admin.TabularInline):
    model = RoutingStop
    extra = 1
    fields = ["position", "department"]
    autocomplete_fields = ["department"]


@admin.register(Subscription)
class SubscriptionAdmin(HistoryViewOnlyMixin, SimpleHistoryAdmin):
    list_display = ["title", "kind", "supplier", "starts_on", "ends_on", "cost", "renewed"]
    list_filter = ["kind", "renewed"]
    search_fields = ["title", "supplier", "issn"]
    ordering = ["title", "-starts_on"]
    date_hierarchy = "ends_on"
    inlines = [RoutingStopInline]
    actions = ["mark_renewed"]
    fieldsets = [
        (None, {"fields": ["title", "kind", "issn", "supplier", "url", "licence_users"]}),
        (_("Period and cost"), {"fields": ["starts_on", "ends_on", "cost", "order_document"]}),
        (_("Renewal"), {"fields": ["renewal_notice_days", "renewed"]}),
    ]

    @admin.action(description=_("Mark the selected subscriptions as renewed"), permissions=["change"])
    def mark_renewed(self, request, queryset):
        action_for_each(
            self,
            request,
            queryset,
            lambda subscription: services.subscription_mark_renewed(
                subscription=subscription, acting_user=request.user
            ),
            lambda n: (
                ngettext("%(count)d subscription marked as renewed.", "%(count)d subscriptions marked as renewed.", n)
                % {"count": n}
            ),
        )


class IssueRoutingStopInline(ReadOnlyInlineMixin, admin.TabularInline):
    model = IssueRoutingStop
    fields = ["position", "department", "received_on", "passed_on"]
    readonly_fields = fields


@admin.register(PeriodicalIssue)
class PeriodicalIssueAdmin(ServiceCreateAdminMixin, admin.ModelAdmin):
    list_display = ["subscription", "designation", "received_on", "current_holder"]
    list_filter = ["subscription__kind"]
    list_select_related = ["subscription"]
    search_fields = ["subscription__title", "designation"]
    ordering = ["-received_on", "-pk"]
    date_hierarchy = "received_on"
    autocomplete_fields = ["subscription", "item"]
    actions = ["pass_on"]
    inlines = [IssueRoutingStopInline]

    def get_fields(self, request, obj=None):
        return ["subscription", "designation", "received_on", "item"]

    def get_inlines(self, request, obj):
        return self.inlines if obj else []

    def get_readonly_fields(self, request, obj=None):
        return ["subscription", "designation", "received_on"] if obj else []

    def get_queryset(self, request):
        current = IssueRoutingStop.objects.filter(issue=OuterRef("pk"), passed_on__isnull=True).order_by("position")
        return (
            super()
            .get_queryset(request)
            .annotate(
                holder_name=Subquery(current.values("department__name")[:1]),
                holder_symbol=Subquery(current.values("department__symbol")[:1]),
            )
        )

    @admin.display(description=_("now with"))
    def current_holder(self, obj):
        if obj.holder_name is None:
            return gettext("back in the library")
        return f"{obj.holder_symbol} — {obj.holder_name}" if obj.holder_symbol else obj.holder_name

    def create_through_service(self, request, form, formsets):
        data = form.cleaned_data
        return services.issue_log(
            subscription=data["subscription"],
            designation=data["designation"],
            received_on=data["received_on"],
            item=data.get("item"),
            acting_user=request.user,
        )

    @admin.action(description=_("Pass the selected issues on to the next department"), permissions=["change"])
    def pass_on(self, request, queryset):
        action_for_each(
            self,
            request,
            queryset,
            lambda issue: services.issue_pass_on(issue=issue, acting_user=request.user),
            lambda n: ngettext("%(count)d issue passed on.", "%(count)d issues passed on.", n) % {"count": n},
        )
