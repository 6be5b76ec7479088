"""`{{ amount|pln }}`: an amount of money in a template, written as `core.money.format_pln` writes it everywhere."""

from django import template

from core.money import format_pln

register = template.Library()


@register.filter
def pln(value):
    """ "12 345,67 zł" in Polish, grouped, the unit after a no-break space; empty for an empty value."""
    if value in (None, ""):
        return ""
    return format_pln(value)
