"""The public forms of the newsletter: subscribing (with the consent) and the subscriber's topics."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.districts import District
from core.fieldsets import Fieldset, FieldsetsFormMixin
from core.public_forms import PublicFormMixin
from events.models import Category
from newsletter.models import Subscriber
from newsletter.services import CONSENT_TEXT
from press.models import Topic

TOPIC_FIELDSETS = (
    Fieldset(_("Events"), ("events", "event_categories", "districts")),
    Fieldset(_("Press releases"), ("press_releases", "press_topics")),
    Fieldset(_("Other news"), ("grant_calls", "meetings")),
)


class PreferencesFields(FieldsetsFormMixin, forms.Form):
    """The topics a subscriber chooses, the same on the subscription form and the preferences page."""

    events = forms.BooleanField(label=_("Events of the coming week"), required=False, initial=True)
    event_categories = forms.ModelMultipleChoiceField(
        label=_("Only these kinds of events"),
        queryset=Category.objects.order_by("position", "name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("None chosen: every kind."),
    )
    districts = forms.MultipleChoiceField(
        label=_("Only events in these districts"),
        choices=District.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("None chosen: the whole city."),
    )
    press_releases = forms.BooleanField(label=_("Press releases of the past week"), required=False, initial=True)
    press_topics = forms.ModelMultipleChoiceField(
        label=_("Only releases on these topics"),
        queryset=Topic.objects.order_by("name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("None chosen: every topic."),
    )
    grant_calls = forms.BooleanField(label=_("Calls for grant offers"), required=False)
    meetings = forms.BooleanField(label=_("The Mayor's meetings with residents"), required=False)

    fieldsets = TOPIC_FIELDSETS

    def preferences(self) -> dict:
        return {name: self.cleaned_data[name] for name in PreferencesFields.base_fields}


class SubscriptionForm(PublicFormMixin, PreferencesFields):
    email = forms.EmailField(
        label=_("E-mail"), max_length=254, widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )
    consent = forms.BooleanField(label=CONSENT_TEXT, required=True)

    fieldsets = (
        Fieldset(_("Your e-mail"), ("email",)),
        *TOPIC_FIELDSETS,
        Fieldset(_("Consent"), ("consent",)),
    )


class PreferencesForm(PreferencesFields):
    @classmethod
    def for_subscriber(cls, subscriber: Subscriber, data=None):
        initial = {name: getattr(subscriber, name) for name in ("events", "districts", "press_releases")}
        initial.update(
            grant_calls=subscriber.grant_calls,
            meetings=subscriber.meetings,
            event_categories=list(subscriber.event_categories.all()),
            press_topics=list(subscriber.press_topics.all()),
        )
        return cls(data, initial=initial)
