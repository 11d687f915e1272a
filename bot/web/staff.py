"""The staff lookup, mounted on the web app by `setup_staff(app)` (bot.web.server.create_app):

    GET  /staff                    search form and results table
    GET  /staff/trials/{nct_id}    one trial, printable, with the copy-to-send text
    GET  /staff/login, POST /staff/login, POST /staff/logout
    GET  /api/trials               JSON search (documented in /api/openapi.json)
    GET  /api/trials/{nct_id}      JSON trial
    GET  /api/openapi.json         the OpenAPI 3.1 document

One middleware guards every path under /staff and /api: 503 when staff access is not set up
(nothing is open by default), a login redirect (pages) or 401 (API) without a valid login
(a cookie ended by signing out is not valid; failed sign-ins are throttled per account and
per address, bot/web/login_throttle.py; the address is the client's own behind our proxy,
bot/channels/address.py, so one address's failures slow no other staff member),
and errors turned into plain pages or JSON, never a stack trace. The search is TrialStore's,
exactly as the chat and the CLI use it, run off the event loop.
"""

from __future__ import annotations

import asyncio
import functools
import json
import logging
import math
import time
from typing import Any, Awaitable, Callable, Optional
from urllib.parse import parse_qsl, urlencode, urlsplit

from aiohttp import web
from sqlalchemy.exc import SQLAlchemyError

from bot.channels.address import client_address, trusted_proxies_from_env
from bot.trials.not_listed import not_listed
from bot.trials.store import TrialStore
from bot.web import staff_pages as pages
from bot.web.auth import (
    SESSION_COOKIE,
    SESSION_SECONDS,
    TOKEN_USER,
    FailureLimiter,
    StaffSettings,
    check_login,
    check_token,
    make_session,
    read_session,
)
from bot.web.ended_sessions import EndedSessions
from bot.web.login_throttle import LoginThrottle
from bot.web.openapi import openapi_document
from bot.web.staff_api import BadParameter, detail_json, page_json, parse_nct_id, parse_search

log = logging.getLogger(__name__)

NOT_SET_UP = "Staff access is not set up"
NOT_SET_UP_DETAIL = (
    "Staff access is not set up on this server. An administrator needs to set "
    "STAFF_TOKEN or STAFF_USERS (see the README)."
)
LOGIN_PATH = "/staff/login"
PUBLIC_PATHS = frozenset({LOGIN_PATH})
PAGE_SIZE = 20
USER_KEY = "staff_user"


class StoreHolder:
    """One TrialStore per app, made on first use (so the chat page never needs the database)."""

    def __init__(self, store: Optional[TrialStore] = None) -> None:
        self._store = store
        self._lock = asyncio.Lock()

    async def get(self) -> TrialStore:
        if self._store is None:
            async with self._lock:
                if self._store is None:
                    self._store = await _off_loop(TrialStore.from_url)
        return self._store

    def close(self) -> None:
        if self._store is not None:
            self._store.engine.dispose()


SETTINGS_KEY = web.AppKey("staff_settings", StaffSettings)
STORE_KEY = web.AppKey("staff_store", StoreHolder)
LIMITER_KEY = web.AppKey("staff_limiter", FailureLimiter)  # bad API tokens, per address
THROTTLE_KEY = web.AppKey("staff_login_throttle", LoginThrottle)
ENDED_KEY = web.AppKey("staff_ended_sessions", EndedSessions)


def setup_staff(
    app: web.Application, settings: Optional[StaffSettings] = None, store: Optional[TrialStore] = None
) -> None:
    settings = settings or StaffSettings.from_env()
    for problem in settings.problems:
        log.warning(problem)
    if not settings.enabled:
        log.info("%s: /staff and /api answer 503 until STAFF_TOKEN or STAFF_USERS is set.", NOT_SET_UP)
    app[SETTINGS_KEY] = settings
    app[STORE_KEY] = StoreHolder(store)
    app[LIMITER_KEY] = FailureLimiter()
    app[THROTTLE_KEY] = LoginThrottle()
    app[ENDED_KEY] = EndedSessions()
    app.middlewares.append(staff_guard)
    app.on_cleanup.append(_close_store)  # type: ignore[arg-type]  # aiosignal's Signal type is wrong for mypy
    router = app.router
    router.add_get("/staff", search_page)
    router.add_get("/staff/", to_search)
    router.add_get("/staff/trials/{nct_id}", trial_page)
    router.add_get(LOGIN_PATH, login_form)
    router.add_post(LOGIN_PATH, login)
    router.add_post("/staff/logout", logout)
    router.add_get("/api/trials", api_search)
    router.add_get("/api/trials/{nct_id}", api_trial)
    router.add_get("/api/openapi.json", api_openapi)


