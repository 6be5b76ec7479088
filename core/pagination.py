"""Pagination of the public lists: the total counted once a minute, and no page deeper than MAX_PAGES.

Django's Paginator runs `COUNT(*)` over the whole filtered list on every page view, to say "1,234 dates
found" and to know the last page. On a calendar with tens of thousands of dates that count costs more than
the page itself (docs/performance.md). The public lists change a few times a day, so the count is kept in
the cache for a short time under a key built from what decides it (the list and its applied filters),
never from the page number or from junk parameters.

A page deep in a long list costs the database an OFFSET over every row before it, and nobody reads page 3,000
of a calendar: the lists offer their first MAX_PAGES pages, and a request for a deeper one gets the last of
them with a note that says to narrow the filters (includes/pagination.html). A query never reads past
MAX_PAGES × per_page rows, however many there are.
"""

import hashlib

from django.core.cache import cache
from django.core.paginator import Paginator
from django.utils.functional import cached_property

from core import page_cache

COUNT_CACHE_SECONDS = 60
MAX_PAGES = 50


class CachedCountPaginator(Paginator):
    """A Paginator whose `count` comes from the cache when the same list was counted recently.

    `count_key` names the list and its filters (e.g. "events:list:kategoria=koncerty"); a stale count
    (at most `count_seconds` old) shifts the last page by a few rows at worst: a page past the end is
    empty rather than an error, as `get_page` falls back to the last page it knows.
    """

    def __init__(
        self,
        object_list,
        per_page,
        *,
        count_key: str,
        count_seconds: int = COUNT_CACHE_SECONDS,
        max_pages: int | None = None,
        **kwargs,
    ):
        super().__init__(object_list, per_page, **kwargs)
        self.max_pages = max_pages or MAX_PAGES
        # With the page cache's generation: a list rendered afresh after a publication counts afresh too.
        digest = hashlib.sha256(f"{count_key}:{page_cache.generation()}".encode()).hexdigest()
        self.count_cache_key = f"pagination:count:{digest}"
        self.count_seconds = count_seconds

    @cached_property
    def count(self):
        total = cache.get(self.count_cache_key)
        if total is None:
            total = super().count
            cache.set(self.count_cache_key, total, self.count_seconds)
        return total

    @cached_property
    def num_pages(self):
        """The pages offered: at most `max_pages`, whatever the total."""
        return min(super().num_pages, self.max_pages)

    @property
    def capped(self) -> bool:
        """More rows exist than the offered pages show (the last page says to narrow the filters)."""
        return self.count > self.max_pages * self.per_page

    def get_page(self, number):
        """The page `number`; a deeper one than offered gives the last offered page, marked `beyond_limit`."""
        try:
            requested = int(number)
        except (TypeError, ValueError):
            requested = 1
        page = super().get_page(number)
        page.beyond_limit = requested > self.max_pages and self.capped
        return page
