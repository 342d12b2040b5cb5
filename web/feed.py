"""The JDIHN feed at ``/api/jdihn`` (DOMAIN.md section 3; built in jdih/jdihn.py).

A bare JSON array, ``[]`` when nothing is published; ``?page=&limit=`` pages
it. A bad page or limit answers 400 with a JSON error in Indonesian.
"""
from __future__ import annotations

from bottle import Bottle, request

from jdih.jdihn import FeedError, feed, paging
from jdih.site import Site

from .common import json_response
from .published import base_url


def install(app: Bottle, site: Site) -> None:
    @app.get("/api/jdihn")
    def jdihn():
        try:
            page, limit = paging(request.query.get("page"), request.query.get("limit"))
        except FeedError as exc:
            return json_response({"error": str(exc)}, 400)
        resp = json_response(feed(site.store, base_url(site), page, limit))
        resp.set_header("Access-Control-Allow-Origin", "*")
        return resp
