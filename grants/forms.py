"""The offer form (annex 1 to Dz.U. 2018 poz. 2057) with its three tables, and the committee's forms.

The offer is one public form in the order of the statutory sections; the schedule, the results and the cost
table are formsets with a fixed number of rows (empty rows are ignored), so it works without JavaScript.
Server-side, every amount is a Decimal and the arithmetic comes from grants.rules.
"""

from decimal import Decimal

from django import forms
from django.core.validators import MinValueValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.public_cases import PublicCaseForm
from core.public_forms import PublicFormMixin, reject_control_characters
from core.uploads import MultipleValidatedFileField
from grants import rules
from grants.models import GrantAgreement, GrantCall, GrantOffer, GrantSettlement, OfferCostLine

#: Files an offeror may attach to one offer [K: the city's rules of the competition].
OFFER_MAX_ATTACHMENTS = 5

ACTION_ROWS = 5
RESULT_ROWS = 3
COST_ROWS = 8
MAX_TEXT = 4000
MONEY_MAX = Decimal("9999999999.99")


def money_field(label, *, required=False, help_text=""):
    return forms.DecimalField(
        label=label,
        required=required,
        min_value=Decimal(0),
        max_value=MONEY_MAX,
        max_digits=12,
        decimal_places=2,
        help_text=help_text,
        localize=True,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off", "data-money": ""}),
        error_messages={
            "invalid": _("Enter an amount in złoty, e.g. 1250,50."),
            "max_decimal_places": _("Give the amount to the grosz: at most 2 digits after the comma."),
            "min_value": _("The amount cannot be negative."),
        },
    )


def text_field(label, *, required=True, max_length=MAX_TEXT, rows=4, help_text=""):
    return forms.CharField(
        label=label,
        required=required,
        max_length=max_length,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": rows, "maxlength": max_length}),
    )


