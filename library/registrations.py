"""How the library plugs into the kernel: the Terminarz's deadlines and the "Biblioteka urzędu" role."""

from core import roles
from core.deadlines import register_deadline_source
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
