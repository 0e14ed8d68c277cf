// The newsletter end to end through the real `verbinder` binary and a real
// SMTP server (Debian's python3-aiosmtpd as a sink on loopback, see
// src/mail/testdata/smtp_sink.py), on a SQLite file or PostgreSQL: every message that
// arrives is checked (count, recipients, headers, both parts, unsubscribe
// headers, whose personal part it is), and the sender is killed with SIGKILL
// at random points and restarted until done: everyone gets the issue exactly
// once except at most one in-flight message per kill, and a further send
// sends nothing.
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <thread>

#include <soci/soci.h>

#include "newsletter/sender.h"
#include "newsletter/test_support.h"
#include "newsletter/tokens.h"
#include "storage/testing.h"
#include "util/free_port.h"

namespace verbinder::newsletter {
namespace {

namespace fs = std::filesystem;
using testing::SmtpSink;

using util::testing::FreePort;

std::string Binary() {
  const char* b = std::getenv("VERBINDER_BINARY");
  return b ? b : "";
}

// Starts `argv` with stdout+stderr into `log`; returns the pid.
pid_t Spawn(const std::vector<std::string>& argv, const std::string& log) {
  pid_t pid = ::fork();
  if (pid == 0) {
    int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    ::dup2(fd, 1);
    ::dup2(fd, 2);
    std::vector<char*> args;
    args.reserve(argv.size() + 1);
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    ::execv(args[0], args.data());
    ::_exit(127);
  }
  return pid;
}

struct RunResult {
  int code = -1;
  std::string output;
};

RunResult RunBinary(const std::vector<std::string>& argv, const std::string& log) {
  pid_t pid = Spawn(argv, log);
  int st = 0;
  ::waitpid(pid, &st, 0);
  std::ifstream f(log);
  std::stringstream ss;
  ss << f.rdbuf();
  return {WIFEXITED(st) ? WEXITSTATUS(st) : -1, ss.str()};
}

class SmtpTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_FALSE(Binary().empty()) << "VERBINDER_BINARY is not set";
    const std::string name = ::testing::UnitTest::GetInstance()->current_test_info()->name();
    url_ = storage::testing::FreshDatabaseUrl("smtp_" + name);
    work_ = fs::temp_directory_path() / ("verbinder-smtp-" + std::to_string(::getpid()) + "-" + name);
    fs::remove_all(work_);
    fs::create_directories(work_);
    auto db = storage::Database::Open(url_, 2);
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    db_ = std::move(*db);
    ASSERT_TRUE(db_->Migrate().ok());
    // The binary runs on the real clock: seed relative to it.
    now_ = clock_.Now();
    month_ = MonthOf(now_ - 60);
    seed_ = testing::Seed(*db_, clock_, now_);
    auto cfg = RunBinary({Binary(), "newsletter", "config", "--db", url_, "--from-email", "nieuws@netwerk.example",
                          "--from-name", "Netwerk Twente \xE2\x80\x94 nieuws", "--base-url", "https://netwerk.example"},
                         (work_ / "config.log").string());
    ASSERT_EQ(cfg.code, 0) << cfg.output;
    // Fresh connections after another process wrote to the database.
    db_.reset();
    auto again = storage::Database::Open(url_, 2);
    ASSERT_TRUE(again.ok());
    db_ = std::move(*again);
  }
  void TearDown() override { fs::remove_all(work_); }

  // Adds n confirmed anonymous readers: reader0001@sink.example, ...
  void AddReaders(int n) {
    soci::session sql(db_->pool());
    for (int i = 1; i <= n; ++i) {
      char email[64];
      std::snprintf(email, sizeof email, "reader%04d@sink.example", i);
      std::string e = email;
      long long t = now_;
      sql << "INSERT INTO subscribers (email, language, status, created_at, confirmed_at) VALUES (:e, 'nl', "
             "'confirmed', :c, :c2)",
          soci::use(e), soci::use(t), soci::use(t);
    }
  }

  std::map<std::string, int64_t> SubscriberIds() {
    soci::session sql(db_->pool());
    std::map<std::string, int64_t> ids;
    std::string e;
    long long id = 0;
    soci::statement st =
        (sql.prepare << "SELECT email, id FROM subscribers WHERE status = 'confirmed'", soci::into(e), soci::into(id));
    st.execute();
    while (st.fetch()) ids[e] = id;
    return ids;
  }

  std::vector<std::string> SendArgs(int port) {
    return {Binary(),     "newsletter", "send",
            "--db",       url_,         "--month",
            month_,       "--smtp",     "smtp://127.0.0.1:" + std::to_string(port),
            "--starttls", "off"};
  }

