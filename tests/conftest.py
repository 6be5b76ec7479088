import pytest
from django.core.cache import cache
from django.utils import translation


@pytest.fixture(autouse=True)
def _polish_and_clean_cache():
    """Run every test in Polish, with an empty cache (rate-limit counters)."""
    cache.clear()
    with translation.override("pl"):
        yield
    cache.clear()
