"""Polish grammar the admin needs beyond a model's verbose names, and Polish for Django's own admin messages.

Django's admin puts a model's verbose name into sentences built for English: "Select %s to change" gives
"Wybierz oferta do zmiany" (Polish wants the accusative, "ofertę"), a count gives "14 zgłoszenia wydarzeń"
(Polish wants "14 zgłoszeń wydarzeń"), and its Polish catalogue covers gender with fallbacks such as
"został(a)(-ło)". Here each model name has its accusative (context "accusative") and its counted forms
(context "counted"), looked up by the English verbose name; `admin_title` and `admin_count` build the titles
and counts from them. `PolishAdminTitlesMixin` (core.admin_mixins), which the portal's admin site gives every
model admin, uses them.

`DJANGO_MESSAGES` lists Django's admin messages that the portal's catalogue translates anew (messages Django
6.1 added after its Polish catalogue, and sentences whose Polish there has gender fallbacks): the catalogue in
`locale/` comes before Django's own, and listing the msgids here keeps `makemessages` from dropping them.
"""

from django.utils import translation
from django.utils.translation import (
    gettext,
    gettext_noop,
    ngettext_lazy,
    npgettext,
    npgettext_lazy,
    pgettext,
    pgettext_lazy,
)

# The accusative of each model name an admin title uses ("Wybierz ofertę do zmiany", "Dodaj ofertę").
ACCUSATIVES = [
    pgettext_lazy("accusative", "group"),
    pgettext_lazy("accusative", "user"),
    pgettext_lazy("accusative", "case type"),
    pgettext_lazy("accusative", "case register entry"),
    pgettext_lazy("accusative", "duty of the department"),
    pgettext_lazy("accusative", "department profile"),
    pgettext_lazy("accusative", "section settings"),
    pgettext_lazy("accusative", "opinion"),
    pgettext_lazy("accusative", "information clause"),
    pgettext_lazy("accusative", "JRWA class"),
    pgettext_lazy("accusative", "organisational unit"),
    pgettext_lazy("accusative", "outgoing e-mail"),
    pgettext_lazy("accusative", "public image"),
    pgettext_lazy("accusative", "retention action"),
    pgettext_lazy("accusative", "static page"),
    pgettext_lazy("accusative", "Task Result"),
    pgettext_lazy("accusative", "event category"),
    pgettext_lazy("accusative", "event"),
    pgettext_lazy("accusative", "event submission"),
    pgettext_lazy("accusative", "venue"),
    pgettext_lazy("accusative", "criterion"),
    pgettext_lazy("accusative", "document of the call"),
    pgettext_lazy("accusative", "committee member"),
    pgettext_lazy("accusative", "agreement"),
    pgettext_lazy("accusative", "call for offers"),
    pgettext_lazy("accusative", "control"),
    pgettext_lazy("accusative", "offer"),
    pgettext_lazy("accusative", "report"),
    pgettext_lazy("accusative", "settlement"),
    pgettext_lazy("accusative", "score"),
    pgettext_lazy("accusative", "assigned offer"),
    pgettext_lazy("accusative", "comment on a small grant"),
    pgettext_lazy("accusative", "interest rate for tax arrears"),
    pgettext_lazy("accusative", "registered-letter fee"),
    pgettext_lazy("accusative", "small grant made outside the portal"),
    pgettext_lazy("accusative", "year plan of subsidies"),
    pgettext_lazy("accusative", "cultural institution"),
    pgettext_lazy("accusative", "director's term"),
    pgettext_lazy("accusative", "extract request"),
    pgettext_lazy("accusative", "annual financial statement"),
    pgettext_lazy("accusative", "inspection"),
    pgettext_lazy("accusative", "subsidy to an institution"),
    pgettext_lazy("accusative", "legal act"),
    pgettext_lazy("accusative", "register entry"),
    pgettext_lazy("accusative", "registration file document"),
    pgettext_lazy("accusative", "reorganisation plan"),
    pgettext_lazy("accusative", "notification of an artistic event"),
    pgettext_lazy("accusative", "mass-event permit application"),
    pgettext_lazy("accusative", "set of backup codes"),
    pgettext_lazy("accusative", "authenticator app"),
    pgettext_lazy("accusative", "accreditation"),
    pgettext_lazy("accusative", "distribution log entry"),
    pgettext_lazy("accusative", "letter template"),
    pgettext_lazy("accusative", "media contact"),
    pgettext_lazy("accusative", "media list"),
    pgettext_lazy("accusative", "media outlet"),
    pgettext_lazy("accusative", "occasional letter or speech"),
    pgettext_lazy("accusative", "press conference"),
    pgettext_lazy("accusative", "press release"),
    pgettext_lazy("accusative", "social-media post"),
    pgettext_lazy("accusative", "press topic"),
    pgettext_lazy("accusative", "library item"),
    pgettext_lazy("accusative", "write-off protocol"),
    pgettext_lazy("accusative", "loan rule"),
    pgettext_lazy("accusative", "loan"),
    pgettext_lazy("accusative", "reservation"),
    pgettext_lazy("accusative", "loan reminder"),
    pgettext_lazy("accusative", "City Hall department"),
    pgettext_lazy("accusative", "subscription"),
    pgettext_lazy("accusative", "periodical issue"),
    pgettext_lazy("accusative", "application for honorary patronage"),
    pgettext_lazy("accusative", "scholarship or award call"),
    pgettext_lazy("accusative", "scholarship application or award nomination"),
    pgettext_lazy("accusative", "council resolution on scholarships or awards"),
    pgettext_lazy("accusative", "member of an awards committee"),
    pgettext_lazy("accusative", "application assigned to a member"),
    pgettext_lazy("accusative", "committee member's score"),
    pgettext_lazy("accusative", "interview with the committee"),
    pgettext_lazy("accusative", "request to use the city's symbols"),
    pgettext_lazy("accusative", "report of a misuse of the city's symbols"),
    pgettext_lazy("accusative", "set of files to download"),
    pgettext_lazy("accusative", "investment site"),
    pgettext_lazy("accusative", "utility of a site"),
    pgettext_lazy("accusative", "transport link of a site"),
    pgettext_lazy("accusative", "photo of a site"),
    pgettext_lazy("accusative", "investor inquiry"),
    pgettext_lazy("accusative", "unit concerned"),
    pgettext_lazy("accusative", "media mention"),
    pgettext_lazy("accusative", "press correction"),
    pgettext_lazy("accusative", "watched host"),
    pgettext_lazy("accusative", "monitored source"),
    pgettext_lazy("accusative", "keyword rule"),
    pgettext_lazy("accusative", "fetched item"),
    pgettext_lazy("accusative", "press review"),
    pgettext_lazy("accusative", "newsletter subscriber"),
    pgettext_lazy("accusative", "mailing"),
    pgettext_lazy("accusative", "mourning period"),
    pgettext_lazy("accusative", "request for accessibility"),
    pgettext_lazy("accusative", "demand for digital accessibility"),
    pgettext_lazy("accusative", "declaration of accessibility"),
    pgettext_lazy("accusative", "plan of action for accessibility"),
    pgettext_lazy("accusative", "report on the state of accessibility"),
    pgettext_lazy("accusative", "strategic plan"),
    pgettext_lazy("accusative", "goal of a plan"),
    pgettext_lazy("accusative", "objective of a plan"),
    pgettext_lazy("accusative", "action of a plan"),
    pgettext_lazy("accusative", "meeting with residents"),
    pgettext_lazy("accusative", "registration for a meeting"),
    pgettext_lazy("accusative", "request raised at a meeting"),
    pgettext_lazy("accusative", "kind of own event"),
    pgettext_lazy("accusative", "own event production"),
    pgettext_lazy("accusative", "term of the council"),
    pgettext_lazy("accusative", "member of the council"),
    pgettext_lazy("accusative", "sitting of the council"),
    pgettext_lazy("accusative", "invitation to a sitting"),
    pgettext_lazy("accusative", "opinion of the council"),
]

