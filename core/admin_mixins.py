"""Admin building blocks every case app uses: the workflow panel, status history and case messages.

The status field is always read-only; the only way to change it is a button (or a bulk action)
for a transition the workflow table allows from the current status, which calls
`core.services.transition_perform`. Every workflow admin is safe by default: an edit saves only the
editable fields (`save_editable_fields`) and older versions are never restored (`HistoryViewOnlyMixin`).
A record the admin adds through a service uses `ServiceCreateAdminMixin`.
"""

from django.contrib import admin, messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.contenttypes.admin import GenericStackedInline, GenericTabularInline
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist, PermissionDenied, ValidationError
from django.db import models
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.template.loader import render_to_string
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.text import capfirst
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from simple_history.template_utils import HistoricalRecordContextHelper

from core.admin_grammar import admin_title
from core.exports import Money, clerk_csv_cell, clerk_xlsx_cell, csv_response, xlsx_response
from core.models import ApplicantChange, Case, CaseMessage, PrivateDocument, StatusChange
from core.money import MONEY_FIELD
from core.roles import person_name
from core.services import (
    CaseWorkError,
    case_handler_candidates,
    case_message_add,
    case_register_refresh,
    may_assign,
    may_handle,
    transition_perform,
)


def save_editable_fields(request, obj):
    """Save an edited record without the fields only services write (editable=False: status, stamps, case data).

    The default save of an edit in every workflow admin (`WorkflowAdminMixin.save_model`); an admin that saves an
    edit itself (after a service took some of the fields) calls it for the rest.
    """
    # A case's handler changes only by taking or assigning it (core.services.case_take, case_assign).
    names = [
        field.name
        for field in obj._meta.concrete_fields
        if not field.primary_key
        and (field.editable or field.name == "updated_at")
        and not (isinstance(obj, Case) and field.name == "handler")
    ]
    obj._history_user = request.user
    obj.save(update_fields=names)
    if isinstance(obj, Case):
        case_register_refresh(obj)


def case_documents_html(case) -> str:
    """Links to a case's documents (applicants' attachments and letters) for its admin page, or "—".

    Each goes to `core:document_download`, which serves it only to staff permitted on the case's model.
    """
    if case is None or case.pk is None:
        return "—"
    documents = PrivateDocument.objects.filter(
        content_type=ContentType.objects.get_for_model(type(case)), object_id=case.pk
    ).order_by("created_at", "pk")
    links = [(document_link_html(doc), doc.get_kind_display()) for doc in documents]
    if not links:
        return "—"
    return format_html("<ul>{}</ul>", format_html_join("", "<li>{} ({})</li>", links))


def document_link_html(document) -> str:
    """A link to one case document (`core:document_download`: staff permitted on the case's model only)."""
    return format_html('<a href="{}">{}</a>', reverse("core:document_download", args=[document.pk]), str(document))


class CaseDocumentsAdminMixin:
    """A read-only "documents" field on a change page: the case's documents, each a link the clerk can open.

    Add "documents" to the admin's fields and readonly_fields. A record that is not itself the case (a grant
    agreement belongs to its offer's case) names its case in `documents_case`.
    """

    def documents_case(self, obj):
        return obj

    @admin.display(description=_("documents"))
    def documents(self, obj):
        return case_documents_html(self.documents_case(obj) if obj is not None else None)


class HistoryViewOnlyMixin:
    """For a SimpleHistoryAdmin: older versions can be looked at, never restored.

    django-simple-history's version page accepts a POST that reverts the record even when its Revert button is
    hidden (`revert_disabled`); records whose state changes only through services and the workflow (register
    entries, statuses, retention) must not be rolled back that way. Put it before SimpleHistoryAdmin.
    """

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method not in ("GET", "HEAD"):
            raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)

    def revert_disabled(self, request, obj=None):
        return True


class ChoiceLabelsHistoryHelper(HistoricalRecordContextHelper):
    """The changes of a version as a clerk reads them: a field with choices shows its label, not the stored code."""

    def prepare_delta_change_value(self, change, value):
        field = self.model._meta.get_field(change.field)
        if getattr(field, "flatchoices", None) and isinstance(value, str | int):
            return dict(field.flatchoices).get(value, value)
        return super().prepare_delta_change_value(change, value)


