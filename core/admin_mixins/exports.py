"""CSV and XLSX exports of an admin changelist as the clerk searched, filtered and sorted it."""

from django.contrib import messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.core.exceptions import FieldDoesNotExist, PermissionDenied
from django.db import models
from django.http import HttpResponseRedirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext

from core.exports import Money, clerk_csv_cell, clerk_xlsx_cell, csv_response, xlsx_response
from core.money import MONEY_FIELD


class ChangeListExportMixin:
    """ "Eksport do CSV" and "Eksport do XLSX" of a changelist as the clerk searched, filtered and sorted it.

    The admin declares its columns as `export_columns = [(header, accessor), ...]`: a Polish header (a lazy
    gettext; a bare accessor takes its field's verbose name or its admin method's description) and what fills the
    column: a field path (``"venue__name"``: a choice shows its label, a money field
    its amount, a relation its name), a method of the admin or a callable taking the record. The rows are the
    changelist's own queryset (every page, the admin's `get_queryset`, search, filters and ordering), the related
    rows the paths name are joined in the same query and the records read in chunks, so an export takes a bounded
    number of queries whatever its length. Only a clerk who may view the model gets it (403 otherwise); a column
    shows nothing the clerk does not see in the admin. Cells are written the Polish way by `core.exports`
    (`clerk_csv_cell`, `clerk_xlsx_cell`).
    """

    change_list_template = "admin/core/change_list_export.html"
    export_columns: list = []
    #: The file's name without its date and extension (ASCII): "wydarzenia" → "wydarzenia-20261207.csv".
    export_filename = "eksport"
    export_chunk_size = 2000

    def get_export_columns(self, request):
        return self.export_columns

    def get_urls(self):
        name = f"{self.opts.app_label}_{self.opts.model_name}"
        return [
            path("eksport.csv", self.admin_site.admin_view(self.export_csv_view), name=f"{name}_export_csv"),
            path("eksport.xlsx", self.admin_site.admin_view(self.export_xlsx_view), name=f"{name}_export_xlsx"),
            *super().get_urls(),
        ]

    def changelist_queryset(self, request):
        """The records of the changelist as the clerk searched, filtered and sorted it (every page), or None.

        None when the filters in the address are not valid; PermissionDenied for a clerk who may not view the model.
        """
        if not self.has_view_permission(request):
            raise PermissionDenied
        try:
            return self.get_changelist_instance(request).queryset
        except IncorrectLookupParameters:
            return None

    def changelist_back(self, request, message):
        """Back to the changelist with the same search and filters, with `message` as an error."""
        messages.error(request, message)
        query = request.GET.urlencode()
        url = reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_changelist")
        return HttpResponseRedirect(url + (f"?{query}" if query else ""))

    def export_table(self, request, queryset):
        """The header and the rows (a generator reading `queryset` in chunks) of the export."""
        headers, getters, related = [], [], set()
        for column in self.get_export_columns(request):
            header, accessor = (None, column) if isinstance(column, str) else column
            getter, joins = self._export_getter(accessor)
            headers.append(str(header if header is not None else self._export_header(accessor)))
            getters.append(getter)
            related.update(joins)
        if related:
            queryset = queryset.select_related(*sorted(related))

        def rows():
            for obj in queryset.iterator(chunk_size=self.export_chunk_size):
                yield [getter(obj) for getter in getters]

        return headers, rows()

    def _export_header(self, name):
        """A column's header from its field's verbose name or its admin method's description."""
        method = getattr(self, name, None)
        if method is not None:
            return capfirst(getattr(method, "short_description", name))
        model, field = self.model, None
        for part in name.split("__"):
            field = model._meta.get_field(part)
            model = field.related_model if field.is_relation else model
        return capfirst(field.verbose_name)

    def _export_getter(self, accessor):
        """How one column reads a record, and the relations its field path joins."""
        if callable(accessor):
            return accessor, ()
        if hasattr(self, accessor):
            return getattr(self, accessor), ()
        parts = accessor.split("__")
        model, field, joins = self.model, None, []
        try:
            for index, part in enumerate(parts):
                field = model._meta.get_field(part)
                if field.is_relation:
                    joins.append("__".join(parts[: index + 1]))
                    model = field.related_model
                elif index < len(parts) - 1:
                    raise FieldDoesNotExist(accessor)
        except FieldDoesNotExist:
            return self._export_attribute_getter(accessor), ()
        labels = dict(field.flatchoices) if field.choices else None
        is_money = isinstance(field, models.DecimalField) and (field.max_digits, field.decimal_places) == (
            MONEY_FIELD["max_digits"],
            MONEY_FIELD["decimal_places"],
        )

        def getter(obj):
            value = obj
            for part in parts:
                value = getattr(value, part, None)
                if value is None:
                    return None
            if labels is not None:
                return str(labels.get(value, value))
            if is_money:
                return Money(value)
            if isinstance(value, models.Model):
                return str(value)
            return value

        return getter, joins

    @staticmethod
    def _export_attribute_getter(name):
        def getter(obj):
            value = getattr(obj, name)
            return value() if callable(value) else value

        return getter

    def _export_response(self, request, kind):
        queryset = self.changelist_queryset(request)
        if queryset is None:
            return self.changelist_back(request, gettext("The filters of the list are not valid; choose them again."))
        header, rows = self.export_table(request, queryset)
        name = f"{self.export_filename}-{timezone.localdate():%Y%m%d}.{kind}"
        if kind == "csv":
            response = csv_response(name, header, rows, cell=clerk_csv_cell)
        else:
            title = str(capfirst(self.opts.verbose_name_plural))
            response = xlsx_response(name, title, header, rows, cell=clerk_xlsx_cell)
        response["Cache-Control"] = "private, no-store"
        return response

    def export_csv_view(self, request):
        """The changelist as the clerk sees it, every page, as a CSV file (core.exports)."""
        return self._export_response(request, "csv")

    def export_xlsx_view(self, request):
        """The changelist as the clerk sees it, every page, as an XLSX workbook (core.exports)."""
        return self._export_response(request, "xlsx")
