"""A local HTTP server on 127.0.0.1 for the fetcher's tests: the tests never reach the internet."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest


class LocalSite:
    """Routes served on 127.0.0.1: {path: (status, headers, body)}; every request is logged as (path, headers)."""

    def __init__(self, server):
        self.server = server
        self.routes: dict[str, tuple[int, dict[str, str], bytes]] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []

    @property
    def port(self) -> int:
        return self.server.server_address[1]

    def url(self, path: str, host: str = "127.0.0.1") -> str:
        return f"http://{host}:{self.port}{path}"

    def serve(self, path: str, body: str | bytes, *, status=200, content_type="text/html; charset=utf-8", **headers):
        data = body.encode() if isinstance(body, str) else body
        self.routes[path] = (status, {"Content-Type": content_type, **headers}, data)

    def paths_requested(self) -> list[str]:
        return [path for path, _headers in self.requests]


def _handler(site_ref):
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 — the name http.server calls
            site = site_ref[0]
            site.requests.append((self.path, dict(self.headers.items())))
            status, headers, body = site.routes.get(self.path, (404, {"Content-Type": "text/plain"}, b"nie ma"))
            etag = headers.get("ETag")
            if etag and self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.send_header("ETag", etag)
                self.end_headers()
                return
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format, *args):  # noqa: A002 — http.server's signature
            pass

    return Handler


@pytest.fixture
def local_site():
    site_ref = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(site_ref))
    site = LocalSite(server)
    site_ref.append(site)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield site
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)
