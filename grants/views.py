"""Public pages of grants (calls, results, archive, the offer form and its drafts, small grants, the report filed
from the offer's private link) and the committee's panel (assigned offers only) with the exports.

Views are thin: forms clean the input, grants.services changes state, grants.selectors reads.
"""

import uuid

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from django.views.generic import TemplateView

from core.committee.views import member_panel, verified_user
from core.exports import csv_response, xlsx_response
from core.models import CaseRegisterEntry
from core.open_data import open_to_other_sites
from core.pagination import CachedCountPaginator
from core.public_cases import current_information_clause, private_response, tracking_url
from core.public_forms import HONEYPOT_FIELD, TIMESTAMP_FIELD, form_started_now, rate_limit_exceeded
from core.services import CaseWorkError
from core.slugs import polish_slugify
from core.uploads import stash
from grants import documents, rules, selectors, services
from grants.filters import CallArchiveFilter
from grants.forms import (
    ActionFormSet,
    CommentForm,
    CostFormSet,
    ImpartialityForm,
    OfferForm,
    ReportForm,
    ResultFormSet,
    ScoreForm,
    offer_validate,
    report_cost_formset,
    report_validate,
)
from grants.models import GrantCall, GrantOffer, GrantReport, OfferDraft

PER_PAGE = 20
FORM_KEY = "grants.offer"
# Form data kept in a draft: everything typed in, never the protection fields.
DRAFT_SKIPPED = {"csrfmiddlewaretoken", TIMESTAMP_FIELD, HONEYPOT_FIELD, "action"}
DRAFT_MAX_VALUE = 5000


def _page(request, queryset, key):
    paginator = CachedCountPaginator(queryset, PER_PAGE, count_key=f"grants:{key}:{timezone.localdate()}")
    return paginator.get_page(request.GET.get("page"))


class CallListView(TemplateView):
    """ "Dotacje": calls accepting offers now, nearest deadline first."""

    template_name = "grants/call_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["page_obj"] = _page(self.request, selectors.calls_open(), "open")
        context["small_grants"] = selectors.small_grants_published()[:5]
        return context


class CallArchiveView(TemplateView):
    """ "Archiwum konkursów": calls past their deadline, resolved or cancelled, filtered by year and mode."""

    template_name = "grants/call_archive.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        params = self.request.GET.copy()
        params.pop("page", None)
        filterset = CallArchiveFilter(params or None, queryset=selectors.calls_archive())
        calls = filterset.qs if filterset.is_valid() else selectors.calls_archive()
        query = params.urlencode() if filterset.is_valid() else ""
        context.update(filter=filterset, query=query, page_obj=_page(self.request, calls, f"archive:{query}"))
        return context


class CallDetailView(TemplateView):
    """A call: what, how much, rules, criteria, dates, documents; cancellation or results when there are any."""

    template_name = "grants/call_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        call = selectors.call_get_public_or_404(self.kwargs["slug"])
        criteria = list(call.criteria.all())
        context.update(
            call=call,
            merit_criteria=[c for c in criteria if c.kind == "merit"],
            formal_criteria=[c for c in criteria if c.kind == "formal"],
            documents=list(call.documents.all()),
            results=list(selectors.call_results(call)),
            accepts_offers=services.call_accepts_offers(call),
        )
        return context


class ResultsView(TemplateView):
    """ "Wyniki": every published result (offeror, task, amount), newest call first."""

    template_name = "grants/results.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["page_obj"] = _page(self.request, selectors.results_all(), "results")
        return context


RESULT_HEADERS = ["Konkurs", "Rok", "Oferent", "Zadanie", "Kwota dotacji (zł)"]


def _result_rows():
    for offer in selectors.results_all().iterator(chunk_size=500):
        yield [offer.call.title, offer.call.year, offer.organisation_name, offer.title, offer.granted_amount]


@require_safe
@open_to_other_sites
def results_csv(request):
    return csv_response("wyniki-konkursow.csv", RESULT_HEADERS, _result_rows())


@require_safe
@open_to_other_sites
def results_xlsx(request):
    return xlsx_response("wyniki-konkursow.xlsx", "Wyniki", RESULT_HEADERS, _result_rows())


# The offer form ----------------------------------------------------------------------------------------------------


def _draft_data(post) -> dict:
    """The typed-in values of the form, bounded, for keeping in a draft."""
    return {
        key: [value[:DRAFT_MAX_VALUE] for value in post.getlist(key)[:5]]
        for key in list(post.keys())[:400]
        if key not in DRAFT_SKIPPED
    }


def _draft_post(draft: OfferDraft):
    """The draft's data as the form's input, with a fresh start time: without one the first submit would fail."""
    from django.http import QueryDict

    data = QueryDict(mutable=True)
    for key, values in (draft.data or {}).items():
        data.setlist(key, values)
    data[TIMESTAMP_FIELD] = form_started_now()
    return data


