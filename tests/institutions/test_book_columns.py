"""The columns of the register book are one declaration, and the clerk is told they are not checked against the annex.

No copy of the annex to Dz.U. 2012 poz. 189 (the template of the book) could be read, so the entry screen says,
under every section, where its columns come from and that they are to be checked against the annex.
"""

import re

from django.urls import reverse

from institutions.models import SECTION_COLUMNS, SECTION_COLUMNS_SOURCES, Section

ANNEX = "sprawdzić z załącznikiem do rozporządzenia MKiDN z 26 stycznia 2012 r. (Dz.U. 2012 poz. 189)"


def test_every_section_names_where_its_columns_come_from():
    assert set(SECTION_COLUMNS_SOURCES) == set(SECTION_COLUMNS) == set(Section.values)


def test_the_entry_screen_tells_the_clerk_to_check_the_columns_against_the_annex(mck, register_clerk):
    page = register_clerk.get(reverse("admin:institutions_registerentry_add") + f"?institution={mck.pk}")
    text = re.sub(r"\s+", " ", page.content.decode())
    assert text.count(ANNEX) == 4
    assert "Kolumny według wzoru księgi rejestrowej z rozporządzenia z 1992 r." in text
    assert "Kolumny według wykazu rubryk działu I" in text
    # Each note stands in its own section's group of fields.
    fieldsets = {
        title: fieldset
        for fieldset in text.split("<fieldset")[1:]
        for title in ("Dział I —", "Dział II —", "Dział III —", "Dział IV —")
        if title in fieldset.split("</h2>", 1)[0]
    }
    assert "Kolumny według wykazu rubryk działu I" in fieldsets["Dział I —"]
    for title in ("Dział II —", "Dział III —", "Dział IV —"):
        assert "Kolumny według wzoru księgi rejestrowej z rozporządzenia z 1992 r." in fieldsets[title]
