"""The register book is append-only (rozporządzenie MKiDN z 26.01.2012, § 2 and § 3 ust. 2–3).

Every path the app exposes refuses to change or delete an entry: the model, its manager and querysets, the
database itself and the admin. A change is a new dated entry under the same entry number; a strike-out is an entry.
"""

import datetime
import re

import pytest
from django.contrib.admin.models import LogEntry
from django.core.exceptions import PermissionDenied
from django.db import DatabaseError, connection, transaction
from django.db.models import ProtectedError
from django.urls import reverse

from institutions import services
from institutions.models import CulturalInstitution, RegisterEntry, RegisterIntegrityError, Section
from tests.helpers import admin_form_refusal
from tests.institutions import factories

REGISTER_GROUP = factories.REGISTER_GROUP


@pytest.fixture
def entry(mck):
    return mck.entries.get()


def test_the_first_entry_is_section_i_with_number_date_and_authorised_person(mck, clerk):
    entry = RegisterEntry.objects.get(institution=mck)
    assert (entry.section, entry.position) == (Section.I, 1)
    assert entry.entered_by == clerk
    assert entry.entered_by_name == "Anna Nowak"
    assert entry.values["full_name"] == mck.full_name
    assert entry.values["organiser"] == "Miasto Ruda Śląska"
    assert entry.legal_basis == mck.founding_act


def test_saving_an_existing_entry_again_is_refused(entry):
    entry.values = {"full_name": "Inna nazwa"}
    with pytest.raises(RegisterIntegrityError, match="never updated"):
        entry.save()
    with pytest.raises(RegisterIntegrityError, match="never updated"):
        entry.save(update_fields=["values"])
    entry.refresh_from_db()
    assert entry.values["full_name"] != "Inna nazwa"


def test_deleting_an_entry_is_refused(entry):
    with pytest.raises(RegisterIntegrityError, match="never deleted"):
        entry.delete()
    assert RegisterEntry.objects.filter(pk=entry.pk).exists()


@pytest.mark.parametrize(
    "operation",
    [
        lambda qs, entry: qs.update(remarks="x"),
        lambda qs, entry: qs.all().delete(),
        lambda qs, entry: qs.filter(pk=entry.pk).update(remarks="x"),
        lambda qs, entry: qs.filter(pk=entry.pk).delete(),
        lambda qs, entry: qs.bulk_update([entry], ["remarks"]),
        lambda qs, entry: qs.update_or_create(pk=entry.pk, defaults={"remarks": "x"}),
        lambda qs, entry: qs.bulk_create([RegisterEntry(institution=entry.institution)]),
    ],
    ids=["update", "delete", "filter-update", "filter-delete", "bulk_update", "update_or_create", "bulk_create"],
)
def test_manager_and_querysets_refuse_every_bulk_write(entry, operation):
    with pytest.raises(RegisterIntegrityError, match="^Register entries are "):
        operation(RegisterEntry.objects, entry)
    with pytest.raises(RegisterIntegrityError, match="^Register entries are "):
        operation(RegisterEntry.objects.all(), entry)
    with pytest.raises(RegisterIntegrityError, match="^Register entries are "):
        operation(entry.institution.entries, entry)
    entry.refresh_from_db()
    assert entry.remarks == ""
    assert RegisterEntry.objects.count() == 1


def test_the_base_manager_is_the_append_only_one(entry):
    assert RegisterEntry._base_manager.__class__ is RegisterEntry.objects.__class__
    with pytest.raises(RegisterIntegrityError, match="never deleted"):
        RegisterEntry._base_manager.all().delete()


def test_an_institution_is_never_deleted(mck):
    with pytest.raises(RegisterIntegrityError, match="struck out, never deleted"):
        mck.delete()
    # A bulk delete skips the model's delete(): the entries' protecting foreign key refuses it.
    with pytest.raises(ProtectedError, match="referenced through protected foreign keys"):
        CulturalInstitution.objects.filter(pk=mck.pk).delete()
    assert CulturalInstitution.objects.filter(pk=mck.pk).exists()


def test_the_database_refuses_a_raw_update(entry):
    table = RegisterEntry._meta.db_table
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"UPDATE {table} SET remarks = 'zmiana' WHERE id = %s", [entry.pk])  # noqa: S608
    entry.refresh_from_db()
    assert entry.remarks == ""


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite keeps DELETE for Django's test flush")
def test_postgresql_refuses_a_raw_delete(entry):
    table = RegisterEntry._meta.db_table
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {table} WHERE id = %s", [entry.pk])  # noqa: S608
    assert RegisterEntry.objects.filter(pk=entry.pk).exists()


