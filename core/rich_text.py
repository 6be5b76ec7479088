"""The admin's rich-text editor: one widget for every text that a public page renders as HTML.

Clerks write releases, event descriptions, static pages, letters and call texts in a ProseMirror editor
(django-prose-editor) instead of typing HTML. The editor is configured through a JSON data attribute and
loads its scripts and styles as our own static files; the import map it needs is an inline script that
the admin renders with the request's CSP nonce (``{% csp_nonce_attr media %}``), so the admin's CSP keeps
without ``'unsafe-inline'``.

The editor is a convenience, not the guard: what it sends is sanitised on the server by `core.html`
(`SanitisedHTMLField` on save), and its toolbar offers only elements that `core.html.ALLOWED_TAGS` keeps,
so what a clerk sees in the editor is what the public page shows.
"""

import json

from django.utils.translation import gettext_lazy as _
from django_prose_editor.widgets import AdminProseEditorWidget
from js_asset import Media, Script

from core.html import SanitisedHTMLField

LINK_PROTOCOLS = ["http", "https", "mailto", "tel"]

#: What the toolbar offers: headings below the page's own h1, emphasis, links, lists, quotations, tables,
#: sub- and superscript (m², CO₂) and a rule. Each maps to a tag in `core.html.ALLOWED_TAGS` (a test holds it),
#: so content written before the editor, in that subset, keeps every element when a clerk edits it.
EXTENSIONS = {
    "Heading": {"levels": [2, 3, 4]},
    "Bold": True,
    "Italic": True,
    "Subscript": True,
    "Superscript": True,
    "Link": {"enableTarget": False, "protocols": LINK_PROTOCOLS},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HardBreak": True,
    "HorizontalRule": True,
    "Table": True,
    "TableRow": True,
    "TableHeader": True,
    "TableCell": True,
    "History": True,
}


#: The toolbar's names in Polish, by the library's English names (lower case), which it does not translate.
#: `static/core/rich_text.js` puts them on the buttons' titles and accessible names.
TOOLBAR_LABELS = {
    "paragraph": _("paragraph"),
    "heading 2": _("heading 2"),
    "heading 3": _("heading 3"),
    "heading 4": _("heading 4"),
    "bold": _("bold"),
    "italic": _("italic"),
    "subscript": _("subscript"),
    "superscript": _("superscript"),
    "insert link": _("insert link"),
    "remove link": _("remove link"),
    "unordered list": _("bulleted list"),
    "ordered list": _("numbered list"),
    "list properties": _("list properties"),
    "blockquote": _("quotation"),
    "horizontal rule": _("horizontal line"),
    "insert table": _("insert table"),
    "add column": _("add column"),
    "delete column": _("delete column"),
    "add row": _("add row"),
    "delete row": _("delete row"),
    "delete table": _("delete table"),
    "merge cells": _("merge cells"),
    "split cell": _("split cell"),
    "toggle header cell": _("header cell on or off"),
    "undo": _("undo"),
    "redo": _("redo"),
}


class RichTextWidget(AdminProseEditorWidget):
    """The admin's rich-text editor with the portal's toolbar (`EXTENSIONS`), its labels in the page's language.

    `static/core/rich_text.css` holds ProseMirror's base styles, which Tiptap would inject inline (refused by the
    CSP), and `static/core/rich_text.js` names the editable box after the field's label (a screen reader announces
    "Treść", not an unnamed text box) and puts `TOOLBAR_LABELS` on the toolbar.
    """

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, config={"extensions": EXTENSIONS}, preset="configurable")

    @property
    def media(self):
        # Ours first: it must run before the editor's module starts (static/core/rich_text.js).
        ours = Media(css={"all": ["core/rich_text.css"]}, js=[Script("core/rich_text.js", type="module")])
        return ours + super().media

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        labels = {english: str(polish) for english, polish in TOOLBAR_LABELS.items()}
        context["widget"]["attrs"]["data-rich-text-labels"] = json.dumps(labels, ensure_ascii=False)
        return context


class RichTextAdminMixin:
    """A ModelAdmin mixin that edits every `SanitisedHTMLField` of the model in `RichTextWidget`."""

    formfield_overrides = {SanitisedHTMLField: {"widget": RichTextWidget}}
