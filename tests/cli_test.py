"""The real `verbinder` binary: exit codes, imports, export, and `serve`
(processes, HTTP, signals). With VERBINDER_TEST_BACKEND=postgres the server
tests use VERBINDER_TEST_PG_URL, and two server processes share one database.
"""
import http.cookiejar
import json
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
import unittest
import urllib.error
import urllib.request

BIN = os.environ["VERBINDER_BINARY"]
PG = os.environ.get("VERBINDER_TEST_BACKEND") == "postgres"


def run(*args, stdin=None):
    return subprocess.run([BIN, *args], capture_output=True, text=True, input=stdin, timeout=300)


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


class Dir(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="verbinder-cli-")
        self.db = os.path.join(self.dir, "data", "test.db")

    def tearDown(self):
        shutil.rmtree(self.dir, ignore_errors=True)

    def write(self, name, content, mode="w"):
        path = os.path.join(self.dir, name)
        with open(path, mode) as f:
            f.write(content)
        return path


class UsageTest(Dir):
    def test_help_lists_every_command_and_exits_0(self):
        r = run("--help")
        self.assertEqual(r.returncode, 0)
        for cmd in ["serve", "migrate", "demo", "generate", "import", "account", "settings", "export", "backup",
                    "restore", "suggest", "schedule", "seat", "events", "newsletter", "outbox", "analyze"]:
            # The name, then at least two spaces before its summary (the longest name too).
            self.assertRegex(r.stdout, rf"(?m)^  {cmd}  +\S")

    def test_bad_usage_exits_2_with_one_line(self):
        for args in [(), ("frobnicate",), ("serve", "--port", "99999"), ("generate",), ("import",),
                     ("import", "members"), ("import", "linkedin", "x.csv"), ("migrate", "--nope")]:
            r = run(*args)
            self.assertEqual(r.returncode, 2, f"{args}: {r.stderr}")
            if args:
                self.assertEqual(len(r.stderr.strip().splitlines()), 1, f"{args}: {r.stderr}")

    def test_every_command_parses_one_way_a_bad_flag_exits_2_naming_it(self):
        # One parser (CLI11, util/cli_parse.h) for every command and subcommand:
        # "verbinder <command>: ... --bogus ... (see --help)", one line, exit 2.
        for cmd in [("serve",), ("migrate",), ("demo",), ("generate", "--members", "1"), ("import", "members", "x.csv"),
                    ("account", "create", "--email", "x"), ("settings", "list"), ("export",),
                    ("backup", "--db", "x"), ("restore", "--from", "a", "--db", "b"), ("suggest", "x.json"),
                    ("schedule", "x.json"), ("seat", "x.json"), ("analyze",), ("events", "list"),
                    ("events", "schedule", "--round", "1"), ("newsletter", "articles", "list"), ("outbox", "list")]:
            r = run(*cmd, "--bogus")
            self.assertEqual(r.returncode, 2, f"{cmd}: {r.stderr}")
            lines = r.stderr.strip().splitlines()
            self.assertEqual(len(lines), 1, f"{cmd}: {r.stderr}")
            self.assertTrue(lines[0].startswith(f"verbinder {cmd[0]}"), lines[0])
            self.assertIn("--bogus", lines[0])
            self.assertIn("(see --help)", lines[0])

    def test_unreachable_database_exits_1(self):
        r = run("migrate", "--db", "postgresql://nobody@127.0.0.1:1/none?connect_timeout=2")
        self.assertEqual(r.returncode, 1)
        self.assertIn("cannot open database", r.stderr)
        r = run("migrate", "--db", self.dir)  # a directory
        self.assertEqual(r.returncode, 1)