def _bound(data, call, files=None):
    return (
        OfferForm(data, files, call=call),
        ActionFormSet(data, prefix="actions"),
        ResultFormSet(data, prefix="results"),
        CostFormSet(data, prefix="costs"),
    )


@method_decorator(never_cache, name="dispatch")
class OfferFormView(View):
    """The offer: a new one for a call (or a small grant), or a draft resumed by its private token.

    Buttons: "save the draft" keeps everything as typed (no validation) under a private link; "submit"
    validates everything and, when the arithmetic is right, opens the case. A failed submit of a draft
    keeps what was typed, so nothing is lost.
    """

    template_name = "grants/offer_form.html"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.draft = None
        token = kwargs.get("token")
        if token:
            if len(token) > 64:
                raise Http404
            self.draft = get_object_or_404(OfferDraft.objects.select_related("call", "offer"), token=token)
            self.call = self.draft.call
        elif kwargs.get("slug"):
            self.call = selectors.call_get_public_or_404(kwargs["slug"])
        else:
            self.call = None

    def get(self, request, **kwargs):
        if self.draft and self.draft.offer_id:
            return self.render_submitted()
        if self.draft:
            bound = _bound(_draft_post(self.draft), self.call)
            return self.render(*bound, show_errors=False)
        form = OfferForm(call=self.call)
        return self.render(
            form, ActionFormSet(prefix="actions"), ResultFormSet(prefix="results"), CostFormSet(prefix="costs")
        )

    def post(self, request, **kwargs):
        if rate_limit_exceeded(request, "grant_offer"):
            response = render(request, "429.html", status=429)
            return private_response(response) if self.draft else response
        if self.draft and self.draft.offer_id:
            return redirect(self.draft.get_absolute_url())
        if not services.call_accepts_offers(self.call):
            messages.error(request, gettext("This call is not accepting offers: the deadline has passed."))
            return redirect(self.call.get_absolute_url() if self.call else reverse("grants:call_list"))
        # With the files kept from the send that showed the form again (core.uploads.stash).
        bound = _bound(request.POST, self.call, stash.restore(request))
        form = bound[0]
        if request.POST.get("action") == "save":
            # The honeypot still applies; nothing else is checked in a draft.
            if request.POST.get(HONEYPOT_FIELD):
                return redirect("core:case_received")
            draft = services.offer_draft_save(draft=self.draft, call=self.call, data=_draft_data(request.POST))
            stash.discard(request)  # a draft keeps no files
            messages.success(
                request,
                gettext(
                    "The draft has been saved. Keep the address of this page: it is the only way back to the draft."
                ),
            )
            return redirect(draft.get_absolute_url())
        summary = offer_validate(*bound)
        if self.draft is not None:
            # A failed submission of a draft keeps what was typed.
            services.offer_draft_save(draft=self.draft, call=self.call, data=_draft_data(request.POST))
        if summary is None:
            return self.render(*bound, show_errors=True, status=200)
        if form.is_bot:
            return redirect("core:case_received")
        token = form.cleaned_data.get("submission_token") or uuid.uuid4()
        try:
            offer = services.offer_submit(
                call=self.call,
                data=services.OfferInput(
                    fields=form.offer_fields(),
                    actions=bound[1].filled_rows(),
                    results=bound[2].filled_rows(),
                    costs=bound[3].filled_rows(),
                ),
                draft=self.draft,
                attachments=form.cleaned_data.get("attachments") or [],
                info_clause=current_information_clause(FORM_KEY),
                submission_token=token,
                tracking_url_for=lambda case: tracking_url(request, case),
            )
        except CaseWorkError as error:
            form.add_error(None, error.message)
            return self.render(*bound, show_errors=True)
        stash.discard(request)
        return redirect("core:case_confirmation", token=offer.register_entry.tracking_token)

    def render(self, form, actions, results, costs, *, show_errors=True, status=200):
        summary = None
        if show_errors and form.is_bound and costs.is_bound and form.is_valid() and costs.is_valid():
            summary = services.offer_cost_summary(call=self.call, costs=costs.filled_rows(), funding=form.cleaned_data)
        context = {
            "call": self.call,
            "draft": self.draft,
            "form": form,
            "actions": actions,
            "results": results,
            "costs": costs,
            "show_errors": show_errors,
            "summary": summary,
            "info_clause": current_information_clause(FORM_KEY),
            **stash.kept_files_context(form, self.request),
            "draft_url": self.request.build_absolute_uri(self.draft.get_absolute_url()) if self.draft else "",
            "limits": services.offer_limits(self.call),
            "error_formsets": [
                (gettext("Schedule of actions"), actions),
                (gettext("Results"), results),
                (gettext("Cost table"), costs),
            ],
        }
        response = render(self.request, self.template_name, context, status=status)
        return private_response(response) if self.draft else response

    def render_submitted(self):
        offer = self.draft.offer
        context = {"draft": self.draft, "offer": offer}
        return private_response(render(self.request, "grants/offer_submitted.html", context))


