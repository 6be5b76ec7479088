"""The press office's side of the admin, one module per subdomain: releases, the media register, conferences and
accreditations, occasional letters, the social-media plan.

Statuses change only through the workflow panel and bulk actions (core.admin_mixins), which call the
services; a change form never writes a field only services write (status, publication stamps).
"""

from press.admin import conferences, letters, media, releases, social

__all__ = ["conferences", "letters", "media", "releases", "social"]