class PolishAdminTitlesMixin:
    """Titles in correct Polish: "Wybierz ofertę do zmiany", "Dodaj ofertę" (core.admin_grammar); and in a
    record's history, a changed choice by its Polish label (`ChoiceLabelsHistoryHelper`).

    The portal's admin site (culture_dept.admin.PortalAdminSite) puts it in front of every model admin.
    """

    def get_historical_record_context_helper(self, request, historical_record):
        return ChoiceLabelsHistoryHelper(self.model, historical_record)

    def get_changelist_instance(self, request):
        changelist = super().get_changelist_instance(request)
        if changelist.is_popup:
            msgid = "Select %s"
        elif self.has_change_permission(request):
            msgid = "Select %s to change"
        else:
            msgid = "Select %s to view"
        changelist.title = admin_title(msgid, self.opts)
        return changelist

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if add:
            msgid = "Add %s"
        elif self.has_change_permission(request, obj):
            msgid = "Change %s"
        else:
            msgid = "View %s"
        context["title"] = admin_title(msgid, self.opts)
        return super().render_change_form(request, context, add, change, form_url, obj)


class ReadOnlyInlineMixin:
    """An inline that only shows rows a service wrote: no adding, changing or deleting.

    Whoever may see the parent record sees its rows (the case's history, messages, an offer's actions).
    Put it before the inline class: `class OfferActionInline(ReadOnlyInlineMixin, admin.TabularInline)`.
    """

    extra = 0
    max_num = 0
    can_delete = False
    show_change_link = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_view_permission(self, request, obj=None):
        # The history and messages belong to the case: whoever may see the case sees them.
        opts = self.parent_model._meta
        return request.user.has_perm(f"{opts.app_label}.view_{opts.model_name}") or request.user.has_perm(
            f"{opts.app_label}.change_{opts.model_name}"
        )


class StatusHistoryInline(ReadOnlyInlineMixin, GenericTabularInline):
    model = StatusChange
    fields = ["created_at", "action_label", "from_status_label", "to_status_label", "actor", "note"]
    readonly_fields = fields
    verbose_name = _("status change")
    verbose_name_plural = _("status history")

    @admin.display(description=_("action"))
    def action_label(self, obj):
        return obj.action_label()

    @admin.display(description=_("from status"))
    def from_status_label(self, obj):
        return obj.from_status_label()

    @admin.display(description=_("to status"))
    def to_status_label(self, obj):
        return obj.to_status_label()

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("actor")


class CaseMessageInline(ReadOnlyInlineMixin, GenericTabularInline):
    model = CaseMessage
    fields = ["created_at", "author_kind", "author", "body"]
    readonly_fields = fields
    verbose_name = _("message")
    verbose_name_plural = _("messages with the applicant")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("author")


class ApplicantChangeInline(ReadOnlyInlineMixin, GenericStackedInline):
    """Every set of changes the applicant sent from the tracking page: what changed, and both whole versions."""

    model = ApplicantChange
    fields = ["created_at", "comparison"]
    readonly_fields = fields
    verbose_name = _("changes sent by the applicant")
    verbose_name_plural = _("changes sent by the applicant")

    @admin.display(description=_("what changed"))
    def comparison(self, obj):
        return render_to_string(
            "admin/core/applicant_change.html",
            {"differences": obj.differences(), "before": obj.before, "after": obj.after},
        )


#: The id of the admin's inline group of applicant changes (the workflow panel links to it).
APPLICANT_CHANGES_GROUP = "core-applicantchange-content_type-object_id-group"


class ServiceRefusalAdminMixin:
    """Show a service's refusal raised from `save_model`/`save_related` on the form, not as a 500.

    The admin runs the whole form in one transaction: the refusal rolls it back. The same POST is then shown
    again as an invalid form carrying the service's Polish message, so the clerk keeps what they typed and
    corrects it. A refusal outside a POST (nothing typed to keep) is an error message and a redirect.
    """

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except CaseWorkError as error:
            if request.method != "POST" or getattr(request, "_service_refusal", None) is not None:
                self.message_user(request, error.message, messages.ERROR)
                return HttpResponseRedirect(request.get_full_path())
            request._service_refusal = error
            return super().changeform_view(request, object_id, form_url, extra_context)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form_class = super().get_form(request, obj, change, **kwargs)
        refusal = getattr(request, "_service_refusal", None)
        if refusal is None:
            return form_class

        class RefusedByServiceForm(form_class):
            def clean(self):
                super().clean()
                raise ValidationError(refusal.message, code=refusal.code)

        RefusedByServiceForm.__name__ = form_class.__name__
        return RefusedByServiceForm


