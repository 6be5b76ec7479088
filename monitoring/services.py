"""Every change a clerk causes in media monitoring: mentions, informing a unit, and the sprostowanie's workflow.

The sprostowanie's statuses move only through `core.services.transition_perform` (its table is
`PressCorrection.workflow`); the guards here refuse, on the locked row, what Prawo prasowe art. 31a–33 does not
allow, and the effects stamp what the move records.
"""

import difflib
import hashlib
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from urllib.parse import urlsplit

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.mail import mail_enqueue
from core.services import CaseWorkError
from monitoring.fetching import FetchFailed, FetchRefused, check_allowed, decode, fetch, page_text
from monitoring.keywords import excerpt_around, first_match
from monitoring.models import MediaMention, PressCorrection


class MonitoringError(CaseWorkError):
    """A refusal of media monitoring, with a translated message a clerk can read."""


# ----------------------------------------------------------------------------------------------------------------
# Mentions
# ----------------------------------------------------------------------------------------------------------------


def mention_create(*, acting_user, **fields) -> MediaMention:
    """Register a mention entered by hand (print, radio, TV, or a page the clerk found) and return it."""
    with transaction.atomic():
        mention = MediaMention(created_by=acting_user, **fields)
        mention.full_clean()
        mention.save()
    return mention


def mention_inform_unit(*, mention: MediaMention, answer_due: date, message: str, acting_user) -> MediaMention:
    """Tell the unit concerned about the mention by e-mail (the outbox) and start the clock of its answer.

    DOMAIN.md §F.4 [K]: the press office asks the unit for the facts before it replies or corrects. The e-mail
    names the material (outlet, date, title, link) and the clerk's message; the answer's due date becomes a
    deadline in the Terminarz until the clerk records the answer. Raises MonitoringError when the mention has no
    unit, the unit no e-mail address, or the due date has passed.
    """
    with transaction.atomic():
        locked = (
            MediaMention.objects.select_for_update(of=("self",)).select_related("unit", "outlet").get(pk=mention.pk)
        )
        if locked.unit is None:
            raise MonitoringError(_("Choose the unit concerned first."), code="no_unit")
        if not locked.unit.email:
            raise MonitoringError(_("The unit concerned has no e-mail address."), code="no_unit_email")
        if answer_due < timezone.localdate():
            raise MonitoringError(_("The answer cannot be due in the past."), code="answer_due_past")
        subject = gettext("Media mention for your answer by %(day)s: %(title)s") % {
            "day": answer_due.strftime("%d.%m.%Y"),
            "title": locked.title,
        }
        mail_enqueue(
            to=[locked.unit.email],
            subject=subject,
            template="monitoring_unit_informed",
            context={
                "mention": locked,
                "answer_due": answer_due,
                "message": message.strip(),
                "sender": acting_user.get_full_name() or acting_user.get_username(),
            },
        )
        locked.unit_informed_at = timezone.now()
        locked.unit_answer_due = answer_due
        locked.unit_answered_on = None
        if locked.handled_by_id is None:
            locked.handled_by = acting_user
        locked.save(
            update_fields=["unit_informed_at", "unit_answer_due", "unit_answered_on", "handled_by", "updated_at"]
        )
    mention.refresh_from_db()
    return mention


# ----------------------------------------------------------------------------------------------------------------
# Sprostowania
# ----------------------------------------------------------------------------------------------------------------


def correction_create(*, mention: MediaMention, acting_user, **fields) -> PressCorrection:
    """Draft a sprostowanie of `mention` and return it; the mention's action becomes "sprostowanie".

    Refuses (ValidationError on the field) a text longer than twice the fragment and a sending date later than
    21 days after the publication (Prawo prasowe art. 31a ust. 1 and 4, `PressCorrection.rule_errors`).
    """
    with transaction.atomic():
        correction = PressCorrection(mention=mention, created_by=acting_user, **fields)
        correction.full_clean()
        correction.save()
        if mention.action != MediaMention.Action.CORRECTION:
            mention.action = MediaMention.Action.CORRECTION
            mention.save(update_fields=["action", "updated_at"])
    return correction


