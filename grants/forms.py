"""The offer form (annex 1 to Dz.U. 2018 poz. 2057) with its three tables, and the committee's forms.

The offer is one public form in the order of the statutory sections; the schedule, the results and the cost
table are formsets with a fixed number of rows (empty rows are ignored), so it works without JavaScript.
Server-side, every amount is a Decimal and the arithmetic comes from grants.rules.
"""

from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.applicant_changes import EMPTY, CaseChangesForm, describe
from core.public_cases import PublicCaseForm
from core.public_forms import PublicFormMixin, reject_control_characters
from core.uploads import MultipleValidatedFileField
from grants import rules, selectors
from grants.models import CommitteeMember, GrantAgreement, GrantCall, GrantOffer, GrantSettlement, OfferCostLine
from grants.services import offer_cost_summary

#: Files an offeror may attach to one offer [K: the city's rules of the competition].
OFFER_MAX_ATTACHMENTS = 5

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
    if not actions.filled_rows() and actions.is_valid():
        _table_error(actions, form, "name", str(_("Describe at least one action of the task.")))
        valid = False
    if not results.filled_rows() and results.is_valid():
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
    if form.call is None:
        small = rules.small_grant_problems(
            amount=cleaned["requested_amount"],
            start=cleaned["start_date"],
            end=cleaned["end_date"],
            organisation_year_total=0,
            year_pool_planned=None,
            year_small_grants_total=0,
        )
        for problem in small:
            if problem.where == "end_date":
                form.add_error("end_date", problem.message)
    return summary if valid and not summary.problems and not form.errors else None


# Completing an offer after the department's call ------------------------------------------------------------------

_NOT_CHECKED = object()


def _prefilled(formset_class, rows: list[dict], *, prefix: str):
    """An unbound table whose first rows show `rows`, sent back as new rows (as the offer form's own are).

    Rows given as the formset's `initial` would come back as "initial forms", which Django validates
    differently (no empty row allowed) from the rows of a new offer.
    """

    class Prefilled(formset_class):
        def initial_form_count(self):
            return 0

        def get_form_kwargs(self, index):
            kwargs = super().get_form_kwargs(index)
            if index is not None and index < len(rows):
                kwargs["initial"] = rows[index]
            return kwargs

    return Prefilled(prefix=prefix)


