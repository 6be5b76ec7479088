"""The check each app's Terminarz test makes: "Moje" shows the deadlines of what I handle, never a colleague's.

`assert_mine_filter(me=…, colleague=…, mine=…, theirs=…)`: `mine` and `theirs` are records with an open deadline in
the app's source, handled by `me` and by `colleague` (both clerks who may view them). Rows are told apart by the
admin link each carries, so records without a case mark (a letter) are checked the same way.
"""

from django.test import Client
from django.urls import reverse

from core.deadlines import open_deadlines
from tests.conftest import otp_login

URL = "/admin/terminarz/"


def admin_url(record) -> str:
    opts = record._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[record.pk])


def full_name(user) -> str:
    return user.get_full_name() or user.get_username()


def assert_mine_filter(*, me, colleague, mine, theirs):
    mine_url, theirs_url = admin_url(mine), admin_url(theirs)
    every = {row.url: row for row in open_deadlines()}
    assert every[mine_url].handler_id == me.pk
    assert every[theirs_url].handler_id == colleague.pk
    assert {row.url for row in open_deadlines(handler_id=me.pk)} >= {mine_url}
    assert theirs_url not in {row.url for row in open_deadlines(handler_id=me.pk)}

    client = Client()
    otp_login(client, me)
    page = client.get(URL, {"scope": "mine"}).content.decode()
    assert f'href="{mine_url}"' in page
    assert f'href="{theirs_url}"' not in page
    everyone = client.get(URL).content.decode()
    assert f'href="{theirs_url}"' in everyone
    # The handler column names each row's handler.
    assert full_name(me) in everyone
    assert full_name(colleague) in everyone
