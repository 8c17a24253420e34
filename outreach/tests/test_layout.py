"""The layout's rules: dependencies point one way, and no module grows past what one can read."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# Outreach's core knows nothing of the apps built on it (docs/architecture.md, "Layout").
OUTREACH_CORE = ["outreach/models", "outreach/services", "outreach/forms", "outreach/lib"] + [
    f"outreach/{name}.py" for name in ("scope", "roles", "clock", "filters", "exports", "admin")
]
FORBIDDEN = {
    "outreach": ("programs", "surveys", "reports"),
    "programs": ("surveys", "reports"),
}
MAX_LINES = 600


def _modules(paths):
    for path in paths:
        target = ROOT / path
        yield from sorted(target.rglob("*.py")) if target.is_dir() else [target]


def _imported_apps(module):
    tree = ast.parse(module.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module.split(".")[0]


def _label(module):
    return str(module.relative_to(ROOT)) if module.is_relative_to(ROOT) else module.name


def _offences(modules, forbidden):
    return sorted(
        f"{_label(module)} imports {app}"
        for module in modules
        for app in set(_imported_apps(module))
        if app in forbidden
    )


def test_outreach_core_imports_none_of_the_apps_built_on_it():
    assert _offences(_modules(OUTREACH_CORE), FORBIDDEN["outreach"]) == []


def test_programs_imports_neither_surveys_nor_reports():
    modules = [m for m in _modules(["programs"]) if "/tests/" not in str(m)]

    assert _offences(modules, FORBIDDEN["programs"]) == []


def test_the_rule_sees_an_import_it_forbids(tmp_path):
    module = tmp_path / "example.py"
    module.write_text("from programs.models import Presentation\nimport reports.tasks\n")

    assert _offences([module], FORBIDDEN["outreach"]) == ["example.py imports programs", "example.py imports reports"]


@pytest.mark.parametrize("app", ["outreach", "programs", "surveys", "reports"])
def test_no_module_is_longer_than_one_can_read(app):
    long = [
        f"{_label(module)}: {lines} lines"
        for module in _modules([app])
        if "/migrations/" not in str(module)
        and (lines := len(module.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    ]

    assert long == []


def _templates():
    for folder in [ROOT / "templates", *ROOT.glob("*/templates")]:
        yield from sorted(folder.rglob("*.html"))


def test_no_template_comment_spans_lines_so_none_is_printed_on_a_page():
    """``{# … #}`` is one line only: a longer one is printed as text, so longer notes use {% comment %}."""
    offences = [
        f"{_label(path)}:{number}"
        for path in _templates()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if line.count("{#") > line.count("#}")
    ]
    assert offences == []
