"""Clerk roles: one auth group per section of the department, plus a read-only head of department.

Apps add their models to a section with `register_section_models` in AppConfig.ready(); the groups
and their permissions are (re)built idempotently after every migrate and by `manage.py sync_roles`.
No clerk needs to be a superuser.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Section:
    code: str
    group_name: str


# Group names are Polish on purpose: they are data shown to clerks and the city's IT, not UI strings.
SECTIONS = [
    Section("site", "Redakcja portalu"),
    Section("institutions", "Rejestr instytucji kultury"),
    Section("events", "Wydarzenia i imprezy masowe"),
    Section("grants", "Dotacje, stypendia i nagrody"),
    Section("press", "Biuro prasowe"),
    Section("patronage", "Patronaty i symbole miasta"),
    Section("promotion", "Promocja i gospodarka"),
    Section("library", "Biblioteka urzędu"),
    Section("accessibility", "Koordynator dostępności"),
    Section("casework", "Kancelaria wydziału"),
    Section("council", "Sekretariat Rady Gospodarczej"),
]
HEAD_OF_DEPARTMENT_GROUP = "Naczelnik wydziału (podgląd)"
SECTION_BY_CODE = {section.code: section for section in SECTIONS}

# {section code: {"app_label.model": {"view", "add", "change", "delete"}}}
_section_models: dict[str, dict[str, set[str]]] = {}

FULL = frozenset({"view", "add", "change", "delete"})
EDIT = frozenset({"view", "add", "change"})
VIEW = frozenset({"view"})


def register_section_models(section_code: str, models: dict[str, frozenset[str]]) -> None:
    """Give the section's group the listed actions on each model ("app_label.modelname")."""
    if section_code not in SECTION_BY_CODE:
        raise ValueError(f"Unknown section {section_code!r}")
    section_models = _section_models.setdefault(section_code, {})
    for model, actions in models.items():
        section_models.setdefault(model.lower(), set()).update(actions)


def person_name(user) -> str:
    """A clerk's or an employee's name as the portal writes it: the full name, else the login."""
    return user.get_full_name() or user.get_username()


def section_models() -> dict[str, dict[str, set[str]]]:
    return _section_models


def section_of_model(model_label: str) -> str | None:
    """The code of the section whose clerks handle the model ("app_label.model"), e.g. its cases; None if none.

    The Kancelaria wydziału registers every case type to keep the list of cases, so it is the section only of models
    no other section works on.
    """
    model_label = model_label.lower()
    owners = [code for code, models in _section_models.items() if "change" in models.get(model_label, ())]
    specific = [code for code in owners if code != "casework"]
    return (specific or owners or [None])[0]


def sync_roles(*, verbosity: int = 0) -> list[str]:
    """Create or update every role group with exactly its registered permissions; return the group names."""
    from django.contrib.auth.models import Group, Permission

    def permissions_for(grants: dict[str, set[str]]):
        wanted = set()
        for model, actions in grants.items():
            app_label, model_name = model.split(".")
            wanted.update((app_label, f"{action}_{model_name}") for action in actions)
        if not wanted:
            return Permission.objects.none()
        perms = Permission.objects.select_related("content_type").filter(
            content_type__app_label__in={app for app, _codename in wanted},
            codename__in={codename for _app, codename in wanted},
        )
        return [p for p in perms if (p.content_type.app_label, p.codename) in wanted]

    names = []
    all_view: dict[str, set[str]] = {}
    for section in SECTIONS:
        group, _created = Group.objects.get_or_create(name=section.group_name)
        grants = _section_models.get(section.code, {})
        group.permissions.set(permissions_for(grants))
        for model in grants:
            all_view.setdefault(model, set()).add("view")
        names.append(group.name)
    head, _created = Group.objects.get_or_create(name=HEAD_OF_DEPARTMENT_GROUP)
    head.permissions.set(permissions_for(all_view))
    names.append(head.name)
    return names


def sync_roles_after_migrate(sender, **kwargs):
    # Runs after every app's migrate signal: contrib.auth creates that app's permissions first, and
    # apps later in INSTALLED_APPS only have theirs by their own signal.
    sync_roles()
