from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Portal and case work")

    def ready(self):
        from django.db.backends.signals import connection_created
        from django.db.models.signals import post_migrate

        from core import checks, converters, roles, site_registry  # noqa: F401 — registers checks, <token:…>

        site_registry.register_core_entries()
        from core import page_cache

        page_cache.connect_signals()
        page_cache.register_public_models(
            "core.staticpage", "core.departmentprofile", "core.departmentduty", "core.publicimage"
        )
        roles.register_section_models(
            "site",
            {
                "core.staticpage": roles.FULL,
                "core.departmentprofile": roles.EDIT,
                "core.departmentduty": roles.FULL,
                "core.feedback": frozenset({"view", "change"}),
                "core.publicimage": roles.FULL,
            },
        )
        roles.register_section_models(
            "casework",
            {
                "core.organisationalunit": roles.EDIT,
                "core.jrwaclass": roles.EDIT,
                "core.casekind": frozenset({"view", "change"}),
                "core.caseregisterentry": roles.VIEW,
                "core.informationclause": frozenset({"view", "add"}),
                "core.outboxmessage": roles.VIEW,
                "core.retentionaction": roles.VIEW,
            },
        )
        post_migrate.connect(roles.sync_roles_after_migrate, dispatch_uid="core.sync_roles")
        from core.search import register_sqlite_functions

        connection_created.connect(register_sqlite_functions, dispatch_uid="core.sqlite_functions")
        from core import auth  # noqa: F401 — connects the sign-in audit log receivers
        from core.deadlines import register_deadline_source
        from core.selectors import feedback_open_deadlines

        register_deadline_source("core.feedback", feedback_open_deadlines, model="core.feedback")
