"""Demo mass-event permit applications (u.b.i.m.) and event notifications (u.o.p.d.k. art. 34) in their states.

`manage.py seed_mass_events` opens the cases as the public forms do (`permit_application_open`, `notification_open`:
the services' `prepare` and `received` steps around `case_open`, the organiser's files kept as private documents)
and moves them as a clerk would (`core.services.transition_perform`), so the register entries, case marks, status
history, letters and decisions exist as in real use. The opinions checklist is filled in as in the admin's inline
(a saved `MassEventOpinion`).

Permits: received under formal check, asked to complete, opinions being checked (two of four recorded), decision
drafted, permit issued, and an event already held. Notifications: received, certificate requested, accepted
silently (ban deadline passed, u.o.p.d.k. art. 36 ust. 1) and banned. Dates are relative to today. The event held
is replayed before its start and then moved into the past, as if the weeks had gone by.

Idempotent: a case whose event name is already there is not created again. Organisers, people and PESEL numbers
are invented; the PESELs are valid test numbers (correct date and check digit) and are encrypted at rest.
"""

import zlib
from datetime import datetime, time, timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone

from core.management.demo import DemoDataCommand
from core.services import transition_perform
from core.uploads import PDF, validate_upload
from mass_events.models import (
    EventNotification,
    MassEventOpinion,
    MassEventPermitApplication,
    OpinionBody,
    OrganiserKind,
)
from mass_events.services.notifications import notification_ban_deadline, notification_open
from mass_events.services.permits import permit_application_open

REQUIRED_FILES = [
    ("Plan obiektu (terenu) z drogami ewakuacyjnymi", "plan-terenu.pdf"),
    ("Regulamin imprezy masowej", "regulamin-imprezy.pdf"),
    ("Instrukcja postępowania w przypadku powstania pożaru", "instrukcja-ppoz.pdf"),
    ("Dowód uiszczenia opłaty skarbowej", "oplata-skarbowa.pdf"),
]
OPINION_FILES = {
    OpinionBody.POLICE: ("Opinia Komendanta Miejskiego Policji", "opinia-policji.pdf"),
    OpinionBody.FIRE: ("Opinia Komendanta Miejskiego PSP", "opinia-psp.pdf"),
    OpinionBody.MEDICAL: ("Opinia dysponenta zespołów ratownictwa medycznego", "opinia-ratownictwa.pdf"),
    OpinionBody.SANITARY: ("Opinia Państwowego Powiatowego Inspektora Sanitarnego", "opinia-sanepidu.pdf"),
}

# Verdicts the clerk records, in the order of the checklist.
ALL_POSITIVE = {
    OpinionBody.POLICE: (MassEventOpinion.Verdict.CONDITIONAL, "Patrol policji przy wejściu głównym od 17:00."),
    OpinionBody.FIRE: (MassEventOpinion.Verdict.POSITIVE, ""),
    OpinionBody.MEDICAL: (MassEventOpinion.Verdict.CONDITIONAL, "Dwa zespoły ratownictwa medycznego na terenie."),
    OpinionBody.SANITARY: (MassEventOpinion.Verdict.POSITIVE, ""),
}

