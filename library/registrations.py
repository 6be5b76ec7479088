"""How the library plugs into the kernel: the Terminarz's deadlines, the "Biblioteka urzędu" role and the
catalogue's link on the dashboard, where every employee lands after signing in."""

from django.utils.translation import gettext_lazy as _

from core import roles
from core.deadlines import register_deadline_source
from core.site_registry import StaffLink, register_staff_link
from library.deadlines import loans_open_deadlines, subscriptions_open_deadlines

register_deadline_source("library.loans", loans_open_deadlines, model="library.loan")
register_deadline_source("library.subscriptions", subscriptions_open_deadlines, model="library.subscription")
roles.register_section_models(
    "library",
    {
        "library.libraryitem": roles.EDIT,
        "library.writeoffprotocol": roles.EDIT,
        "library.loanrule": roles.FULL,
        "library.loan": roles.EDIT,
        "library.reservation": roles.EDIT,
        # Written by the daily job only.
        "library.loanreminder": roles.VIEW,
        "library.department": roles.FULL,
        "library.subscription": roles.FULL,
        "library.routingstop": roles.FULL,
        "library.periodicalissue": roles.EDIT,
        "library.issueroutingstop": roles.VIEW,
    },
)
register_staff_link(StaffLink("library", _("City Hall library: catalogue and my loans"), "library:catalogue"))
