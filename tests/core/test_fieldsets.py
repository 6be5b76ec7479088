"""Applicant fields declared once in fieldsets (core.fieldsets) and rendered by includes/form_fieldset.html."""

from django import forms
from django.conf import settings
from django.template import Context, Engine

from core.fieldsets import Fieldset, FieldsetsFormMixin, admin_fieldsets, fieldset_fields

FIELDSETS = (
    Fieldset("The organiser", ("name", "email")),
    Fieldset("The event", ("starts_on", "cyclic"), description="Dates of the event."),
)


AFTER_DATES = '<p class="after">{{ form.starts_on.label }}: check the deadline</p>'


class ExampleForm(FieldsetsFormMixin, forms.Form):
    fieldsets = FIELDSETS
    include_after = {"starts_on": "after_dates.html"}

    name = forms.CharField(label="Name", help_text="As in the register.")
    email = forms.EmailField(label="E-mail")
    starts_on = forms.DateField(label="Start")
    cyclic = forms.BooleanField(label="Cyclic", required=False)


def render(form) -> str:
    """Each fieldset through the partial; the template after a field stands in for e.g. the late-filing warning."""
    engine = Engine(
        dirs=[settings.BASE_DIR / "templates"],
        loaders=[
            ("django.template.loaders.locmem.Loader", {"after_dates.html": AFTER_DATES}),
            "django.template.loaders.filesystem.Loader",
        ],
    )
    partial = engine.get_template("includes/form_fieldset.html")
    return "".join(
        partial.render(Context({"fieldset": fieldset, "form": form})) for fieldset in form.bound_fieldsets()
    )


def test_fieldset_fields_lists_the_names_in_order_and_replaces_what_the_clerk_sees_instead():
    assert fieldset_fields(FIELDSETS) == ["name", "email", "starts_on", "cyclic"]
    assert fieldset_fields(FIELDSETS, shown_as={"email": "masked_email"}) == [
        "name",
        "masked_email",
        "starts_on",
        "cyclic",
    ]


def test_admin_fieldsets_take_the_legends_and_the_fields_without_the_public_description():
    assert admin_fieldsets(FIELDSETS, shown_as={"email": "masked_email"}) == [
        ("The organiser", {"fields": ["name", "masked_email"]}),
        ("The event", {"fields": ["starts_on", "cyclic"]}),
    ]


def test_bound_fieldsets_pair_each_bound_field_with_the_template_after_it():
    form = ExampleForm()
    organiser, event = form.bound_fieldsets()
    assert organiser.legend == "The organiser"
    assert [(field.name, after) for field, after in organiser.rows] == [("name", None), ("email", None)]
    rows = [(field.name, after) for field, after in event.rows]
    assert rows == [("starts_on", "after_dates.html"), ("cyclic", None)]
    assert event.description == "Dates of the event."


def test_the_partial_renders_an_accessible_fieldset_with_help_errors_and_the_checkbox_layout():
    form = ExampleForm(data={"name": "", "email": "x", "starts_on": "2030-01-01"})
    assert not form.is_valid()
    html = render(form)
    assert html.count('<fieldset class="form__group">') == 2
    assert "<legend>The organiser</legend>" in html
    assert "<p>Dates of the event.</p>" in html
    # Help text and errors are tied to the input (Django's field group), as on every public form.
    assert 'aria-describedby="id_name_helptext id_name_error"' in html
    assert 'id="id_email_error"' in html
    assert '<div class="form__field form__field--checkbox">' in html
    assert html.index('<p class="after">Start: check the deadline</p>') < html.index('id="id_cyclic"')
