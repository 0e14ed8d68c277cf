// The newsletter benchmark's SMTP side (bench/newsletter/run.sh):
//
//   smtp_bench sink PORT [DIR]   a fast SMTP sink on 127.0.0.1:PORT: a thread per
//                                connection, accepts every message (recipients whose
//                                local part starts with "bounce" get 550), counts
//                                messages and bytes, optionally stores each message
//                                as DIR/NNNNNNN.eml. Prints "READY"; on stdin EOF
//                                prints "messages N bytes B" and exits.
//   smtp_bench blast PORT N      sends N copies of a 12 KB newsletter-sized message
//                                through mail::CurlSmtpTransport (the transport the
//                                send job uses, one reused connection) and prints
//                                messages per second: the ceiling of sink + client
//                                without verbinder's database and composing.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <string>
#include <thread>

#include "mail/mime.h"
#include "mail/smtp.h"

namespace {

std::atomic<long long> g_messages{0}, g_bytes{0}, g_files{0};
std::string g_dir;

bool SendAll(int fd, const std::string& s) {
  size_t off = 0;
  while (off < s.size()) {
    ssize_t n = ::send(fd, s.data() + off, s.size() - off, MSG_NOSIGNAL);
    if (n <= 0) return false;
    off += static_cast<size_t>(n);
  }
  return true;
}

void Serve(int fd) {
  int one = 1;
  ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  if (!SendAll(fd, "220 sink ESMTP\r\n")) {
    ::close(fd);
    return;
  }
  std::string buf, data;
  bool in_data = false;
  char chunk[65536];
  for (;;) {
    ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
    if (n <= 0) break;
    buf.append(chunk, static_cast<size_t>(n));
    std::string out;
    size_t pos = 0;
    for (;;) {
      if (in_data) {
        size_t end = buf.find("\r\n.\r\n", pos > 2 ? pos - 2 : 0);
        if (end == std::string::npos) {
          // Keep the tail that might start the terminator.
          data.append(buf, pos, buf.size() - pos > 4 ? buf.size() - pos - 4 : 0);
          buf.erase(0, buf.size() - pos > 4 ? buf.size() - 4 : pos);
          pos = 0;
          break;
        }
        data.append(buf, pos, end + 2 - pos);
        pos = end + 5;
        in_data = false;
        g_bytes += static_cast<long long>(data.size());
        long long id = ++g_messages;
        if (!g_dir.empty()) {
          char name[32];
          std::snprintf(name, sizeof name, "/%07lld.eml", id);
          std::ofstream(g_dir + name, std::ios::binary) << data;
          ++g_files;
        }
        data.clear();
        out += "250 2.0.0 stored\r\n";
        continue;
      }
      size_t eol = buf.find("\r\n", pos);
      if (eol == std::string::npos) break;
      std::string line = buf.substr(pos, eol - pos);
      pos = eol + 2;
      std::string verb = line.substr(0, 4);
      for (auto& c : verb) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      if (verb == "EHLO")
        out += "250-sink\r\n250-8BITMIME\r\n250 SIZE 52428800\r\n";
      else if (verb == "HELO")
        out += "250 sink\r\n";
      else if (verb == "MAIL" || verb == "RSET" || verb == "NOOP")
        out += "250 OK\r\n";
      else if (verb == "RCPT") {
        auto lt = line.find('<');
        bool bounce = lt != std::string::npos && line.compare(lt + 1, 6, "bounce") == 0;
        out += bounce ? "550 5.1.1 mailbox unavailable\r\n" : "250 OK\r\n";
      } else if (verb == "DATA") {
        out += "354 go ahead\r\n";
        in_data = true;
      } else if (verb == "QUIT") {
        out += "221 bye\r\n";
        SendAll(fd, out);
        ::close(fd);
        return;
      } else {
        out += "502 5.5.2 not implemented\r\n";
      }
    }
    if (!in_data) buf.erase(0, pos);
    if (!out.empty() && !SendAll(fd, out)) break;
  }
  ::close(fd);
}

int RunSink(int port) {
  int s = ::socket(AF_INET, SOCK_STREAM, 0);
  int one = 1;
  ::setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  a.sin_port = htons(static_cast<uint16_t>(port));
  if (::bind(s, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0 || ::listen(s, 64) != 0) {
    std::perror("sink: bind/listen");
    return 1;
  }
  std::thread([s] {
    for (;;) {
      int c = ::accept(s, nullptr, nullptr);
      if (c < 0) return;
      std::thread(Serve, c).detach();
    }
  }).detach();
  std::cout << "READY" << std::endl;
  std::string line;
  while (std::getline(std::cin, line)) {
    if (line == "count") std::cout << g_messages.load() << std::endl;
  }
  std::cout << "messages " << g_messages.load() << " bytes " << g_bytes.load() << std::endl;
  std::_Exit(0);
}

int RunBlast(int port, int n) {
  using namespace verbinder::mail;
  MailMessage m;
  m.from = {"Netwerk", "nieuws@netwerk.example"};
  m.to = {"", "lezer@elders.example"};
  m.subject = "Nieuwsbrief \xE2\x80\x94 november 2026";
  for (int i = 0; i < 60; ++i) m.text += "Regel " + std::to_string(i) + " van de nieuwsbrief met wat tekst erin.\n";
  for (int i = 0; i < 60; ++i)
    m.html += "<p style=\"margin:0 0 12px;\">Alinea " + std::to_string(i) + " met tekst.</p>\n";
  m.message_id = "<bench@netwerk.example>";
  m.date = 1794740400;
  m.list_id = "<newsletter.netwerk.example>";
  m.unsubscribe_url = "https://netwerk.example/api/v1/newsletter/unsubscribe/u.1.x";
  auto raw = BuildMime(m);
  if (!raw) {
    std::cerr << raw.status().ToString() << "\n";
    return 1;
  }
  CurlSmtpTransport t({.url = "smtp://127.0.0.1:" + std::to_string(port), .starttls = StartTls::kOff});
  auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < n; ++i) {
    auto r = t.Send("nieuws@netwerk.example", "lezer" + std::to_string(i) + "@elders.example", *raw);
    if (r.outcome != Outcome::kSent) {
      std::cerr << "send failed: " << r.detail << "\n";
      return 1;
    }
  }
  double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("blast %d messages of %zu bytes in %.2f s = %.0f messages/s\n", n, raw->size(), s, n / s);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc >= 3 && std::string(argv[1]) == "sink") {
    if (argc >= 4) g_dir = argv[3];
    return RunSink(std::atoi(argv[2]));
  }
  if (argc >= 4 && std::string(argv[1]) == "blast") return RunBlast(std::atoi(argv[2]), std::atoi(argv[3]));
  std::cerr << "usage: smtp_bench sink PORT [DIR] | smtp_bench blast PORT N\n";
  return 2;
}
