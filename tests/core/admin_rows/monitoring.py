"""Media monitoring: mentions, sources, press reviews and corrections."""

from monitoring.models import (
    CityUnit,
    KeywordRule,
    MediaMention,
    MonitoredSource,
    PressCorrection,
    PressReview,
    SourceItem,
    WatchedHost,
)
from tests.core.admin_rows import TODAY, plain, row_maker, serial
from tests.core.admin_rows.press import media_outlet

city_unit = plain(CityUnit, name="Wydział {n}", email="wydzial{n}@rudaslaska.example")


@row_maker(MediaMention)
def media_mention():
    n = next(serial)
    return MediaMention.objects.create(
        outlet=media_outlet(), unit=city_unit(), medium="daily", published_on=TODAY, title=f"Wzmianka {n}"
    )


watched_host = plain(WatchedHost, host="media{n}.example.pl")
plain(KeywordRule, name="Reguła {n}", terms="Rud* Śląsk*", unit=lambda n: city_unit())


@row_maker(MonitoredSource)
def monitored_source():
    n = next(serial)
    host = watched_host()
    return MonitoredSource.objects.create(name=f"Źródło {n}", url=f"https://{host.host}/rss", outlet=media_outlet())


@row_maker(SourceItem)
def source_item():
    n = next(serial)
    return SourceItem.objects.create(
        source=monitored_source(), key=f"k{n}", title=f"Wpis {n}", mention=media_mention()
    )


@row_maker(PressReview)
def press_review():
    n = next(serial)
    review = PressReview.objects.create(
        title=f"Przegląd {n}", period_start=TODAY, period_end=TODAY, recipients="prezydent@rudaslaska.example"
    )
    review.mentions.set([media_mention()])
    return review


@row_maker(PressCorrection)
def press_correction():
    n = next(serial)
    return PressCorrection.objects.create(
        mention=media_mention(),
        reference=f"KSP.0531.{n}.2026",
        editor_in_chief="Anna Nowak",
        editorial_address="ul. Niedurnego 20",
        fragment="Dwanaście milionów.",
        correction_text="Cztery miliony.",
        mayor_name="Michał Pierończyk",
    )
