#!/usr/bin/env python3
"""Opening day: the load generator and the integrity check of `bench/surge.sh`.

    surge.py prepare --database URL --applicants N --rounds R --plan plan.json
        adds one 50-seat first-come intake per round to the Amazon Apprenticeship and picks,
        for each round, N distinct people who may apply (active, 90 days' tenure, an active
        manager, no application to Career Choice or the Apprenticeship yet): half apply to
        Career Choice (no intakes: tuition, with its cap and budget), half to that round's
        intake; and the 20 managers with the most of them to approve.
    surge.py run --base URL --plan plan.json --round I --clients C --out result.json
        signs everyone in first (and reads each one's form), then in one burst: every
        application at once from C concurrent clients, one page view (the catalog or "my
        applications") for every five applications, and the 20 managers opening and
        approving each application of theirs as soon as it is acknowledged; the cohort's
        then go to the program team's stage, where two administrators approve them while
        seats last (the rest are waitlisted).
    surge.py check --database URL --plan plan.json --results result.json...
        every acknowledged application exists exactly once and nothing else was written;
        no intake holds more than its seats; the reporting counters equal a recount from
        the rows; the outbox holds exactly the notices the inbox got (one e-mail each).

Every response is counted by kind and status; anything but the expected status is an
error. Needs aiohttp (pip install aiohttp) and, for PostgreSQL, psql.
"""

import argparse
import asyncio
import datetime
import json
import random
import re
import sqlite3
import subprocess
import sys
import time

APPRENTICESHIP = "amazon-apprenticeship"
CAREER_CHOICE = "career-choice"
MANAGERS = 20
# Synthetic administrators (the first three people) who decide the program team's stage.
PROGRAM_TEAM = ["e0@synthetic.example", "e1@synthetic.example"]
SEATS = 50
MOTIVATION = (
    "I want the skills for the next step in my career, and this program is the way there: "
    "my manager and I agreed on the time for it."
)
# ApplicationStatus::SEAT_RESERVING and SEAT_HOLDING (src/domain/enums.rs).
SEAT_RESERVING = ["approved", "completion_submitted", "completion_returned", "completed", "not_completed", "offered"]
SEAT_HOLDING = SEAT_RESERVING[:-1]


# ---------------------------------------------------------------------------- database


class Database:
    """Reads and writes a SQLite file (Python's sqlite3) or PostgreSQL (psql)."""

    def __init__(self, url):
        self.url = url
        self.postgres = url.startswith(("postgres://", "postgresql://"))

    def rows(self, sql):
        if self.postgres:
            done = subprocess.run(
                ["psql", "-X", "-q", "-At", "-F", "\t", "-v", "ON_ERROR_STOP=1", "-d", self.url, "-c", sql],
                capture_output=True, text=True, check=False,
            )
            if done.returncode != 0:
                sys.exit(f"psql failed: {done.stderr.strip()}\n{sql}")
            return [tuple(line.split("\t")) for line in done.stdout.splitlines() if line]
        path = self.url.removeprefix("sqlite://")
        with sqlite3.connect(path, timeout=30) as conn:
            return [tuple("" if v is None else str(v) for v in row) for row in conn.execute(sql)]

    def value(self, sql):
        return self.rows(sql)[0][0]

    def day_of(self, column):
        return f"date({column})" if not self.postgres else f"CAST({column} AS DATE)"

    def month_of(self, column):
        return f"strftime('%Y-%m', {column})" if not self.postgres else f"to_char({column}, 'YYYY-MM')"


def quoted(values):
    return ", ".join(f"'{v}'" for v in values)


# ---------------------------------------------------------------------------- prepare


