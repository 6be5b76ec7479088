"""The admin's counts in correct Polish: `{% admin_count cl.opts cl.result_count %}` gives "14 zgłoszeń wydarzeń"."""

from django import template

from core import admin_grammar

register = template.Library()


@register.simple_tag
def admin_count(opts, count):
    return admin_grammar.admin_count(opts, count)
