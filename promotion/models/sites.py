"""Investment areas (tereny inwestycyjne) offered to investors, and the investors' inquiries.

DOMAIN.md §I.2 [K]: the standard investment-site card (karta informacyjna terenu inwestycyjnego, the PAIH/COI template
Polish municipalities use): location, area and expansion, the land, the zoning plan and its permitted use, owner and
price, the special economic zone, transport access with distances, utilities with distances and capacities,
restrictions (mining damage, power lines, protected areas), photos, a map link and the contact person. A card is shown
on the public list only while `is_published`; an inquiry is a case (`core.models.Case`) opened by the public form.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from core.districts import District
from core.fieldsets import Fieldset
from core.models import Case, PublicImage
from core.models.base import TimeStampedModel
from core.money import MONEY_FIELD
from core.slugs import check_slug_reaches
from core.workflow import Transition, Workflow

#: [K] DOMAIN.md §I.2: Ruda Śląska lies in the area of the Katowicka Specjalna Strefa Ekonomiczna (Polska Strefa
#: Inwestycji): the zone a card names unless the clerk writes another.
DEFAULT_ECONOMIC_ZONE = "Katowicka Specjalna Strefa Ekonomiczna"
#: The administrative location every card of the city shares (gmina, powiat, województwo), printed on the card.
MUNICIPALITY = "Ruda Śląska"
COUNTY = "Ruda Śląska (miasto na prawach powiatu)"
VOIVODESHIP = "śląskie"


class ZoningStatus(models.TextChoices):
    """What governs building on the site (DOMAIN.md §I.2: MPZP status)."""

    LOCAL_PLAN = "local_plan", _("local zoning plan in force")
    PLAN_IN_PREPARATION = "plan_in_preparation", _("local zoning plan in preparation")
    ZONING_DECISION = "zoning_decision", _("zoning decision (WZ) issued")
    NO_PLAN = "no_plan", _("no local zoning plan")


class PermittedUse(models.TextChoices):
    """The use the plan permits (DOMAIN.md §I.2), the card's main filter."""

    INDUSTRIAL = "industrial", _("industry and production")
    LOGISTICS = "logistics", _("storage and logistics")
    SERVICES = "services", _("services and commerce")
    OFFICES = "offices", _("offices and technology")
    MIXED = "mixed", _("mixed use")


class Ownership(models.TextChoices):
    """Who owns the land (DOMAIN.md §I.2)."""

    MUNICIPAL = "municipal", _("the City of Ruda Śląska")
    STATE_TREASURY = "state_treasury", _("the State Treasury")
    PRIVATE = "private", _("a private owner")
    MIXED = "mixed", _("mixed ownership")


class Utility(models.TextChoices):
    """The utilities of the card (DOMAIN.md §I.2): electricity, gas, water, sewage, wastewater treatment, telecom."""

    ELECTRICITY = "electricity", _("electricity")
    GAS = "gas", _("gas")
    WATER = "water", _("water supply")
    SEWAGE = "sewage", _("sewage system")
    WASTEWATER = "wastewater", _("wastewater treatment")
    TELECOM = "telecom", _("telecommunications")
    HEATING = "heating", _("district heating")


class TransportKind(models.TextChoices):
    """The transport links the card measures distances to (DOMAIN.md §I.2)."""

    MOTORWAY = "motorway", _("motorway or express road")
    NATIONAL_ROAD = "national_road", _("national road")
    RAILWAY = "railway", _("railway line or siding")
    AIRPORT = "airport", _("international airport")
    SEAPORT = "seaport", _("seaport")


class MiningDamage(models.TextChoices):
    """The category of mining ground (kategoria terenu górniczego) — relevant in Ruda Śląska (DOMAIN.md §I.2 [K])."""

    NONE = "none", _("outside mining ground")
    CATEGORY_0 = "0", _("mining ground, category 0")
    CATEGORY_I = "I", _("mining ground, category I")
    CATEGORY_II = "II", _("mining ground, category II")
    CATEGORY_III = "III", _("mining ground, category III")
    CATEGORY_IV = "IV", _("mining ground, category IV")


