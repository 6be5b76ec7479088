"""Find English and internal codes in the visible text of a Polish page.

The phrases come from where English reaches a page: the msgids of Django's admin and forms, of
django-simple-history and django-filter (their templates and Python sources), and the msgids of our own
catalogue; plus the dotted action codes of the workflow (`events.submission.open`) and the stored values of
choices (`submitted`). A phrase that is also a Polish word of the catalogues ("Status", "Program") is not
sought on its own.
"""

import functools
import re
from html.parser import HTMLParser
from pathlib import Path

import django
import django_filters
import simple_history
from django.apps import apps

ROOT = Path(__file__).resolve().parents[2]
DJANGO = Path(django.__file__).parent

#: Sources whose msgids can reach a page of the portal.
SOURCES = [
    DJANGO / "contrib" / "admin",
    DJANGO / "contrib" / "auth" / "forms.py",
    DJANGO / "contrib" / "auth" / "models.py",
    DJANGO / "contrib" / "auth" / "admin.py",
    DJANGO / "contrib" / "contenttypes",
    DJANGO / "forms",
    DJANGO / "core" / "validators.py",
    DJANGO / "core" / "paginator.py",
    DJANGO / "db" / "models" / "fields" / "__init__.py",
    DJANGO / "db" / "models" / "base.py",
    DJANGO / "views" / "csrf.py",
    Path(simple_history.__file__).parent,
    Path(django_filters.__file__).parent,
]

PLACEHOLDER = re.compile(r"%\(\w+\)[sdif]|%[sdif]|\{\{.*?\}\}|\{%.*?%\}|\{\w*\}|<[^>]+>|&\w+;")
TEMPLATE_MSGIDS = [
    re.compile(r"""\{%\s*(?:translate|trans)\s+(?:"([^"]+)"|'([^']+)')"""),
    re.compile(r"\{%\s*blocktrans(?:late)?\b[^%]*%\}(.*?)\{%\s*(?:plural|endblocktrans(?:late)?)\s*%\}", re.S),
    re.compile(r"\{%\s*plural\s*%\}(.*?)\{%\s*endblocktrans(?:late)?\s*%\}", re.S),
]
PYTHON_MSGIDS = re.compile(
    r"""\b(?:_|gettext|gettext_lazy|ngettext|ngettext_lazy|gettext_noop)\(\s*(?:"((?:[^"\\]|\\.)+)"|'((?:[^'\\]|\\.)+)')"""
    r"""(?:\s*,\s*(?:"((?:[^"\\]|\\.)+)"|'((?:[^'\\]|\\.)+)'))?"""
)
PO_ENTRY = re.compile(r'^msgid "(.*)"\n((?:".*"\n)*)', re.M)
PO_STRINGS = re.compile(r'^msg(?:str|str\[\d\]|id_plural) "(.*)"\n((?:".*"\n)*)', re.M)
WORD = re.compile(r"[^\W\d_][\w'’-]*")


def _po_text(first: str, rest: str) -> str:
    text = first + "".join(line[1:-1] for line in rest.splitlines())
    return text.replace('\\"', '"').replace("\\n", " ")


def _fragments(msgid: str):
    """The literal parts of a msgid, without placeholders, tags and edge punctuation."""
    for part in PLACEHOLDER.split(msgid.replace("\\n", " ").replace("\\", "")):
        part = " ".join(part.split()).strip(" .,:;!?()[]\"'…-–—/→")
        if sum(ch.isalpha() for ch in part) >= 3:
            yield part


def _source_msgids():
    for source in SOURCES:
        files = [source] if source.is_file() else sorted(source.rglob("*"))
        for path in files:
            if path.suffix == ".html":
                text = path.read_text(encoding="utf-8")
                for pattern in TEMPLATE_MSGIDS:
                    for match in pattern.finditer(text):
                        yield from (group for group in match.groups() if group)
            elif path.suffix == ".py" and "migrations" not in path.parts and "tests" not in path.parts:
                for match in PYTHON_MSGIDS.finditer(path.read_text(encoding="utf-8")):
                    yield from (group for group in match.groups() if group)


def _catalogue(path: Path):
    """(msgid, Polish texts) of a .po file."""
    text = path.read_text(encoding="utf-8")
    for block in text.split("\n\n"):
        if "#, fuzzy" in block and 'msgid ""\nmsgstr ""\n"Project' not in block:
            continue
        head = PO_ENTRY.search(block + "\n")
        if head is None:
            continue
        msgid = _po_text(*head.groups())
        translations = [_po_text(*m.groups()) for m in PO_STRINGS.finditer(block + "\n") if "msgid_plural" not in m[0]]
        plural = re.search(r'^msgid_plural "(.*)"\n((?:".*"\n)*)', block + "\n", re.M)
        yield msgid, _po_text(*plural.groups()) if plural else None, translations


