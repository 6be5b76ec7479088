"""The forms of grants, one module per subdomain; the public names are re-exported here.

- `offers`: the public offer form (annex 1 to Dz.U. 2018 poz. 2057) with its three tables, for a small grant
  the simplified offer (annex 1 to Dz.U. 2018 poz. 2055), and the comment on a small grant;
- `reports`: the report filed online on the statutory form (annex 5 to poz. 2057; simplified: poz. 2055);
- `changes`: the offer completed after the department's call (core.applicant_changes);
- `committee`: the member's declaration of impartiality and points;
- `clerks`: the clerks' forms in the admin (they collect input; the services decide).
"""

from grants.forms.changes import OfferChangesForm
from grants.forms.clerks import (
    AgreementSignForm,
    CallAdminForm,
    CommitteeCandidateField,
    CommitteeMemberForm,
    SettlementRecordForm,
    SettlementReturnForm,
)
from grants.forms.committee import ImpartialityForm, ScoreForm
from grants.forms.offers import (
    ACTION_ROWS,
    COST_ROWS,
    DATE_WIDGET,
    MAX_TEXT,
    MONEY_MAX,
    OFFER_MAX_ATTACHMENTS,
    PROBLEM_TARGETS,
    RESULT_ROWS,
    SMALL_GRANT_OFFER_OMITTED,
    ActionForm,
    ActionFormSet,
    BaseRowFormSet,
    CommentForm,
    CostFormSet,
    CostLineForm,
    OfferFieldsForm,
    OfferForm,
    ResultForm,
    ResultFormSet,
    RowForm,
    money_field,
    offer_validate,
    text_field,
)
from grants.forms.reports import ReportForm, report_cost_formset, report_validate

__all__ = [
    "ReportForm",
    "report_cost_formset",
    "report_validate",
    "ACTION_ROWS",
    "ActionForm",
    "ActionFormSet",
    "AgreementSignForm",
    "BaseRowFormSet",
    "COST_ROWS",
    "CallAdminForm",
    "CommentForm",
    "CommitteeCandidateField",
    "CommitteeMemberForm",
    "CostFormSet",
    "CostLineForm",
    "DATE_WIDGET",
    "ImpartialityForm",
    "MAX_TEXT",
    "MONEY_MAX",
    "OFFER_MAX_ATTACHMENTS",
    "OfferChangesForm",
    "SMALL_GRANT_OFFER_OMITTED",
    "OfferFieldsForm",
    "OfferForm",
    "PROBLEM_TARGETS",
    "RESULT_ROWS",
    "ResultForm",
    "ResultFormSet",
    "RowForm",
    "ScoreForm",
    "SettlementRecordForm",
    "SettlementReturnForm",
    "money_field",
    "offer_validate",
    "text_field",
]
