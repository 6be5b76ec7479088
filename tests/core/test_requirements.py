"""Production runs only what it needs, every import is declared, and both locks pin every file by its hash.

requirements/prod.in lists what the portal runs, requirements/dev.in adds the tools for tests and the lock;
`make lock` compiles them into requirements/prod.txt and requirements/dev.txt (uv pip compile --generate-hashes).
"""

import ast
import importlib.metadata
import json
import os
import re
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
REQUIREMENTS = ROOT / "requirements"
# The project's own packages (every app, found by its folder, so a new duty needs no line here), tests and benchmarks.
FIRST_PARTY = {path.name for path in ROOT.iterdir() if (path / "__init__.py").is_file()} | {"tests", "bench"}
# Code that only developers and CI run: its imports may come from requirements/dev.in.
DEV_ONLY_CODE = ("tests", "bench")
# The build front end itself: a venv always has it, no lock pins it.
INSTALLER = {"pip"}
# Kinds of tool that must never reach production, whatever dev.in lists.
TEST_TOOL = re.compile(r"^(pytest.*|hypothesis|playwright|factory-boy|faker|time-machine|ruff|uv|coverage|mypy)$")


def normalise(name: str) -> str:
    """A distribution name as PyPI compares them (PEP 503)."""
    return re.sub(r"[-_.]+", "-", name).lower()


def declared(path: Path) -> set[str]:
    """The distributions a requirements/*.in file names, with those of the files it includes (-r)."""
    names = set()
    for raw in path.read_text().splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line or line.startswith("-c"):
            continue
        if line.startswith("-r"):
            names |= declared(path.parent / line[2:].strip())
            continue
        names.add(normalise(re.split(r"[\[=<>!~; ]", line, maxsplit=1)[0]))
    return names


def pinned(path: Path) -> dict[str, tuple[str, int]]:
    """The packages a lock pins: name -> (version, number of hashes)."""
    packages = {}
    for block in re.split(r"\n(?=\S)", path.read_text()):
        match = re.match(r"([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?==(\S+)", block)
        if match:
            packages[normalise(match[1])] = (match[2], block.count("--hash=sha256:"))
    return packages


PROD_IN = declared(REQUIREMENTS / "prod.in")
DEV_IN = declared(REQUIREMENTS / "dev.in")
DEV_TOOLS = DEV_IN - PROD_IN
PROD_LOCK = pinned(REQUIREMENTS / "prod.txt")
DEV_LOCK = pinned(REQUIREMENTS / "dev.txt")


def imported_top_level_modules(files):
    """{top-level module: [files importing it]} for the absolute imports of `files`."""
    modules = {}
    for path in files:
        for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                where = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path.name
                modules.setdefault(name.split(".")[0], []).append(str(where))
    return modules


def python_files(*, dev_only: bool):
    for path in sorted(ROOT.rglob("*.py")):
        parts = path.relative_to(ROOT).parts
        if parts[0] in {".venv", "var", "node_modules", "mutants"} or parts[0].startswith("."):
            continue
        if (parts[0] in DEV_ONLY_CODE) == dev_only:
            yield path


@cache
def module_owners():
    """{top-level module: [distributions providing it]} of the running environment (the dev venv)."""
    return importlib.metadata.packages_distributions()


def undeclared_imports(files, allowed: set[str]):
    """Third-party modules imported by `files` whose distribution is not in `allowed`, with where."""
    distributions = module_owners()
    missing = {}
    for module, where in imported_top_level_modules(files).items():
        if module in sys.stdlib_module_names or module in FIRST_PARTY or module == "__future__":
            continue
        owners = {normalise(name) for name in distributions.get(module, [])}
        if not owners & allowed:
            missing[module] = sorted(set(where))[:3]
    return missing


def test_the_application_imports_only_what_production_declares():
    """python-dateutil (events/services.py) is the case this caught: imported, but installed only through icalendar."""
    assert undeclared_imports(python_files(dev_only=False), PROD_IN) == {}


