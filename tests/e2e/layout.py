"""Measure horizontal overflow in a Playwright page (WCAG 1.4.10 Reflow)."""

_MEASURE = """() => {
  const root = document.documentElement;
  const limit = root.clientWidth;
  const wide = [...document.body.querySelectorAll("*")]
    .filter(el => el.getBoundingClientRect().right > limit + 0.5)
    .slice(0, 10)
    .map(el => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") +
         (el.classList.length ? "." + [...el.classList].join(".") : "") +
         " right=" + Math.round(el.getBoundingClientRect().right));
  return {scrollWidth: root.scrollWidth, clientWidth: limit, wide};
}"""


def assert_no_horizontal_scrolling(page) -> None:
    """Fail, naming up to ten elements sticking out on the right, if document.documentElement scrolls sideways."""
    result = page.evaluate(_MEASURE)
    assert result["scrollWidth"] <= result["clientWidth"], f"horizontal scrolling on {page.url}: {result}"
