"""The REGON of an institution (register book, section I) is checked by its check digits and kept without spaces.

Its column is "cyfrowy identyfikator instytucji kultury" (DOMAIN.md §A.3): 9 digits, or 14 for a local unit. A
number typed with spaces is entered as digits; a number one digit off, or too short, is refused in Polish on the
clerk's screen and by the service, and nothing is entered.
"""

import datetime
import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from core.validators import validate_regon
from institutions import services
from institutions.models import CulturalInstitution, Section
from tests.institutions import factories

D = datetime.date


def test_a_regon_typed_with_spaces_is_entered_as_digits(clerk):
    mck = factories.institution(clerk=clerk, regon="000 281 921")
    assert mck.regon == "000281921"
    assert mck.entries.get().values["regon"] == "000281921"
    factories.entry(mck, clerk=clerk, entry_date=D(2020, 1, 15), values={"regon": "123456785 12347"})
    mck.refresh_from_db()
    assert mck.regon == "12345678512347"


@pytest.mark.parametrize(
    ("regon", "says"),
    [
        ("000281920", "błędną cyfrę kontrolną"),  # last digit off
        ("12345678512348", "błędną cyfrę kontrolną"),  # 14 digits, check digit off
        ("00028192", "podany ma 8"),
        ("0002819211", "podany ma 10"),
    ],
)
def test_a_wrong_regon_is_refused_and_nothing_is_entered(clerk, mck, regon, says):
    with translation.override("pl"), pytest.raises(services.RegisterError) as refused:
        factories.entry(mck, clerk=clerk, entry_date=D(2020, 1, 15), values={"regon": regon})
    assert says in refused.value.message
    assert "REGON" in refused.value.message
    assert mck.entries.count() == 1
    mck.refresh_from_db()
    assert mck.regon == ""


def test_a_new_institution_with_a_wrong_regon_is_not_registered(clerk):
    with translation.override("pl"), pytest.raises(services.RegisterError, match="błędną cyfrę kontrolną"):
        factories.institution(clerk=clerk, regon="000281920")
    assert not CulturalInstitution.objects.filter(full_name__startswith="Miejskie Centrum").exists()


def entry_form(institution, regon):
    return {
        "institution": institution.pk,
        "section": Section.I,
        "kind": "entry",
        "entry_date": "2020-01-15",
        "legal_basis": institution.founding_act.pk,
        "requested_by": "ex_officio",
        "col_regon": regon,
    }


def test_the_entry_screen_shows_the_mistake_under_the_regon(mck, register_clerk):
    url = reverse("admin:institutions_registerentry_add")
    response = register_clerk.post(url, entry_form(mck, "000 281 920"))
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert errors["col_regon"] == [
        "Numer REGON ma błędną cyfrę kontrolną: sprawdź go z zaświadczeniem o numerze REGON."
    ]
    assert mck.entries.count() == 1
    assert register_clerk.post(url, entry_form(mck, "000 281 921")).status_code == 302
    mck.refresh_from_db()
    assert mck.regon == "000281921"


def test_the_new_institution_screen_checks_the_regon(register_clerk):
    act = factories.legal_act(title="w sprawie utworzenia Galerii Miejskiej", adopted_on=D(2024, 5, 1))
    url = reverse("admin:institutions_culturalinstitution_add")
    data = factories.new_institution_admin_data(act, col_regon="1234 5678 5123 4")
    response = register_clerk.post(url, data)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["col_regon"] == [
        "Numer REGON ma 9 cyfr (14 dla jednostki lokalnej); podany ma 13."
    ]
    assert not CulturalInstitution.objects.exists()
    assert register_clerk.post(url, {**data, "col_regon": "1234 5678 5123 47"}).status_code == 302
    assert CulturalInstitution.objects.get().regon == "12345678512347"


def test_the_demo_institutions_have_valid_regons(db):
    call_command("seed_institutions", "--allow-outside-debug", stdout=io.StringIO())
    regons = list(CulturalInstitution.objects.values_list("regon", flat=True))
    assert len(regons) == 3
    for regon in regons:
        validate_regon(regon)
        assert len(regon) == 9
