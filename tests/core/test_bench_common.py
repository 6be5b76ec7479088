"""What the bench scripts share (bench/common.py): their throw-away database and the test client's timings."""

import os

import pytest

from bench import common


class Answer:
    def __init__(self, status_code):
        self.status_code = status_code


class Client:
    def __init__(self, status_code=200):
        self.status_code = status_code
        self.paths = []

    def get(self, path):
        self.paths.append(path)
        return Answer(self.status_code)


def test_the_bench_database_is_a_fresh_file_unless_reused(tmp_path, monkeypatch):
    monkeypatch.setattr(common, "BENCH_DIR", tmp_path / "bench")
    monkeypatch.delenv("DATABASE_URL", raising=False)
    common.bench_database("dashboard")
    database = tmp_path / "bench" / "dashboard.sqlite3"
    assert os.environ["DATABASE_URL"] == f"sqlite:///{database}"

    database.write_bytes(b"seeded")
    monkeypatch.delenv("DATABASE_URL")
    common.bench_database("dashboard", reuse=True)
    assert database.exists()
    monkeypatch.delenv("DATABASE_URL")
    common.bench_database("dashboard")
    assert not database.exists()


def test_a_database_url_given_is_kept(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/portal_bench")
    common.bench_database("dashboard")
    assert os.environ["DATABASE_URL"] == "postgres://postgres@127.0.0.1:5432/portal_bench"


def test_the_timings_of_a_page_are_its_median_and_95th_percentile():
    client = Client()
    median, p95 = common.get_timings(client, "/wydarzenia/", 20)
    assert client.paths == ["/wydarzenia/"] * 20
    assert 0 <= median <= p95


def test_a_page_that_does_not_answer_200_stops_the_timing():
    with pytest.raises(AssertionError, match="/opinia/"):
        common.get_timings(Client(status_code=500), "/opinia/", 3)
