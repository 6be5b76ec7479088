"""The portal's URLs plus an admin site whose feedback admin adds records through a service (test_admin_kernel.py)."""

from django.urls import path

from core.admin import FeedbackAdmin
from core.admin_mixins import ServiceCreateAdminMixin
from core.models import Feedback
from core.services import CaseWorkError, case_open
from culture_dept import urls
from culture_dept.admin import PortalAdminSite

REFUSED = "Odmowa usługi."


class FeedbackCreateAdmin(ServiceCreateAdminMixin, FeedbackAdmin):
    """Feedback typed in by a clerk, opened as a case by `case_open` (the service)."""

    fields = ["message", "page_path", "contact_email"]
    readonly_fields = []

    def get_fields(self, request, obj=None):
        return self.fields if obj is None else super().get_fields(request, obj)

    def get_readonly_fields(self, request, obj=None):
        return [] if obj is None else super().get_readonly_fields(request, obj)

    def has_add_permission(self, request):
        return request.user.is_superuser

    def create_through_service(self, request, form, formsets):
        if "odmowa" in form.cleaned_data["message"]:
            raise CaseWorkError(REFUSED)
        return case_open(case=Feedback(**form.cleaned_data), title="Opinia przyjęta przez urzędnika")


site = PortalAdminSite(name="service_admin")
site.register(Feedback, FeedbackCreateAdmin)

urlpatterns = [path("usluga/", site.urls), *urls.urlpatterns]
handler400 = urls.handler400
handler403 = urls.handler403
handler404 = urls.handler404
handler500 = urls.handler500