# A change is a new entry under the same number ----------------------------------------------------------------


def test_a_change_is_a_new_dated_entry_and_the_old_one_stays(mck, clerk):
    act = factories.legal_act(title="w sprawie zmiany statutu", adopted_on=datetime.date(2019, 3, 1))
    factories.entry(
        mck,
        clerk=clerk,
        entry_date=datetime.date(2019, 3, 15),
        legal_basis=act,
        values={"address": "ul. Piotra Niedurnego 36, 41-709 Ruda Śląska"},
    )
    mck.refresh_from_db()
    entries = list(mck.entries.order_by("position"))
    assert [(e.section, e.position) for e in entries] == [("I", 1), ("I", 2)]
    assert entries[0].values["address"] == "ul. Piotra Niedurnego 69, 41-709 Ruda Śląska"
    assert mck.address == "ul. Piotra Niedurnego 36, 41-709 Ruda Śląska"
    assert mck.entry_no == 1
    assert (mck.registered_on, mck.last_entry_on) == (datetime.date(2012, 5, 21), datetime.date(2019, 3, 15))


def test_a_correction_strikes_out_an_entry_which_stays_in_the_book(mck, clerk):
    act = factories.legal_act(adopted_on=datetime.date(2019, 3, 1))
    wrong = factories.entry(
        mck, clerk=clerk, entry_date=datetime.date(2019, 3, 15), legal_basis=act, values={"short_name": "MCK-błąd"}
    )
    factories.correction(
        wrong, clerk=clerk, entry_date=datetime.date(2019, 3, 16), values={}, remarks="Omyłka pisarska."
    )
    mck.refresh_from_db()
    assert mck.short_name == "MCK"
    assert mck.entries.count() == 3
    assert wrong.struck_by.position == 3
    with pytest.raises(services.RegisterError) as refused:
        services.entry_make(
            institution=mck,
            section=Section.I,
            kind=RegisterEntry.Kind.CORRECTION,
            struck_entry=wrong,
            entry_date=datetime.date(2019, 3, 17),
            legal_basis=act,
            values={},
            acting_user=clerk,
        )
    assert refused.value.code == "already_struck"


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"values": {"director": "Jan Kowalski"}}, "column"),
        ({"values": {}}, "empty"),
        ({"values": {"seat": "   "}}, "empty"),
        ({"entry_date": datetime.date(2000, 1, 1)}, "chronology"),
        ({"entry_date": datetime.date(2999, 1, 1)}, "future"),
        ({"section": "V"}, "section"),
        ({"kind": RegisterEntry.Kind.STRIKE_OUT}, "strike_out_section"),
    ],
    ids=["other-section", "nothing", "blank", "before-last", "future", "no-section", "strike-out-in-section-i"],
)
def test_invalid_entries_are_refused_and_nothing_is_written(mck, clerk, changes, code):
    fields = {
        "institution": mck,
        "section": Section.I,
        "entry_date": datetime.date(2020, 1, 1),
        "legal_basis": mck.founding_act,
        "values": {"seat": "Ruda Śląska"},
        "acting_user": clerk,
        **changes,
    }
    with pytest.raises(services.RegisterError) as refused:
        services.entry_make(**fields)
    assert refused.value.code == code
    assert mck.entries.count() == 1


def test_only_authorised_persons_make_entries(mck, make_clerk):
    events_clerk = make_clerk(groups=["Wydarzenia i imprezy masowe"])
    for user in (events_clerk, None):
        with pytest.raises(PermissionDenied, match="Wpisów do rejestru dokonują wyłącznie osoby upoważnione"):
            factories.entry(mck, clerk=user, entry_date=datetime.date(2020, 1, 1), values={"seat": "Ruda Śląska"})
    assert mck.entries.count() == 1


def test_a_struck_out_institution_takes_no_more_entries(mck, clerk):
    act = factories.legal_act(adopted_on=datetime.date(2020, 1, 1))
    services.institution_strike_out(
        institution=mck, entry_date=datetime.date(2020, 2, 1), legal_basis=act, reason="Likwidacja.", acting_user=clerk
    )
    mck.refresh_from_db()
    assert mck.struck_out_on == datetime.date(2020, 2, 1)
    with pytest.raises(services.RegisterError) as refused:
        factories.entry(
            mck,
            clerk=clerk,
            section=Section.III,
            entry_date=datetime.date(2020, 3, 1),
            legal_basis=act,
            values={"encumbrances": "Hipoteka"},
        )
    assert refused.value.code == "struck_out"


