#include "newsletter/sender.h"

#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <thread>
#include <vector>

#include <soci/soci.h>

#include "domain/db_util.h"
#include "newsletter/subscriptions.h"
#include "util/strings.h"

namespace verbinder::newsletter {
namespace {

using model::Id;

long long Exec(soci::session& sql, soci::statement&& st) {
  st.execute(true);
  return st.get_affected_rows();
}

// True when `owner` names a process on this host that no longer exists.
bool OwnerIsDeadLocalProcess(const std::string& owner) {
  auto colon = owner.rfind(':');
  if (colon == std::string::npos) return false;
  std::string mine = DefaultLeaseOwner();
  if (owner.substr(0, colon) != mine.substr(0, mine.rfind(':'))) return false;
  std::string pid_s = owner.substr(colon + 1);
  if (pid_s.empty() || pid_s.find_first_not_of("0123456789") != std::string::npos || pid_s.size() > 9) return false;
  pid_t pid = static_cast<pid_t>(std::stol(pid_s));
  return pid > 0 && ::kill(pid, 0) != 0 && errno == ESRCH;
}

struct Counts { int64_t recipients = 0, sent = 0, failed = 0, skipped = 0, pending = 0; std::string status; Id id = 0; };

Result<Counts> LoadCounts(soci::session& sql, const std::string& month) {
  Counts c;
  long long id = 0, recipients = 0;
  sql << "SELECT id, recipients, status FROM newsletter_issues WHERE month = :m", soci::use(month), soci::into(id),
      soci::into(recipients), soci::into(c.status);
  if (!sql.got_data()) return NotFound("the issue of " + month + " has not been sent yet", "month");
  c.id = id;
  c.recipients = recipients;
  std::string st;
  long long n = 0;
  soci::statement q = (sql.prepare << "SELECT status, count(*) FROM newsletter_deliveries WHERE issue_id = :i GROUP BY status",
                       soci::use(id), soci::into(st), soci::into(n));
  q.execute();
  while (q.fetch()) {
    if (st == "sent") c.sent = n;
    else if (st == "failed") c.failed = n;
    else if (st == "skipped") c.skipped = n;
    else c.pending += n;
  }
  return c;
}

}  // namespace

std::string DefaultLeaseOwner() {
  char host[256] = {0};
  if (::gethostname(host, sizeof host - 1) != 0) std::snprintf(host, sizeof host, "localhost");
  return std::string(host) + ":" + std::to_string(::getpid());
}

Result<SendReport> IssueStatus(storage::Database& db, const std::string& month) {
  VB_RETURN_IF_ERROR(MonthRange(month).status());
  return domain::WithSession<SendReport>(db, [&](soci::session& sql) -> Result<SendReport> {
    VB_ASSIGN_OR_RETURN(Counts c, LoadCounts(sql, month));
    SendReport r;
    r.issue_id = c.id;
    r.recipients = c.recipients;
    r.sent_total = c.sent;
    r.failed = c.failed;
    r.skipped = c.skipped;
    r.finished = c.status == "sent";
    return r;
  });
}

Result<SendReport> IssueSender::Send(const SendOptions& opt) {
  VB_RETURN_IF_ERROR(MonthRange(opt.month).status());
  const std::string owner = opt.owner.empty() ? DefaultLeaseOwner() : opt.owner;
  SendReport report;

  // A finished issue: nothing to do (and no need for content).
  {
    auto done = IssueStatus(db_, opt.month);
    if (done.ok() && done->finished) return *done;
    if (!done.ok() && done.status().code() != Code::kNotFound) return done.status();
  }
  VB_ASSIGN_OR_RETURN(Issue issue, composer_.LoadIssue(opt.month));
  SubscriptionService subs(db_, clock_);

  // 1. The issue row and its frozen recipient list, atomically; then the lease.
  auto claimed = domain::WithSession<SendReport>(db_, [&](soci::session& sql) -> Result<SendReport> {
    const long long now = clock_.Now(), until = now + opt.lease_seconds;
    {
      soci::transaction tr(sql);
      long long exists = 0;
      sql << "SELECT count(*) FROM newsletter_issues WHERE month = :m", soci::use(opt.month), soci::into(exists);
      if (!exists) {
        sql << "INSERT INTO newsletter_issues (month, status, created_at) VALUES (:m, 'sending', :c)",
            soci::use(opt.month), soci::use(now);
        long long id = 0;
        sql << "SELECT id FROM newsletter_issues WHERE month = :m", soci::use(opt.month), soci::into(id);
        sql << "INSERT INTO newsletter_deliveries (issue_id, subscriber_id, status, updated_at) SELECT :i, id, 'pending', "
               ":u FROM subscribers WHERE status = 'confirmed'",
            soci::use(id), soci::use(now);
        sql << "UPDATE newsletter_issues SET recipients = (SELECT count(*) FROM newsletter_deliveries WHERE issue_id = :i) "
               "WHERE id = :i2",
            soci::use(id), soci::use(id);
      }
      tr.commit();
    }
    long long id = 0;
    std::string holder;
    long long holder_until = 0;
    sql << "SELECT id, lock_owner, lock_until FROM newsletter_issues WHERE month = :m", soci::use(opt.month),
        soci::into(id), soci::into(holder), soci::into(holder_until);
    long long got = Exec(sql, (sql.prepare << "UPDATE newsletter_issues SET lock_owner = :o, lock_until = :u WHERE id = :i "
                                              "AND (lock_owner = '' OR lock_owner = :o2 OR lock_until < :n)",
                               soci::use(owner), soci::use(until), soci::use(id), soci::use(owner), soci::use(now)));
    if (!got && OwnerIsDeadLocalProcess(holder))
      got = Exec(sql, (sql.prepare << "UPDATE newsletter_issues SET lock_owner = :o, lock_until = :u WHERE id = :i AND "
                                      "lock_owner = :dead",
                       soci::use(owner), soci::use(until), soci::use(id), soci::use(holder)));
    if (!got)
      return Conflict("the issue of " + opt.month + " is being sent by " + holder + " (lease until " +
                          std::to_string(holder_until) + ")", "month");
    // 2. Whatever a crashed run left in flight is sent again (at least once).
    long long inflight = Exec(sql, (sql.prepare << "UPDATE newsletter_deliveries SET status = 'pending' WHERE issue_id = :i "
                                                   "AND status = 'sending'", soci::use(id)));
    SendReport r;
    r.issue_id = id;
    r.resent_in_flight = inflight;
    long long recipients = 0;
    sql << "SELECT recipients FROM newsletter_issues WHERE id = :i", soci::use(id), soci::into(recipients);
    r.recipients = recipients;
    return r;
  });
  if (!claimed) return claimed.status();
  report = *claimed;
  const long long issue_id = report.issue_id;

  auto release = [&](bool finished) {
    (void)domain::WithSession<bool>(db_, [&](soci::session& sql) -> Result<bool> {
      long long now = clock_.Now();
      if (finished)
        sql << "UPDATE newsletter_issues SET status = 'sent', finished_at = :f, lock_owner = '', lock_until = 0 "
               "WHERE id = :i AND lock_owner = :o", soci::use(now), soci::use(issue_id), soci::use(owner);
      else
        sql << "UPDATE newsletter_issues SET lock_owner = '', lock_until = 0 WHERE id = :i AND lock_owner = :o",
            soci::use(issue_id), soci::use(owner);
      return true;
    });
  };

  // 3. Deliver, one committed log entry before and after each message.
  auto pace = std::chrono::steady_clock::now();
  const auto interval = opt.rate > 0 ? std::chrono::duration<double>(1.0 / opt.rate) : std::chrono::duration<double>(0);
  int64_t since_renew = 0;
  for (;;) {
    struct Pending { long long delivery = 0, subscriber = 0; };
    auto batch = domain::WithSession<std::vector<Pending>>(db_, [&](soci::session& sql) -> Result<std::vector<Pending>> {
      std::vector<Pending> out;
      Pending p;
      soci::statement st = (sql.prepare << "SELECT id, subscriber_id FROM newsletter_deliveries WHERE issue_id = :i AND "
                                           "status = 'pending' ORDER BY id LIMIT 200",
                            soci::use(issue_id), soci::into(p.delivery), soci::into(p.subscriber));
      st.execute();
      while (st.fetch()) out.push_back(p);
      return out;
    });
    if (!batch) { release(false); return batch.status(); }
    if (batch->empty()) break;
    for (const Pending& p : *batch) {
      auto sub = subs.Get(p.subscriber);
      Status step = domain::WithSession<bool>(db_, [&](soci::session& sql) -> Result<bool> {
        long long now = clock_.Now();
        if (!sub.ok() || sub->status != SubscriberStatus::kConfirmed) {
          sql << "UPDATE newsletter_deliveries SET status = 'skipped', updated_at = :u WHERE id = :d AND status = 'pending'",
              soci::use(now), soci::use(p.delivery);
          ++report.skipped;
          return false;
        }
        return true;
      }).status();
      if (!step.ok()) { release(false); return step; }
      if (!sub.ok() || sub->status != SubscriberStatus::kConfirmed) continue;

      auto token = subs.UnsubscribeToken(sub->id);
      if (!token) { release(false); return token.status(); }
      auto msg = composer_.ComposeFor(issue, *sub, *token);
      if (!msg) {
        // A message that cannot be built (e.g. a malformed stored address) fails alone.
        (void)domain::WithSession<bool>(db_, [&](soci::session& sql) -> Result<bool> {
          long long now = clock_.Now();
          std::string err = msg.status().ToString();
          sql << "UPDATE newsletter_deliveries SET status = 'failed', error = :e, updated_at = :u WHERE id = :d",
              soci::use(err), soci::use(now), soci::use(p.delivery);
          return true;
        });
        continue;
      }
      // Mark in flight (committed) before handing it to SMTP.
      auto marked = domain::WithSession<long long>(db_, [&](soci::session& sql) -> Result<long long> {
        long long now = clock_.Now();
        return Exec(sql, (sql.prepare << "UPDATE newsletter_deliveries SET status = 'sending', attempts = attempts + 1, "
                                         "message_id = :mid, updated_at = :u WHERE id = :d AND status = 'pending'",
                          soci::use(msg->message_id), soci::use(now), soci::use(p.delivery)));
      });
      if (!marked) { release(false); return marked.status(); }
      if (*marked == 0) continue;  // unsubscribed meanwhile (now skipped)

      if (opt.rate > 0) {
        pace += std::chrono::duration_cast<std::chrono::steady_clock::duration>(interval);
        std::this_thread::sleep_until(pace);
      }
      mail::SendResult sr = transport_.Send(composer_.config().from.email, sub->email, msg->raw);
      std::string status = sr.outcome == mail::Outcome::kSent ? "sent" : sr.outcome == mail::Outcome::kRejected ? "failed" : "pending";
      auto logged = domain::WithSession<bool>(db_, [&](soci::session& sql) -> Result<bool> {
        long long now = clock_.Now();
        std::string err = sr.outcome == mail::Outcome::kSent ? "" : sr.detail;
        sql << "UPDATE newsletter_deliveries SET status = :s, error = :e, updated_at = :u WHERE id = :d",
            soci::use(status), soci::use(err), soci::use(now), soci::use(p.delivery);
        return true;
      });
      if (!logged) { release(false); return logged.status(); }
      if (sr.outcome == mail::Outcome::kTransient) {
        release(false);
        return Status(Code::kUnavailable, "the SMTP server did not take the message to " + sub->email + ": " + sr.detail +
                                              "; nothing else was marked sent — run send again later", "smtp");
      }
      if (sr.outcome == mail::Outcome::kRejected) {
        ++report.failed;
        VB_RETURN_IF_ERROR(subs.RecordHardBounce(sub->id));
      } else {
        ++report.sent_now;
      }
      // Renew the lease now and then.
      if (++since_renew >= 50) {
        since_renew = 0;
        (void)domain::WithSession<bool>(db_, [&](soci::session& sql) -> Result<bool> {
          long long until = clock_.Now() + opt.lease_seconds;
          sql << "UPDATE newsletter_issues SET lock_until = :u WHERE id = :i AND lock_owner = :o", soci::use(until),
              soci::use(issue_id), soci::use(owner);
          return true;
        });
      }
      if (opt.progress) {
        auto now_counts = report.sent_now + report.failed + report.skipped;
        opt.progress(now_counts, report.recipients);
      }
    }
  }
  release(true);
  VB_ASSIGN_OR_RETURN(SendReport final_counts, IssueStatus(db_, opt.month));
  final_counts.sent_now = report.sent_now;
  final_counts.resent_in_flight = report.resent_in_flight;
  return final_counts;
}

}  // namespace verbinder::newsletter
