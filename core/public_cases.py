"""The base of every public form that opens a case, and the applicant's private tracking page.

A form built on `PublicCaseForm` and served by `PublicCaseCreateView` gets: CSRF, the honeypot and
signed time trap, the per-client rate limit, an idempotency token (a double submit opens one case),
the current version of the form's GDPR information clause (stored with the case), a case mark and
a confirmation page with the private tracking link.
"""

import uuid

from django import forms
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.decorators.cache import never_cache

from core import applicant_changes, case_fees
from core.models import CaseMessage, CaseRegisterEntry, Channel, InformationClause, StatusChange
from core.private_documents import applicant_documents
from core.public_forms import PublicFormMixin, rate_limit_exceeded, reject_control_characters
from core.services import CaseWorkError, case_message_add, case_open


class PublicCaseForm(PublicFormMixin):
    """Mixin for ModelForms of case models filed by the public."""

    submission_token = forms.UUIDField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["submission_token"] = uuid.uuid4()


def current_information_clause(form_key: str) -> InformationClause | None:
    return InformationClause.objects.filter(form_key=form_key).order_by("-version").first()


# The Referer of a request from a private page carries its token: other sites never get it, this site does.
# Not "no-referrer": under it browsers post forms with "Origin: null", which the CSRF check refuses (403) for
# the page's own forms (a reply on the tracking page, a grant draft, the press unsubscribe confirmation).
PRIVATE_REFERRER_POLICY = "same-origin"


def private_response(response):
    """Mark a page reached by a private token: never cached or indexed, its address never sent to another site.

    Under `same-origin` the browser sends the Referer (and a real Origin) only to this site, so the page's own
    forms pass the CSRF check while a link to another site carries neither the token nor the page's address.
    """
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = PRIVATE_REFERRER_POLICY
    return response


class _DuplicateSubmission(Exception):
    def __init__(self, case):
        super().__init__()
        self.case = case


@method_decorator(never_cache, name="dispatch")
class PublicCaseCreateView(View):
    """Show a public case form and open a case from it. Subclasses set the attributes below."""

    form_class: type[forms.ModelForm]
    template_name: str
    form_key: str
    rate_scope: str

    def case_title(self, case) -> str:
        return str(type(case)._meta.verbose_name)

    def build_case(self, form):
        """The unsaved case to open; runs in the same transaction as case_open (records it needs go here)."""
        return form.save(commit=False)

    def on_open(self, case) -> None:
        """Hook for what the new case keeps (attachments): runs in the transaction that opens the case.

        Only for a new case, before the kernel acknowledges it to the applicant (the model's CASE_OPENED_SUBJECT).
        """

    def get(self, request):
        return self.render_form(self.form_class())

    def form_files(self, request):
        """The files the form validates: what the browser sent (a view may add files kept from an earlier send)."""
        return request.FILES

    def post(self, request):
        if rate_limit_exceeded(request, self.rate_scope):
            return render(request, "429.html", status=429)
        form = self.form_class(request.POST, self.form_files(request))
        if not form.is_valid():
            return self.render_form(form)
        if form.is_bot:
            return redirect("core:case_received")
        token = form.cleaned_data.get("submission_token") or uuid.uuid4()
        model = form._meta.model
        existing = model.objects.filter(submission_token=token).first()
        if existing is not None:
            return redirect("core:case_confirmation", token=existing.register_entry.tracking_token)
        try:
            with transaction.atomic():
                case = self.build_case(form)
                case.channel = Channel.WEB_FORM
                opened = case_open(
                    case=case,
                    title=self.case_title(case),
                    info_clause=current_information_clause(self.form_key),
                    submission_token=token,
                    on_open=self.on_open,
                    tracking_url_for=lambda opened: tracking_url(self.request, opened),
                )
                if opened.pk != case.pk:
                    # A concurrent double submit won: undo what build_case created for this one.
                    raise _DuplicateSubmission(opened)
            case = opened
        except _DuplicateSubmission as duplicate:
            case = duplicate.case
        except CaseWorkError as error:
            form.add_error(None, error.message)
            return self.render_form(form)
        return redirect("core:case_confirmation", token=case.register_entry.tracking_token)

    def form_context(self, form) -> dict:
        """The context of the form's page; a view (or a mixin such as `KeptUploadsMixin`) adds to it."""
        return {"form": form, "info_clause": current_information_clause(self.form_key)}

    def render_form(self, form):
        return render(self.request, self.template_name, self.form_context(form))