async def _close_store(app: web.Application) -> None:
    app[STORE_KEY].close()


async def _off_loop(function: Callable[..., Any], *args: Any) -> Any:
    return await asyncio.get_running_loop().run_in_executor(None, functools.partial(function, *args))


# -- the guard -------------------------------------------------------------------------------
def _area(path: str) -> Optional[str]:
    if path == "/api" or path.startswith("/api/"):
        return "api"
    if path == "/staff" or path.startswith("/staff/"):
        return "staff"
    return None


@web.middleware
async def staff_guard(
    request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
) -> web.StreamResponse:
    area = _area(request.path)
    if area is None:
        return await handler(request)
    settings = request.app[SETTINGS_KEY]
    response: web.StreamResponse
    if not settings.enabled:
        response = _error(area, 503, "not_set_up", NOT_SET_UP_DETAIL, title=NOT_SET_UP)
    elif request.path in PUBLIC_PATHS:
        response = await _handle(area, handler, request)
    else:
        user = await _authenticate(request, area)
        if isinstance(user, web.StreamResponse):
            response = user
        else:
            request[USER_KEY] = user
            response = await _handle(area, handler, request)
    response.headers["Cache-Control"] = "no-store"
    return response


def client_of(request: web.Request) -> str:
    """The address a request came from: the peer, or behind our proxy (loopback or
    TRUSTED_PROXIES) the address that proxy added to X-Forwarded-For."""
    return client_address(request.remote, request.headers.get("X-Forwarded-For"), trusted_proxies_from_env())


async def _authenticate(request: web.Request, area: str) -> Any:
    """The user, or the response that refuses the request."""
    settings, limiter = request.app[SETTINGS_KEY], request.app[LIMITER_KEY]
    client = client_of(request)
    authorization = request.headers.get("Authorization", "")
    if area == "api" and authorization:
        if limiter.blocked(client):
            refused = _error(area, 429, "too_many_attempts", "Too many bad tokens from this address. Try again later.")
            refused.headers["Retry-After"] = str(int(limiter.window))
            return refused
        scheme, _, token = authorization.partition(" ")
        if scheme.lower() == "bearer" and check_token(settings, token.strip()):
            return "staff token"
        limiter.failed(client)
        log.warning("Refused a bad API token from %s", client)
        return _unauthorised("The token is not right. Send Authorization: Bearer <STAFF_TOKEN>.")
    user = _signed_in_user(request)
    if user is not None:
        return user
    if area == "api":
        return _unauthorised("Log in first: send Authorization: Bearer <STAFF_TOKEN>, or sign in on /staff/login.")
    target = request.path_qs if request.method in ("GET", "HEAD") else "/staff"
    return _redirect(f"{LOGIN_PATH}?{urlencode({'next': target})}")


async def _handle(
    area: str, handler: Callable[[web.Request], Awaitable[web.StreamResponse]], request: web.Request
) -> web.StreamResponse:
    """Run the handler; whatever goes wrong becomes a plain page or a JSON error."""
    try:
        return await handler(request)
    except web.HTTPException as error:
        if error.status < 400:
            raise
        code = {404: "not_found", 405: "method_not_allowed", 413: "too_large"}.get(error.status, "bad_request")
        message = {404: "There is nothing at this address.", 405: f"{request.method} is not allowed here."}.get(
            error.status, error.reason
        )
        return _error(area, error.status, code, message, title=error.reason)
    except SQLAlchemyError:
        log.exception("The trial database failed on %s", request.path)
        return _error(
            area,
            503,
            "unavailable",
            "The trial database is not available just now. Try again "
            "soon; if it goes on, check DATABASE_URL and run `python -m bot trials init`.",
            title="Trial search is not available",
        )
    except Exception:  # never a stack trace to the client; the log has it
        log.exception("Staff request failed: %s %s", request.method, request.path)
        return _error(
            area,
            500,
            "internal",
            "Something went wrong on the server. It has been logged.",
            title="Something went wrong",
        )


