"""Kept uploads: the accepted files of a public form that is shown again, kept for a few minutes.

Browsers never send a file input back, so without this a person who must correct one answer, or confirm a
warning, would choose every file again. The one mechanism for every public form with files: a view adds
`KeptUploadsMixin` (before `PublicCaseCreateView`; a view of another shape calls `restore`, `kept_files_context`
and `discard`), its template puts `{{ kept_files_token }}` in a hidden `kept_files` input and includes
`includes/kept_files_notice.html`.

* Only files that passed their field's checks are kept: never the files of a field with an error, never
  anything of a bot's send (the honeypot).
* Each kept file is written once, under a random name, to the private storage in a directory of the client
  (the salted hash of its address, `core.public_forms.client_fingerprint`). The form carries a signed list of
  the kept files (salted, valid for `UPLOAD_STASH_MAX_AGE` seconds); the next send re-attaches each to its field
  unless a new file was chosen for it, and the form validates it again. A file kept from an earlier send is
  not written again; one that the next send replaced or dropped is deleted at once.
* Limits, both settings: one client keeps at most `UPLOAD_STASH_CLIENT_MAX_BYTES` (to keep a new file, the
  client's oldest kept files that the current send does not use are dropped first), all clients together at most
  `UPLOAD_STASH_TOTAL_MAX_BYTES` (past it nothing more is kept until files expire). A file not kept must be
  chosen again, and the page says so.
* Kept files are deleted when the case is opened, and `UPLOAD_STASH_MAX_AGE` seconds after they were kept: by
  `manage.py purge_upload_stash` (a systemd timer every 5 minutes) and whenever files are kept.
"""

import logging
import os
import re
import uuid
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from django.utils.datastructures import MultiValueDict

from core.public_forms import client_fingerprint
from core.uploads.kinds import KIND_EXTENSIONS

logger = logging.getLogger(__name__)

FIELD_NAME = "kept_files"
DIRECTORY = "upload-stash"
_SALT = "core.upload_stash"  # kept from the module's old name: tokens in open forms stay valid
_CLIENT_DIRECTORY = re.compile(r"^[0-9a-f]{32}$")
_KEPT_PATH = re.compile(
    rf"^{DIRECTORY}/[0-9a-f]{{32}}/[0-9a-f]{{32}}\.(?:{'|'.join(sorted(set(KIND_EXTENSIONS.values())))})$"
)


def _storage():
    return storages["private"]


class KeptFile(SimpleUploadedFile):
    """A kept file re-attached to its field; `record` says where it is kept."""

    def __init__(self, record: dict, content: bytes):
        super().__init__(record["name"], content)
        self.record = record


@dataclass(frozen=True)
class _StoredFile:
    path: str
    size: int
    modified: object  # an aware datetime


# READING THE TOKEN
# ------------------------------------------------------------------------------
def _records(token: str) -> list[dict]:
    """The kept files a token lists, if its signature holds and it has not expired; [] otherwise."""
    if not token:
        return []
    try:
        records = signing.loads(token, salt=_SALT, max_age=settings.UPLOAD_STASH_MAX_AGE)
    except signing.BadSignature:  # also SignatureExpired: the files are gone or about to be
        return []
    if not isinstance(records, list):
        return []
    return [
        record
        for record in records
        if isinstance(record, dict) and _KEPT_PATH.match(str(record.get("path", ""))) and record.get("field")
    ]


def _token(request) -> str:
    return request.POST.get(FIELD_NAME, "")


def restore(request) -> MultiValueDict:
    """The files of `request` plus each kept file on its field, unless the person chose a new file for that field."""
    files = request.FILES
    records = _records(_token(request))
    if not records:
        return files
    files = files.copy()
    chosen = {name for name in files if any(files.getlist(name))}
    storage = _storage()
    for record in records:
        if record["field"] in chosen:
            continue
        try:
            with storage.open(record["path"], "rb") as stored:
                content = stored.read()
        except OSError:  # expired and purged meanwhile: the form asks for the file again
            continue
        files.appendlist(record["field"], KeptFile(record, content))
    return files


# KEEPING
# ------------------------------------------------------------------------------
def _client_directory(request) -> str:
    return f"{DIRECTORY}/{client_fingerprint(request)}"


def _stored_files() -> dict[str, list[_StoredFile]]:
    """Every kept file by client directory ("" for files outside one), oldest first."""
    storage = _storage()
    try:
        directories, loose = storage.listdir(DIRECTORY)
    except FileNotFoundError:
        return {}
    found: dict[str, list[_StoredFile]] = {}

    def add(directory: str, names):
        for name in names:
            path = f"{directory}/{name}"
            try:
                found.setdefault(directory, []).append(
                    _StoredFile(path, storage.size(path), storage.get_modified_time(path))
                )
            except OSError:  # deleted meanwhile by another worker
                continue

    add(DIRECTORY, loose)
    for directory in directories:
        try:
            add(f"{DIRECTORY}/{directory}", storage.listdir(f"{DIRECTORY}/{directory}")[1])
        except OSError:
            continue
    for files in found.values():
        files.sort(key=lambda stored: stored.modified)
    return found


def _delete(path: str) -> None:
    try:
        _storage().delete(path)
    except OSError:
        logger.warning("event=upload_stash_delete_failed")


def _validated_files(form, name: str) -> list:
    value = form.cleaned_data.get(name)
    return value if isinstance(value, list) else [value] if value else []