# How many: "1 oferta", "3 oferty", "14 ofert" (the English forms are the model's verbose names).
COUNTS = [
    npgettext_lazy("counted", "%(count)s group", "%(count)s groups"),
    npgettext_lazy("counted", "%(count)s user", "%(count)s users"),
    npgettext_lazy("counted", "%(count)s case type", "%(count)s case types"),
    npgettext_lazy("counted", "%(count)s case register entry", "%(count)s case register"),
    npgettext_lazy("counted", "%(count)s duty of the department", "%(count)s duties of the department"),
    npgettext_lazy("counted", "%(count)s department profile", "%(count)s department profile"),
    npgettext_lazy("counted", "%(count)s section settings", "%(count)s sections' settings"),
    npgettext_lazy("counted", "%(count)s opinion", "%(count)s opinions"),
    npgettext_lazy("counted", "%(count)s information clause", "%(count)s information clauses"),
    npgettext_lazy("counted", "%(count)s JRWA class", "%(count)s JRWA classes"),
    npgettext_lazy("counted", "%(count)s organisational unit", "%(count)s organisational units"),
    npgettext_lazy("counted", "%(count)s outgoing e-mail", "%(count)s outgoing e-mails"),
    npgettext_lazy("counted", "%(count)s public image", "%(count)s public images"),
    npgettext_lazy("counted", "%(count)s retention action", "%(count)s retention actions"),
    npgettext_lazy("counted", "%(count)s static page", "%(count)s static pages"),
    npgettext_lazy("counted", "%(count)s Task Result", "%(count)s Task Results"),
    npgettext_lazy("counted", "%(count)s event category", "%(count)s event categories"),
    npgettext_lazy("counted", "%(count)s event", "%(count)s events"),
    npgettext_lazy("counted", "%(count)s event submission", "%(count)s event submissions"),
    npgettext_lazy("counted", "%(count)s venue", "%(count)s venues"),
    npgettext_lazy("counted", "%(count)s criterion", "%(count)s criteria"),
    npgettext_lazy("counted", "%(count)s document of the call", "%(count)s documents of the call"),
    npgettext_lazy("counted", "%(count)s committee member", "%(count)s committee members"),
    npgettext_lazy("counted", "%(count)s agreement", "%(count)s agreements"),
    npgettext_lazy("counted", "%(count)s call for offers", "%(count)s calls for offers"),
    npgettext_lazy("counted", "%(count)s control", "%(count)s controls"),
    npgettext_lazy("counted", "%(count)s offer", "%(count)s offers"),
    npgettext_lazy("counted", "%(count)s report", "%(count)s reports"),
    npgettext_lazy("counted", "%(count)s settlement", "%(count)s settlements"),
    npgettext_lazy("counted", "%(count)s score", "%(count)s scores"),
    npgettext_lazy("counted", "%(count)s assigned offer", "%(count)s assigned offers"),
    npgettext_lazy("counted", "%(count)s comment on a small grant", "%(count)s comments on small grants"),
    npgettext_lazy("counted", "%(count)s interest rate for tax arrears", "%(count)s interest rates for tax arrears"),
    npgettext_lazy("counted", "%(count)s registered-letter fee", "%(count)s registered-letter fees"),
    npgettext_lazy(
        "counted", "%(count)s small grant made outside the portal", "%(count)s small grants made outside the portal"
    ),
    npgettext_lazy("counted", "%(count)s year plan of subsidies", "%(count)s year plans of subsidies"),
    npgettext_lazy("counted", "%(count)s cultural institution", "%(count)s cultural institutions"),
    npgettext_lazy("counted", "%(count)s director's term", "%(count)s directors' terms"),
    npgettext_lazy("counted", "%(count)s extract request", "%(count)s extract requests"),
    npgettext_lazy("counted", "%(count)s annual financial statement", "%(count)s annual financial statements"),
    npgettext_lazy("counted", "%(count)s inspection", "%(count)s inspections"),
    npgettext_lazy("counted", "%(count)s subsidy to an institution", "%(count)s subsidies to institutions"),
    npgettext_lazy("counted", "%(count)s legal act", "%(count)s legal acts"),
    npgettext_lazy("counted", "%(count)s register entry", "%(count)s register entries"),
    npgettext_lazy("counted", "%(count)s registration file document", "%(count)s registration files"),
    npgettext_lazy("counted", "%(count)s reorganisation plan", "%(count)s reorganisation plans"),
    npgettext_lazy(
        "counted", "%(count)s notification of an artistic event", "%(count)s notifications of artistic events"
    ),
    npgettext_lazy("counted", "%(count)s mass-event permit application", "%(count)s mass-event permit applications"),
    npgettext_lazy("counted", "%(count)s set of backup codes", "%(count)s sets of backup codes"),
    npgettext_lazy("counted", "%(count)s authenticator app", "%(count)s authenticator apps"),
    npgettext_lazy("counted", "%(count)s accreditation", "%(count)s accreditations"),
    npgettext_lazy("counted", "%(count)s distribution log entry", "%(count)s distribution log"),
    npgettext_lazy("counted", "%(count)s letter template", "%(count)s letter templates"),
    npgettext_lazy("counted", "%(count)s media contact", "%(count)s media contacts"),
    npgettext_lazy("counted", "%(count)s media list", "%(count)s media lists"),
    npgettext_lazy("counted", "%(count)s media outlet", "%(count)s media outlets"),
    npgettext_lazy("counted", "%(count)s occasional letter or speech", "%(count)s occasional letters and speeches"),
    npgettext_lazy("counted", "%(count)s press conference", "%(count)s press conferences"),
    npgettext_lazy("counted", "%(count)s press release", "%(count)s press releases"),
    npgettext_lazy("counted", "%(count)s social-media post", "%(count)s social-media plan"),
    npgettext_lazy("counted", "%(count)s press topic", "%(count)s press topics"),
    npgettext_lazy("counted", "%(count)s library item", "%(count)s library items"),
    npgettext_lazy("counted", "%(count)s write-off protocol", "%(count)s write-off protocols"),
    npgettext_lazy("counted", "%(count)s loan rule", "%(count)s loan rules"),
    npgettext_lazy("counted", "%(count)s loan", "%(count)s loans"),
    npgettext_lazy("counted", "%(count)s reservation", "%(count)s reservations"),
    npgettext_lazy("counted", "%(count)s loan reminder", "%(count)s loan reminders"),
    npgettext_lazy("counted", "%(count)s City Hall department", "%(count)s City Hall departments"),
    npgettext_lazy("counted", "%(count)s subscription", "%(count)s subscriptions"),
    npgettext_lazy("counted", "%(count)s periodical issue", "%(count)s periodical issues"),
    npgettext_lazy(
        "counted", "%(count)s application for honorary patronage", "%(count)s applications for honorary patronage"
    ),
    npgettext_lazy("counted", "%(count)s scholarship or award call", "%(count)s scholarship and award calls"),
    npgettext_lazy(
        "counted",
        "%(count)s scholarship application or award nomination",
        "%(count)s scholarship applications and award nominations",
    ),
    npgettext_lazy("counted", "%(count)s member of an awards committee", "%(count)s members of awards committees"),
    npgettext_lazy(
        "counted", "%(count)s application assigned to a member", "%(count)s applications assigned to members"
    ),
    npgettext_lazy("counted", "%(count)s committee member's score", "%(count)s committee members' scores"),
    npgettext_lazy("counted", "%(count)s interview with the committee", "%(count)s interviews with the committee"),
    npgettext_lazy(
        "counted",
        "%(count)s council resolution on scholarships or awards",
        "%(count)s council resolutions on scholarships and awards",
    ),
    npgettext_lazy(
        "counted", "%(count)s request to use the city's symbols", "%(count)s requests to use the city's symbols"
    ),
    npgettext_lazy(
        "counted",
        "%(count)s report of a misuse of the city's symbols",
        "%(count)s reports of misuse of the city's symbols",
    ),
    npgettext_lazy("counted", "%(count)s set of files to download", "%(count)s sets of files to download"),
    npgettext_lazy("counted", "%(count)s investment site", "%(count)s investment sites"),
    npgettext_lazy("counted", "%(count)s utility of a site", "%(count)s utilities of sites"),
    npgettext_lazy("counted", "%(count)s transport link of a site", "%(count)s transport links of sites"),
    npgettext_lazy("counted", "%(count)s photo of a site", "%(count)s photos of sites"),
    npgettext_lazy("counted", "%(count)s investor inquiry", "%(count)s investor inquiries"),
    npgettext_lazy("counted", "%(count)s unit concerned", "%(count)s units concerned"),
    npgettext_lazy("counted", "%(count)s media mention", "%(count)s media mentions"),
    npgettext_lazy("counted", "%(count)s press correction", "%(count)s press corrections"),
    npgettext_lazy("counted", "%(count)s watched host", "%(count)s watched hosts"),
    npgettext_lazy("counted", "%(count)s monitored source", "%(count)s monitored sources"),
    npgettext_lazy("counted", "%(count)s keyword rule", "%(count)s keyword rules"),
    npgettext_lazy("counted", "%(count)s fetched item", "%(count)s fetched items"),
    npgettext_lazy("counted", "%(count)s press review", "%(count)s press reviews"),
    npgettext_lazy("counted", "%(count)s newsletter subscriber", "%(count)s newsletter subscribers"),
    npgettext_lazy("counted", "%(count)s mailing", "%(count)s mailings"),
    npgettext_lazy("counted", "%(count)s mourning period", "%(count)s mourning periods"),
    npgettext_lazy("counted", "%(count)s request for accessibility", "%(count)s requests for accessibility"),
    npgettext_lazy(
        "counted", "%(count)s demand for digital accessibility", "%(count)s demands for digital accessibility"
    ),
    npgettext_lazy("counted", "%(count)s declaration of accessibility", "%(count)s declarations of accessibility"),
    npgettext_lazy(
        "counted", "%(count)s plan of action for accessibility", "%(count)s plans of action for accessibility"
    ),
    npgettext_lazy(
        "counted", "%(count)s report on the state of accessibility", "%(count)s reports on the state of accessibility"
    ),
    npgettext_lazy("counted", "%(count)s strategic plan", "%(count)s strategic plans"),
    npgettext_lazy("counted", "%(count)s goal of a plan", "%(count)s goals of plans"),
    npgettext_lazy("counted", "%(count)s objective of a plan", "%(count)s objectives of plans"),
    npgettext_lazy("counted", "%(count)s action of a plan", "%(count)s actions of plans"),
    npgettext_lazy("counted", "%(count)s meeting with residents", "%(count)s meetings with residents"),
    npgettext_lazy("counted", "%(count)s registration for a meeting", "%(count)s registrations for meetings"),
    npgettext_lazy("counted", "%(count)s request raised at a meeting", "%(count)s requests raised at meetings"),
    npgettext_lazy("counted", "%(count)s kind of own event", "%(count)s kinds of own events"),
    npgettext_lazy("counted", "%(count)s own event production", "%(count)s own event productions"),
    npgettext_lazy("counted", "%(count)s term of the council", "%(count)s terms of the council"),
    npgettext_lazy("counted", "%(count)s member of the council", "%(count)s members of the council"),
    npgettext_lazy("counted", "%(count)s sitting of the council", "%(count)s sittings of the council"),
    npgettext_lazy("counted", "%(count)s invitation to a sitting", "%(count)s invitations to sittings"),
    npgettext_lazy("counted", "%(count)s opinion of the council", "%(count)s opinions of the council"),
]