class ImportExportTest(Dir):
    MEMBERS = ("name,email,organization,sector,languages,expertise_tags,challenges,hosts_visits\n"
               "Anja de Vries,anja@x.example,Thuiszorg West,care,nl;en,wijkzorg,Wachtlijsten,ja\n"
               "Pieter Bakker,pieter@x.example,TPO,industry,nl,lean;flow,,nee\n")

    def export(self):
        r = run("export", "--db", self.db)
        self.assertEqual(r.returncode, 0, r.stderr)
        return json.loads(r.stdout)

    def test_members_import_then_export(self):
        f = self.write("m.csv", self.MEMBERS)
        r = run("import", "members", f, "--db", self.db)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("imported 2 member(s)", r.stdout)
        data = self.export()
        self.assertEqual(sorted(m["email"] for m in data["members"]), ["anja@x.example", "pieter@x.example"])
        self.assertEqual(data["members"][0]["challenges"][0]["title"], "Wachtlijsten")
        out = os.path.join(self.dir, "export.json")
        self.assertEqual(run("export", "--db", self.db, "-o", out).returncode, 0)
        with open(out) as fh:
            self.assertEqual(len(json.load(fh)["members"]), 2)

    def test_bad_rows_reject_the_whole_file_unless_skip_bad(self):
        f = self.write("m.csv", self.MEMBERS + "Fout,geen-email,,care,,,,\nDubbel,anja@x.example,,care,,,,\n")
        r = run("import", "members", f, "--db", self.db)
        self.assertEqual(r.returncode, 1)
        self.assertIn("line 4: email: is not a valid e-mail address", r.stderr)
        self.assertIn("line 5: email: appears earlier in this file", r.stderr)
        self.assertEqual(self.export()["members"], [])  # nothing half-written
        r = run("import", "members", f, "--db", self.db, "--skip-bad")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("skipped 2 bad row(s)", r.stdout)
        self.assertEqual(len(self.export()["members"]), 2)
        # Importing the same people again: every row collides, nothing changes.
        r = run("import", "members", self.write("again.csv", self.MEMBERS), "--db", self.db)
        self.assertEqual(r.returncode, 1)
        self.assertIn("already exists", r.stderr)

    def test_malformed_files(self):
        cases = {
            "empty.csv": ("", "the file is empty"),
            "junk.csv": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
            "quote.csv": ("name,email\n\"Anja,anja@x.example\n", "unterminated quoted field"),
            "cols.csv": ("naam,email\nA,a@x.example\n", "missing required column 'name'"),
            "ragged.csv": ("name,email\nA,a@x.example,extra\n", "line 2"),
            "latin1.csv": ("name,email\nJos\xe9,j@x.example\n".encode("latin-1"), "not valid UTF-8"),
        }
        for name, (content, expect) in cases.items():
            f = self.write(name, content, "wb" if isinstance(content, bytes) else "w")
            r = run("import", "members", f, "--db", self.db)
            self.assertEqual(r.returncode, 1, name)
            self.assertIn(expect, r.stderr, name)
            self.assertEqual(len(r.stderr.strip().splitlines()), 1, f"{name}: {r.stderr}")
        r = run("import", "members", os.path.join(self.dir, "missing.csv"), "--db", self.db)
        self.assertEqual(r.returncode, 1)
        self.assertIn("no such file", r.stderr)

    def test_linkedin_export_becomes_online_ties(self):
        self.assertEqual(run("import", "members", self.write("m.csv", self.MEMBERS), "--db", self.db).returncode, 0)
        anja = next(m["id"] for m in self.export()["members"] if m["email"] == "anja@x.example")
        f = self.write("Connections.csv",
                       "Notes:\n\"When exporting your connection data, you may notice that some of the email addresses are missing.\"\n\n"
                       "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
                       "Pieter,Bakker,https://www.linkedin.com/in/pb,pieter@x.example,TPO,Lean,12 Mar 2024\n"
                       "Iemand,Anders,https://www.linkedin.com/in/ia,,X,Y,01 Jan 2025\n")
        r = run("import", "linkedin", f, "--member", str(anja), "--db", self.db)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("1 new online tie(s)", r.stdout)
        ledger = self.export()["interactions"]
        self.assertEqual([(i["kind"], i["source"]) for i in ledger], [("connected", "import:linkedin")])
        r = run("import", "linkedin", f, "--member", "999", "--db", self.db)
        self.assertEqual(r.returncode, 1)

    def test_demo_refuses_to_overwrite_without_replace(self):
        self.assertEqual(run("demo", "--db", self.db).returncode, 0)
        r = run("demo", "--db", self.db)
        self.assertEqual(r.returncode, 1)
        self.assertIn("--replace", r.stderr)
        data = self.export()
        self.assertGreaterEqual(len(data["members"]), 300)
        sectors = {m["sector"] for m in data["members"]}
        self.assertGreaterEqual(len(sectors), 5)
        self.assertEqual(run("demo", "--db", self.db, "--replace").returncode, 0)
        self.assertEqual(len(self.export()["members"]), len(data["members"]))

    def test_generate_is_deterministic_by_seed(self):
        a, b = os.path.join(self.dir, "a.db"), os.path.join(self.dir, "b.db")
        for db in (a, b):
            r = run("generate", "--members", "500", "--seed", "42", "--db", db)
            self.assertEqual(r.returncode, 0, r.stderr)
        ea, eb = (json.loads(run("export", "--db", db).stdout) for db in (a, b))
        strip = lambda d: [(m["name"], m["email"], m["sector"]) for m in d["members"]]
        self.assertEqual(strip(ea), strip(eb))
        self.assertEqual(len(ea["members"]), 500)
        kinds = {i["kind"] for i in ea["interactions"]}
        self.assertEqual(kinds, {"connected", "answered", "met_at_event", "meeting_held", "visit_held"})
        self.assertEqual(run("generate", "--members", "0", "--db", a).returncode, 2)


