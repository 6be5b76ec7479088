"""Admin titles and a record's history in correct Polish (core.admin_grammar), for every model admin."""

from simple_history.template_utils import HistoricalRecordContextHelper

from core.admin_grammar import admin_title


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
