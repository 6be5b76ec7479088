"""The Rada Miasta's resolution on scholarships or awards, and the kinds and fields of art it names.

u.o.p.d.k. art. 7a ust. 3 (awards) and art. 7b ust. 3 (scholarships): the council sets by resolution the detailed
conditions, procedure and amounts; every call of the department is made under one (DOMAIN.md §D.1, §D.2). Imported
by `awards.models`, which re-exports these names.
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.models import TimeStampedModel
from core.money import MONEY_FIELD


class Kind(models.TextChoices):
    SCHOLARSHIP = "scholarship", _("artistic scholarship")
    AWARD = "award", _("Mayor's culture award")


class FieldOfArt(models.TextChoices):
    """Fields a scholarship or award is given in (DOMAIN.md §D.2 [V Częstochowa])."""

    LITERATURE = "literature", _("literature")
    MUSIC = "music", _("music")
    VISUAL_ARTS = "visual_arts", _("visual arts")
    THEATRE = "theatre", _("theatre")
    FILM = "film", _("film")
    DANCE = "dance", _("dance")
    POPULARISATION = "popularisation", _("popularisation of culture")
    HERITAGE = "heritage", _("protection of cultural goods and care of monuments")
    OTHER = "other", _("other")


class ScholarshipType(models.TextChoices):
    """A scholarship paid for a period or as a one-off sum, where the resolution caps them apart (DOMAIN.md §D.2)."""

    PERIODIC = "periodic", _("periodic scholarship")
    ONE_OFF = "one_off", _("one-off scholarship")


class AwardResolution(TimeStampedModel):
    """The Rada Miasta's resolution setting the conditions, procedure and amounts of scholarships or awards.

    u.o.p.d.k. art. 7a ust. 3 (awards) and art. 7b ust. 3 (scholarships): an act of local law, published in the
    Dziennik Urzędowy Województwa Śląskiego and in force 14 days later (DOMAIN.md §D.1). Its caps bind every call
    made under it: one cap per scholarship or award, or, where the resolution sets them apart, one for a periodic
    and one for a one-off scholarship (Częstochowa 2013: 200–500 zł a month or 2 000–5 000 zł once, DOMAIN.md §D.2);
    each cap is the whole amount of one scholarship [K]. The fields of art it names are the only ones the form
    offers; none named means any.
    """

    kind = models.CharField(_("kind"), max_length=20, choices=Kind)
    number = models.CharField(_("number"), max_length=60, help_text=_("E.g. PR.0007.120.2026"))
    adopted_on = models.DateField(_("date of the resolution"))
    title = models.CharField(
        _("title"),
        max_length=500,
        blank=True,
        help_text=_("E.g. w sprawie szczegółowych warunków i trybu przyznawania stypendiów artystycznych"),
    )
    journal_item = models.CharField(
        _("Dziennik Urzędowy item"),
        max_length=120,
        help_text=_("Where it was published, e.g. Dz. Urz. Woj. Śl. z 2026 r. poz. 4321"),
    )
    max_amount = models.DecimalField(
        _("highest amount of one scholarship or award"),
        null=True,
        blank=True,
        help_text=_("Empty when the resolution sets no cap, or only the two caps below."),
        **MONEY_FIELD,
    )
    max_amount_periodic = models.DecimalField(
        _("highest periodic scholarship"),
        null=True,
        blank=True,
        help_text=_("The whole amount for the period; only where the resolution caps periodic scholarships apart."),
        **MONEY_FIELD,
    )
    max_amount_one_off = models.DecimalField(
        _("highest one-off scholarship"),
        null=True,
        blank=True,
        help_text=_("Only where the resolution caps one-off scholarships apart."),
        **MONEY_FIELD,
    )
    fields_of_art = models.JSONField(
        _("fields of art"),
        default=list,
        blank=True,
        help_text=_("The fields the resolution allows; none ticked means every field."),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("council resolution on scholarships or awards")
        verbose_name_plural = _("council resolutions on scholarships and awards")
        ordering = ["-adopted_on", "number"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(max_amount__isnull=True) | Q(max_amount__gt=0))
                & (Q(max_amount_periodic__isnull=True) | Q(max_amount_periodic__gt=0))
                & (Q(max_amount_one_off__isnull=True) | Q(max_amount_one_off__gt=0)),
                name="award_resolution_caps_positive",
            ),
        ]

    def __str__(self):
        return _("Resolution no. %(number)s of the City Council of Ruda Śląska of %(date)s (%(journal)s)") % {
            "number": self.number,
            "date": self.adopted_on.strftime("%d.%m.%Y") if self.adopted_on else "—",
            "journal": self.journal_item,
        }

    def clean(self):
        super().clean()
        if self.kind == Kind.AWARD and (self.max_amount_periodic or self.max_amount_one_off):
            raise ValidationError(
                {"max_amount_periodic": _("An award has one cap: enter it as the highest amount of one award.")}
            )
        unknown = set(self.fields_of_art or ()) - set(FieldOfArt.values)
        if unknown:
            raise ValidationError({"fields_of_art": _("Choose fields of art from the list.")})

    @property
    def distinguishes_scholarship_types(self) -> bool:
        """Whether the resolution caps periodic and one-off scholarships apart (the form then asks which)."""
        return self.kind == Kind.SCHOLARSHIP and (
            self.max_amount_periodic is not None or self.max_amount_one_off is not None
        )

    def cap_for(self, scholarship_type: str = "") -> Decimal | None:
        """The cap of one scholarship of `scholarship_type` (or of one award); None when the resolution sets none.

        A kind the resolution caps apart takes its own cap, any other the general one; an application that names
        no kind under a resolution with only the two caps keeps within the higher of them [K].
        """
        own = {ScholarshipType.PERIODIC: self.max_amount_periodic, ScholarshipType.ONE_OFF: self.max_amount_one_off}
        cap = own.get(scholarship_type)
        if cap is not None:
            return cap
        if self.max_amount is None and not scholarship_type:
            return max((cap for cap in own.values() if cap is not None), default=None)
        return self.max_amount

    def field_of_art_choices(self) -> list[tuple[str, str]]:
        """The fields of art an application may name under this resolution, in the list's order."""
        allowed = set(self.fields_of_art or ())
        return [(value, label) for value, label in FieldOfArt.choices if not allowed or value in allowed]
