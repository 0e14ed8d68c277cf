// The installation's outgoing-mail configuration, shared by every sender
// (newsletter, notification outbox, account mails), and the one call that
// turns a MailMessage into bytes ready for SMTP.
//
// Settings (table `settings`; set them with `verbinder settings set KEY VALUE`):
//   mail.smtp_url        smtp://host:port (STARTTLS per mail.starttls) or smtps://host:port
//   mail.smtp_user       SMTP user; empty = no authentication. The password is
//                        never stored: it comes from env VERBINDER_SMTP_PASSWORD.
//   mail.starttls        off | try | required            (default try)
//   mail.verify_tls      true | false                    (default true)
//   mail.from_email      envelope and From address       (fallback newsletter.from_email)
//   mail.from_name       From display name               (fallback newsletter.from_name)
//   mail.base_url        public https URL of the server, for links (fallback newsletter.base_url)
//   mail.dkim_domain     d= of the DKIM signature (usually the From domain)
//   mail.dkim_selector   s= of the DKIM signature; the public key is at <s>._domainkey.<d>
//   mail.dkim_key_file   PEM file with the RSA private key (read when the config is loaded)
// See docs/newsletter.md for SPF, DKIM and DMARC.
//
//   soci::session sql(db.pool());
//   VB_ASSIGN_OR_RETURN(mail::MailConfig cfg, mail::LoadMailConfig(sql));
//   if (!cfg.configured) { /* keep the mail queued; say "mail is not configured" */ }
//   mail::MailMessage m{.to = {"Anja", "anja@x.example"}, .subject = "...", .text = "...",
//                       .message_id = mail::MakeMessageId("notify.42", cfg.from_email), .date = now};
//   VB_ASSIGN_OR_RETURN(std::string raw, mail::BuildMessage(cfg, m));   // From filled in, DKIM-signed
//   mail::CurlSmtpTransport smtp(cfg.smtp);
//   mail::SendResult r = smtp.Send(cfg.from_email, m.to.email, raw);
//
// Thread-safety: plain values and pure functions; LoadMailConfig uses the given session.
#pragma once

#include <string>

#include "mail/mime.h"
#include "mail/smtp.h"
#include "util/status.h"

namespace soci {
class session;
}

namespace verbinder::mail {

struct DkimConfig {
  std::string domain;           // d=
  std::string selector;         // s=
  std::string key_file;         // where the key came from (for messages)
  std::string private_key_pem;  // RSA private key, PEM; empty = do not sign
  bool enabled() const { return !domain.empty() && !selector.empty() && !private_key_pem.empty(); }
};

struct MailConfig {
  SmtpOptions smtp;                                          // password from env VERBINDER_SMTP_PASSWORD
  std::string from_email = "nieuwsbrief@verbinder.invalid";  // .invalid until configured
  std::string from_name = "verbinder";
  std::string base_url = "http://localhost:8080";
  DkimConfig dkim;
  // True when SMTP delivery is set up: mail.smtp_url is set and the sender
  // address is a real one (valid, not *.invalid). Unconfigured senders keep
  // their mail queued instead of failing it.
  bool configured = false;

  Mailbox from() const { return {from_name, from_email}; }
};

// Reads the mail.* settings (newsletter.from_email/from_name/base_url as
// fallbacks) and VERBINDER_SMTP_PASSWORD. InvalidArgument(key) for a
// malformed value (bad starttls, an unreadable or non-RSA DKIM key file, a
// header-injection attempt in from_name, a bad address or URL).
Result<MailConfig> LoadMailConfig(soci::session& sql);

// InvalidArgument(key) when `key` is a mail.* setting and `value` is not
// acceptable for it (unknown mail.* keys included); Ok for other keys.
// `verbinder settings set` calls it before storing.
Status CheckMailSetting(const std::string& key, const std::string& value);

// The one call to make a ready-to-send message: m.from defaults to the
// configured sender when its email is empty; builds MIME (BuildMime) and adds
// a DKIM-Signature header when cfg.dkim is enabled.
Result<std::string> BuildMessage(const MailConfig& cfg, MailMessage m);

}  // namespace verbinder::mail
