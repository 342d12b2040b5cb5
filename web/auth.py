"""Staff login: sessions in HttpOnly SameSite cookies, CSRF on every change,
throttled login, roles, and the admin's user management pages.

Every POST/PUT/PATCH/DELETE must carry the CSRF token (form field
``csrf_token`` or header ``X-CSRF-Token``): a logged-in user's token belongs
to the session; an anonymous visitor's (the login form) is a random value also
kept in an HttpOnly cookie (double submit).
"""
from __future__ import annotations

import functools
import hmac
import secrets
from urllib.parse import quote

import bottle
from bottle import Bottle, HTTPError, request, response

from jdih import users
from jdih.audit import audit, entries
from jdih.site import Site

from .common import csrf_token, current_user, json_response, page

SESSION_COOKIE = "jdih_sesi"
CSRF_COOKIE = "jdih_csrf"
UNSAFE = ("POST", "PUT", "PATCH", "DELETE")

__all__ = ["install", "login_required", "current_user", "csrf_token"]


def _is_api() -> bool:
    return request.path.startswith("/api/")


def _secure() -> bool:
    return request.urlparts.scheme == "https"


def login_required(role: str | None = None):
    """Route decorator: staff only (and only ``role`` when given)."""
    def wrap(fn):
        @functools.wraps(fn)
        def inner(*args, **kw):
            user = current_user()
            if user is None:
                if _is_api():
                    return json_response({"error": "Perlu masuk sebagai staf."}, 401)
                target = request.fullpath + (f"?{request.query_string}" if request.query_string else "")
                bottle.redirect(f"/masuk?lanjut={quote(target)}", 303)
            if role is not None and user["role"] != role:
                if _is_api():
                    return json_response({"error": "Anda tidak berwenang."}, 403)
                raise HTTPError(403, "Anda tidak berwenang membuka halaman ini.")
            return fn(*args, **kw)
        return inner
    return wrap


def _safe_next(target: str) -> str:
    """Only local paths: never redirect to another site after login."""
    if not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    return target


def install(app: Bottle, site: Site) -> None:
    store = site.store

    @app.hook("before_request")
    def load_session() -> None:
        env = request.environ
        env["jdih.user"] = None
        found = users.session_user(store, request.get_cookie(SESSION_COOKIE) or "")
        if found:
            env["jdih.user"], env["jdih.csrf"] = found[0].to_dict(), found[1]
        else:
            token = request.get_cookie(CSRF_COOKIE) or ""
            if len(token) < 32:
                token = secrets.token_urlsafe(32)
                env["jdih.new_csrf_cookie"] = token
            env["jdih.csrf"] = token
        if request.method in UNSAFE:
            sent = request.headers.get("X-CSRF-Token") or request.forms.get("csrf_token") or ""
            if not (sent and hmac.compare_digest(sent, env["jdih.csrf"])) or env.get("jdih.new_csrf_cookie"):
                if _is_api():
                    raise bottle.HTTPResponse(
                        '{"error": "Token keamanan (CSRF) tidak valid."}', 403,
                        headers={"Content-Type": "application/json; charset=utf-8"})
                raise HTTPError(403, "Permintaan ditolak: token keamanan (CSRF) tidak valid. "
                                     "Muat ulang halaman lalu coba lagi.")

    @app.hook("after_request")
    def session_headers() -> None:
        token = request.environ.get("jdih.new_csrf_cookie")
        if token:
            response.set_cookie(CSRF_COOKIE, token, httponly=True, samesite="strict", path="/",
                                secure=_secure())
        if request.environ.get("jdih.user") or request.path.startswith(("/masuk", "/admin")):
            response.set_header("Cache-Control", "no-store")

    @app.get("/masuk")
    def login_form():
        return page(site, "login.tpl", title="Masuk", error="", name="",
                    lanjut=_safe_next(request.query.get("lanjut", "/")))

    @app.post("/masuk")
    def login():
        name = (request.forms.getunicode("nama") or "").strip()
        password = request.forms.getunicode("sandi") or ""
        lanjut = _safe_next(request.forms.getunicode("lanjut") or "/")
        address = request.remote_addr or ""
        wait = users.locked_for(store, f"nama:{name.lower()}", f"alamat:{address}")
        if wait:
            minutes = max(1, round(wait / 60))
            response.status = 429
            return page(site, "login.tpl", title="Masuk", name=name, lanjut=lanjut,
                        error=f"Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam {minutes} menit.")
        user = users.authenticate(store, name, password, address)
        if user is None:
            audit(store, name or "-", "masuk-gagal", f"pengguna:{name}", {"alamat": address})
            response.status = 401
            return page(site, "login.tpl", title="Masuk", name=name, lanjut=lanjut,
                        error="Nama pengguna atau kata sandi salah.")
        token, _ = users.create_session(store, user)
        audit(store, user.name, "masuk", f"pengguna:{user.name}", {"alamat": address})
        response.set_cookie(SESSION_COOKIE, token, httponly=True, samesite="lax", path="/", secure=_secure())
        bottle.redirect(lanjut, 303)

    @app.post("/keluar")
    def logout():
        token = request.get_cookie(SESSION_COOKIE) or ""
        user = current_user()
        if token:
            users.end_session(store, token)
        if user:
            audit(store, user["name"], "keluar", f"pengguna:{user['name']}")
        response.delete_cookie(SESSION_COOKIE, path="/")
        bottle.redirect("/", 303)

    @app.get("/admin/pengguna")
    @login_required("admin")
    def user_list():
        return _users_page()

    def _users_page(error: str = "", message: str = ""):
        return page(site, "admin_users.tpl", title="Pengguna", users=users.list_users(store),
                    error=error, message=message, roles=users.ROLES)

    @app.post("/admin/pengguna")
    @login_required("admin")
    def user_add():
        f = request.forms
        try:
            new = users.add_user(store, f.getunicode("nama") or "", f.getunicode("sandi") or "",
                                 f.getunicode("peran") or "")
        except users.UserError as exc:
            response.status = 400
            return _users_page(error=str(exc))
        audit(store, current_user()["name"], "pengguna-tambah", f"pengguna:{new.name}", {"peran": new.role})
        return _users_page(message=f"Pengguna {new.name} ditambahkan.")

    @app.post("/admin/pengguna/<user_id:int>")
    @login_required("admin")
    def user_change(user_id: int):
        f = request.forms
        target = users.get_user(store, user_id)
        if target is None:
            raise HTTPError(404, "Pengguna tidak ditemukan.")
        role = f.getunicode("peran") or None
        active = {"1": True, "0": False}.get(f.get("aktif", ""))
        password = f.getunicode("sandi") or None
        me = current_user()
        demotes_last_admin = target.role == "admin" and (role == "staf" or active is False) \
            and users.admin_count(store) <= 1
        if demotes_last_admin:
            response.status = 400
            return _users_page(error="Admin terakhir tidak dapat diturunkan atau dinonaktifkan.")
        try:
            users.update_user(store, user_id, role=role, active=active, password=password)
        except users.UserError as exc:
            response.status = 400
            return _users_page(error=str(exc))
        detail = {k: v for k, v in (("peran", role), ("aktif", active)) if v is not None}
        if password:
            detail["sandi"] = "diganti"
        audit(store, me["name"], "pengguna-ubah", f"pengguna:{target.name}", detail)
        return _users_page(message=f"Pengguna {target.name} diperbarui.")

    @app.get("/admin/audit")
    @login_required("admin")
    def audit_log():
        return page(site, "admin_audit.tpl", title="Log Audit",
                    entries=entries(store, limit=500, target=request.query.getunicode("target") or None))
