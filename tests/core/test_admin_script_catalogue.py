"""The admin's scripts speak Polish: every string Django's own Polish catalogue leaves empty comes from ours.

Django 6.1's date shortcuts name their links "Today (%(date)s)" for screen readers; untranslated, the accessible
name no longer contains the visible "Dzisiaj" (WCAG 2.5.3) and axe fails the clerk's page.
"""

import json
import re
from pathlib import Path

import django.contrib.admin
import pytest
from django.urls import reverse

DJANGO_ADMIN_SCRIPTS_PO = Path(django.contrib.admin.__file__).parent / "locale/pl/LC_MESSAGES/djangojs.po"


# An entry whose (first) translation is empty: msgid, optional msgid_plural, then msgstr "" ending the entry.
EMPTY_ENTRY = re.compile(r'^msgid ((?:".*"\n)+)(?:msgid_plural (?:".*"\n)+)?msgstr(?:\[0\])? ""\n\Z', re.M)


def untranslated_in_django() -> list[str]:
    """The msgids of Django's Polish admin script catalogue whose translation is empty."""
    missing = []
    for block in DJANGO_ADMIN_SCRIPTS_PO.read_text().split("\n\n"):
        match = EMPTY_ENTRY.search(block + "\n")
        if match:
            msgid = "".join(re.findall(r'"(.*)"', match.group(1))).replace('\\"', '"')
            if msgid:
                missing.append(msgid)
    return missing


def served_catalogue(client) -> dict:
    script = client.get(reverse("admin:jsi18n")).content.decode()
    return json.loads(re.search(r"const newcatalog = (\{.*?\});\n", script, re.S).group(1))


def test_django_still_leaves_strings_of_the_date_shortcuts_untranslated():
    # When Django's catalogue catches up, the entries of locale/pl/LC_MESSAGES/djangojs.po can go.
    assert "Today (%(date)s)" in untranslated_in_django()


@pytest.mark.django_db
def test_every_admin_script_string_django_leaves_empty_is_polish_in_the_served_catalogue(clerk_client):
    catalogue = served_catalogue(clerk_client(groups=["Biuro prasowe"]))

    missing = [msgid for msgid in untranslated_in_django() if not catalogue.get(msgid)]

    assert missing == []
    assert catalogue["Today (%(date)s)"] == "Dzisiaj (%(date)s)"
    assert catalogue["%(month)s %(day)s, %(year)s"] == "%(day)s %(month)s %(year)s"
    assert catalogue["Today"] == "Dzisiaj"  # Django's own translations are still there