class ModuleCommandsTest(Dir):
    """`verbinder events|account|newsletter` on one database: each run builds the
    server's services once (cli/command_env.h) and borrows them."""

    def test_events_account_and_newsletter_commands_share_the_server_wiring(self):
        db = os.path.join(self.dir, "v.db")
        f = self.write("m.csv", "name,email,organization,sector,languages\n"
                                "Anja de Vries,anja@x.example,Thuiszorg West,care,nl;en\n")
        self.assertEqual(run("import", "members", f, "--db", db).returncode, 0)
        e = self.write("e.json", json.dumps({"title": "Borrel", "kind": "network_drinks", "starts_at": 1803996000,
                                             "ends_at": 1804003200, "capacity": 10}))
        r = run("events", "create", e, "--db", db)
        self.assertEqual(r.returncode, 0, r.stderr)
        event = str(json.loads(r.stdout)["id"])
        r = run("events", "register", "--event", event, "--member", "anja@x.example", "--db", db)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(json.loads(r.stdout)["status"], "registered")
        r = run("events", "register", "--event", event, "--member", "anja@x.example", "--db", db)
        self.assertEqual(r.returncode, 1)
        self.assertEqual(r.stderr, "verbinder events register: member_id: already registered for this event\n")
        r = run("events", "attendees", "--event", event, "--name", "Anja", "--db", db)
        self.assertEqual([a["status"] for a in json.loads(r.stdout)], ["registered"])
        r = run("account", "create", "--email", "anja@x.example", "--db", db, stdin="a long password 1\n")
        self.assertEqual(r.returncode, 0, r.stderr)
        r = run("account", "role", "--email", "anja@x.example", "--role", "organizer", "--db", db)
        self.assertEqual(r.stdout, "role of anja@x.example is now organizer\n")
        r = run("newsletter", "subscribe", "--email", "olga@fabriek.example", "--no-mail", "--db", db)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("pending; confirmation link: ", r.stdout)
        r = run("events", "tables", "--db", db)
        self.assertEqual((r.returncode, r.stderr), (2, "verbinder events tables: event: give either --event or --seating\n"))

    def test_events_schedule_passes_prints_the_pass_table_of_verbinder_schedule(self):
        db = os.path.join(self.dir, "v.db")
        f = self.write("m.csv", "name,email,organization,sector,languages,expertise_tags,challenges\n"
                                "Anja de Vries,anja@x.example,Thuiszorg West,care,nl,wijkzorg,Wachtlijsten groeien\n"
                                "Pieter Bakker,pieter@x.example,TPO,industry,en,lean;planning,\n"
                                "Carla Smit,carla@x.example,Bank,finance,en,risk,Planning van personeel\n")
        self.assertEqual(run("import", "members", f, "--db", db).returncode, 0)
        start = 1803996000
        e = self.write("e.json", json.dumps({"title": "Borrel", "kind": "network_drinks", "starts_at": start,
                                             "ends_at": start + 7200, "capacity": 10}))
        event = str(json.loads(run("events", "create", e, "--db", db).stdout)["id"])
        for who in ("anja", "pieter", "carla"):
            r = run("events", "register", "--event", event, "--member", f"{who}@x.example", "--db", db)
            self.assertEqual(r.returncode, 0, r.stderr)
        rf = self.write("round.json", json.dumps({"title": "Ronde", "tables": 2, "max_meetings": 2, "slots": [
            {"starts_at": start, "ends_at": start + 1800}, {"starts_at": start + 1800, "ends_at": start + 3600}]}))
        r = run("events", "round", "--event", event, rf, "--db", db)
        self.assertEqual(r.returncode, 0, r.stderr)
        round_id = str(json.loads(r.stdout)["id"])

        # The same table `verbinder schedule --passes` prints for a file instance.
        inst = self.write("i.json", json.dumps({"slots": ["s1"], "tables": 1, "max_meetings_per_person": 1,
                                                "attendees": [{"id": "a"}, {"id": "b"}],
                                                "pairs": [{"a": "a", "b": "b", "weight": 1}]}))
        ref = run("schedule", inst, "--passes")
        self.assertEqual(ref.returncode, 0, ref.stderr)
        ref_lines = ref.stderr.splitlines()
        for flag in ("--passes", "--timings"):
            r = run("events", "schedule", "--round", round_id, flag, "--db", db)
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertGreaterEqual(json.loads(r.stdout)["participants"], 3)  # stdout stays the JSON
            lines = r.stderr.splitlines()
            self.assertEqual(lines[0], "verbinder events schedule: passes")
            self.assertEqual(lines[1], ref_lines[1])  # header: pass, ran, seconds, objective_after, bound_after
            names = [line.split()[0] for line in lines[2:]]
            self.assertEqual(names, [line.split()[0] for line in ref_lines[2:]])  # same passes, same order
            self.assertEqual(names[-2:], ["verify", "total"])
            for line in lines[2:-1]:
                cols = line.split()
                self.assertEqual(len(cols), 5, line)
                self.assertIn(cols[1], ("yes", "no"))
                self.assertGreaterEqual(float(cols[2]), 0)
            # The objective after the last pass is the run's objective.
            verify = lines[-2].split()
            self.assertAlmostEqual(float(verify[3]), json.loads(r.stdout)["objective"], places=3)
        r = run("events", "schedule", "--round", round_id, "--db", db)
        self.assertEqual((r.returncode, r.stderr), (0, ""))
        # The printable table sheets name sectors by their stored label, as the server's page does.
        r = run("events", "tables", "--event", event, "--tables", "1", "--size", "4", "--html", "--db", db)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn('<span class="why">Zorg</span>', r.stdout)
        self.assertNotIn('<span class="why">care</span>', r.stdout)

    def test_newsletter_article_author_by_email(self):
        db = os.path.join(self.dir, "v.db")
        f = self.write("m.csv", "name,email,organization,sector,languages\n"
                                "Anja de Vries,anja@x.example,Thuiszorg West,care,nl\n"
                                "Pieter Bakker,pieter@x.example,TPO,industry,nl\n")
        self.assertEqual(run("import", "members", f, "--db", db).returncode, 0)
        self.assertEqual(run("account", "create", "--email", "anja@x.example", "--db", db,
                             stdin="a long password 1\n").returncode, 0)
        self.assertEqual(run("account", "role", "--email", "anja@x.example", "--role", "organizer",
                             "--db", db).returncode, 0)
        md = self.write("a.md", "# Lean\n\nTekst.\n")
        add = ("newsletter", "articles", "add", "--file", md, "--db", db, "--title")
        # Nobody has the address: a bad value on the command line (exit 2, one line), nothing written.
        r = run(*add, "Niemand", "--author-email", "niemand@x.example")
        self.assertEqual((r.returncode, r.stderr), (2, "verbinder newsletter articles add: --author-email: "
                                                       "no member has the e-mail address 'niemand@x.example'\n"))
        self.assertEqual(run("newsletter", "articles", "list", "--db", db).stdout, "")
        # An organizer (any case in the address) publishes at once; a member's article is a submission.
        r = run(*add, "Van Anja", "--author-email", "Anja@X.example", "--publish")
        self.assertEqual((r.returncode, r.stdout), (0, "article 1 (published): Van Anja\n"), r.stderr)
        r = run(*add, "Van Pieter", "--author-email", "pieter@x.example")
        self.assertEqual((r.returncode, r.stdout), (0, "article 2 (submitted): Van Pieter\n"), r.stderr)


