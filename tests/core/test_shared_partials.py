"""The pieces several pages share: the public case form, the clerks' list pages, the CSV import page, and the admin
kernel's names, importable from `core.admin_mixins` whatever module of the package holds them."""

import importlib
import pkgutil

import pytest
from django import forms
from django.core.paginator import Paginator
from django.template.loader import render_to_string
from django.urls import reverse
from pytest_django.asserts import assertInHTML

import core.admin_mixins
from core.fieldsets import Fieldset, FieldsetsFormMixin
from press.models import MediaContact


class LetterForm(FieldsetsFormMixin, forms.Form):
    fieldsets = (Fieldset("Wnioskodawca", ("name",)),)

    name = forms.CharField(label="Imię i nazwisko")


class LetterWithFileForm(LetterForm):
    fieldsets = (Fieldset("Wnioskodawca", ("name", "attachment")),)

    attachment = forms.FileField(label="Załącznik", required=False)


def case_form(form, **files) -> str:
    return render_to_string(
        "includes/public_case_form.html",
        {
            "form": form,
            "action": "/patronat/wniosek/",
            "submit_label": "Wyślij wniosek",
            "csrf_token": "token",
            "info_clause": None,
            **files,
        },
    )


def test_the_public_case_form_sends_its_fieldsets_to_its_address_with_its_button():
    html = case_form(LetterForm())
    assert '<form method="post" action="/patronat/wniosek/" class="form" novalidate>' in html
    assert "<legend>Wnioskodawca</legend>" in html
    assert 'name="name"' in html
    assertInHTML('<button type="submit" class="button">Wyślij wniosek</button>', html)
    assert "multipart" not in html
    assert 'name="kept_files"' not in html


def test_the_public_case_form_with_files_sends_them_and_keeps_those_received():
    kept = [{"label": "Załącznik", "name": "program.pdf"}]
    html = case_form(LetterWithFileForm(), kept_files=kept, kept_minutes=30, files_lost=True, kept_files_token="abc")
    assert 'class="form" enctype="multipart/form-data" novalidate>' in html
    assertInHTML('<input type="hidden" name="kept_files" value="abc">', html)
    assert "<li>Załącznik: program.pdf</li>" in html
    assert 'id="files-notice"' in html


def test_the_public_case_form_shows_the_error_summary_above_the_form():
    html = case_form(LetterForm(data={}))
    assert 0 <= html.index('class="error-summary"') < html.index("<form ")


def paginator_html(number: int, query: str) -> str:
    page_obj = Paginator(list(range(30)), 10).page(number)
    return render_to_string("admin/core/includes/paginator.html", {"page_obj": page_obj, "query": query})


def test_the_clerks_list_pages_keep_the_filters_in_their_links():
    html = paginator_html(2, "scope=mine")
    assert 'href="?scope=mine&amp;page=1" rel="prev"' in html
    assert 'href="?scope=mine&amp;page=3" rel="next"' in html
    assert "Strona 2 z 3" in html


def test_the_clerks_list_pages_without_filters_link_the_page_alone():
    html = paginator_html(1, "")
    assert 'rel="prev"' not in html
    assert 'href="?page=2" rel="next"' in html


def test_a_list_on_one_page_shows_no_pages():
    page_obj = Paginator([1, 2], 10).page(1)
    html = render_to_string("admin/core/includes/paginator.html", {"page_obj": page_obj, "query": ""})
    assert html.strip() == ""


@pytest.mark.django_db
def test_the_csv_import_page_lists_the_lines_refused_and_leads_back_to_its_list(rf):
    class Report:
        errors = [(3, "Brak adresu e-mail.")]

    html = render_to_string(
        "admin/press/mediacontact/import.html",
        {"form": forms.Form(), "report": Report(), "opts": MediaContact._meta},
        request=rf.get("/"),
    )
    assertInHTML("<tr><td>3</td><td>Brak adresu e-mail.</td></tr>", html)
    link = reverse("admin:press_mediacontact_changelist")
    assertInHTML(f'<a href="{link}">Powrót do kontaktów do mediów</a>', html)


def test_every_name_of_the_admin_kernel_is_importable_from_the_package():
    """A class moved between the package's modules stays where the apps import it from: `core.admin_mixins`."""
    exported = set(core.admin_mixins.__all__)
    for module_info in pkgutil.iter_modules(core.admin_mixins.__path__):
        module = importlib.import_module(f"core.admin_mixins.{module_info.name}")
        defined = {
            name
            for name, value in vars(module).items()
            if not name.startswith("_") and getattr(value, "__module__", None) == module.__name__
        }
        assert defined <= exported, f"{module.__name__}: {sorted(defined - exported)} not in core.admin_mixins"
    assert all(getattr(core.admin_mixins, name) is not None for name in exported)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "/patronat/wniosek/",
        "/symbole-miasta/wniosek/",
        "/dostepnosc/wniosek/",
        "/dostepnosc/zadanie/",
        "/imprezy-masowe/wniosek/",
        "/zawiadomienie-o-imprezie/",
    ],
)
def test_every_public_case_form_with_files_sends_them(client, url):
    html = client.get(url).content.decode()
    assert 'class="form" enctype="multipart/form-data" novalidate>' in html
    assert 'name="kept_files"' not in html  # nothing kept before a first send


@pytest.mark.django_db
def test_a_public_case_form_without_files_is_sent_as_a_plain_form(client):
    html = client.get("/tereny-inwestycyjne/zapytanie/").content.decode()
    assert '<form method="post" action="/tereny-inwestycyjne/zapytanie/" class="form" novalidate>' in html
