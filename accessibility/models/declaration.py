"""The declaration of accessibility of the portal, kept as data and rendered in the ministry's v2.0 structure.

Ustawa z 4.04.2019 o dostępności cyfrowej stron internetowych i aplikacji mobilnych podmiotów publicznych, art. 10:
a declaration for each website, in each language version of the site, linked from every page, reviewed and updated
every year by 31 March (DOMAIN.md §G.4). Its structure and element ids follow "Warunki techniczne publikacji oraz
struktura dokumentu elektronicznego deklaracji dostępności", version 2.0 of 31.07.2024 [V-sec S24]: the template
`accessibility/declaration.html` writes every section and id from the fields below, never from typed HTML.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.models.base import TimeStampedModel


class ComplianceStatus(models.TextChoices):
    """The three fixed sentences of `a11y-status` (v2.0: "w pełni zgodna / częściowo zgodna / niezgodna")."""

    FULL = "full", _("fully compliant")
    PARTIAL = "partial", _("partially compliant")
    NONE = "none", _("not compliant")


class AssessmentMethod(models.TextChoices):
    """The basis of the declaration (v2.0 section "Przygotowanie deklaracji dostępności i jej aktualizacja")."""

    SELF = "self", _("self-assessment")
    AUDIT = "audit", _("external audit")
    CONTRACTOR = "contractor", _("contractor's statement")


class DeclarationScope(models.TextChoices):
    """What the declaration covers (`a11y-zakres`, new in v2.0)."""

    WEBSITE = "website", _("website")
    MOBILE_APP = "mobile_app", _("mobile application")


class DeclarationQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)


class AccessibilityDeclaration(TimeStampedModel):
    """The declaration of accessibility of one language version of a website or application (ustawa z 4.04.2019
    art. 10: one per site and per language version; the portal's page shows the first published one of its language).

    `prepared_on` is the day the declaration was first prepared and never changes (`a11y-data-sporzadzenie`);
    `reviewed_on` is the last yearly review (`a11y-data-przeglad`, shown once there is one); the next review is due
    by 31 March of the following year (`accessibility.deadlines.declaration_review_due`).
    """

    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    entity_name = models.CharField(_("public entity"), max_length=200, default="Urząd Miasta Ruda Śląska")
    scope = models.CharField(_("scope"), max_length=20, choices=DeclarationScope, default=DeclarationScope.WEBSITE)
    site_name = models.CharField(
        _("name of the website"), max_length=200, help_text=_("E.g. Portal Wydziału Kultury Urzędu Miasta.")
    )
    site_url = models.URLField(_("address of the website"))
    published_on = models.DateField(_("date the website was published"))
    updated_on = models.DateField(_("date of the website's last significant update"))
    status = models.CharField(
        _("compliance with the act's annex"), max_length=20, choices=ComplianceStatus, default=ComplianceStatus.PARTIAL
    )
    noncompliance = models.TextField(
        _("non-compliance with the annex"),
        blank=True,
        help_text=_("One inaccessible content per line. Shown for partial or no compliance."),
    )
    out_of_scope = models.TextField(
        _("content not covered by the act"),
        blank=True,
        help_text=_(
            "One per line, each with its legal basis, e.g. films published before 23 September 2020 (art. 3)."
        ),
    )
    burden = models.TextField(_("disproportionate burden"), blank=True)
    burden_assessment_url = models.URLField(_("link to the burden assessment"), blank=True)
    prepared_on = models.DateField(_("date the declaration was prepared"))
    reviewed_on = models.DateField(_("date of the last review"), null=True, blank=True)
    method = models.CharField(
        _("basis of the declaration"), max_length=20, choices=AssessmentMethod, default=AssessmentMethod.SELF
    )
    method_report_url = models.URLField(_("link to the report, summary or statement"), blank=True)
    facilitations = models.TextField(_("facilitations, limitations and other information"), blank=True)
    shortcuts = models.TextField(_("keyboard shortcuts"), blank=True, help_text=_("Only the site's own shortcuts."))
    contact_person = models.CharField(_("responsible person or unit"), max_length=200)
    contact_email = models.EmailField(_("e-mail for accessibility"))
    contact_phone = models.CharField(_("phone for accessibility"), max_length=40)
    buildings = models.ManyToManyField(
        "events.Venue",
        verbose_name=_("the City Hall's buildings"),
        blank=True,
        related_name="+",
        help_text=_("Their accessibility is shown from the venue's data (entry, toilet, induction loop, parking)."),
    )
    architecture = models.TextField(
        _("architectural accessibility"), blank=True, help_text=_("What the buildings' data do not say.")
    )
    architecture_url = models.URLField(_("link to a separate description of the buildings"), blank=True)
    communication = models.TextField(_("information and communication accessibility"))
    pjm_online = models.BooleanField(_("an online Polish Sign Language interpreter is available"), default=False)
    is_published = models.BooleanField(_("published"), default=False)

    objects = DeclarationQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("declaration of accessibility")
        verbose_name_plural = _("declarations of accessibility")
        ordering = ["language", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["language", "site_url"], name="declaration_once_per_site_and_language")
        ]

    def __str__(self):
        return f"{self.site_name} ({self.get_language_display()})"

    def get_absolute_url(self):
        from django.utils import translation

        with translation.override(self.language):
            return reverse("accessibility:declaration")

    @property
    def last_review(self):
        """The day the content was last checked: the last review, else the first preparation."""
        return self.reviewed_on or self.prepared_on

    @staticmethod
    def lines(text: str) -> list[str]:
        return [line.strip() for line in text.splitlines() if line.strip()]


class DeclarationApp(models.Model):
    """A mobile application of the entity, named in the declaration with a link to its own declaration
    (`a11y-aplikacje`, shown only when the entity has one)."""

    declaration = models.ForeignKey(
        AccessibilityDeclaration, verbose_name=_("declaration"), on_delete=models.CASCADE, related_name="apps"
    )
    name = models.CharField(_("name"), max_length=200)
    url = models.URLField(_("link to the application or its declaration"))

    class Meta:
        verbose_name = _("mobile application")
        verbose_name_plural = _("mobile applications")
        ordering = ["name"]

    def __str__(self):
        return self.name
