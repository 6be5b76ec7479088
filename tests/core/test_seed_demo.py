"""Demo data stays off the city's portal: the seed commands refuse without DEBUG, and no login has a known password."""

import re
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.urls import reverse

from core.management.commands.seed_demo import DEMO_CLERK_USERNAME
from core.models import DepartmentProfile
from events.models import Event
from grants.models import GrantCall
from institutions.models import CulturalInstitution
from mass_events.models import EventNotification, MassEventPermitApplication
from mourning.models import MourningPeriod
from patronage.models import PatronageApplication
from press.models import PressRelease

QUICK = (
    "--without-events",
    "--without-institutions",
    "--without-press",
    "--without-mass-events",
    "--without-grants",
    "--without-patronage",
    "--without-accessibility",
    "--without-meetings",
    "--without-council",
)


def seed(*args, **options) -> str:
    out = StringIO()
    call_command("seed_demo", *QUICK, *args, stdout=out, **options)
    return out.getvalue()


def printed_password(output: str) -> str:
    return re.search(r"Hasło: (\S+)", output).group(1)


@pytest.mark.parametrize(
    "command",
    [
        "seed_demo",
        "seed_events",
        "seed_press",
        "seed_institutions",
        "seed_mass_events",
        "seed_grants",
        "seed_patronage",
        "seed_mourning",
        "seed_accessibility",
        "seed_meetings",
        "seed_council",
    ],
)
def test_without_debug_every_demo_command_refuses_and_loads_nothing(db, settings, command):
    settings.DEBUG = False

    with pytest.raises(CommandError, match="--allow-outside-debug"):
        call_command(command, stdout=StringIO())

    assert not get_user_model().objects.filter(username=DEMO_CLERK_USERNAME).exists()
    assert not DepartmentProfile.objects.exists()
    assert not Event.objects.exists()
    assert not PressRelease.objects.exists()
    assert not CulturalInstitution.objects.exists()
    assert not MassEventPermitApplication.objects.exists()
    assert not EventNotification.objects.exists()
    assert not GrantCall.objects.exists()
    assert not PatronageApplication.objects.exists()
    assert not MourningPeriod.objects.exists()


def test_with_the_flag_the_demo_clerk_gets_a_random_password_printed_once_per_run(db, settings):
    settings.DEBUG = False

    first = printed_password(seed("--allow-outside-debug"))
    second = printed_password(seed("--allow-outside-debug"))

    clerk = get_user_model().objects.get(username=DEMO_CLERK_USERNAME)
    assert first != second
    assert len(second) >= 20
    assert clerk.check_password(second)
    assert not clerk.check_password(first)
    # The password published in earlier versions of the README and code opens nothing.
    assert not clerk.check_password("demo-urzednik-2026")


def test_in_debug_mode_it_runs_without_the_flag_and_still_prints_a_random_password(db, settings):
    settings.DEBUG = True

    output = seed()

    clerk = get_user_model().objects.get(username=DEMO_CLERK_USERNAME)
    assert clerk.check_password(printed_password(output))


def test_it_prints_the_portals_real_addresses(db, settings):
    """The links come from DJANGO_SITE_URL (or --site-url, the runserver address) and the admin's real path."""
    settings.DEBUG = True
    settings.SITE_URL = "https://kultura.example.pl/"

    output = seed()
    assert "Portal:          https://kultura.example.pl/\n" in output
    assert f"Panel urzędnika: https://kultura.example.pl{reverse('admin:index')}\n" in output
    assert "127.0.0.1:8000" not in output

    output = seed("--site-url", "http://127.0.0.1:8016")
    assert f"Panel urzędnika: http://127.0.0.1:8016{reverse('admin:index')}\n" in output


def test_each_section_gets_a_demo_inbox_and_an_administrators_address_is_kept(db, settings):
    from core.models import SectionSettings
    from core.roles import SECTIONS

    settings.DEBUG = True
    SectionSettings.objects.create(section="press", inbox_email="prasa@rudaslaska.pl")

    seed()
    seed()

    assert SectionSettings.objects.count() == len(SECTIONS)
    assert SectionSettings.objects.for_section("press").inbox_email == "prasa@rudaslaska.pl"
    assert SectionSettings.objects.for_section("events").inbox_email == "obszar-events@kultura.example.pl"
