"""Accounts, devices, background tasks and the kernel: the register of cases, the outbox, settings."""

from django.contrib.auth.models import Group, User
from django.contrib.contenttypes.models import ContentType
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_tasks_db.models import DBTaskResult

from core.models import (
    CaseKind,
    CaseRegisterEntry,
    DepartmentDuty,
    DepartmentProfile,
    Feedback,
    InformationClause,
    JrwaClass,
    OrganisationalUnit,
    OutboxMessage,
    PublicImage,
    RetentionAction,
    SectionSettings,
    StaticPage,
)
from core.roles import SECTIONS
from core.services import case_mark_allocate, case_open
from tests.core.admin_rows import TODAY, in_days, plain, row_maker, serial

group = plain(Group, name="Grupa {n}")
unit = plain(OrganisationalUnit, symbol="T{n}", name="Referat {n}")
jrwa_class = plain(JrwaClass, symbol="9{n:03}", title="Sprawy {n}", archival_category="B5")
plain(DepartmentDuty, position=lambda n: 100 + n, title="Zadanie {n}")
plain(
    DepartmentProfile,
    name="Wydział {n}",
    head_name="A. Nowak",
    address="pl. Jana Pawła II 6",
    phone="32 244 90 00",
    email="w@e.pl",
)
plain(
    InformationClause,
    form_key="feedback",
    version=lambda n: 100 + n,
    legal_basis="art6_1_e",
    text="Administratorem…",
    valid_from=TODAY,
)
plain(OutboxMessage, to=["osoba@example.pl"], subject="Wiadomość {n}", body_text="Treść.")
plain(PublicImage, image="public/obraz-{n}.jpg", alt_text="Obraz {n}", width=640, height=480)
plain(StaticPage, title="Strona {n}", body="<p>x</p>", is_published=True)


@row_maker(User)
def user():
    n = next(serial)
    return User.objects.create_user(username=f"osoba{n}", email=f"osoba{n}@example.pl", first_name="Anna")


@row_maker(TOTPDevice)
def totp_device():
    n = next(serial)
    return TOTPDevice.objects.create(user=user(), name=f"Telefon {n}")


@row_maker(StaticDevice)
def static_device():
    n = next(serial)
    return StaticDevice.objects.create(user=user(), name=f"Kody zapasowe {n}")


@row_maker(DBTaskResult)
def task_result():
    return DBTaskResult.objects.create(
        args_kwargs={"args": [], "kwargs": {}},
        task_path="core.tasks.outbox_send",
        backend_name="default",
        run_after=in_days(1),
        exception_class_path="",
        traceback="",
    )


@row_maker(CaseKind)
def case_kind():
    n = next(serial)
    return CaseKind.objects.create(key=f"test.kind{n}", name=f"Rodzaj {n}", unit=unit(), jrwa_class=jrwa_class())


@row_maker(CaseRegisterEntry)
def register_entry():
    n = next(serial)
    return case_mark_allocate(unit=unit(), jrwa_class=jrwa_class(), title=f"Sprawa {n}")


@row_maker(Feedback)
def feedback():
    n = next(serial)
    return case_open(case=Feedback(message=f"Opinia {n}", contact_email="a@example.pl"), title="Opinia o portalu")


@row_maker(SectionSettings)
def section_settings():
    taken = set(SectionSettings.objects.values_list("section", flat=True))
    code = next(section.code for section in SECTIONS if section.code not in taken)
    return SectionSettings.objects.create(section=code, inbox_email=f"{code}@example.pl", default_handler=user())


@row_maker(RetentionAction)
def retention_action():
    n = next(serial)
    return RetentionAction.objects.create(
        case_mark=f"KU.0000.{n}.2020",
        content_type=ContentType.objects.get_for_model(Feedback),
        object_id=n + 1,
        archival_category="B5",
    )
