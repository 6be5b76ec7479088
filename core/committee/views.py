"""Who the committee's panel admits: a signed-in member with a verified second factor, as for the admin."""

from django.conf import settings


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
