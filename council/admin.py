"""The Economic Council in the admin, for its secretariat (role group "Sekretariat Rady Gospodarczej").

Terms and members with the Mayor's orders, sittings with their agenda, invitations and attendance, minutes approved at
the next sitting, opinions with their votes sent to the Mayor and published (DOMAIN.md §I.1).
"""

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from simple_history.admin import SimpleHistoryAdmin

from core.admin_mixins import (
    HistoryViewOnlyMixin,
    ReadOnlyInlineMixin,
    ReadOnlyModelAdmin,
    ServiceCreateAdminMixin,
    action_for_each,
)
from core.rich_text import RichTextAdminMixin
from council import documents, services
from council.models import CouncilInvitation, CouncilMember, CouncilOpinion, CouncilSitting, CouncilTerm


@admin.register(CouncilTerm)
class CouncilTermAdmin(HistoryViewOnlyMixin, SimpleHistoryAdmin):
    list_display = ["name", "starts_on", "ends_on", "establishing_order"]
    search_fields = ["name", "establishing_order"]
    date_hierarchy = "starts_on"
    fields = ["name", "starts_on", "ends_on", "establishing_order", "mayor_email"]


@admin.register(CouncilMember)
class CouncilMemberAdmin(HistoryViewOnlyMixin, SimpleHistoryAdmin):
    """Members appointed and dismissed by the Mayor's orders; their e-mail and phone stay in the admin."""

    list_display = ["full_name", "organisation", "role", "term", "appointed_on", "appointment_order", "dismissed_on"]
    list_select_related = ["term"]
    list_filter = ["term", "role", ("dismissed_on", admin.EmptyFieldListFilter)]
    search_fields = ["full_name", "organisation", "email"]
    date_hierarchy = "appointed_on"
    fieldsets = [
        (None, {"fields": ["term", "full_name", "organisation", "role"]}),
        (_("Contact (internal)"), {"fields": ["email", "phone"]}),
        (_("Appointment"), {"fields": ["appointed_on", "appointment_order", "appointment_order_date"]}),
        (
            _("Dismissal"),
            {
                "fields": ["dismissed_on", "dismissal_order", "dismissal_order_date"],
                "classes": ["collapse"],
                "description": _("A member is dismissed by the Mayor's order; the term ends with the Mayor's."),
            },
        ),
    ]


class CouncilInvitationInline(ReadOnlyInlineMixin, admin.TabularInline):
    model = CouncilInvitation
    fields = ["member", "email", "sent_at", "sent_by"]
    readonly_fields = fields
    verbose_name_plural = _("invitations sent")


