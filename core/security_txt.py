"""/.well-known/security.txt (RFC 9116): whom to tell about a vulnerability of the portal, and until when it holds.

RFC 9116 § 2.5.3 (Contact, required) and § 2.5.5 (Expires, required; "less than a year into the future" is
recommended). The contacts are the city's (SECURITY_TXT_CONTACTS, e.g. the City Hall IT's address), else the
department's e-mail from the department card [K]. The file is written afresh on every request, so its Expires always
lies SECURITY_TXT_EXPIRES_DAYS ahead [K] and never lapses while the portal runs.
"""

from datetime import UTC, timedelta

from django.conf import settings
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from core.site import site_url


def security_contacts() -> list[str]:
    """The Contact lines: the configured URIs, else the department's e-mail (mailto:), else its page."""
    from core.models import DepartmentProfile

    if settings.SECURITY_TXT_CONTACTS:
        return list(settings.SECURITY_TXT_CONTACTS)
    email = DepartmentProfile.objects.order_by("pk").values_list("email", flat=True).first()
    return [f"mailto:{email}"] if email else [site_url(reverse("core:department"))]


def security_txt_text(now=None) -> str:
    now = now or timezone.now()
    expires = (now + timedelta(days=settings.SECURITY_TXT_EXPIRES_DAYS)).replace(microsecond=0)
    lines = [f"Contact: {contact}" for contact in security_contacts()]
    lines += [
        f"Expires: {expires.astimezone(UTC).strftime('%Y-%m-%dT%H:%M:%SZ')}",
        "Preferred-Languages: pl, en",
        f"Canonical: {site_url('/.well-known/security.txt')}",
    ]
    return "\n".join(lines) + "\n"


@require_safe
@cache_control(max_age=86400, public=True)
def security_txt(request):
    return HttpResponse(security_txt_text(), content_type="text/plain; charset=utf-8")
