"""The librarian's forms in the admin: the catalogue's CSV import and a write-off protocol's items."""

import re

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core.roles import person_name
from library.models import LibraryItem, WriteOffProtocol

#: At most this many items on one write-off protocol typed in the form (a bigger one is split).
MAX_ITEMS_PER_PROTOCOL = 500


class CatalogueImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_(
            "Columns: nr_inw, tytul, autorzy, wydawca, rok, isbn, issn, rodzaj, hasla, sygnatura, data_nabycia, "
            "zrodlo, cena, dokument; only tytul is required. Separated by commas or semicolons."
        ),
    )


def employees():
    """The City Hall's active accounts with an e-mail address, by surname: who may borrow."""
    return get_user_model().objects.filter(is_active=True).exclude(email="").order_by("last_name", "first_name", "pk")


class EmployeeChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        name = person_name(obj)
        return f"{name} ({obj.email})"


class WriteOffProtocolForm(forms.ModelForm):
    """A protocol of ubytki with the inventory numbers it writes off, typed as on the paper protocol."""

    inventory_numbers = forms.CharField(
        label=_("inventory numbers"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("The numbers on the protocol, separated by commas, spaces or new lines, e.g. 12, 57, 103."),
    )

    class Meta:
        model = WriteOffProtocol
        fields = ["number", "drawn_up_on", "reason", "committee", "note"]

    def clean_inventory_numbers(self):
        text = self.cleaned_data["inventory_numbers"]
        parts = [part for part in re.split(r"[\s,;]+", text) if part]
        wrong = [part for part in parts if not part.isdigit()]
        if wrong:
            raise forms.ValidationError(
                _("Not an inventory number: %(values)s."), params={"values": ", ".join(p[:20] for p in wrong[:5])}
            )
        numbers = sorted({int(part) for part in parts})
        if not numbers:
            raise forms.ValidationError(_("Type at least one inventory number."))
        if len(numbers) > MAX_ITEMS_PER_PROTOCOL:
            raise forms.ValidationError(
                _("At most %(max)d items on one protocol: split it."), params={"max": MAX_ITEMS_PER_PROTOCOL}
            )
        items = list(LibraryItem.objects.filter(inventory_number__in=numbers))
        unknown = sorted(set(numbers) - {item.inventory_number for item in items})
        if unknown:
            raise forms.ValidationError(
                ngettext(
                    "No item has inventory number %(values)s.",
                    "No items have inventory numbers %(values)s.",
                    len(unknown),
                )
                % {"values": ", ".join(str(n) for n in unknown[:20])}
            )
        return items
