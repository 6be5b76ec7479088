"""The honeypot of every public form has a name of its own: no model or form field of the portal can take it.

When it was "website", the grants offer had to call its own website field something else, and a form that
named a real field "website" would have taken every organisation with a website for a bot.
"""

from django.apps import apps

import culture_dept.urls  # noqa: F401  (loads every view, hence every public form)
from core.public_forms import HONEYPOT_FIELD, PublicFormMixin


def subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from subclasses(sub)


def test_no_model_of_the_portal_has_a_field_named_like_the_honeypot():
    clashes = [
        f"{model._meta.label}.{field.name}"
        for model in apps.get_models()
        for field in model._meta.get_fields()
        if field.name == HONEYPOT_FIELD
    ]
    assert clashes == []


def test_every_public_form_keeps_the_mixins_honeypot():
    forms = [form for form in subclasses(PublicFormMixin) if form.__module__.split(".")[0] != "tests"]
    assert len(forms) >= 8  # feedback, events, permits, notifications, offers, accreditations, extracts, changes
    for form in forms:
        field = form.base_fields[HONEYPOT_FIELD]
        assert not field.required, form
        assert str(field.label) == "Pozostaw to pole puste", form
