"""Completing an offer after the department's call (core.applicant_changes): the whole offer, filled in again."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.applicant_changes import EMPTY, CaseChangesForm, describe
from core.money import format_pln
from core.uploads import MultipleValidatedFileField
from grants import rules
from grants.forms.offers import (
    OFFER_MAX_ATTACHMENTS,
    ActionForm,
    ActionFormSet,
    CostFormSet,
    CostLineForm,
    OfferFieldsForm,
    ResultForm,
    ResultFormSet,
    offer_validate,
)

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

        def arithmetic(cost) -> str:
            """A cost line's sum: "40,00 godzina × 100,00 = 4 000,00 zł"."""
            units = describe(forms.DecimalField(), cost.units)
            return f"{units} {cost.unit} × {format_pln(cost.unit_cost, unit=False)} = {format_pln(cost.total)}"

        costs = [
            (n, [c.get_category_display(), c.name, arithmetic(c)]) for n, c in enumerate(case.costs.all(), start=1)
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
