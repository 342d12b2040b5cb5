"""What every area of the web app shares: templates, JSON responses."""
from __future__ import annotations

import json
from pathlib import Path

import bottle
from bottle import HTTPResponse

from jdih.site import Site

HERE = Path(__file__).parent
TEMPLATES = [str(HERE / "templates")]
STATIC = HERE / "static"


def render(name: str, **kw) -> str:
    return bottle.template(name, template_lookup=TEMPLATES, **kw)


def page(site: Site, name: str, **kw) -> str:
    """A full HTML page; templates escape every {{value}}."""
    return render(name, site_name=site.settings.get("site_name", "JDIH"), q=kw.pop("q", ""), **kw)


def json_response(obj: object, status: int = 200) -> HTTPResponse:
    return HTTPResponse(json.dumps(obj, ensure_ascii=False), status=status,
                        headers={"Content-Type": "application/json; charset=utf-8"})
