"""The applicant changes their case after the department asked for changes, from the private tracking link.

One mechanism for every case type. A case model declares what its applicant may change and when:

    applicant_changes = ApplicantChanges(
        statuses={Status.CHANGES_REQUESTED},        # while the department waits for the changes
        resubmit="resubmit",                         # the transition that hands the case back to the clerk
        form="events.forms.SubmissionChangesForm",  # a CaseChangesForm subclass (dotted path: no import cycle)
    )

The tracking page then offers the form at `/sprawy/<token>/zmiany/`, filled in with the case as it is. Sending
it (`case_changes_send`) keeps both versions (`core.models.ApplicantChange`: the case as the form shows it before
and after), lets the app's form write the changes through the app's services, and performs the resubmit
transition, so the case is back in the clerk's queue with a row in its status history. The admin of such a case
lists every set of changes with what was sent first and what changed (`ApplicantChangeInline`).
"""

import datetime
from decimal import Decimal

from django import forms
from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache

from core.models import ApplicantChange, CaseMessage, StatusChange
from core.public_forms import (
    HONEYPOT_FIELD,
    TIMESTAMP_FIELD,
    PublicFormMixin,
    rate_limit_exceeded,
    reject_control_characters,
)
from core.services import CaseWorkError, case_message_add, transition_perform
from core.uploads import stash
from core.workflow import ApplicantChanges

EMPTY = "—"
COMMENT_MAX_LENGTH = 2000
FILES_SENT = _("Files sent with the changes")
UNCHANGED = _(
    "Nothing has been changed. Correct what the department asked for, or write to the department from the case "
    "page if you think nothing needs changing."
)


# DECLARATION
# ------------------------------------------------------------------------------
def changes_of(case) -> ApplicantChanges | None:
    return getattr(type(case), "applicant_changes", None)


# DESCRIBING A VERSION
# ------------------------------------------------------------------------------
def describe(field: forms.Field, value) -> str:
    """The text a person reads for `value` of a form field: a choice's label, "tak"/"nie", a Polish date."""
    if isinstance(field, forms.BooleanField):
        return gettext("yes") if value else gettext("no")
    if value is None or value == "" or value == [] or value == ():
        return EMPTY
    if isinstance(field, forms.ModelMultipleChoiceField):
        return ", ".join(str(obj) for obj in field.queryset.filter(pk__in=[getattr(v, "pk", v) for v in value]))
    if isinstance(field, forms.ModelChoiceField):
        obj = value if hasattr(value, "pk") else field.queryset.filter(pk=value).first()
        return str(obj) if obj is not None else EMPTY
    if isinstance(field, forms.MultipleChoiceField):
        labels = dict(field.choices)
        return ", ".join(str(labels.get(item, item)) for item in value)
    if isinstance(field, forms.ChoiceField):
        return str(dict(field.choices).get(value, value))
    if isinstance(value, datetime.datetime):
        return formats.date_format(timezone.localtime(value), "j E Y, H:i")
    if isinstance(value, datetime.date):
        return formats.date_format(value, "j E Y")
    if isinstance(value, Decimal):
        return formats.number_format(value, decimal_pos=2, use_l10n=True)
    return str(value).strip() or EMPTY


# THE FORM
# ------------------------------------------------------------------------------
class CaseChangesForm(PublicFormMixin):
    """Base of the form an applicant changes their case with (honeypot, time trap, an optional comment).

    A subclass adds the case's fields and says how to read them from the case (`initial_from`), what else a
    version shows (`extra_snapshot`: tables, files) and how to write them (`apply`, which calls the app's
    services). `template_name` is the partial with the fields, rendered inside the page's form with `form`;
    `Media` may name the stylesheets and scripts the partial needs.
    """

    template_name = ""
    multipart = False
    # Fields that are not part of the case (protection, the comment): left out of a version.
    NOT_IN_VERSION = (HONEYPOT_FIELD, TIMESTAMP_FIELD, "comment")

    comment = forms.CharField(
        label=_("What have you changed? (optional)"),
        required=False,
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": COMMENT_MAX_LENGTH}),
        help_text=_("A few words for the clerk; they go to the case's messages."),
    )

    def __init__(self, data=None, files=None, *, case, **kwargs):
        self.case = case
        kwargs.setdefault("initial", self.initial_from(case))
        super().__init__(data, files, **kwargs)

    def clean_comment(self):
        comment = self.cleaned_data.get("comment", "").strip()
        reject_control_characters(comment)
        return comment

    @classmethod
    def initial_from(cls, case) -> dict:
        """The form's values for `case` as it is now."""
        raise NotImplementedError

    def apply(self, case) -> None:
        """Write the cleaned values into `case` (locked, in the transaction of `case_changes_send`)."""
        raise NotImplementedError

    def after_change(self, case) -> None:
        """Runs once the change is recorded (same transaction), e.g. to render the document again."""

    def files_sent(self) -> list[str]:
        """The names of the files sent with this form (validated uploads of its file fields)."""
        names = []
        for name, field in self.fields.items():
            if not isinstance(field, forms.FileField):
                continue
            value = self.cleaned_data.get(name)
            for upload in value if isinstance(value, list) else [value] if value else []:
                names.append(getattr(getattr(upload, "upload", None), "original_name", "") or str(EMPTY))
        return names

    @classmethod
    def extra_snapshot(cls, case) -> list[tuple[str, str, str]]:
        """Rows of a version the form's fields do not give (tables, files): (key, label, text)."""
        return []

    @classmethod
    def snapshot(cls, case) -> list[list[str]]:
        """The case as this form shows it: [key, label, text] for every field, then the extra rows."""
        form = cls(case=case)
        rows = [
            [name, str(field.label), describe(field, form.get_initial_for_field(field, name))]
            for name, field in form.fields.items()
            if name not in cls.NOT_IN_VERSION
            and not isinstance(field.widget, forms.HiddenInput)
            and not isinstance(field, forms.FileField)
        ]
        rows.extend([key, str(label), text] for key, label, text in cls.extra_snapshot(case))
        return rows


