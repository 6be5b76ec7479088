"""The Polish catalogue is complete: every message a person can see has a Polish translation."""

from pathlib import Path

LOCALE = Path(__file__).resolve().parents[2] / "locale"


def catalogue_entries(path: Path):
    """Yield (msgid, msgstr values, flags) of a .po file, without needing gettext tools."""
    entry = {"flags": "", "msgid": None, "msgstr": []}
    current = None
    for raw in path.read_text(encoding="utf-8").splitlines() + [""]:
        line = raw.strip()
        if not line:
            if entry["msgid"] is not None:
                yield entry["msgid"], entry["msgstr"], entry["flags"]
            entry, current = {"flags": "", "msgid": None, "msgstr": []}, None
        elif line.startswith("#,"):
            entry["flags"] = line
        elif line.startswith("#"):
            continue
        elif line.startswith("msgid_plural"):
            current = "plural"
        elif line.startswith("msgid "):
            entry["msgid"] = line[6:].strip('"')
            current = "msgid"
        elif line.startswith("msgstr"):
            entry["msgstr"].append(line.split(" ", 1)[1].strip('"'))
            current = "msgstr"
        elif line.startswith('"'):
            if current == "msgid":
                entry["msgid"] += line.strip('"')
            elif current == "msgstr":
                entry["msgstr"][-1] += line.strip('"')


def test_polish_catalogue_has_three_plural_forms():
    header = (LOCALE / "pl" / "LC_MESSAGES" / "django.po").read_text(encoding="utf-8")
    assert "Plural-Forms: nplurals=3;" in header


def test_every_msgid_has_a_polish_translation():
    """No empty or fuzzy Polish translation: a fuzzy one is not used by gettext at all."""
    missing = [
        msgid
        for msgid, msgstrs, flags in catalogue_entries(LOCALE / "pl" / "LC_MESSAGES" / "django.po")
        if msgid and (any(not value for value in msgstrs) or "fuzzy" in flags)
    ]
    assert missing == []
