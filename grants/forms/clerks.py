"""Clerks' forms in the admin: they only collect input; the services decide (grants.services)."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from grants import rules, selectors, services
from grants.models import CommitteeMember, GrantAgreement, GrantCall, GrantOffer, GrantSettlement


class CommitteeCandidateField(forms.ModelChoiceField):
    """A person for a committee, named as the picker names them (no e-mail address)."""

    def label_from_instance(self, obj):
        return selectors.committee_candidate_label(obj)


class CommitteeMemberForm(forms.ModelForm):
    """A committee member on the clerk's screen: a newly chosen person must be one of `committee_candidates`.

    A member already appointed keeps their place when the call is saved again, even if their account has since
    been closed: their scores stay theirs. A new member, or a changed role or nominating organisation, is checked
    by `services.committee_member_check` (u.d.p.p. art. 15 ust. 2d): nobody nominated by an organisation that
    submitted an offer in the call is appointed. A member an offer excluded later is flagged on the call's page
    and can still be removed.
    """

    CHECKED_FIELDS = ("call", "role", "nominated_by", "nominated_by_register")

    class Meta:
        model = CommitteeMember
        fields = ["user", "role", "nominated_by", "nominated_by_register"]
        field_classes = {"user": CommitteeCandidateField}

    def clean_user(self):
        user = self.cleaned_data["user"]
        if user.pk != self.instance.user_id and not selectors.committee_candidates().filter(pk=user.pk).exists():
            raise ValidationError(
                _("Choose an active member of staff: committee members sign in as clerks do."), code="not_staff"
            )
        return user

    def clean(self):
        data = super().clean()
        call = data.get("call") or (self.instance.call if self.instance.call_id else None)
        if call is None or (self.instance.pk is not None and not set(self.CHECKED_FIELDS) & set(self.changed_data)):
            return data
        try:
            services.committee_member_check(
                call=call,
                role=data.get("role") or "",
                nominated_by=data.get("nominated_by") or "",
                nominated_by_register=data.get("nominated_by_register") or "",
            )
        except services.GrantError as error:
            self.add_error("nominated_by" if "nominated_by" in self.fields else None, error.message)
        return data


class CallAdminForm(forms.ModelForm):
    """A call on the clerk's screen. Once published, its dates keep the 21 days of u.d.p.p. art. 13 ust. 1.

    Publishing checks the offers deadline against the last announcement (`services.call_check_publish`); a later
    change of the deadline or of an announcement date is checked by the same rule, so the deadline may move
    later but never below 21 days after the last announcement, and no announcement date may be removed.
    """

    class Meta:
        model = GrantCall
        fields = [
            "title",
            "slug",
            "year",
            "task_type",
            "mode",
            "budget",
            "rules",
            "previous_year_info",
            "max_subsidy",
            "min_own_percent",
            "max_admin_percent",
            "implementation_from",
            "implementation_to",
            "offers_deadline",
            "selection_date",
            "published_bip_on",
            "published_board_on",
            "published_web_on",
            "committee_without_ngo_reason",
            "committee_without_ngo_note",
        ]

    def clean(self):
        data = super().clean()
        published = self.instance.pk is not None and self.instance.status != GrantCall.Status.DRAFT
        deadline = data.get("offers_deadline")
        if published and deadline is not None and not self.has_error("offers_deadline"):
            error = rules.call_offers_deadline_error(
                announcements=[
                    data.get(name) for name in ("published_bip_on", "published_board_on", "published_web_on")
                ],
                offers_deadline=timezone.localdate(deadline),
            )
            if error:
                self.add_error("offers_deadline", error)
        return data


class AgreementSignForm(forms.ModelForm):
    """The terms of an agreement to sign (u.d.p.p. art. 16); `services.agreement_sign` checks and signs it."""

    class Meta:
        model = GrantAgreement
        fields = ["offer", "number", "signed_on", "bank_account", "budget_updated", "use_deadline"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["offer"].queryset = GrantOffer.objects.filter(
            status=GrantOffer.Status.GRANTED, agreement__isnull=True
        ).select_related("call")
        self.fields["use_deadline"].required = False
        self.fields["use_deadline"].help_text = _(
            "Leave empty for the end of the task; at the latest 31 December of the budget year "
            "(u.f.p. art. 221 ust. 3 pkt 3). The unused part is returned within 15 days after this day."
        )


class SettlementRecordForm(forms.ModelForm):
    """The amounts of a settlement (u.f.p. art. 251–252); `services.settlement_record` computes the rest."""

    class Meta:
        model = GrantSettlement
        fields = ["agreement", "used_amount", "misused_amount", "undue_amount", "found_on"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agreement"].queryset = GrantAgreement.objects.filter(settlement__isnull=True)


class SettlementReturnForm(forms.ModelForm):
    """The return of the amounts due; `services.settlement_return_record` computes the interest."""

    class Meta:
        model = GrantSettlement
        fields = ["returned_amount", "returned_on", "decision_number"]

    def clean(self):
        data = super().clean()
        if "returned_amount" in self.changed_data and not data.get("returned_on"):
            self.add_error("returned_on", _("Give the day of the return."))
        return data
