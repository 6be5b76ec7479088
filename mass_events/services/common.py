"""What the services of both case types share: the duty's error, the organiser's messages and the letters' heads."""

from django.urls import reverse
from django.utils.translation import gettext as _

from core.mail import mail_enqueue
from core.models import CaseMessage, PrivateDocument
from core.private_documents import document_attach
from core.services import CaseWorkError, case_message_add
from core.site import site_url


class MassEventError(CaseWorkError):
    """A refusal of the mass-events duty, with a translated message a clerk or organiser can read."""


def organiser_file_attach(case, file, description: str) -> PrivateDocument:
    """Keep a validated file the organiser sent (form or tracking page) with the case, under its original name."""
    return document_attach(
        case=case,
        content=file,
        original_name=getattr(getattr(file, "upload", None), "original_name", "") or file.name,
        mime_type="",
        kind=PrivateDocument.Kind.ATTACHMENT,
        acting_user=None,
        description=description,
    )


def organiser_tell(case, body: str, acting_user) -> None:
    """Post the department's message on the organiser's tracking page (the kernel e-mails them that it is there)."""
    case_message_add(case=case, body=body, author_kind=CaseMessage.Author.CLERK, acting_user=acting_user)


def status_announce(case) -> None:
    """E-mail the organiser that the case's status changed (DOMAIN.md §B, issue item 6: informed at every step).

    Only the case mark, the new status and the private link, like the kernel's other e-mails; the details are
    on the tracking page.
    """
    tracking_path = reverse("core:case_tracking", kwargs={"token": case.register_entry.tracking_token})
    status = case.get_status_display()
    mail_enqueue(
        to=[case.contact_email],
        subject=_("Case %(mark)s: %(status)s") % {"mark": case.case_mark, "status": status},
        template="case_status",
        context={
            "case_mark": case.case_mark,
            "status": status,
            "tracking_url": site_url(tracking_path),
        },
    )


def addressee_lines(case) -> list[str]:
    """The organiser's name and postal address at the head of a letter (the correspondence address first)."""
    return [case.organiser_name, case.correspondence_address or case.organiser_address]
