"""Gunicorn settings of the portal in production (docs/deployment.md).

Started by deploy/systemd/portal-web.service as
`gunicorn -c /srv/portal/current/gunicorn.conf.py`; every value below that an operator may need
to change is read from the environment (GUNICORN_*), so this file stays the same on every node.

Logs and personal data: the access log never holds a query string, a referrer, a user agent or a
client address (gunicorn sees only the local nginx anyway), and the private token of every route in
core/logging.py's PRIVATE_TOKEN_ROUTES (a case's tracking link, a grant-offer draft, an unsubscribe
link; with or without a language prefix) is masked in the path. The same masking is applied to
gunicorn's own error lines (they quote the request line when a request is malformed or the
application crashes outside Django). Control characters in any logged value are escaped, so a request
cannot write a line of its own, and times are UTC in ISO 8601. nginx masks its own access log from the
same list (deploy/nginx/portal.conf). Django's loggers are configured in culture_dept/settings.py.

Check it loads: `DJANGO_DEBUG=true .venv/bin/gunicorn -c gunicorn.conf.py --check-config`.
"""

import importlib.util
import logging
import os
import re
import time
from urllib.parse import unquote

from gunicorn.glogging import Logger

# APPLICATION
# ------------------------------------------------------------------------------
wsgi_app = "culture_dept.wsgi:application"
# The directory gunicorn imports the project from. It is taken from the path this file was loaded
# by, without resolving symlinks: started as /srv/portal/current/gunicorn.conf.py, gunicorn changes
# into "/srv/portal/current" again on every reload (SIGHUP), so a reload after the `current`
# symlink was switched to a new release runs the new release's code.
chdir = os.environ.get("GUNICORN_CHDIR", os.path.dirname(os.path.abspath(__file__)))
proc_name = "portal-web"
# Workers import the application themselves (no preload): a SIGHUP reload then loads new code.
preload_app = False

# SOCKET
# ------------------------------------------------------------------------------
# Only the local nginx talks to gunicorn. Several addresses may be given, separated by commas,
# e.g. "127.0.0.1:8001,unix:/run/portal-web/gunicorn.sock".
bind = [address.strip() for address in os.environ.get("GUNICORN_BIND", "127.0.0.1:8001").split(",") if address.strip()]
backlog = 2048

# WORKERS
# ------------------------------------------------------------------------------
# Each worker holds GUNICORN_THREADS threads, and every thread keeps its own PostgreSQL connection
# (CONN_MAX_AGE): a node opens up to workers x threads connections (docs/deployment.md).
_cores = (os.process_cpu_count() if hasattr(os, "process_cpu_count") else os.cpu_count()) or 1
workers = int(os.environ.get("GUNICORN_WORKERS", 2 * _cores + 1))
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", 4))
# A request that takes longer than this is killed (the worker is restarted). nginx waits 35 s.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 30))
# On reload or stop, running requests get this long to finish.
graceful_timeout = 30
# nginx keeps no idle connections to gunicorn open for long.
keepalive = 5
# Recycle each worker after about a thousand requests, at staggered times, so a slow leak in any
# library never grows without bound and the workers never restart all at once.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", 1000))
max_requests_jitter = int(os.environ.get("GUNICORN_MAX_REQUESTS_JITTER", 100))
# Heartbeat files in memory, not on a disk that may stall (gunicorn creates them with mkstemp and
# unlinks them at once; /dev/shm is the RAM file system gunicorn's documentation recommends).
if os.path.isdir("/dev/shm"):  # noqa: S108
    worker_tmp_dir = "/dev/shm"  # noqa: S108
# No runtime control socket (gunicornc): its default lives in $HOME, which systemd keeps read-only;
# operators use `systemctl reload|restart portal-web`.
control_socket_disable = True

# PROXY
# ------------------------------------------------------------------------------
# Trust forwarding headers from the local nginx only.
forwarded_allow_ips = "127.0.0.1,::1"
# nginx sets X-Forwarded-Proto itself (overwriting whatever the client sent); the other scheme
# headers gunicorn knows by default (X-Forwarded-Ssl, X-Forwarded-Protocol) come from clients and
# are ignored, so a client cannot make a request fail with "contradictory scheme headers".
secure_scheme_headers = {"X-FORWARDED-PROTO": "https"}