class OfferChangesForm(CaseChangesForm, OfferFieldsForm):
    """The offeror completes or corrects the offer the department called to complete (core.applicant_changes).

    The whole offer (sections II–VI with its three tables) comes filled in; the arithmetic is checked again as
    on submission, and files may be added (typically the missing signed declarations). The statutory
    declarations of section VII, made on submission, stand.
    """

    template_name = "grants/includes/offer_changes_fields.html"
    multipart = True

    attachments = MultipleValidatedFileField(
        label=_("Attachments: signed declarations and annexes"),
        required=False,
        max_files=OFFER_MAX_ATTACHMENTS,
        help_text=_("Up to 5 files: PDF, JPEG or PNG, e.g. the declarations the department asked for."),
    )

    class Media:
        css = {"all": ["grants/grants.css"]}
        js = [forms.Script("grants/offer.js", defer=True)]

    def __init__(self, data=None, files=None, *, case, **kwargs):
        super().__init__(data, files, case=case, call=case.call, **kwargs)
        # Bound, the rows come from what was sent (a row left as it was still counts as filled); unbound, from
        # the offer's own rows.
        if data is not None:
            self.actions = ActionFormSet(data, prefix="actions")
            self.results = ResultFormSet(data, prefix="results")
            self.costs = CostFormSet(data, prefix="costs")
        else:
            tables = self.table_rows(case)
            self.actions = _prefilled(ActionFormSet, tables["actions"], prefix="actions")
            self.results = _prefilled(ResultFormSet, tables["results"], prefix="results")
            self.costs = _prefilled(CostFormSet, tables["costs"], prefix="costs")
        self.limits = (
            case.call.limits
            if case.call
            else rules.CallLimits(mode="support", max_subsidy=rules.SMALL_GRANT_MAX_AMOUNT)
        )
        self._summary = _NOT_CHECKED

    def is_valid(self):
        if self._summary is _NOT_CHECKED:
            self._summary = offer_validate(self, self.actions, self.results, self.costs) if self.is_bound else None
        return self._summary is not None

    @property
    def summary(self):
        return None if self._summary is _NOT_CHECKED else self._summary

    def error_formsets(self):
        return [(_("Schedule of actions"), self.actions), (_("Results"), self.results), (_("Cost table"), self.costs)]

    def has_errors(self) -> bool:
        return bool(
            self.errors
            or self.actions.total_error_count()
            or self.results.total_error_count()
            or self.costs.total_error_count()
        )

    @staticmethod
    def table_rows(offer) -> dict:
        return {
            "actions": [{name: getattr(row, name) for name in ActionForm.base_fields} for row in offer.actions.all()],
            "results": [{name: getattr(row, name) for name in ResultForm.base_fields} for row in offer.results.all()],
            # A line's total is left empty: it is computed again, so changing the unit cost alone is enough.
            "costs": [
                {name: getattr(row, name) for name in CostLineForm.base_fields if name != "total"}
                for row in offer.costs.all()
            ],
        }

    @classmethod
    def initial_from(cls, case) -> dict:
        initial = {name: getattr(case, name) for name in OfferFieldsForm.OFFER_FIELDS if name != "homepage"}
        initial["homepage"] = case.website
        return initial

    @classmethod
    def extra_snapshot(cls, case) -> list[tuple[str, str, str]]:
        def lines(rows):
            return "\n".join(f"{n}. " + " — ".join(str(v) for v in row if v not in ("", None)) for n, row in rows)

        actions = [
            (n, [a.name, a.description, a.target_group, a.planned_period, a.partner_scope])
            for n, a in enumerate(case.actions.all(), start=1)
        ]
        results = [(n, [r.name, r.target_value, r.monitoring]) for n, r in enumerate(case.results.all(), start=1)]

        def amount(value):
            return describe(forms.DecimalField(), value)

        costs = [
            (
                n,
                [
                    c.get_category_display(),
                    c.name,
                    f"{amount(c.units)} {c.unit} × {amount(c.unit_cost)} = {amount(c.total)} zł",
                ],
            )
            for n, c in enumerate(case.costs.all(), start=1)
        ]
        return [
            ("actions", _("Schedule of actions"), lines(actions) or EMPTY),
            ("results", _("Results"), lines(results) or EMPTY),
            ("costs", _("Cost table"), lines(costs) or EMPTY),
        ]

    def apply(self, case) -> None:
        from grants.services import OfferInput, offer_changes_apply

        offer_changes_apply(
            offer=case,
            data=OfferInput(
                fields=self.offer_fields(),
                actions=self.actions.filled_rows(),
                results=self.results.filled_rows(),
                costs=self.costs.filled_rows(),
            ),
            attachments=self.cleaned_data.get("attachments") or [],
        )

    def after_change(self, case) -> None:
        from grants.documents import offer_pdf_attach

        offer_pdf_attach(offer=case, completed=True)


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


class CommitteeCandidateField(forms.ModelChoiceField):
    """A person for a committee, named as the picker names them (no e-mail address)."""

    def label_from_instance(self, obj):
        return selectors.committee_candidate_label(obj)


class CommitteeMemberForm(forms.ModelForm):
    """A committee member on the clerk's screen: a newly chosen person must be one of `committee_candidates`.

    A member already appointed keeps their place when the call is saved again, even if their account has since
    been closed: their scores stay theirs.
    """

    class Meta:
        model = CommitteeMember
        fields = ["user", "role"]
        field_classes = {"user": CommitteeCandidateField}

    def clean_user(self):
        user = self.cleaned_data["user"]
        if user.pk != self.instance.user_id and not selectors.committee_candidates().filter(pk=user.pk).exists():
            raise ValidationError(
                _("Choose an active member of staff: committee members sign in as clerks do."), code="not_staff"
            )
        return user


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