# -- responses -------------------------------------------------------------------------------
def _html(body: str, status: int = 200) -> web.Response:
    return web.Response(text=body, status=status, content_type="text/html", charset="utf-8")


def _json(data: Any, status: int = 200) -> web.Response:
    return web.json_response(data, status=status, dumps=functools.partial(json.dumps, ensure_ascii=False))


def _redirect(location: str) -> web.Response:
    return web.Response(status=303, headers={"Location": location})


def _error(
    area: str, status: int, code: str, message: str, title: Optional[str] = None, parameter: Optional[str] = None
) -> web.Response:
    if area == "api":
        return _json({"error": code, "message": message, "parameter": parameter}, status)
    return _html(pages.message_page(title or "Sorry", message), status)


def _unauthorised(message: str) -> web.Response:
    response = _json({"error": "unauthorised", "message": message, "parameter": None}, 401)
    response.headers["WWW-Authenticate"] = 'Bearer realm="NET staff"'
    return response


# -- login -----------------------------------------------------------------------------------
def safe_next(value: Optional[str]) -> str:
    """Where to go after signing in: only a staff page on this site."""
    value = (value or "").strip()
    parts = urlsplit(value)
    if (
        parts.scheme
        or parts.netloc
        or "\\" in value
        or any(ord(c) < 32 for c in value)
        or not (parts.path == "/staff" or parts.path.startswith("/staff/"))
        or parts.path == LOGIN_PATH
    ):
        return "/staff"
    return value


def _same_origin(request: web.Request) -> bool:
    """A form post from another site is refused (on top of the SameSite=Strict cookie).

    Browsers send Sec-Fetch-Site; it is trusted first, because with the site's
    `Referrer-Policy: no-referrer` a same-site form post carries `Origin: null`. Without it,
    a real Origin must be this host."""
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site is not None:
        return fetch_site in ("same-origin", "none")
    origin = request.headers.get("Origin")
    if origin is None or origin == "null":  # an old browser; the Strict cookie is the defence
        return True
    return urlsplit(origin).netloc == request.host


def _signed_in_user(request: web.Request) -> Optional[str]:
    """The user of a genuine sign-in cookie that has not been ended by signing out."""
    cookie = request.cookies.get(SESSION_COOKIE)
    if not cookie or request.app[ENDED_KEY].ended(cookie):
        return None
    return read_session(request.app[SETTINGS_KEY], cookie)


async def login_form(request: web.Request) -> web.Response:
    settings = request.app[SETTINGS_KEY]
    next_path = safe_next(request.query.get("next"))
    if _signed_in_user(request):
        return _redirect(next_path)
    return _html(pages.login_page(next_path, with_names=bool(settings.users)))


def _wait_words(seconds: int) -> str:
    minutes = math.ceil(seconds / 60)
    if seconds < 60:
        return f"{seconds} second" + ("" if seconds == 1 else "s")
    return f"{minutes} minute" + ("" if minutes == 1 else "s")


def _too_many(next_path: str, with_names: bool, name: str, wait: int) -> web.Response:
    response = _html(
        pages.login_page(next_path, f"Too many failed attempts. Try again in {_wait_words(wait)}.", with_names, name),
        429,
    )
    response.headers["Retry-After"] = str(wait)
    return response


