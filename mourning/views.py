"""The public announcement of a mourning period: the act that declared it and the condolence book (thin)."""

from django.utils import timezone
from django.views.generic import DetailView

from mourning.models import MourningPeriod


class AnnouncementView(DetailView):
    """ "Żałoba": shown from the period's start (a period prepared ahead stays private until then) and kept after
    its end as a record, marked as ended."""

    template_name = "mourning/announcement.html"
    context_object_name = "period"

    def get_queryset(self):
        return MourningPeriod.objects.filter(starts_at__lte=timezone.now())

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "has_ended": self.object.ends_at <= timezone.now()}
