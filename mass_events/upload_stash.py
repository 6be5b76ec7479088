"""Keep the accepted files of a form that is shown again (an error, the late warning) for one hour.

Browsers never send a file input back, so without this an organiser who must correct one answer, or confirm the
late-application warning, would choose up to 14 files again. The validated content of every accepted file is
written to the private storage under a random name; the form carries a signed list of those names (salted, valid
for `MAX_AGE` seconds), and the next send re-attaches each kept file to its field unless a new file was chosen
for it. The re-attached files go through the form's validation again. Kept files are deleted when the case is
opened, and any older than `MAX_AGE` whenever new ones are kept.
"""

import logging
import uuid
from datetime import timedelta

from django.core import signing
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from django.utils.datastructures import MultiValueDict

from core.uploads import KIND_EXTENSIONS

logger = logging.getLogger(__name__)

FIELD_NAME = "kept_files"
DIRECTORY = "upload-stash"
MAX_AGE = 3600
_SALT = "mass_events.upload_stash"


def _storage():
    return storages["private"]


def _purge_expired() -> None:
    storage = _storage()
    try:
        _directories, names = storage.listdir(DIRECTORY)
    except FileNotFoundError:
        return
    limit = timezone.now() - timedelta(seconds=MAX_AGE)
    for name in names:
        path = f"{DIRECTORY}/{name}"
        try:
            if storage.get_modified_time(path) < limit:
                storage.delete(path)
        except OSError:
            logger.warning("event=upload_stash_purge_failed")


def keep(form) -> tuple[str, list[dict]]:
    """Store the files `form` accepted; return the signed token and the kept files' descriptions."""
    records = []
    for name, field in form.fields.items():
        if name in form.errors or not hasattr(field, "validate_file"):
            continue
        value = form.cleaned_data.get(name)
        files = value if isinstance(value, list) else [value] if value else []
        for file in files:
            upload = file.upload
            path = _storage().save(
                f"{DIRECTORY}/{uuid.uuid4().hex}.{KIND_EXTENSIONS[upload.kind]}", ContentFile(upload.content)
            )
            records.append({"field": name, "path": path, "name": upload.original_name or path.rsplit("/", 1)[-1]})
    if not records:
        return "", []
    _purge_expired()
    kept = [{"label": form.fields[r["field"]].label, "name": r["name"]} for r in records]
    return signing.dumps(records, salt=_SALT, compress=True), kept


def _records(token: str) -> list[dict]:
    if not token:
        return []
    try:
        records = signing.loads(token, salt=_SALT, max_age=MAX_AGE)
    except signing.BadSignature:  # also SignatureExpired: the files are gone or about to be
        return []
    return [r for r in records if str(r.get("path", "")).startswith(f"{DIRECTORY}/") and ".." not in r["path"]]


def restore(token: str, files: MultiValueDict) -> MultiValueDict:
    """Return `files` with each kept file added to its field, unless the person chose a new file for that field."""
    records = _records(token)
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
        except OSError:
            continue
        files.appendlist(record["field"], SimpleUploadedFile(record["name"], content))
    return files


def discard(token: str) -> None:
    """Delete the kept files of `token` (the case has been opened with them)."""
    for record in _records(token):
        try:
            _storage().delete(record["path"])
        except OSError:
            logger.warning("event=upload_stash_delete_failed")
