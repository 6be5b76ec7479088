"""The library's pages for the City Hall's employees (/biblioteka-urzedu/): the catalogue with availability and a
one-click reservation, and the employee's own loans and reservations.

Not public: only a signed-in employee who passed the second factor (the admin's own test, `admin.site
.has_permission`) sees them; everyone else is sent to the sign-in page. An employee sees only their own loans.
Every page is private and never cached.
"""

from functools import wraps

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe

from library import selectors, services
from library.filters import CatalogueFilter
from library.journals import OFFICIAL_JOURNALS
from library.models import LibraryItem, Loan, Reservation

ITEMS_PER_PAGE = 20


def employee_required(view):
    """Let through a signed-in, verified employee; tell a visitor to sign in first, without the admin's address.

    The clerks' panel lives at a path that is not published (settings.ADMIN_URL), so no answer to a visitor may
    name it: not even a redirect to its sign-in page. Employees sign in where they always do and come back.
    """

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return render(request, "library/sign_in_first.html", status=403)
        if not admin.site.has_permission(request):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return never_cache(wrapped)


def _filter_params(query_dict):
    params = query_dict.copy()
    params.pop("page", None)
    return params


@require_safe
@employee_required
def catalogue(request):
    """The catalogue: search by title, author, subject or ISBN, 20 items a page, with availability."""
    params = _filter_params(request.GET)
    base = selectors.catalogue_for_employee(request.user)
    filterset = CatalogueFilter(params or None, queryset=base)
    applied = filterset.is_valid()
    items = filterset.qs if applied else base
    page = Paginator(items, ITEMS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "library/catalogue.html",
        {
            "filter": filterset,
            "filters_active": applied,
            "query": params.urlencode() if applied else "",
            "page_obj": page,
            "items": page.object_list,
            "journals": OFFICIAL_JOURNALS,
            "next_url": request.get_full_path(),
        },
    )


def _back(request, fallback: str):
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure()):
        return redirect(target)
    return redirect(fallback)


@require_POST
@employee_required
def item_reserve(request, pk: int):
    """Reserve an item in one click: the employee joins its queue (or has it set aside at once if it is free)."""
    item = get_object_or_404(LibraryItem.objects.in_stock(), pk=pk)
    try:
        reservation = services.reservation_place(item=item, employee=request.user)
    except services.LibraryError as error:
        messages.error(request, error.message)
    else:
        if reservation.status == Reservation.Status.READY:
            messages.success(
                request,
                gettext("Reserved: “%(title)s” waits for you at the library until %(date)s.")
                % {"title": item.title, "date": reservation.ready_until.strftime("%d.%m.%Y")},
            )
        else:
            messages.success(
                request,
                gettext("Reserved: you are in the queue for “%(title)s”. We will e-mail you when it is back.")
                % {"title": item.title},
            )
    return _back(request, reverse("library:catalogue"))


@require_safe
@employee_required
def my_loans(request):
    """The employee's own loans and reservations (never anyone else's)."""
    loans = list(selectors.employee_open_loans(request.user))
    return render(
        request,
        "library/my_loans.html",
        {
            "loans": loans,
            "reservations": list(selectors.employee_active_reservations(request.user)),
            "today": timezone.localdate(),
            "breadcrumbs": [(gettext("City Hall library"), reverse("library:catalogue"))],
        },
    )


@require_POST
@employee_required
def loan_renew(request, pk: int):
    """The employee renews their own loan, if the rules allow."""
    loan = get_object_or_404(Loan.objects.open(), pk=pk, borrower=request.user)
    try:
        loan = services.loan_renew(loan=loan, acting_user=request.user)
    except services.LibraryError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            gettext("Renewed: return “%(title)s” by %(date)s.")
            % {"title": loan.item.title, "date": loan.due_on.strftime("%d.%m.%Y")},
        )
    return redirect("library:my_loans")


@require_POST
@employee_required
def reservation_cancel(request, pk: int):
    """The employee cancels their own reservation."""
    reservation = get_object_or_404(Reservation.objects.active(), pk=pk, employee=request.user)
    try:
        services.reservation_cancel(reservation=reservation, acting_user=request.user)
    except services.LibraryError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, gettext("The reservation is cancelled."))
    return redirect("library:my_loans")
