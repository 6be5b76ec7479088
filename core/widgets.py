"""Choice widgets that write their options in Python instead of one template per option.

Django renders a <select> by including a template for every <option> (and three for every checkbox of a
list): on the calendar's filter form, about 60 options, that was a third of the list page's CPU
(docs/performance.md). These widgets write the same HTML as Django's templates (select.html,
select_option.html, multiple_input.html, input_option.html, attrs.html) from the same context, so labels,
`selected`/`checked`, ids and every attribute stay as they were; only the per-option template is gone.
"""

from django import forms
from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.safestring import mark_safe


def _attrs(attrs: dict) -> str:
    """attrs.html: ` name="value"` per attribute, ` name` for True, nothing for False."""
    return format_html_join(
        "",
        " {}{}",
        (
            (name, "" if value is True else format_html('="{}"', value))
            for name, value in attrs.items()
            if value is not False
        ),
    )


class DirectSelect(forms.Select):
    """forms.Select rendered without a template per option (same HTML)."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        parts = [format_html('<select name="{}"{}>', widget["name"], _attrs(widget["attrs"]))]
        for group_name, options, _index in widget["optgroups"]:
            if group_name:
                parts.append(format_html('\n  <optgroup label="{}">', group_name))
            for option in options:
                parts.append(
                    format_html(
                        '\n  <option value="{}"{}>{}</option>',
                        str(option["value"]),
                        _attrs(option["attrs"]),
                        option["label"],
                    )
                )
            if group_name:
                parts.append(mark_safe("\n  </optgroup>"))
        parts.append(mark_safe("\n</select>"))
        return mark_safe("".join(conditional_escape(part) for part in parts))  # noqa: S308 — parts escaped above


class DirectCheckboxSelectMultiple(forms.CheckboxSelectMultiple):
    """forms.CheckboxSelectMultiple rendered without templates per checkbox (same HTML)."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        list_id = widget["attrs"].get("id")
        css_class = widget["attrs"].get("class")
        parts = [
            format_html(
                "<div{}{}>",
                format_html(' id="{}"', list_id) if list_id else "",
                format_html(' class="{}"', css_class) if css_class else "",
            )
        ]
        for group_name, options, _index in widget["optgroups"]:
            if group_name:
                parts.append(format_html("\n  <div><label>{}</label>", group_name))
            for option in options:
                value_attr = format_html(' value="{}"', str(option["value"])) if option["value"] is not None else ""
                box = format_html(
                    '<input type="{}" name="{}"{}{}>',
                    option["type"],
                    option["name"],
                    value_attr,
                    _attrs(option["attrs"]),
                )
                if option["wrap_label"]:
                    option_id = option["attrs"].get("id")
                    box = format_html(
                        "<label{}>{} {}</label>",
                        format_html(' for="{}"', option_id) if option_id else "",
                        box,
                        option["label"],
                    )
                parts.append(format_html("<div>\n    {}</div>", box))
            if group_name:
                parts.append(mark_safe("\n  </div>"))
        parts.append(mark_safe("\n</div>"))
        return mark_safe("".join(conditional_escape(part) for part in parts))  # noqa: S308 — parts escaped above