def _refuse_rule_errors(correction: PressCorrection) -> None:
    errors = {**correction.sending_errors(sending_on=timezone.localdate()), **correction.receipt_errors()}
    if errors:
        raise MonitoringError(" ".join(message for messages in errors.values() for message in messages))


def correction_check_send(correction: PressCorrection, *, acting_user, note: str = "") -> None:
    """Refuse to send a sprostowanie the Press Law would let the publisher refuse (art. 31a ust. 1 and 4, art. 33).

    The text at most twice the fragment; sent (today, unless the clerk gave the day of posting) within 21 days of
    the publication; signed by the Mayor or an authorised person.
    """
    _refuse_rule_errors(correction)
    if not correction.correction_text.strip() or not correction.fragment.strip():
        raise MonitoringError(_("Give the corrected fragment and the text of the sprostowanie."), code="empty_text")


def on_correction_send(correction: PressCorrection, *, acting_user, note: str = "") -> None:
    """Effect of "send": the day of posting is today unless the clerk gave it."""
    if correction.sent_on is None:
        correction.sent_on = timezone.localdate()
        correction.save(update_fields=["sent_on", "updated_at"])


def _publication_date(correction: PressCorrection):
    if correction.outcome_on is None:
        raise MonitoringError(_("Give the date the outlet published the sprostowanie."), code="no_outcome_date")
    received = correction.receipt_date()
    if received is None:
        raise MonitoringError(_("Give the date the editor received the sprostowanie."), code="no_receipt")
    if correction.outcome_on < received:
        raise MonitoringError(_("It cannot be published before the editor received it."), code="outcome_before")
    return correction.outcome_on


def correction_check_record_published(correction: PressCorrection, *, acting_user, note: str = "") -> None:
    """Published on time: on or before the publisher's deadline for the medium (Prawo prasowe art. 32 ust. 1)."""
    if _publication_date(correction) > correction.publisher_deadline():
        raise MonitoringError(
            _("It was published after the publisher's deadline of %(day)s: record it as late.")
            % {"day": correction.publisher_deadline().strftime("%d.%m.%Y")},
            code="published_late",
        )


def correction_check_record_published_late(correction: PressCorrection, *, acting_user, note: str = "") -> None:
    """Published late: after the publisher's deadline for the medium (Prawo prasowe art. 32 ust. 1, art. 39)."""
    if _publication_date(correction) <= correction.publisher_deadline():
        raise MonitoringError(
            _("It was published by the publisher's deadline of %(day)s: it is not late.")
            % {"day": correction.publisher_deadline().strftime("%d.%m.%Y")},
            code="published_on_time",
        )


def correction_check_record_published_altered(correction: PressCorrection, *, acting_user, note: str = "") -> None:
    """Published altered, shortened or commented in the same issue (Prawo prasowe art. 32 ust. 4–6)."""
    _publication_date(correction)
    if not note.strip():
        raise MonitoringError(_("Say in the note what was changed or commented."), code="note_required")


def on_correction_record_refused(correction: PressCorrection, *, acting_user, note: str = "") -> None:
    """Effect of "refused": keep the editor's reasons (Prawo prasowe art. 33: a refusal states its reasons)."""
    correction.refusal_reasons = note
    correction.save(update_fields=["refusal_reasons", "updated_at"])


def correction_check_record_no_reaction(correction: PressCorrection, *, acting_user, note: str = "") -> None:
    """No reaction: only once the publisher's deadline and the editor's 7 days to refuse have both passed."""
    deadline = correction.publisher_deadline()
    if deadline is None:
        raise MonitoringError(_("Give the date the editor received the sprostowanie."), code="no_receipt")
    waited_until = max(deadline, correction.refusal_due())
    if timezone.localdate() <= waited_until:
        raise MonitoringError(
            _("The editor has until %(day)s: record no reaction after that day.")
            % {"day": waited_until.strftime("%d.%m.%Y")},
            code="too_early",
        )


