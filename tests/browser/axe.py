"""axe-core in the page: the WCAG 2.0 and 2.1 A and AA rules, and a readable report."""

from pathlib import Path

#: Vendored from the npm registry: see vendor/axe-core/README.md.
AXE_JS = Path(__file__).resolve().parent / "vendor" / "axe-core" / "axe.min.js"
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def run_axe(page) -> list[dict]:
    """Inject axe-core into ``page`` (once) and return the violations it finds there."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_JS))
    return page.evaluate(
        "options => axe.run(document, options).then(results => results.violations)",
        AXE_OPTIONS,
    )


def describe_violations(violations: list[dict]) -> str:
    """axe's violations as a readable report: rule, impact, help, and each node."""
    lines = []
    for violation in violations:
        lines.append(
            f"- {violation['id']} ({violation.get('impact')}): {violation['help']}"
            f"\n  {violation['helpUrl']}"
        )
        for node in violation["nodes"]:
            lines.append(f"    at {' > '.join(map(str, node['target']))}")
            lines.append(f"       {node['html'][:200]}")
            summary = (node.get("failureSummary") or "").replace("\n", "\n         ")
            if summary:
                lines.append(f"       {summary}")
    return "\n".join(lines)