class Session:
    """One browser: a cookie jar and the CSRF token."""

    def __init__(self):
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))
        self.csrf = None

    def call(self, method, url, body=None):
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(url, data=data, method=method)
        if data is not None:
            req.add_header("Content-Type", "application/json")
        if self.csrf:
            req.add_header("X-CSRF-Token", self.csrf)
        try:
            with self.opener.open(req, timeout=30) as r:
                return r.status, json.loads(r.read() or b"null")
        except urllib.error.HTTPError as e:
            return e.code, json.loads(e.read() or b"null")


class ServeTest(Dir):
    def db_url(self):
        return os.environ["VERBINDER_TEST_PG_URL"] if PG else self.db

    def start(self, port):
        p = subprocess.Popen([BIN, "serve", "--db", self.db_url(), "--port", str(port), "--threads", "2"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        deadline = time.time() + 30
        while time.time() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1) as r:
                    if r.status == 200:
                        return p
            except OSError:
                time.sleep(0.1)
        p.kill()
        self.fail("server did not start: " + p.stderr.read())

    def setUp(self):
        super().setUp()
        if PG:
            # A clean schema for this test.
            subprocess.run(["psql", os.environ["VERBINDER_TEST_PG_URL"], "-q", "-c",
                            "SET client_min_messages TO WARNING; DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;"],
                           check=True, capture_output=True)
        r = run("demo", "--db", self.db_url())
        self.assertEqual(r.returncode, 0, r.stderr)

    def test_two_servers_share_sessions_and_stop_on_sigterm(self):
        p1, p2 = free_port(), free_port()
        s1, s2 = self.start(p1), self.start(p2)
        try:
            browser = Session()
            status, body = browser.call("POST", f"http://127.0.0.1:{p1}/api/v1/auth/login",
                                        {"email": "leider@verbinder.demo", "password": "verbinder-demo"})
            self.assertEqual(status, 200, body)
            browser.csrf = body["csrf_token"]
            # The cookie was set for 127.0.0.1, so the same browser sends it to the second server.
            status, me = browser.call("GET", f"http://127.0.0.1:{p2}/api/v1/auth/me")
            self.assertEqual(status, 200, me)
            self.assertEqual(me["role"], "organizer")
            status, page = browser.call("GET", f"http://127.0.0.1:{p2}/api/v1/members?limit=5&sector=care")
            self.assertEqual(status, 200)
            self.assertEqual(len(page["items"]), 5)
            # Logging out on server 2 ends the session on server 1 too.
            self.assertEqual(browser.call("POST", f"http://127.0.0.1:{p2}/api/v1/auth/logout")[0], 204)
            self.assertEqual(browser.call("GET", f"http://127.0.0.1:{p1}/api/v1/auth/me")[0], 401)
        finally:
            for p in (s1, s2):
                p.send_signal(signal.SIGTERM)
        for p in (s1, s2):
            self.assertEqual(p.wait(timeout=30), 0)
            p.stdout.close()
            p.stderr.close()

    def test_the_demo_tells_one_story_on_every_page(self):
        # What the ledger says happened is what the pages that list it show: people who met at
        # an event came to it (the yield report checked them in), and the ledger's visits are on
        # the visits page, Pieter's to Anja's district team first of all.
        port = free_port()
        server = self.start(port)
        try:
            base = f"http://127.0.0.1:{port}/api/v1"
            def login(email):
                s = Session()
                status, body = s.call("POST", base + "/auth/login", {"email": email, "password": "verbinder-demo"})
                self.assertEqual(status, 200, body)
                s.csrf = body["csrf_token"]
                return s, body["member_id"]
            leader, _ = login("leider@verbinder.demo")
            status, events = leader.call("GET", base + "/events?limit=50")
            self.assertEqual(status, 200, events)
            now = time.time()
            past = [e for e in events["items"] if e["ends_at"] < now]
            self.assertGreaterEqual(len(past), 3, "the demo has a history of events")
            for e in past:
                status, report = leader.call("GET", base + f"/events/{e['id']}/report")
                self.assertEqual(status, 200, report)
                a = report["attendance"]
                self.assertGreater(a["registered"], 0, e["title"])
                self.assertLessEqual(a["no_shows"], a["registered"] // 5, f"{e['title']}: {a}")
                self.assertEqual(a["checked_in"] + a["no_shows"], a["registered"], e["title"])
            congress = next(e for e in past if e["title"] == "Congres Zorg & Industrie 2026")
            status, report = leader.call("GET", base + f"/events/{congress['id']}/report")
            self.assertEqual(report["attendance"]["checked_in"], report["attendance"]["registered"],
                             "everyone at last spring's congress met someone there")
            anja, anja_id = login("anja.kamphuis@noaberzorg.demo")
            status, visits = anja.call("GET", base + "/visits")
            self.assertEqual(status, 200, visits)
            held = [v for v in visits["items"] if v["status"] == "held"]
            story = [v for v in held if v["host"]["id"] == anja_id and v["visitor"]["name"] == "Pieter Lammerink"]
            self.assertEqual(len(story), 1, visits)
            self.assertIn("wachtlijst", story[0]["reason"])
            status, tie = anja.call("GET", base + f"/ties/{anja_id}/{story[0]['visitor']['id']}")
            self.assertEqual(status, 200, tie)
            self.assertTrue(tie["real"])
        finally:
            server.send_signal(signal.SIGTERM)
            self.assertEqual(server.wait(timeout=30), 0)
            server.stdout.close()
            server.stderr.close()

    def test_two_servers_on_one_database_write_at_once_without_refusals(self):
        # Issue #16: several `serve` processes on one SQLite file (or PostgreSQL) are
        # supported: writes through both at the same time all succeed and none is lost.
        p1, p2 = free_port(), free_port()
        s1, s2 = self.start(p1), self.start(p2)
        try:
            users = [("leider@verbinder.demo", p1), ("admin@verbinder.demo", p2),
                     ("anja.kamphuis@noaberzorg.demo", p1), ("pieter.lammerink@tpo-almelo.demo", p2)]
            sessions = []
            for email, port in users:
                s = Session()
                status, body = s.call("POST", f"http://127.0.0.1:{port}/api/v1/auth/login",
                                      {"email": email, "password": "verbinder-demo"})
                self.assertEqual(status, 200, body)
                s.csrf = body["csrf_token"]
                sessions.append((s, port, body["member_id"]))
            bad, lock, n = [], threading.Lock(), 40
            def write(s, port, me):
                for k in range(n):
                    status, body = s.call("PATCH", f"http://127.0.0.1:{port}/api/v1/members/{me}", {"title": f"versie {k}"})
                    if status != 200:
                        with lock:
                            bad.append((status, body))
            threads = [threading.Thread(target=write, args=x) for x in sessions]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            self.assertEqual(bad, [])
            # The last write of each is what both servers show.
            for s, port, me in sessions:
                for other in (p1, p2):
                    status, m = s.call("GET", f"http://127.0.0.1:{other}/api/v1/members/{me}")
                    self.assertEqual((status, m["title"]), (200, f"versie {n - 1}"))
        finally:
            for p in (s1, s2):
                p.send_signal(signal.SIGTERM)
        for p in (s1, s2):
            self.assertEqual(p.wait(timeout=30), 0)
            p.stdout.close()
            p.stderr.close()

    def test_port_in_use_exits_1(self):
        port = free_port()
        s1 = self.start(port)
        try:
            r = subprocess.run([BIN, "serve", "--db", self.db_url(), "--port", str(port)], capture_output=True,
                               text=True, timeout=60)
            self.assertEqual(r.returncode, 1)
            self.assertIn("cannot listen", r.stderr)
        finally:
            s1.send_signal(signal.SIGTERM)
            s1.wait(timeout=30)
            s1.stdout.close()
            s1.stderr.close()


if __name__ == "__main__":
    unittest.main()
