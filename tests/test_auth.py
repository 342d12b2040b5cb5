"""Staff accounts: argon2 hashes, sessions in HttpOnly SameSite cookies, CSRF on
every change, throttled login, roles, admin user management, audit log."""
from __future__ import annotations

import io

import pytest
from bs4 import BeautifulSoup
from webtest import TestApp

from conftest import corpus_file, form_for, login
from indexer.pipeline import Indexer
from jdih import users
from jdih.audit import entries
from jdih.cli import main
from web.app import make_app

ADMIN_PW = "sandi-admin-yang-panjang"
STAF_PW = "sandi-staf-yang-panjang"


@pytest.fixture
def site(empty_site):
    users.add_user(empty_site.store, "admin", ADMIN_PW, "admin")
    users.add_user(empty_site.store, "siti", STAF_PW, "staf")
    Indexer(empty_site.store, empty_site.index).ingest_path(corpus_file("uu-2-2008-partai-politik.md"))
    return empty_site


@pytest.fixture
def app(site):
    return TestApp(make_app(site))


def test_passwords_are_argon2id_hashes(site):
    row = site.store.db.execute("SELECT password_hash FROM users WHERE name = 'siti'").fetchone()
    assert row[0].startswith("$argon2id$") and STAF_PW not in row[0]
    assert users.authenticate(site.store, "siti", STAF_PW).role == "staf"
    assert users.authenticate(site.store, "siti", "salah-sandi-nya") is None


@pytest.mark.parametrize("name, password, role, message", [
    ("ab", "sandi-panjang-sekali", "staf", "3-32"),
    ("budi", "pendek", "staf", "minimal 10"),
    ("budi", "sandi-panjang-sekali", "raja", "admin atau staf"),
    ("siti", "sandi-panjang-sekali", "staf", "sudah ada"),
])
def test_invalid_accounts_are_refused(site, name, password, role, message):
    with pytest.raises(users.UserError, match=message):
        users.add_user(site.store, name, password, role)


def test_login_sets_httponly_samesite_session_cookie(app):
    resp = login(app, "siti", STAF_PW)
    assert resp.status_int == 303
    cookie = next(v for k, v in resp.headerlist if k == "Set-Cookie" and v.startswith("jdih_sesi="))
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie.replace("Lax", "lax")
    page = BeautifulSoup(resp.follow().text, "html.parser")
    assert "siti" in page.select_one("span.pengguna").get_text()


def test_wrong_password_is_refused_in_indonesian(app):
    resp = login(app, "siti", "bukan-sandinya")
    assert resp.status_int == 401
    assert "Nama pengguna atau kata sandi salah" in resp.text


def test_login_is_throttled(app, site):
    for _ in range(users.MAX_FAILURES):
        assert login(app, "siti", "bukan-sandinya-juga").status_int == 401
    resp = login(app, "siti", STAF_PW)           # even the right password waits now
    assert resp.status_int == 429 and "Terlalu banyak percobaan" in resp.text
    assert users.locked_for(site.store, "nama:siti") > 0


def test_form_without_csrf_token_is_refused(app):
    resp = app.post("/masuk", {"nama": "siti", "sandi": STAF_PW}, status=403)
    assert "CSRF" in resp.text
    login(app, "admin", ADMIN_PW)
    resp = app.post("/admin/pengguna", {"nama": "budi", "sandi": "sandi-panjang-sekali", "peran": "staf"},
                    status=403)
    assert "CSRF" in resp.text
    resp = app.post("/admin/pengguna", {"nama": "budi", "sandi": "sandi-panjang-sekali", "peran": "staf",
                                        "csrf_token": "palsu" * 10}, status=403)


def test_every_state_changing_route_checks_csrf(app):
    login(app, "admin", ADMIN_PW)
    unsafe = [r for r in app.app.routes if r.method in ("POST", "PUT", "PATCH", "DELETE")]
    assert unsafe
    for route in unsafe:
        path = route.rule.replace("<user_id:int>", "1")
        path = path.split("<")[0] or "/"
        resp = app.request(path, method=route.method, status="*")
        assert resp.status_int == 403, (route.method, route.rule, resp.status)


def test_staff_pages_need_login_and_the_right_role(app):
    resp = app.get("/admin/pengguna")
    assert resp.status_int == 303 and "/masuk?lanjut=/admin/pengguna" in resp.headers["Location"]
    login(app, "siti", STAF_PW)
    assert app.get("/admin/pengguna", status=403)


def test_admin_manages_users_in_the_browser(app, site):
    login(app, "admin", ADMIN_PW)
    form = form_for(app.get("/admin/pengguna"), "/admin/pengguna")
    form["nama"], form["sandi"], form["peran"] = "budi", "sandi-budi-panjang", "staf"
    resp = form.submit()
    assert "Pengguna budi ditambahkan" in resp.text
    budi = users.find_user(site.store, "budi")
    form = next(f for f in app.get("/admin/pengguna").forms.values() if f.action == f"/admin/pengguna/{budi.id}")
    form["aktif"] = "0"
    form.submit()
    assert users.find_user(site.store, "budi").active is False
    assert users.authenticate(site.store, "budi", "sandi-budi-panjang") is None
    actions = [(e["actor"], e["action"], e["target"]) for e in entries(site.store)]
    assert ("admin", "pengguna-tambah", "pengguna:budi") in actions
    assert ("admin", "pengguna-ubah", "pengguna:budi") in actions


def test_last_admin_cannot_be_demoted(app, site):
    login(app, "admin", ADMIN_PW)
    me = users.find_user(site.store, "admin")
    form = next(f for f in app.get("/admin/pengguna").forms.values() if f.action == f"/admin/pengguna/{me.id}")
    form["peran"] = "staf"
    assert "Admin terakhir" in form.submit(status=400).text


def test_logout_ends_the_session(app, site):
    login(app, "siti", STAF_PW)
    page = app.get("/")
    form_for(page, "/keluar").submit()
    assert site.store.db.execute("SELECT count(*) FROM sessions").fetchone()[0] == 0
    assert "Masuk" in app.get("/").text


def test_audit_log_is_append_only(site):
    from jdih.audit import audit
    audit(site.store, "siti", "uji", "x")
    with pytest.raises(Exception, match="append-only"):
        site.store.db.execute("DELETE FROM audit_log")
    with pytest.raises(Exception, match="append-only"):
        site.store.db.execute("UPDATE audit_log SET actor = 'lain'")


def test_login_redirect_stays_on_this_site(app):
    form = form_for(app.get("/masuk?lanjut=//evil.example/x"), "/masuk")
    form["nama"], form["sandi"] = "siti", STAF_PW
    assert form.submit().headers["Location"].endswith("/")


def test_cli_user_add_reads_password_from_stdin(tmp_path, monkeypatch, capsys):
    data = str(tmp_path / "data")
    monkeypatch.setattr("sys.stdin", io.StringIO("sandi-dari-stdin-panjang\n"))
    assert main(["--data", data, "user", "add", "rina", "--role", "admin"]) == 0
    assert main(["--data", data, "user", "list"]) == 0
    assert "rina" in capsys.readouterr().out
    from conftest import open_site
    assert users.authenticate(open_site(tmp_path / "data").store, "rina", "sandi-dari-stdin-panjang").role == "admin"
