"""The catalogue and the inventory book (księga inwentarzowa) of the City Hall library.

Every item is a copy with its own inventory number, given by `library.services.item_add` from a counter that only
grows: a number is never given twice, even after the item is written off, since a written-off item stays in the
book with the protocol that removed it [K: the inventory keeping is modelled on rozporządzenie Ministra Kultury
i Dziedzictwa Narodowego z 29.10.2008 w sprawie sposobu ewidencji materiałów bibliotecznych, § 2–4 and § 20–27
(ubytki); DOMAIN.md §H].
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.models import TimeStampedModel
from core.money import MONEY_FIELD
from library.validators import normalise_isbn, normalise_issn, validate_isbn, validate_issn


class InventoryCounter(models.Model):
    """The last inventory number given: one row, locked while the next number is taken (never decreases)."""

    last_number = models.PositiveIntegerField(_("last inventory number"), default=0)

    class Meta:
        verbose_name = _("inventory counter")
        verbose_name_plural = _("inventory counters")

    def __str__(self):
        return str(self.last_number)


class WriteOffProtocol(TimeStampedModel):
    """A dated protocol of ubytki: the items it removes stay in the inventory book with its number and date."""

    class Reason(models.TextChoices):
        WORN_OUT = "worn_out", _("worn out or damaged")
        OUTDATED = "outdated", _("out of date")
        LOST = "lost", _("lost by a reader")
        MISSING = "missing", _("missing at stocktaking")
        OTHER = "other", _("other")

    number = models.CharField(
        _("protocol number"), max_length=40, unique=True, help_text=_("As written on the protocol, e.g. 3/2026.")
    )
    drawn_up_on = models.DateField(_("drawn up on"))
    reason = models.CharField(_("reason"), max_length=20, choices=Reason.choices)
    committee = models.TextField(_("committee"), blank=True, help_text=_("Names of the members who signed it."))
    note = models.TextField(_("note"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("write-off protocol")
        verbose_name_plural = _("write-off protocols")
        ordering = ["-drawn_up_on", "-pk"]

    def __str__(self):
        return self.number


class LibraryItemQuerySet(models.QuerySet):
    def in_stock(self):
        """Items not written off."""
        return self.filter(write_off__isnull=True)


class LibraryItem(TimeStampedModel):
    """One copy in the inventory book: a book, a periodical issue, a loose-leaf publication or an e-resource."""

    class Kind(models.TextChoices):
        BOOK = "book", _("book")
        PERIODICAL_ISSUE = "periodical_issue", _("periodical issue")
        LOOSE_LEAF = "loose_leaf", _("loose-leaf publication")
        E_RESOURCE = "e_resource", _("e-resource")

    class Source(models.TextChoices):
        PURCHASE = "purchase", _("purchase")
        GIFT = "gift", _("gift")
        SUBSCRIPTION = "subscription", _("subscription")

    inventory_number = models.PositiveIntegerField(
        _("inventory number"),
        unique=True,
        editable=False,
        help_text=_("Given when the item is entered; never reused."),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.BOOK)
    title = models.CharField(_("title"), max_length=500)
    authors = models.CharField(
        _("authors"), max_length=500, blank=True, help_text=_("Surname and first name, separated by semicolons.")
    )
    publisher = models.CharField(_("publisher"), max_length=200, blank=True)
    year = models.PositiveSmallIntegerField(_("year of publication"), null=True, blank=True)
    isbn = models.CharField(
        _("ISBN"), max_length=17, blank=True, validators=[validate_isbn], help_text=_("E.g. 978-83-264-1234-5.")
    )
    issn = models.CharField(
        _("ISSN"), max_length=9, blank=True, validators=[validate_issn], help_text=_("E.g. 0867-2024.")
    )
    subjects = models.CharField(
        _("subjects"), max_length=500, blank=True, help_text=_("Subject headings, separated by semicolons.")
    )
    shelfmark = models.CharField(_("shelfmark"), max_length=60, blank=True, help_text=_("E.g. II-342 or Cz-12."))
    url = models.URLField(_("address of the e-resource"), blank=True)
    acquired_on = models.DateField(_("acquired on"))
    source = models.CharField(_("acquisition"), max_length=20, choices=Source.choices, default=Source.PURCHASE)
    price = models.DecimalField(_("price"), **MONEY_FIELD, null=True, blank=True)
    acquisition_document = models.CharField(
        _("acquisition document"),
        max_length=200,
        blank=True,
        help_text=_("Invoice number or gift letter, e.g. FV 12/2026."),
    )
    loanable = models.BooleanField(_("may be lent"), default=True, help_text=_("Off for reference copies."))
    write_off = models.ForeignKey(
        WriteOffProtocol,
        verbose_name=_("write-off protocol"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="items",
    )
    history = HistoricalRecords()

    objects = LibraryItemQuerySet.as_manager()

    class Meta:
        verbose_name = _("library item")
        verbose_name_plural = _("library items")
        ordering = ["inventory_number"]
        constraints = [
            models.CheckConstraint(condition=Q(inventory_number__gt=0), name="library_item_inventory_number_positive"),
            models.CheckConstraint(
                condition=Q(price__isnull=True) | Q(price__gte=0), name="library_item_price_not_negative"
            ),
        ]
        indexes = [models.Index(fields=["title"], name="library_item_title")]

    def __str__(self):
        return f"{self.inventory_number} — {self.title}"

    def clean(self):
        # The validators passed what was typed (hyphens allowed); the book keeps the compact form.
        self.isbn = normalise_isbn(self.isbn)
        self.issn = normalise_issn(self.issn)

    @property
    def is_written_off(self) -> bool:
        return self.write_off_id is not None
