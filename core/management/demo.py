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
