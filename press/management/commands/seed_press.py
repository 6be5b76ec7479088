"""Demo content of the press office (idempotent; every part is loaded once).

Topics, recent releases in the newsroom (three with photos) and one under embargo; media outlets, contacts and
media lists (fictional, addresses under example.pl); a press conference open for accreditation and one already
held, with accreditations received, accepted and refused. Workflow moves go through
`core.services.transition_perform` and cases through `core.services.case_open`, photos through
`press.services.release_photo_add`, so history rows, case marks and image renditions exist as in real use.
"""

from datetime import datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from core.management.demo import DemoDataCommand
from core.management.demo_images import demo_card
from core.public_cases import current_information_clause
from core.services import case_open, transition_perform
from core.slugs import polish_slugify
from press.demo_data import (
    CONFERENCE_VENUE,
    CONFERENCES,
    CONTACT,
    CONTACTS,
    EMBARGOED,
    MEDIA_LISTS,
    OUTLETS,
    PHOTOS,
    RELEASE_AFTER,
    RELEASES,
    SLUG_PREFIX,
    TOPICS,
)
from press.models import (
    Accreditation,
    MediaContact,
    MediaList,
    MediaOutlet,
    PressConference,
    PressRelease,
    ReleasePhoto,
    Topic,
)
from press.services import release_create, release_photo_add


def demo_release_create(title: str, **fields) -> PressRelease:
    """A demo release with its demo address and the press office's contact for journalists."""
    slug = f"{SLUG_PREFIX}{polish_slugify(title)[:180]}"
    return release_create(acting_user=None, title=title, slug=slug, **CONTACT, **fields)


class Command(DemoDataCommand):
    help = (
        "Load the press office's demo topics, releases (one under embargo until tomorrow), photos, media lists and "
        "press conferences with accreditations (idempotent)."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        if PressRelease.objects.filter(slug__startswith=SLUG_PREFIX).exists():
            self.stdout.write("Komunikaty demonstracyjne już są.")
        else:
            self.releases_create()
        self.photos_add()
        media_lists = self.media_create()
        self.conferences_create(media_lists)

    def releases_create(self):
        topics = {}
        for position, (slug, name) in enumerate(TOPICS):
            topics[slug], _created = Topic.objects.get_or_create(
                slug=slug, defaults={"name": name, "position": position}
            )
        now = timezone.now()
        for days_ago, title, lead, body, topic_slugs, district in RELEASES:
            publish_at = timezone.make_aware(datetime.combine(now.date() - timedelta(days=days_ago), time(10, 0)))
            release = demo_release_create(
                title,
                lead=lead,
                body=body,
                district=district,
                topics=[topics[slug] for slug in topic_slugs],
                status=PressRelease.Status.PUBLISHED,
                publish_at=publish_at,
            )
            PressRelease.objects.filter(pk=release.pk).update(published_at=publish_at, distributed_at=publish_at)
        title, lead, body = EMBARGOED
        release = demo_release_create(
            title,
            lead=lead,
            body=body,
            topics=[topics["kultura"]],
            publish_at=timezone.make_aware(datetime.combine(now.date() + timedelta(days=1), time(10, 0))),
        )
        for name in ("submit", "approve", "schedule"):
            transition_perform(obj=release, name=name, acting_user=None)
        self.stdout.write(f"Komunikaty prasowe: {len(RELEASES)} opublikowanych, 1 z embargiem do jutra 10:00.")

    def photos_add(self):
        """Photos on three published releases, uploaded as in the admin (renditions, Polish alt text)."""
        added = 0
        for index, alt_text, caption, author in PHOTOS:
            title = RELEASES[index][1]
            release = PressRelease.objects.filter(slug=f"{SLUG_PREFIX}{polish_slugify(title)[:180]}").first()
            if release is None or ReleasePhoto.objects.filter(release=release).exists():
                continue
            release_photo_add(
                release=release,
                uploaded_file=demo_card(title, caption="Biuro prasowe · Ruda Śląska", index=index),
                alt_text=alt_text,
                acting_user=None,
                caption=caption,
                author=author,
                image_rights_confirmed=True,
            )
            added += 1
        if added:
            self.stdout.write(f"Zdjęcia do komunikatów: {added}.")

    def media_create(self) -> list[MediaList]:
        """Fictional outlets, contacts and media lists (found by name or e-mail, so a second run adds nothing)."""
        outlets = {}
        for name, kind, website in OUTLETS:
            outlets[name], _created = MediaOutlet.objects.get_or_create(
                name=name, defaults={"kind": kind, "website": website}
            )
        media_lists = []
        for name, description in MEDIA_LISTS:
            media_list, _created = MediaList.objects.get_or_create(name=name, defaults={"description": description})
            media_lists.append(media_list)
        for name, email, phone, outlet, beats, list_indexes in CONTACTS:
            contact, created = MediaContact.objects.get_or_create(
                email=email,
                defaults={
                    "name": name,
                    "phone": phone,
                    "outlet": outlets[outlet],
                    "beats": beats,
                    "legal_basis_note": "Dane redakcji ze strony internetowej wydawcy (dane demonstracyjne).",
                },
            )
            if created:
                contact.lists.add(*(media_lists[i] for i in list_indexes))
        return media_lists

    def conferences_create(self, media_lists: list[MediaList]):
        """One conference open for accreditation and one held, with accreditations received, accepted, refused."""
        now = timezone.now()
        for days, hour, title, topic, speakers, accreditations in CONFERENCES:
            slug = f"{SLUG_PREFIX}{polish_slugify(title)[:180]}"
            if PressConference.objects.filter(slug=slug).exists():
                continue
            conference = PressConference.objects.create(
                title=title,
                slug=slug,
                topic=topic,
                starts_at=timezone.make_aware(datetime.combine(now.date() + timedelta(days=days), time(hour, 0))),
                venue=CONFERENCE_VENUE,
                speakers=speakers,
                release=PressRelease.objects.filter(title=RELEASE_AFTER.get(title, "")).first(),
            )
            conference.media_lists.set(media_lists[:2])
            transition_perform(obj=conference, name="announce", acting_user=None)
            for full_name, outlet_name, role, email, decision, note in accreditations:
                accreditation = case_open(
                    case=Accreditation(
                        conference=conference,
                        full_name=full_name,
                        outlet_name=outlet_name,
                        role=role,
                        email=email,
                        recording_consent=True,
                    ),
                    title=f"Akredytacja: {title}"[:200],
                    info_clause=current_information_clause("press.accreditation"),
                    acknowledge=False,
                )
                if decision:
                    transition_perform(obj=accreditation, name=decision, acting_user=None, note=note)
            if days < 0:
                transition_perform(obj=conference, name="mark_held", acting_user=None)
            self.stdout.write(f"Konferencja prasowa: {title} ({len(accreditations)} akredytacje).")
