"""Load realistic Polish demo content for a newcomer's `make run`. Safe to run again: nothing is duplicated.

Only in debug mode, unless `--allow-outside-debug` (`core.management.demo`). The demo clerk is in every role group,
so it never has a known password: every run gives it a new random one and prints it with the real addresses of
the portal and of the admin (SITE_URL, or `--site-url`, plus the admin's path from DJANGO_ADMIN_URL).
"""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse

from core.auth import current_totp_code, new_totp_device, totp_device_for, totp_secret
from core.management.demo import DemoDataCommand
from core.models import DepartmentDuty, DepartmentProfile, SectionSettings, StaticPage
from core.retention import case_models
from core.roles import HEAD_OF_DEPARTMENT_GROUP, SECTIONS, sync_roles
from core.services import case_take

DEMO_CLERK_USERNAME = "urzednik"
#: Bytes of randomness in the demo clerk's password (printed as about 1.3 characters a byte).
DEMO_PASSWORD_BYTES = 15


def demo_password() -> str:
    """A new random password for the demo clerk: never a value anyone could know in advance."""
    return secrets.token_urlsafe(DEMO_PASSWORD_BYTES)


# The department's duties as listed in the City Hall's organisational rules (DOMAIN.md, sections A–I).
DUTIES = [
    "Prowadzenie rejestru instytucji kultury, dla których organizatorem jest Miasto Ruda Śląska.",
    "Sprawowanie nadzoru nad działalnością miejskich instytucji kultury.",
    "Przygotowywanie projektów uchwał w sprawie tworzenia, łączenia, podziału i likwidacji instytucji kultury.",
    "Przygotowywanie zezwoleń Prezydenta Miasta na przeprowadzenie imprez masowych.",
    "Przyjmowanie zawiadomień o imprezach artystycznych i rozrywkowych poza siedzibą instytucji kultury.",
    "Przygotowywanie i rozliczanie otwartych konkursów ofert na zadania publiczne z zakresu kultury.",
    "Udzielanie dotacji celowych w trybie pozakonkursowym (małe granty) i kontrola ich wykorzystania.",
    "Przyznawanie stypendiów twórczych w dziedzinie kultury.",
    "Przyznawanie nagród Prezydenta Miasta w dziedzinie kultury.",
    "Prowadzenie biura prasowego Urzędu Miasta i obsługa mediów.",
    "Przygotowywanie i publikowanie komunikatów prasowych.",
    "Organizacja konferencji prasowych Prezydenta Miasta.",
    "Monitorowanie mediów i przygotowywanie sprostowań.",
    "Koordynowanie Honorowego Patronatu Prezydenta Miasta.",
    "Wydawanie zgód na używanie herbu, flagi i logo Miasta.",
    "Przygotowywanie listów okolicznościowych i wystąpień Prezydenta Miasta.",
    "Prowadzenie biblioteki Urzędu Miasta.",
    "Obsługa Rady Gospodarczej przy Prezydencie Miasta.",
    "Promocja terenów inwestycyjnych i wspieranie przedsiębiorczości.",
    "Organizowanie spotkań Prezydenta Miasta z mieszkańcami.",
    "Opracowywanie planu promocji miasta i programu rozwoju kultury.",
    "Publikowanie informacji o wydarzeniach w mieście.",
    "Realizacja zadań koordynatora do spraw dostępności.",
]

PAGES = [
    {
        "slug": "kontakt",
        "title": "Kontakt z wydziałem",
        "lead": "Jak się z nami skontaktować i gdzie nas znaleźć.",
        "body": "<p>Wydział Kultury, Komunikacji Społecznej i Promocji Miasta przyjmuje interesantów w budynku "
        "Urzędu Miasta Ruda Śląska, pl. Jana Pawła II 6.</p><p>Pisma można składać w Biurze Obsługi Mieszkańców, "
        "przez ePUAP lub e-Doręczenia.</p>",
        "show_in_footer": True,
        "position": 1,
    },
    {
        "slug": "ochrona-danych-osobowych",
        "title": "Ochrona danych osobowych",
        "lead": "Informacja o przetwarzaniu danych osobowych (RODO).",
        "body": "<p>Administratorem danych osobowych jest Prezydent Miasta Ruda Śląska, pl. Jana Pawła II 6, "
        "41-709 Ruda Śląska.</p><p>Kontakt z Inspektorem Ochrony Danych: iod@rudaslaska.pl.</p>",
        "show_in_footer": True,
        "position": 2,
    },
    {
        "slug": "instytucje-kultury",
        "title": "Miejskie instytucje kultury",
        "lead": "Instytucje kultury, których organizatorem jest Miasto Ruda Śląska.",
        "body": "<ul><li>Miejskie Centrum Kultury im. Henryka Bisty</li><li>Miejska Biblioteka Publiczna "
        "w Rudzie Śląskiej (14 filii)</li><li>Muzeum Miejskie im. Maksymiliana Chroboka</li></ul>",
        "show_in_footer": False,
        "position": 4,
    },
]