def prepare(args):
    db = Database(args.database)
    today = datetime.date.today()
    programs = dict(db.rows(f"SELECT slug, id FROM programs WHERE slug IN ('{APPRENTICESHIP}', '{CAREER_CHOICE}')"))
    if len(programs) != 2:
        sys.exit("the database has no Career Choice or Amazon Apprenticeship: seed it first")
    # Intakes start on the first of a month at least 60 days away, one month apart.
    first = (today.replace(day=1) + datetime.timedelta(days=92)).replace(day=1)
    intakes = []
    for round_number in range(args.rounds):
        starts = (first + datetime.timedelta(days=31 * round_number)).replace(day=1)
        name = f"Opening day {round_number + 1}"
        db.rows(
            "INSERT INTO intakes (program_id, name, starts_on, seats, allocation, priority) "
            f"VALUES ({programs[APPRENTICESHIP]}, '{name}', '{starts}', {SEATS}, 'first_come', 'none')"
        )
        intake = db.value(
            f"SELECT id FROM intakes WHERE program_id = {programs[APPRENTICESHIP]} AND name = '{name}' "
            "ORDER BY id DESC LIMIT 1"
        )
        intakes.append(int(intake))
    tenure = today - datetime.timedelta(days=90)
    people = db.rows(
        "SELECT e.id, e.email, m.email FROM employees e JOIN employees m ON m.id = e.manager_id "
        f"WHERE e.active AND m.active AND e.hire_date <= '{tenure}' AND e.password_hash IS NOT NULL "
        "AND NOT EXISTS (SELECT 1 FROM applications a WHERE a.employee_id = e.id "
        f"AND a.program_id IN ({programs[APPRENTICESHIP]}, {programs[CAREER_CHOICE]})) ORDER BY e.id"
    )
    # Each round's 20 managers are those with the most people who may apply; their people
    # apply to the cohort (as many as half the round), so that they have queues to approve
    # and the intake fills. Everyone else is drawn at random.
    # The program team's deciders are no one's manager here: each decision is one person's.
    people = [p for p in people if p[2] not in PROGRAM_TEAM and p[1] not in PROGRAM_TEAM]
    wanted = args.applicants * args.rounds
    if len(people) < wanted:
        sys.exit(f"only {len(people)} people may apply; {wanted} are needed")
    reports = {}
    for person in people:
        reports.setdefault(person[2], []).append(person)
    busiest = sorted(reports, key=lambda m: (-len(reports[m]), m))
    rng = random.Random(2026)
    taken = set()
    rounds = []
    for round_number in range(args.rounds):
        managers = busiest[round_number * MANAGERS:(round_number + 1) * MANAGERS]
        half = args.applicants // 2
        cohort = [p for m in managers for p in reports[m] if p[0] not in taken][:half]
        taken.update(p[0] for p in cohort)
        others = rng.sample([p for p in people if p[0] not in taken], args.applicants - len(cohort))
        taken.update(p[0] for p in others)
        top_up = half - len(cohort)
        cohort += others[:top_up]
        applicants = [
            {"email": email, "manager": manager, "program": CAREER_CHOICE, "intake": None}
            for _, email, manager in others[top_up:]
        ] + [
            {"email": email, "manager": manager, "program": APPRENTICESHIP, "intake": intakes[round_number]}
            for _, email, manager in cohort
        ]
        rng.shuffle(applicants)
        rounds.append({"applicants": applicants, "managers": managers, "intake": intakes[round_number]})
    plan = {"today": str(today), "programs": programs, "rounds": rounds}
    with open(args.plan, "w") as out:
        json.dump(plan, out)
    print(f"plan: {args.rounds} round(s) of {args.applicants} applicants; intakes {intakes} with {SEATS} seats each")


# ---------------------------------------------------------------------------- run


CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
VERSION = re.compile(r'name="version" value="(\d+)"')
STATUS = re.compile(r'class="status" data-status="([a-z_]+)"')


class Person:
    def __init__(self, email):
        self.email = email
        self.cookies = {}
        self.token = None

    def header(self):
        return {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())} if self.cookies else {}

    def keep(self, response):
        for name, morsel in response.cookies.items():
            self.cookies[name] = morsel.value


