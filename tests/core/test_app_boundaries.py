"""The house rule on imports between apps, checked on the source so a new helper cannot creep back.

`core` imports no app (apps register with it); an app imports another app only for its models or services,
never for a helper, widget, filter, feed, admin piece or template tag: a helper two apps need lives in `core`.
"""

import ast
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings

ALLOWED_FROM_ANOTHER_APP = {"models", "services"}


def project_apps() -> dict[str, Path]:
    base = Path(settings.BASE_DIR).resolve()
    found = {}
    for config in apps.get_app_configs():
        path = Path(config.path).resolve()
        if path.is_relative_to(base) and ".venv" not in path.parts and config.name.count(".") == 0:
            found[config.name] = path
    return found


def imported_modules(path: Path):
    """(line, dotted module) of every import in the file, nested ones (inside functions) included."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if "." in node.module:
                yield node.lineno, node.module
            else:  # "from events import models": the names are the modules
                for alias in node.names:
                    yield node.lineno, f"{node.module}.{alias.name}"


def crossings(app_paths: dict[str, Path]):
    """Every import in an app's code (migrations aside) of another project app's module."""
    for app, root in app_paths.items():
        for path in sorted(root.rglob("*.py")):
            if "migrations" in path.relative_to(root).parts:
                continue
            for line, module in imported_modules(path):
                target = module.split(".")[0]
                if target in app_paths and target != app:
                    yield app, f"{path.relative_to(root.parent)}:{line}", module


def test_the_project_apps_are_found():
    assert {"core", "events", "press", "grants", "institutions", "mass_events"} <= set(project_apps())


def test_core_imports_no_app():
    found = [where + " imports " + module for app, where, module in crossings(project_apps()) if app == "core"]
    assert found == []


def allowed(module: str) -> bool:
    parts = module.split(".")
    return len(parts) >= 2 and parts[1] in ALLOWED_FROM_ANOTHER_APP


def test_apps_import_each_other_only_for_models_or_services():
    found = [
        f"{where} imports {module}"
        for app, where, module in crossings(project_apps())
        if app != "core" and not module.startswith("core.") and not allowed(module)
    ]
    assert found == []


@pytest.mark.parametrize(
    ("source", "refused"),
    [
        ("from events.forms import TelInput\n", ["events.forms"]),
        ("def f():\n    from events.admin import save\n", ["events.admin"]),
        ("import events.feeds\n", ["events.feeds"]),
        ("from events import filters, models\n", ["events.filters"]),
        ("from events.models import Event\nfrom events.services import event_publish\n", []),
    ],
)
def test_the_check_sees_nested_and_top_level_imports(tmp_path, source, refused):
    for app in ("press", "events"):
        (tmp_path / app).mkdir()
    (tmp_path / "press" / "x.py").write_text(source, encoding="utf-8")
    app_paths = {"press": tmp_path / "press", "events": tmp_path / "events"}
    assert [module for _app, _where, module in crossings(app_paths) if not allowed(module)] == refused
