"""How the admin writes: an edit saves the editable fields only, a record is added through a service, a
service's refusal comes back on the form, and an action runs its service on each selected record."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect

from core.models import Case
from core.services import CaseWorkError, case_register_refresh


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
