// Delivering one message over SMTP, behind an interface so senders (the
// newsletter's send job, the notification outbox) can be tested with a fake
// and run against a real server (libcurl) in production and in the
// integration tests. Build the message with mail::BuildMessage (config.h).
//
//   CurlSmtpTransport smtp({.url = "smtp://127.0.0.1:2525"});
//   SendResult r = smtp.Send("nieuws@x.example", "anja@x.example", raw_message);
//   if (r.outcome == Outcome::kTransient) { /* retry later; nothing was delivered */ }
//
// Thread-safety: a transport is used by one thread at a time (it keeps one
// SMTP connection open between messages).
#pragma once

#include <memory>
#include <string>

namespace verbinder::mail {

enum class Outcome {
  kSent,       // the server accepted the message (250 after DATA)
  kRejected,   // the server permanently refused the recipient (5xx on RCPT): a hard bounce
  kTransient,  // anything else: unreachable, 4xx, timeouts — retry later
};

struct SendResult {
  Outcome outcome = Outcome::kTransient;
  std::string detail;  // the server's or libcurl's words, for logs and the delivery log
};

class SmtpTransport {
 public:
  virtual ~SmtpTransport() = default;
  // `data` is the whole message with CRLF line ends.
  virtual SendResult Send(const std::string& from, const std::string& to, const std::string& data) = 0;
};

enum class StartTls { kOff, kTry, kRequired };

struct SmtpOptions {
  std::string url;       // smtp://host:port (STARTTLS per `starttls`) or smtps://host:port
  std::string username;  // empty = no authentication
  std::string password;
  StartTls starttls = StartTls::kTry;
  long timeout_seconds = 30;
  bool verify_tls = true;
};

// libcurl's SMTP client. Reuses one connection across messages.
class CurlSmtpTransport : public SmtpTransport {
 public:
  explicit CurlSmtpTransport(SmtpOptions options);
  ~CurlSmtpTransport() override;
  CurlSmtpTransport(const CurlSmtpTransport&) = delete;
  CurlSmtpTransport& operator=(const CurlSmtpTransport&) = delete;

  SendResult Send(const std::string& from, const std::string& to, const std::string& data) override;

 private:
  SmtpOptions options_;
  void* curl_ = nullptr;  // CURL*
};

}  // namespace verbinder::mail