def adopt_created(instance, created) -> None:
    """Make the admin's unsaved `instance` stand for `created`, the record a service wrote, in place.

    The admin goes on with the very object its form saved (for the log entry, the message and the redirect), so
    that object takes the created record's primary key, field values and database state.
    """
    for field in created._meta.concrete_fields:
        setattr(instance, field.attname, getattr(created, field.attname))
    instance._state.adding = False
    instance._state.db = created._state.db


class ServiceCreateAdminMixin(ServiceRefusalAdminMixin):
    """Add records through a service: the add form validates, `create_through_service` writes.

    The hook gets the request, the valid form and the inline formsets (read, never saved: the service writes
    what it needs) and returns the created record, which becomes the form's instance for the log entry, the
    message and the redirect. A service's refusal (`CaseWorkError`) comes back on the form, with what was typed,
    and nothing is written. Edits are left to the admin's usual `save_model` (in a workflow admin: the editable
    fields only).

        class DirectorTermAdmin(ServiceCreateAdminMixin, SimpleHistoryAdmin):
            def create_through_service(self, request, form, formsets):
                return services.director_term_record(**form.cleaned_data, acting_user=request.user)
    """

    def create_through_service(self, request, form, formsets):
        raise NotImplementedError(f"{type(self).__name__} must define create_through_service()")

    def save_model(self, request, obj, form, change):
        if change:
            super().save_model(request, obj, form, change)
        # A new record is created in save_related, once the inline formsets are known too.

    def save_related(self, request, form, formsets, change):
        if change:
            super().save_related(request, form, formsets, change)
            return
        created = self.create_through_service(request, form, formsets)
        adopt_created(form.instance, created)

    def construct_change_message(self, request, form, formsets, add=False):
        # On adding, the formsets were read, not saved: the service wrote the record and its rows.
        return [{"added": {}}] if add else super().construct_change_message(request, form, formsets, add)


def case_handler_context(request, case, *, admin_site) -> dict:
    """What the workflow panel shows of a case's handler: who handles it, "Przyjmij sprawę", and "Przydziel".

    The take button is offered to a clerk who may handle the case type while the case is open and not theirs; the
    assign form to the head of department (or a superuser), with the clerks who may handle that type.
    """
    content_type = ContentType.objects.get_for_model(type(case))
    args = [content_type.pk, case.pk]
    is_open = case.closed_at is None
    may_take = is_open and case.handler_id is None and may_handle(request.user, type(case))
    context = {
        "case_handler": case.handler,
        "case_is_mine": case.handler_id == request.user.pk,
        "case_take_url": reverse(f"{admin_site.name}:core_case_take", args=args) if may_take else "",
        "case_assign_url": "",
        "case_handler_choices": [],
    }
    if is_open and may_assign(request.user):
        context["case_assign_url"] = reverse(f"{admin_site.name}:core_case_assign", args=args)
        context["case_handler_choices"] = [
            (user.pk, person_name(user)) for user in case_handler_candidates(type(case))
        ]
    return context