class CouncilSittingForm(forms.ModelForm):
    class Meta:
        model = CouncilSitting
        fields = ["term", "number", "starts_at", "place", "agenda", "attendees", "minutes"]
        widgets = {"attendees": forms.CheckboxSelectMultiple, "agenda": forms.Textarea(attrs={"rows": 8})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "attendees" in self.fields:
            term_id = self.instance.term_id if self.instance.pk else None
            members = CouncilMember.objects.order_by("full_name")
            self.fields["attendees"].queryset = members.filter(term_id=term_id) if term_id else members.none()


@admin.register(CouncilSitting)
class CouncilSittingAdmin(RichTextAdminMixin, HistoryViewOnlyMixin, SimpleHistoryAdmin):
    """A sitting: prepared with its agenda, invited by an action, its attendance and minutes recorded afterwards."""

    form = CouncilSittingForm
    list_display = ["__str__", "term", "starts_at", "place", "invitations_sent_at", "minutes_approved_at"]
    list_select_related = ["term", "minutes_approved_at"]
    list_filter = ["term", ("invitations_sent_at", admin.EmptyFieldListFilter)]
    search_fields = ["agenda", "place"]
    date_hierarchy = "starts_at"
    readonly_fields = ["invitations_sent_at", "minutes_approved_at", "sitting_documents"]
    inlines = [CouncilInvitationInline]
    actions = ["send_invitations", "approve_previous_minutes"]

    def get_fieldsets(self, request, obj=None):
        sitting = [(None, {"fields": ["term", "number", "starts_at", "place", "agenda"]})]
        if obj is None:
            return sitting
        return [
            *sitting,
            (_("Invitations"), {"fields": ["invitations_sent_at", "sitting_documents"]}),
            (
                _("After the sitting"),
                {
                    "fields": ["attendees", "minutes", "minutes_approved_at"],
                    "description": _("The minutes are approved at the next sitting and then published as a PDF."),
                },
            ),
        ]

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and obj.invitations_sent_at:
            # The members were invited to this term, number, date and place.
            return [*self.readonly_fields, "term", "number"]
        return self.readonly_fields

    @admin.display(description=_("documents"))
    def sitting_documents(self, obj):
        invitation = reverse("admin:council_councilsitting_invitation_pdf", args=[obj.pk])
        minutes = reverse("admin:council_councilsitting_minutes_pdf", args=[obj.pk])
        return format_html(
            '<a href="{}">{}</a> · <a href="{}">{}</a>', invitation, _("invitation (PDF)"), minutes, _("minutes (PDF)")
        )

    def get_urls(self):
        return [
            path(
                "<int:pk>/zaproszenie.pdf",
                self.admin_site.admin_view(self.invitation_pdf_view),
                name="council_councilsitting_invitation_pdf",
            ),
            path(
                "<int:pk>/protokol.pdf",
                self.admin_site.admin_view(self.minutes_pdf_view),
                name="council_councilsitting_minutes_pdf",
            ),
            *super().get_urls(),
        ]

    def _sitting_for(self, request, pk):
        if not self.has_view_permission(request):
            raise PermissionDenied
        return get_object_or_404(CouncilSitting, pk=pk)

    def invitation_pdf_view(self, request, pk):
        sitting = self._sitting_for(request, pk)
        filename = f"zaproszenie-posiedzenie-{sitting.number}.pdf"
        return documents.pdf_response(documents.invitation_pdf(sitting), filename)

    def minutes_pdf_view(self, request, pk):
        sitting = self._sitting_for(request, pk)
        return documents.pdf_response(documents.minutes_pdf(sitting), f"protokol-posiedzenie-{sitting.number}.pdf")

    @admin.action(description=_("Send the invitations to the members"), permissions=["change"])
    def send_invitations(self, request, queryset):
        action_for_each(
            self,
            request,
            queryset,
            lambda sitting: services.sitting_send_invitations(sitting=sitting, acting_user=request.user),
            lambda done: (
                ngettext("Invitations to %(count)d sitting sent.", "Invitations to %(count)d sittings sent.", done)
                % {"count": done}
            ),
        )

    @admin.action(description=_("Approve the previous sitting's minutes at this sitting"), permissions=["change"])
    def approve_previous_minutes(self, request, queryset):
        action_for_each(
            self,
            request,
            queryset,
            lambda sitting: services.previous_minutes_approve(at_sitting=sitting, acting_user=request.user),
            lambda done: (
                ngettext("%(count)d set of minutes approved.", "%(count)d sets of minutes approved.", done)
                % {"count": done}
            ),
        )


class CouncilOpinionForm(forms.ModelForm):
    class Meta:
        model = CouncilOpinion
        fields = ["sitting", "number", "subject", "text", "votes_for", "votes_against", "votes_abstaining"]


@admin.register(CouncilOpinion)
class CouncilOpinionAdmin(ServiceCreateAdminMixin, RichTextAdminMixin, HistoryViewOnlyMixin, SimpleHistoryAdmin):
    """An opinion put to the vote: the votes decide whether it is adopted; an adopted one goes to the Mayor."""

    form = CouncilOpinionForm
    list_display = ["number", "subject", "sitting", "adopted", "sent_to_mayor_at", "published_at"]
    list_select_related = ["sitting"]
    list_filter = ["adopted", ("published_at", admin.EmptyFieldListFilter), "sitting__term"]
    search_fields = ["number", "subject"]
    readonly_fields = ["adopted", "sent_to_mayor_at", "published_at"]
    actions = ["send_to_mayor", "publish"]

    def get_fieldsets(self, request, obj=None):
        opinion = [(None, {"fields": ["sitting", "number", "subject", "text"]})]
        votes = ["votes_for", "votes_against", "votes_abstaining"]
        if obj is None:
            return [*opinion, (_("Voting"), {"fields": votes})]
        return [
            *opinion,
            (_("Voting"), {"fields": [*votes, "adopted"]}),
            (_("Sent and published"), {"fields": ["sent_to_mayor_at", "published_at"]}),
        ]

    def get_readonly_fields(self, request, obj=None):
        if obj is not None:
            # The vote is recorded once; a published opinion is kept as published.
            fixed = ["sitting", "votes_for", "votes_against", "votes_abstaining"]
            if obj.sent_to_mayor_at:
                fixed += ["number", "subject", "text"]
            return [*fixed, *self.readonly_fields]
        return self.readonly_fields

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "sitting":
            kwargs["queryset"] = CouncilSitting.objects.select_related("term").order_by("-starts_at")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def create_through_service(self, request, form, formsets):
        return services.opinion_record(**form.cleaned_data, acting_user=request.user)

    def view_on_site(self, obj):
        return obj.get_absolute_url() if obj.published_at else None

    @admin.action(description=_("Send to the Mayor"), permissions=["change"])
    def send_to_mayor(self, request, queryset):
        action_for_each(
            self,
            request,
            queryset,
            lambda opinion: services.opinion_send_to_mayor(opinion=opinion, acting_user=request.user),
            lambda done: (
                ngettext("%(count)d opinion sent to the Mayor.", "%(count)d opinions sent to the Mayor.", done)
                % {"count": done}
            ),
        )

    @admin.action(description=_("Publish on the council's page"), permissions=["change"])
    def publish(self, request, queryset):
        action_for_each(
            self,
            request,
            queryset,
            lambda opinion: services.opinion_publish(opinion=opinion, acting_user=request.user),
            lambda done: (
                ngettext("%(count)d opinion published.", "%(count)d opinions published.", done) % {"count": done}
            ),
        )


@admin.register(CouncilInvitation)
class CouncilInvitationAdmin(ReadOnlyModelAdmin):
    """Every invitation sent, to check who was invited where (written by the service only)."""

    list_display = ["member", "sitting", "email", "sent_at"]
    list_select_related = ["member", "sitting"]
    list_filter = ["sitting__term"]
    search_fields = ["member__full_name", "email"]
    date_hierarchy = "sent_at"
