// Account mails through the outbox (account_mailer.h).
#include "notify/account_mailer.h"

#include "notify/outbox.h"

namespace verbinder::notify {
namespace {

class OutboxMailer : public domain::AccountMailer {
 public:
  Status Queue(soci::session& sql, const domain::AccountMail& m, int64_t now) override {
    std::string name = m.to_name;
    if (name.size() > 200) {  // the outbox takes at most 200 bytes: cut at a character boundary
      size_t cut = 200;
      while (cut > 0 && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80) --cut;
      name.resize(cut);
    }
    Mail mail{.to_email = m.to_email,
              .to_name = name,
              .subject = m.subject,
              .text = m.text,
              .html = m.html.empty() ? std::nullopt : std::optional<std::string>(m.html),
              .kind = m.kind};
    auto r = QueueMail(sql, mail, now);
    return r.ok() ? Status::Ok() : r.status();
  }
};

}  // namespace

std::shared_ptr<domain::AccountMailer> OutboxAccountMailer() {
  return std::make_shared<OutboxMailer>();
}

}  // namespace verbinder::notify