# Django's admin messages the portal's catalogue translates (see the module's docstring).
DJANGO_MESSAGES = [
    gettext_noop("- Select an option -"),
    gettext_noop("Filter by %(field_name)s"),
    gettext_noop("Delete selected %(verbose_name_plural)s"),
    gettext_noop("Add another %(verbose_name)s"),
    gettext_noop("The {name} “{obj}” was added successfully."),
    gettext_noop("The {name} “{obj}” was added successfully. You may edit it again below."),
    gettext_noop("The {name} “{obj}” was added successfully. You may add another {name} below."),
    gettext_noop("The {name} “{obj}” was changed successfully. You may edit it again below."),
    gettext_noop("The {name} “{obj}” was changed successfully. You may add another {name} below."),
    gettext_noop("The {name} “{obj}” was changed successfully."),
    gettext_noop("The %(name)s “%(obj)s” was deleted successfully."),
    gettext_noop("%(name)s with ID “%(key)s” doesn’t exist. Perhaps it was deleted?"),
    gettext_noop("Select all %(total_count)s %(module_name)s"),
    gettext_noop("Change selected %(model)s"),
    gettext_noop("Add another %(model)s"),
    gettext_noop("Delete selected %(model)s"),
    gettext_noop("View selected %(model)s"),
    gettext_noop("In case you’ve forgotten, you are:"),
    gettext_noop(
        "Are you sure you want to delete the selected %(objects_name)s? All of the following objects and their "
        "related items will be deleted:"
    ),
    gettext_noop(
        "Deleting the selected %(objects_name)s would result in deleting related objects, but your account "
        "doesn't have permission to delete the following types of objects:"
    ),
    gettext_noop(
        "Deleting the selected %(objects_name)s would require deleting the following protected related objects:"
    ),
    # django-tasks-db's results of background tasks, which has no Polish catalogue.
    gettext_noop("Task Result"),
    gettext_noop("Task Results"),
    gettext_noop("enqueued at"),
    gettext_noop("started at"),
    gettext_noop("finished at"),
    gettext_noop("args kwargs"),
    gettext_noop("priority"),
    gettext_noop("task path"),
    gettext_noop("worker id"),
    gettext_noop("queue name"),
    gettext_noop("backend name"),
    gettext_noop("run after"),
    gettext_noop("return value"),
    gettext_noop("exception class path"),
    gettext_noop("traceback"),
    # django-simple-history's pages, which its Polish catalogue leaves in English.
    gettext_noop("View history: %s"),
    gettext_noop("Change reason"),
    gettext_noop("Changes"),
    gettext_noop("View %s"),
    gettext_noop("Changed by"),
    ngettext_lazy("entry", "entries"),
    gettext_noop("Press the 'Change History' button below to edit the history."),
]


def english_name(opts, plural: bool = False) -> str:
    """The model's verbose name as written in the code (the msgid the grammar tables are keyed by)."""
    with translation.override("en"):
        return str(opts.verbose_name_plural if plural else opts.verbose_name)


def name_accusative(opts) -> str:
    """ "ofertę" for an offer; the plain verbose name where the table has no accusative."""
    english = english_name(opts)
    found = pgettext("accusative", english)
    return found if found != english else str(opts.verbose_name)


def admin_count(opts, count: int) -> str:
    """ "1 oferta", "3 oferty", "14 ofert"; without counted forms in the table, the number and the name."""
    singular, plural = f"%(count)s {english_name(opts)}", f"%(count)s {english_name(opts, plural=True)}"
    found = npgettext("counted", singular, plural, count)
    if found in (singular, plural):
        return f"{count} {opts.verbose_name if count == 1 else opts.verbose_name_plural}"
    return found % {"count": count}


def admin_title(msgid: str, opts) -> str:
    """A title of Django's ("Select %s to change", "Add %s", "Change %s", "View %s") with the accusative."""
    return gettext(msgid) % name_accusative(opts)
