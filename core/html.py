"""Sanitising of rich text that clerks paste (often from Word) before it reaches a public page."""

import re

import nh3
from django.db import models
from django.utils.html import escape

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "em", "h2", "h3", "h4", "hr", "i", "li", "ol",
    "p", "strong", "sub", "sup", "table", "tbody", "td", "th", "thead", "tr", "ul",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "hreflang"},
    "abbr": {"title"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
}


# A tag that lays out text in blocks or lines: text with one of them is HTML, text without is plain.
BLOCK_TAG = re.compile(r"<\s*/?\s*(?:p|br|div|ul|ol|li|h[1-6]|table|blockquote|hr)\b", re.IGNORECASE)
BLANK_LINES = re.compile(r"\n\s*\n")


def plain_text_paragraphs(value: str) -> str:
    """Plain text as HTML: a blank line starts a paragraph, a single line break stays a line break.

    An organiser's submission or a release typed without an editor is plain text; rendered as HTML as it is,
    its blank lines would vanish and it would read as one block. What tags it has are left to
    `sanitise_html`, which runs next.
    """
    text = value.replace("\r\n", "\n").replace("\r", "\n").strip()
    paragraphs = [part.strip() for part in BLANK_LINES.split(text) if part.strip()]
    return "".join("<p>{}</p>".format("<br>".join(part.split("\n"))) for part in paragraphs)


def plain_text_html(value: str) -> str:
    """Text typed without an editor as the HTML of `SanitisedHTMLField`: every character shown as it was typed.

    The text is escaped ("<" stays a character, never a tag), a blank line starts a paragraph and a single line
    break stays a line break (`plain_text_paragraphs`), so a field that moves to the editor renders as it did with
    `linebreaks`. The data migrations of such fields convert the stored texts with it.
    """
    return plain_text_paragraphs(escape(value or ""))


def sanitise_html(value: str) -> str:
    """Return `value` with only a small, accessible subset of HTML: no scripts, styles or event handlers.

    Plain text (no block or line tags) with line breaks becomes paragraphs first (`plain_text_paragraphs`).
    """
    value = value or ""
    if "\n" in value.strip() and not BLOCK_TAG.search(value):
        value = plain_text_paragraphs(value)
    return nh3.clean(
        value,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto", "tel"},
        link_rel="noopener noreferrer",
        strip_comments=True,
    )


class SanitisedHTMLField(models.TextField):
    """A TextField whose HTML is sanitised every time the model is saved."""

    def pre_save(self, model_instance, add):
        value = sanitise_html(getattr(model_instance, self.attname))
        setattr(model_instance, self.attname, value)
        return value