# SERVICE
# ------------------------------------------------------------------------------
def case_changes_send(*, case, form: CaseChangesForm) -> ApplicantChange:
    """Apply the applicant's changes to `case`, keep both versions and hand the case back to the clerk.

    Preconditions: `form` is valid and the model declares `applicant_changes` allowing changes now (checked
    on the locked row; otherwise CaseWorkError "changes_not_expected"). Effects, in one transaction: the
    form's `apply` writes the changes through the app's services; one ApplicantChange keeps the version
    before and after (files sent with the changes are a row of their own); the form's `after_change` runs;
    the comment, if any, becomes the applicant's message; the declared resubmit
    transition puts the case back in the clerk's queue with a StatusChange. Sending nothing new is refused
    ("unchanged") and changes nothing.
    """
    model = type(case)
    declaration = changes_of(case)
    if declaration is None:
        raise CaseWorkError(gettext("This case cannot be changed from the tracking page."), code="no_changes")
    with transaction.atomic():
        locked = model._default_manager.select_for_update().get(pk=case.pk)
        if not declaration.allows(locked):
            raise CaseWorkError(
                gettext("The department is not waiting for changes in this case now."), code="changes_not_expected"
            )
        before = form.snapshot(locked)
        sent = form.files_sent()
        if sent:
            # A file is a change of its own, whatever the fields say (e.g. the missing signed declaration).
            before.append(["files_sent", str(FILES_SENT), EMPTY])
        form.apply(locked)
        changed = model._default_manager.get(pk=case.pk)
        after = form.snapshot(changed)
        if sent:
            after.append(["files_sent", str(FILES_SENT), ", ".join(sent)])
        if after == before:
            raise CaseWorkError(str(UNCHANGED), code="unchanged")
        change = ApplicantChange.objects.create(
            content_type=ContentType.objects.get_for_model(model), object_id=case.pk, before=before, after=after
        )
        form.after_change(changed)
        comment = form.cleaned_data.get("comment", "")
        if comment:
            case_message_add(case=changed, body=comment, author_kind=CaseMessage.Author.APPLICANT)
        transition_perform(
            obj=changed, name=declaration.resubmit, acting_user=None, note=gettext("Changes sent by the applicant.")
        )
    return change


def changes_requested_note(case, declaration: ApplicantChanges) -> str:
    """The clerk's note of the latest move into a status that waits for changes (what the department asked)."""
    change = (
        StatusChange.objects.filter(
            content_type=ContentType.objects.get_for_model(type(case)),
            object_id=case.pk,
            to_status__in=declaration.statuses,
        )
        .order_by("-created_at", "-pk")
        .first()
    )
    return change.note if change else ""


def tracking_context(case, token: str) -> dict:
    """What the tracking page shows about changes: the link to the form while the department waits for them."""
    declaration = changes_of(case)
    if declaration is None or not declaration.allows(case):
        return {}
    return {
        "changes_url": reverse("core:case_changes", kwargs={"token": token}),
        "changes_label": declaration.label,
        "changes_note": changes_requested_note(case, declaration),
    }


# VIEW
# ------------------------------------------------------------------------------
@never_cache
def case_changes(request, token):
    """The applicant's form for changing their case, reached from the tracking page's private link."""
    from core.public_cases import _entry_for_token, private_response

    entry = _entry_for_token(token)
    case = entry.case
    declaration = changes_of(case)
    if declaration is None:
        raise Http404
    tracking = reverse("core:case_tracking", kwargs={"token": token})
    if not declaration.allows(case):
        messages.info(request, gettext("The department is not waiting for changes in this case now."))
        return redirect(tracking)
    form_class = declaration.form_class()
    if request.method == "POST":
        if rate_limit_exceeded(request, "case_changes"):
            return private_response(render(request, "429.html", status=429))
        # With the files kept from the send that showed the form again (core.uploads.stash).
        form = form_class(request.POST, stash.restore(request), case=case)
        if form.is_valid():
            if form.is_bot:
                return redirect(tracking)
            try:
                case_changes_send(case=case, form=form)
            except CaseWorkError as error:
                form.add_error(None, error.message)
            else:
                stash.discard(request)
                messages.success(
                    request, gettext("Your changes have been sent. The department will look at them again.")
                )
                return redirect(tracking)
    else:
        form = form_class(case=case)
    context = {
        "entry": entry,
        "case": case,
        "form": form,
        "label": declaration.label,
        "note": changes_requested_note(case, declaration),
        "tracking_url": tracking,
        **stash.kept_files_context(form, request),
    }
    return private_response(render(request, "core/case_changes.html", context))
