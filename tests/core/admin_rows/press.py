"""The press office: releases, media lists, conferences, accreditations,
letters and social posts."""

from core.services import case_open
from press.models import (
    Accreditation,
    DistributionLogEntry,
    LetterTemplate,
    MediaContact,
    MediaList,
    MediaOutlet,
    OccasionalLetter,
    PressConference,
    PressRelease,
    SocialPost,
    Topic,
)
from tests.core.admin_rows import TODAY, in_days, plain, row_maker, serial
from tests.core.admin_rows.events import event

plain(Topic, name="Temat {n}", slug="temat-{n}", position=lambda n: n)
press_release = plain(PressRelease, title="Komunikat {n}", lead="Krótko.")
media_outlet = plain(MediaOutlet, name="Redakcja {n}")
media_list = plain(MediaList, name="Lista {n}")
plain(LetterTemplate, name="Wzór {n}", text="Szanowni Państwo,")
plain(OccasionalLetter, occasion="Jubileusz {n}", addressee="Jan Kowalski", needed_on=TODAY, requested_by="Prezydent")


@row_maker(PressConference)
def press_conference():
    n = next(serial)
    return PressConference.objects.create(title=f"Konferencja {n}", topic="Lato", starts_at=in_days(7), venue="UM")


@row_maker(Accreditation)
def accreditation():
    n = next(serial)
    accredited = Accreditation(
        conference=press_conference(),
        full_name=f"Dziennikarz {n}",
        outlet_name="Wiadomości Rudzkie",
        role="reporter",
        email="redakcja@example.pl",
    )
    return case_open(case=accredited, title=f"Akredytacja {n}")


@row_maker(MediaContact)
def media_contact():
    n = next(serial)
    return MediaContact.objects.create(name=f"Dziennikarz {n}", email=f"d{n}@example.pl", outlet=media_outlet())


@row_maker(DistributionLogEntry)
def distribution_log_entry():
    return DistributionLogEntry.objects.create(
        release=press_release(), contact=media_contact(), media_list=media_list()
    )


@row_maker(SocialPost)
def social_post():
    n = next(serial)
    return SocialPost.objects.create(channel="facebook", text=f"Wpis {n}", release=press_release(), event=event())