def test_entry_numbers_are_consecutive_and_never_reused(clerk):
    first = factories.institution(clerk=clerk)
    second = factories.institution(clerk=clerk, full_name="Muzeum Miejskie im. Maksymiliana Chroboka")
    assert (first.entry_no, second.entry_no) == (1, 2)
    with pytest.raises(services.RegisterError, match="Rubryki spoza działu I: entry_no"):
        factories.institution(clerk=clerk, full_name="Trzecia", entry_no=2)


# The admin -----------------------------------------------------------------------------------------------


def test_the_admin_offers_no_change_and_no_delete_for_entries(entry, clerk_client):
    client = clerk_client(groups=[REGISTER_GROUP])
    change_url = reverse("admin:institutions_registerentry_change", args=[entry.pk])
    page = client.get(change_url)
    assert page.status_code == 200  # view only
    assert b'name="_save"' not in page.content
    response = client.post(change_url, {"remarks": "zmiana", "section": "I"})
    assert response.status_code == 403
    assert client.get(reverse("admin:institutions_registerentry_delete", args=[entry.pk])).status_code == 403
    assert (
        client.post(reverse("admin:institutions_registerentry_delete", args=[entry.pk]), {"post": "yes"}).status_code
        == 403
    )
    changelist = client.get(reverse("admin:institutions_registerentry_changelist"))
    assert b"delete_selected" not in changelist.content
    response = client.post(
        reverse("admin:institutions_registerentry_changelist"),
        {"action": "delete_selected", "_selected_action": [entry.pk], "post": "yes"},
    )
    assert RegisterEntry.objects.filter(pk=entry.pk).exists()
    entry.refresh_from_db()
    assert entry.remarks == ""
    assert not client.clerk.has_perm("institutions.change_registerentry")
    assert not client.clerk.has_perm("institutions.delete_registerentry")


def test_the_inline_book_on_the_institution_page_is_read_only(mck, clerk_client):
    client = clerk_client(groups=[REGISTER_GROUP])
    url = reverse("admin:institutions_culturalinstitution_change", args=[mck.pk])
    page = client.get(url).content.decode()
    assert "entries-TOTAL_FORMS" in page
    assert mck.full_name in page  # the inline shows the book ...
    inputs = re.findall(r"<(input|select|textarea)\b([^>]*)>", page)
    entry_inputs = {
        re.search(r'name="([^"]+)"', attrs).group(1): attrs for _tag, attrs in inputs if 'name="entries-' in attrs
    }
    # ... with nothing to edit: only the management form and the hidden row keys.
    editable = [
        name for name, attrs in entry_inputs.items() if not name.endswith("_FORMS") and 'type="hidden"' not in attrs
    ]
    assert editable == []
    assert {name for name in entry_inputs if not name.endswith("_FORMS")} <= {"entries-0-id", "entries-0-institution"}
    assert not any('name="full_name"' in attrs for _tag, attrs in inputs)  # the projection is never edited by hand

    entry = mck.entries.get()
    management = dict(re.findall(r'name="([\w-]+_FORMS)"[^>]*value="(\d+)"', page))
    response = client.post(
        url,
        {
            **management,
            "kind": mck.kind,
            "website": "",
            "full_name": "Przejęta nazwa",
            "entries-0-id": entry.pk,
            "entries-0-institution": mck.pk,
            "entries-0-remarks": "dopisane",
            "entries-0-entry_date": "2030-01-01",
            "entries-0-section": "III",
        },
    )
    assert response.status_code == 302
    entry_after = RegisterEntry.objects.get(pk=entry.pk)
    assert (entry_after.remarks, entry_after.entry_date, entry_after.section, entry_after.values) == (
        entry.remarks,
        entry.entry_date,
        entry.section,
        entry.values,
    )
    assert mck.entries.count() == 1
    mck.refresh_from_db()
    assert mck.full_name != "Przejęta nazwa"


