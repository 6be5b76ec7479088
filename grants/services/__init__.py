"""Every state change of grants, one module per subdomain; the public names are re-exported here.

- `calls`: publication, closing, cancellation, resolution and copies of calls (u.d.p.p. art. 13, 15, 18a);
- `offers`: drafts, submission, completion, amounts and the decision on an offer;
- `committee`: members, assignments, impartiality and merit scores (art. 15 ust. 2a–2f);
- `agreements`: agreements with their tranches, reports and controls (art. 16–18);
- `reports`: the report filed online on the statutory form, accepted or returned (art. 18);
- `settlements`: settlement, return and interest (u.f.p. art. 251, 252);
- `small_grants`: small grants outside a call (art. 19a).

Plain functions with keyword-only arguments and the acting user; statuses move only through
`core.services.transition_perform`, which runs each step's guard (`<entity>_check_<verb>`, e.g.
`call_check_publish`) on the locked row before anything is written and its effect (`on_<entity>_<verb>`,
e.g. `on_offer_grant`) after, so a button in the admin and a call from code obey the same rules.
Rules themselves (limits, clocks, arithmetic) live in `grants.rules`, the PDFs in `grants.documents`.
Workflow tables name guards and effects by their path here (`grants.services.call_check_publish`).
"""

from grants.services.agreements import (
    agreement_sign,
    agreement_transfer_record,
    control_record,
    on_report_call,
    on_report_receive,
    report_check_call,
    report_receive,
    report_request_partial,
)
from grants.services.calls import (
    call_accepts_offers,
    call_check_cancel,
    call_check_close,
    call_check_publish,
    call_check_resolve,
    call_copy,
    call_publish,
    on_call_cancel,
    on_call_resolve,
)
from grants.services.committee import (
    committee_member_add,
    committee_member_check,
    impartiality_declare,
    offer_assign,
    offer_score_refresh,
    scores_record,
)
from grants.services.common import GRANTED_STATUSES, GrantError, validation_message
from grants.services.offers import (
    OfferInput,
    offer_amounts_set,
    offer_changes_apply,
    offer_check_grant,
    offer_check_settle,
    offer_cost_summary,
    offer_draft_save,
    offer_limits,
    offer_message_call_to_complete,
    offer_message_not_grant,
    offer_submit,
    on_offer_call_to_complete,
    on_offer_grant,
)
from grants.services.reports import (
    REPORT_MAX_ATTACHMENTS,
    ReportInput,
    on_report_file,
    report_check_file,
    report_cost_summary,
    report_file,
    report_message_accept,
    report_message_return,
)
from grants.services.settlements import (
    interest_rates,
    settlement_close,
    settlement_interest,
    settlement_record,
    settlement_return_record,
)
from grants.services.small_grants import (
    on_small_grant_publish,
    register_key,
    small_grant_check_publish,
    small_grant_comment_add,
    small_grant_offer_problems,
    small_grant_problems,
    small_grants_granted_in_year,
)

__all__ = [
    "GRANTED_STATUSES",
    "GrantError",
    "OfferInput",
    "REPORT_MAX_ATTACHMENTS",
    "ReportInput",
    "agreement_sign",
    "agreement_transfer_record",
    "call_accepts_offers",
    "call_check_cancel",
    "call_check_close",
    "call_check_publish",
    "call_check_resolve",
    "call_copy",
    "call_publish",
    "committee_member_add",
    "committee_member_check",
    "control_record",
    "impartiality_declare",
    "interest_rates",
    "offer_amounts_set",
    "offer_assign",
    "offer_changes_apply",
    "offer_check_grant",
    "offer_check_settle",
    "offer_cost_summary",
    "offer_draft_save",
    "offer_limits",
    "offer_message_call_to_complete",
    "offer_message_not_grant",
    "offer_score_refresh",
    "offer_submit",
    "on_call_cancel",
    "on_call_resolve",
    "on_offer_call_to_complete",
    "on_offer_grant",
    "on_report_call",
    "on_report_file",
    "on_report_receive",
    "on_small_grant_publish",
    "register_key",
    "report_check_call",
    "report_check_file",
    "report_cost_summary",
    "report_file",
    "report_message_accept",
    "report_message_return",
    "report_receive",
    "report_request_partial",
    "scores_record",
    "settlement_close",
    "settlement_interest",
    "settlement_record",
    "settlement_return_record",
    "small_grant_check_publish",
    "small_grant_comment_add",
    "small_grant_offer_problems",
    "small_grant_problems",
    "small_grants_granted_in_year",
    "validation_message",
]