class Tally:
    """Every request by kind: its status and how long it took."""

    def __init__(self):
        self.kinds = {}

    def add(self, kind, status, seconds):
        entry = self.kinds.setdefault(kind, {"statuses": {}, "latencies": []})
        entry["statuses"][str(status)] = entry["statuses"].get(str(status), 0) + 1
        entry["latencies"].append(seconds)

    def summary(self):
        out = {}
        for kind, entry in self.kinds.items():
            lat = sorted(entry["latencies"])
            pick = lambda q: round(lat[min(len(lat) - 1, int(q * len(lat)))] * 1000, 1)
            out[kind] = {"requests": len(lat), "statuses": entry["statuses"],
                         "p50_ms": pick(0.50), "p95_ms": pick(0.95), "p99_ms": pick(0.99)}
        return out


async def request(session, tally, kind, person, method, path, data=None, expect=200):
    """One request as `person`; returns (status, text, location); counts it under `kind`."""
    started = time.perf_counter()
    try:
        async with session.request(method, path, data=data, headers=person.header(), allow_redirects=False) as r:
            text = await r.text()
            person.keep(r)
            status, location = r.status, r.headers.get("Location", "")
    except (aiohttp.ClientError, asyncio.TimeoutError) as err:
        status, text, location = f"failed: {type(err).__name__}", "", ""
    tally.add(kind, status, time.perf_counter() - started)
    if status != expect:
        tally.errors.append(f"{kind} {method} {path} as {person.email}: {status} (expected {expect}) {text[:200]!r}")
    return status, text, location


async def sign_in(session, tally, person, password):
    _, page, _ = await request(session, tally, "sign-in", person, "GET", "/login")
    token = CSRF.search(page)
    if not token:
        return False
    form = {"csrf_token": token.group(1), "email": person.email, "password": password, "next": "/"}
    status, _, _ = await request(session, tally, "sign-in", person, "POST", "/login", form, expect=303)
    return status == 303


async def read_form(session, tally, person, path):
    _, page, _ = await request(session, tally, "form", person, "GET", path)
    token = CSRF.search(page)
    person.token = token.group(1) if token else None


def application_form(applicant, token, today):
    form = {"csrf_token": token, "motivation": MOTIVATION}
    if applicant["program"] == CAREER_CHOICE:
        form.update({
            "institution": "Bellevue College",
            "course_title": "Introduction to Cloud Computing",
            "term_starts_on": str(today + datetime.timedelta(days=30)),
            "amount": "100",
            "accept_terms": "yes",
        })
    else:
        form["intake_id"] = str(applicant["intake"])
    return form


async def in_parallel(limit, jobs):
    """Runs the coroutines of `jobs`, at most `limit` at a time."""
    queue = asyncio.Queue()
    for job in jobs:
        queue.put_nowait(job)

    async def worker():
        while not queue.empty():
            job = queue.get_nowait()
            await job()

    await asyncio.gather(*(worker() for _ in range(limit)))


