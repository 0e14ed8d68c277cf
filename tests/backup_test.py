"""`verbinder backup` and `verbinder restore` (issue #19) with the real binary:
a backup taken while 8 clients write through the HTTP API of a running server
is one consistent snapshot; restored into a fresh file it equals the backup
table for table, row for row, and a server on it serves. With
VERBINDER_TEST_BACKEND=postgres: `backup` checks the connection and names pg_dump.
"""
import contextlib
import os
import re
import signal
import sqlite3
import subprocess
import threading
import time
import unittest
import urllib.request

from cli_test import BIN, Dir, Session, free_port, run

PG_URL = os.environ.get("VERBINDER_TEST_PG_URL", "")
PG = os.environ.get("VERBINDER_TEST_BACKEND") == "postgres"
WRITERS = 8
PASSWORD = "verbinder-demo"
# Four demo accounts, two clients (sessions) each.
ACCOUNTS = ["leider@verbinder.demo", "admin@verbinder.demo", "anja.kamphuis@noaberzorg.demo",
            "pieter.lammerink@tpo-almelo.demo"]


def connect(path):
    """A connection that is closed (not only committed) at the end of the with block."""
    return contextlib.closing(sqlite3.connect(path, isolation_level=None))


def tables(path):
    with connect(path) as c:
        return sorted(r[0] for r in c.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"))


def table_rows(path, table):
    """Every row of `table`, sorted, with SQLite's own types (1 and '1' differ)."""
    with connect(path) as c:
        cols = [r[1] for r in c.execute(f'PRAGMA table_info("{table}")')]
        sel = ", ".join(f'typeof("{x}"), "{x}"' for x in cols)
        return cols, sorted(c.execute(f'SELECT {sel} FROM "{table}"').fetchall(), key=repr)


def scalar(path, q, *args):
    with connect(path) as c:
        return c.execute(q, args).fetchone()[0]


@unittest.skipIf(PG, "SQLite backups")
class BackupWhileWritingTest(Dir):
    def start(self, db, port):
        p = subprocess.Popen([BIN, "serve", "--db", db, "--port", str(port), "--threads", "4"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
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

    def stop(self, p):
        p.send_signal(signal.SIGTERM)
        self.assertEqual(p.wait(timeout=60), 0)
        p.stderr.close()

    def login(self, port, email):
        s = Session()
        status, body = s.call("POST", f"http://127.0.0.1:{port}/api/v1/auth/login", {"email": email, "password": PASSWORD})
        self.assertEqual(status, 200, body)
        s.csrf = body["csrf_token"]
        return s, body["member_id"]

    def test_backup_during_8_writers_restores_row_for_row_and_serves(self):
        self.assertEqual(run("demo", "--db", self.db).returncode, 0)
        port = free_port()
        server = self.start(self.db, port)
        backup = os.path.join(self.dir, "backup.db")
        restored = os.path.join(self.dir, "restored", "verbinder.db")
        try:
            clients = [self.login(port, ACCOUNTS[i % len(ACCOUNTS)]) for i in range(WRITERS)]
            stop, bad, done = threading.Event(), [], [0] * WRITERS

            def write(i):
                s, me = clients[i]
                k = 0
                while not stop.is_set():
                    # One profile change: members, member_terms and member_changes in one transaction.
                    status, body = s.call("PATCH", f"http://127.0.0.1:{port}/api/v1/members/{me}",
                                          {"title": f"schrijver{i}x{k}"})
                    if status != 200:
                        bad.append((status, body))
                    done[i] += 1
                    k += 1

            threads = [threading.Thread(target=write, args=(i,)) for i in range(WRITERS)]
            for t in threads:
                t.start()
            # Let every writer get going, then take the backup while they write.
            while min(done) < 5:
                time.sleep(0.05)
            changes_before = scalar(self.db, "SELECT count(*) FROM member_changes")
            r = run("backup", "--db", self.db, "--out", backup)
            changes_during = sum(done)
            while sum(done) < changes_during + 5 * WRITERS:  # writes keep going after the backup too
                time.sleep(0.05)
            stop.set()
            for t in threads:
                t.join()
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertIn("integrity ok", r.stdout)
            self.assertEqual(bad, [])
            changes_after = scalar(self.db, "SELECT count(*) FROM member_changes")
        finally:
            self.stop(server)

        # The backup is one consistent snapshot taken in the middle of the writes.
        self.assertEqual(scalar(backup, "PRAGMA integrity_check"), "ok")
        with connect(backup) as c:
            self.assertEqual(c.execute("PRAGMA foreign_key_check").fetchall(), [])
            self.assertEqual(c.execute("PRAGMA journal_mode").fetchone()[0], "delete")  # one self-contained file
        changes_backup = scalar(backup, "SELECT count(*) FROM member_changes")
        self.assertLessEqual(changes_before, changes_backup)
        self.assertLess(changes_backup, changes_after)
        # Each writer's title and its search terms come from the same transaction:
        # the member's current title word is indexed and no older one is.
        with connect(backup) as c:
            for email in ACCOUNTS:
                mid, title = c.execute("SELECT id, title FROM members WHERE email = ?", (email,)).fetchone()
                terms = {t for (t,) in c.execute(
                    "SELECT term FROM member_terms WHERE member_id = ? AND term LIKE 'schrijver%'", (mid,))}
                self.assertEqual(terms, {title.lower()}, email)

        # Refuses to overwrite a backup, and a database that holds data.
        self.assertEqual(run("backup", "--db", self.db, "--out", backup).returncode, 1)
        r = run("restore", "--from", backup, "--db", restored)
        self.assertEqual(r.returncode, 0, r.stderr)
        r = run("restore", "--from", backup, "--db", self.db)
        self.assertEqual(r.returncode, 1)
        self.assertIn("--force", r.stderr)

        # Restored = backup, every table row for row.
        self.assertEqual(tables(restored), tables(backup))
        for t in tables(backup):
            self.assertEqual(table_rows(restored, t), table_rows(backup, t), t)
        self.assertEqual(scalar(restored, "PRAGMA integrity_check"), "ok")

        # The restored database opens and serves what the backup held.
        port = free_port()
        server = self.start(restored, port)
        try:
            s, me = self.login(port, "anja.kamphuis@noaberzorg.demo")
            status, m = s.call("GET", f"http://127.0.0.1:{port}/api/v1/members/{me}")
            self.assertEqual(status, 200)
            self.assertEqual(m["title"], scalar(backup, "SELECT title FROM members WHERE id = ?", me))
        finally:
            self.stop(server)

    def test_restore_checks_the_backup(self):
        not_db = self.write("notes.txt", "geen database\n")
        r = run("restore", "--from", not_db, "--db", os.path.join(self.dir, "a.db"))
        self.assertEqual(r.returncode, 1)
        self.assertIn("not a verbinder database", r.stderr)
        self.assertFalse(os.path.exists(os.path.join(self.dir, "a.db")))
        # A database from a newer verbinder is refused: this binary cannot know its schema.
        self.assertEqual(run("migrate", "--db", self.db).returncode, 0)
        newer = os.path.join(self.dir, "newer.db")
        self.assertEqual(run("backup", "--db", self.db, "--out", newer).returncode, 0)
        with connect(newer) as c:
            c.execute("INSERT INTO schema_migrations (version, name, applied_at) VALUES (9999, '9999_future', 0)")
        r = run("restore", "--from", newer, "--db", os.path.join(self.dir, "b.db"))
        self.assertEqual(r.returncode, 1)
        self.assertIn("newer than this verbinder", r.stderr)
        # A missing database is not created by backup.
        r = run("backup", "--db", os.path.join(self.dir, "missing.db"), "--out", os.path.join(self.dir, "m.db"))
        self.assertEqual(r.returncode, 1)
        self.assertFalse(os.path.exists(os.path.join(self.dir, "missing.db")))

    def test_restore_migrates_an_older_backup_forward(self):
        # An older release's backup: the newest migrations that only create tables
        # are undone in a backup of today's schema (their tables dropped, their
        # rows in schema_migrations deleted) — the schema as that release left it.
        self.assertEqual(run("demo", "--db", self.db).returncode, 0)
        old = os.path.join(self.dir, "old.db")
        self.assertEqual(run("backup", "--db", self.db, "--out", old).returncode, 0)
        mig_dir = os.path.join(os.path.dirname(__file__), "..", "src", "storage", "migrations")
        undone = []
        for name in sorted(os.listdir(mig_dir), reverse=True):
            with open(os.path.join(mig_dir, name)) as f:
                text = f.read()
            stmts = [x.strip() for x in re.sub(r"--[^\n]*", "", text).split(";") if x.strip()]
            if not stmts or not all(re.match(r"CREATE (UNIQUE )?(TABLE|INDEX)", x) for x in stmts):
                break
            undone.append((int(name[:4]), re.findall(r"CREATE TABLE (\w+)", text)))
        if not undone:
            self.skipTest("the newest migration changes existing tables")
        with connect(old) as c:
            for version, created in undone:
                for t in reversed(created):
                    c.execute(f'DROP TABLE "{t}"')
                c.execute("DELETE FROM schema_migrations WHERE version = ?", (version,))
        old_version = scalar(old, "SELECT max(version) FROM schema_migrations")
        newest = undone[0][0]
        restored = os.path.join(self.dir, "restored.db")
        r = run("restore", "--from", old, "--db", restored)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn(f"schema version {old_version} migrated to {newest}", r.stdout)
        self.assertEqual(scalar(restored, "SELECT max(version) FROM schema_migrations"), newest)
        self.assertEqual(tables(restored), tables(self.db))
        for t in ["members", "interactions", "registrations"]:
            self.assertEqual(table_rows(restored, t), table_rows(self.db, t), t)


@unittest.skipUnless(PG and PG_URL, "needs VERBINDER_TEST_BACKEND=postgres and VERBINDER_TEST_PG_URL")
class PostgresBackupTest(Dir):
    def test_backup_names_pg_dump_after_connecting(self):
        r = run("backup", "--db", PG_URL, "--out", os.path.join(self.dir, "x.dump"))
        self.assertEqual(r.returncode, 1)  # it wrote nothing: a cron job must see a failure
        self.assertIn("is reachable", r.stderr)
        self.assertIn("pg_dump --format=custom", r.stderr)
        unreachable = run("backup", "--db", "postgresql://nobody@127.0.0.1:1/none?connect_timeout=2")
        self.assertEqual(unreachable.returncode, 1)
        self.assertIn("cannot open database", unreachable.stderr)


if __name__ == "__main__":
    unittest.main()
