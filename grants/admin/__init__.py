"""The clerks' side of grants: calls with their criteria and documents, offers, the committee, agreements,
reports, controls, settlements and the data tables (interest rates, year plans).

Statuses change only through the workflow panel (core.admin_mixins), whose transitions run the guards in
grants.services. The screens after the grant (agreements, partial reports, controls, settlements) are forms
whose `save_model`/`save_related` call the services; a service's refusal comes back as an error message.

One module per subdomain, each registering its pages: `calls` (calls, criteria, documents, the committee),
`offers` (offers, assignments, scores, comments on small grants), `agreements` (agreements, reports,
controls, settlements, interest rates, year plans) and `small_grants` (small grants made outside the portal);
`common` holds what they share.
"""

from grants.admin import agreements, calls, offers, small_grants

__all__ = ["agreements", "calls", "offers", "small_grants"]