def correction_check_file_lawsuit(correction: PressCorrection, *, acting_user, note: str = "") -> None:
    """An action for publication is brought within a year of the material's publication ([K] DOMAIN.md §F.3)."""
    if timezone.localdate() > correction.lawsuit_latest():
        raise MonitoringError(
            _("The year to sue ended on %(day)s.") % {"day": correction.lawsuit_latest().strftime("%d.%m.%Y")},
            code="lawsuit_barred",
        )


def on_correction_file_lawsuit(correction: PressCorrection, *, acting_user, note: str = "") -> None:
    """Effect of "action brought": stamp the day."""
    correction.lawsuit_filed_on = timezone.localdate()
    correction.save(update_fields=["lawsuit_filed_on", "updated_at"])


# ----------------------------------------------------------------------------------------------------------------
# Sources: fetching feeds and watched pages, keyword rules, mentions from matching items
# ----------------------------------------------------------------------------------------------------------------

#: [K] The excerpt kept of a fetched item: a short passage, within the quotation limits of a press review
#: (prawo autorskie art. 25 ust. 1 and art. 29: a review quotes fragments, never whole articles).
EXCERPT_MAX_CHARS = 400


@dataclass(frozen=True)
class FetchOutcome:
    """What one fetch of a source did: its result line and the mentions it created."""

    result: str
    mentions: int = 0
    fetched: bool = False


def _host_take_turn(host: str, now) -> bool:
    """Claim the host's next request under its rate (locked row); False when its last request was too recent."""
    from monitoring.models import WatchedHost

    watched = WatchedHost.objects.select_for_update().filter(host=host, is_active=True).first()
    if watched is None:
        return False
    if watched.last_request_at and now < watched.last_request_at + timedelta(seconds=watched.min_interval_seconds):
        return False
    # An update, not a save: the host's history records the clerks' changes, not every request.
    WatchedHost.objects.filter(pk=watched.pk).update(last_request_at=now)
    return True


def _mention_from_item(*, source, item, text: str, match, published_on) -> MediaMention:
    mention = MediaMention(
        outlet=source.outlet,
        medium=source.medium,
        published_on=published_on,
        title=(item.title or source.name)[:300],
        url=item.url,
        excerpt=excerpt_around(text, match, limit=EXCERPT_MAX_CHARS),
        topic=match.rule.topic,
        unit=match.rule.unit,
    )
    mention.full_clean()
    mention.save()
    item.mention = mention
    item.save(update_fields=["mention"])
    return mention


def _safe_link(url: str) -> str:
    return url[:1000] if urlsplit(url or "").scheme in ("http", "https") else ""


def _feed_items(source, body: bytes, rules, now) -> int:
    """Keep every new entry of a feed; an entry a rule matches becomes a mention. Returns the mentions made."""
    import feedparser

    from monitoring.models import SourceItem

    parsed = feedparser.parse(body)  # bytes only: feedparser fetches nothing itself
    made = 0
    known = set(source.items.values_list("key", flat=True))
    for entry in parsed.entries:
        link = _safe_link(entry.get("link", ""))
        title = " ".join(page_text(entry.get("title", ""))[1].split())
        key = (entry.get("id") or link or hashlib.sha256(title.encode()).hexdigest())[:300]
        if key in known:
            continue
        known.add(key)
        summary = page_text(entry.get("summary", ""))[1]
        text = " ".join(f"{title}\n{summary}".split())
        item = SourceItem.objects.create(source=source, key=key, title=title[:300], url=link, text=text)
        match = first_match(text, rules)
        if match is None:
            continue
        published = entry.get("published_parsed") or entry.get("updated_parsed")
        published_on = (
            timezone.localdate(datetime(*published[:6], tzinfo=UTC)) if published else timezone.localdate(now)
        )
        _mention_from_item(source=source, item=item, text=text, match=match, published_on=published_on)
        made += 1
    return made