  SystemClock clock_;
  std::string url_, month_;
  fs::path work_;
  int64_t now_ = 0;
  std::unique_ptr<storage::Database> db_;
  testing::Seeded seed_;
};

TEST_F(SmtpTest, EveryMessageArrivesWithItsHeadersPartsAndOwnPersonalPart) {
  AddReaders(5);
  {
    // A subscriber the server refuses (hard bounce).
    soci::session sql(db_->pool());
    long long t = now_;
    sql << "INSERT INTO subscribers (email, language, status, created_at, confirmed_at) VALUES "
           "('bounce-me@sink.example', 'nl', 'confirmed', :c, :c2)",
        soci::use(t), soci::use(t);
  }
  auto ids = SubscriberIds();
  ASSERT_EQ(ids.size(), 9u);

  // compose --out writes one .eml per subscriber.
  auto out = work_ / "eml";
  auto composed = RunBinary({Binary(), "newsletter", "compose", "--db", url_, "--month", month_, "--out", out.string()},
                            (work_ / "compose.log").string());
  ASSERT_EQ(composed.code, 0) << composed.output;
  size_t files = 0;
  for (const auto& e : fs::directory_iterator(out)) files += e.path().extension() == ".eml";
  EXPECT_EQ(files, ids.size());
  std::ifstream f(out / ("subscriber-" + std::to_string(seed_.sub_anja) + ".eml"), std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  EXPECT_NE(testing::ParseMail(ss.str()).text.find("Pieter Lammerink"), std::string::npos);

  SmtpSink sink((work_ / "sink").string());
  ASSERT_TRUE(sink.ready());
  const int port = sink.port();
  auto sent = RunBinary(SendArgs(port), (work_ / "send.log").string());
  ASSERT_EQ(sent.code, 0) << sent.output;
  EXPECT_NE(sent.output.find("sent 8 now, 8 of 9 in total, 1 failed"), std::string::npos) << sent.output;

  auto key = TokenKey(*db_);
  ASSERT_TRUE(key.ok());
  auto msgs = sink.Messages();
  ASSERT_EQ(msgs.size(), 8u);
  std::set<std::string> recipients;
  for (const auto& [rcpt, m] : msgs) {
    SCOPED_TRACE(rcpt);
    recipients.insert(rcpt);
    EXPECT_EQ(m.headers.at("to"), rcpt);
    for (const char* h : {"date", "from", "subject", "message-id", "list-id", "list-unsubscribe",
                          "list-unsubscribe-post", "mime-version", "content-type"})
      EXPECT_EQ(m.header_count.count(h) ? m.header_count.at(h) : 0, 1) << h;
    EXPECT_EQ(m.headers.at("list-unsubscribe-post"), "List-Unsubscribe=One-Click");
    EXPECT_EQ(testing::DecodeHeader(m.headers.at("from")),
              "Netwerk Twente \xE2\x80\x94 nieuws <nieuws@netwerk.example>");
    const bool en = rcpt == "emma@school.example";
    EXPECT_EQ(m.headers.at("subject").rfind("=?UTF-8?B?", 0), 0u);
    EXPECT_EQ(testing::DecodeHeader(m.headers.at("subject")).rfind("Nieuwsbrief \xE2\x80\x94 ", 0), 0u);
    EXPECT_NE(m.headers.at("content-type").find("multipart/alternative"), std::string::npos);
    EXPECT_FALSE(m.text.empty());
    EXPECT_NE(m.html.find("</html>"), std::string::npos);
    EXPECT_NE(m.text.find("Lean in de wijkzorg"), std::string::npos);
    // The unsubscribe link is this recipient's own.
    std::string lu = m.headers.at("list-unsubscribe");
    const std::string prefix = "<https://netwerk.example/api/v1/newsletter/unsubscribe/";
    ASSERT_EQ(lu.rfind(prefix, 0), 0u) << lu;
    // <https://…/unsubscribe/TOKEN>, <mailto:…?subject=unsubscribe%20TOKEN> (RFC 2369 / 8058)
    std::string token = lu.substr(prefix.size(), lu.find('>') - prefix.size());
    EXPECT_NE(lu.find(">, <mailto:nieuws@netwerk.example?subject=unsubscribe%20" + token + ">"), std::string::npos)
        << lu;
    auto sid = VerifyToken(*key, TokenPurpose::kUnsubscribe, token, now_);
    ASSERT_TRUE(sid.ok());
    EXPECT_EQ(*sid, ids.at(rcpt));
    EXPECT_EQ(m.headers.at("message-id"),
              "<newsletter." + month_ + "." + std::to_string(ids.at(rcpt)) + "@netwerk.example>");
    // Personal parts: whose is whose; never anything hidden.
    EXPECT_EQ(m.text.find("Verborgen Hans"), std::string::npos);
    EXPECT_EQ(m.html.find("Verborgen Hans"), std::string::npos);
    if (rcpt == "anja@zorg.example") {
      EXPECT_NE(m.text.find("Speciaal voor jou"), std::string::npos);
      EXPECT_NE(m.text.find("Pieter Lammerink"), std::string::npos);
      EXPECT_EQ(m.text.find("Anja Kamphuis"), std::string::npos);
    } else if (en) {
      // Emma's event page suggests Pieter (his planning challenge, her planning expertise),
      // not Anja (neither has a challenge the other's expertise meets).
      EXPECT_NE(m.text.find("Just for you"), std::string::npos);
      EXPECT_NE(m.text.find("Pieter Lammerink"), std::string::npos);
      EXPECT_EQ(m.text.find("Emma Teacher"), std::string::npos);
    } else {
      EXPECT_EQ(m.text.find("Speciaal voor jou"), std::string::npos)
          << "readers who are not members get no personal part";
      EXPECT_EQ(m.text.find("Pieter"), std::string::npos);
    }
  }
  EXPECT_EQ(recipients.size(), 8u);
  EXPECT_EQ(recipients.count("bounce-me@sink.example"), 0u);

  // The bounce is logged; a second send sends nothing new.
  auto status =
      RunBinary({Binary(), "newsletter", "status", "--db", url_, "--month", month_}, (work_ / "status.log").string());
  EXPECT_NE(status.output.find("8 of 9 sent, 1 failed"), std::string::npos) << status.output;
  auto again = RunBinary(SendArgs(port), (work_ / "again.log").string());
  EXPECT_EQ(again.code, 0) << again.output;
  EXPECT_EQ(sink.Count(), 8u);
}

TEST_F(SmtpTest, UnreachableServerIsAClearErrorAndNothingIsMarkedSent) {
  int port = FreePort();  // nothing listens here
  auto r = RunBinary(SendArgs(port), (work_ / "send.log").string());
  EXPECT_EQ(r.code, 1) << r.output;
  EXPECT_NE(r.output.find("verbinder newsletter send: smtp: the SMTP server did not take the message"),
            std::string::npos)
      << r.output;
  auto status =
      RunBinary({Binary(), "newsletter", "status", "--db", url_, "--month", month_}, (work_ / "status.log").string());
  EXPECT_NE(status.output.find("0 of 3 sent"), std::string::npos) << status.output;
  // Later the server is there: everyone gets it once.
  SmtpSink sink(port, (work_ / "sink").string());
  ASSERT_TRUE(sink.ready());
  auto retry = RunBinary(SendArgs(port), (work_ / "retry.log").string());
  EXPECT_EQ(retry.code, 0) << retry.output;
  EXPECT_EQ(sink.Count(), 3u);
}

TEST_F(SmtpTest, BadInputGetsExitCodeTwo) {
  EXPECT_EQ(
      RunBinary({Binary(), "newsletter", "send", "--db", url_, "--month", "2026-13", "--smtp", "smtp://127.0.0.1:1"},
                (work_ / "a.log").string())
          .code,
      2);
  EXPECT_EQ(RunBinary({Binary(), "newsletter", "send", "--db", url_, "--month", month_, "--smtp", "http://x"},
                      (work_ / "b.log").string())
                .code,
            2);
  EXPECT_EQ(RunBinary({Binary(), "newsletter", "config", "--db", url_, "--from-email", "geen adres"},
                      (work_ / "c.log").string())
                .code,
            2);
  EXPECT_EQ(RunBinary({Binary(), "newsletter", "config", "--db", url_, "--from-name", "x\nBcc: y@z.example"},
                      (work_ / "d.log").string())
                .code,
            2);
  EXPECT_EQ(
      RunBinary({Binary(), "newsletter", "subscribe", "--db", url_, "--email", "nope"}, (work_ / "e.log").string())
          .code,
      2);
  EXPECT_EQ(RunBinary({Binary(), "newsletter"}, (work_ / "f.log").string()).code, 2);
}

// Label slow: rounds of SIGKILL at random moments, then a run to the end.
TEST_F(SmtpTest, SigkillAtRandomPointsThenRestartDeliversEveryoneOnce) {
  constexpr int kReaders = 150;
  constexpr int kRounds = 12;
  AddReaders(kReaders);
  auto ids = SubscriberIds();
  const size_t expected = ids.size();
  SmtpSink sink((work_ / "sink").string());
  ASSERT_TRUE(sink.ready());
  const int port = sink.port();
  const unsigned seed = std::random_device{}();
  SCOPED_TRACE("random seed " + std::to_string(seed));
  std::mt19937 rng(seed);
  int kills = 0;
  bool finished_early = false;
  for (int round = 0; round < kRounds && !finished_early; ++round) {
    size_t before = sink.Count();
    pid_t pid = Spawn(SendArgs(port), (work_ / ("round" + std::to_string(round) + ".log")).string());
    if (round % 2 == 0) {
      // Kill once the server has stored a random number of further messages
      // (plus a random few microseconds: between "stored" and "logged sent").
      size_t target = before + std::uniform_int_distribution<size_t>(1, 20)(rng);
      int st = 0;
      while (sink.Count() < target) {
        if (::waitpid(pid, &st, WNOHANG) == pid) {
          finished_early = true;
          break;
        }
        std::this_thread::sleep_for(std::chrono::microseconds(200));
      }
      if (finished_early) break;
      std::this_thread::sleep_for(std::chrono::microseconds(std::uniform_int_distribution<int>(0, 3000)(rng)));
    } else {
      // Kill after a random delay: during start-up, migration, the lease, or mid-send.
      std::this_thread::sleep_for(std::chrono::microseconds(std::uniform_int_distribution<int>(0, 60000)(rng)));
    }
    ::kill(pid, SIGKILL);
    int st = 0;
    ::waitpid(pid, &st, 0);  // reap it, so its pid is free (the lease takeover checks that)
    if (WIFSIGNALED(st))
      ++kills;
    else
      finished_early = true;
  }
  auto last = RunBinary(SendArgs(port), (work_ / "final.log").string());
  ASSERT_EQ(last.code, 0) << last.output;

  std::map<std::string, int> copies;
  for (const auto& [rcpt, m] : sink.Messages()) ++copies[rcpt];
  int extra = 0;
  for (const auto& [email, id] : ids) {
    EXPECT_GE(copies[email], 1) << email << " never got the issue";
    EXPECT_LE(copies[email], 2) << email;
    extra += std::max(0, copies[email] - 1);
  }
  EXPECT_EQ(copies.size(), expected) << "mail to someone who is not a recipient";
  EXPECT_LE(extra, kills) << "more duplicates than in-flight messages at the kills";
  std::cout << "kills: " << kills << ", duplicates (in flight at a kill): " << extra << ", messages: " << sink.Count()
            << "\n";

  auto status =
      RunBinary({Binary(), "newsletter", "status", "--db", url_, "--month", month_}, (work_ / "status.log").string());
  EXPECT_NE(status.output.find(std::to_string(expected) + " of " + std::to_string(expected) +
                               " sent, 0 failed, 0 skipped; finished"),
            std::string::npos)
      << status.output;
  size_t total = sink.Count();
  auto again = RunBinary(SendArgs(port), (work_ / "again.log").string());
  EXPECT_EQ(again.code, 0);
  EXPECT_NE(again.output.find("sent 0 now"), std::string::npos) << again.output;
  EXPECT_EQ(sink.Count(), total) << "a second send sent something";
}

// The settings command, then the background sender of `verbinder serve`,
// killed with SIGKILL mid-send and restarted: everyone once (at most the
// in-flight message twice per kill), exactly as the CLI send.
TEST_F(SmtpTest, ServerBackgroundSendSurvivesSigkill) {
  constexpr int kReaders = 120;
  AddReaders(kReaders);
  auto ids = SubscriberIds();
  SmtpSink sink((work_ / "sink").string());
  ASSERT_TRUE(sink.ready());
  const int port = sink.port();
  auto set = [&](const std::string& k, const std::string& v) {
    return RunBinary({Binary(), "settings", "set", k, v, "--db", url_}, (work_ / "settings.log").string());
  };
  auto bad = set("mail.starttls", "sometimes");
  EXPECT_EQ(bad.code, 2) << bad.output;
  EXPECT_NE(bad.output.find("mail.starttls: must be off, try or required"), std::string::npos) << bad.output;
  EXPECT_EQ(set("mail.smtp_password", "x").code, 2) << "secrets are not stored";
  ASSERT_EQ(set("mail.starttls", "off").code, 0);
  auto ok = set("mail.smtp_url", "smtp://127.0.0.1:" + std::to_string(port));
  ASSERT_EQ(ok.code, 0) << ok.output;
  EXPECT_NE(ok.output.find("mail delivery is configured"), std::string::npos) << ok.output;
  auto got = RunBinary({Binary(), "settings", "get", "mail.smtp_url", "--db", url_}, (work_ / "get.log").string());
  EXPECT_EQ(got.output, "smtp://127.0.0.1:" + std::to_string(port) + "\n");
  EXPECT_EQ(RunBinary({Binary(), "settings", "get", "mail.nope", "--db", url_}, (work_ / "get2.log").string()).code, 1);

  // The leader's request (what POST /api/v1/newsletter/issues/:month/send does).
  {
    auto cfg = LoadConfig(*db_);
    ASSERT_TRUE(cfg.ok()) << cfg.status().ToString();
    Composer composer(*db_, clock_, *cfg);
    auto req = RequestSend(*db_, clock_, composer, month_, seed_.leader);
    ASSERT_TRUE(req.ok()) << req.status().ToString();
    EXPECT_EQ(req->state, "queued");
  }
  auto serve = [&](int n) {
    return Spawn({Binary(), "serve", "--db", url_, "--port", std::to_string(FreePort()), "--threads", "2"},
                 (work_ / ("serve" + std::to_string(n) + ".log")).string());
  };
  int kills = 0;
  for (int round = 0; round < 3; ++round) {
    size_t target = sink.Count() + 15;
    pid_t pid = serve(round);
    bool exited = false;
    for (int i = 0; i < 6000 && sink.Count() < target; ++i) {
      int st = 0;
      if (::waitpid(pid, &st, WNOHANG) == pid) {
        exited = true;
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    ASSERT_FALSE(exited) << "serve exited";
    ::kill(pid, SIGKILL);
    int st = 0;
    ::waitpid(pid, &st, 0);
    ++kills;
    auto p = GetIssueProgress(*db_, clock_, month_);
    ASSERT_TRUE(p.ok());
    if (p->state == "sent") break;
  }
  // The last server runs to the end; progress comes from the database.
  pid_t pid = serve(9);
  std::string state;
  for (int i = 0; i < 1200; ++i) {
    auto p = GetIssueProgress(*db_, clock_, month_);
    state = p.ok() ? p->state : p.status().ToString();
    if (state == "sent") break;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  ::kill(pid, SIGTERM);
  int st = 0;
  ::waitpid(pid, &st, 0);
  EXPECT_TRUE(WIFEXITED(st) && WEXITSTATUS(st) == 0) << "serve stops cleanly on SIGTERM";
  ASSERT_EQ(state, "sent");
  std::map<std::string, int> copies;
  for (const auto& [rcpt, m] : sink.Messages()) ++copies[rcpt];
  int extra = 0;
  for (const auto& [email, id] : ids) {
    EXPECT_GE(copies[email], 1) << email << " never got the issue";
    extra += std::max(0, copies[email] - 1);
  }
  EXPECT_EQ(copies.size(), ids.size());
  EXPECT_LE(extra, kills);
  std::cout << "server kills: " << kills << ", duplicates: " << extra << ", messages: " << sink.Count() << "\n";
}

// `verbinder newsletter bounces` over an mbox of DSNs.
TEST_F(SmtpTest, BouncesCommandReadsAMailbox) {
  std::string dsn =
      "From MAILER-DAEMON Thu Nov 19 10:00:00 2026\n"
      "From: MAILER-DAEMON@mx.example\nSubject: Undelivered Mail\nMessage-ID: <dsn1@mx.example>\nMIME-Version: 1.0\n"
      "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\n\n"
      "--b\nContent-Type: text/plain\n\nsorry\n\n--b\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; "
      "mx\n\n"
      "Final-Recipient: rfc822; lezer@elders.example\nAction: failed\nStatus: 5.1.1\n\n--b--\n\n";
  std::ofstream(work_ / "bounces.mbox") << dsn;
  auto r = RunBinary({Binary(), "newsletter", "bounces", "--db", url_, (work_ / "bounces.mbox").string()},
                     (work_ / "bounces.log").string());
  EXPECT_EQ(r.code, 0) << r.output;
  EXPECT_NE(r.output.find("1 delivery status notification(s); 1 hard and 0 soft bounce(s) recorded"), std::string::npos)
      << r.output;
  auto missing = RunBinary({Binary(), "newsletter", "bounces", "--db", url_, (work_ / "nope").string()},
                           (work_ / "bounces2.log").string());
  EXPECT_EQ(missing.code, 2) << missing.output;
}

}  // namespace
}  // namespace verbinder::newsletter
