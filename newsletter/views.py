"""The newsletter's public pages: subscribe, confirm, choose topics, unsubscribe (DOMAIN.md §F.5).

The links in e-mails carry a private token (newsletter.services); their pages are never cached, indexed or sent as
a Referer to another site (`private_response`), and their paths are masked in every log. A GET never changes
anything: confirming and unsubscribing are POSTs, so a mail scanner that opens every link subscribes or
unsubscribes nobody. The unsubscribe address also takes the one-click POST of RFC 8058 that mail programs send
without a cookie or a CSRF token: the token in the address is the proof.

`bounce_report` is the mail provider's webhook of bounces and complaints, for machines only: a bearer token
(NEWSLETTER_BOUNCE_TOKEN) is the proof, and without the setting the address does not exist.
"""

import json

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.crypto import constant_time_compare
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from core.public_cases import current_information_clause, private_response
from core.public_forms import rate_limit_exceeded
from newsletter import services
from newsletter.forms import PreferencesForm, SubscriptionForm

FORM_KEY = "newsletter.subscriber"


@require_http_methods(["GET", "POST"])
def subscribe(request):
    """The subscription form: the address, the topics and the consent; then a confirmation link by e-mail."""
    form = SubscriptionForm(request.POST or None)
    if request.method == "POST":
        if rate_limit_exceeded(request, "newsletter"):
            return render(request, "429.html", status=429)
        if form.is_valid():
            if not form.is_bot:
                services.subscription_request(email=form.cleaned_data["email"], preferences=form.preferences())
            return redirect("newsletter:subscribed")
    context = {"form": form, "info_clause": current_information_clause(FORM_KEY)}
    return render(request, "newsletter/subscribe.html", context)


@require_safe
def subscribed(request):
    """After the form: check your mailbox (the same page whether the address was new or known)."""
    return render(request, "newsletter/subscribed.html")


@never_cache
@require_http_methods(["GET", "POST"])
def confirm(request, token: str):
    """The link of the confirmation e-mail: GET asks, POST confirms and opens the preferences page."""
    subscriber = services.subscriber_from_confirmation_token(token)
    if subscriber is None:
        return private_response(render(request, "newsletter/confirm.html", {"invalid": True}, status=404))
    if request.method == "POST":
        services.subscriber_confirm(subscriber=subscriber)
        messages.success(request, gettext("Thank you: your subscription is confirmed."))
        return private_response(redirect("newsletter:preferences", token=services.subscriber_token(subscriber)))
    return private_response(render(request, "newsletter/confirm.html", {"token": token, "subscriber": subscriber}))


@never_cache
@require_http_methods(["GET", "POST"])
def preferences(request, token: str):
    """The subscriber's own page, behind the private link of every newsletter: topics and unsubscribing."""
    subscriber = services.subscriber_from_token(token)
    if subscriber is None:
        return private_response(render(request, "newsletter/preferences.html", {"invalid": True}, status=404))
    form = PreferencesForm.for_subscriber(subscriber, request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.subscriber_preferences_update(subscriber=subscriber, preferences=form.preferences())
        messages.success(request, gettext("Your choice of topics is saved."))
        return private_response(redirect("newsletter:preferences", token=token))
    context = {"form": form, "subscriber": subscriber, "token": token}
    return private_response(render(request, "newsletter/preferences.html", context))


@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token: str):
    """Unsubscribe: GET shows a button and changes nothing; POST (the button, or RFC 8058's one click) deletes."""
    subscriber = services.subscriber_from_token(token)
    if request.method == "POST":
        if subscriber is not None:
            services.subscriber_unsubscribe(subscriber=subscriber)
        if request.POST.get("List-Unsubscribe") == "One-Click":
            # A mail program's request: it shows nothing, a short answer is enough.
            return private_response(HttpResponse(gettext("Unsubscribed."), content_type="text/plain; charset=utf-8"))
        return private_response(render(request, "newsletter/unsubscribe.html", {"done": True}))
    if subscriber is None:
        return private_response(render(request, "newsletter/unsubscribe.html", {"invalid": True}, status=404))
    return private_response(render(request, "newsletter/unsubscribe.html", {"token": token}))


#: What one report may say about an address: a hard bounce, a soft one (counted as nothing), a complaint.
BOUNCE_KINDS = {"hard": {"hard": True}, "soft": {"hard": False}, "complaint": {"hard": False, "complaint": True}}
#: Reports read from one request; a provider sends more in the next one.
MAX_BOUNCE_REPORTS = 1000


def bounce_reports(body: bytes) -> list[tuple[str, str]]:
    """The (address, kind) pairs of a report: a JSON object {"email": …, "type": "hard"|"soft"|"complaint"} or a
    list of them. Raises ValueError for anything else."""
    data = json.loads(body)
    reports = data if isinstance(data, list) else [data]
    if not reports or len(reports) > MAX_BOUNCE_REPORTS:
        raise ValueError("no reports or too many")
    pairs = []
    for report in reports:
        if not isinstance(report, dict) or report.get("type") not in BOUNCE_KINDS:
            raise ValueError("unknown report")
        email = report.get("email")
        if not isinstance(email, str) or "@" not in email or len(email) > 254:
            raise ValueError("no address")
        pairs.append((email, report["type"]))
    return pairs


@csrf_exempt
@require_POST
def bounce_report(request):
    """The mail provider's reports of hard bounces and complaints (a webhook, DOMAIN.md §F.5) [K].

    Each report is counted by `subscriber_record_bounce`: an address is no longer mailed after HARD_BOUNCES_TO_STOP
    hard bounces or one complaint. Answers 404 while NEWSLETTER_BOUNCE_TOKEN is unset, 403 without the right
    `Authorization: Bearer <token>`, 400 for a body it cannot read (nothing is recorded then), and otherwise the
    number of reports read and of addresses now bouncing. The answer never says whether an address is subscribed.
    """
    token = settings.NEWSLETTER_BOUNCE_TOKEN
    if not token:
        raise Http404
    if not constant_time_compare(request.headers.get("Authorization", ""), f"Bearer {token}"):
        return HttpResponse(status=403)
    try:
        reports = bounce_reports(request.body)
    except ValueError:  # json.JSONDecodeError and UnicodeDecodeError are ValueErrors too
        return HttpResponse(status=400)
    bouncing = sum(services.subscriber_record_bounce(email=email, **BOUNCE_KINDS[kind]) for email, kind in reports)
    return JsonResponse({"reports": len(reports), "bouncing": bouncing})
