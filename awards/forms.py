"""The public scholarship application and award nomination forms (u.o.p.d.k. art. 7a, 7b; DOMAIN.md §D.2, §D.3)."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from awards.models import COMMITTEE_MAX_POINTS, AwardApplication
from awards.services import REPORT_MAX_ATTACHMENTS, requested_amount_error
from core.applicant_changes import CaseChangesForm
from core.committee import forms as committee_forms
from core.fieldsets import Fieldset, FieldsetsFormMixin, fieldset_fields
from core.public_cases import PublicCaseForm
from core.public_forms import PublicFormMixin, TelInput, clean_phone_number, reject_control_characters_in
from core.uploads import MultipleValidatedFileField

TEXT_FIELDS = (
    "submitter_name",
    "phone",
    "candidate_name",
    "candidate_address",
    "category",
    "project_title",
    "programme",
    "achievements",
    "justification",
)
#: Diplomas, publications, samples of work of the last 3 years (DOMAIN.md §D.2 [V Cieszyn, Częstochowa]).
MAX_DOCUMENTATION_FILES = 10
DOCUMENTATION_FIELDSET = Fieldset(
    _("Documentation"),
    ("documentation",),
    _("Diplomas, publications, reviews, samples of work of the last three years (PDF or pictures)."),
)


class ApplicationFieldsForm(FieldsetsFormMixin, forms.ModelForm):
    """The fields of a scholarship application or award nomination, shaped by `call`, the call it is sent to.

    A scholarship (u.o.p.d.k. art. 7b) asks for the project, its period and the amount within the resolution's cap;
    an award nomination (art. 7a) for the category, by an entity the resolution allows. The fields of art are the
    resolution's; the kind of scholarship is asked only where the resolution caps periodic and one-off scholarships
    apart. The public form and the applicant's completion from the tracking link both build on it.
    """

    documentation = MultipleValidatedFileField(
        label=_("Documentation of achievements"), required=False, max_files=MAX_DOCUMENTATION_FILES
    )

    SCHOLARSHIP_REQUIRED = {
        "project_title": _("Enter the title of the project."),
        "programme": _("Describe the programme of work for the scholarship period."),
        "period_from": _("Enter when the scholarship period starts."),
        "period_to": _("Enter when the scholarship period ends."),
        "requested_amount": _("Enter the amount requested."),
    }

    class Meta:
        model = AwardApplication
        fields = fieldset_fields(AwardApplication.APPLICANT_FIELDSETS)
        help_texts = {
            "email": _("We will write to this address about the application."),
            "phone": _("Optional."),
            "candidate_address": _("Optional; kept by the department only, never published."),
        }
        widgets = {
            "submitter_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "phone": TelInput(attrs={"autocomplete": "tel"}),
            "programme": forms.Textarea(attrs={"rows": 6, "maxlength": 5000}),
            "achievements": forms.Textarea(attrs={"rows": 6, "maxlength": 5000}),
            "justification": forms.Textarea(attrs={"rows": 4, "maxlength": 5000}),
            "period_from": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "period_to": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }
        error_messages = {
            "submitter_name": {"required": _("Enter your name or the name of the institution.")},
            "email": {"required": _("Enter your e-mail address."), "invalid": _("Enter a valid e-mail address.")},
            "candidate_name": {"required": _("Enter the candidate's first name and surname.")},
            "field_of_art": {"required": _("Choose the field of art.")},
            "achievements": {"required": _("Describe the candidate's achievements.")},
            "justification": {"required": _("Write the justification.")},
            "requested_amount": {"invalid": _("Enter the amount as a number, e.g. 5000 or 5000,00.")},
            "scholarship_type": {"required": _("Choose the kind of scholarship.")},
        }

    def __init__(self, *args, call, **kwargs):
        super().__init__(*args, **kwargs)
        self.call = call
        if not (call.is_scholarship and call.distinguishes_scholarship_types):
            self.fields.pop("scholarship_type", None)
        names = set(fieldset_fields(self.get_fieldsets()))
        for name in list(self.fields):
            if name in self._meta.fields and name not in names:
                del self.fields[name]
        self.fields["field_of_art"].choices = [("", "---------"), *call.field_of_art_choices()]
        submitter_kinds = AwardApplication.SubmitterKind
        if call.is_scholarship:
            for name, message in self.SCHOLARSHIP_REQUIRED.items():
                self.fields[name].required = True
                self.fields[name].error_messages["required"] = message
            if "scholarship_type" in self.fields:
                self.fields["scholarship_type"].required = True
            left_out = submitter_kinds.COUNCIL_COMMITTEE
        else:
            # DOMAIN.md §D.3: the council's culture committee, cultural institutions, artists' associations and
            # other entities running cultural activity nominate [V Jastrzębie]; a candidate does not nominate
            # themself.
            left_out = submitter_kinds.SELF
            self.fields["submitter_kind"].initial = submitter_kinds.INSTITUTION
            self.fields["submitter_name"].help_text = _("The name of the institution, organisation or committee.")
            self.fields["category"].required = True
            self.fields["category"].error_messages["required"] = _("Enter the award category.")
        self.fields["submitter_kind"].choices = [
            (value, label) for value, label in submitter_kinds.choices if value != left_out
        ]

    def get_fieldsets(self):
        declared = (
            AwardApplication.SCHOLARSHIP_FIELDSETS if self.call.is_scholarship else AwardApplication.AWARD_FIELDSETS
        )
        return tuple(
            Fieldset(
                fieldset.legend, tuple(name for name in fieldset.fields if name in self.fields), fieldset.description
            )
            for fieldset in (*declared, DOCUMENTATION_FIELDSET)
        )

    def clean_phone(self):
        return clean_phone_number(self.cleaned_data.get("phone"))

    def clean(self):
        cleaned = super().clean()
        reject_control_characters_in(self, [name for name in TEXT_FIELDS if name in self.fields])
        if self.call.is_scholarship:
            start, end = cleaned.get("period_from"), cleaned.get("period_to")
            if start and end and end < start:
                self.add_error("period_to", _("The period cannot end before it starts."))
            error = requested_amount_error(
                self.call, cleaned.get("requested_amount"), cleaned.get("scholarship_type") or ""
            )
            if error and "requested_amount" not in self.errors:
                self.add_error("requested_amount", error)
        return cleaned


class AwardApplicationForm(PublicCaseForm, ApplicationFieldsForm):
    """The public scholarship application (u.o.p.d.k. art. 7b) or award nomination (art. 7a) of a call."""


class ApplicationCompletionForm(CaseChangesForm, ApplicationFieldsForm):
    """The applicant completes the application the department called to complete, from the tracking link.

    The whole application comes filled in as sent and is checked again as on submission (the resolution's cap
    and fields of art included); more documentation may be added (core.applicant_changes: sending it performs
    "completed", so the case is back among the submitted ones with a row in its history).
    """

    template_name = "awards/includes/completion_fields.html"
    multipart = True

    def __init__(self, data=None, files=None, *, case, **kwargs):
        super().__init__(data, files, case=case, call=case.call, **kwargs)

    @classmethod
    def initial_from(cls, case) -> dict:
        return {name: getattr(case, name) for name in ApplicationFieldsForm._meta.fields}

    def apply(self, case) -> None:
        from awards.services import application_complete

        application_complete(
            application=case,
            fields={name: self.cleaned_data[name] for name in self._meta.fields if name in self.fields},
            documentation=self.cleaned_data.get("documentation") or [],
        )


class ScholarReportForm(FieldsetsFormMixin, PublicFormMixin):
    """The scholar's report after the period (DOMAIN.md §D.2), filed from the case's private link."""

    report_text = forms.CharField(
        label=_("How the programme of the scholarship was carried out"),
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 10, "maxlength": 10000}),
        help_text=_(
            "The goal and the plan of the programme as carried out, the works made and where they were shown, and "
            "the reasons for any difference from the application."
        ),
        error_messages={"required": _("Describe how the programme was carried out.")},
    )
    attachments = MultipleValidatedFileField(
        label=_("Attachments"),
        required=False,
        max_files=REPORT_MAX_ATTACHMENTS,
        help_text=_("Up to 5 files: PDF, JPEG or PNG (e.g. photographs, programmes, reviews)."),
    )
    fieldsets = (Fieldset(_("The report"), ("report_text", "attachments")),)

    def clean(self):
        cleaned = super().clean()
        reject_control_characters_in(self, ("report_text",))
        return cleaned


# The committee's panel --------------------------------------------------------------------------------------------


class ImpartialityForm(committee_forms.ImpartialityForm):
    """The kernel's declaration of impartiality (k.p.a. art. 24), worded for an application."""

    conflict_label = _("I declare a conflict of interest and will not score this application.")


class CommitteeScoreForm(forms.Form):
    """A member's points on the committee's scale and the opinion on one application."""

    points = forms.DecimalField(
        label=_("Points"),
        min_value=Decimal(0),
        max_value=Decimal(COMMITTEE_MAX_POINTS),
        decimal_places=2,
        max_digits=5,
        localize=True,
        help_text=_("0 to %(max)d points") % {"max": COMMITTEE_MAX_POINTS},
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
    )
    opinion = forms.CharField(
        label=_("Opinion"),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("What speaks for and against the application; the clerk and the Mayor read it."),
    )