def _page_items(source, html: str, rules, now) -> int:
    """Keep only the new text of a watched page, with its diff; new text a rule matches becomes a mention.

    [K] The first fetch of a page counts all its text as new (the clerk starts watching it today).
    """
    from monitoring.models import SourceItem

    title, text = page_text(html)
    old_lines = source.page_text.splitlines()
    new_lines = text.splitlines()
    seen = set(old_lines)
    added = [line for line in new_lines if line not in seen]
    made = 0
    if added:
        diff = "\n".join(
            difflib.unified_diff(old_lines, new_lines, fromfile="poprzednio", tofile="teraz", lineterm="", n=1)
        )
        added_text = "\n".join(added)
        key = hashlib.sha256(added_text.encode()).hexdigest()
        if not source.items.filter(key=key).exists():
            item = SourceItem.objects.create(
                source=source, key=key, title=(title or source.name)[:300], url=source.url, text=added_text, diff=diff
            )
            match = first_match(added_text, rules)
            if match is not None:
                _mention_from_item(
                    source=source, item=item, text=added_text, match=match, published_on=timezone.localdate(now)
                )
                made = 1
    source.page_text = text
    return made


def source_fetch(*, source, now=None) -> FetchOutcome:
    """Fetch one source now (if its host's rate allows) and turn matching new items into mentions.

    Only from an active `WatchedHost` (`monitoring.fetching`: no request at all otherwise, also via a redirect);
    conditional (ETag / Last-Modified: a 304 creates nothing); a watched page keeps only its new text, with a
    diff. The result is written on the source (`last_result`, `last_fetched_at`); a failure never raises.
    """
    from monitoring.models import KeywordRule, MonitoredSource

    now = now or timezone.now()
    with transaction.atomic():
        source = MonitoredSource.objects.select_for_update(of=("self",)).select_related("outlet").get(pk=source.pk)
        try:
            host = check_allowed(source.url)
        except FetchRefused:
            outcome = FetchOutcome(gettext("Refused: the host is not among the watched hosts."))
            _source_record(source, outcome, now)
            return outcome
        if not _host_take_turn(host, now):
            return FetchOutcome(gettext("Waiting: the host's rate allows no request yet."))
    try:
        result = fetch(source.url, etag=source.etag, last_modified=source.last_modified)
    except FetchRefused:
        outcome = FetchOutcome(gettext("Refused: a redirect to a host that is not among the watched hosts."))
    except FetchFailed as error:
        outcome = FetchOutcome(gettext("Failed: %(reason)s.") % {"reason": str(error)[:100]})
    else:
        if result.not_modified:
            outcome = FetchOutcome(gettext("Not modified."), fetched=True)
        else:
            with transaction.atomic():
                source = (
                    MonitoredSource.objects.select_for_update(of=("self",)).select_related("outlet").get(pk=source.pk)
                )
                rules = list(KeywordRule.objects.filter(is_active=True).select_related("unit"))
                if source.kind == MonitoredSource.Kind.FEED:
                    made = _feed_items(source, result.body, rules, now)
                else:
                    made = _page_items(source, decode(result), rules, now)
                source.etag, source.last_modified = result.etag, result.last_modified
                outcome = FetchOutcome(gettext("Fetched: %(count)d new mentions.") % {"count": made}, made, True)
                _source_record(source, outcome, now, extra=["etag", "last_modified", "page_text"])
            return outcome
    with transaction.atomic():
        source = MonitoredSource.objects.select_for_update().get(pk=source.pk)
        _source_record(source, outcome, now)
    return outcome


