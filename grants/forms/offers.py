"""The offer form (annex 1 to Dz.U. 2018 poz. 2057) with its three tables, and the public comment on a small grant.

The offer is one public form in the order of the statutory sections; the schedule, the results and the cost
table are formsets with a fixed number of rows (empty rows are ignored), so it works without JavaScript.
Server-side, every amount is a Decimal and the arithmetic comes from grants.rules.
"""

from decimal import Decimal

from django import forms
from django.core.validators import MinValueValidator
from django.utils.translation import gettext_lazy as _

from core.public_cases import PublicCaseForm
from core.public_forms import PublicFormMixin, reject_control_characters
from core.uploads import MultipleValidatedFileField
from grants.models import GrantOffer, OfferCostLine
from grants.services import offer_cost_summary, small_grant_offer_problems

#: Files an offeror may attach to one offer [K: the city's rules of the competition].
OFFER_MAX_ATTACHMENTS = 5

#: The simplified offer of a small grant (annex 1 to Dz.U. 2018 poz. 2055) asks for the offeror, the task with its
#: place, description and expected results, the estimated costs with their sources and the declarations. Not
#: asked there: the offeror's characteristics (experience, resources), payments from recipients and the other
#: information of the full form, nor its schedule and results tables [K: the annex's field list was not found in
#: a readable source (DOMAIN.md §C.2); read as the shorter form, which asks the applicant less].
SMALL_GRANT_OFFER_OMITTED = ("experience", "resources", "recipient_fees", "paid_activity", "other_information")

ACTION_ROWS = 5
RESULT_ROWS = 3
COST_ROWS = 8
MAX_TEXT = 4000
MONEY_MAX = Decimal("9999999999.99")
# A date input holds ISO dates (what the browser sends); a saved offer shown again must render the same way.
DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


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


class OfferFieldsForm(forms.Form):
    """Sections II–VI of the offer: the offeror, the task, the offeror's resources and funding.

    Shared by the offer form and the form that completes an offer the department called to complete.
    """

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
    start_date = forms.DateField(label=_("Start of the task"), widget=DATE_WIDGET)
    end_date = forms.DateField(label=_("End of the task"), widget=DATE_WIDGET)
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
        if self.small_grant:
            for name in SMALL_GRANT_OFFER_OMITTED:
                del self.fields[name]
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

    @property
    def small_grant(self) -> bool:
        """A small grant (no call) is sent on the simplified offer (annex 1 to Dz.U. 2018 poz. 2055)."""
        return self.call is None

    def offer_fields(self) -> dict:
        data = {name: self.cleaned_data.get(name) for name in self.OFFER_FIELDS}
        data["website"] = data.pop("homepage") or ""
        for name in ("own_financial", "own_personal", "own_material", "recipient_fees"):
            data[name] = data[name] or Decimal(0)
        for name in (
            "correspondence_address",
            "phone",
            "contact_phone",
            "partners",
            "other_information",
            "experience",
            "resources",
        ):
            data[name] = data[name] or ""
        data["paid_activity"] = bool(data["paid_activity"])
        return data


class OfferForm(PublicCaseForm, OfferFieldsForm):
    """Sections II–VII of the offer: the offeror, the task, the offeror's resources, funding and declarations."""

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


# Checking the whole offer -----------------------------------------------------------------------------------------

PROBLEM_TARGETS = {"subsidy": "requested_amount", "own_financial": "own_financial", "end_date": "end_date"}


def _table_error(formset, form, field, message):
    """An error about a whole table: on its first row, or on the form when a tampered POST sent no rows."""
    if formset.forms:
        formset.forms[0].add_error(field, message)
    else:
        form.add_error(None, message)


def offer_validate(form, actions, results, costs):
    """Validate the whole offer; put each arithmetic problem on the field or row it is about.

    Returns the cost summary when the offer is right, None otherwise. Reads `form.errors` rather than calling
    `form.is_valid()`, so a form may run this from its own `is_valid` (OfferChangesForm).
    """
    form_valid = form.is_bound and not form.errors
    valid = all([form_valid, actions.is_valid(), results.is_valid(), costs.is_valid()])
    # The simplified offer of a small grant has no schedule or results tables (SMALL_GRANT_OFFER_OMITTED).
    if not form.small_grant and not actions.filled_rows() and actions.is_valid():
        _table_error(actions, form, "name", str(_("Describe at least one action of the task.")))
        valid = False
    if not form.small_grant and not results.filled_rows() and results.is_valid():
        _table_error(results, form, "name", str(_("Describe at least one result of the task.")))
        valid = False
    if not costs.is_valid() or not form_valid:
        return None
    rows = costs.filled_rows()
    # Taken before the problems are added: add_error() drops a field from cleaned_data.
    cleaned = dict(form.cleaned_data)
    summary = offer_cost_summary(call=form.call, costs=rows, funding=cleaned)
    filled_forms = [f for f in costs.forms if f.has_changed() and f.cleaned_data]
    for problem in summary.problems:
        if problem.where.startswith("costs-") and problem.where.endswith("-declared_total"):
            index = int(problem.where.split("-")[1])
            filled_forms[index].add_error("total", problem.message)
        elif problem.where.startswith("costs-"):
            filled_forms[int(problem.where.split("-")[1])].add_error("unit_cost", problem.message)
        elif problem.where == "costs":
            _table_error(costs, form, "name", problem.message)
        elif problem.where in PROBLEM_TARGETS:
            form.add_error(PROBLEM_TARGETS[problem.where], problem.message)
        else:
            form.add_error("requested_amount", problem.message)
    if form.call is None and cleaned.get("start_date") and cleaned.get("end_date"):
        # A small grant: u.d.p.p. art. 19a ust. 1 and the organisation's yearly 20 000 zł (ust. 6), checked as
        # the offer is sent against every small grant the city has made to it, so it is not refused later.
        small = small_grant_offer_problems(
            register_number=cleaned.get("register_number", ""),
            amount=cleaned.get("requested_amount") or Decimal(0),
            start=cleaned["start_date"],
            end=cleaned["end_date"],
        )
        for problem in small:
            form.add_error(PROBLEM_TARGETS.get(problem.where, "requested_amount"), problem.message)
    return summary if valid and not summary.problems and not form.errors else None


class CommentForm(PublicFormMixin):
    author_name = forms.CharField(label=_("Your name or the name of your organisation"), max_length=200)
    text = forms.CharField(
        label=_("Comment"), max_length=5000, widget=forms.Textarea(attrs={"rows": 5, "maxlength": 5000})
    )
