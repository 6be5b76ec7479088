"""Media monitoring in the admin: units concerned, mentions (informing a unit) and sprostowania with their letter."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from core.admin_mixins import ReadOnlyInlineMixin, StatusHistoryInline, WorkflowAdminMixin
from core.deadlines import add_working_days
from monitoring.documents import correction_letter_pdf, review_pdf
from monitoring.models import (
    CityUnit,
    KeywordRule,
    MediaMention,
    MonitoredSource,
    PressCorrection,
    PressReview,
    SourceItem,
    WatchedHost,
)
from monitoring.services import MonitoringError, mention_inform_unit, review_create, review_send, source_fetch

#: [K] The unit's answer is asked for within 5 working days unless the clerk sets another day.
UNIT_ANSWER_WORKING_DAYS = 5


@admin.register(CityUnit)
class CityUnitAdmin(SimpleHistoryAdmin):
    list_display = ["name", "email", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["name", "email"]
    ordering = ["name"]
    fieldsets = [
        (None, {"fields": ["name", "email"]}),
        (_("Advanced"), {"classes": ["collapse"], "fields": ["is_active"]}),
    ]


class CorrectionInline(ReadOnlyInlineMixin, admin.TabularInline):
    """The mention's sprostowania, linked to their own pages."""

    model = PressCorrection
    fields = ["reference", "status", "sent_on", "outcome_on"]
    readonly_fields = fields
    show_change_link = True
    verbose_name_plural = _("press corrections")