def test_tests_and_benchmarks_import_only_declared_packages():
    assert undeclared_imports(python_files(dev_only=True), PROD_IN | DEV_IN) == {}


def test_the_scan_reports_an_import_nobody_declared(tmp_path):
    """The scan itself: a module importing a package missing from the allowed list is reported."""
    module = tmp_path / "uses_dateutil.py"
    module.write_text("from dateutil.relativedelta import relativedelta\nimport django\n")
    assert undeclared_imports([module], {"django"}) == {"dateutil": ["uses_dateutil.py"]}
    assert undeclared_imports([module], {"django", "python-dateutil"}) == {}


def test_the_production_lock_holds_no_test_or_lock_tools():
    assert DEV_TOOLS, "requirements/dev.in declares no development tool"
    assert DEV_TOOLS.isdisjoint(PROD_LOCK), sorted(DEV_TOOLS & set(PROD_LOCK))
    assert not [name for name in PROD_LOCK if TEST_TOOL.match(name)]


@pytest.mark.parametrize("lock", ["prod.txt", "dev.txt"])
def test_every_locked_package_is_pinned_with_hashes(lock):
    packages = pinned(REQUIREMENTS / lock)
    requirement_lines = [
        line for line in (REQUIREMENTS / lock).read_text().splitlines() if line and not line[0].isspace()
    ]
    requirement_lines = [line for line in requirement_lines if not line.startswith("#")]
    assert len(packages) == len(requirement_lines), "a line of the lock is not a name==version pin"
    assert {name for name, (_version, hashes) in packages.items() if hashes == 0} == set()


def test_each_lock_pins_what_its_input_declares():
    """An edit of a requirements/*.in file without `make lock` leaves a declared package unpinned."""
    assert PROD_IN <= set(PROD_LOCK), sorted(PROD_IN - set(PROD_LOCK))
    assert DEV_IN <= set(DEV_LOCK), sorted(DEV_IN - set(DEV_LOCK))


def test_development_runs_the_versions_production_runs():
    different = {
        name: (version, DEV_LOCK.get(name, ("missing",))[0])
        for name, (version, _hashes) in PROD_LOCK.items()
        if DEV_LOCK.get(name, ("missing",))[0] != version
    }
    assert different == {}


PROD_VENV = os.environ.get("PORTAL_PROD_VENV")


@pytest.mark.skipif(
    not PROD_VENV,
    reason="PORTAL_PROD_VENV is not set: .ci/run builds a venv from requirements/prod.txt and runs this test with it",
)
def test_a_fresh_production_install_contains_no_test_tools():
    """The venv .ci/run built with `pip install --require-hashes --only-binary=:all: -r requirements/prod.txt`."""
    python = Path(PROD_VENV) / "bin" / "python"
    listed = subprocess.run(  # noqa: S603 - the interpreter of the venv CI built
        [str(python), "-m", "pip", "list", "--format=json", "--disable-pip-version-check"],
        capture_output=True,
        text=True,
        check=True,
    )
    installed = {normalise(package["name"]) for package in json.loads(listed.stdout)}
    assert installed - INSTALLER <= set(PROD_LOCK), sorted(installed - INSTALLER - set(PROD_LOCK))
    assert installed.isdisjoint(DEV_TOOLS), sorted(installed & DEV_TOOLS)
    assert not [name for name in installed if TEST_TOOL.match(name)]
    # What production runs is there: the application's checks pass in that venv alone.
    checked = subprocess.run(  # noqa: S603
        [str(python), "manage.py", "check", "--fail-level", "ERROR"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={
            "PATH": os.environ.get("PATH", ""),
            "DJANGO_SECRET_KEY": "production-install-check-0123456789abcdefghijklmnopqrstuvwxyz",
            "DJANGO_ADMIN_URL": "urzednicy-check/",
        },
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