def test_a_clerk_makes_an_entry_in_the_admin_add_form(mck, clerk_client):
    client = clerk_client(groups=[REGISTER_GROUP], first_name="Ewa", last_name="Wiśniewska")
    url = reverse("admin:institutions_registerentry_add")
    assert client.get(url + f"?institution={mck.pk}").status_code == 200
    response = client.post(
        url,
        {
            "institution": mck.pk,
            "section": "II",
            "kind": "entry",
            "entry_date": "2020-01-15",
            "legal_basis": mck.founding_act.pk,
            "requested_by": "director",
            "col_statute_act": "on",
            "col_director": "Jan Kowalski",
            "remarks": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    entry = mck.entries.get(section="II")
    assert entry.position == 1
    assert entry.values == {"statute_act": str(mck.founding_act), "director": "Jan Kowalski"}
    assert entry.entered_by_name == "Ewa Wiśniewska"
    mck.refresh_from_db()
    assert (mck.statute_act, mck.director) == (mck.founding_act, "Jan Kowalski")


def test_the_admin_add_form_shows_the_rule_it_breaks(mck, clerk_client):
    client = clerk_client(groups=[REGISTER_GROUP])
    response = client.post(
        reverse("admin:institutions_registerentry_add"),
        {
            "institution": mck.pk,
            "section": "I",
            "kind": "entry",
            "entry_date": "2001-01-15",
            "legal_basis": mck.founding_act.pk,
            "requested_by": "ex_officio",
            "col_director": "Jan Kowalski",
        },
    )
    assert response.status_code == 200
    assert "col_director" in response.context["adminform"].form.errors
    assert mck.entries.count() == 1


def test_a_refusal_of_the_book_after_the_form_is_shown_on_it_and_writes_nothing(mck, clerk_client, monkeypatch):
    """Between the form's checks and the write another clerk may strike the institution out: the clerk reads why
    on the same form, with what they typed kept."""

    def struck_out_meanwhile(*, entry, acting_user):
        raise services.RegisterError("Instytucję wykreślono z rejestru.", code="struck_out")

    monkeypatch.setattr(services, "entry_add", struck_out_meanwhile)
    client = clerk_client(groups=[REGISTER_GROUP])
    url = reverse("admin:institutions_registerentry_add")
    data = {
        "institution": mck.pk,
        "section": "I",
        "kind": "entry",
        "entry_date": "2019-03-15",
        "legal_basis": mck.founding_act.pk,
        "requested_by": "ex_officio",
        "col_seat": "Ruda Śląska",
    }
    response = client.post(url, data)
    assert admin_form_refusal(response) == ["Instytucję wykreślono z rejestru."]
    assert "Ruda Śląska" in response.content.decode()
    assert mck.entries.count() == 1


def test_clerks_of_other_sections_cannot_make_entries(mck, clerk_client):
    client = clerk_client(groups=["Wydarzenia i imprezy masowe", "Naczelnik wydziału (podgląd)"])
    assert client.get(reverse("admin:institutions_registerentry_add")).status_code == 403
    assert client.get(reverse("admin:institutions_registerentry_changelist")).status_code == 200


def test_a_clerk_registers_a_new_institution_in_the_admin(clerk_client):
    client = clerk_client(groups=[REGISTER_GROUP])
    act = factories.legal_act(title="w sprawie utworzenia Galerii Miejskiej", adopted_on=datetime.date(2024, 5, 1))
    url = reverse("admin:institutions_culturalinstitution_add")
    assert client.get(url).status_code == 200
    response = client.post(url, factories.new_institution_admin_data(act))
    assert response.status_code == 302, response.content.decode()[:2000]
    institution = CulturalInstitution.objects.get()
    assert (institution.entry_no, institution.full_name, institution.founding_act) == (
        1,
        "Galeria Miejska w Rudzie Śląskiej",
        act,
    )
    assert institution.entries.get().values["founding_act"] == str(act)
    # The admin's log and redirect name the institution the service registered.
    assert LogEntry.objects.get(content_type__model="culturalinstitution").object_id == str(institution.pk)
    assert response["Location"].endswith("/admin/institutions/culturalinstitution/")


def test_the_first_section_i_entry_is_struck_out_only_with_its_columns_given_again(clerk, mck):
    """Striking out the entry that registered the institution must not leave it without a name or founding act."""
    first = mck.entries.get()
    with pytest.raises(services.RegisterError) as refused:
        factories.correction(first, clerk=clerk, entry_date=datetime.date(2013, 1, 1), values={"seat": "Ruda Śląska"})
    assert refused.value.code == "first_entry"
    assert "dziale I" in refused.value.message  # the message names the section, in Polish
    assert mck.entries.count() == 1

    values = {**first.values, "address": "ul. Piotra Niedurnego 69A, 41-709 Ruda Śląska"}
    factories.correction(first, clerk=clerk, entry_date=datetime.date(2013, 1, 1), values=values)
    mck.refresh_from_db()
    assert mck.full_name == first.values["full_name"]
    assert mck.founding_act is not None
    assert mck.address.endswith("69A, 41-709 Ruda Śląska")