class InformUnitForm(forms.Form):
    answer_due = forms.DateField(
        label=_("answer due"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    message = forms.CharField(
        label=_("message to the unit"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("What the press office needs to know; the e-mail also names the material."),
    )


@admin.register(MediaMention)
class MediaMentionAdmin(SimpleHistoryAdmin):
    list_display = ["title", "outlet", "medium", "published_on", "tone", "action", "unit", "reach"]
    list_filter = ["medium", "tone", "action", "unit", "published_on"]
    list_select_related = ["outlet", "unit"]
    search_fields = ["title", "excerpt", "topic", "outlet__name"]
    ordering = ["-published_on", "-pk"]
    date_hierarchy = "published_on"
    autocomplete_fields = ["outlet", "unit"]
    inlines = [CorrectionInline]
    actions = ["prepare_review"]
    readonly_fields = ["correction_clock", "unit_informed_at", "unit_answer_due", "inform_unit_link", "created_by"]
    fieldsets = [
        (None, {"fields": ["outlet", "medium", "published_on", "title", "url", "excerpt"]}),
        (_("Assessment"), {"fields": ["topic", "unit", "tone", "reach", "action", "handled_by", "correction_clock"]}),
        (
            _("The unit concerned"),
            {"fields": ["inform_unit_link", "unit_informed_at", "unit_answer_due", "unit_answered_on"]},
        ),
        (_("Informal reply"), {"fields": ["reply_text", "reply_sent_on"]}),
        (_("Advanced"), {"classes": ["collapse"], "fields": ["created_by"]}),
    ]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "handled_by":
            from django.contrib.auth import get_user_model

            kwargs["queryset"] = get_user_model().objects.filter(is_staff=True, is_active=True).order_by("username")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    @admin.display(description=_("last day to send a sprostowanie"))
    def correction_clock(self, obj):
        return obj.correction_latest().strftime("%d.%m.%Y") if obj.pk else "—"

    @admin.display(description=_("inform the unit"))
    def inform_unit_link(self, obj):
        if obj.pk is None:
            return "—"
        return format_html(
            '<a class="button" href="{}">{}</a>',
            reverse("admin:monitoring_mediamention_inform_unit", args=[obj.pk]),
            gettext("Inform the unit concerned"),
        )

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    @admin.action(description=_("Prepare a press review of the selected mentions"), permissions=["view"])
    def prepare_review(self, request, queryset):
        """A review of exactly the selected mentions, over their dates; the clerk adds the recipients and sends it."""
        if not request.user.has_perm("monitoring.add_pressreview"):
            raise PermissionDenied
        mentions = list(queryset.order_by("published_on"))
        first, last = mentions[0].published_on, mentions[-1].published_on
        kind = PressReview.Kind.DAILY if first == last else PressReview.Kind.WEEKLY
        review = review_create(
            mentions=mentions, acting_user=request.user, kind=kind, period_start=first, period_end=last
        )
        return HttpResponseRedirect(reverse("admin:monitoring_pressreview_change", args=[review.pk]))

    def get_urls(self):
        return [
            path(
                "<int:pk>/poinformuj-jednostke/",
                self.admin_site.admin_view(self.inform_unit_view),
                name="monitoring_mediamention_inform_unit",
            ),
            *super().get_urls(),
        ]

    def inform_unit_view(self, request, pk: int):
        """Send the unit concerned the mention with a due date for its answer (services.mention_inform_unit)."""
        mention = self.get_object(request, str(pk))
        if mention is None or not self.has_change_permission(request, mention):
            raise PermissionDenied
        change_url = reverse("admin:monitoring_mediamention_change", args=[mention.pk])
        if request.method == "POST":
            form = InformUnitForm(request.POST)
            if form.is_valid():
                try:
                    mention_inform_unit(
                        mention=mention,
                        answer_due=form.cleaned_data["answer_due"],
                        message=form.cleaned_data["message"],
                        acting_user=request.user,
                    )
                except MonitoringError as error:
                    form.add_error(None, error.message)
                else:
                    self.message_user(request, gettext("The unit has been informed."), messages.SUCCESS)
                    return HttpResponseRedirect(change_url)
        else:
            form = InformUnitForm(
                initial={"answer_due": add_working_days(timezone.localdate(), UNIT_ANSWER_WORKING_DAYS)}
            )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": mention,
            "title": gettext("Inform the unit concerned"),
            "form": form,
            "change_url": change_url,
        }
        return TemplateResponse(request, "admin/monitoring/mediamention/inform_unit.html", context)


@admin.register(PressCorrection)
class PressCorrectionAdmin(WorkflowAdminMixin, SimpleHistoryAdmin):
    workflow_inlines = [StatusHistoryInline]
    list_display = ["reference", "mention", "outlet", "status", "sent_on", "publisher_deadline_display"]
    list_filter = ["status", "mention__medium", "signatory"]
    list_select_related = ["mention", "mention__outlet"]
    search_fields = ["reference", "mention__title", "mention__outlet__name", "editor_in_chief"]
    ordering = ["-created_at", "-pk"]
    date_hierarchy = "created_at"
    autocomplete_fields = ["mention"]
    SENT_READONLY = [
        "mention",
        "reference",
        "editor_in_chief",
        "editorial_address",
        "fragment",
        "correction_text",
        "signatory",
        "mayor_name",
        "signed_by",
        "delivery",
        "sent_on",
    ]
    CLOCKS = [
        "send_latest_display",
        "length_display",
        "publisher_deadline_display",
        "refusal_due_display",
        "lawsuit_latest_display",
        "letter_link",
    ]
    fieldsets = [
        (None, {"fields": ["mention", "reference", "editor_in_chief", "editorial_address"]}),
        (_("Text"), {"fields": ["fragment", "correction_text", "length_display"]}),
        (_("Signature and dispatch"), {"fields": ["signatory", "mayor_name", "signed_by", "delivery", "sent_on"]}),
        (
            _("The publisher's deadline"),
            {"fields": ["received_on", "issue_interval", "nearest_issue_on", "publisher_deadline_display"]},
        ),
        (
            _("Outcome"),
            {"fields": ["status", "outcome_on", "refusal_reasons", "lawsuit_filed_on"]},
        ),
        (
            _("Clocks and letter"),
            {"fields": ["send_latest_display", "refusal_due_display", "lawsuit_latest_display", "letter_link"]},
        ),
    ]

    def get_readonly_fields(self, request, obj=None):
        readonly = [*super().get_readonly_fields(request, obj), *self.CLOCKS, "refusal_reasons", "lawsuit_filed_on"]
        if obj is not None and obj.status not in PressCorrection.EDITABLE_STATUSES:
            readonly += self.SENT_READONLY
        return readonly

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "signed_by":
            from django.contrib.auth import get_user_model

            kwargs["queryset"] = get_user_model().objects.filter(is_staff=True, is_active=True).order_by("username")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    @admin.display(description=_("media outlet"), ordering="mention__outlet__name")
    def outlet(self, obj):
        return obj.mention.outlet

    @staticmethod
    def _day(value):
        return value.strftime("%d.%m.%Y") if value else "—"

    @admin.display(description=_("last day to send"))
    def send_latest_display(self, obj):
        return self._day(obj.send_latest()) if obj.pk else "—"

    @admin.display(description=_("length"))
    def length_display(self, obj):
        if obj.pk is None:
            return "—"
        from monitoring.models import correction_length

        return gettext("%(length)d of at most %(allowed)d characters") % {
            "length": correction_length(obj.correction_text),
            "allowed": obj.length_allowed(),
        }

    @admin.display(description=_("publisher's deadline"))
    def publisher_deadline_display(self, obj):
        return self._day(obj.publisher_deadline()) if obj.pk else "—"

    @admin.display(description=_("editor's refusal due"))
    def refusal_due_display(self, obj):
        return self._day(obj.refusal_due()) if obj.pk else "—"

    @admin.display(description=_("last day to sue"))
    def lawsuit_latest_display(self, obj):
        return self._day(obj.lawsuit_latest()) if obj.pk else "—"

    @admin.display(description=_("letter"))
    def letter_link(self, obj):
        if obj.pk is None:
            return "—"
        return format_html(
            '<a href="{}">{}</a>', reverse("admin:monitoring_presscorrection_letter", args=[obj.pk]), gettext("PDF")
        )

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    def get_urls(self):
        return [
            path(
                "<int:pk>/sprostowanie.pdf",
                self.admin_site.admin_view(self.letter_view),
                name="monitoring_presscorrection_letter",
            ),
            *super().get_urls(),
        ]

    def letter_view(self, request, pk: int):
        """The sprostowanie's letter as a PDF (private, not cached)."""
        correction = self.get_object(request, str(pk))
        if correction is None or not self.has_view_permission(request, correction):
            raise PermissionDenied
        response = HttpResponse(correction_letter_pdf(correction), content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="sprostowanie-{correction.pk}.pdf"'
        response["Cache-Control"] = "private, no-store"
        return response


@admin.register(WatchedHost)
class WatchedHostAdmin(SimpleHistoryAdmin):
    """The only hosts monitoring may request (monitoring.fetching), each with its own rate."""

    list_display = ["host", "min_interval_seconds", "is_active", "last_request_at"]
    list_filter = ["is_active"]
    search_fields = ["host"]
    ordering = ["host"]
    readonly_fields = ["last_request_at"]
    fieldsets = [
        (None, {"fields": ["host", "min_interval_seconds", "is_active"]}),
        (_("Advanced"), {"classes": ["collapse"], "fields": ["last_request_at"]}),
    ]


@admin.register(MonitoredSource)
class MonitoredSourceAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kind", "outlet", "url", "is_active", "last_fetched_at", "last_result"]
    list_filter = ["kind", "is_active", "medium"]
    list_select_related = ["outlet"]
    search_fields = ["name", "url", "outlet__name"]
    ordering = ["name"]
    autocomplete_fields = ["outlet"]
    readonly_fields = ["last_fetched_at", "last_result"]
    actions = ["fetch_now"]
    fieldsets = [
        (None, {"fields": ["name", "kind", "url", "outlet", "medium", "interval_minutes", "is_active"]}),
        (_("Last fetch"), {"fields": ["last_fetched_at", "last_result"]}),
    ]

    @admin.action(description=_("Fetch now"), permissions=["change"])
    def fetch_now(self, request, queryset):
        for source in queryset:
            outcome = source_fetch(source=source)
            self.message_user(request, f"{source.name}: {outcome.result}", messages.INFO)


@admin.register(KeywordRule)
class KeywordRuleAdmin(SimpleHistoryAdmin):
    list_display = ["name", "topic", "unit", "is_active"]
    list_filter = ["is_active", "unit"]
    list_select_related = ["unit"]
    search_fields = ["name", "terms", "topic"]
    ordering = ["name"]
    autocomplete_fields = ["unit"]
    fieldsets = [(None, {"fields": ["name", "terms", "topic", "unit", "is_active"]})]


@admin.register(SourceItem)
class SourceItemAdmin(admin.ModelAdmin):
    """Every fetched entry and every new text of a watched page, with its diff: read only."""

    list_display = ["title", "source", "fetched_at", "mention"]
    list_filter = ["source"]
    list_select_related = ["source", "mention"]
    search_fields = ["title", "text"]
    ordering = ["-fetched_at", "-pk"]
    date_hierarchy = "fetched_at"
    fields = ["source", "title", "url", "text", "diff", "fetched_at", "mention"]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class ReviewMentionInline(ReadOnlyInlineMixin, admin.TabularInline):
    """The mentions the review lists, read only: the selection is made on the list of mentions."""

    model = PressReview.mentions.through
    fields = ["mediamention"]
    readonly_fields = fields
    verbose_name_plural = _("media mentions")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("mediamention")


@admin.register(PressReview)
class PressReviewAdmin(SimpleHistoryAdmin):
    """Daily and weekly press reviews: prepared from the selected mentions, then downloaded as a PDF or sent."""

    list_display = ["title", "kind", "period_start", "period_end", "sent_at"]
    list_filter = ["kind"]
    search_fields = ["title"]
    ordering = ["-period_end", "-pk"]
    date_hierarchy = "period_end"
    inlines = [ReviewMentionInline]
    readonly_fields = ["sent_at", "created_by", "review_links"]
    actions = ["send_reviews"]
    fieldsets = [
        (None, {"fields": ["title", "kind", "period_start", "period_end", "recipients", "review_links"]}),
        (_("Advanced"), {"classes": ["collapse"], "fields": ["sent_at", "created_by"]}),
    ]

    def has_add_permission(self, request):
        # A review starts from the mentions a clerk selects ("Prepare a press review" on the list of mentions).
        return False

    @admin.display(description=_("review"))
    def review_links(self, obj):
        if obj.pk is None:
            return "—"
        return format_html('<a href="{}">{}</a>', reverse("admin:monitoring_pressreview_pdf", args=[obj.pk]), "PDF")

    @admin.action(description=_("Send the selected reviews by e-mail"), permissions=["change"])
    def send_reviews(self, request, queryset):
        for review in queryset:
            try:
                review_send(review=review, acting_user=request.user)
            except MonitoringError as error:
                self.message_user(request, f"{review.title}: {error.message}", messages.ERROR)
            else:
                self.message_user(request, gettext("Sent: %(title)s") % {"title": review.title}, messages.SUCCESS)

    def get_urls(self):
        return [
            path(
                "<int:pk>/przeglad.pdf", self.admin_site.admin_view(self.pdf_view), name="monitoring_pressreview_pdf"
            ),
            *super().get_urls(),
        ]

    def pdf_view(self, request, pk: int):
        """The review as a PDF (private, not cached)."""
        review = self.get_object(request, str(pk))
        if review is None or not self.has_view_permission(request, review):
            raise PermissionDenied
        response = HttpResponse(review_pdf(review), content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="przeglad-prasy-{review.pk}.pdf"'
        response["Cache-Control"] = "private, no-store"
        return response
