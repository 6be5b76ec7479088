"""What the grants admin pages share."""

from django.utils.translation import gettext_lazy as _

#: The title of the collapsed fieldset of stamps and rarely needed fields.
ADVANCED = _("Advanced")
