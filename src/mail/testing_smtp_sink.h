// A real SMTP server for integration tests (header only, for *_test.cpp):
// Debian's python3-aiosmtpd running testdata/smtp_sink.py on loopback, which
// stores every accepted message as a file. Used by the newsletter and the
// notification outbox tests.
//
//   mail::testing::SmtpSink sink(dir);  ASSERT_TRUE(sink.ready());
//   ... deliver to smtp://127.0.0.1:<sink.port()> ...
//   for (auto& [rcpt, mail] : sink.Messages()) ...
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "mail/testing.h"

namespace verbinder::mail::testing {

// Started by /usr/bin/python3 (Debian's, which has the module), ready once it
// prints "READY <port>"; it stops when its stdin closes.
class SmtpSink {
 public:
  // Listens on a port the kernel chose while binding it, so no other test can
  // take it between choosing and listening.
  explicit SmtpSink(std::string dir) : SmtpSink(0, std::move(dir)) {}
  // Listens on `port` (a test that first needs "nothing listens here").
  SmtpSink(int port, std::string dir) : dir_(std::move(dir)) {
    // The script lives beside this header, so tests may run from any directory.
    const std::string script = (std::filesystem::path(__FILE__).parent_path() / "testdata" / "smtp_sink.py").string();
    int in[2], out[2];
    EXPECT_EQ(::pipe(in), 0);
    EXPECT_EQ(::pipe(out), 0);
    pid_ = ::fork();
    if (pid_ == 0) {
      ::dup2(in[0], 0);
      ::dup2(out[1], 1);
      ::close(in[1]);
      ::close(out[0]);
      ::execl("/usr/bin/python3", "python3", script.c_str(), std::to_string(port).c_str(), dir_.c_str(),
              static_cast<char*>(nullptr));
      ::_exit(127);
    }
    ::close(in[0]);
    ::close(out[1]);
    stdin_ = in[1];
    std::string line;
    char c;
    while (::read(out[0], &c, 1) == 1 && c != '\n') line += c;
    ::close(out[0]);
    if (line.rfind("READY ", 0) == 0) {
      port_ = std::atoi(line.c_str() + 6);
      ready_ = port_ > 0 && (port == 0 || port_ == port);
    }
  }
  ~SmtpSink() {
    ::close(stdin_);
    int st = 0;
    ::waitpid(pid_, &st, 0);
  }
  SmtpSink(const SmtpSink&) = delete;
  SmtpSink& operator=(const SmtpSink&) = delete;

  bool ready() const { return ready_; }
  int port() const { return port_; }
  std::string url() const { return "smtp://127.0.0.1:" + std::to_string(port_); }
  size_t Count() const {
    size_t n = 0;
    for (const auto& e : std::filesystem::directory_iterator(dir_)) n += e.path().extension() == ".eml";
    return n;
  }
  // (envelope recipient, parsed message) of every stored message, in arrival order.
  std::vector<std::pair<std::string, ParsedMail>> Messages() const {
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(dir_))
      if (e.path().extension() == ".eml") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    std::vector<std::pair<std::string, ParsedMail>> out;
    for (const auto& p : files) {
      std::ifstream f(p, std::ios::binary);
      std::stringstream ss;
      ss << f.rdbuf();
      std::string raw = ss.str();
      auto nl = raw.find("\r\n");
      std::string rcpt = raw.substr(13, nl - 13);  // after "X-Sink-Rcpt: "
      out.push_back({rcpt, ParseMail(raw.substr(nl + 2))});
    }
    return out;
  }

 private:
  std::string dir_;
  pid_t pid_ = -1;
  int stdin_ = -1;
  bool ready_ = false;
  int port_ = 0;
};

}  // namespace verbinder::mail::testing