def keep(form, request) -> tuple[str, list[dict]]:
    """Keep the files `form` accepted, within the limits; return the signed token and the kept files' descriptions.

    Files re-attached from the send's own token are not written again; the token's files this send did not use
    (replaced by a new file, or of a field now in error) are deleted.
    """
    if not form.is_bound or not hasattr(form, "cleaned_data") or getattr(form, "is_bot", False):
        return "", []
    if not any(hasattr(field, "validate_file") for field in form.fields.values()):
        return "", []  # a form without files (an applicant's changes to a case without them)
    purge_expired()
    previous = _records(_token(request))
    records, new_files = [], []
    for name, field in form.fields.items():
        if name in form.errors or not hasattr(field, "validate_file"):
            continue
        sent = [file for file in form.files.getlist(form.add_prefix(name)) if file]
        if sent and all(isinstance(file, KeptFile) for file in sent):
            records += [file.record for file in sent]
        else:
            new_files += [(name, file) for file in _validated_files(form, name)]
    used = {record["path"] for record in records}
    for record in previous:
        if record["path"] not in used:
            _delete(record["path"])
    records += _store(new_files, client_directory=_client_directory(request), keep_paths=used)
    if not records:
        return "", []
    kept = [{"label": form.fields[record["field"]].label, "name": record["name"]} for record in records]
    return signing.dumps(records, salt=_SALT, compress=True), kept


def _store(new_files, *, client_directory: str, keep_paths: set[str]) -> list[dict]:
    """Write the new files that fit the client's and the overall limit; return their records."""
    if not new_files:
        return []
    stored = _stored_files()
    client_files = [file for file in stored.get(client_directory, []) if file.path not in keep_paths]
    client_bytes = sum(file.size for file in stored.get(client_directory, []))
    total_bytes = sum(file.size for files in stored.values() for file in files)
    client_limit, total_limit = settings.UPLOAD_STASH_CLIENT_MAX_BYTES, settings.UPLOAD_STASH_TOTAL_MAX_BYTES
    records = []
    for name, file in new_files:
        upload = file.upload
        size = len(upload.content)
        # The client's own oldest kept files make room first (an abandoned earlier form, say).
        while client_files and client_bytes + size > client_limit:
            oldest = client_files.pop(0)
            _delete(oldest.path)
            client_bytes -= oldest.size
            total_bytes -= oldest.size
        if client_bytes + size > client_limit or total_bytes + size > total_limit:
            logger.info("event=upload_stash_full")
            continue
        path = _storage().save(
            f"{client_directory}/{uuid.uuid4().hex}.{KIND_EXTENSIONS[upload.kind]}", ContentFile(upload.content)
        )
        client_bytes += size
        total_bytes += size
        records.append({"field": name, "path": path, "name": upload.original_name or path.rsplit("/", 1)[-1]})
    return records


def discard(request) -> None:
    """Delete the kept files of the send `request` (its case has been opened with them)."""
    for record in _records(_token(request)):
        _delete(record["path"])


# EXPIRY
# ------------------------------------------------------------------------------
def purge_expired(*, now=None) -> tuple[int, int]:
    """Delete every kept file older than UPLOAD_STASH_MAX_AGE and empty client directories; return (files, bytes)."""
    limit = (now or timezone.now()) - timedelta(seconds=settings.UPLOAD_STASH_MAX_AGE)
    storage = _storage()
    files = removed_bytes = 0
    for directory, stored_files in _stored_files().items():
        remaining = len(stored_files)
        for stored in stored_files:
            if stored.modified < limit:
                _delete(stored.path)
                files += 1
                removed_bytes += stored.size
                remaining -= 1
        name = directory.rsplit("/", 1)[-1]
        if not remaining and directory != DIRECTORY and _CLIENT_DIRECTORY.match(name):
            _remove_empty_directory(storage, directory)
    return files, removed_bytes


def _remove_empty_directory(storage, directory: str) -> None:
    try:
        os.rmdir(storage.path(directory))
    except (NotImplementedError, OSError):  # not a local storage, or a file arrived meanwhile
        pass


# VIEWS
# ------------------------------------------------------------------------------
def kept_files_context(form, request) -> dict:
    """Keep the files `form` accepted; the context of `includes/kept_files_notice.html` and the hidden input.

    `kept_files_token` goes in a hidden `kept_files` input of the form; `kept_files` are the files received (label
    and name) and `files_lost` says that a file this send carried (new or kept) is not kept now, so it must be
    chosen again. Call it once per page shown (it writes the new files).
    """
    if form is None or not form.is_bound:
        return {"kept_files_token": "", "kept_files": [], "files_lost": False, "kept_minutes": 0}
    token, kept = keep(form, request)
    sent = sum(len([file for file in form.files.getlist(name) if file]) for name in form.files)
    return {
        "kept_files_token": token,
        "kept_files": kept,
        "files_lost": sent > len(kept),
        "kept_minutes": max(1, settings.UPLOAD_STASH_MAX_AGE // 60),
    }


class KeptUploadsMixin:
    """For a `PublicCaseCreateView` whose form has file fields: keep the accepted files when the form is shown again.

    Put it before `PublicCaseCreateView` in the bases; it adds `kept_files_context` to the view's `form_context`.
    A view of another shape calls the three steps itself: the form gets `restore(request)` as its files, the page
    shown again `kept_files_context(form, request)`, and a send that opened the case `discard(request)`.
    """

    def form_files(self, request):
        # What the browser sent this time, plus the files kept from the send that showed the form again.
        return restore(request)

    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        if response.status_code == 302:
            discard(request)
        return response

    def form_context(self, form) -> dict:
        return {**super().form_context(form), **kept_files_context(form, self.request)}
