"""The public newsroom (/prasa/): releases, photos and attachments, conferences and accreditation, unsubscribe.

Thin views over press.selectors: every read starts from the public querysets, so nothing under embargo
or unapproved is ever served, whatever the URL.
"""

from django.contrib import messages
from django.http import Http404, JsonResponse, QueryDict
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe
from django.views.generic import TemplateView

from core.exports import csv_response
from core.pagination import CachedCountPaginator
from core.private_documents import stored_file_response
from core.public_cases import PublicCaseCreateView, current_information_clause, private_response
from core.public_images import RENDITION_FORMATS, image_original, image_rendition
from press import selectors
from press.distribution import contact_from_token
from press.filters import ReleaseFilter
from press.forms import AccreditationForm
from press.models import PressConference, ReleasePhoto
from press.services import contact_unsubscribe

RELEASES_PER_PAGE = 20
MAX_FILTER_VALUE_LENGTH = 200
MAX_FILTER_VALUES = 5
UPCOMING_CONFERENCES = 3


def filter_params(query: QueryDict) -> QueryDict:
    """The newsroom's filters from a query string: known names only, bounded values, no empty ones."""
    params = QueryDict(mutable=True)
    for name in ReleaseFilter.base_filters:
        values = [value[:MAX_FILTER_VALUE_LENGTH] for value in query.getlist(name)[:MAX_FILTER_VALUES] if value]
        if values:
            params.setlist(name, values)
    return params


class ReleaseListView(TemplateView):
    """ "Biuro prasowe": public releases, newest first, filtered by topic, district, dates and text, 20 a page.

    Bad filter values are shown as form errors and the list stays unfiltered (never a 500).
    """

    template_name = "press/release_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        now = timezone.now()
        params = filter_params(self.request.GET)
        filterset = ReleaseFilter(params or None, queryset=selectors.releases_public(now=now))
        applied = filterset.is_valid()
        releases = filterset.qs if applied else selectors.releases_public(now=now)
        query = params.urlencode() if applied else ""
        # The count key holds the minute: a release that leaves its embargo shows up in the total quickly.
        paginator = CachedCountPaginator(
            releases, RELEASES_PER_PAGE, count_key=f"press:list:{query}:{now:%Y%m%d%H%M}", count_seconds=60
        )
        page = paginator.get_page(self.request.GET.get("page"))
        topic = filterset.form.cleaned_data.get("temat") if applied else None
        context.update(
            filter=filterset,
            filters_active=applied,
            query=query,
            page_obj=page,
            releases=page.object_list,
            topic=topic,
            conferences=list(
                selectors.conferences_public()
                .filter(status=PressConference.Status.ANNOUNCED, starts_at__gte=now)
                .order_by("starts_at")[:UPCOMING_CONFERENCES]
            ),
        )
        return context


class ReleaseDetailView(TemplateView):
    """One release: lead, text, corrections, photos for download, attachments, contact; schema.org NewsArticle."""

    template_name = "press/release_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        release = selectors.release_get_published_or_404(self.kwargs["slug"])
        context.update(
            release=release,
            photos=list(release.photos.all()),
            attachments=list(release.attachments.all()),
            corrections=list(release.corrections.all()),
            topics=list(release.topics.all()),
            related_events=list(release.related_events.all()),
            breadcrumbs=[(gettext("Press office"), reverse("press:release_list"))],
        )
        return context


IMAGE_MIME_TYPES = {"jpg": "image/jpeg", "jpeg": "image/jpeg", "png": "image/png", "webp": "image/webp"}


def _public_photo_or_404(slug: str, pk: int) -> ReleasePhoto:
    release = selectors.release_get_published_or_404(slug)
    return get_object_or_404(ReleasePhoto.objects.select_related("image", "release"), pk=pk, release=release)


@require_safe
def photo_download(request, slug: str, pk: int):
    """The original of a release's photo (re-encoded, without EXIF), only while the release is public.

    Works whether the photo is still withheld (private storage, just after the embargo) or already moved to
    public media: the check is the release page's own query.
    """
    photo = _public_photo_or_404(slug, pk)
    release = photo.release
    stored = image_original(photo.image)
    extension = stored.name.rsplit(".", 1)[-1].lower()
    mime_type = IMAGE_MIME_TYPES.get(extension, "application/octet-stream")
    return stored_file_response(
        stored,
        filename=f"{release.slug[:60]}-{photo.pk}.{extension}",
        mime_type=mime_type,
        as_attachment=True,
        cache_control="public, max-age=300",
    )


