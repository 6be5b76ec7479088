"""`core.sitemaps.RecordSitemap`: public records in the sitemap in every language, with their last change."""

from datetime import UTC, datetime
from types import SimpleNamespace

from django.conf import settings

from core.sitemaps import RecordSitemap

CHANGED = datetime(2026, 11, 3, 12, 0, tzinfo=UTC)


class NewsSitemap(RecordSitemap):
    changefreq = "weekly"

    def items(self):
        return [SimpleNamespace(updated_at=CHANGED, get_absolute_url=lambda: "/wiadomosci/7/")]


def test_each_record_is_listed_in_every_language_with_its_last_change():
    sitemap = NewsSitemap()
    urls = sitemap.get_urls(site=SimpleNamespace(domain="kultura.example.pl"), protocol="https")
    assert len(urls) == len(settings.LANGUAGES)
    assert {url["lastmod"] for url in urls} == {CHANGED}
    assert all(len(url["alternates"]) == len(settings.LANGUAGES) for url in urls)
    assert {url["changefreq"] for url in urls} == {"weekly"}
