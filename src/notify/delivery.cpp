#include "notify/delivery.h"

#include <unistd.h>

#include <chrono>
#include <thread>
#include <vector>

#include <soci/soci.h>
#include <spdlog/spdlog.h>

namespace verbinder::notify {

int64_t BackoffSeconds(int attempts) {
  int64_t s = 60;
  for (int i = 1; i < attempts && s < 6 * 3600; ++i) s *= 2;
  return std::min<int64_t>(s, 6 * 3600);
}

OutboxDeliverer::OutboxDeliverer(storage::Database& db, const Clock& clock, DeliveryOptions options)
    : db_(db), clock_(clock), options_(std::move(options)) {
  static std::atomic<int> counter{0};
  options_.owner += ":" + std::to_string(::getpid()) + ":" + std::to_string(++counter);
  if (!options_.transport) {
    options_.transport = [](const mail::MailConfig& cfg) -> std::unique_ptr<mail::SmtpTransport> {
      return std::make_unique<mail::CurlSmtpTransport>(cfg.smtp);
    };
  }
}

OutboxDeliverer::~OutboxDeliverer() = default;

namespace {

struct Row {
  long long id = 0, created_at = 0;
  int attempts = 0;
  std::string to_email, to_name, subject, text, html;
};

constexpr const char* kDue =
    "((status = 'pending' AND next_attempt_at <= :n1) OR (status = 'sending' AND lock_until < :n2))";

}  // namespace

Result<DeliveryReport> OutboxDeliverer::DeliverDue() {
  DeliveryReport report;
  try {
    soci::session sql(db_.pool());
    VB_ASSIGN_OR_RETURN(mail::MailConfig cfg, mail::LoadMailConfig(sql));
    report.configured = cfg.configured;
    long long now = clock_.Now();
    auto count_due = [&] {
      long long n = 0;
      sql << std::string("SELECT count(*) FROM outbox WHERE ") + kDue, soci::use(now), soci::use(now), soci::into(n);
      return static_cast<int>(n);
    };
    if (!cfg.configured) {
      report.remaining = count_due();
      return report;
    }
    if (!transport_ || transport_url_ != cfg.smtp.url) {
      transport_ = options_.transport(cfg);
      transport_url_ = cfg.smtp.url;
    }
    std::vector<long long> ids;
    {
      long long id = 0, lim = options_.batch;
      soci::statement st = (sql.prepare << std::string("SELECT id FROM outbox WHERE ") + kDue + " ORDER BY id LIMIT :l",
                            soci::use(now), soci::use(now), soci::use(lim), soci::into(id));
      st.execute(false);
      while (st.fetch()) ids.push_back(id);
    }
    const std::string& owner = options_.owner;
    for (long long id : ids) {
      now = clock_.Now();
      long long until = now + options_.lease_seconds;
      soci::statement claim =
          (sql.prepare << std::string("UPDATE outbox SET status = 'sending', lock_owner = :o, "
                                      "lock_until = :u, attempts = attempts + 1 WHERE id = :id AND ") +
                              kDue,
           soci::use(owner), soci::use(until), soci::use(id), soci::use(now), soci::use(now));
      claim.execute(true);
      if (claim.get_affected_rows() != 1) continue;  // another deliverer took it
      Row r;
      sql << "SELECT id, to_email, to_name, subject, text_body, html_body, attempts, created_at FROM outbox WHERE id = "
             ":id",
          soci::use(id), soci::into(r.id), soci::into(r.to_email), soci::into(r.to_name), soci::into(r.subject),
          soci::into(r.text), soci::into(r.html), soci::into(r.attempts), soci::into(r.created_at);

      auto finish = [&](const std::string& status, const std::string& error, long long next) {
        long long t = clock_.Now();
        long long sent_at = status == "sent" ? t : 0;
        std::string err = error.substr(0, 1000);
        sql << "UPDATE outbox SET status = :s, last_error = :e, next_attempt_at = :n, sent_at = :sa, lock_owner = '', "
               "lock_until = 0 WHERE id = :id AND lock_owner = :o",
            soci::use(status), soci::use(err), soci::use(next), soci::use(sent_at), soci::use(id), soci::use(owner);
      };

      mail::MailMessage m;
      m.to = {r.to_name, r.to_email};
      m.subject = r.subject;
      m.text = r.text;
      m.html = r.html;
      m.message_id = mail::MakeMessageId("outbox." + std::to_string(r.id), cfg.from_email);
      m.date = r.created_at;
      auto raw = mail::BuildMessage(cfg, m);
      if (!raw.ok()) {
        finish("failed", "cannot build the message: " + raw.status().ToString(), 0);
        ++report.failed;
        continue;
      }
      mail::SendResult res = transport_->Send(cfg.from_email, r.to_email, *raw);
      if (res.outcome == mail::Outcome::kSent) {
        finish("sent", "", 0);
        ++report.sent;
      } else if (res.outcome == mail::Outcome::kRejected) {
        finish("failed", res.detail, 0);
        ++report.failed;
      } else if (r.attempts >= options_.max_attempts) {
        finish("failed", "gave up after " + std::to_string(r.attempts) + " attempts: " + res.detail, 0);
        ++report.failed;
      } else {
        finish("pending", res.detail, clock_.Now() + BackoffSeconds(r.attempts));
        ++report.deferred;
        transport_.reset();  // a fresh connection next round
        break;               // the server is probably down: stop this round
      }
    }
    now = clock_.Now();
    report.remaining = count_due();
    return report;
  } catch (const std::exception& e) {
    return storage::FromDbError(e);
  }
}

void RunDeliveryLoop(storage::Database& db, const Clock& clock, const std::atomic<bool>& stop, int interval_seconds,
                     DeliveryOptions options) {
  OutboxDeliverer deliverer(db, clock, std::move(options));
  bool warned_unconfigured = false;
  while (!stop.load()) {
    auto r = deliverer.DeliverDue();
    if (!r.ok()) {
      spdlog::warn("outbox: {}", r.status().ToString());
    } else {
      if (r->sent || r->failed || r->deferred)
        spdlog::info("outbox: sent {}, failed {}, deferred {}, still due {}", r->sent, r->failed, r->deferred,
                     r->remaining);
      if (!r->configured && r->remaining > 0 && !warned_unconfigured) {
        spdlog::info("outbox: {} mail(s) wait until mail delivery is configured (mail.smtp_url, mail.from_email)",
                     r->remaining);
        warned_unconfigured = true;
      }
      // A full batch: go on at once.
      if (r->configured && r->remaining > 0 && r->deferred == 0 && (r->sent + r->failed) > 0) continue;
    }
    for (int i = 0; i < interval_seconds * 5 && !stop.load(); ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
}

}  // namespace verbinder::notify
