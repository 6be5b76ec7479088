"""A demo mourning period that has ended, so the announcement page and the admin's history have a record while the
portal looks as usual (no ribbon) under `make run`.

Idempotent: a period with the same act number is not created again. The act and the reason are invented.
"""

from datetime import datetime, time, timedelta

from django.utils import timezone

from core.management.demo import DemoDataCommand
from mourning.models import MourningPeriod

ACT_NUMBER = "Zarządzenie nr 612/2026 Prezydenta Miasta Ruda Śląska"


class Command(DemoDataCommand):
    help = "Load a demo city mourning that has ended (the portal shows no ribbon)."

    def handle(self, *args, **options):
        if MourningPeriod.objects.filter(act_number=ACT_NUMBER).exists():
            self.stdout.write("Żałoba: dane demonstracyjne już są.")
            return
        first_day = timezone.localdate() - timedelta(days=60)
        period = MourningPeriod(
            kind=MourningPeriod.Kind.CITY,
            reason="dla uczczenia pamięci górników, ofiar wypadku w kopalni",
            starts_at=timezone.make_aware(datetime.combine(first_day, time())),
            ends_at=timezone.make_aware(datetime.combine(first_day + timedelta(days=3), time())),
            act_number=ACT_NUMBER,
            act_date=first_day - timedelta(days=1),
            act_url="https://bip.rudaslaska.pl/zarzadzenia/612-2026",
            announcement="Prezydent Miasta ogłosił trzydniową żałobę w mieście. Flagi na budynkach urzędu i "
            "miejskich jednostek opuszczono do połowy masztu i przewiązano kirem.",
            condolence_book_place="Urząd Miasta Ruda Śląska, pl. Jana Pawła II 6, hol główny",
            condolence_book_hours="w dniach żałoby, w godzinach pracy urzędu",
        )
        period.full_clean()
        period.save()
        self.stdout.write(f"Żałoba: dodano okres zakończony {period.last_day:%d.%m.%Y}.")
