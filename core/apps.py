from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Portal and case work")

    def ready(self):
        from django.db.models.signals import post_migrate

        from core import roles, site_registry

        site_registry.register_core_entries()
        roles.register_section_models(
            "site",
            {
                "core.staticpage": roles.FULL,
                "core.departmentprofile": roles.EDIT,
                "core.departmentduty": roles.FULL,
                "core.feedback": frozenset({"view", "change"}),
            },
        )
        post_migrate.connect(roles.sync_roles_after_migrate, dispatch_uid="core.sync_roles")
