"""The workflow panel of a record with statuses (`WorkflowAdminMixin`) and of a case (`CaseAdminMixin`): the
status read-only, a button per allowed transition, the case's handler and the message box."""

from django.contrib import admin, messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.urls import path, reverse
from django.utils.translation import gettext, ngettext

from core.admin_mixins.inlines import (
    APPLICANT_CHANGES_GROUP,
    ApplicantChangeInline,
    CaseMessageInline,
    StatusHistoryInline,
)
from core.admin_mixins.read_only import HistoryViewOnlyMixin
from core.admin_mixins.saving import save_editable_fields
from core.models import ApplicantChange, CaseMessage
from core.roles import person_name
from core.services import (
    CaseWorkError,
    case_handler_candidates,
    case_message_add,
    may_assign,
    may_handle,
    transition_perform,
)


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
