"""The web application: bottle, built by ``make_app(site)``; nothing at import time.

Each area installs its routes on the app: ``auth`` (staff sessions, CSRF,
login, user administration) first, then ``public`` (search, reader, clause
permalinks, downloads). Pages are Bahasa Indonesia and work without JavaScript.
"""
from __future__ import annotations

import bottle
from bottle import Bottle, response

from jdih.site import Site

from . import annotations, auth, public
from .common import STATIC, page


def make_app(site: Site) -> Bottle:
    app = Bottle()
    app.config["jdih.site"] = site

    @app.hook("after_request")
    def security_headers() -> None:
        response.set_header("X-Content-Type-Options", "nosniff")
        response.set_header("Referrer-Policy", "same-origin")
        response.set_header("X-Frame-Options", "DENY")
        response.set_header("Content-Security-Policy",
                            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                            "frame-ancestors 'none'")

    @app.get("/static/<path:path>")
    def static(path: str):
        return bottle.static_file(path, root=str(STATIC))

    auth.install(app, site)
    public.install(app, site)
    annotations.install(app, site)  # annotations, evaluation notes, staff search (issue 5)

    @app.error(404)
    def not_found(err):
        message = err.body if isinstance(err.body, str) and err.body else "Halaman tidak ditemukan."
        return page(site, "error.tpl", title="Tidak ditemukan", status=404, message=message)

    @app.error(500)
    def server_error(err):
        return page(site, "error.tpl", title="Kesalahan", status=500,
                    message="Terjadi kesalahan pada server. Silakan coba lagi atau hubungi admin.")

    return app
