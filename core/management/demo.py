"""The base of every command that loads demo data (`seed_demo` and the apps' `seed_*`).

Demo data is for a developer's machine: made-up events, releases and institutions on the public pages, and a demo
clerk in every role group. Such a command therefore refuses to run when DEBUG is off (production, but also the
test settings) unless it is asked to explicitly with `--allow-outside-debug`, e.g. for a training copy of the
portal or a test that needs the data.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

ALLOW_FLAG = "--allow-outside-debug"


class DemoDataCommand(BaseCommand):
    """A management command that loads demo data; subclasses call `super().add_arguments(parser)`."""

    def add_arguments(self, parser):
        parser.add_argument(
            ALLOW_FLAG,
            dest="allow_outside_debug",
            action="store_true",
            help="Load demo data although DEBUG is off (a training or test copy, never the city's portal).",
        )

    def execute(self, *args, **options):
        if not settings.DEBUG and not options.get("allow_outside_debug"):
            raise CommandError(
                f"Demo data is for development and DEBUG is off: nothing was loaded. Run it with DJANGO_DEBUG=true, "
                f"or add {ALLOW_FLAG} on a training or test copy of the portal (never on the city's portal)."
            )
        return super().execute(*args, **options)

    def demo_clerk(self, section_code: str):
        """The demo clerk of seed_demo (created without a password if absent) in the role group of a section."""
        from django.contrib.auth import get_user_model
        from django.contrib.auth.models import Group

        from core.management.commands.seed_demo import DEMO_CLERK_USERNAME
        from core.roles import SECTION_BY_CODE, sync_roles

        group_name = SECTION_BY_CODE[section_code].group_name
        if not Group.objects.filter(name=group_name).exists():
            sync_roles()
        user, created = get_user_model().objects.get_or_create(
            username=DEMO_CLERK_USERNAME,
            defaults={"first_name": "Anna", "last_name": "Nowak", "email": "a.nowak@rudaslaska.pl", "is_staff": True},
        )
        if created:
            user.set_unusable_password()
            user.save(update_fields=["password"])
        user.groups.add(Group.objects.get(name=group_name))
        return get_user_model().objects.get(pk=user.pk)