async def login(request: web.Request) -> web.Response:
    """Failures are counted per account and per address (bot/web/login_throttle.py): an
    account that keeps failing waits; an address that keeps failing is slowed, and a correct
    sign-in from it still gets in."""
    settings, throttle = request.app[SETTINGS_KEY], request.app[THROTTLE_KEY]
    if not _same_origin(request):
        return _html(pages.message_page("Sign-in refused", "This sign-in did not come from this site."), 403)
    form = await request.post()
    name, password = str(form.get("name", "")), str(form.get("password", ""))
    next_path = safe_next(str(form.get("next", "")))
    with_names = bool(settings.users)
    client = client_of(request)
    account = name if name.strip() else TOKEN_USER
    account_wait = throttle.account_wait(account)
    if account_wait:
        return _too_many(next_path, with_names, name, account_wait)
    address_wait = throttle.address_wait(client)
    if address_wait:
        await asyncio.sleep(throttle.slow_seconds)
    user = await _off_loop(check_login, settings, name, password) if password else None
    if user is None:
        throttle.failed(account, client)
        log.warning("Failed staff sign-in from %s (name given: %s)", client, bool(name.strip()))
        if address_wait:
            return _too_many(next_path, with_names, name, max(address_wait, throttle.address_wait(client)))
        what = "name or password" if with_names else "staff token"
        return _html(
            pages.login_page(next_path, f"That {what} is not right. Check it and try again.", with_names, name), 401
        )
    throttle.succeeded(account)
    log.info("Staff sign-in: %s", user)
    response = _redirect(next_path)
    response.set_cookie(
        SESSION_COOKIE,
        make_session(settings, user),
        max_age=SESSION_SECONDS,
        path="/",
        httponly=True,
        samesite="Strict",
        secure=_is_https(request),
    )
    return response


async def logout(request: web.Request) -> web.Response:
    if not _same_origin(request):
        return _html(pages.message_page("Sign-out refused", "This request did not come from this site."), 403)
    cookie = request.cookies.get(SESSION_COOKIE)
    if cookie and read_session(request.app[SETTINGS_KEY], cookie):
        request.app[ENDED_KEY].end(cookie, time.time() + SESSION_SECONDS)
    response = _redirect(LOGIN_PATH)
    response.del_cookie(SESSION_COOKIE, path="/")
    return response


def _is_https(request: web.Request) -> bool:
    return request.secure or request.headers.get("X-Forwarded-Proto", "").lower() == "https"


# -- pages -----------------------------------------------------------------------------------
async def to_search(request: web.Request) -> web.Response:
    return _redirect("/staff")


async def search_page(request: web.Request) -> web.Response:
    user = request[USER_KEY]
    values = {k: v for k, v in request.query.items()}
    if not request.query:
        return _html(pages.search_page(user, values))
    try:
        query = parse_search(request.query, list(request.query.keys()), default_limit=PAGE_SIZE)
    except BadParameter as error:
        return _html(pages.search_page(user, values, error=error), 400)
    store = await request.app[STORE_KEY].get()
    results = page_json(await _off_loop(store.search, query), query)
    return _html(pages.search_page(user, values, results, query))


async def trial_page(request: web.Request) -> web.Response:
    user = request[USER_KEY]
    raw = request.match_info["nct_id"]
    try:
        nct_id = parse_nct_id(raw)
    except BadParameter as error:
        return _html(pages.message_page("Not a trial number", error.message), 400)
    store = await request.app[STORE_KEY].get()
    trial = await _off_loop(store.get, nct_id)
    if trial is None:
        return _html(pages.message_page("Trial not found", not_listed([nct_id])), 404)
    view = await _off_loop(detail_json, trial)
    return _html(pages.trial_page(user, view, _back(request.query.get("back"))))


def _back(back: Optional[str]) -> Optional[str]:
    """The search to return to, rebuilt from its known parameters; None if it is not one."""
    if not back:
        return None
    pairs = parse_qsl(back, keep_blank_values=True)
    try:
        parse_search(dict(pairs), [k for k, _ in pairs])
    except BadParameter:
        return None
    return pages.search_query_string(dict(pairs)) or None


# -- API -------------------------------------------------------------------------------------
async def api_search(request: web.Request) -> web.Response:
    try:
        query = parse_search(request.query, list(request.query.keys()))
    except BadParameter as error:
        return _error("api", 400, "bad_parameter", error.message, parameter=error.parameter)
    store = await request.app[STORE_KEY].get()
    page = await _off_loop(store.search, query)
    return _json(page_json(page, query))


async def api_trial(request: web.Request) -> web.Response:
    try:
        nct_id = parse_nct_id(request.match_info["nct_id"])
    except BadParameter as error:
        return _error("api", 400, "bad_parameter", error.message, parameter="nct_id")
    store = await request.app[STORE_KEY].get()
    trial = await _off_loop(store.get, nct_id)
    if trial is None:
        return _error("api", 404, "not_found", not_listed([nct_id]), parameter="nct_id")
    return _json(await _off_loop(detail_json, trial))


async def api_openapi(request: web.Request) -> web.Response:
    return _json(openapi_document())
