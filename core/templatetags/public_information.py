"""The metryczka of public information on a page: `{% metryczka record %}`, `{% register_metryczka "key" %}`."""

from django import template

from core import public_information

register = template.Library()


@register.inclusion_tag("includes/metryczka.html", takes_context=True)
def metryczka(context, record):
    """The record's metryczka (nothing when there is no record or its kind is not registered as public information);
    the page's view is counted when the record's kind counts views."""
    if record is None:
        return {"metryczka": None, "register": False}
    public_information.note_view(context.get("request"), record)
    return {"metryczka": public_information.metryczka(record), "register": False}


@register.inclusion_tag("includes/metryczka.html")
def register_metryczka(kind_key: str):
    """The metryczka of a whole register of records (e.g. the register of patronages), by the kind's key."""
    kind = public_information.kind_for_key(kind_key)
    return {"metryczka": public_information.register_metryczka(kind) if kind else None, "register": True}
