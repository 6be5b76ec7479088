"""How the newsletter plugs into the portal: the portal's editors (section "site") keep it; a link in the menu."""

from django.utils.translation import gettext_lazy as _

from core import roles, site_registry

site_registry.register_navigation(
    site_registry.NavigationItem("newsletter", _("Newsletter"), "newsletter:subscribe", 90)
)
# Mailings are written and approved by the editors. Subscribers are added and changed only by themselves (double
# opt-in, their private link): clerks see them and may delete an address on request (RODO art. 17).
roles.register_section_models(
    "site",
    {"newsletter.subscriber": frozenset({"view", "delete"}), "newsletter.mailing": roles.EDIT},
)