@require_safe
def photo_rendition(request, slug: str, pk: int, width: int, extension: str):
    """One width of a release's photo for its page, only while the release is public (404 before, for anyone).

    The page uses these addresses while the photo is still withheld (the embargo has just ended and the
    publishing task has not moved the files to public media yet); afterwards they keep working.
    """
    if extension not in RENDITION_FORMATS:
        raise Http404
    photo = _public_photo_or_404(slug, pk)
    stored = image_rendition(photo.image, width=width, extension=extension)
    if stored is None:
        raise Http404
    return stored_file_response(
        stored,
        filename=f"{photo.release.slug[:60]}-{photo.pk}-{width}.{extension}",
        mime_type=IMAGE_MIME_TYPES[extension],
        as_attachment=False,
        cache_control="public, max-age=300",
    )


class ConferenceDetailView(TemplateView):
    """A press conference: when, where, who speaks, accreditation, and the materials once it is held."""

    template_name = "press/conference_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        conference = selectors.conference_get_public_or_404(self.kwargs["slug"])
        context.update(
            conference=conference,
            release=selectors.conference_release(conference),
            accreditation_open=conference.accreditation_open(),
            speakers=[line.strip() for line in conference.speakers.splitlines() if line.strip()],
            breadcrumbs=[(gettext("Press office"), reverse("press:release_list"))],
        )
        return context


class AccreditationCreateView(PublicCaseCreateView):
    """The public accreditation form of a conference; closed (no form, no case) from the closing time on."""

    form_class = AccreditationForm
    template_name = "press/accreditation_form.html"
    form_key = "press.accreditation"
    rate_scope = "press_accreditation"

    def dispatch(self, request, *args, **kwargs):
        self.conference = selectors.conference_get_public_or_404(kwargs["slug"])
        if not self.conference.accreditation_open():
            return render(
                request,
                "press/accreditation_closed.html",
                {"conference": self.conference, "breadcrumbs": self.breadcrumbs()},
                status=200 if request.method in ("GET", "HEAD") else 409,
            )
        return super().dispatch(request)

    def breadcrumbs(self):
        return [
            (gettext("Press office"), reverse("press:release_list")),
            (self.conference.title, self.conference.get_absolute_url()),
        ]

    def build_case(self, form):
        accreditation = form.save(commit=False)
        accreditation.conference = self.conference
        return accreditation

    def case_title(self, case):
        return gettext("Accreditation: %(title)s") % {"title": self.conference.title[:200]}

    def render_form(self, form):
        context = {
            "form": form,
            "info_clause": current_information_clause(self.form_key),
            "conference": self.conference,
            "breadcrumbs": self.breadcrumbs(),
        }
        return render(self.request, self.template_name, context)


@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token: str):
    """A journalist stops receiving the office's e-mails: GET asks, POST confirms (mail scanners only GET)."""
    contact = contact_from_token(token)
    if contact is None:
        return private_response(render(request, "press/unsubscribe.html", {"invalid": True}, status=404))
    done = contact.unsubscribed_at is not None
    if request.method == "POST":
        contact_unsubscribe(contact=contact)
        messages.success(request, gettext("You will no longer receive e-mails from the press office."))
        done = True
    return private_response(render(request, "press/unsubscribe.html", {"done": done, "token": token}))


# Open data: the public releases as JSON and CSV
# ------------------------------------------------------------------------------

OPEN_DATA_COLUMNS = ["id", "title", "url", "lead", "publish_at", "topics", "district", "corrected", "title_en"]


def _open_data_rows(request) -> list[dict]:
    """One dict per public release, newest first: two queries whatever the number of releases."""
    rows = []
    for release in selectors.releases_public(now=timezone.now()):
        rows.append(
            {
                "id": release.pk,
                "title": release.title,
                "url": request.build_absolute_uri(release.get_absolute_url()),
                "lead": release.lead,
                "publish_at": timezone.localtime(release.publish_at).isoformat(),
                "topics": [topic.name for topic in release.topics.all()],
                "district": release.district,
                "corrected": release.is_corrected,
                "title_en": release.title_en,
            }
        )
    return rows


def _open_data_headers(response, filename: str):
    # Short cache: a release under embargo appears at its time, and a withdrawn one must leave soon.
    response["Cache-Control"] = "public, max-age=60"
    response["Access-Control-Allow-Origin"] = "*"
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@require_safe
def release_export_json(request):
    """Open data: every public release (never one under embargo or unapproved) as JSON."""
    data = {"licence": "CC0-1.0", "releases": _open_data_rows(request)}
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False})
    return _open_data_headers(response, "komunikaty-prasowe.json")


@require_safe
def release_export_csv(request):
    """Open data: every public release (never one under embargo or unapproved) as CSV (UTF-8 with BOM)."""
    rows = ([row[column] for column in OPEN_DATA_COLUMNS] for row in _open_data_rows(request))
    return _open_data_headers(
        csv_response("komunikaty-prasowe.csv", OPEN_DATA_COLUMNS, rows), "komunikaty-prasowe.csv"
    )
