"""schema.org JSON-LD of the site shell's pages: `{{ data|json_ld }}` and `{% department_json_ld department %}`."""

from django import template

from core.structured_data import department_structured_data, json_ld

register = template.Library()
register.filter("json_ld", json_ld, is_safe=True)


@register.simple_tag(takes_context=True)
def department_json_ld(context, department) -> str:
    """The department page's GovernmentOrganization (nothing before the department card is filled in)."""
    if department is None:
        return ""
    return json_ld(department_structured_data(department, absolute=context["request"].build_absolute_uri))