class WorkflowAdminMixin(HistoryViewOnlyMixin):
    """Show the status read-only with buttons for the allowed transitions and a message box.

    Safe by default: an edit saves the editable fields only (statuses, stamps and case data belong to the
    services) and the history's older versions can be looked at, never restored.
    """

    change_form_template = "admin/core/workflow_change_form.html"
    workflow_inlines = [StatusHistoryInline, CaseMessageInline]

    def get_inlines(self, request, obj):
        inlines = list(super().get_inlines(request, obj))
        if obj is None:
            return inlines
        if getattr(self.model, "applicant_changes", None) is not None:
            inlines.append(ApplicantChangeInline)
        return inlines + list(self.workflow_inlines)

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        status_field = self.model.workflow.status_field
        return readonly if status_field in readonly else [*readonly, status_field]

    def save_model(self, request, obj, form, change):
        if change:
            save_editable_fields(request, obj)
        else:
            super().save_model(request, obj, form, change)

    def get_urls(self):
        opts = self.model._meta
        return [
            path(
                "<path:object_id>/sprawa/",
                self.admin_site.admin_view(self.workflow_view),
                name=f"{opts.app_label}_{opts.model_name}_workflow",
            ),
            *super().get_urls(),
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = extra_context or {}
        obj = self.get_object(request, object_id)
        if obj is not None:
            opts = self.model._meta
            extra_context["workflow_transitions"] = self.model.workflow.available(obj, request.user)
            extra_context["workflow_note_to_applicant"] = [
                transition.label
                for transition in extra_context["workflow_transitions"]
                if getattr(transition, "note_to_applicant", False)
            ]
            extra_context["workflow_url"] = reverse(
                f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_workflow", args=[obj.pk]
            )
            extra_context["workflow_status"] = getattr(obj, f"get_{self.model.workflow.status_field}_display")()
            extra_context["workflow_can_message"] = self.has_change_permission(request, obj) and hasattr(
                obj, "register_entry_id"
            )
            if getattr(self.model, "applicant_changes", None) is not None:
                content_type = ContentType.objects.get_for_model(obj)
                latest = (
                    ApplicantChange.objects.filter(content_type=content_type, object_id=obj.pk)
                    .order_by("-created_at", "-pk")
                    .values_list("created_at", flat=True)
                    .first()
                )
                extra_context["workflow_changes_at"] = latest
                extra_context["workflow_changes_anchor"] = APPLICANT_CHANGES_GROUP
        return super().change_view(request, object_id, form_url, extra_context)

    def workflow_view(self, request, object_id):
        """Perform a transition or post a message from the workflow panel of the change form."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        obj = self.get_object(request, object_id)
        if obj is None or not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        opts = self.model._meta
        change_url = reverse(f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
        try:
            if "send_message" in request.POST:
                if not self.has_change_permission(request, obj):
                    raise PermissionDenied
                case_message_add(
                    case=obj,
                    body=request.POST.get("message", ""),
                    author_kind=CaseMessage.Author.CLERK,
                    acting_user=request.user,
                )
                self.message_user(request, gettext("The message has been sent to the applicant."), messages.SUCCESS)
            else:
                name = request.POST.get("transition", "")
                transition_perform(obj=obj, name=name, acting_user=request.user, note=request.POST.get("note", ""))
                self.message_user(
                    request,
                    gettext("Done: %(action)s.") % {"action": self.model.workflow.get(name).label},
                    messages.SUCCESS,
                )
        except CaseWorkError as error:
            self.message_user(request, error.message, messages.ERROR)
        return HttpResponseRedirect(change_url)

    def __init__(self, model, admin_site):
        super().__init__(model, admin_site)
        # One bulk action per transition that needs no note; each still goes through the service.
        self.actions = [
            *(self.actions or []),
            *(
                self._make_transition_action(t)
                for t in model.workflow.transitions
                if not (t.note_required or t.by_applicant)
            ),
        ]

    def _make_transition_action(self, transition):
        def action(modeladmin, request, queryset):
            done, refused = 0, []
            for obj in queryset:
                try:
                    transition_perform(obj=obj, name=transition.name, acting_user=request.user)
                    done += 1
                except (CaseWorkError, PermissionDenied) as error:
                    refused.append(f"{obj}: {getattr(error, 'message', error)}")
            if done:
                modeladmin.message_user(
                    request,
                    ngettext("Done for %(count)d record.", "Done for %(count)d records.", done) % {"count": done},
                )
            for line in refused:
                modeladmin.message_user(request, line, messages.ERROR)

        action.__name__ = f"transition_{transition.name}"
        return admin.action(description=transition.label, permissions=["change"])(action)


class CaseAdminMixin(WorkflowAdminMixin):
    """Defaults for a case model's admin: the case mark searchable and shown, the handler shown read-only.

    The handler changes only through the panel's "Przyjmij sprawę" (a clerk takes the case) and "Przydziel" (the
    head of department assigns it), both posting to the admin site's `core_case_take` / `core_case_assign` views.
    """

    list_select_related = ["handler"]
    search_fields = ["case_mark"]
    readonly_fields = ["case_mark", "channel", "created_at", "closed_at"]

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        return readonly if "handler" in readonly else [*readonly, "handler"]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = extra_context or {}
        obj = self.get_object(request, object_id)
        if obj is not None:
            extra_context.update(case_handler_context(request, obj, admin_site=self.admin_site))
        return super().change_view(request, object_id, form_url, extra_context)


class ReadOnlyModelAdmin(admin.ModelAdmin):
    """A register clerks may look at but never edit by hand (it is written by services)."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


def action_for_each(model_admin, request, queryset, perform, done_message) -> int:
    """Run an admin action's service `perform(record)` on each selected record, as far as each one goes.

    A refusal (`CaseWorkError`) of one record is told to the clerk with the record's name and leaves the others to
    go on; what was done is counted in one message, `done_message(count)`. Returns the count.
    """
    done = 0
    for record in queryset:
        try:
            perform(record)
        except CaseWorkError as error:
            model_admin.message_user(request, f"{record}: {error.message}", messages.ERROR)
        else:
            done += 1
    if done:
        model_admin.message_user(request, done_message(done), messages.SUCCESS)
    return done


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
