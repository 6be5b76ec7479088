"""The committee member's forms: the declaration of impartiality and the points per merit criterion."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from core.committee import forms as committee_forms


class ImpartialityForm(committee_forms.ImpartialityForm):
    """The kernel's declaration (k.p.a. art. 24 via u.d.p.p. art. 15 ust. 2f), worded for an offer."""

    conflict_label = _("I declare a conflict of interest and will not score this offer.")


class ScoreForm(forms.Form):
    """Points for every merit criterion of the call; built from the criteria."""

    def __init__(self, *args, criteria=(), **kwargs):
        super().__init__(*args, **kwargs)
        for criterion in criteria:
            self.fields[f"criterion_{criterion.pk}"] = forms.DecimalField(
                label=criterion.name,
                min_value=Decimal(0),
                max_value=Decimal(criterion.max_points),
                decimal_places=2,
                max_digits=5,
                localize=True,
                help_text=_("0 to %(max)d points") % {"max": criterion.max_points},
                widget=forms.TextInput(attrs={"inputmode": "decimal"}),
            )

    def points(self) -> dict[int, Decimal]:
        return {int(name.removeprefix("criterion_")): value for name, value in self.cleaned_data.items()}