def _polish_catalogues():
    yield ROOT / "locale" / "pl" / "LC_MESSAGES" / "django.po"
    for base in (DJANGO, Path(simple_history.__file__).parent, Path(django_filters.__file__).parent):
        yield from base.rglob("locale/pl/LC_MESSAGES/*.po")


@functools.cache
def polish_text() -> str:
    """Every Polish translation the portal uses, one a line: a phrase found in it proves nothing on a page."""
    return "\n".join(
        text
        for path in _polish_catalogues()
        for _msgid, _plural, translations in _catalogue(path)
        for text in translations
    )


@functools.cache
def polish_words() -> frozenset[str]:
    """Every word of every Polish translation the portal uses."""
    return frozenset(WORD.findall(polish_text()))


@functools.cache
def english_phrases() -> tuple[str, ...]:
    """The English phrases that must not appear on a Polish page, longest first."""
    msgids = set(_source_msgids())
    for msgid, plural, translations in _catalogue(ROOT / "locale" / "pl" / "LC_MESSAGES" / "django.po"):
        if msgid and any(text and text != msgid for text in translations):
            msgids.add(msgid)
            if plural:
                msgids.add(plural)
    polish = polish_words()
    phrases = set()
    for msgid in msgids:
        for fragment in _fragments(msgid):
            words = WORD.findall(fragment)
            if not words or fragment in polish_text():
                continue
            if len(words) == 1 and (
                words[0] in polish or words[0].lower() in polish or len(words[0]) < 4 or words[0].isupper()
            ):
                continue
            phrases.add(fragment)
    return tuple(sorted(phrases, key=len, reverse=True))


@functools.cache
def internal_codes() -> re.Pattern:
    """Dotted codes of our apps (`events.submission.open`, `core.feedback`) and stored choice values."""
    labels = sorted(config.label for config in apps.get_app_configs())
    values = set()
    polish = polish_words()
    for model in apps.get_models():
        for field in model._meta.get_fields():
            for value, label in getattr(field, "flatchoices", None) or ():
                if (
                    isinstance(value, str)
                    and re.fullmatch(r"[a-z][a-z0-9_]{3,}", value)
                    and value != str(label)
                    and value not in polish
                ):
                    values.add(value)
    dotted = r"\b(?:{})\.[a-z][a-z_]+\b".format("|".join(map(re.escape, labels)))
    stored = r"(?<![\w@./:-])(?:{})(?![\w@/-]|\.\w)".format(
        "|".join(map(re.escape, sorted(values, key=len, reverse=True)))
    )
    return re.compile(f"{dotted}|{stored}")


class _VisibleText(HTMLParser):
    """Text a person sees or hears: text nodes and the attributes read aloud or shown on buttons."""

    SKIP = {"script", "style", "template", "noscript"}
    ATTRIBUTES = ("title", "placeholder", "aria-label", "alt", "aria-description")

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0
        # Text marked as another language (the language switch's "English", a release's English version).
        self.foreign: list[str] = []
        self.depth = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self.skipping += 1
            return
        attrs = dict(attrs)
        if tag not in self.VOID:
            if self.foreign:
                self.depth += 1
            elif attrs.get("lang") and not attrs["lang"].startswith("pl"):
                self.foreign.append(tag)
                self.depth = 1
        if self.foreign:
            return
        self.parts.extend(attrs[name] for name in self.ATTRIBUTES if attrs.get(name))
        if tag == "input" and attrs.get("type") in ("submit", "button", "reset") and attrs.get("value"):
            self.parts.append(attrs["value"])

    def handle_endtag(self, tag):
        if tag in self.SKIP and self.skipping:
            self.skipping -= 1
        elif self.foreign and tag not in self.VOID:
            self.depth -= 1
            if self.depth == 0:
                self.foreign.clear()

    def handle_data(self, data):
        if not self.skipping and not self.foreign:
            self.parts.append(data)


URL_OR_ADDRESS = re.compile(r"\S+://\S+|\S+@\S+|\bwww\.\S+")


def visible_text(html: str) -> str:
    parser = _VisibleText()
    parser.feed(html)
    parser.close()
    return URL_OR_ADDRESS.sub(" ", " ".join(" ".join(parser.parts).split()))


def untranslated(html: str) -> list[str]:
    """English phrases and internal codes in a page's visible text, each once, with a little context."""
    text = visible_text(html)
    found = {}
    for phrase in english_phrases():
        start = text.find(phrase)
        while start != -1:
            end = start + len(phrase)
            before = text[start - 1] if start else " "
            after = text[end] if end < len(text) else " "
            if not (before.isalnum() or before in "_-") and not (after.isalnum() or after in "_-"):
                found.setdefault(phrase, text[max(0, start - 30) : end + 30])
                break
            start = text.find(phrase, start + 1)
    for match in internal_codes().finditer(text):
        found.setdefault(match[0], text[max(0, match.start() - 30) : match.end() + 30])
    # A longer phrase found already covers its shorter parts.
    return [f"{phrase!r} in …{context}…" for phrase, context in found.items()]
