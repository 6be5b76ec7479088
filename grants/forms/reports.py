"""The report on the task, filed by the organisation online (annex 5 to Dz.U. 2018 poz. 2057; for a small grant
the simplified report, annex 2 to Dz.U. 2018 poz. 2055).

The sections follow the statutory form: the period; I. the merits (the results achieved with the scale of the
actions, then the actions carried out; the simplified report has one description of the execution); II. the
cost table as executed, in the categories of the offer's table and checked by the same rules, with the sources
as executed; III. additional information; the declarations; attachments through the kernel's uploads.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.public_forms import PublicFormMixin, reject_control_characters
from core.uploads import MultipleValidatedFileField
from grants.forms.offers import COST_ROWS, DATE_WIDGET, CostFormSet, money_field, text_field
from grants.services import REPORT_MAX_ATTACHMENTS, report_cost_summary

__all__ = ["COST_ROWS", "ReportForm", "report_cost_formset", "report_validate"]

#: Which field of the report form a problem of the cost table is shown at.
REPORT_PROBLEM_TARGETS = {"subsidy": "costs_used", "own_financial": "own_financial"}


class ReportForm(PublicFormMixin):
    """The report's fields in the order of the statutory form; `simplified` leaves out what poz. 2055 has not."""

    period_from = forms.DateField(label=_("Reporting period from"), widget=DATE_WIDGET)
    period_to = forms.DateField(label=_("Reporting period until"), widget=DATE_WIDGET)
    # Część I. Sprawozdanie merytoryczne
    results_description = text_field(
        _("1. Results achieved, with the scale of the actions carried out"),
        rows=6,
        help_text=_(
            "Describe the results of the task and how they were measured, which results last, and how far the task "
            "reached its aim; give numbers (participants, events, copies)."
        ),
    )
    actions_description = text_field(
        _("2. Detailed description of the task's execution"),
        rows=6,
        help_text=_(
            "Describe each action as it was carried out, the reasons for any difference from the offer, and who "
            "other than the parties to the agreement carried out any part of it."
        ),
    )
    # Część II. Sprawozdanie z wykonania wydatków: 2. źródła finansowania
    costs_used = money_field(_("Subsidy used"), required=True)
    own_financial = money_field(_("Own financial contribution"))
    own_personal = money_field(_("Own non-financial contribution: personal (volunteers, members' work)"))
    own_material = money_field(_("Own non-financial contribution: material"))
    recipient_fees = money_field(_("Payments from recipients"))
    # Część III. Dodatkowe informacje
    additional_information = text_field(
        _("Additional information"),
        required=False,
        rows=4,
        help_text=_("E.g. income earned with the task, or anything the department should know. Optional."),
    )
    # Oświadczenia
    statement_status = forms.BooleanField(
        label=_("Since the agreement was signed, the legal status of the organisation has not changed.")
    )
    statement_truth = forms.BooleanField(
        label=_("All information in this report is true and agrees with the legal and factual state.")
    )
    statement_gdpr = forms.BooleanField(
        label=_("The persons whose data are in the report have been informed as data-protection law requires.")
    )
    attachments = MultipleValidatedFileField(
        label=_("Attachments"),
        required=False,
        max_files=REPORT_MAX_ATTACHMENTS,
        help_text=_("Up to 5 files: PDF, JPEG or PNG (e.g. photographs, lists of participants, publications)."),
    )

    REPORT_FIELDS = (
        "period_from",
        "period_to",
        "results_description",
        "actions_description",
        "costs_used",
        "own_financial",
        "own_personal",
        "own_material",
        "recipient_fees",
        "additional_information",
    )

    def __init__(self, *args, report, **kwargs):
        super().__init__(*args, **kwargs)
        self.report = report
        if report.is_simplified:
            # Dz.U. 2018 poz. 2055, annex 2: one description of the task's execution [K].
            del self.fields["actions_description"]
            field = self.fields["results_description"]
            field.label = _("Description of the task's execution: the actions carried out and the results achieved")
        for field in self.fields.values():
            if isinstance(field, forms.CharField) and not isinstance(field.widget, forms.HiddenInput):
                field.validators.append(reject_control_characters)

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("period_from"), cleaned.get("period_to")
        if start and end and end < start:
            self.add_error("period_to", _("The period cannot end before it starts."))
        return cleaned

    def report_fields(self) -> dict:
        data = {name: self.cleaned_data.get(name) for name in self.REPORT_FIELDS}
        for name in ("own_financial", "own_personal", "own_material", "recipient_fees"):
            data[name] = data[name] or 0
        for name in ("results_description", "actions_description", "additional_information"):
            data[name] = data[name] or ""
        return data


def report_cost_formset(data=None, *, report):
    """The cost table as executed: the offer's rows with the offer's categories, filled in at first from the offer."""
    if data is not None:
        return CostFormSet(data, prefix="costs")
    previous = list(report.costs.all()) or list(report.agreement.offer.costs.all())
    initial = [
        {
            "category": line.category,
            "name": line.name,
            "unit": line.unit,
            "unit_cost": line.unit_cost,
            "units": line.units,
            "total": line.total,
        }
        for line in previous[:COST_ROWS]
    ]
    return CostFormSet(prefix="costs", initial=initial)


def report_validate(form: ReportForm, costs) -> bool:
    """Validate the report and put each problem of its cost table on the row or field it is about."""
    form_valid, costs_valid = form.is_valid(), costs.is_valid()
    if not (form_valid and costs_valid):
        return False
    rows = costs.filled_rows()
    summary = report_cost_summary(report=form.report, costs=rows, fields=dict(form.cleaned_data))
    filled_forms = [f for f in costs.forms if f.has_changed() and f.cleaned_data]
    for problem in summary.problems:
        if problem.where.startswith("costs-") and problem.where.endswith("-declared_total"):
            filled_forms[int(problem.where.split("-")[1])].add_error("total", problem.message)
        elif problem.where.startswith("costs-"):
            filled_forms[int(problem.where.split("-")[1])].add_error("unit_cost", problem.message)
        elif problem.where == "costs" and costs.forms:
            costs.forms[0].add_error("name", problem.message)
        else:
            form.add_error(REPORT_PROBLEM_TARGETS.get(problem.where, "costs_used"), problem.message)
    return not summary.problems