# LOGGING
# ------------------------------------------------------------------------------
# Both logs go to stdout/stderr, i.e. to the systemd journal (`journalctl -u portal-web`).
# GUNICORN_ACCESS_LOG="" turns the access log off (nginx keeps its own).
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# Time, method, masked path without query string (%(U)s), protocol, status, bytes, milliseconds.
# No %(r)s (it holds the raw request line with the query string), no %(q)s, %(f)s (referrer),
# %(a)s (user agent) or %(h)s (client address).
access_log_format = '%(t)s "%(m)s %(U)s %(H)s" %(s)s %(b)s %(M)sms'

# Private tokens, control characters and timestamps: the rules of core/logging.py, the same list of
# private-token routes that Django's logging and the nginx map use. The file is loaded by its path under
# `chdir` each time this configuration is read, so a reload (SIGHUP) after a deploy uses the new
# release's list, not a module the master process imported at its start.
_spec = importlib.util.spec_from_file_location("portal_log_rules", os.path.join(chdir, "core", "logging.py"))
log_rules = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(log_rules)

# A query string inside a logged URI or request line.
_QUERY_STRING = re.compile(r"\?[^\s'\"]*")
MASKED_SEGMENT = log_rules.MASKED_TOKEN


def mask_uri(text: str) -> str:
    """`text` (a path, a URI or a whole log line) without query strings, tokens or control characters.

    A raw request line is percent-encoded: it is decoded first, so /%73prawy/<token>/ is masked as well.
    """
    text = _QUERY_STRING.sub("", text)
    return log_rules.safe_log_text(unquote(text))


class PortalLogger(Logger):
    """gunicorn's logger without personal data or forged lines in the access log or its own error lines.

    The access atoms that could carry personal data are masked or replaced by "-", even those the
    format above does not use, so a later edit of `access_log_format` cannot bring them back. Every
    atom has its control characters escaped, and both logs get core/logging.py's formatter: one
    record per line, UTC ISO 8601 times.
    """

    _DROPPED_ATOMS = ("h", "q", "f", "a", "u")
    error_fmt = "%(asctime)s [%(process)d] [%(levelname)s] %(message)s"

    def now(self):
        return log_rules.iso_utc(time.time())

    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        # PATH_INFO holds the path's bytes as Latin-1 (PEP 3333): shown as UTF-8, any other byte as \xNN.
        raw_path = (environ.get("PATH_INFO") or "").encode("latin-1", "replace")
        path = mask_uri(raw_path.decode("utf-8", "backslashreplace"))
        atoms["U"] = path
        atoms["r"] = f"{environ.get('REQUEST_METHOD', '-')} {path} {environ.get('SERVER_PROTOCOL', '-')}"
        for key in self._DROPPED_ATOMS:
            atoms[key] = "-"
        # Request headers, response headers and environ values ({name}i, {name}o, {name}e): none.
        return {
            key: log_rules.escape_control_characters(value) for key, value in atoms.items() if not key.startswith("{")
        }

    def _set_handler(self, log, output, fmt, stream=None):
        fmt = log_rules.PortalFormatter(fmt._fmt) if isinstance(fmt, logging.Formatter) else fmt
        super()._set_handler(log, output, fmt, stream=stream)

    @staticmethod
    def _masked(msg, args):
        if args:
            try:
                msg = msg % args
            except (TypeError, ValueError):
                msg = " ".join(str(part) for part in (msg, *args))
        # Formatted here, so the text is passed on without arguments: a "%" in it stays as it is.
        return mask_uri(str(msg))

    def critical(self, msg, *args, **kwargs):
        super().critical(self._masked(msg, args), **kwargs)

    def error(self, msg, *args, **kwargs):
        super().error(self._masked(msg, args), **kwargs)

    def warning(self, msg, *args, **kwargs):
        super().warning(self._masked(msg, args), **kwargs)

    def info(self, msg, *args, **kwargs):
        super().info(self._masked(msg, args), **kwargs)

    def debug(self, msg, *args, **kwargs):
        super().debug(self._masked(msg, args), **kwargs)

    def exception(self, msg, *args, **kwargs):
        super().exception(self._masked(msg, args), **kwargs)

    def log(self, lvl, msg, *args, **kwargs):
        super().log(lvl, self._masked(msg, args), **kwargs)


logger_class = PortalLogger
