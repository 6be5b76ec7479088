"""The committee member's forms: the declaration of impartiality and the points per merit criterion."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _


class ImpartialityForm(forms.Form):
    has_conflict = forms.TypedChoiceField(
        label=_("Declaration of impartiality"),
        choices=[
            ("no", _("I declare that there is no circumstance that could raise doubts about my impartiality.")),
            ("yes", _("I declare a conflict of interest and will not score this offer.")),
        ],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )


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
