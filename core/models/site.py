from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.html import SanitisedHTMLField
from core.models.base import TimeStampedModel
from core.roles import SECTIONS
from core.slugs import polish_slugify


class DepartmentProfile(TimeStampedModel):
    """The department's contact card shown on "O wydziale" and in the footer of every page (one row)."""

    name = models.CharField(_("name of the department"), max_length=200)
    head_name = models.CharField(_("head of the department"), max_length=200, help_text=_("E.g. Krzysztof Piecha"))
    head_title = models.CharField(_("title of the head"), max_length=100, default="Naczelnik Wydziału")
    address = models.TextField(_("address"), help_text=_("E.g. pl. Jana Pawła II 6, 41-709 Ruda Śląska"))
    room = models.CharField(_("room"), max_length=100, blank=True)
    phone = models.CharField(_("main phone number"), max_length=100, help_text=_("E.g. 32 244 90 00 ext. 3250"))
    other_phones = models.TextField(_("other phone numbers"), blank=True, help_text=_("One per line."))
    email = models.EmailField(_("e-mail"))
    office_hours = models.TextField(_("office hours"), blank=True)
    introduction = SanitisedHTMLField(_("introduction"), blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("department profile")
        verbose_name_plural = _("department profile")
        ordering = ["pk"]

    def __str__(self):
        return self.name

    def other_phone_list(self):
        return [line.strip() for line in self.other_phones.splitlines() if line.strip()]


class DepartmentDuty(TimeStampedModel):
    """One of the duties of the department listed in the City Hall's organisational rules."""

    position = models.PositiveSmallIntegerField(_("position"), help_text=_("Order on the department page."))
    title = models.TextField(_("duty"))

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("duty of the department")
        verbose_name_plural = _("duties of the department")
        ordering = ["position", "pk"]

    def __str__(self):
        return self.title[:80]


class StaticPageQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)


class StaticPage(TimeStampedModel):
    """A page of public information edited by clerks (e.g. "Dane kontaktowe", "Ochrona danych osobowych"); the
    declaration of accessibility is data of its own (accessibility.AccessibilityDeclaration)."""

    #: The columns of the site search's document (core.search.ranked_search; its stored column on PostgreSQL).
    SEARCH_FIELDS = ("title", "lead", "body")

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(
        _("address"), max_length=200, unique=True, blank=True, help_text=_("Filled in from the title when empty.")
    )
    lead = models.TextField(_("lead"), blank=True, help_text=_("One or two sentences shown under the title."))
    body = SanitisedHTMLField(_("content"))
    is_published = models.BooleanField(_("published"), default=False)
    show_in_footer = models.BooleanField(_("link in the footer"), default=False)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    objects = StaticPageQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("static page")
        verbose_name_plural = _("static pages")
        ordering = ["position", "title"]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = polish_slugify(self.title)[:200]
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("core:page_detail", kwargs={"slug": self.slug})


class SectionSettingsQuerySet(models.QuerySet):
    def for_section(self, code: str) -> "SectionSettings":
        """The section's settings, or unsaved defaults when an administrator has not set them yet."""
        return self.filter(section=code).first() or SectionSettings(section=code)


class SectionSettings(TimeStampedModel):
    """What an administrator sets per section of the department (core.roles.SECTIONS).

    The section's shared inbox is told when a case arrives or an applicant replies; new cases may go to a default
    handler (otherwise they wait on the dashboard for a clerk to take them); an overdue deadline is reported to the
    head of department after a number of working days ([K]: the department's own rule, no statute sets it).
    """

    DEFAULT_ESCALATION_WORKING_DAYS = 3

    section = models.CharField(
        _("section of the department"),
        max_length=30,
        unique=True,
        choices=[(section.code, section.group_name) for section in SECTIONS],
    )
    inbox_email = models.EmailField(
        _("section's inbox"),
        blank=True,
        help_text=_("Shared address told when a case arrives or an applicant replies. Empty: nobody is told."),
    )
    default_handler = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("default handler of new cases"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("New cases of the section are assigned to this clerk. Empty: they wait for a clerk to take them."),
    )
    escalation_after_working_days = models.PositiveSmallIntegerField(
        _("escalate after (working days)"),
        default=DEFAULT_ESCALATION_WORKING_DAYS,
        help_text=_("An overdue deadline is reported to the head of department after this many working days."),
    )

    objects = SectionSettingsQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("section settings")
        verbose_name_plural = _("sections' settings")
        ordering = ["section"]

    def __str__(self):
        return self.get_section_display()
