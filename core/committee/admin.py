"""The admin pieces of a committee: the picker of staff for a member's user, and the admin of assignments.

A member's `user` is picked among active staff by name (`selectors.committee_candidates`) through the member
admin's own search view, never Django's user autocomplete, which no clerk role may use. An assignment is added
through the app's service (the case must be ready to be scored) and never changed by hand: the declaration is the
member's own.
"""

from django.contrib import admin
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import JsonResponse
from django.urls import path, reverse

from core.admin_mixins import ServiceCreateAdminMixin
from core.committee import selectors

CANDIDATES_PER_PAGE = 20


class CommitteeCandidateSelect(AutocompleteSelect):
    """The admin's autocomplete widget, asking the app's member admin for people instead of the user admin."""

    def __init__(self, field, admin_site, *, url_name: str, **kwargs):
        super().__init__(field, admin_site, **kwargs)
        self.url_name = url_name

    def get_url(self):
        return reverse(f"{self.admin_site.name}:{self.url_name}")


class CommitteePickerMixin:
    """Give a committee member's `user` the picker of active staff, on an inline and on the member's own page.

    Set `candidates_url_name` to the URL name of the member admin's `candidates_view`
    (`CommitteeCandidatesAdminMixin`).
    """

    candidates_url_name = ""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "user":
            kwargs["widget"] = CommitteeCandidateSelect(
                db_field, self.admin_site, url_name=self.candidates_url_name, using=kwargs.get("using")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class CommitteeCandidatesAdminMixin(CommitteePickerMixin):
    """A member admin with the picker's search at `kandydaci/`, named `candidates_url_name`."""

    def get_urls(self):
        return [
            path("kandydaci/", self.admin_site.admin_view(self.candidates_view), name=self.candidates_url_name),
            *super().get_urls(),
        ]

    def candidates_view(self, request):
        """The picker's search: active staff by name, for a clerk who may appoint members (JSON for select2).

        Only names and ids go out, never an e-mail address; a clerk who may not add or change committee members
        gets 403, as does everyone for the user admin itself.
        """
        if not (self.has_add_permission(request) or self.has_change_permission(request)):
            raise PermissionDenied
        people = selectors.committee_candidates(request.GET.get("term", "")[:100])
        page = Paginator(people, CANDIDATES_PER_PAGE).get_page(request.GET.get("page"))
        return JsonResponse(
            {
                "results": [
                    {"id": str(person.pk), "text": selectors.committee_candidate_label(person)} for person in page
                ],
                "pagination": {"more": page.has_next()},
            }
        )


class CommitteeAssignmentAdmin(ServiceCreateAdminMixin, admin.ModelAdmin):
    """Giving a member a case to score calls the app's service (`assign`); the declaration stays the member's.

    Set `list_display`, `list_select_related` and the rest as usual; define `assign(request, member, case)`.
    """

    readonly_fields = ["declared_at", "has_conflict"]

    def assign(self, request, member, case):
        raise NotImplementedError(f"{type(self).__name__} must define assign()")

    def create_through_service(self, request, form, formsets):
        data = form.cleaned_data
        return self.assign(request, data["member"], data[self.model.CASE_FIELD])

    def save_model(self, request, obj, form, change):
        if change:
            raise PermissionDenied
