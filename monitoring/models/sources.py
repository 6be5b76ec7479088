"""What media monitoring watches: the hosts a clerk allowed, the feeds and pages on them, and the keyword rules.

DOMAIN.md §F.4 [K]. The fetcher (`monitoring.fetching`) requests nothing but the URLs of active sources whose host
is an active `WatchedHost`, and follows a redirect only to such a host: no other outbound request is possible.
Each host has its own rate (at most one request per `min_interval_seconds`). Every fetched feed entry or every new
text of a watched page is kept once as a `SourceItem`; an item some `KeywordRule` matches becomes a `MediaMention`.
"""

import re
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.models import TimeStampedModel
from monitoring.models.mentions import CityUnit, MediaMention, Medium

#: [K] The shortest pause between two requests to one host, unless the clerk sets another.
DEFAULT_HOST_INTERVAL_SECONDS = 60
#: [K] How often a source is fetched, unless the clerk sets another.
DEFAULT_SOURCE_INTERVAL_MINUTES = 60

_HOST = re.compile(r"^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$")


def url_host(url: str) -> str:
    """The host name of `url`, lower case, without the port ("" when it has none)."""
    try:
        return (urlsplit(url).hostname or "").lower().rstrip(".")
    except ValueError:
        return ""


class WatchedHostQuerySet(models.QuerySet):
    def allowed(self):
        return self.filter(is_active=True)


class WatchedHost(TimeStampedModel):
    """A host the press office allows the monitoring to fetch from; no request goes anywhere else."""

    host = models.CharField(
        _("host"),
        max_length=253,
        unique=True,
        help_text=_("The host name only, without http:// or a path, e.g. “www.wiadomosci-rudzkie.example.pl”."),
    )
    min_interval_seconds = models.PositiveIntegerField(
        _("seconds between requests"),
        default=DEFAULT_HOST_INTERVAL_SECONDS,
        help_text=_("At most one request to this host in this many seconds."),
    )
    is_active = models.BooleanField(_("allowed"), default=True)
    last_request_at = models.DateTimeField(_("last request at"), null=True, blank=True, editable=False)

    # Who allowed which host and when; the fetcher's stamps are written by update() and make no history row.
    history = HistoricalRecords(excluded_fields=["last_request_at"])
    objects = WatchedHostQuerySet.as_manager()

    class Meta:
        verbose_name = _("watched host")
        verbose_name_plural = _("watched hosts")
        ordering = ["host"]

    def __str__(self):
        return self.host

    def clean(self):
        super().clean()
        self.host = (self.host or "").strip().lower().rstrip(".")
        if not _HOST.match(self.host):
            raise ValidationError(
                {"host": gettext("Give the host name only, e.g. “www.wiadomosci-rudzkie.example.pl”.")}
            )


class MonitoredSource(TimeStampedModel):
    """An RSS/Atom feed or a web page of an outlet, fetched on a schedule from an allowed host."""

    class Kind(models.TextChoices):
        FEED = "feed", _("RSS or Atom feed")
        PAGE = "page", _("watched page")

    name = models.CharField(_("name"), max_length=200, help_text=_("E.g. “Wiadomości Rudzkie — news”."))
    kind = models.CharField(_("kind"), max_length=10, choices=Kind, default=Kind.FEED)
    url = models.URLField(_("address"), max_length=1000, help_text=_("On a host from the list of watched hosts."))
    outlet = models.ForeignKey(
        "press.MediaOutlet", verbose_name=_("media outlet"), on_delete=models.PROTECT, related_name="sources"
    )
    medium = models.CharField(_("medium"), max_length=20, choices=Medium, default=Medium.ONLINE)
    interval_minutes = models.PositiveIntegerField(_("fetch every (minutes)"), default=DEFAULT_SOURCE_INTERVAL_MINUTES)
    is_active = models.BooleanField(_("active"), default=True)
    etag = models.CharField(max_length=500, blank=True, editable=False)
    last_modified = models.CharField(max_length=100, blank=True, editable=False)
    page_text = models.TextField(_("text of the page last seen"), blank=True, editable=False)
    last_fetched_at = models.DateTimeField(_("last fetched at"), null=True, blank=True, editable=False)
    last_result = models.CharField(_("result of the last fetch"), max_length=300, blank=True, editable=False)

    history = HistoricalRecords(
        excluded_fields=["etag", "last_modified", "page_text", "last_fetched_at", "last_result"]
    )

    class Meta:
        verbose_name = _("monitored source")
        verbose_name_plural = _("monitored sources")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.url:
            if urlsplit(self.url).scheme not in ("http", "https"):
                raise ValidationError({"url": gettext("Only http and https addresses can be watched.")})
            if not WatchedHost.objects.allowed().filter(host=url_host(self.url)).exists():
                raise ValidationError(
                    {
                        "url": gettext("Add the host %(host)s to the watched hosts first.")
                        % {"host": url_host(self.url)}
                    }
                )


class KeywordRule(TimeStampedModel):
    """Words that make an item a mention: the city, its units, the Mayor, institutions, districts.

    [K] Polish inflection by stems: each line of `terms` is a phrase; a word ending with “*” matches every ending
    (“Rud* Śląsk*” matches “Rudzie Śląskiej”, “Rudy Śląskiej”), alternatives are separated by “|” (“Kokotek|Kokotk*”
    for a stem that changes), letter case is ignored (`monitoring.keywords`).
    """

    name = models.CharField(_("name"), max_length=200, help_text=_("E.g. “The Mayor”."))
    terms = models.TextField(
        _("phrases"),
        help_text=_(
            "One phrase a line. A word ending with * matches every ending (Prezydent* → Prezydenta, Prezydentowi); "
            "alternatives with |, e.g. Kokotek|Kokotk*."
        ),
    )
    topic = models.CharField(_("topic"), max_length=200, blank=True)
    unit = models.ForeignKey(
        CityUnit, verbose_name=_("unit concerned"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    is_active = models.BooleanField(_("active"), default=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("keyword rule")
        verbose_name_plural = _("keyword rules")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        from monitoring.keywords import phrases_of

        if not phrases_of(self.terms):
            raise ValidationError({"terms": gettext("Give at least one phrase.")})


class SourceItem(models.Model):
    """One feed entry, or one new text of a watched page with its diff, as fetched; kept once per source."""

    source = models.ForeignKey(
        MonitoredSource, verbose_name=_("source"), on_delete=models.CASCADE, related_name="items"
    )
    key = models.CharField(_("identifier"), max_length=300)
    title = models.CharField(_("title"), max_length=300, blank=True)
    url = models.URLField(_("link"), max_length=1000, blank=True)
    text = models.TextField(_("text"), blank=True)
    diff = models.TextField(_("changes"), blank=True, help_text=_("What changed on the page since the last fetch."))
    fetched_at = models.DateTimeField(_("fetched at"), auto_now_add=True)
    mention = models.OneToOneField(
        MediaMention,
        verbose_name=_("media mention"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="source_item",
    )

    class Meta:
        verbose_name = _("fetched item")
        verbose_name_plural = _("fetched items")
        ordering = ["-fetched_at", "-pk"]
        constraints = [models.UniqueConstraint(fields=["source", "key"], name="monitoring_item_once_per_source")]

    def __str__(self):
        return self.title or self.key
