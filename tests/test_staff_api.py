"""The staff JSON API and pages through aiohttp's test server (the real create_app, the real
TrialStore on a throwaway copy of the shipped trials): login and refusals, the same search as
the CLI, clear 400s, and the OpenAPI document checked against real responses."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from typing import Any, Optional

import pytest
from aiohttp.test_utils import TestClient
from jsonschema import Draft202012Validator, RefResolver

from bot.config import REPO_ROOT
from bot.trials.query import TrialQuery
from bot.trials.store import TrialStore
from bot.web import auth
from bot.web.copytext import MAX_WORDS, copy_text, word_count
from bot.web.openapi import openapi_document
from bot.web.server import create_app
from bot.web.staff import LIMITER_KEY, safe_next
from bot.web.staff_api import SEARCH_PARAMS, detail_json
from tests.conftest import SHIPPED_COUNT
from tests.helpers.staff import (
    FAST_HASH,
    HOSTILE_ID,
    HOSTILE_TITLE,
    PASSWORD,
    TOKEN,
    USER,
    add_hostile_trial,
    run_app,
    staff_env,  # noqa: F401 - a fixture
)

BEARER = {"Authorization": f"Bearer {TOKEN}"}
STAFF_ENV = ("STAFF_TOKEN", "STAFF_USERS", "STAFF_SESSION_SECRET")


async def get_json(client: TestClient, path: str, headers: Optional[dict] = None, **params: Any) -> tuple[int, Any]:
    response = await client.get(path, params=params or None, headers=headers if headers is not None else BEARER)
    assert response.content_type == "application/json", (path, response.content_type)
    return response.status, await response.json()


# -- nothing open by default --------------------------------------------------------------------
def test_nothing_is_open_when_staff_access_is_not_set_up(
    database_url_env: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in STAFF_ENV:
        monkeypatch.delenv(name, raising=False)

    async def scenario(client: TestClient) -> None:
        for path in (
            "/staff",
            "/staff/login",
            "/staff/trials/NCT07273409",
            "/api/trials",
            "/api/trials/NCT07273409",
            "/api/openapi.json",
            "/api/anything",
        ):
            response = await client.get(path, headers=BEARER, allow_redirects=False)
            assert response.status == 503, path
            assert "Staff access is not set up" in await response.text(), path
        response = await client.post("/staff/login", data={"password": TOKEN}, allow_redirects=False)
        assert response.status == 503 and "Set-Cookie" not in response.headers
        assert (await client.get("/")).status == 200  # the chat page is not affected
        assert (await client.get("/health")).status == 200

    run_app(create_app(), scenario)


def test_a_short_token_or_a_malformed_user_is_ignored_not_trusted() -> None:
    settings = auth.StaffSettings.from_env({"STAFF_TOKEN": "short", "STAFF_USERS": "bob:plaintext,amy:,:x"})
    assert not settings.enabled
    assert len(settings.problems) == 4
    assert all("plaintext" not in p for p in settings.problems)  # a bad entry's value is never logged


# -- refusals -----------------------------------------------------------------------------------
def test_api_refuses_without_a_login_or_with_a_wrong_token(staff_env: str) -> None:
    async def scenario(client: TestClient) -> None:
        for headers in (
            {},
            {"Authorization": "Bearer wrong-token-0123456789"},
            {"Authorization": f"Basic {TOKEN}"},
            {"Authorization": TOKEN},
            {"Cookie": f"{auth.SESSION_COOKIE}=forged.value"},
        ):
            for path in ("/api/trials", "/api/trials/NCT07273409", "/api/openapi.json"):
                status, body = await get_json(client, path, headers=headers)
                assert status == 401, (path, headers)
                assert body["error"] == "unauthorised" and "Bearer" in body["message"]
        response = await client.get("/api/trials")
        assert response.headers["WWW-Authenticate"].startswith("Bearer")
        assert response.headers["Cache-Control"] == "no-store"

    run_app(create_app(), scenario)


def test_pages_without_a_login_redirect_to_the_login_page(staff_env: str) -> None:
    async def scenario(client: TestClient) -> None:
        response = await client.get("/staff/trials/NCT07273409?back=treatment%3Dx", allow_redirects=False)
        assert response.status == 303
        assert (
            response.headers["Location"] == "/staff/login?next=%2Fstaff%2Ftrials%2FNCT07273409%3Fback%3Dtreatment%253Dx"
        )
        login = await client.get(response.headers["Location"])
        text = await login.text()
        assert login.status == 200 and 'type="password"' in text and 'method="post"' in text
        assert 'value="/staff/trials/NCT07273409?back=treatment%3Dx"' in text
        # The security headers of the chat page apply here too.
        assert "script-src 'self'" in login.headers["Content-Security-Policy"]
        assert (await client.post("/staff/logout", allow_redirects=False)).status == 303
        assert (await client.get("/staff", allow_redirects=False)).status == 303

    run_app(create_app(), scenario)


def response_retry_after(response: Any) -> int:
    assert response.status == 429
    return int(response.headers["Retry-After"])


def test_repeated_failures_are_slowed_down(staff_env: str) -> None:
    app = create_app()
    app[LIMITER_KEY] = auth.FailureLimiter(limit=3)

    async def scenario(client: TestClient) -> None:
        bad = {"Authorization": "Bearer wrong-wrong-wrong-wrong"}
        for _ in range(2):
            assert (await get_json(client, "/api/trials", headers=bad))[0] == 401
        for _ in range(3):
            assert (await get_json(client, "/api/trials", headers=BEARER))[0] == 200  # a good token is no failure
        assert (await get_json(client, "/api/trials", headers=bad))[0] == 401
        status, body = await get_json(client, "/api/trials", headers=bad)
        assert status == 429 and body["error"] == "too_many_attempts"
        assert response_retry_after(await client.get("/api/trials", headers=bad)) > 0
        response = await client.post("/staff/login", data={"password": TOKEN}, allow_redirects=False)
        assert response.status == 303  # bad API tokens never lock staff out of signing in (issue 20)

    run_app(app, scenario)


# -- logging in -----------------------------------------------------------------------------------
def test_login_with_the_token_or_a_user_sets_a_strict_httponly_cookie(staff_env: str) -> None:
    async def scenario(client: TestClient) -> None:
        response = await client.post(
            "/staff/login", data={"password": "wrong", "next": "/staff"}, allow_redirects=False
        )
        assert response.status == 401 and "not right" in await response.text()
        assert "Set-Cookie" not in response.headers
        response = await client.post("/staff/login", data={"name": USER, "password": "wrong"}, allow_redirects=False)
        assert response.status == 401
        response = await client.post(
            "/staff/login", data={"name": "nobody", "password": PASSWORD}, allow_redirects=False
        )
        assert response.status == 401

        response = await client.post(
            "/staff/login",
            data={"name": USER, "password": PASSWORD, "next": "/staff?treatment=Lutathera"},
            allow_redirects=False,
        )
        assert response.status == 303 and response.headers["Location"] == "/staff?treatment=Lutathera"
        cookie = response.headers["Set-Cookie"]
        for part in ("HttpOnly", "SameSite=Strict", "Path=/", "Max-Age="):
            assert part in cookie, cookie
        page = await client.get("/staff?treatment=Lutathera")
        assert page.status == 200 and f"Signed in as {USER}" in await page.text()
        status, body = await get_json(
            client, "/api/trials", headers={}, treatment="Lutathera"
        )  # the cookie works for the API
        assert status == 200 and body["total"] > 0

        response = await client.post("/staff/logout", allow_redirects=False)
        assert response.status == 303 and response.headers["Location"] == "/staff/login"
        assert (await client.get("/staff", allow_redirects=False)).status == 303

        response = await client.post("/staff/login", data={"password": TOKEN}, allow_redirects=False)
        assert response.status == 303 and response.headers["Location"] == "/staff"
        assert "Signed in as staff token" in await (await client.get("/staff")).text()

    run_app(create_app(), scenario)


def test_login_from_another_site_is_refused(staff_env: str) -> None:
    async def scenario(client: TestClient) -> None:
        for headers in (
            {"Origin": "https://evil.example"},
            {"Sec-Fetch-Site": "cross-site"},
            {"Sec-Fetch-Site": "same-site", "Origin": "null"},
        ):
            response = await client.post(
                "/staff/login", data={"password": TOKEN}, headers=headers, allow_redirects=False
            )
            assert response.status == 403 and "Set-Cookie" not in response.headers
        for headers in (
            {"Origin": f"http://{client.host}:{client.port}"},
            {"Origin": "null", "Sec-Fetch-Site": "same-origin"},
        ):  # as Chromium sends it here
            response = await client.post(
                "/staff/login", data={"password": TOKEN}, allow_redirects=False, headers=headers
            )
            assert response.status == 303
        assert (await client.get("/staff/login", allow_redirects=False)).status == 303  # already signed in

    run_app(create_app(), scenario)


@pytest.mark.parametrize(
    "target, expected",
    [
        ("/staff?treatment=x", "/staff?treatment=x"),
        ("/staff/trials/NCT07273409", "/staff/trials/NCT07273409"),
        ("https://evil.example/staff", "/staff"),
        ("//evil.example/staff", "/staff"),
        ("/\\evil.example", "/staff"),
        ("/staffroom", "/staff"),
        ("/staff/login", "/staff"),
        ("/api/trials", "/staff"),
        ("/staff\r\nSet-Cookie: x=y", "/staff"),
        ("", "/staff"),
    ],
)
def test_after_login_only_a_staff_page_on_this_site(target: str, expected: str) -> None:
    assert safe_next(target) == expected


def test_session_cookies_cannot_be_forged_and_end(monkeypatch: pytest.MonkeyPatch) -> None:
    settings = auth.StaffSettings.from_env(
        {"STAFF_TOKEN": TOKEN, "STAFF_USERS": f"{USER}:{FAST_HASH}", "STAFF_SESSION_SECRET": "s" * 32}
    )
    cookie = auth.make_session(settings, USER, now=1000)
    assert auth.read_session(settings, cookie, now=1001) == USER
    assert auth.read_session(settings, cookie, now=1000 + auth.SESSION_SECONDS + 1) is None  # expired
    payload, signature = cookie.split(".")
    forged = auth._b64(json.dumps({"u": auth.TOKEN_USER, "exp": 10**10, "c": "x"}).encode())
    assert auth.read_session(settings, f"{forged}.{signature}", now=1001) is None
    assert auth.read_session(settings, cookie[:-2] + "AA", now=1001) is None
    other_secret = auth.StaffSettings(settings.token, settings.users, b"another secret entirely!!")
    assert auth.read_session(other_secret, cookie, now=1001) is None
    new_password = auth.StaffSettings(
        settings.token, {USER: auth.hash_password("new", auth.MIN_ITERATIONS)}, settings.session_secret
    )
    assert auth.read_session(new_password, cookie, now=1001) is None  # a changed password ends sessions
    token_cookie = auth.make_session(settings, auth.TOKEN_USER, now=1000)
    new_token = auth.StaffSettings("another-token-0123456789", settings.users, settings.session_secret)
    assert auth.read_session(new_token, token_cookie, now=1001) is None


def test_hash_password_command_makes_a_hash_staff_users_accepts() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bot.web.auth", "hash-password", "--iterations", "1000"],
        input="correct horse battery\n",
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    encoded = result.stdout.strip()
    assert encoded.startswith("pbkdf2_sha256$1000$")
    settings = auth.StaffSettings.from_env({"STAFF_USERS": f"amy:{encoded}"})
    assert auth.check_login(settings, "amy", "correct horse battery") == "amy"
    assert auth.check_login(settings, "amy", "wrong horse battery") is None
    assert auth.check_login(settings, "", "correct horse battery") is None  # no token is set


# -- the search -----------------------------------------------------------------------------------
QUERIES = [
    {"treatment": "Lutathera"},
    {"treatment": "lutathera", "status": "all"},
    {"treatment": "everolimus", "status": "all", "limit": "3", "offset": "1"},
    {"condition": "insulinoma", "status": "closed"},
    {"country": "Sweden", "status": "all"},
    {"city": "Gothenburg"},
    {"text": "quality of life", "status": "all", "phase": "2"},
    {"age": "67", "sex": "female"},
    {"acronym": "netter 2", "status": "all"},
    {"acronym": "NETTER", "sponsor": "Novartis", "status": "all"},
    {"sponsor": "pfizer", "status": "closed"},
    {"site": "Erasme", "status": "all", "age_group": "adult"},
    {"age_group": "teen"},
    {"treatment": "zolbetuximab"},
    {},
]


def test_the_api_runs_exactly_the_store_search(staff_env: str, store: TrialStore) -> None:
    async def scenario(client: TestClient) -> None:
        for params in QUERIES:
            status, body = await get_json(client, "/api/trials", **params)
            assert status == 200, (params, body)
            query = TrialQuery(
                **{
                    k: int(v) if k in ("phase", "age", "limit", "offset") else v
                    for k, v in {"limit": "20", **params}.items()
                }
            )
            expected = store.search(query)
            assert body["total"] == expected.total, params
            assert [t["nct_id"] for t in body["trials"]] == [t.nct_id for t in expected.trials], params
            assert body["offset"] == expected.offset and body["has_more"] == expected.has_more

    run_app(create_app(), scenario)


def test_an_acronym_shows_every_status_unless_asked_and_unknown_names_are_explained(staff_env: str) -> None:
    async def scenario(client: TestClient) -> None:
        status, body = await get_json(client, "/api/trials", acronym="NETTER-2")
        assert status == 200 and [t["nct_id"] for t in body["trials"]] == ["NCT03972488"]
        status, body = await get_json(client, "/api/trials", acronym="NETTER-2", status="open")
        assert status == 200 and body["total"] == 0
        status, body = await get_json(client, "/api/trials", treatment="evero", status="all")
        assert body["unknown_terms"] == ["evero"] and body["suggestions"] == ["everolimus"]
        status, body = await get_json(client, "/api/trials", condition="insulinoma")
        assert body["specific_total"] == 0 and body["broader_ids"] == [t["nct_id"] for t in body["trials"]]
        assert body["broader_name"] == "neuroendocrine tumour"
        status, trial = await get_json(client, "/api/trials/NCT02246127")
        assert trial["other_ids"] == ["GETNE1206", "2013-000726-66"] and "Kantar Health" in trial["collaborators"]
        await client.post("/staff/login", data={"password": TOKEN})
        page = await (await client.get("/staff?acronym=netter+2&status=")).text()
        assert "NCT03972488" in page and 'id="f-age_group"' in page
        page = await (await client.get("/staff?treatment=zolbetuximab")).text()
        assert "I don&#x27;t know the name &#x27;zolbetuximab&#x27;." in page
        page = await (await client.get("/staff?condition=insulinoma")).text()
        assert "Found only because they take neuroendocrine tumour, not insulinoma itself: NCT" in page
        page = await (await client.get("/staff/trials/NCT02246127")).text()
        assert "Working with" in page and "GETNE1206" in page

    run_app(create_app(), scenario)


def test_the_api_finds_what_the_cli_finds(staff_env: str) -> None:
    cli = subprocess.run(
        [sys.executable, "-m", "bot", "trials", "search", "--treatment", "Lutathera", "--status", "all", "--json"],
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
        timeout=120,
    )
    assert cli.returncode == 0, cli.stderr
    cli_ids = [t["nct_id"] for t in json.loads(cli.stdout)]
    assert len(cli_ids) >= 5

    async def scenario(client: TestClient) -> list[str]:
        status, body = await get_json(client, "/api/trials", treatment="Lutathera", status="all")
        assert status == 200
        return [t["nct_id"] for t in body["trials"]]

    assert run_app(create_app(), scenario) == cli_ids


@pytest.mark.parametrize(
    "params, parameter, words",
    [
        ({"age": "abc"}, "age", "whole number"),
        ({"age": "200"}, "age", "from 0 to 120"),
        ({"age": "-1"}, "age", "from 0 to 120"),
        ({"phase": "5"}, "phase", "from 0 to 4"),
        ({"phase": "phase two"}, "phase", "whole number"),
        ({"limit": "0"}, "limit", "from 1 to 50"),
        ({"limit": "51"}, "limit", "from 1 to 50"),
        ({"offset": "-5"}, "offset", "from 0 to"),
        ({"status": "maybe"}, "status", "one of open, closed, all"),
        ({"sex": "other"}, "sex", "one of female, male"),
        ({"treatment": "x" * 201}, "treatment", "too long"),
        ({"treatmnet": "Lutathera"}, "treatmnet", "Unknown parameter"),
        ({"country": "UK\x00"}, "country", "control characters"),
        ({"age_group": "toddler"}, "age_group", "one of child, teen, adult, older_adult"),
        ({"acronym": "N" * 201}, "acronym", "too long"),
        ({"near": "Xyzton"}, "near", "I don't know where 'Xyzton' is"),
        ({"within_km": "50"}, "within_km", "needs near"),
        ({"near": "Bristol", "within_km": "0"}, "within_km", "from 1 to 2000"),
    ],
)
def test_bad_parameters_get_a_clear_400(staff_env: str, params: dict, parameter: str, words: str) -> None:
    async def scenario(client: TestClient) -> None:
        status, body = await get_json(client, "/api/trials", **params)
        assert status == 400
        assert body["error"] == "bad_parameter" and body["parameter"] == parameter
        assert words in body["message"] and "Traceback" not in body["message"]

    run_app(create_app(), scenario)


def test_near_a_place_gives_each_trials_nearest_site(staff_env: str) -> None:
    async def scenario(client: TestClient) -> None:
        status, body = await get_json(client, "/api/trials", near="Bristol", within_km="60", status="all")
        assert status == 200 and body["trials"][0]["nct_id"] == "NCT03972488"  # a site in Bristol itself
        sites = [t["nearest_site"] for t in body["trials"]]
        assert all(site and site["distance_km"] <= 60 for site in sites)
        for is_open in (True, False):  # open first, each nearest first
            group = [t["nearest_site"]["distance_km"] for t in body["trials"] if t["is_open"] is is_open]
            assert group == sorted(group)
        assert body["unplaced_total"] > 0 and "do not list where they run" in body["unplaced_words"]
        status, plain = await get_json(client, "/api/trials", status="all")
        assert all(t["nearest_site"] is None for t in plain["trials"]) and plain["unplaced_total"] == 0

    run_app(create_app(), scenario)


def test_a_repeated_parameter_is_refused(staff_env: str) -> None:
    async def scenario(client: TestClient) -> None:
        response = await client.get("/api/trials?status=open&status=closed", headers=BEARER)
        body = await response.json()
        assert response.status == 400 and "more than once" in body["message"]

    run_app(create_app(), scenario)


def test_server_errors_are_json_without_a_stack_trace(staff_env: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from sqlalchemy.exc import OperationalError

    def broken(self: TrialStore, query: TrialQuery) -> None:
        raise RuntimeError("secret internals")

    def database_down(self: TrialStore, nct_id: str) -> None:
        raise OperationalError("SELECT", {}, Exception("database is locked"))

    monkeypatch.setattr(TrialStore, "search", broken)
    monkeypatch.setattr(TrialStore, "get", database_down)

    async def scenario(client: TestClient) -> None:
        status, body = await get_json(client, "/api/trials")
        assert status == 500 and body["error"] == "internal"
        assert "secret" not in json.dumps(body) and "Traceback" not in json.dumps(body)
        status, body = await get_json(client, "/api/trials/NCT07273409")
        assert status == 503 and body["error"] == "unavailable" and "locked" not in body["message"]
        await client.post("/staff/login", data={"password": TOKEN})
        page = await client.get("/staff?treatment=x")
        text = await page.text()
        assert page.status == 500 and "Something went wrong" in text and "secret" not in text

    run_app(create_app(), scenario)


# -- one trial ------------------------------------------------------------------------------------
def test_a_trial_in_full(staff_env: str) -> None:
    async def scenario(client: TestClient) -> None:
        status, trial = await get_json(client, "/api/trials/nct07273409")  # lower case is fine
        assert status == 200 and trial["nct_id"] == "NCT07273409"
        eligibility = trial["eligibility"]
        assert eligibility["has_criteria"] and len(eligibility["inclusion"]) == 4 and eligibility["exclusion"]
        first = eligibility["inclusion"][0]
        assert first["original"].startswith("Pan- NET") and first["plain"] != first["original"]
        assert "Only the trial team can say who can take part" in eligibility["who_decides"]
        assert trial["questions"]["doctor"] and trial["questions"]["coordinator"]
        assert [s["city"] for s in trial["sites"]] == ["Gothenburg", "Lund"]
        assert trial["registry_url"] == "https://clinicaltrials.gov/study/NCT07273409"
        assert "Gothenburg, Sweden" in trial["copy_text"]

        status, body = await get_json(client, "/api/trials/NCT1234")
        assert status == 400 and "8 digits" in body["message"] and body["parameter"] == "nct_id"
        status, body = await get_json(client, "/api/trials/NCT99999999")
        assert (
            status == 404 and body["error"] == "not_found" and "clinicaltrials.gov/study/NCT99999999" in body["message"]
        )
        status, body = await get_json(client, "/api/no-such-thing")
        assert status == 404 and body["error"] == "not_found"
        response = await client.post("/api/trials", headers=BEARER)
        assert response.status == 405 and (await response.json())["error"] == "method_not_allowed"

    run_app(create_app(), scenario)


def test_the_copy_to_send_text_is_short_plain_and_never_says_eligible(store: TrialStore) -> None:
    page = store.search(TrialQuery(status="all", limit=200))
    assert page.total == len(page.trials) == SHIPPED_COUNT
    for summary in page.trials:
        trial = store.get(summary.nct_id)
        text = copy_text(trial)
        assert word_count(text) <= MAX_WORDS, (trial.nct_id, word_count(text))
        assert not re.search(r"eligib|qualif|<[a-z/!]", text, re.I), (trial.nct_id, text)
        assert trial.registry_url in text and trial.nct_id in text
        # who can confirm the status: an open status over a year old says it may have changed
        assert "trial team can tell you if" in text or "may have changed; the trial team or the registry" in text
        assert text.endswith("Your specialist team can help you decide if it is worth asking about.")
        assert "Only the trial team can say who can take part." in text


def test_record_text_is_escaped_on_every_page(staff_env: str, store: TrialStore) -> None:
    add_hostile_trial(store)

    async def scenario(client: TestClient) -> None:
        await client.post("/staff/login", data={"password": TOKEN})
        for path in (
            "/staff?text=Hostile&status=all",
            f"/staff/trials/{HOSTILE_ID}",
            "/staff?treatment=%3Cscript%3Ealert(9)%3C/script%3E",
        ):
            response = await client.get(path)
            text = await response.text()
            assert response.status == 200, path
            for needle in ("<script>alert", "<img src=x", "<svg", "<b>bold", "<i>Dr", "</textarea><script"):
                assert needle not in text, (path, needle)
        page = await (await client.get(f"/staff/trials/{HOSTILE_ID}")).text()
        assert "&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt; Hostile" in page
        assert "&lt;/textarea&gt;&lt;script&gt;alert(4)" in page
        assert 'href="mailto:' not in page  # an address that is not one is shown as text only
        assert 'href="tel:+442079460000"' in page
        status, trial = await get_json(client, f"/api/trials/{HOSTILE_ID}")
        assert status == 200 and trial["title"] == HOSTILE_TITLE  # the API gives the data as it is

    run_app(create_app(), scenario)


# -- the OpenAPI document -------------------------------------------------------------------------
def _resolver(document: dict) -> RefResolver:
    return RefResolver.from_schema(document)


def _check(document: dict, schema: dict, instance: Any) -> None:
    Draft202012Validator(schema, resolver=_resolver(document)).validate(instance)


def _response_schema(document: dict, path: str, status: int) -> dict:
    responses = document["paths"][path]["get"]["responses"]
    assert str(status) in responses, f"{path} answered {status}, which is not documented"
    return responses[str(status)]["content"]["application/json"]["schema"]


def test_the_openapi_document_is_well_formed() -> None:
    document = openapi_document()
    json.loads(json.dumps(document))  # plain JSON
    assert document["openapi"].startswith("3.1.") and document["info"]["title"] and document["info"]["version"]
    for name, schema in document["components"]["schemas"].items():
        Draft202012Validator.check_schema(schema)
    refs = re.findall(r'"\$ref": "([^"]+)"', json.dumps(document))
    assert refs
    resolver = _resolver(document)
    for ref in refs:
        resolver.resolve(ref)  # every reference leads somewhere
    schemes = document["components"]["securitySchemes"]
    for requirement in document["security"]:
        assert set(requirement) <= set(schemes)
    for path, item in document["paths"].items():
        for method, operation in item.items():
            assert operation["operationId"] and operation["responses"], (path, method)
            for param in operation.get("parameters", []):
                assert param["in"] in ("query", "path") and param["name"] and "schema" in param
                Draft202012Validator.check_schema(param["schema"])
                if param["in"] == "path":
                    assert param["required"] and "{" + param["name"] + "}" in path


def test_every_api_route_is_documented_and_answers_as_documented(staff_env: str) -> None:
    app = create_app()
    routes = {
        (r.resource.canonical, r.method)
        for r in app.router.routes()
        if r.resource is not None and r.resource.canonical.startswith("/api") and r.method != "HEAD"
    }

    async def scenario(client: TestClient) -> None:
        status, document = await get_json(client, "/api/openapi.json")
        assert status == 200 and document == json.loads(json.dumps(openapi_document()))
        documented = {(path, method.upper()) for path, item in document["paths"].items() for method in item}
        assert routes == documented

        # Every documented query parameter is accepted with a value its schema allows...
        operation = document["paths"]["/api/trials"]["get"]
        assert [p["name"] for p in operation["parameters"]] == [p.name for p in SEARCH_PARAMS]
        for param in operation["parameters"]:
            schema = param["schema"]
            good = (
                schema.get("example")
                or schema.get("enum", [None])[0]
                or schema.get("default")
                or schema.get("maximum")
                or "net"
            )
            needed = {"near": "Bristol"} if param["name"] == "within_km" else {}  # a distance from a place
            status, body = await get_json(client, "/api/trials", **{param["name"]: str(good)}, **needed)
            assert status == 200, (param["name"], body)
            _check(document, _response_schema(document, "/api/trials", 200), body)
            # ...and one outside it is refused as documented.
            bad = (
                "x" * 201
                if schema["type"] == "string" and "enum" not in schema
                else ("nonsense" if "enum" in schema else str(schema["maximum"] + 1))
            )
            status, body = await get_json(client, "/api/trials", **{param["name"]: bad}, **needed)
            assert status == 400 and body["parameter"] == param["name"], param["name"]
            _check(document, _response_schema(document, "/api/trials", 400), body)

        # Real responses of every documented status have the documented shape.
        for path, headers, expected in (
            ("/api/trials?treatment=Lutathera&status=all", BEARER, 200),
            ("/api/trials?limit=1&offset=200", BEARER, 200),
            ("/api/trials", {}, 401),
            ("/api/trials/NCT07273409", BEARER, 200),
            ("/api/trials/NCT04324502", BEARER, 200),  # a central contact, no sites
            ("/api/trials/NCT02651987", BEARER, 200),  # twelve sites
            ("/api/trials/NCT1", BEARER, 400),
            ("/api/trials/NCT99999999", BEARER, 404),
            ("/api/trials/NCT07273409", {}, 401),
            ("/api/openapi.json", {}, 401),
        ):
            response = await client.get(path, headers=headers)
            assert response.status == expected, path
            template = "/api/trials/{nct_id}" if path.startswith("/api/trials/") else path.split("?")[0]
            _check(document, _response_schema(document, template, expected), await response.json())

    run_app(app, scenario)


def test_every_shipped_trial_matches_the_documented_detail_schema(store: TrialStore) -> None:
    document = openapi_document()
    schema = {"$ref": "#/components/schemas/TrialDetail"}
    validator = Draft202012Validator(schema, resolver=_resolver(document))
    page = store.search(TrialQuery(status="all", limit=100))
    for summary in page.trials:
        validator.validate(detail_json(store.get(summary.nct_id)))
