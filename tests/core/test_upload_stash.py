"""The kept-files stash serves every public form with files (core.uploads.stash)."""

from django import forms
from django.test import RequestFactory
from django.urls import URLPattern, URLResolver, get_resolver

from core.public_cases import PublicCaseCreateView
from core.uploads import ValidatedFileField
from core.uploads.stash import KeptUploadsMixin, keep, kept_files_context

EMPTY = {"kept_files_token": "", "kept_files": [], "files_lost": False, "kept_minutes": 0}


def view_classes(patterns=None):
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            yield from view_classes(pattern.url_patterns)
        elif isinstance(pattern, URLPattern) and hasattr(pattern.callback, "view_class"):
            yield pattern.callback.view_class


def has_files(form_class) -> bool:
    return any(isinstance(field, forms.FileField) for field in form_class.base_fields.values())


def test_every_public_case_form_with_files_keeps_them():
    views = {view for view in view_classes() if issubclass(view, PublicCaseCreateView)}
    with_files = {view for view in views if has_files(view.form_class)}
    assert with_files, "no public case form with files found"
    missing = sorted(view.__name__ for view in with_files if not issubclass(view, KeptUploadsMixin))
    assert missing == []


class NoFiles(forms.Form):
    name = forms.CharField()


class OneFile(forms.Form):
    document = ValidatedFileField(required=False)


def test_a_page_without_a_sent_form_keeps_nothing():
    request = RequestFactory().get("/")
    assert kept_files_context(None, request) == EMPTY
    assert kept_files_context(OneFile(), request) == EMPTY


def test_a_form_without_files_keeps_nothing_and_reads_no_storage(monkeypatch):
    def no_scan(**kwargs):
        raise AssertionError("the stash was scanned for a form without files")

    monkeypatch.setattr("core.uploads.stash.purge_expired", no_scan)
    form = NoFiles({"name": ""})
    assert not form.is_valid()
    assert keep(form, RequestFactory().post("/")) == ("", [])
