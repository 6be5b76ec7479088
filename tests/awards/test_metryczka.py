"""The metryczka of a call for scholarships or awards (BIP regulation, DOMAIN.md §J.2): who entered it, who
published it and who changed it, as the admin's saves record them; a draft is not public information."""

import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

import time_machine

from tests.awards.factories import GRANTS_GROUP, granted_scholarship, make_call
from tests.helpers import metryczka

WARSAW = ZoneInfo("Europe/Warsaw")


def at(day, hour):
    return time_machine.travel(datetime(2026, 3, day, hour, tzinfo=WARSAW), tick=False)


def save_as(call, clerk, **changes):
    """Save the call as the admin saves a clerk's edit (core.admin_mixins: the history names the clerk)."""
    for name, value in changes.items():
        setattr(call, name, value)
    call._history_user = clerk
    call.save()


def test_a_call_names_who_drafted_published_and_changed_it(client, make_clerk):
    drafter = make_clerk(groups=[GRANTS_GROUP], first_name="Zofia", last_name="Stypendialna")
    publisher = make_clerk(groups=[GRANTS_GROUP], first_name="Karol", last_name="Nagrodowy")
    with at(2, 9):
        call = make_call(is_published=False, days_left=60)
        save_as(call, drafter, title="Stypendia artystyczne 2026")
    with at(3, 12):
        save_as(call, publisher, is_published=True)
    with at(5, 16):
        save_as(call, drafter, budget="25000.00")

    html = client.get(call.get_absolute_url()).content.decode()

    box = metryczka(html)
    assert box["Informację wytworzył(a)"] == "Dotacje, stypendia i nagrody"
    assert box["Data wytworzenia"] == "2 marca 2026, 09:00"
    assert box["Wprowadził(a)"] == "Zofia Stypendialna, 2 marca 2026, 09:00"
    assert box["Opublikował(a)"] == "Karol Nagrodowy, 3 marca 2026, 12:00"
    assert box["Ostatnio zmienił(a)"] == "Zofia Stypendialna, 5 marca 2026, 16:00"
    register = client.get(box["link"]).content.decode()
    assert register.count("<tr>") == 3  # the header and the two public versions; the draft is not one
    assert "Pula środków" in register


def test_a_published_laureate_has_a_register_of_changes_of_its_line_only(client, make_clerk):
    clerk = make_clerk(groups=[GRANTS_GROUP], first_name="Karol", last_name="Nagrodowy")
    with at(2, 9):
        application = granted_scholarship(client)
    call = application.call
    line_url = f"/informacja-publiczna/laureaci/{application.pk}/rejestr-zmian/"
    assert client.get(line_url).status_code == 404  # the results are not published yet
    with at(4, 11):
        save_as(call, clerk, results_published=True)
        application.refresh_from_db()
        application.category = "Muzyka dawna"
        application._history_user = clerk
        application.save()

    page = client.get(call.get_absolute_url()).content.decode()
    assert line_url in page
    box = metryczka(client.get(line_url).content.decode())
    register = client.get(line_url).content.decode()

    assert box["Ostatnio zmienił(a)"] == "Karol Nagrodowy, 4 marca 2026, 11:00"
    assert "Kategoria nagrody" in register
    assert "Joanna Kowalczyk" in register
    assert application.email not in register
    version = re.search(r'href="(/informacja-publiczna/laureaci/\d+/rejestr-zmian/\d+/)"', register).group(1)
    assert "7500" in client.get(version).content.decode().replace("\xa0", "").replace(" ", "")
    save_as(call, clerk, results_show_amounts=False)  # the resolution keeps the amounts back
    assert "7500" not in client.get(version).content.decode().replace("\xa0", "").replace(" ", "")


def test_the_published_results_have_their_own_metryczka(client, make_clerk):
    """BIP regulation (DOMAIN.md §J.2): the results name the section that produced them on the date of the Mayor's
    order, the clerk who entered the grant, the clerk who published them and when, and the last change."""
    deciding = make_clerk(groups=[GRANTS_GROUP], first_name="Zofia", last_name="Stypendialna")
    publisher = make_clerk(groups=[GRANTS_GROUP], first_name="Karol", last_name="Nagrodowy")
    with at(2, 9):
        application = granted_scholarship(client)
        application.category = ""
        application._history_user = deciding
        application.save()
    call = application.call
    decided = application.decision_date
    assert "results-metryczka-heading" not in client.get(call.get_absolute_url()).content.decode()
    with at(4, 11):
        save_as(call, publisher, results_published=True)
    with at(5, 10):  # a laureate of another call is no part of these results
        other = granted_scholarship(client, email="inny.artysta@example.pl")
        other._history_user = deciding
        other.save()

    html = client.get(call.get_absolute_url()).content.decode()
    results = html[html.index('id="results-heading"') :]
    box = metryczka(results)
    assert box["Informację wytworzył(a)"] == "Dotacje, stypendia i nagrody"
    assert decided == date(2026, 3, 2)
    assert box["Data wytworzenia"] == "2 marca 2026"  # the day of the Mayor's order
    assert box["Wprowadził(a)"] == "Zofia Stypendialna, 2 marca 2026, 09:00"
    assert box["Opublikował(a)"] == "Karol Nagrodowy, 4 marca 2026, 11:00"
    assert box["Ostatnio zmienił(a)"] == "Karol Nagrodowy, 4 marca 2026, 11:00"
    assert box["link"] == ""  # each line has its own register of changes
    assert html.count('id="metryczka-heading"') == 1  # the call's own metryczka stays, with its own heading

    with at(6, 8):
        application.refresh_from_db()
        application.category = "Muzyka dawna"
        application._history_user = deciding
        application.save()
    box = metryczka(client.get(call.get_absolute_url()).content.decode().split('id="results-heading"')[1])
    assert box["Ostatnio zmienił(a)"] == "Zofia Stypendialna, 6 marca 2026, 08:00"
