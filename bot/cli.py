"""`python -m bot ...`: the helpline staff's lookup and the maintenance commands.

Exit status: 0 success, 1 when records were rejected or a trial was not found, 2 bad input.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from dataclasses import asdict
from typing import Optional, Sequence

from bot.conversations.cli import register as register_conversations
from bot.deploy.cli import register as register_prod
from bot.eligibility.cli import register as register_criteria
from bot.eligibility.fit_cli import register as register_fit
from bot.geo import DEFAULT_RADIUS_KM, distance_words, find_place, miles_to_km
from bot.progress import ProgressBar
from bot.trials.cli_trial import trial_named
from bot.trials.data_cli import register as register_data
from bot.trials.freshness import may_have_changed
from bot.trials.importer import Importer, count_studies
from bot.trials.nearby import near, unknown_place_words
from bot.trials.present import (
    detail_lines,
    phase_words,
    registry_summary,
    shorten,
    status_words,
    unknown_names,
    unplaced_words,
)
from bot.trials.query import AGE_GROUPS, Near, SearchPage, TrialQuery, TrialSummary, default_status
from bot.trials.store import TrialStore

PROGRESS_THRESHOLD = 300  # show a progress bar for imports larger than this


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "handler"):
        parser.print_help()
        return 2
    try:
        return args.handler(args)
    except BrokenPipeError:  # output piped into `head` and the like: not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        print("\nStopped. Batches already written are kept; nothing is half-written.", file=sys.stderr)
        return 130


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m bot",
        description="NET Trials Assistant: trial database and staff lookup. "
        "The database is DATABASE_URL, or var/trials.db by default.",
    )
    groups = parser.add_subparsers(title="commands")
    trials = groups.add_parser("trials", help="import, search and show trials").add_subparsers(title="trials commands")

    p = trials.add_parser("import", help="import ClinicalTrials.gov API v2 JSON files or folders")
    p.add_argument("paths", nargs="+", metavar="PATH", help="a .json file or a folder of them")
    p.add_argument("--batch-size", type=_positive, default=500, help="records per transaction")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.set_defaults(handler=cmd_import)

    p = trials.add_parser("init", help="create the database and load the shipped trials")
    p.add_argument("--if-missing", action="store_true", help="do nothing when trials are stored")
    p.set_defaults(handler=cmd_init)

    p = trials.add_parser(
        "search",
        help="search trials (open ones unless --status says)",
        description="Search the stored trials. Every option narrows the search; give as many as you like.",
    )
    p.add_argument("text", nargs="*", help="free text, e.g. 'quality of life'")
    p.add_argument("--treatment", help="drug or treatment: any name, brand or common misspelling")
    p.add_argument("--condition", help="e.g. 'pancreatic NET', insulinoma, NEC")
    p.add_argument(
        "--acronym",
        help="the trial's acronym or another id from its record, e.g. NETTER-2, "
        "'netter 2', GETNE1206; a start like NETTER finds NETTER-1, NETTER-2... "
        "Shows closed trials too unless --status says",
    )
    p.add_argument(
        "--sponsor",
        help="who runs or helps run it (lead sponsor or collaborator), by words of the name, e.g. Novartis, NCI",
    )
    p.add_argument("--site", help="a hospital or clinic taking part, by words of its name, e.g. Christie, 'Royal Free'")
    p.add_argument("--country")
    p.add_argument("--city")
    p.add_argument(
        "--status",
        choices=["open", "closed", "all"],
        help="open = recruiting or not yet recruiting (the default, except with --acronym: all)",
    )
    p.add_argument("--phase", type=_phase, help="1, 2, 3 or 4 (0 = early phase 1)")
    p.add_argument("--age", type=_age, help="age in years")
    p.add_argument(
        "--age-group",
        type=_age_group,
        metavar="GROUP",
        help="trials that take children (under 18), teenagers (13 to 17), adults (18 to 64) "
        "or older adults (65 and over): child, teen, adult or older-adult",
    )
    p.add_argument(
        "--near",
        metavar="PLACE",
        help="a town, city or region: trials with a site within "
        "--within of it, nearest first, e.g. Bristol, 'Denver, CO', 'the Midlands'",
    )
    p.add_argument(
        "--within",
        type=_distance,
        metavar="DISTANCE",
        default=None,
        help="with --near: how far, e.g. 50mi or 80km (a bare number is km; default 100km)",
    )
    p.add_argument("--sex", choices=["female", "male"])
    p.add_argument("--limit", type=_positive, default=20)
    p.add_argument("--offset", type=int, default=0, help=argparse.SUPPRESS)
    p.add_argument("--json", action="store_true", help="print JSON objects")
    p.set_defaults(handler=cmd_search)

    p = trials.add_parser("show", help="show one trial readably")
    p.add_argument("nct_id", metavar="NCT_ID")
    p.add_argument("--json", action="store_true", help="print the stored record as JSON")
    p.set_defaults(handler=cmd_show)

    p = trials.add_parser("reindex", help="re-tag trials after the lexicon changed")
    p.set_defaults(handler=cmd_reindex)

    _add_sync_parser(trials)
    register_data(trials)
    register_fit(trials)

    nlp = groups.add_parser("nlp", help="the spaCy pipeline Rasa uses").add_subparsers()
    p = nlp.add_parser("build", help="build the spaCy pipeline from the lexicon and database")
    p.add_argument("--force", action="store_true", help="rebuild even when up to date")
    p.set_defaults(handler=cmd_nlp_build)

    p = groups.add_parser("serve", help="serve the website chat page (and the staff page)")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=_positive, default=8080)
    p.set_defaults(handler=cmd_serve)

    report = groups.add_parser("report", help="reports for staff").add_subparsers()
    p = report.add_parser("gaps", help="the most frequent questions the assistant could not answer")
    p.add_argument("--limit", type=_positive, default=20)
    p.add_argument("--days", type=_positive, help="only the last N days")
    p.set_defaults(handler=cmd_report_gaps)

    register_criteria(groups)
    register_conversations(groups)
    register_prod(groups)

    model = groups.add_parser("model", help="the trained Rasa model").add_subparsers()
    p = model.add_parser("train", help="train the Rasa model if data, domain or config changed")
    p.set_defaults(handler=cmd_model_train)
    p = model.add_parser("path", help="print the path of the model for the current inputs")
    p.set_defaults(handler=cmd_model_path)
    return parser


def _add_sync_parser(trials: argparse._SubParsersAction) -> None:
    from bot.trials.ctgov_client import BACKOFF_ENV, BASE_URL_ENV, DEFAULT_BASE_URL
    from bot.trials.sync import DEFAULT_PAGE_SIZE, DEFAULT_QUERY, MAX_PAGE_SIZE

    p = trials.add_parser(
        "sync",
        help="fetch new and changed NET trials from ClinicalTrials.gov",
        description="Fetch the trials updated since the last completed sync (all of them the first "
        "time) page by page, each page in its own transaction. A failed run goes on from where it "
        "stopped the next time. Exit status: 0 done, 1 failed or records rejected, 2 bad options.",
    )
    p.add_argument("--base-url", help=f"API base URL (default ${BASE_URL_ENV} or {DEFAULT_BASE_URL})")
    p.add_argument(
        "--query", default=DEFAULT_QUERY, help=f"conditions to ask for (query.cond; default: {DEFAULT_QUERY!r})"
    )
    when = p.add_mutually_exclusive_group()
    when.add_argument("--since", type=_date, metavar="YYYY-MM-DD", help="records updated since this date")
    when.add_argument("--full", action="store_true", help="every record, not only those updated since the last sync")
    p.add_argument(
        "--page-size",
        type=_page_size(MAX_PAGE_SIZE),
        default=DEFAULT_PAGE_SIZE,
        help=f"records per page, 1 to {MAX_PAGE_SIZE} (default {DEFAULT_PAGE_SIZE})",
    )
    p.add_argument("--max-pages", type=_positive, help="stop after this many pages (the next run goes on)")
    p.add_argument("--restart", action="store_true", help="ignore the saved position of an unfinished sync")
    p.add_argument("--dry-run", action="store_true", help="report what would change; write nothing")
    p.add_argument("--attempts", type=_positive, default=5, help="tries per request before giving up (default 5)")
    p.add_argument(
        "--backoff", type=float, help=f"seconds before the first retry, doubled each time (default ${BACKOFF_ENV} or 1)"
    )
    p.add_argument("--timeout", type=float, default=60.0, help="seconds to wait for an answer (default 60)")
    p.add_argument("--show", type=_positive, default=20, help="NCT ids listed per kind of change (default 20)")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.set_defaults(handler=cmd_sync)


def _date(value: str) -> str:
    from bot.trials.sync import parse_since

    try:
        return parse_since(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _page_size(limit: int):
    def check(value: str) -> int:
        number = _positive(value)
        if number > limit:
            raise argparse.ArgumentTypeError(f"must be {limit} or less")
        return number

    return check


def _positive(value: str) -> int:
    number = _int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return number


def _phase(value: str) -> int:
    number = _int(value.lower().removeprefix("phase").strip())
    if not 0 <= number <= 4:
        raise argparse.ArgumentTypeError("phase must be 0 to 4")
    return number


def _distance(value: str) -> float:
    """ "50mi", "50 miles", "80km", "80" (km) -> km."""
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*(mi|miles?|km|kms|kilometres?|kilometers?)?\s*", value, re.I)
    if not match or float(match.group(1)) <= 0:
        raise argparse.ArgumentTypeError(f"not a distance like 50mi or 80km: {value!r}")
    amount = float(match.group(1))
    return miles_to_km(amount) if (match.group(2) or "").lower().startswith("mi") else amount


def _age(value: str) -> int:
    number = _int(value)
    if not 0 <= number <= 120:
        raise argparse.ArgumentTypeError("age must be between 0 and 120")
    return number


_AGE_GROUP_NAMES = {
    "children": "child",
    "kids": "child",
    "teens": "teen",
    "teenager": "teen",
    "teenagers": "teen",
    "adults": "adult",
    "older": "older_adult",
    "older_adults": "older_adult",
    "elderly": "older_adult",
}


def _age_group(value: str) -> str:
    word = "_".join(value.lower().replace("-", " ").split())
    group = _AGE_GROUP_NAMES.get(word, word)
    if group not in AGE_GROUPS:
        raise argparse.ArgumentTypeError(f"{value!r} is not an age group: use child, teen, adult or older-adult")
    return group


def _int(value: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {value!r}") from None


def _store() -> TrialStore:
    store = TrialStore.from_url()
    store.create_schema()
    return store


def cmd_import(args: argparse.Namespace) -> int:
    store = _store()
    total = count_studies(args.paths)
    bar = ProgressBar(total, "Importing") if total > PROGRESS_THRESHOLD else None
    report = Importer(store, batch_size=args.batch_size).import_paths(args.paths, progress=bar.advance if bar else None)
    if bar:
        bar.close()
    if args.json:
        print(json.dumps(report.as_dict(), indent=2))
    else:
        print(f"Import finished: {report.summary()}.")
        for rejection in report.rejected:
            print(f"  rejected: {rejection}")
    return 0 if report.ok else 1


def cmd_init(args: argparse.Namespace) -> int:
    from bot.config import SHIPPED_TRIALS_DIR

    store = _store()
    outdated = store.parser_outdated()
    if args.if_missing and store.count() > 0 and not outdated:
        if store.tags_outdated():
            print("The lexicon or the tagging rules changed: re-tagging the stored trials.")
            store.reindex()
            store.mark_lexicon_version()
        print(f"Trial database ready: {store.count()} trials.")
        return 0
    if outdated:
        print(
            "The importer reads more of each record now: loading the shipped trials again. "
            "Run `python -m bot trials sync --full` to do the same for trials synced from the registry."
        )
    report = Importer(store).import_paths([SHIPPED_TRIALS_DIR])
    if outdated and store.tags_outdated():
        store.reindex()
    store.mark_lexicon_version()
    store.mark_parser_version()
    print(f"Loaded the shipped trials: {report.summary()}.")
    for rejection in report.rejected:
        print(f"  rejected: {rejection}")
    return 0 if report.ok else 1


def cmd_search(args: argparse.Namespace) -> int:
    around: Optional[Near] = None
    if args.within is not None and not args.near:
        print("--within needs --near PLACE.", file=sys.stderr)
        return 2
    if args.near:
        place = find_place(args.near)
        if place is None:
            print(unknown_place_words(args.near), file=sys.stderr)
            return 2
        around = near(place, args.within if args.within is not None else DEFAULT_RADIUS_KM)
    query = TrialQuery(
        text=" ".join(args.text) or None,
        treatment=args.treatment,
        condition=args.condition,
        country=args.country,
        city=args.city,
        phase=args.phase,
        age=args.age,
        sex=args.sex,
        acronym=args.acronym,
        sponsor=args.sponsor,
        site=args.site,
        age_group=args.age_group,
        near=around,
        status=args.status or default_status(args.acronym),
        limit=args.limit,
        offset=max(0, args.offset),
    )
    page = _store().search(query)
    if args.json:
        print(json.dumps([_summary_json(t) for t in page.trials], indent=2, ensure_ascii=False))
    else:
        print(_table(page, around))
    return 0


def _summary_json(summary) -> dict:
    data = asdict(summary)
    data["phases"] = list(summary.phases)
    data["countries"] = list(summary.countries)
    data["cities"] = list(summary.cities)
    return data


def _status_cell(trial: TrialSummary) -> str:
    words = status_words(trial.status).split(":")[0]
    if not trial.status_as_of:
        return words + (" (date unknown, may have changed)" if trial.is_open else "")
    stale = may_have_changed(trial.status, trial.status_as_of)
    return f"{words} ({trial.status_as_of}{', may have changed' if stale else ''})"


def _table(page: SearchPage, around: Optional[Near] = None) -> str:
    if not page.trials:
        nothing = "No trials found. Try fewer filters, or --status all."
        return "\n".join(filter(None, [unknown_names(page), nothing, _unplaced_hint(page)]))
    rows = [("NCT ID", "TITLE", "STATUS", "PHASE", "COUNTRIES") + (("NEAREST SITE",) if around else ())]
    for t in page.trials:
        rows.append(
            (
                t.nct_id,
                shorten(t.title, 48),
                _status_cell(t),
                phase_words(t.phases) if t.phases else "-",
                shorten(", ".join(t.countries), 30) or "-",
            )
            + ((_nearest_cell(t, around),) if around else ())
        )
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip() for row in rows]
    shown = f"{page.offset + 1}-{page.offset + len(page.trials)}"
    lines.append(f"\n{page.total} trials found; showing {shown}.")
    if page.unknown_terms:
        lines.append(f"Not in our word list, searched as text: {', '.join(page.unknown_terms)}")
    if page.suggestions:
        lines.append(f"Known names like it: {', '.join(page.suggestions)}")
    if page.broader_ids:
        broader = page.broader_name or "a broader condition"
        lines.append(f"Only through {broader}, not the condition itself: {', '.join(page.broader_ids)}")
    return "\n".join(filter(None, [*lines, _unplaced_hint(page)]))


def _nearest_cell(trial: TrialSummary, around: Near) -> str:
    site = trial.nearest_site
    if site is None:
        return "-"
    where = shorten(", ".join(p for p in (site.facility, site.city) if p), 40)
    return f"{where} ({distance_words(site.distance_km, around.country)})"


def _unplaced_hint(page: SearchPage) -> Optional[str]:
    words = unplaced_words(page)
    return f"{words} Search without --country, --city and --near to see them." if words else None


def cmd_show(args: argparse.Namespace) -> int:
    trial, status = trial_named(args.nct_id)
    if trial is None:
        return status
    if args.json:
        data = asdict(trial)
        data["countries"] = list(trial.countries)
        data["registry_url"] = trial.registry_url
        print(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        print("\n".join(detail_lines(trial)))
        if trial.summary:
            print("\n" + registry_summary(trial))
        if trial.criteria:
            print("\nEligibility criteria (as written in the record):\n" + trial.criteria)
    return 0


def cmd_reindex(args: argparse.Namespace) -> int:
    store = _store()
    count = store.reindex()
    store.mark_lexicon_version()
    print(f"Re-tagged {count} trials ({store.tagging_version}).")
    return 0


def cmd_sync(args: argparse.Namespace) -> int:
    from bot.trials.ctgov_client import CtgovClient, RetryPolicy, default_backoff
    from bot.trials.sync import PageProgress, Sync, SyncOptions

    def notify(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    backoff = default_backoff() if args.backoff is None else max(0.0, args.backoff)
    client = CtgovClient(
        args.base_url, RetryPolicy(attempts=args.attempts, base_delay=backoff), timeout=args.timeout, notify=notify
    )
    options = SyncOptions(
        query=args.query,
        since=args.since,
        full=args.full,
        page_size=args.page_size,
        max_pages=args.max_pages,
        dry_run=args.dry_run,
        resume=not args.restart,
    )
    progress = PageProgress()
    report = Sync(_store(), client, options, on_page=progress).run()
    progress.close()
    if args.json:
        print(json.dumps(report.as_dict(args.show), indent=2))
    else:
        print("\n".join(report.lines(args.show)))
    if report.error:
        print(f"error: {report.error}", file=sys.stderr)
    return 0 if report.error is None and report.counts.ok else 1


def cmd_nlp_build(args: argparse.Namespace) -> int:
    from bot.nlp import build_pipeline_if_changed

    path, built = build_pipeline_if_changed(_store(), force=args.force)
    print(f"spaCy pipeline {'built' if built else 'up to date'}: {path}")
    return 0


def cmd_model_train(args: argparse.Namespace) -> int:
    from bot.modelcache import ensure_model

    try:
        print(f"Model ready: {ensure_model()}")
    except RuntimeError as error:
        print(str(error), file=sys.stderr)
        return 1
    return 0


def cmd_model_path(args: argparse.Namespace) -> int:
    from bot.modelcache import model_path

    print(model_path())
    return 0


def cmd_report_gaps(args: argparse.Namespace) -> int:
    from bot.gaps import GapLog
    from bot.trials.store import make_engine

    gaps = GapLog(make_engine()).most_frequent(limit=args.limit, days=args.days)
    if not gaps:
        print("No content gaps logged yet.")
        return 0
    print(f"{'COUNT':>5}  {'KIND':<9}  {'LAST SEEN':<16}  QUESTION (personal details removed)")
    for gap in gaps:
        print(f"{gap.count:>5}  {gap.kind:<9}  {gap.last_seen:%Y-%m-%d %H:%M}  {shorten(gap.text, 90)}")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from bot.web.server import serve

    print(
        f"Serving the chat page on http://{args.host}:{args.port}/ "
        f"and the staff page on http://{args.host}:{args.port}/staff",
        flush=True,
    )
    serve(args.host, args.port)
    return 0
