"""The metryczka of grants' public information (BIP regulation, DOMAIN.md §J.2): a call, its cancellation, its
results and a small-grant offer under comment, each naming the clerks who published and changed it, and when."""

from decimal import Decimal

from core.services import transition_perform
from grants.models import GrantOffer, YearPlan
from tests.grants.competition import grant_competition
from tests.grants.factories import GRANTS_GROUP, make_call, offer_post, travel
from tests.helpers import metryczka


def clerks(make_clerk):
    return (
        make_clerk(groups=[GRANTS_GROUP], first_name="Agata", last_name="Ogłaszająca"),
        make_clerk(groups=[GRANTS_GROUP], first_name="Bogdan", last_name="Unieważniający"),
    )


def register_rows(client, box) -> str:
    page = client.get(box["link"]).content.decode()
    return page[page.index("<tbody>") : page.index("</tbody>")]


def test_a_published_call_names_who_published_it_and_the_date_it_was_announced_in_bip(client, make_clerk):
    publisher, _ = clerks(make_clerk)
    with travel(2026, 3, 2, 11):
        call = make_call(status="published", acting_user=publisher)

    box = metryczka(client.get(call.get_absolute_url()).content.decode())

    assert box["Informację wytworzył(a)"] == "Dotacje, stypendia i nagrody"
    assert box["Data wytworzenia"] == "2 marca 2026, 11:00"
    assert box["Wprowadził(a)"] == "Agata Ogłaszająca, 2 marca 2026, 11:00"
    assert box["Opublikował(a)"] == "Agata Ogłaszająca, 2 marca 2026"  # the date of publication in BIP
    assert box["Ostatnio zmienił(a)"] == "Agata Ogłaszająca, 2 marca 2026, 11:00"


def test_a_cancelled_call_names_who_cancelled_it_and_its_register_shows_the_reason_changed(client, make_clerk):
    publisher, canceller = clerks(make_clerk)
    with travel(2026, 3, 2, 11):
        call = make_call(status="published", acting_user=publisher)
    with travel(2026, 3, 12, 14):
        transition_perform(obj=call, name="cancel", acting_user=canceller, note="Nie złożono żadnej oferty.")

    box = metryczka(client.get(call.get_absolute_url()).content.decode())

    assert box["Opublikował(a)"] == "Agata Ogłaszająca, 2 marca 2026"
    assert box["Ostatnio zmienił(a)"] == "Bogdan Unieważniający, 12 marca 2026, 14:00"
    reason, status = register_rows(client, box).split("</tr>")[:2]  # the move, then its effect's save
    assert "Bogdan Unieważniający" in reason
    assert "Powód unieważnienia" in reason
    assert "Bogdan Unieważniający" in status
    assert "Status" in status


def test_published_results_name_the_clerk_who_resolved_the_call(client, make_clerk):
    publisher, _ = clerks(make_clerk)
    offer = grant_competition(client, publisher)

    box = metryczka(client.get(offer.call.get_absolute_url()).content.decode())

    assert box["Ostatnio zmienił(a)"] == "Agata Ogłaszająca, 20 kwietnia 2026, 12:00"
    newest = register_rows(client, box).split("</tr>")[0]
    assert "Data ogłoszenia wyników" in newest


def test_a_small_grant_offer_under_comment_names_who_published_it(client, make_clerk):
    publisher, _ = clerks(make_clerk)
    YearPlan.objects.create(year=2026, planned_ngo_subsidies=Decimal("100000"))
    with travel(2026, 3, 2, 8):
        assert client.post("/dotacje/male-granty/oferta/", offer_post(end_date="2026-08-29")).status_code == 302
    offer = GrantOffer.objects.get()
    with travel(2026, 3, 3, 10):
        transition_perform(obj=offer, name="formal_ok", acting_user=publisher)
        transition_perform(obj=offer, name="publish_small_grant", acting_user=publisher)

    html = client.get(f"/dotacje/male-granty/{offer.pk}/").content.decode()

    box = metryczka(html)
    assert box["Data wytworzenia"] == "2 marca 2026, 08:00"  # the offer as the organisation sent it
    assert box["Wprowadził(a)"] == "Agata Ogłaszająca, 3 marca 2026, 10:00"
    assert box["Opublikował(a)"] == "Agata Ogłaszająca, 3 marca 2026"
    assert box["Ostatnio zmienił(a)"] == "Agata Ogłaszająca, 3 marca 2026, 10:00"
    register = client.get(box["link"]).content.decode()
    # Only what the page shows: never the offeror's contacts.
    assert offer.contact_email not in register
    assert offer.contact_name not in register