@require_safe
def offer_pdf(request, token: str):
    """The submitted offer as a PDF, for whoever holds the draft's private link."""
    if len(token) > 64:
        raise Http404
    draft = get_object_or_404(OfferDraft.objects.select_related("offer"), token=token, offer__isnull=False)
    response = HttpResponse(documents.offer_pdf(offer=draft.offer), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="oferta-{polish_slugify(draft.offer.case_mark)}.pdf"'
    return private_response(response)


# Small grants: public comments (u.d.p.p. art. 19a ust. 4) -----------------------------------------------------------


class SmallGrantDetailView(View):
    template_name = "grants/small_grant_detail.html"

    def dispatch(self, request, pk):
        self.offer = get_object_or_404(selectors.small_grants_published().prefetch_related("costs"), pk=pk)
        return super().dispatch(request, pk)

    def get(self, request, pk):
        return self.render(CommentForm())

    def post(self, request, pk):
        if rate_limit_exceeded(request, "grant_comment"):
            return render(request, "429.html", status=429)
        form = CommentForm(request.POST)
        if form.is_valid():
            if form.is_bot:
                return redirect(request.path)
            try:
                services.small_grant_comment_add(
                    offer=self.offer, author_name=form.cleaned_data["author_name"], text=form.cleaned_data["text"]
                )
            except CaseWorkError as error:
                form.add_error(None, error.message)
                return self.render(form)
            messages.success(request, gettext("Thank you: your comment has been received."))
            return redirect(request.path)
        return self.render(form)

    def render(self, form):
        today = timezone.localdate()
        open_ = self.offer.status == GrantOffer.Status.PUBLISHED and today <= self.offer.comments_until
        return render(self.request, self.template_name, {"offer": self.offer, "form": form, "comments_open": open_})


# The committee's panel ---------------------------------------------------------------------------------------------


def committee_panel(request):
    """The member's list: only the offers assigned to them."""
    return member_panel(
        request,
        is_member=selectors.is_committee_member,
        assignments=selectors.member_assignments,
        template_name="grants/committee_panel.html",
    )


@never_cache
def committee_assignment(request, pk: int):
    """One assigned offer: the declaration of impartiality first, then the points per criterion."""
    user = verified_user(request)
    if user is None:
        raise Http404
    assignment = selectors.assignment_for_member_or_404(user, pk)
    offer = assignment.offer
    criteria = list(offer.call.criteria.filter(kind="merit"))
    declaration = ImpartialityForm()
    initial = {f"criterion_{score.criterion_id}": score.points for score in assignment.scores.all()}
    score_form = ScoreForm(criteria=criteria, initial=initial)
    if request.method == "POST":
        try:
            if "declare" in request.POST:
                declaration = ImpartialityForm(request.POST)
                if declaration.is_valid():
                    services.impartiality_declare(
                        assignment=assignment, has_conflict=declaration.cleaned_data["has_conflict"], acting_user=user
                    )
                    messages.success(request, gettext("Your declaration has been recorded."))
                    return redirect(request.path)
            else:
                score_form = ScoreForm(request.POST, criteria=criteria)
                if score_form.is_valid():
                    services.scores_record(assignment=assignment, points=score_form.points(), acting_user=user)
                    messages.success(request, gettext("Your scores have been saved."))
                    return redirect(request.path)
        except CaseWorkError as error:
            messages.error(request, error.message)
    context = {
        "assignment": assignment,
        "offer": offer,
        "declaration": declaration,
        "score_form": score_form,
        "funding": offer.funding,
    }
    return render(request, "grants/committee_assignment.html", context)


RANKING_HEADERS = [
    "Miejsce",
    "Znak sprawy",
    "Oferent",
    "Zadanie",
    "Wnioskowana kwota (zł)",
    "Punkty",
    "Oceniający",
    "Rekomendowana kwota (zł)",
    "Przyznana kwota (zł)",
]


def _ranking(request, pk):
    user = verified_user(request)
    if user is None or not user.has_perm("grants.view_grantcall"):
        raise PermissionDenied
    call = get_object_or_404(GrantCall, pk=pk)
    rows = [
        [
            row.place,
            row.offer.case_mark,
            row.offer.organisation_name,
            row.offer.title,
            row.offer.requested_amount,
            row.score,
            row.members_scored,
            row.offer.recommended_amount,
            row.offer.granted_amount,
        ]
        for row in selectors.call_ranking(call)
    ]
    return call, rows


@require_safe
def ranking_csv(request, pk: int):
    call, rows = _ranking(request, pk)
    return csv_response(f"ranking-{call.slug}.csv", RANKING_HEADERS, rows)


@require_safe
def ranking_xlsx(request, pk: int):
    call, rows = _ranking(request, pk)
    return xlsx_response(f"ranking-{call.slug}.xlsx", "Ranking", RANKING_HEADERS, rows)


# The report on the task, filed from the offer's private tracking link (u.d.p.p. art. 18) ---------------------------


def _report_for_token(token: str, pk: int) -> GrantReport:
    """The report `pk` of the offer whose private tracking token is `token`; 404 for any other pair."""
    if len(token) > 64:
        raise Http404
    entry = get_object_or_404(CaseRegisterEntry, tracking_token=token)
    offer_type = ContentType.objects.get_for_model(GrantOffer)
    if entry.content_type_id != offer_type.pk or entry.object_id is None:
        raise Http404
    return get_object_or_404(
        GrantReport.objects.select_related("agreement__offer__call"), pk=pk, agreement__offer_id=entry.object_id
    )


@method_decorator(never_cache, name="dispatch")
class ReportFileView(View):
    """The organisation's report on the statutory form, from its offer's private link.

    While the report is due (or returned for correction) the page is the form; once filed it is the confirmation
    with the report's PDF; before it may be filed it says from when. Files accepted by a send that comes back with
    an error are kept (core.uploads.stash).
    """

    template_name = "grants/report_form.html"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.report = _report_for_token(kwargs["token"], kwargs["pk"])
        self.token = kwargs["token"]

    def get(self, request, **kwargs):
        if not self.report.may_be_filed(timezone.localdate()):
            return self.render_status()
        return self.render_form(
            ReportForm(report=self.report, initial=self.initial()), report_cost_formset(report=self.report)
        )

    def post(self, request, **kwargs):
        if rate_limit_exceeded(request, "grant_report"):
            return private_response(render(request, "429.html", status=429))
        if not self.report.may_be_filed(timezone.localdate()):
            return redirect(request.path)
        form = ReportForm(request.POST, stash.restore(request), report=self.report)
        costs = report_cost_formset(request.POST, report=self.report)
        if not report_validate(form, costs):
            return self.render_form(form, costs)
        if form.is_bot:
            return redirect("core:case_received")
        try:
            services.report_file(
                report=self.report,
                data=services.ReportInput(fields=form.report_fields(), costs=costs.filled_rows()),
                attachments=form.cleaned_data.get("attachments") or [],
            )
        except CaseWorkError as error:
            form.add_error(None, error.message)
            return self.render_form(form, costs)
        stash.discard(request)
        messages.success(request, gettext("Your report has been filed. The department will check it."))
        return redirect(request.path)

    def initial(self) -> dict:
        """A returned report comes back as it was filed; a new one starts with the task's period."""
        report = self.report
        if report.filed_at:
            return {name: getattr(report, name) for name in ReportForm.REPORT_FIELDS}
        agreement = report.agreement
        period_to = agreement.implementation_to
        if report.kind == GrantReport.Kind.PARTIAL:
            # Until today, within the task: a partial report covers the part carried out so far.
            period_to = min(period_to, max(timezone.localdate(), agreement.implementation_from))
        return {"period_from": agreement.implementation_from, "period_to": period_to}

    def context(self) -> dict:
        report = self.report
        return {
            "report": report,
            "agreement": report.agreement,
            "offer": report.agreement.offer,
            "tracking_url": reverse("core:case_tracking", kwargs={"token": self.token}),
            "pdf_url": reverse("grants:report_pdf", kwargs={"token": self.token, "pk": report.pk}),
        }

    def render_form(self, form, costs):
        limits = services.offer_limits(self.report.agreement.offer.call)
        context = {
            **self.context(),
            "form": form,
            "costs": costs,
            "show_errors": form.is_bound,
            "limits": limits,
            "error_formsets": [(gettext("Cost table"), costs)],
            **stash.kept_files_context(form, self.request),
        }
        return private_response(render(self.request, self.template_name, context))

    def render_status(self):
        report = self.report
        context = {
            **self.context(),
            "opens_on": rules.final_report_opens(report.agreement.implementation_to),
            "costs_table": list(report.costs.all()),
        }
        return private_response(render(self.request, "grants/report_status.html", context))


@require_safe
def report_pdf(request, token: str, pk: int):
    """The filed report as a PDF, for whoever holds the offer's private link."""
    report = _report_for_token(token, pk)
    if not report.filed_at:
        raise Http404
    response = HttpResponse(documents.report_pdf(report=report), content_type="application/pdf")
    name = f"sprawozdanie-{polish_slugify(report.agreement.offer.case_mark)}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return private_response(response)