PERMITS = [
    {
        "state": "received",
        "received_days_ago": 2,
        "starts_in": 75,
        "opinions_attached": [],
        "organiser_kind": OrganiserKind.ORGANISATION,
        "organiser_name": "Stowarzyszenie „Rudzkie Granie”",
        "organiser_address": "ul. Kokota 120, 41-711 Ruda Śląska",
        "contact_name": "Marek Pietrzyk",
        "contact_email": "m.pietrzyk@rudzkiegranie.example.pl",
        "contact_phone": "+48 601 234 567",
        "event_name": "Rudzki Festiwal Rockowy „Szyb Rock”",
        "event_type": "artistic",
        "programme": "Dwa dni koncertów rudzkich i śląskich zespołów rockowych; w sobotę gwiazda wieczoru.",
        "venue": "Park Dworski w Bielszowicach, ul. Kokota, Ruda Śląska",
        "venue_kind": "open_area",
        "hours": 8,
        "places_total": 6000,
        "places_available": 4000,
        "expected_participants": 3500,
        "stewards": 70,
        "info_staff": 20,
        "security_manager_name": "Tomasz Wieczorek",
        "security_manager_pesel": "79031512350",
    },
    {
        "state": "completion_requested",
        "received_days_ago": 6,
        "starts_in": 50,
        "opinions_attached": [OpinionBody.POLICE, OpinionBody.MEDICAL],
        "completion_note": "Brak opinii Komendanta Miejskiego Państwowej Straży Pożarnej i Państwowego "
        "Powiatowego Inspektora Sanitarnego (art. 25 ust. 1 pkt 2 ustawy o bezpieczeństwie imprez masowych).",
        "organiser_kind": OrganiserKind.ORGANISATION,
        "organiser_name": "Klub Sportowy „Grunwald” Ruda Śląska",
        "organiser_address": "ul. Grunwaldzka 1, 41-707 Ruda Śląska",
        "contact_name": "Katarzyna Mazur",
        "contact_email": "biuro@ks-grunwald.example.pl",
        "contact_phone": "+48 32 242 10 10",
        "event_name": "Mecz piłki nożnej KS Grunwald – GKS Katowice II",
        "event_type": "football",
        "programme": "Mecz ligowy piłki nożnej; otwarcie bram półtorej godziny przed meczem.",
        "venue": "Stadion Miejski, ul. Grunwaldzka 1, Ruda Śląska",
        "venue_kind": "stadium",
        "hours": 3,
        "places_total": 3000,
        "places_available": 2500,
        "expected_participants": 1800,
        "stewards": 45,
        "info_staff": 10,
        "security_manager_name": "Paweł Kubica",
        "security_manager_pesel": "85120709871",
    },
    {
        "state": "opinions",
        "received_days_ago": 10,
        "starts_in": 60,
        "opinions_attached": list(OpinionBody.values),
        "recorded": {
            OpinionBody.POLICE: (MassEventOpinion.Verdict.POSITIVE, ""),
            OpinionBody.MEDICAL: (MassEventOpinion.Verdict.CONDITIONAL, "Zespół ratownictwa medycznego przy scenie."),
        },
        "organiser_kind": OrganiserKind.ORGANISATION,
        "organiser_name": "Miejskie Centrum Kultury im. Henryka Bisty",
        "organiser_address": "ul. Niedurnego 69, 41-709 Ruda Śląska",
        "contact_name": "Joanna Skrzypiec",
        "contact_email": "j.skrzypiec@mck.example.pl",
        "contact_phone": "+48 32 248 26 55",
        "event_name": "Dni Rudy Śląskiej – koncert finałowy",
        "event_type": "artistic",
        "programme": "Koncert finałowy Dni Miasta: orkiestra dęta, zespoły lokalne i gwiazda wieczoru, pokaz świateł.",
        "venue": "Plac przed MCK, ul. Niedurnego 69, Ruda Śląska",
        "venue_kind": "open_area",
        "hours": 6,
        "places_total": 8000,
        "places_available": 6000,
        "expected_participants": 5000,
        "stewards": 90,
        "info_staff": 25,
        "security_manager_name": "Grzegorz Nowak",
        "security_manager_pesel": "44051401359",
    },
    {
        "state": "decision_drafted",
        "received_days_ago": 20,
        "starts_in": 40,
        "opinions_attached": list(OpinionBody.values),
        "recorded": ALL_POSITIVE,
        "organiser_kind": OrganiserKind.PERSON,
        "organiser_name": "Adam Kaczmarek",
        "organiser_address": "ul. Piastowska 14/3, 41-700 Ruda Śląska",
        "contact_name": "Adam Kaczmarek",
        "contact_email": "adam.kaczmarek@example.pl",
        "contact_phone": "+48 605 111 222",
        "event_name": "Śląska Biesiada pod Hałdą",
        "event_type": "artistic",
        "programme": "Biesiada z muzyką śląską, występy kapel podwórkowych i zespołów regionalnych.",
        "venue": "Teren rekreacyjny przy hałdzie, ul. Zabrzańska, Ruda Śląska",
        "venue_kind": "open_area",
        "hours": 7,
        "places_total": 2500,
        "places_available": 2000,
        "expected_participants": 1500,
        "stewards": 35,
        "info_staff": 8,
        "security_manager_name": "Beata Szymańska",
        "security_manager_pesel": "90080212343",
    },
    {
        "state": "permit_issued",
        "received_days_ago": 35,
        "starts_in": 12,
        "opinions_attached": list(OpinionBody.values),
        "recorded": ALL_POSITIVE,
        "organiser_kind": OrganiserKind.ORGANISATION,
        "organiser_name": "Fundacja „Wirek Kulturalny”",
        "organiser_address": "ul. 1 Maja 310, 41-710 Ruda Śląska",
        "contact_name": "Monika Bednarek",
        "contact_email": "kontakt@wirekkulturalny.example.pl",
        "contact_phone": "+48 512 345 678",
        "event_name": "Jarmark Bożonarodzeniowy z koncertem kolęd",
        "event_type": "artistic",
        "programme": "Jarmark świąteczny z koncertem kolęd i pastorałek chórów rudzkich parafii.",
        "venue": "Rynek w Wirku, ul. 1 Maja, Ruda Śląska",
        "venue_kind": "open_area",
        "hours": 5,
        "places_total": 3000,
        "places_available": 2200,
        "expected_participants": 1500,
        "stewards": 40,
        "info_staff": 10,
        "security_manager_name": "Łukasz Mrozek",
        "security_manager_pesel": "82041807651",
    },
    {
        "state": "event_held",
        "received_days_ago": 35,
        "starts_in": 21,
        "held_days_ago": 12,
        "opinions_attached": list(OpinionBody.values),
        "recorded": ALL_POSITIVE,
        "organiser_kind": OrganiserKind.ORGANISATION,
        "organiser_name": "Rudzki Ośrodek Sportu i Rekreacji",
        "organiser_address": "ul. Gen. Hallera 14a, 41-709 Ruda Śląska",
        "contact_name": "Dariusz Pawlik",
        "contact_email": "d.pawlik@rosir.example.pl",
        "contact_phone": "+48 32 248 70 00",
        "event_name": "Rudzka Gala Boksu „Pięść Śląska”",
        "event_type": "sports",
        "programme": "Gala boksu zawodowego i amatorskiego; dziesięć walk, walka wieczoru o pas mistrzowski.",
        "venue": "Hala Sportowa Burloch Arena, ul. Chorzowska 24, Ruda Śląska",
        "venue_kind": "sports_hall",
        "hours": 5,
        "places_total": 2000,
        "places_available": 1600,
        "expected_participants": 1400,
        "stewards": 40,
        "info_staff": 10,
        "security_manager_name": "Robert Wójcik",
        "security_manager_pesel": "76110307519",
    },
]

