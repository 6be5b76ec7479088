"""Under `make run` the public media show: runserver serves MEDIA_ROOT in debug mode, and only there."""

import importlib

import pytest
from django.test import Client
from django.urls import clear_url_caches

import culture_dept.urls


@pytest.fixture
def urls_with(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "obrazy").mkdir()
    (tmp_path / "obrazy" / "koncert.txt").write_text("zdjęcie", encoding="utf-8")

    def load(*, debug):
        settings.DEBUG = debug
        importlib.reload(culture_dept.urls)
        clear_url_caches()

    yield load
    settings.DEBUG = False
    importlib.reload(culture_dept.urls)
    clear_url_caches()


@pytest.mark.django_db
def test_runserver_serves_public_media_in_debug_mode(urls_with):
    urls_with(debug=True)
    response = Client().get("/media/obrazy/koncert.txt")
    assert response.status_code == 200
    assert b"".join(response.streaming_content).decode() == "zdjęcie"


@pytest.mark.django_db
def test_without_debug_django_never_serves_media(urls_with):
    urls_with(debug=False)
    assert Client().get("/media/obrazy/koncert.txt").status_code == 404