class InvestmentSiteQuerySet(models.QuerySet):
    def published(self):
        """The cards investors see (the public list, the card, its PDF, the inquiry form's choice)."""
        return self.filter(is_published=True)


class InvestmentSite(TimeStampedModel):
    """One investment site's card (karta terenu inwestycyjnego, DOMAIN.md §I.2 [K]).

    The free texts have an English twin shown on the English pages and PDF; an empty twin falls back to the Polish.
    """

    name = models.CharField(_("name of the site"), max_length=200)
    name_en = models.CharField(_("name of the site in English"), max_length=200, blank=True)
    slug = models.SlugField(_("address"), max_length=80, unique=True)
    is_published = models.BooleanField(_("published"), default=False)
    district = models.CharField(_("district"), max_length=20, choices=District, blank=True)
    street = models.CharField(_("location"), max_length=200, help_text=_("E.g. ul. Szyb Walenty, near the A4 exit."))
    plot_numbers = models.CharField(
        _("cadastral plots"), max_length=300, blank=True, help_text=_("E.g. obręb Wirek, działki 1203/45, 1203/46.")
    )
    latitude = models.DecimalField(_("latitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(_("longitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    description = models.TextField(_("description"), max_length=5000)
    description_en = models.TextField(_("description in English"), max_length=5000, blank=True)

    area_ha = models.DecimalField(_("total area (ha)"), max_digits=8, decimal_places=2)
    expansion_possible = models.BooleanField(_("the site can be enlarged"), default=False)
    expansion_ha = models.DecimalField(
        _("possible enlargement (ha)"), max_digits=8, decimal_places=2, null=True, blank=True
    )
    shape = models.CharField(
        _("shape of the site"), max_length=200, blank=True, help_text=_("E.g. a regular rectangle.")
    )
    terrain = models.CharField(
        _("height differences"), max_length=200, blank=True, help_text=_("E.g. flat, differences up to 2 m.")
    )
    current_use = models.CharField(_("current use"), max_length=200, blank=True)
    soil_class = models.CharField(_("soil class"), max_length=60, blank=True, help_text=_("E.g. Bp, RV."))
    groundwater = models.CharField(_("groundwater level"), max_length=200, blank=True)
    contamination = models.CharField(_("soil contamination"), max_length=200, blank=True)
    flood_risk = models.BooleanField(_("flood risk area"), default=False)

    zoning_status = models.CharField(_("zoning plan status"), max_length=30, choices=ZoningStatus)
    permitted_use = models.CharField(_("permitted use"), max_length=20, choices=PermittedUse)
    zoning_notes = models.TextField(
        _("provisions of the plan"),
        max_length=3000,
        blank=True,
        help_text=_("E.g. the plan's symbol, the maximum height and the share of built-up area."),
    )
    zoning_notes_en = models.TextField(_("provisions of the plan in English"), max_length=3000, blank=True)

    ownership = models.CharField(_("owner"), max_length=20, choices=Ownership)
    price_per_m2 = models.DecimalField(_("asking price per m² (net, PLN)"), null=True, blank=True, **MONEY_FIELD)
    price_total = models.DecimalField(_("asking price in total (net, PLN)"), null=True, blank=True, **MONEY_FIELD)
    price_note = models.CharField(
        _("note on the price"), max_length=200, blank=True, help_text=_("E.g. sale by tender, price to negotiate.")
    )

    in_economic_zone = models.BooleanField(_("in a special economic zone"), default=False)
    economic_zone = models.CharField(
        _("special economic zone"),
        max_length=200,
        blank=True,
        default=DEFAULT_ECONOMIC_ZONE,
        help_text=_("The zone's name when the site is in it or may be included in it (Polska Strefa Inwestycji)."),
    )
    road_access = models.CharField(
        _("road access"),
        max_length=200,
        blank=True,
        help_text=_("Type and width of the access road, e.g. asphalt, 7 m."),
    )

    mining_damage = models.CharField(
        _("mining ground"), max_length=10, choices=MiningDamage, default=MiningDamage.NONE
    )
    power_lines = models.BooleanField(_("power lines cross the site"), default=False)
    protected_area = models.BooleanField(_("in a protected area"), default=False)
    restrictions = models.TextField(_("other restrictions"), max_length=3000, blank=True)
    restrictions_en = models.TextField(_("other restrictions in English"), max_length=3000, blank=True)

    map_url = models.URLField(
        _("map link"), blank=True, help_text=_("A link to the site on the city's geoportal or another map.")
    )
    contact_name = models.CharField(_("contact person"), max_length=200)
    contact_role = models.CharField(
        _("contact person's role"), max_length=200, blank=True, default="Centrum Obsługi Inwestora"
    )
    contact_email = models.EmailField(_("contact e-mail"))
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)

    objects = InvestmentSiteQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("investment site")
        verbose_name_plural = _("investment sites")
        ordering = ["name", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(area_ha__gt=0), name="investment_site_area_positive"),
            models.CheckConstraint(
                condition=Q(expansion_ha__isnull=True) | Q(expansion_possible=True),
                name="investment_site_expansion_only_if_possible",
            ),
        ]
        indexes = [
            models.Index(fields=["is_published", "area_ha"], name="investment_site_area_idx"),
            models.Index(fields=["is_published", "zoning_status"], name="investment_site_zoning_idx"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("promotion:site_detail", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        check_slug_reaches("promotion:site_detail", self.slug)
        if self.expansion_ha is not None and not self.expansion_possible:
            raise ValidationError({"expansion_ha": _("Tick that the site can be enlarged, or leave this empty.")})

    def texts(self, language: str) -> dict[str, str]:
        """The card's free texts in `language` ("pl" or "en"); an empty English text falls back to the Polish."""
        fields = ("name", "description", "zoning_notes", "restrictions")
        if language == "en":
            return {field: getattr(self, f"{field}_en") or getattr(self, field) for field in fields}
        return {field: getattr(self, field) for field in fields}

    def utility_rows(self) -> list[tuple[str, "SiteUtility | None"]]:
        """Every utility of the card with the site's row for it, or None where it is not available (prefetched)."""
        by_kind = {row.kind: row for row in self.utilities.all()}
        return [(label, by_kind.get(kind)) for kind, label in Utility.choices]


class SiteUtility(models.Model):
    """A utility at or near the site, with its distance and capacity (DOMAIN.md §I.2).

    A row means the utility is available; a distance of 0 m means a connection on the site.
    """

    site = models.ForeignKey(
        InvestmentSite, verbose_name=_("investment site"), on_delete=models.CASCADE, related_name="utilities"
    )
    kind = models.CharField(_("utility"), max_length=20, choices=Utility)
    distance_m = models.PositiveIntegerField(
        _("distance (m)"), default=0, help_text=_("0 when the site is connected.")
    )
    capacity = models.CharField(_("capacity"), max_length=200, blank=True, help_text=_("E.g. 2 MW, 50 m³/h, DN 150."))

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("utility of a site")
        verbose_name_plural = _("utilities of sites")
        ordering = ["site", "kind"]
        constraints = [models.UniqueConstraint(fields=["site", "kind"], name="site_utility_once")]

    def __str__(self):
        return f"{self.site}: {self.get_kind_display()}"


class SiteTransport(models.Model):
    """The distance from the site to a road, railway, airport or seaport (DOMAIN.md §I.2)."""

    site = models.ForeignKey(
        InvestmentSite, verbose_name=_("investment site"), on_delete=models.CASCADE, related_name="transport_links"
    )
    kind = models.CharField(_("kind of link"), max_length=20, choices=TransportKind)
    name = models.CharField(_("name"), max_length=200, help_text=_("E.g. A4, DK 44, Katowice-Pyrzowice."))
    distance_km = models.DecimalField(_("distance (km)"), max_digits=6, decimal_places=1)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("transport link of a site")
        verbose_name_plural = _("transport links of sites")
        ordering = ["site", "distance_km", "pk"]

    def __str__(self):
        return f"{self.site}: {self.name}"


class SitePhoto(models.Model):
    """A photo of the site (a public image: re-encoded, without metadata, with its alternative text)."""

    site = models.ForeignKey(
        InvestmentSite, verbose_name=_("investment site"), on_delete=models.CASCADE, related_name="photos"
    )
    image = models.ForeignKey(PublicImage, verbose_name=_("image"), on_delete=models.PROTECT, related_name="+")
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("photo of a site")
        verbose_name_plural = _("photos of sites")
        ordering = ["site", "position", "pk"]

    def __str__(self):
        return f"{self.site}: {self.image}"


class InvestorInquiry(Case):
    """An investor's inquiry about the city's investment sites, answered by the Centrum Obsługi Inwestora.

    DOMAIN.md §I.2 [K]: `InvestorInquiry(company, contact, needs, sites M2M, status)`. No statute sets its course; the
    department answers within the period of `promotion.deadlines` (its own service standard, [K]) and the answer is
    the clerk's note, sent to the investor's private tracking page.
    """

    CASE_KIND_DEFAULTS = {"unit": "KSP", "jrwa": "0430"}
    PERSONAL_DATA_FIELDS = ("contact_name", "contact_email", "contact_phone")
    APPLICANT_NAME_FIELDS = ("company_name", "contact_name")
    APPLICANT_EMAIL_FIELD = "contact_email"
    CASE_OPENED_SUBJECT = _("Your investor inquiry has been received — %(mark)s")

    class Status(models.TextChoices):
        RECEIVED = "received", pgettext_lazy("investor inquiry status", "received")
        ANSWERED = "answered", _("answered")
        CLOSED = "closed", pgettext_lazy("investor inquiry status", "closed")
        WITHDRAWN = "withdrawn", _("withdrawn by the investor")

    APPLICANT_FIELDSETS = (
        Fieldset(_("The investor"), ("company_name", "country", "contact_name", "contact_email", "contact_phone")),
        Fieldset(_("The investment"), ("sector", "needed_area_ha", "needs")),
    )

    company_name = models.CharField(_("company"), max_length=200)
    country = models.CharField(_("country"), max_length=100, blank=True)
    contact_name = models.CharField(_("contact person"), max_length=200)
    contact_email = models.EmailField(_("contact e-mail"))
    contact_phone = models.CharField(_("contact phone"), max_length=30, blank=True)
    sector = models.CharField(_("sector"), max_length=200, help_text=_("E.g. automotive parts, logistics, IT."))
    needed_area_ha = models.DecimalField(_("area needed (ha)"), max_digits=8, decimal_places=2, null=True, blank=True)
    needs = models.TextField(
        _("what the investment needs"),
        max_length=5000,
        help_text=_("E.g. the planned jobs, power and water needs, the time frame, questions to the city."),
    )
    sites = models.ManyToManyField(
        InvestmentSite, verbose_name=_("investment sites concerned"), blank=True, related_name="inquiries"
    )
    received_on = models.DateField(_("received on"), editable=False)
    answered_on = models.DateField(_("answered on"), null=True, blank=True, editable=False)
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.RECEIVED, editable=False)

    history = HistoricalRecords()

    workflow = Workflow(
        action_prefix="promotion.inquiry",
        transitions=[
            Transition(
                "answer",
                source={Status.RECEIVED, Status.ANSWERED},
                target=Status.ANSWERED,
                label=_("Answer the investor"),
                note_required=True,
                effect="promotion.services.on_inquiry_answer",
                note_to_applicant=True,
            ),
            Transition(
                "close",
                source={Status.ANSWERED},
                target=Status.CLOSED,
                label=_("Close the inquiry"),
                closes_case=True,
            ),
            Transition(
                "withdraw",
                source={Status.RECEIVED, Status.ANSWERED},
                target=Status.WITHDRAWN,
                label=_("Withdrawn by the investor"),
                note_required=True,
                closes_case=True,
                announce_status=True,
            ),
        ],
    )

    class Meta:
        verbose_name = _("investor inquiry")
        verbose_name_plural = _("investor inquiries")
        ordering = ["-received_on", "-pk"]

    def __str__(self):
        return f"{self.case_mark}: {self.company_name}"
