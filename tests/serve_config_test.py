"""`verbinder serve --config FILE` and the secure-cookie rule (issue #19), with
the real binary: every option can come from the file, the command line wins,
a misspelt name is a usage error; a non-loopback --host needs --secure-cookies
(a TLS proxy in front) or an explicit --insecure.
"""
import os
import signal
import subprocess
import time
import unittest
import urllib.request

from cli_test import BIN, Dir, free_port, run


class ServeConfigTest(Dir):
    def serve(self, *args):
        return subprocess.Popen([BIN, "serve", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    def wait_healthy(self, p, port, host="127.0.0.1"):
        deadline = time.time() + 30
        while time.time() < deadline:
            if p.poll() is not None:
                self.fail(f"serve exited with {p.returncode}: {p.stderr.read()}")
            try:
                with urllib.request.urlopen(f"http://{host}:{port}/healthz", timeout=1) as r:
                    if r.status == 200:
                        return
            except OSError:
                time.sleep(0.1)
        self.fail("no /healthz")

    def stop(self, p):
        p.send_signal(signal.SIGTERM)
        self.assertEqual(p.wait(timeout=30), 0)
        p.stdout.close()
        p.stderr.close()

    def login_cookies(self, port):
        req = urllib.request.Request(f"http://127.0.0.1:{port}/api/v1/auth/login", method="POST",
                                     data=b'{"email": "leider@verbinder.demo", "password": "verbinder-demo"}',
                                     headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=30) as r:
            self.assertEqual(r.status, 200)
            return r.headers.get_all("Set-Cookie")

    def test_options_come_from_the_file_and_the_command_line_wins(self):
        self.assertEqual(run("demo", "--db", self.db).returncode, 0)
        file_port, cli_port = free_port(), free_port()
        conf = self.write("verbinder.conf", f'# a comment\ndb = "{self.db}"\nhost = "127.0.0.1"\nport = {file_port}\n'
                                            'secure-cookies = true\ntrusted-proxy = ["127.0.0.1/32", "::1/128"]\n'
                                            "threads = 2\n")
        # From the file: the database (the demo's logins work) and Secure cookies.
        p = self.serve("--config", conf)
        try:
            self.wait_healthy(p, file_port)
            cookies = self.login_cookies(file_port)
            self.assertTrue(cookies and all("; Secure" in c for c in cookies), cookies)
        finally:
            self.stop(p)
        # The command line wins: another port.
        p = self.serve("--config", conf, "--port", str(cli_port))
        try:
            self.wait_healthy(p, cli_port)
            with self.assertRaises(OSError):
                urllib.request.urlopen(f"http://127.0.0.1:{file_port}/healthz", timeout=1)
        finally:
            self.stop(p)

    def test_bad_config_files_are_usage_errors(self):
        bad = self.write("bad.conf", "prot = 8080\n")
        r = run("serve", "--config", bad, "--db", self.db)
        self.assertEqual(r.returncode, 2)
        self.assertIn("unknown option 'prot'", r.stderr)
        r = run("serve", "--config", os.path.join(self.dir, "missing.conf"), "--db", self.db)
        self.assertEqual(r.returncode, 2)
        bad_proxy = self.write("proxy.conf", 'trusted-proxy = ["10.0.0.0/33"]\n')
        r = run("serve", "--config", bad_proxy, "--db", self.db)
        self.assertEqual(r.returncode, 2)
        self.assertIn("10.0.0.0/33", r.stderr)
        self.assertFalse(os.path.exists(self.db))  # refused before touching the database

    def test_network_address_needs_secure_cookies_or_insecure(self):
        for host in ["0.0.0.0", "::", "192.0.2.10"]:
            r = run("serve", "--db", self.db, "--host", host, "--port", str(free_port()))
            self.assertEqual(r.returncode, 2, host)
            self.assertIn("--secure-cookies", r.stderr)
            self.assertIn("--insecure", r.stderr)
            self.assertEqual(len(r.stderr.strip().splitlines()), 1)
        self.assertFalse(os.path.exists(self.db))
        # Told so, it serves on every address; loopback names never need it.
        for host, args in (("127.0.0.1", ["--host", "0.0.0.0", "--insecure"]),
                           ("127.0.0.1", ["--host", "0.0.0.0", "--secure-cookies"]),
                           ("127.0.0.2", ["--host", "127.0.0.2"])):
            port = free_port()
            p = self.serve("--db", self.db, "--port", str(port), *args)
            try:
                self.wait_healthy(p, port, host)
            finally:
                self.stop(p)


if __name__ == "__main__":
    unittest.main()