def demo_cases_take(clerk) -> None:
    """The demo clerk takes the oldest open case of each type ("Moje sprawy", the Terminarz's "Moje"); the other cases
    wait to be taken. A type the clerk already handles a case of is left alone, so a later run takes nothing more."""
    for model in case_models():
        if model.objects.filter(handler=clerk).exists():
            continue
        case = model.objects.filter(handler=None, closed_at=None).order_by("pk").first()
        if case is not None:
            case_take(case=case, acting_user=clerk)


class Command(DemoDataCommand):
    help = (
        "Load Polish demo content and the demo clerk (idempotent; debug mode only unless --allow-outside-debug). "
        "Every run gives the demo clerk a new random password and prints it."
    )

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--site-url",
            default="",
            help="The address the portal answers at, for the printed links (default: DJANGO_SITE_URL).",
        )
        parser.add_argument(
            "--without-events", dest="with_events", action="store_false", help="Skip the calendar's demo events."
        )
        parser.add_argument(
            "--without-institutions",
            dest="with_institutions",
            action="store_false",
            help="Skip the register of cultural institutions.",
        )
        parser.add_argument(
            "--without-press", dest="with_press", action="store_false", help="Skip the press office's releases."
        )
        parser.add_argument(
            "--without-mass-events",
            dest="with_mass_events",
            action="store_false",
            help="Skip the mass-event permit applications and event notifications.",
        )
        parser.add_argument(
            "--without-grants",
            dest="with_grants",
            action="store_false",
            help="Skip the grant calls, offers and the small grant.",
        )
        parser.add_argument(
            "--without-awards",
            dest="with_awards",
            action="store_false",
            help="Skip the scholarship and award calls and their applications.",
        )
        parser.add_argument(
            "--without-library",
            dest="with_library",
            action="store_false",
            help="Skip the City Hall library's collection, loans and subscriptions.",
        )
        parser.add_argument(
            "--without-patronage",
            dest="with_patronage",
            action="store_false",
            help="Skip the honorary patronage applications and the requests to use the city's symbols.",
        )
        parser.add_argument(
            "--without-promotion",
            dest="with_promotion",
            action="store_false",
            help="Skip the investment sites and the investors' inquiries.",
        )
        parser.add_argument(
            "--without-monitoring",
            dest="with_monitoring",
            action="store_false",
            help="Skip the media mentions and the sprostowania.",
        )
        parser.add_argument(
            "--without-mourning",
            dest="with_mourning",
            action="store_false",
            help="Skip the demo mourning period (one that has ended: the portal shows no ribbon).",
        )
        parser.add_argument(
            "--without-newsletter",
            dest="with_newsletter",
            action="store_false",
            help="Skip the newsletter's demo subscribers and draft mailings.",
        )
        parser.add_argument(
            "--without-accessibility",
            dest="with_accessibility",
            action="store_false",
            help="Skip the requests for accessibility and the demands for digital accessibility.",
        )
        parser.add_argument(
            "--without-meetings",
            dest="with_meetings",
            action="store_false",
            help="Skip the Mayor's meetings with residents.",
        )
        parser.add_argument(
            "--without-council",
            dest="with_council",
            action="store_false",
            help="Skip the Economic Council (members, sittings, opinions).",
        )

    @transaction.atomic
    def handle(self, *args, **options):
        sync_roles()
        DepartmentProfile.objects.update_or_create(
            pk=1,
            defaults={
                "name": "Wydział Kultury, Komunikacji Społecznej i Promocji Miasta",
                "head_name": "Krzysztof Piecha",
                "head_title": "Naczelnik Wydziału",
                "address": "Urząd Miasta Ruda Śląska\npl. Jana Pawła II 6\n41-709 Ruda Śląska",
                "phone": "32 244 90 00 wew. 3250",
                "other_phones": "32 244 90 00 wew. 3251\n32 244 90 00 wew. 3252\n32 244 90 00 wew. 3253",
                "email": "kultura@rudaslaska.pl",
                "office_hours": "poniedziałek–środa 7:30–15:30\nczwartek 7:30–17:00\npiątek 7:30–14:00",
                "introduction": "<p>Wydział prowadzi sprawy kultury, komunikacji społecznej i promocji miasta: od "
                "rejestru instytucji kultury, przez imprezy masowe i dotacje, po biuro prasowe.</p>",
            },
        )
        for position, title in enumerate(DUTIES, start=1):
            DepartmentDuty.objects.update_or_create(position=position, defaults={"title": title})
        for page in PAGES:
            StaticPage.objects.update_or_create(slug=page["slug"], defaults={**page, "is_published": True})

        clerk, _created = get_user_model().objects.get_or_create(
            username=DEMO_CLERK_USERNAME,
            defaults={"first_name": "Anna", "last_name": "Nowak", "email": "a.nowak@rudaslaska.pl", "is_staff": True},
        )
        password = demo_password()
        clerk.set_password(password)
        clerk.save(update_fields=["password"])
        clerk.groups.add(*Group.objects.filter(name__in=[s.group_name for s in SECTIONS] + [HEAD_OF_DEPARTMENT_GROUP]))
        # The second factor: one authenticator-app device with a random key, kept on later runs.
        device = totp_device_for(clerk) or new_totp_device(clerk)

        # The events calendar's demo events (idempotent: a later run adds nothing); seeded last of the data,
        # so the sign-in details below stay the last lines printed.
        allowed = {"allow_outside_debug": options["allow_outside_debug"]}
        if options["with_events"]:
            call_command("seed_events", stdout=self.stdout, **allowed)
        if options["with_institutions"]:
            call_command("seed_institutions", stdout=self.stdout, **allowed)
        if options["with_press"]:
            call_command("seed_press", stdout=self.stdout, **allowed)
        if options["with_mass_events"]:
            call_command("seed_mass_events", stdout=self.stdout, **allowed)
        if options["with_grants"]:
            call_command("seed_grants", stdout=self.stdout, **allowed)
        if options["with_awards"]:
            call_command("seed_awards", stdout=self.stdout, **allowed)
        if options["with_library"]:
            call_command("seed_library", stdout=self.stdout, **allowed)
        if options["with_patronage"]:
            call_command("seed_patronage", stdout=self.stdout, **allowed)
        if options["with_promotion"]:
            call_command("seed_promotion", stdout=self.stdout, **allowed)
        if options["with_monitoring"]:
            call_command("seed_monitoring", stdout=self.stdout, **allowed)
        if options["with_newsletter"]:
            call_command("seed_newsletter", stdout=self.stdout, **allowed)
        if options["with_mourning"]:
            call_command("seed_mourning", stdout=self.stdout, **allowed)
        if options["with_accessibility"]:
            call_command("seed_accessibility", stdout=self.stdout, **allowed)
        if options["with_meetings"]:
            call_command("seed_meetings", stdout=self.stdout, **allowed)
        if options["with_council"]:
            call_command("seed_council", stdout=self.stdout, **allowed)
        # Each section's inbox, set after the demo cases so that they announce nothing; a later case does
        # (core.notifications). An address an administrator changed is kept.
        for section in SECTIONS:
            settings_row, _created = SectionSettings.objects.get_or_create(section=section.code)
            if not settings_row.inbox_email:
                settings_row.inbox_email = f"obszar-{section.code}@kultura.example.pl"
                settings_row.save(update_fields=["inbox_email", "updated_at"])
        demo_cases_take(clerk)
        site_url = (options["site_url"] or settings.SITE_URL).rstrip("/")
        self.stdout.write(self.style.SUCCESS("Dane demonstracyjne gotowe."))
        self.stdout.write(f"Portal:          {site_url}/")
        self.stdout.write(f"Panel urzędnika: {site_url}{reverse('admin:index')}")
        self.stdout.write(f"Login: {DEMO_CLERK_USERNAME}   Hasło: {password}   (nowe przy każdym uruchomieniu)")
        self.stdout.write("Drugi składnik (aplikacja uwierzytelniająca, np. FreeOTP, Aegis, Google Authenticator):")
        self.stdout.write(f"  Sekret (base32): {totp_secret(device)}")
        self.stdout.write(f"  URI otpauth:     {device.config_url}")
        self.stdout.write(f"  Kod w tej chwili: {current_totp_code(device)} (zmienia się co {device.step} s)")
        if settings.OTP_REQUIRED:
            self.stdout.write("Przy logowaniu podaj kod z aplikacji, do której dodano sekret.")
        else:
            self.stdout.write(
                "Tryb debug: kod nie jest wymagany (DJANGO_OTP_REQUIRED=false), wystarczą login i hasło. "
                "Logowanie z kodem: DJANGO_OTP_REQUIRED=true make run"
            )
