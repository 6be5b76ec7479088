"""Every state change of grants, one module per subdomain; the public names are re-exported here.

- `calls`: publication, closing, cancellation, resolution and copies of calls (u.d.p.p. art. 13, 15, 18a);
- `offers`: drafts, submission, completion, amounts and the decision on an offer;
- `committee`: members, assignments, impartiality and merit scores (art. 15 ust. 2a–2f);
- `agreements`: agreements with their tranches, reports and controls (art. 16–18);
- `settlements`: settlement, return and interest (u.f.p. art. 251, 252);
- `small_grants`: small grants outside a call (art. 19a).

Plain functions with keyword-only arguments and the acting user; statuses move only through
`core.services.transition_perform`, whose effects (the functions named `*_published`, `*_resolved`…)
hold the guards of each step, so a button in the admin and a call from code obey the same rules.
Rules themselves (limits, clocks, arithmetic) live in `grants.rules`, the PDFs in `grants.documents`.
Workflow tables name effects by their path here (`grants.services.call_published`).
"""

from grants.services.agreements import (
    agreement_sign,
    agreement_transfer_record,
    control_record,
    report_called,
    report_receive,
    report_received,
    report_request_partial,
)
from grants.services.calls import (
    call_accepts_offers,
    call_cancelled,
    call_closed,
    call_copy,
    call_publish,
    call_published,
    call_resolved,
)
from grants.services.committee import (
    committee_member_add,
    impartiality_declare,
    offer_assign,
    offer_score_refresh,
    scores_record,
)
from grants.services.common import GRANTED_STATUSES, GrantError, validation_message
from grants.services.offers import (
    OfferInput,
    offer_amounts_set,
    offer_called_to_complete,
    offer_changes_apply,
    offer_cost_summary,
    offer_draft_save,
    offer_granted,
    offer_limits,
    offer_not_granted,
    offer_settled,
    offer_submit,
)
from grants.services.settlements import (
    interest_rates,
    settlement_close,
    settlement_interest,
    settlement_record,
    settlement_return_record,
)
from grants.services.small_grants import (
    register_key,
    small_grant_comment_add,
    small_grant_problems,
    small_grant_published,
)

__all__ = [
    "GRANTED_STATUSES",
    "GrantError",
    "OfferInput",
    "agreement_sign",
    "agreement_transfer_record",
    "call_accepts_offers",
    "call_cancelled",
    "call_closed",
    "call_copy",
    "call_publish",
    "call_published",
    "call_resolved",
    "committee_member_add",
    "control_record",
    "impartiality_declare",
    "interest_rates",
    "offer_amounts_set",
    "offer_assign",
    "offer_called_to_complete",
    "offer_changes_apply",
    "offer_cost_summary",
    "offer_draft_save",
    "offer_granted",
    "offer_limits",
    "offer_not_granted",
    "offer_score_refresh",
    "offer_settled",
    "offer_submit",
    "register_key",
    "report_called",
    "report_receive",
    "report_received",
    "report_request_partial",
    "scores_record",
    "settlement_close",
    "settlement_interest",
    "settlement_record",
    "settlement_return_record",
    "small_grant_comment_add",
    "small_grant_problems",
    "small_grant_published",
    "validation_message",
]