NOTIFICATIONS = [
    {
        "state": "received",
        "received_days_ago": 3,
        "starts_in": 40,
        "organiser_name": "Miejska Biblioteka Publiczna w Rudzie Śląskiej",
        "organiser_address": "ul. Dworcowa 33, 41-709 Ruda Śląska",
        "is_city_institution": True,
        "contact_name": "Agnieszka Kołodziej",
        "contact_email": "a.kolodziej@mbp.example.pl",
        "event_name": "Noc Bibliotek w plenerze – czytanie pod gwiazdami",
        "event_type": "spotkanie literackie i koncert akustyczny",
        "character": "otwarty, bezpłatny, dla rodzin",
        "venue": "Skwer przy Stacji Biblioteka, ul. Dworcowa 33, Ruda Śląska",
        "hours": 4,
        "expected_participants": 250,
    },
    {
        "state": "certificate_requested",
        "received_days_ago": 5,
        "starts_in": 45,
        "certificate_note": "Impreza w namiocie cyrkowym: prosimy o zaświadczenie o dopuszczeniu konstrukcji "
        "namiotu i instalacji elektrycznej do użytkowania.",
        "organiser_name": "Teatr Objazdowy „Wóz Tespisa” s.c.",
        "organiser_address": "ul. Mikołowska 12, 44-100 Gliwice",
        "is_city_institution": False,
        "contact_name": "Piotr Sowa",
        "contact_email": "p.sowa@teatrwoz.example.pl",
        "event_name": "Spektakl plenerowy „Skarbnik” w namiocie",
        "event_type": "spektakl teatru objazdowego",
        "character": "biletowany, dla rodzin",
        "venue": "Plac przy ul. Niedurnego 50, Ruda Śląska",
        "hours": 2,
        "expected_participants": 300,
    },
    {
        "state": "accepted",
        "received_days_ago": 20,
        "starts_in": 25,
        "organiser_name": "Muzeum Miejskie im. Maksymiliana Chroboka",
        "organiser_address": "ul. Wolności 26, 41-700 Ruda Śląska",
        "is_city_institution": True,
        "contact_name": "Henryk Mikołajczyk",
        "contact_email": "h.mikolajczyk@muzeum.example.pl",
        "event_name": "Barbórkowy koncert orkiestry dętej przed kopalnią",
        "event_type": "koncert plenerowy",
        "character": "otwarty, bezpłatny",
        "venue": "Plac przed dawnym szybem Andrzej, ul. Piłsudskiego, Ruda Śląska",
        "hours": 2,
        "expected_participants": 400,
    },
    {
        "state": "ban_issued",
        "received_days_ago": 4,
        "starts_in": 32,
        "ban_note": "Wskazany teren jest placem budowy z wykopami i nie ma dróg ewakuacyjnych; organizator nie "
        "przedstawił zgody zarządcy terenu (art. 35 pkt 1 ustawy o organizowaniu i prowadzeniu działalności "
        "kulturalnej).",
        "organiser_name": "Grupa „Nocne Kino Samochodowe” Jan Lis",
        "organiser_address": "ul. Lipowa 7, 41-700 Ruda Śląska",
        "is_city_institution": False,
        "contact_name": "Jan Lis",
        "contact_email": "jan.lis@example.pl",
        "event_name": "Kino samochodowe na placu przy Bulwarach",
        "event_type": "pokaz filmowy w plenerze",
        "character": "biletowany, wjazd samochodem",
        "venue": "Plac budowy przy ul. Odrzańskiej, Ruda Śląska",
        "hours": 3,
        "expected_participants": 200,
    },
]


