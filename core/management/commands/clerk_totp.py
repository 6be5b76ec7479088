"""Set up or reset a clerk's second factor: an authenticator app (TOTP) and, optionally, backup codes.

For the City Hall's IT admin. The secret is shown once, as an otpauth:// URI, a QR code for the phone's
authenticator app and the base32 key for typing by hand; it is never shown again (reset to get a new one).
"""

import io

import qrcode
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from core.auth import new_backup_codes, new_totp_device, totp_device_for, totp_secret


class Command(BaseCommand):
    help = (
        "Create a clerk's TOTP device (authenticator app) and print its otpauth URI, QR code and secret; "
        "--reset replaces an existing one, --backup-codes N issues N new one-time backup codes."
    )

    def add_arguments(self, parser):
        parser.add_argument("username", help="The clerk's login.")
        parser.add_argument(
            "--reset",
            action="store_true",
            help="Replace the clerk's existing device: the old app entry and sessions verified by it stop working.",
        )
        parser.add_argument(
            "--backup-codes",
            type=int,
            default=0,
            metavar="N",
            help="Also replace the clerk's backup codes with N new ones (each works once).",
        )
        parser.add_argument("--no-qr", action="store_true", help="Do not draw the QR code in the terminal.")

    @transaction.atomic
    def handle(self, *args, username, reset, backup_codes, no_qr, **options):
        if backup_codes < 0:
            raise CommandError("--backup-codes must be zero or more.")
        user_model = get_user_model()
        try:
            user = user_model.objects.get(**{user_model.USERNAME_FIELD: username})
        except user_model.DoesNotExist:
            raise CommandError(f"No user {username!r}.") from None
        if not user.is_staff or not user.is_active:
            self.stderr.write(
                self.style.WARNING(f"{username!r} is not an active staff member: the admin stays closed to them.")
            )

        existing = totp_device_for(user)
        if existing is not None and not reset and not backup_codes:
            raise CommandError(
                f"{username!r} already has an authenticator app set up. Use --reset to replace it "
                "(the old entry in the app stops working)."
            )
        if existing is None or reset:
            device = new_totp_device(user)
            self.stdout.write(self.style.SUCCESS(f"New authenticator app device for {username!r}."))
            self.stdout.write("Add it to the clerk's authenticator app (e.g. FreeOTP, Aegis, Google Authenticator):")
            self.stdout.write(f"  otpauth URI: {device.config_url}")
            self.stdout.write(f"  Secret (base32, for typing by hand): {totp_secret(device)}")
            if not no_qr:
                self.stdout.write(self._qr(device.config_url))
            self.stdout.write("The secret is not stored anywhere else to be shown again; --reset issues a new one.")

        if backup_codes:
            tokens = new_backup_codes(user, backup_codes)
            self.stdout.write(
                self.style.SUCCESS(f"{len(tokens)} new backup codes for {username!r} (each works once):")
            )
            for token in tokens:
                self.stdout.write(f"  {token}")

    @staticmethod
    def _qr(data: str) -> str:
        code = qrcode.QRCode(border=2)
        code.add_data(data)
        buffer = io.StringIO()
        code.print_ascii(out=buffer, invert=True)
        return buffer.getvalue()