def _source_record(source, outcome: FetchOutcome, now, extra=()):
    # An update, not a save: the source's history records the clerks' changes, not every fetch.
    values = {name: getattr(source, name) for name in extra}
    type(source).objects.filter(pk=source.pk).update(last_fetched_at=now, last_result=outcome.result[:300], **values)


def sources_fetch_due(*, now=None) -> dict[str, int]:
    """Fetch every active source whose interval has passed; {"sources": fetched, "mentions": made}.

    Run by `manage.py fetch_sources` (portal-monitoring-fetch.timer) and the `fetch_due_sources` task.
    """
    from monitoring.models import MonitoredSource

    now = now or timezone.now()
    sources = MonitoredSource.objects.filter(is_active=True).order_by("last_fetched_at", "pk")
    totals = {"sources": 0, "mentions": 0}
    for source in sources:
        if source.last_fetched_at and now < source.last_fetched_at + timedelta(minutes=source.interval_minutes):
            continue
        outcome = source_fetch(source=source, now=now)
        totals["sources"] += int(outcome.fetched)
        totals["mentions"] += outcome.mentions
    return totals


# ----------------------------------------------------------------------------------------------------------------
# Press reviews
# ----------------------------------------------------------------------------------------------------------------


def review_create(
    *, mentions, acting_user, kind: str, period_start, period_end, title: str = "", recipients: str = ""
):
    """Prepare a press review of the mentions a clerk selected (DOMAIN.md §F.4 [K]) and return it.

    The review lists exactly `mentions`; its title defaults to the period's. Raises MonitoringError without any.
    """
    from monitoring.models import PressReview

    mentions = list(mentions)
    if not mentions:
        raise MonitoringError(_("Select the mentions the review lists."), code="no_mentions")
    if not title:
        if period_start == period_end:
            title = gettext("Press review of %(day)s") % {"day": period_start.strftime("%d.%m.%Y")}
        else:
            title = gettext("Press review of %(start)s – %(end)s") % {
                "start": period_start.strftime("%d.%m.%Y"),
                "end": period_end.strftime("%d.%m.%Y"),
            }
    with transaction.atomic():
        review = PressReview(
            kind=kind,
            period_start=period_start,
            period_end=period_end,
            title=title[:200],
            recipients=recipients,
            created_by=acting_user,
        )
        review.full_clean(exclude=["recipients"] if not recipients else None)
        review.save()
        review.mentions.set(mentions)
    return review


def review_entries(review) -> list[dict]:
    """What a review shows of each mention, in order of date and outlet: the excerpt cut to the quotation limit."""
    from monitoring.models import REVIEW_EXCERPT_MAX_CHARS

    entries = []
    for mention in review.mentions.select_related("outlet", "unit").order_by("published_on", "outlet__name", "pk"):
        excerpt = " ".join(mention.excerpt.split())
        if len(excerpt) > REVIEW_EXCERPT_MAX_CHARS:
            excerpt = excerpt[:REVIEW_EXCERPT_MAX_CHARS].rsplit(" ", 1)[0] + "…"
        entries.append({"mention": mention, "excerpt": excerpt})
    return entries


def review_send(*, review, acting_user):
    """Send the review by e-mail through the outbox to its recipients and stamp it; the PDF is its printable twin.

    Raises MonitoringError when it has no recipient or was already sent (a review goes out once).
    """
    from monitoring.models import PressReview

    with transaction.atomic():
        locked = PressReview.objects.select_for_update().get(pk=review.pk)
        if locked.sent_at is not None:
            raise MonitoringError(_("This review has already been sent."), code="already_sent")
        recipients = locked.recipient_list()
        if not recipients:
            raise MonitoringError(_("Give the recipients of the review."), code="no_recipients")
        mail_enqueue(
            to=recipients,
            subject=locked.title,
            template="monitoring_press_review",
            context={"review": locked, "entries": review_entries(locked)},
        )
        locked.sent_at = timezone.now()
        locked.save(update_fields=["sent_at", "updated_at"])
    review.refresh_from_db()
    return review