class OfferForm(PublicCaseForm):
    """Sections II–VII of the offer: the offeror, the task, the offeror's resources, funding and declarations."""

    # II. Dane oferenta
    organisation_name = forms.CharField(label=_("Name of the offeror"), max_length=300)
    legal_form = forms.ChoiceField(label=_("Legal form"), choices=[("", "—"), *GrantOffer.LegalForm.choices])
    register_number = forms.CharField(
        label=_("Number in the KRS or another register"), max_length=50, help_text=_("E.g. KRS 0000123456.")
    )
    address = forms.CharField(label=_("Registered office address"), max_length=300)
    correspondence_address = forms.CharField(
        label=_("Address for correspondence"), max_length=300, required=False, help_text=_("If different.")
    )
    # Not "website": that name is the honeypot of every public form (core.public_forms).
    homepage = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    email = forms.EmailField(label=_("E-mail of the offeror"), help_text=_("We send the receipt here."))
    phone = forms.CharField(label=_("Phone of the offeror"), max_length=30, required=False)
    contact_name = forms.CharField(label=_("Person authorised to explain the offer"), max_length=200)
    contact_phone = forms.CharField(label=_("Phone of that person"), max_length=30, required=False)
    contact_email = forms.EmailField(label=_("E-mail of that person"))
    is_joint = forms.BooleanField(label=_("This is a joint offer of several organisations"), required=False)
    partners = text_field(_("Other offerors of a joint offer"), required=False, rows=2)
    # III. Opis zadania
    title = forms.CharField(label=_("Title of the public task"), max_length=300)
    start_date = forms.DateField(label=_("Start of the task"), widget=forms.DateInput(attrs={"type": "date"}))
    end_date = forms.DateField(label=_("End of the task"), widget=forms.DateInput(attrs={"type": "date"}))
    place = forms.CharField(label=_("Place of the task"), max_length=300)
    description = text_field(
        _("Summary of the task"), help_text=_("Target group, the need it meets, how it complements other work.")
    )
    expected_results = text_field(_("Expected results"))
    # IV. Charakterystyka oferenta
    experience = text_field(_("Previous activity of the offeror"))
    resources = text_field(_("Staff, material and financial resources"))
    # V.B Źródła finansowania
    requested_amount = money_field(_("Subsidy asked for"), required=True)
    own_financial = money_field(_("Own financial contribution"))
    own_personal = money_field(_("Own non-financial contribution: personal (volunteers, members' work)"))
    own_material = money_field(_("Own non-financial contribution: material"))
    recipient_fees = money_field(_("Payments from recipients"))
    # VI. Inne informacje
    paid_activity = forms.BooleanField(label=_("The task is carried out for a fee"), required=False)
    other_information = text_field(_("Other information relevant to the evaluation"), required=False)
    # VII. Oświadczenia
    statement_public_benefit = forms.BooleanField(
        label=_("The task is carried out only within the offeror's public-benefit activity.")
    )
    statement_no_arrears = forms.BooleanField(label=_("The offeror has no arrears of taxes or social insurance."))
    statement_register = forms.BooleanField(label=_("The data agree with the KRS or the relevant register."))
    statement_truth = forms.BooleanField(label=_("All information in the offer is true."))
    statement_gdpr = forms.BooleanField(
        label=_("The persons whose data are in the offer have been informed as data-protection law requires.")
    )
    # Annexes and statutory declarations signed on paper (annex 1 to Dz.U. 2018 poz. 2057, section VII).
    attachments = MultipleValidatedFileField(
        label=_("Attachments: signed declarations and annexes"),
        required=False,
        max_files=OFFER_MAX_ATTACHMENTS,
        help_text=_(
            "Up to 5 files: PDF, JPEG or PNG. Attachments are not kept with a saved draft: "
            "add them when you submit the offer."
        ),
    )

    OFFER_FIELDS = (
        "organisation_name",
        "legal_form",
        "register_number",
        "address",
        "correspondence_address",
        "homepage",
        "email",
        "phone",
        "contact_name",
        "contact_phone",
        "contact_email",
        "is_joint",
        "partners",
        "title",
        "start_date",
        "end_date",
        "place",
        "description",
        "expected_results",
        "experience",
        "resources",
        "requested_amount",
        "own_financial",
        "own_personal",
        "own_material",
        "recipient_fees",
        "paid_activity",
        "other_information",
    )

    def __init__(self, *args, call=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.call = call
        for field in self.fields.values():
            if isinstance(field, forms.CharField) and not isinstance(field.widget, forms.HiddenInput):
                field.validators.append(reject_control_characters)

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_date"), cleaned.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("The task cannot end before it starts."))
        if self.call is not None and start and end:
            if start < self.call.implementation_from or end > self.call.implementation_to:
                self.add_error(
                    "end_date",
                    _("The task must take place between %(start)s and %(end)s, as the call says.")
                    % {
                        "start": self.call.implementation_from.strftime("%d.%m.%Y"),
                        "end": self.call.implementation_to.strftime("%d.%m.%Y"),
                    },
                )
        if cleaned.get("is_joint") and not cleaned.get("partners", "").strip():
            self.add_error("partners", _("Name the other offerors of the joint offer."))
        return cleaned

    def offer_fields(self) -> dict:
        data = {name: self.cleaned_data.get(name) for name in self.OFFER_FIELDS}
        data["website"] = data.pop("homepage") or ""
        for name in ("own_financial", "own_personal", "own_material", "recipient_fees"):
            data[name] = data[name] or Decimal(0)
        for name in ("correspondence_address", "phone", "contact_phone", "partners", "other_information"):
            data[name] = data[name] or ""
        return data


class RowForm(forms.Form):
    """A row of a table in the offer: every input is labelled by its column header and its row header."""

    table = ""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            field.widget.attrs["aria-labelledby"] = f"{self.table}-col-{name} {self.prefix}-row"
            if isinstance(field, forms.CharField):
                field.validators.append(reject_control_characters)

    @property
    def row_number(self) -> int:
        return int(self.prefix.rsplit("-", 1)[-1]) + 1


class ActionForm(RowForm):
    table = "actions"
    name = forms.CharField(label=_("Name of the action"), max_length=300)
    description = forms.CharField(label=_("Description"), max_length=2000, required=False)
    target_group = forms.CharField(label=_("Target group"), max_length=300, required=False)
    planned_period = forms.CharField(label=_("Planned dates"), max_length=200)
    partner_scope = forms.CharField(label=_("Part done by a non-party"), max_length=300, required=False)


class ResultForm(RowForm):
    table = "results"
    name = forms.CharField(label=_("Result"), max_length=300)
    target_value = forms.CharField(label=_("Planned level"), max_length=200)
    monitoring = forms.CharField(label=_("How it is monitored"), max_length=300)


class CostLineForm(RowForm):
    table = "costs"
    category = forms.ChoiceField(label=_("Category"), choices=OfferCostLine.Category.choices)
    name = forms.CharField(label=_("Kind of cost"), max_length=300)
    unit = forms.CharField(label=_("Unit of measure"), max_length=50)
    unit_cost = money_field(_("Unit cost"), required=True)
    units = forms.DecimalField(
        label=_("Number of units"),
        min_value=Decimal("0.01"),
        max_digits=10,
        decimal_places=2,
        localize=True,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off", "data-units": ""}),
        validators=[MinValueValidator(Decimal("0.01"))],
        error_messages={"invalid": _("Enter a number, e.g. 12 or 2,5.")},
    )
    total = money_field(_("Total"), help_text=_("Leave empty to compute."))

    def has_changed(self):
        # The category has a default: a row counts as filled only when something else is typed in.
        return any(self.data.get(self.add_prefix(name), "").strip() for name in self.fields if name != "category")


class BaseRowFormSet(forms.BaseFormSet):
    def filled_rows(self) -> list[dict]:
        return [form.cleaned_data for form in self.forms if form.has_changed() and form.cleaned_data]


def _formset(form, rows, *, min_num):
    return forms.formset_factory(
        form, formset=BaseRowFormSet, extra=rows, max_num=rows, absolute_max=rows, min_num=0, validate_min=False
    )


ActionFormSet = _formset(ActionForm, ACTION_ROWS, min_num=1)
ResultFormSet = _formset(ResultForm, RESULT_ROWS, min_num=1)
CostFormSet = _formset(CostLineForm, COST_ROWS, min_num=1)


class ImpartialityForm(forms.Form):
    has_conflict = forms.TypedChoiceField(
        label=_("Declaration of impartiality"),
        choices=[
            ("no", _("I declare that there is no circumstance that could raise doubts about my impartiality.")),
            ("yes", _("I declare a conflict of interest and will not score this offer.")),
        ],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )


class ScoreForm(forms.Form):
    """Points for every merit criterion of the call; built from the criteria."""

    def __init__(self, *args, criteria=(), **kwargs):
        super().__init__(*args, **kwargs)
        for criterion in criteria:
            self.fields[f"criterion_{criterion.pk}"] = forms.DecimalField(
                label=criterion.name,
                min_value=Decimal(0),
                max_value=Decimal(criterion.max_points),
                decimal_places=2,
                max_digits=5,
                localize=True,
                help_text=_("0 to %(max)d points") % {"max": criterion.max_points},
                widget=forms.TextInput(attrs={"inputmode": "decimal"}),
            )

    def points(self) -> dict[int, Decimal]:
        return {int(name.removeprefix("criterion_")): value for name, value in self.cleaned_data.items()}


class CommentForm(PublicFormMixin):
    author_name = forms.CharField(label=_("Your name or the name of your organisation"), max_length=200)
    text = forms.CharField(
        label=_("Comment"), max_length=5000, widget=forms.Textarea(attrs={"rows": 5, "maxlength": 5000})
    )


# ------------------------------------------------------------------------------------------------------------------
# Clerks' forms in the admin: they only collect input; the services decide (grants.services)
# ------------------------------------------------------------------------------------------------------------------


class CallAdminForm(forms.ModelForm):
    """A call on the clerk's screen. Once published, its dates keep the 21 days of u.d.p.p. art. 13 ust. 1.

    Publishing checks the offers deadline against the last announcement (`services.call_published`); a later
    change of the deadline or of an announcement date is checked by the same rule, so the deadline may move
    later but never below 21 days after the last announcement, and no announcement date may be removed.
    """

    class Meta:
        model = GrantCall
        fields = [
            "title",
            "slug",
            "year",
            "task_type",
            "mode",
            "budget",
            "rules",
            "previous_year_info",
            "max_subsidy",
            "min_own_percent",
            "max_admin_percent",
            "implementation_from",
            "implementation_to",
            "offers_deadline",
            "selection_date",
            "published_bip_on",
            "published_board_on",
            "published_web_on",
        ]

    def clean(self):
        data = super().clean()
        published = self.instance.pk is not None and self.instance.status != GrantCall.Status.DRAFT
        deadline = data.get("offers_deadline")
        if published and deadline is not None and not self.has_error("offers_deadline"):
            error = rules.call_offers_deadline_error(
                announcements=[
                    data.get(name) for name in ("published_bip_on", "published_board_on", "published_web_on")
                ],
                offers_deadline=timezone.localdate(deadline),
            )
            if error:
                self.add_error("offers_deadline", error)
        return data


class AgreementSignForm(forms.ModelForm):
    """The terms of an agreement to sign (u.d.p.p. art. 16); `services.agreement_sign` checks and signs it."""

    class Meta:
        model = GrantAgreement
        fields = ["offer", "number", "signed_on", "bank_account", "budget_updated", "use_deadline"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["offer"].queryset = GrantOffer.objects.filter(
            status=GrantOffer.Status.GRANTED, agreement__isnull=True
        ).select_related("call")
        self.fields["use_deadline"].required = False
        self.fields["use_deadline"].help_text = _(
            "Leave empty for the end of the task; at the latest 31 December of the budget year (u.f.p. art. 250)."
        )


class SettlementRecordForm(forms.ModelForm):
    """The amounts of a settlement (u.f.p. art. 251–252); `services.settlement_record` computes the rest."""

    class Meta:
        model = GrantSettlement
        fields = ["agreement", "used_amount", "misused_amount", "undue_amount", "found_on"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agreement"].queryset = GrantAgreement.objects.filter(settlement__isnull=True)


class SettlementReturnForm(forms.ModelForm):
    """The return of the amounts due; `services.settlement_return_record` computes the interest."""

    class Meta:
        model = GrantSettlement
        fields = ["returned_amount", "returned_on", "decision_number"]

    def clean(self):
        data = super().clean()
        if "returned_amount" in self.changed_data and not data.get("returned_on"):
            self.add_error("returned_on", _("Give the day of the return."))
        return data
