"""A call's rules and its tasks of the same type: written in the editor, sanitised, shown as formatted text."""

from django.apps import apps as global_apps

from grants.models import GrantCall
from tests.grants.factories import make_call

RULES_HTML = (
    "<h2>Zasady</h2><p>Oferty składa się <strong>w terminie</strong>.</p><ul><li>kompletne</li><li>podpisane</li></ul>"
)


def test_the_call_page_shows_the_formatted_rules(client, db):
    call = make_call(status="published", rules=RULES_HTML, previous_year_info="<p>W 2025 r. <em>90 000 zł</em>.</p>")
    page = client.get(call.get_absolute_url()).content.decode()
    assert RULES_HTML in page
    assert "<p>W 2025 r. <em>90 000 zł</em>.</p>" in page


def test_pasted_scripts_and_handlers_are_removed_on_save(db):
    call = make_call(
        rules='<p onclick="alert(1)">Zasady</p><script>alert(2)</script><img src=x onerror="alert(3)">',
        previous_year_info='<p><a href="javascript:alert(4)">link</a></p>',
    )
    call.refresh_from_db()
    assert call.rules == "<p>Zasady</p>"
    assert "javascript" not in call.previous_year_info
    assert "alert" not in call.previous_year_info


def test_the_data_migration_turns_old_plain_text_into_paragraphs(client, db):
    migration = __import__("grants.migrations.0012_rich_text", fromlist=["to_html"])
    call = make_call(status="published")
    GrantCall.objects.filter(pk=call.pk).update(
        rules="Pierwszy akapit <zasad>.\nDruga linia.\n\nDrugi akapit & reszta.",
        previous_year_info="W 2025 r.\n\n90 000 zł.",
    )

    migration.to_html(global_apps, None)

    call.refresh_from_db()
    assert call.rules == "<p>Pierwszy akapit &lt;zasad&gt;.<br>Druga linia.</p><p>Drugi akapit &amp; reszta.</p>"
    assert call.previous_year_info == "<p>W 2025 r.</p><p>90 000 zł.</p>"
    page = client.get(call.get_absolute_url()).content.decode()
    assert "<p>Pierwszy akapit &lt;zasad&gt;.<br>Druga linia.</p><p>Drugi akapit &amp; reszta.</p>" in page
    # The call's history is converted too, so the admin's history compares HTML with HTML.
    assert {row.rules for row in call.history.all()} == {
        "<p>Dotacje na zadania z zakresu kultury realizowane na terenie Rudy Śląskiej.</p>"
    }
