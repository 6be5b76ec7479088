"""Structured data for search engines: schema.org JSON-LD blocks that public pages embed.

`json_ld(data)` renders a data block escaped as `json_script` escapes; a data block is not executed, so the
CSP (no inline scripts) does not apply to it. Template tag libraries register it as their `json_ld` filter.
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe

SCHEMA = "https://schema.org/"

_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def json_ld(data) -> str:
    """Render `data` as a <script type="application/ld+json"> data block, escaped like json_script."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_JSON_SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308
