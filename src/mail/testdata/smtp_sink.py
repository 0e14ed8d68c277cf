#!/usr/bin/python3
"""A real SMTP server (Debian's python3-aiosmtpd) on loopback that stores every
message it accepts, for the integration tests (newsletter, notification outbox, web).

  /usr/bin/python3 smtp_sink.py PORT DIR

PORT 0 lets the kernel choose a free port while the listening socket is
already bound, so no other process can take it in between; the chosen port is
printed after READY.

Each accepted message becomes DIR/NNNNNN.eml (written to a temporary name and
renamed, so a file is whole or absent), prefixed with one line
"X-Sink-Rcpt: <recipients>". The file is stored before the server answers 250,
so a client killed in between has delivered a message it does not know about
(the in-flight case of the crash-safety contract). Recipients whose local part
starts with "bounce" are refused with 550 (a hard bounce). Prints "READY PORT"
once listening; stops when stdin closes (the test exited or was killed).
"""
import itertools, os, socket, sys
from aiosmtpd.controller import Controller


class BoundController(Controller):
    """Listens on a socket bound before the server starts (PORT 0: the kernel's
    choice), so the port is never free between choosing and listening."""

    def __init__(self, handler, sock, **kwargs):
        self.sock = sock
        super().__init__(handler, hostname="127.0.0.1", port=sock.getsockname()[1], **kwargs)

    def _create_server(self):
        return self.loop.create_server(self._factory_invoker, sock=self.sock, ssl=self.ssl_context)


class Sink:
    def __init__(self, directory):
        self.directory = directory
        self.counter = itertools.count(1)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower().startswith("bounce"):
            return "550 5.1.1 <%s>: mailbox unavailable" % address
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        n = next(self.counter)
        path = os.path.join(self.directory, "%06d.eml" % n)
        content = envelope.original_content or envelope.content
        if isinstance(content, str):
            content = content.encode("utf-8", "surrogateescape")
        with open(path + ".tmp", "wb") as f:
            f.write(b"X-Sink-Rcpt: " + ",".join(envelope.rcpt_tos).encode() + b"\r\n" + content)
        os.rename(path + ".tmp", path)
        return "250 2.0.0 stored"


def main():
    port, directory = int(sys.argv[1]), sys.argv[2]
    os.makedirs(directory, exist_ok=True)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", port))
    sock.listen(128)
    controller = BoundController(Sink(directory), sock, decode_data=False)
    controller.start()
    print("READY %d" % controller.port, flush=True)
    try:
        sys.stdin.read()
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
