"""What every area of the web app shares: templates, JSON responses, the
request's user and CSRF token (set by web.auth for each request)."""
from __future__ import annotations

import json
from pathlib import Path

import bottle
from bottle import HTTPResponse, request

from jdih.site import Site

HERE = Path(__file__).parent
TEMPLATES = [str(HERE / "templates")]
STATIC = HERE / "static"


def current_user() -> dict | None:
    """The logged-in staff member of this request: {"id", "name", "role"}, or None."""
    return request.environ.get("jdih.user")


def csrf_token() -> str:
    return request.environ.get("jdih.csrf", "")


def render(template: str, **kw) -> str:
    return bottle.template(template, template_lookup=TEMPLATES, **kw)


def page(site: Site, template: str, **kw) -> str:
    """A full HTML page; templates escape every {{value}}."""
    kw.setdefault("user", current_user())
    kw.setdefault("csrf", csrf_token())
    return render(template, site_name=site.settings.get("site_name", "JDIH"), q=kw.pop("q", ""), **kw)


def json_response(obj: object, status: int = 200) -> HTTPResponse:
    return HTTPResponse(json.dumps(obj, ensure_ascii=False), status=status,
                        headers={"Content-Type": "application/json; charset=utf-8"})
