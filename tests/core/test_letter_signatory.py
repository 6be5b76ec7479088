"""One signatory for the department's letters: core.documents.department_signatory.

Every letter is signed on the Prezydent's behalf: by the head of the department named in the department profile,
or by the clerk who signs it (the authorised person certifying an extract).
"""

import re
from pathlib import Path

import pytest
from django.conf import settings

from core.documents import AUTHORITY, ON_BEHALF_OF_AUTHORITY, department_signatory
from core.models import DepartmentProfile

pytestmark = pytest.mark.django_db


def make_profile(**fields):
    return DepartmentProfile.objects.create(
        name="Wydział Kultury", address="pl. Jana Pawła II 6", phone="32 244 90", email="kultura@example.pl", **fields
    )


def test_the_head_of_the_department_signs_for_the_prezydent():
    make_profile(head_name="Krzysztof Piecha", head_title="Naczelnik Wydziału Kultury")

    assert department_signatory() == {
        "signatory_name": "Krzysztof Piecha",
        "signatory_title": "z upoważnienia Prezydenta Miasta Ruda Śląska — Naczelnik Wydziału Kultury",
    }


@pytest.mark.parametrize("with_profile", [False, True])
def test_without_a_named_head_the_letter_is_signed_by_the_office(with_profile):
    if with_profile:
        make_profile(head_name="", head_title="")

    assert department_signatory() == {
        "signatory_name": "Naczelnik Wydziału",
        "signatory_title": f"{ON_BEHALF_OF_AUTHORITY} — Naczelnik Wydziału",
    }


def test_a_clerk_signs_in_their_own_name(make_clerk):
    make_profile(head_name="Krzysztof Piecha")
    clerk = make_clerk(first_name="Anna", last_name="Nowak")
    nameless = make_clerk(username="referent")

    assert department_signatory(clerk) == {"signatory_name": "Anna Nowak", "signatory_title": ON_BEHALF_OF_AUTHORITY}
    assert department_signatory(nameless)["signatory_name"] == "referent"


def test_the_authority_is_named_in_one_place():
    assert ON_BEHALF_OF_AUTHORITY == "z upoważnienia Prezydenta Miasta Ruda Śląska"
    assert AUTHORITY == "Prezydent Miasta Ruda Śląska"


def test_no_app_writes_the_authorisation_line_itself():
    """The signature block comes from department_signatory: no module or template repeats the authorisation."""
    root = Path(settings.BASE_DIR)
    skipped = {".venv", ".git", "tests", "var", "bench", "locale", "static", "mutants"}
    written_by_hand = [
        str(path.relative_to(root))
        for folder in root.iterdir()
        if folder.is_dir() and folder.name not in skipped
        for path in folder.rglob("*")
        if path.suffix in {".py", ".html"}
        and "migrations" not in path.parts
        and path != root / "core" / "documents.py"
        and re.search(r"z up(\.|oważnienia) Prezydenta", path.read_text(encoding="utf-8"))
    ]
    assert written_by_hand == []
