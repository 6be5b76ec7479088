"""Factories of media monitoring, built the way clerks do: mentions and sprostowania through the services."""

from django.utils import timezone

from monitoring.models import CityUnit, MediaMention, Medium, PressCorrection
from monitoring.services import correction_create, mention_create
from press.models import MediaOutlet

PRESS_GROUP = "Biuro prasowe"
OTHER_GROUP = "Wydarzenia i imprezy masowe"
FRAGMENT = "Miasto wydało na remont ul. Kokotek 12 mln zł."  # 47 characters
CORRECTION = "Remont ul. Kokotek kosztował 4,2 mln zł, z czego 3 mln zł pokrył Rządowy Fundusz Dróg."


def make_outlet(name="Wiadomości Rudzkie", kind=MediaOutlet.Kind.DAILY) -> MediaOutlet:
    return MediaOutlet.objects.get_or_create(name=name, defaults={"kind": kind})[0]


def make_unit(name="Wydział Dróg i Mostów", email="drogi@rudaslaska.example") -> CityUnit:
    return CityUnit.objects.get_or_create(name=name, defaults={"email": email})[0]


def make_mention(*, acting_user=None, medium=Medium.DAILY, published_on=None, outlet=None, **fields) -> MediaMention:
    fields.setdefault("title", "Remont za miliony")
    return mention_create(
        acting_user=acting_user,
        outlet=outlet or make_outlet(),
        medium=medium,
        published_on=published_on or timezone.localdate(),
        **fields,
    )


def make_correction(*, mention=None, acting_user=None, **fields) -> PressCorrection:
    fields.setdefault("reference", "KSP.0531.4.2026")
    fields.setdefault("editor_in_chief", "Anna Nowak")
    fields.setdefault("editorial_address", "ul. Niedurnego 20\n41-709 Ruda Śląska")
    fields.setdefault("fragment", FRAGMENT)
    fields.setdefault("correction_text", CORRECTION)
    fields.setdefault("mayor_name", "Michał Pierończyk")
    return correction_create(
        mention=mention or make_mention(acting_user=acting_user), acting_user=acting_user, **fields
    )