def case_received(request):
    """The neutral confirmation a filled honeypot gets: it reveals nothing and stores nothing."""
    return render(request, "core/case_received.html")


def _entry_for_token(token: str) -> CaseRegisterEntry:
    if len(token) > 64:
        raise Http404
    entry = get_object_or_404(CaseRegisterEntry.objects.select_related("content_type"), tracking_token=token)
    if entry.case is None:
        raise Http404
    return entry


def tracking_url(request, case) -> str:
    """The absolute private link to a case's tracking page."""
    return request.build_absolute_uri(
        reverse("core:case_tracking", kwargs={"token": case.register_entry.tracking_token})
    )


@never_cache
def case_confirmation(request, token):
    entry = _entry_for_token(token)
    tracking_url = request.build_absolute_uri(reverse("core:case_tracking", kwargs={"token": token}))
    response = render(
        request, "core/case_confirmation.html", {"entry": entry, "case": entry.case, "tracking_url": tracking_url}
    )
    return private_response(response)


class ApplicantReplyForm(PublicFormMixin):
    body = forms.CharField(
        label=_("Your message"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5, "maxlength": 5000}),
        error_messages={
            "required": _("Please write your message."),
            "max_length": _("The message may have at most %(limit_value)d characters (it has %(show_value)d)."),
        },
    )

    def clean_body(self):
        body = self.cleaned_data["body"].strip()
        reject_control_characters(body)
        return body


@never_cache
def case_tracking(request, token):
    """The applicant's private page: case mark, status with its history, messages and a reply form."""
    entry = _entry_for_token(token)
    case = entry.case
    form = ApplicantReplyForm()
    if request.method == "POST":
        if rate_limit_exceeded(request, "case_reply"):
            return private_response(render(request, "429.html", status=429))
        form = ApplicantReplyForm(request.POST)
        if form.is_valid():
            if not form.is_bot:
                case_message_add(case=case, body=form.cleaned_data["body"], author_kind=CaseMessage.Author.APPLICANT)
            return redirect(reverse("core:case_tracking", kwargs={"token": token}) + "#wiadomosci")
    content_type = ContentType.objects.get_for_model(type(case))
    workflow = getattr(type(case), "workflow", None)
    status_labels = dict(type(case)._meta.get_field(workflow.status_field).choices) if workflow else {}
    history = [
        {"at": change.created_at, "status": status_labels.get(change.to_status, change.to_status)}
        for change in StatusChange.objects.filter(content_type=content_type, object_id=case.pk).order_by("created_at")
    ]
    messages = CaseMessage.objects.filter(content_type=content_type, object_id=case.pk).order_by("created_at")
    documents = applicant_documents(content_type_id=content_type.pk, object_id=case.pk).order_by("created_at", "pk")
    context = {
        **applicant_changes.tracking_context(case, token),
        **case_fees.fee_context(case, token),
        "documents": documents,
        "entry": entry,
        "case": case,
        "status": status_labels.get(getattr(case, workflow.status_field)) if workflow else "",
        "public_link": case.tracking_public_link(),
        "tracking_actions": case.tracking_actions(token),
        "history": history,
        "case_messages": messages,
        "form": form,
        "is_closed": bool(getattr(case, "closed_at", None)),
    }
    return private_response(render(request, "core/case_tracking.html", context))
