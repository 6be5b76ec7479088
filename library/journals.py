"""The official journals the library links to and never stores (DOMAIN.md §H [K]): they are published online by
their editors, and a stored copy would only go out of date."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class OfficialJournal:
    name: str
    url: str
    publisher: str


OFFICIAL_JOURNALS = (
    OfficialJournal("Dziennik Ustaw", "https://dziennikustaw.gov.pl/", _("Government Legislation Centre")),
    OfficialJournal("Monitor Polski", "https://monitorpolski.gov.pl/", _("Government Legislation Centre")),
    OfficialJournal(
        "Dziennik Urzędowy Województwa Śląskiego",
        "https://edziennik.katowice.uw.gov.pl/",
        _("Silesian Voivodeship Office in Katowice"),
    ),
)
