"""Run the vendored axe-core (tests/e2e/vendor/axe.min.js, MPL-2.0) in a Playwright page."""

from pathlib import Path

AXE_SCRIPT = Path(__file__).resolve().parent / "vendor" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]

_RUN_AXE = """async (tags) => {
  const results = await axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]});
  return results.violations;
}"""


def axe_violations(page) -> list[dict]:
    """Inject axe-core (once per document) and return its WCAG 2.x A/AA violations for the current page."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        # Injected as an inline <script>: needs a context with bypass_csp=True (see conftest.new_page).
        page.add_script_tag(path=AXE_SCRIPT)
    return page.evaluate(_RUN_AXE, WCAG_TAGS)


def format_violations(url: str, violations: list[dict]) -> str:
    lines = [f"{len(violations)} accessibility violation(s) on {url}:"]
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation.get('impact')}): {violation['help']}")
        lines.append(f"  {violation['helpUrl']}")
        for node in violation["nodes"]:
            lines.append(f"    target: {' '.join(map(str, node['target']))}")
            lines.append(f"    html:   {node['html'][:300]}")
            summary = (node.get("failureSummary") or "").replace("\n", "\n            ")
            if summary:
                lines.append(f"    why:    {summary}")
    return "\n".join(lines)


def assert_no_axe_violations(page) -> None:
    """Fail with each violation's id, help text and failing nodes (selector and HTML) if axe finds any."""
    violations = axe_violations(page)
    assert not violations, format_violations(page.url, violations)