async def run(args):
    plan = json.load(open(args.plan))
    today = datetime.date.fromisoformat(plan["today"])
    burst = plan["rounds"][args.round]
    applicants = burst["applicants"]
    people = {a["email"]: Person(a["email"]) for a in applicants}
    managers = {m: Person(m) for m in burst["managers"] + PROGRAM_TEAM}
    tally = Tally()
    tally.errors = []
    connector = aiohttp.TCPConnector(limit=max(args.clients, 64) + MANAGERS + 8, ssl=False)
    timeout = aiohttp.ClientTimeout(total=60)
    async with aiohttp.ClientSession(args.base, connector=connector, timeout=timeout,
                                     cookie_jar=aiohttp.DummyCookieJar()) as session:
        # Before the burst: everyone signs in and opens their form (its CSRF token).
        started = time.perf_counter()

        async def prepare_applicant(a):
            person = people[a["email"]]
            if await sign_in(session, tally, person, args.password):
                await read_form(session, tally, person, f"/programs/{a['program']}/apply")

        async def prepare_manager(person):
            if await sign_in(session, tally, person, args.password):
                await read_form(session, tally, person, "/approvals")

        jobs = [lambda a=a: prepare_applicant(a) for a in applicants]
        jobs += [lambda p=p: prepare_manager(p) for p in managers.values()]
        await in_parallel(16, jobs)
        signed_in = time.perf_counter() - started
        ready = [a for a in applicants if people[a["email"]].token]
        if len(ready) < len(applicants) or not all(m.token for m in managers.values()):
            print(f"only {len(ready)} of {len(applicants)} applicants signed in", file=sys.stderr)
        before = tally.summary()
        tally.kinds = {k: v for k, v in tally.kinds.items() if k not in ("sign-in", "form")}

        # The burst.
        acknowledged = []
        to_approve = {m: asyncio.Queue() for m in burst["managers"]}
        # The program team's stage of the cohort: one queue for both of its deciders.
        team_queue = asyncio.Queue()
        for m in PROGRAM_TEAM:
            to_approve[m] = team_queue
        managers_done = asyncio.Event()
        cohort = {a["email"] for a in applicants if a["program"] == APPRENTICESHIP}
        owner_of = {}
        applying_done = asyncio.Event()
        first_sent = time.perf_counter()
        last_ack = [first_sent]

        async def apply(a):
            person = people[a["email"]]
            form = application_form(a, person.token, today)
            status, _, location = await request(
                session, tally, "apply", person, "POST", f"/programs/{a['program']}/apply", form, expect=303)
            match = re.search(r"/applications/(\d+)", location)
            if status == 303 and match:
                acknowledged.append({"id": int(match.group(1)), "email": a["email"], "program": a["program"]})
                owner_of[int(match.group(1))] = a["email"]
                last_ack[0] = time.perf_counter()
                if a["manager"] in to_approve:
                    to_approve[a["manager"]].put_nowait(int(match.group(1)))

        async def view(person):
            path = random.choice(["/programs", "/applications"])
            await request(session, tally, "view", person, "GET", path)

        async def approving(email):
            person = managers[email]
            queue = to_approve[email]
            upstream_done = managers_done if email in PROGRAM_TEAM else applying_done
            while not (upstream_done.is_set() and queue.empty()):
                try:
                    application = await asyncio.wait_for(queue.get(), 0.2)
                except asyncio.TimeoutError:
                    continue
                _, page, _ = await request(session, tally, "view", person, "GET", f"/applications/{application}")
                version, token = VERSION.search(page), CSRF.search(page)
                if not (version and token):
                    status = STATUS.search(page)
                    tally.errors.append(f"no approval form on /applications/{application} for {email} "
                                        f"(status {status.group(1) if status else 'unknown'})")
                    continue
                form = {"csrf_token": token.group(1), "version": version.group(1), "comment": "",
                        "return_to": "/approvals", "exceed_budget": "yes"}
                status, _, _ = await request(session, tally, "approve", person, "POST",
                                             f"/applications/{application}/approve", form, expect=303)
                if status == 303 and email not in PROGRAM_TEAM and owner_of.get(application) in cohort:
                    team_queue.put_nowait(application)

        rng = random.Random(args.round)
        signed = [people[a["email"]] for a in ready]
        work = [lambda a=a: apply(a) for a in ready]
        work += [lambda p=rng.choice(signed): view(p) for _ in range(len(ready) // 5)]
        rng.shuffle(work)

        async def applying():
            await in_parallel(args.clients, work)
            applying_done.set()

        async def managing():
            await asyncio.gather(*(approving(m) for m in burst["managers"]))
            managers_done.set()

        await asyncio.gather(applying(), managing(), *(approving(m) for m in PROGRAM_TEAM))
        finished = time.perf_counter()

    burst_seconds = last_ack[0] - first_sent
    result = {
        "round": args.round,
        "clients": args.clients,
        "applicants": len(applicants),
        "signed_in": len(ready),
        "sign_in_seconds": round(signed_in, 1),
        "before_burst": before,
        "acknowledged": acknowledged,
        "burst_seconds": round(burst_seconds, 2),
        "with_approvals_seconds": round(finished - first_sent, 2),
        "applications_per_second": round(len(acknowledged) / burst_seconds, 1) if burst_seconds > 0 else 0,
        "requests": tally.summary(),
        "errors": tally.errors,
    }
    with open(args.out, "w") as out:
        json.dump(result, out)
    apply_stats = result["requests"].get("apply", {})
    print(f"signed in {len(ready)} applicants and {len(managers)} deciders in {signed_in:.1f} s")
    print(
        f"round {args.round + 1}, {args.clients} clients: {len(acknowledged)} of {len(applicants)} applications "
        f"acknowledged in {burst_seconds:.1f} s ({result['applications_per_second']}/s), apply p50/p95/p99 "
        f"{apply_stats.get('p50_ms')}/{apply_stats.get('p95_ms')}/{apply_stats.get('p99_ms')} ms; "
        f"{len(tally.errors)} errors"
    )
    for line in tally.errors[:10]:
        print("  ", line)
    return 1 if tally.errors else 0


# ---------------------------------------------------------------------------- check


def check(args):
    db = Database(args.database)
    plan = json.load(open(args.plan))
    problems = []
    acknowledged = []
    for path in args.results:
        acknowledged += json.load(open(path))["acknowledged"]
    ids = [a["id"] for a in acknowledged]
    applicants = [a["email"] for r in plan["rounds"] for a in r["applicants"]]
    program_ids = ", ".join(str(v) for v in plan["programs"].values())

    # Every acknowledged application exists once, as acknowledged; nothing else was written.
    if len(set(ids)) != len(ids):
        problems.append("an application id was acknowledged twice")
    stored = {}
    for chunk in range(0, len(ids), 1000):
        part = ", ".join(str(i) for i in ids[chunk:chunk + 1000])
        for row in db.rows(
            "SELECT a.id, e.email, p.slug FROM applications a JOIN employees e ON e.id = a.employee_id "
            f"JOIN programs p ON p.id = a.program_id WHERE a.id IN ({part})"
        ):
            stored[int(row[0])] = (row[1], row[2])
    for a in acknowledged:
        if stored.get(a["id"]) != (a["email"], a["program"]):
            problems.append(f"acknowledged application {a['id']} of {a['email']} is {stored.get(a['id'])}")
    written = 0
    for chunk in range(0, len(applicants), 1000):
        emails = quoted(applicants[chunk:chunk + 1000])
        written += int(db.value(
            "SELECT COUNT(*) FROM applications a JOIN employees e ON e.id = a.employee_id "
            f"WHERE e.email IN ({emails}) AND a.program_id IN ({program_ids})"
        ))
    if written != len(ids):
        problems.append(f"{written} applications were written for {len(ids)} acknowledged")

    # No intake holds more than its seats.
    over = db.rows(
        "SELECT i.id, i.seats, COUNT(a.id) FROM intakes i JOIN applications a ON a.intake_id = i.id "
        f"AND a.status IN ({quoted(SEAT_RESERVING)}) GROUP BY i.id, i.seats HAVING COUNT(a.id) > i.seats"
    )
    problems += [f"intake {i} holds {n} places for {s} seats" for i, s, n in over]
    seated = {}
    for r in plan["rounds"]:
        seated[r["intake"]] = db.value(
            f"SELECT COUNT(*) FROM applications WHERE intake_id = {r['intake']} AND status IN ({quoted(SEAT_HOLDING)})")

    # The counters kept by each change equal a recount from the rows.
    month = db.month_of("created_at")
    approved_on = db.day_of("approved_at")
    recounts = {
        "application_stats": (
            "SELECT program_id, site_type, month, status, applications, covered_cents FROM application_stats "
            "WHERE applications <> 0 OR covered_cents <> 0",
            f"SELECT program_id, site_type, {month}, status, COUNT(*), COALESCE(SUM(covered_cents), 0) "
            f"FROM applications GROUP BY program_id, site_type, {month}, status",
        ),
        "commitment_totals": (
            "SELECT program_id, approved_on, places, covered_cents FROM commitment_totals "
            "WHERE places <> 0 OR covered_cents <> 0",
            f"SELECT program_id, {approved_on}, COUNT(*), COALESCE(SUM(covered_cents), 0) FROM applications "
            f"WHERE status IN ({quoted(SEAT_HOLDING)}) AND approved_at IS NOT NULL "
            f"GROUP BY program_id, {approved_on}",
        ),
        "due_totals": (
            "SELECT program_id, approved_on, places, covered_cents, paid_cents FROM due_totals "
            "WHERE places <> 0 OR covered_cents <> 0 OR paid_cents <> 0",
            f"SELECT program_id, {approved_on}, COUNT(*), SUM(covered_cents), SUM(paid_cents) FROM applications "
            f"WHERE status IN ({quoted(SEAT_HOLDING)}) AND covered_cents > paid_cents AND approved_at IS NOT NULL "
            f"GROUP BY program_id, {approved_on}",
        ),
    }
    for table, (kept, recount) in recounts.items():
        kept_rows, recounted = sorted(db.rows(kept)), sorted(db.rows(recount))
        if kept_rows != recounted:
            differ = sorted(set(kept_rows) ^ set(recounted))[:5]
            problems.append(f"{table} differs from a recount of the rows, e.g. {differ}")

    # The outbox holds the notices the inbox got about these applications, once each.
    notices = {}
    for chunk in range(0, len(ids), 1000):
        part = ", ".join(str(i) for i in ids[chunk:chunk + 1000])
        for table in ("notifications", "outbox"):
            for employee, application, count in db.rows(
                f"SELECT employee_id, application_id, COUNT(*) FROM {table} WHERE application_id IN ({part}) "
                "GROUP BY employee_id, application_id"
            ):
                notices.setdefault((employee, application), {})[table] = int(count)
    mismatched = [k for k, v in notices.items() if v.get("notifications") != v.get("outbox")]
    if mismatched:
        problems.append(f"{len(mismatched)} notices differ between the inbox and the outbox, e.g. "
                        f"{[(k, notices[k]) for k in mismatched[:3]]}")
    unnoticed = len(set(ids) - {int(application) for _, application in notices})
    if unnoticed:
        problems.append(f"{unnoticed} acknowledged applications told nobody")

    print(f"integrity: {len(ids)} acknowledged applications, each stored once and nothing else written; "
          f"seats taken in the surge's intakes: {seated} of {SEATS} each; "
          f"{sum(v.get('outbox', 0) for v in notices.values())} e-mails queued for "
          f"{sum(v.get('notifications', 0) for v in notices.values())} notices")
    for problem in problems:
        print("  INTEGRITY:", problem)
    return 1 if problems else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    p = commands.add_parser("prepare")
    p.add_argument("--database", required=True)
    p.add_argument("--applicants", type=int, default=2000)
    p.add_argument("--rounds", type=int, default=1)
    p.add_argument("--plan", required=True)
    r = commands.add_parser("run")
    r.add_argument("--base", required=True)
    r.add_argument("--plan", required=True)
    r.add_argument("--round", type=int, default=0)
    r.add_argument("--clients", type=int, default=50)
    r.add_argument("--password", default="upskill-demo")
    r.add_argument("--out", required=True)
    c = commands.add_parser("check")
    c.add_argument("--database", required=True)
    c.add_argument("--plan", required=True)
    c.add_argument("--results", nargs="+", required=True)
    args = parser.parse_args()
    if args.command == "prepare":
        prepare(args)
    elif args.command == "run":
        return asyncio.run(run(args))
    else:
        return check(args)
    return 0


if __name__ == "__main__":
    try:
        import aiohttp  # noqa: F401  (imported here so that --help works without it)
    except ImportError:
        sys.exit("bench/surge.py needs aiohttp: pip install aiohttp")
    sys.exit(main())
