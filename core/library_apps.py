"""Libraries' apps under Polish names in the admin: their own are English ("Tasks Database Backend") or none.

Renaming an app is what an AppConfig subclass named in INSTALLED_APPS is for; the apps stay the same (label,
models, migrations). In a module of their own so that core/apps.py keeps a single AppConfig.
"""

from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_static.apps import DefaultConfig as StaticDeviceConfig
from django_otp.plugins.otp_totp.apps import DefaultConfig as TotpDeviceConfig
from django_tasks_db.apps import TasksAppConfig


class BackgroundTasksConfig(TasksAppConfig):
    verbose_name = _("Background tasks")


def name_models(app_config, names) -> None:
    """Give a library's models translatable names where it has plain English ones ("TOTP device").

    Only the names shown: the options migrations read (`_meta.original_attrs`) stay the library's, so no
    migration of the library's app ever follows from it.
    """
    for model_name, (singular, plural) in names.items():
        opts = app_config.get_model(model_name)._meta
        opts.verbose_name, opts.verbose_name_plural = singular, plural


class AuthenticatorAppsConfig(TotpDeviceConfig):
    verbose_name = _("Second factor: authenticator apps")

    def ready(self):
        super().ready()
        name_models(self, {"TOTPDevice": (_("authenticator app"), _("authenticator apps"))})


class BackupCodesConfig(StaticDeviceConfig):
    verbose_name = _("Second factor: backup codes")

    def ready(self):
        super().ready()
        name_models(self, {"StaticDevice": (_("set of backup codes"), _("sets of backup codes"))})
