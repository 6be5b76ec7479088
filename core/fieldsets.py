"""A public case's applicant fields, declared once in groups: the public form, its template and the admin read them.

The case model lists what the applicant states, in the public form's groups, beside its personal-data fields:

    class EventNotification(Case):
        APPLICANT_FIELDSETS = (
            Fieldset(_("The organiser"), ("organiser_name", "organiser_address", "contact_email")),
            Fieldset(_("The event"), ("event_name", "starts_at", "ends_at")),
        )

- the public form: `class Meta: fields = fieldset_fields(EventNotification.APPLICANT_FIELDSETS)`, and
  `FieldsetsFormMixin` with `fieldsets = EventNotification.APPLICANT_FIELDSETS` (plus the form's own groups, e.g.
  its files); the template renders `{% for fieldset in form.bound_fieldsets %}{% include
  "includes/form_fieldset.html" with fieldset=fieldset form=form only %}{% endfor %}`;
- the admin: `fieldsets = [(None, {...}), *admin_fieldsets(Model.APPLICANT_FIELDSETS), ...]` and the same names in
  `readonly_fields` (`fieldset_fields`), with `shown_as` naming what the clerk sees instead of a field (a masked
  PESEL).
"""

from collections.abc import Iterable, Mapping
from typing import NamedTuple

from django.forms import BoundField
from django.utils.functional import Promise


class Fieldset(NamedTuple):
    """A group of a form's fields: its legend, the field names in order, and a sentence shown under the legend."""

    legend: str | Promise
    fields: tuple[str, ...]
    description: str | Promise = ""


class BoundFieldset(NamedTuple):
    """A fieldset of a bound form, for `includes/form_fieldset.html`: rows of (bound field, template after it)."""

    legend: str | Promise
    description: str | Promise
    rows: list[tuple[BoundField, str | None]]


def fieldset_fields(fieldsets: Iterable[Fieldset], *, shown_as: Mapping[str, str] | None = None) -> list[str]:
    """Every field name of `fieldsets`, in order; a name in `shown_as` is replaced by what stands for it."""
    shown_as = shown_as or {}
    return [shown_as.get(name, name) for fieldset in fieldsets for name in fieldset.fields]


def admin_fieldsets(fieldsets: Iterable[Fieldset], *, shown_as: Mapping[str, str] | None = None) -> list[tuple]:
    """`fieldsets` in the form of `ModelAdmin.fieldsets`: (legend, {"fields": [...]}); `shown_as` as above."""
    return [(fieldset.legend, {"fields": fieldset_fields([fieldset], shown_as=shown_as)}) for fieldset in fieldsets]


class FieldsetsFormMixin:
    """A form rendered group by group through `includes/form_fieldset.html`.

    `fieldsets`: the groups, in order (override `get_fieldsets()` for groups the form builds itself);
    `include_after`: field name → a template included right after that field (with `form`), e.g. a warning that
    belongs to the dates.
    """

    fieldsets: tuple[Fieldset, ...] = ()
    include_after: Mapping[str, str] = {}

    def get_fieldsets(self) -> Iterable[Fieldset]:
        return self.fieldsets

    def bound_fieldsets(self) -> list[BoundFieldset]:
        return [
            BoundFieldset(
                fieldset.legend,
                fieldset.description,
                [(self[name], self.include_after.get(name)) for name in fieldset.fields],
            )
            for fieldset in self.get_fieldsets()
        ]
