"""The committee's panel: who it admits (a signed-in member with a verified second factor, as for the admin) and
the member's own list of assignments."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.cache import never_cache


def verified_user(request):
    """A signed-in, active user whose second factor is verified (as for the admin), or None.

    The committee's pages answer None with 404, as if they did not exist: a redirect to the sign-in page would
    publish the admin's path (DJANGO_ADMIN_URL), which no public answer may reveal. Members sign in to the
    admin first.
    """
    user = request.user
    if not user.is_authenticated or not user.is_active:
        return None
    if getattr(settings, "OTP_REQUIRED", True) and not getattr(user, "is_verified", lambda: True)():
        return None
    return user


@never_cache
def member_panel(request, *, is_member, assignments, template_name: str):
    """The member's list of what is assigned to them (`assignments(user)`), rendered with `template_name`.

    404 for anyone not signed in with a verified second factor (see `verified_user`), 403 for a verified user
    who sits on no committee (`is_member(user)` is false).
    """
    user = verified_user(request)
    if user is None:
        raise Http404
    if not is_member(user):
        raise PermissionDenied
    return render(request, template_name, {"assignments": list(assignments(user))})
