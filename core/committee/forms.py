"""The committee member's declaration of impartiality (k.p.a. art. 24), the same form in every app."""

from django import forms
from django.utils.translation import gettext_lazy as _


class ImpartialityForm(forms.Form):
    """The two declarations a member chooses between; an app words the conflict for its cases (`conflict_label`)."""

    no_conflict_label = _("I declare that there is no circumstance that could raise doubts about my impartiality.")
    conflict_label = _("I declare a conflict of interest and will not score this case.")

    has_conflict = forms.TypedChoiceField(
        label=_("Declaration of impartiality"),
        choices=[],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["has_conflict"].choices = [("no", self.no_conflict_label), ("yes", self.conflict_label)]