def demo_pdf(title: str) -> bytes:
    """A small one-page A4 PDF with `title` (ASCII) written on it, standing in for a scanned document."""
    text = title.encode("ascii", "replace").replace(b"(", b"[").replace(b")", b"]")
    content = zlib.compress(b"BT /F1 14 Tf 72 770 Td (" + text + b") Tj ET")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def demo_upload(name: str):
    """A PDF passed through the same validation as a public form's upload."""
    upload = SimpleUploadedFile(name, demo_pdf(name.removesuffix(".pdf")), content_type="application/pdf")
    return validate_upload(upload, allowed_kinds=[PDF]).as_file()


def at_four_pm(days: int):
    day = timezone.localdate() + timedelta(days=days)
    return timezone.make_aware(datetime.combine(day, time(16, 0)))


class Command(DemoDataCommand):
    help = "Load demo mass-event permit applications and event notifications in their states (idempotent)."

    @transaction.atomic
    def handle(self, *args, **options):
        clerk = self.clerk()
        permits = notifications = 0
        for data in PERMITS:
            if not MassEventPermitApplication.objects.filter(event_name=data["event_name"]).exists():
                self.seed_permit(data, clerk)
                permits += 1
        for data in NOTIFICATIONS:
            if not EventNotification.objects.filter(event_name=data["event_name"]).exists():
                self.seed_notification(data, clerk)
                notifications += 1
        self.stdout.write(
            f"Imprezy masowe: {permits} nowych wniosków o zezwolenie, {notifications} nowych zawiadomień."
        )

    def clerk(self):
        """The demo clerk (seed_demo) in the mass-events section's group."""
        return self.demo_clerk("events")

    def seed_permit(self, data, clerk):
        starts_at = at_four_pm(data["starts_in"])
        application = MassEventPermitApplication(
            organiser_kind=data["organiser_kind"],
            organiser_name=data["organiser_name"],
            organiser_address=data["organiser_address"],
            contact_name=data["contact_name"],
            contact_email=data["contact_email"],
            contact_phone=data["contact_phone"],
            event_name=data["event_name"],
            event_type=data["event_type"],
            programme=data["programme"],
            venue=data["venue"],
            venue_kind=data["venue_kind"],
            starts_at=starts_at,
            ends_at=starts_at + timedelta(hours=data["hours"]),
            places_total=data["places_total"],
            places_available=data["places_available"],
            expected_participants=data["expected_participants"],
            stewards=data["stewards"],
            info_staff=data["info_staff"],
            threats="Duże zgromadzenie ludzi, ruch uliczny przy wejściach, możliwe złe warunki pogodowe.",
            cctv=True,
            security_manager_name=data["security_manager_name"],
            security_manager_pesel=data["security_manager_pesel"],
            security_manager_certificate="KB/0417/2024 z 12.03.2024",
            security_manager_phone="+48 600 200 300",
        )
        attachments = [(description, demo_upload(name), "") for description, name in REQUIRED_FILES]
        attachments += [
            (OPINION_FILES[body][0], demo_upload(OPINION_FILES[body][1]), body) for body in data["opinions_attached"]
        ]
        permit_application_open(
            application=application,
            attachments=attachments,
            received_on=timezone.localdate() - timedelta(days=data["received_days_ago"]),
        )
        state = data["state"]
        if state == "completion_requested":
            transition_perform(
                obj=application, name="request_completion", acting_user=clerk, note=data["completion_note"]
            )
            return
        if state == "received":
            return
        application = transition_perform(obj=application, name="formally_complete", acting_user=clerk)
        for body, (verdict, conditions) in data.get("recorded", {}).items():
            # As the clerk fills in the opinions checklist in the admin.
            opinion = application.opinions.get(body=body)
            opinion.verdict = verdict
            opinion.issued_on = application.received_on - timedelta(days=7)
            opinion.conditions = conditions
            opinion.save()
        if state == "opinions":
            return
        application = transition_perform(obj=application, name="draft_decision", acting_user=clerk)
        # The decision is numbered with the case mark, as the City Hall's decisions are.
        application.decision_number = application.case_mark
        application.permitted_participants = application.expected_participants
        application.permitted_stewards = application.stewards
        application.permitted_info_staff = application.info_staff
        application.decision_conditions = "\n".join(
            conditions for verdict, conditions in data["recorded"].values() if conditions
        )
        application.save()
        if state == "decision_drafted":
            return
        application = transition_perform(obj=application, name="issue_permit", acting_user=clerk)
        if state == "permit_issued":
            return
        application = transition_perform(obj=application, name="send_copies", acting_user=clerk)
        # The weeks go by: the decision was delivered the day after its issue, no appeal came in its 14 days and
        # the permitted event took place `held_days_ago` days ago.
        shift = timedelta(days=data["starts_in"] + data["held_days_ago"])
        MassEventPermitApplication.objects.filter(pk=application.pk).update(
            received_on=application.received_on - shift,
            starts_at=application.starts_at - shift,
            ends_at=application.ends_at - shift,
            decision_issued_on=application.decision_issued_on - shift,
            decision_delivered_on=application.decision_issued_on - shift + timedelta(days=1),
            copies_sent_on=application.copies_sent_on - shift,
        )
        application.refresh_from_db()
        application = transition_perform(obj=application, name="become_final", acting_user=clerk)
        transition_perform(obj=application, name="mark_held", acting_user=clerk)

    def seed_notification(self, data, clerk):
        starts_at = at_four_pm(data["starts_in"])
        notification = EventNotification(
            organiser_name=data["organiser_name"],
            organiser_address=data["organiser_address"],
            is_city_institution=data["is_city_institution"],
            contact_name=data["contact_name"],
            contact_email=data["contact_email"],
            event_name=data["event_name"],
            event_type=data["event_type"],
            character=data["character"],
            venue=data["venue"],
            starts_at=starts_at,
            ends_at=starts_at + timedelta(hours=data["hours"]),
            expected_participants=data["expected_participants"],
            safety_measures="Służba porządkowa organizatora, barierki przy scenie, punkt pierwszej pomocy.",
            accessibility_measures="Strefa dla osób na wózkach przy scenie, toaleta dostępna, tłumacz PJM na "
            "życzenie zgłoszone 7 dni wcześniej.",
        )
        notification_open(
            notification=notification,
            attachments=[demo_upload("plan-sytuacyjny.pdf")],
            received_on=timezone.localdate() - timedelta(days=data["received_days_ago"]),
        )
        state = data["state"]
        if state == "certificate_requested":
            transition_perform(
                obj=notification, name="request_certificate", acting_user=clerk, note=data["certificate_note"]
            )
        elif state == "accepted" and timezone.localdate() > notification_ban_deadline(notification):
            # As the daily job `accept_silent_notifications` does once the ban deadline has passed.
            transition_perform(obj=notification, name="accept", acting_user=None)
        elif state == "ban_issued":
            notification.ban_number = notification.case_mark
            notification.save(update_fields=["ban_number", "updated_at"])
            transition_perform(obj=notification, name="ban", acting_user=clerk, note=data["ban_note"])
