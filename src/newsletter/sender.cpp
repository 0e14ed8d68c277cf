#include "newsletter/sender.h"

#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <thread>
#include <vector>

#include <soci/soci.h>

#include "domain/db_util.h"
#include "newsletter/bounces.h"
#include "newsletter/subscriptions.h"
#include "util/strings.h"
#include "storage/transaction.h"

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

struct Counts {
  int64_t recipients = 0, sent = 0, failed = 0, skipped = 0, pending = 0;
  std::string status;
  Id id = 0;
};

Result<Counts> LoadCounts(soci::session& sql, const std::string& month) {
  Counts c;
  long long id = 0, recipients = 0;
  sql << "SELECT id, recipients, status FROM newsletter_issues WHERE month = :m", soci::use(month), soci::into(id),
      soci::into(recipients), soci::into(c.status);
  if (!sql.got_data())
    return NotFound("the issue of " + month + " has not been sent yet", "month")
        .WithReason("newsletter.not_sent_yet", {{"month", month}});
  c.id = id;
  c.recipients = recipients;
  std::string st;
  long long n = 0;
  soci::statement q =
      (sql.prepare << "SELECT status, count(*) FROM newsletter_deliveries WHERE issue_id = :i GROUP BY status",
       soci::use(id), soci::into(st), soci::into(n));
  q.execute();
  while (q.fetch()) {
    if (st == "sent")
      c.sent = n;
    else if (st == "failed")
      c.failed = n;
    else if (st == "skipped")
      c.skipped = n;
    else
      c.pending += n;
  }
  return c;
}

// Creates the issue row and its frozen recipient list (the confirmed
// subscribers now) in one transaction, unless the row exists. Returns its id.
long long FreezeIssue(soci::session& sql, const std::string& month, long long now) {
  storage::Transaction tr(sql);
  long long exists = 0;
  sql << "SELECT count(*) FROM newsletter_issues WHERE month = :m", soci::use(month), soci::into(exists);
  if (!exists) {
    sql << "INSERT INTO newsletter_issues (month, status, created_at) VALUES (:m, 'sending', :c)", soci::use(month),
        soci::use(now);
    long long id = 0;
    sql << "SELECT id FROM newsletter_issues WHERE month = :m", soci::use(month), soci::into(id);
    sql << "INSERT INTO newsletter_deliveries (issue_id, subscriber_id, status, updated_at) SELECT :i, id, 'pending', "
           ":u FROM subscribers WHERE status = 'confirmed'",
        soci::use(id), soci::use(now);
    sql << "UPDATE newsletter_issues SET recipients = (SELECT count(*) FROM newsletter_deliveries WHERE issue_id = :i) "
           "WHERE id = :i2",
        soci::use(id), soci::use(id);
  }
  long long id = 0;
  sql << "SELECT id FROM newsletter_issues WHERE month = :m", soci::use(month), soci::into(id);
  tr.commit();
  return id;
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
    FreezeIssue(sql, opt.month, now);
    long long id = 0;
    std::string holder;
    long long holder_until = 0;
    sql << "SELECT id, lock_owner, lock_until FROM newsletter_issues WHERE month = :m", soci::use(opt.month),
        soci::into(id), soci::into(holder), soci::into(holder_until);
    long long got =
        Exec(sql, (sql.prepare << "UPDATE newsletter_issues SET lock_owner = :o, lock_until = :u WHERE id = :i "
                                  "AND (lock_owner = '' OR lock_owner = :o2 OR lock_until < :n)",
                   soci::use(owner), soci::use(until), soci::use(id), soci::use(owner), soci::use(now)));
    if (!got && OwnerIsDeadLocalProcess(holder))
      got = Exec(sql, (sql.prepare << "UPDATE newsletter_issues SET lock_owner = :o, lock_until = :u WHERE id = :i AND "
                                      "lock_owner = :dead",
                       soci::use(owner), soci::use(until), soci::use(id), soci::use(holder)));
    if (!got)
      return Conflict("the issue of " + opt.month + " is being sent by " + holder + " (lease until " +
                          std::to_string(holder_until) + ")",
                      "month")
          .WithReason("newsletter.being_sent", {{"month", opt.month}});
    // 2. Whatever a crashed run left in flight is sent again (at least once).
    long long inflight =
        Exec(sql, (sql.prepare << "UPDATE newsletter_deliveries SET status = 'pending' WHERE issue_id = :i "
                                  "AND status = 'sending'",
                   soci::use(id)));
    sql << "UPDATE newsletter_issues SET started_at = :n WHERE id = :i AND started_at = 0", soci::use(now),
        soci::use(id);
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
               "WHERE id = :i AND lock_owner = :o",
            soci::use(now), soci::use(issue_id), soci::use(owner);
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
    if (opt.stop && opt.stop->load()) {
      release(false);
      VB_ASSIGN_OR_RETURN(SendReport partial, IssueStatus(db_, opt.month));
      partial.sent_now = report.sent_now;
      partial.resent_in_flight = report.resent_in_flight;
      return partial;
    }
    struct Pending {
      long long delivery = 0, subscriber = 0;
    };
    auto batch =
        domain::WithSession<std::vector<Pending>>(db_, [&](soci::session& sql) -> Result<std::vector<Pending>> {
          std::vector<Pending> out;
          Pending p;
          soci::statement st =
              (sql.prepare << "SELECT id, subscriber_id FROM newsletter_deliveries WHERE issue_id = :i AND "
                              "status = 'pending' ORDER BY id LIMIT 200",
               soci::use(issue_id), soci::into(p.delivery), soci::into(p.subscriber));
          st.execute();
          while (st.fetch()) out.push_back(p);
          return out;
        });
    if (!batch) {
      release(false);
      return batch.status();
    }
    if (batch->empty()) break;
    for (const Pending& p : *batch) {
      if (opt.stop && opt.stop->load()) break;  // the outer loop releases and returns
      auto sub = subs.Get(p.subscriber);
      Status step = domain::WithSession<bool>(db_, [&](soci::session& sql) -> Result<bool> {
                      long long now = clock_.Now();
                      if (!sub.ok() || sub->status != SubscriberStatus::kConfirmed) {
                        sql << "UPDATE newsletter_deliveries SET status = 'skipped', updated_at = :u WHERE id = :d AND "
                               "status = 'pending'",
                            soci::use(now), soci::use(p.delivery);
                        ++report.skipped;
                        return false;
                      }
                      return true;
                    }).status();
      if (!step.ok()) {
        release(false);
        return step;
      }
      if (!sub.ok() || sub->status != SubscriberStatus::kConfirmed) continue;

      auto token = subs.UnsubscribeToken(sub->id);
      if (!token) {
        release(false);
        return token.status();
      }
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
        return Exec(sql,
                    (sql.prepare << "UPDATE newsletter_deliveries SET status = 'sending', attempts = attempts + 1, "
                                    "message_id = :mid, updated_at = :u WHERE id = :d AND status = 'pending'",
                     soci::use(msg->message_id), soci::use(now), soci::use(p.delivery)));
      });
      if (!marked) {
        release(false);
        return marked.status();
      }
      if (*marked == 0) continue;  // unsubscribed meanwhile (now skipped)

      if (opt.rate > 0) {
        pace += std::chrono::duration_cast<std::chrono::steady_clock::duration>(interval);
        std::this_thread::sleep_until(pace);
      }
      mail::SendResult sr = transport_.Send(composer_.config().from.email, sub->email, msg->raw);
      std::string status = sr.outcome == mail::Outcome::kSent       ? "sent"
                           : sr.outcome == mail::Outcome::kRejected ? "failed"
                                                                    : "pending";
      auto logged = domain::WithSession<bool>(db_, [&](soci::session& sql) -> Result<bool> {
        long long now = clock_.Now();
        std::string err = sr.outcome == mail::Outcome::kSent ? "" : sr.detail;
        sql << "UPDATE newsletter_deliveries SET status = :s, error = :e, updated_at = :u WHERE id = :d",
            soci::use(status), soci::use(err), soci::use(now), soci::use(p.delivery);
        return true;
      });
      if (!logged) {
        release(false);
        return logged.status();
      }
      if (sr.outcome == mail::Outcome::kTransient) {
        release(false);
        return Status(Code::kUnavailable,
                      "the SMTP server did not take the message to " + sub->email + ": " + sr.detail +
                          "; nothing else was marked sent — run send again later",
                      "smtp")
            .WithReason("newsletter.smtp_refused");
      }
      if (sr.outcome == mail::Outcome::kRejected) {
        ++report.failed;
        std::string code;
        if (auto at = sr.detail.find("(SMTP "); at != std::string::npos) code = sr.detail.substr(at + 6, 3);
        auto bounced = RecordBounce(db_, clock_, {sub->email, "hard", code, sr.detail, msg->message_id, "smtp"});
        if (!bounced) {
          release(false);
          return bounced.status();
        }
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

Result<IssueProgress> GetIssueProgress(storage::Database& db, const Clock& clock, const std::string& month) {
  VB_RETURN_IF_ERROR(MonthRange(month).status());
  return domain::WithSession<IssueProgress>(db, [&](soci::session& sql) -> Result<IssueProgress> {
    IssueProgress p;
    p.month = month;
    long long id = 0, recipients = 0, requested = 0, started = 0, finished = 0, next = 0, lock_until = 0;
    std::string status, owner, err;
    sql << "SELECT id, status, recipients, lock_owner, lock_until, last_error, requested_at, started_at, finished_at, "
           "next_attempt_at FROM newsletter_issues WHERE month = :m",
        soci::use(month), soci::into(id), soci::into(status), soci::into(recipients), soci::into(owner),
        soci::into(lock_until), soci::into(err), soci::into(requested), soci::into(started), soci::into(finished),
        soci::into(next);
    if (!sql.got_data()) return p;
    p.recipients = recipients;
    p.requested_at = requested;
    p.started_at = started;
    p.finished_at = finished;
    p.next_attempt_at = next;
    p.last_error = err;
    std::string st;
    long long n = 0;
    soci::statement q =
        (sql.prepare << "SELECT status, count(*) FROM newsletter_deliveries WHERE issue_id = :i GROUP BY status",
         soci::use(id), soci::into(st), soci::into(n));
    q.execute();
    while (q.fetch()) {
      if (st == "sent")
        p.sent = n;
      else if (st == "failed")
        p.failed = n;
      else if (st == "skipped")
        p.skipped = n;
      else if (st == "sending")
        p.in_flight = n;
      else
        p.pending += n;
    }
    const bool leased = !owner.empty() && lock_until >= clock.Now();
    if (status == "sent")
      p.state = "sent";
    else if (leased) {
      p.state = "sending";
      p.sender = owner;
    } else if (!err.empty())
      p.state = "paused";
    else if (requested > 0)
      p.state = "queued";
    else
      p.state = "paused";  // a foreground send that stopped; `newsletter send` resumes it
    return p;
  });
}

Result<IssueProgress> RequestSend(storage::Database& db, const Clock& clock, Composer& composer,
                                  const std::string& month, model::Id requested_by) {
  VB_RETURN_IF_ERROR(MonthRange(month).status());
  VB_ASSIGN_OR_RETURN(IssueProgress before, GetIssueProgress(db, clock, month));
  if (before.state == "sent")
    return Conflict("the issue of " + month + " has been sent already", "month")
        .WithReason("newsletter.already_sent", {{"month", month}});
  const auto& cfg = composer.config();
  if (!cfg.mail.configured)
    return Conflict("mail delivery is not configured: set mail.smtp_url and mail.from_email (verbinder settings set)",
                    "mail")
        .WithReason("newsletter.mail_not_configured");
  VB_RETURN_IF_ERROR(ValidateConfig(cfg));
  if (before.state == "not_started") VB_RETURN_IF_ERROR(composer.LoadIssue(month).status());  // Conflict when empty
  auto done = domain::WithSession<bool>(db, [&](soci::session& sql) -> Result<bool> {
    long long now = clock.Now(), by = requested_by;
    long long id = FreezeIssue(sql, month, now);
    sql << "UPDATE newsletter_issues SET requested_at = CASE WHEN requested_at = 0 THEN :n ELSE requested_at END, "
           "requested_by = :b, last_error = '', next_attempt_at = 0 WHERE id = :i",
        soci::use(now), soci::use(by), soci::use(id);
    return true;
  });
  if (!done) return done.status();
  return GetIssueProgress(db, clock, month);
}

Result<TestSendResult> SendTest(storage::Database& db, const Clock& clock, Composer& composer,
                                mail::SmtpTransport& transport, const std::string& month, model::Id member_id) {
  const auto& cfg = composer.config();
  if (!cfg.mail.configured)
    return Conflict("mail delivery is not configured: set mail.smtp_url and mail.from_email (verbinder settings set)",
                    "mail")
        .WithReason("newsletter.mail_not_configured");
  VB_RETURN_IF_ERROR(ValidateConfig(cfg));
  VB_ASSIGN_OR_RETURN(Issue issue, composer.LoadIssue(month));
  // The leader as a reader: their own subscription if there is one, else a member reader.
  auto me = domain::WithSession<Subscriber>(db, [&](soci::session& sql) -> Result<Subscriber> {
    long long mid = member_id;
    std::string email;
    sql << "SELECT email FROM members WHERE id = :id", soci::use(mid), soci::into(email);
    if (!sql.got_data() || email.empty())
      return NotFound("your account has no e-mail address", "member_id").WithReason("newsletter.no_email");
    Subscriber s;
    s.email = email;
    s.member_id = member_id;
    s.status = SubscriberStatus::kConfirmed;
    return s;
  });
  if (!me) return me.status();
  SubscriptionService subs(db, clock);
  Subscriber reader = *me;
  std::string token = "test";
  VB_ASSIGN_OR_RETURN(auto existing, subs.FindByEmail(me->email));
  if (existing) {
    reader = *existing;
    reader.member_id = member_id;
    VB_ASSIGN_OR_RETURN(token, subs.UnsubscribeToken(existing->id));
  }
  Composer::Overrides o;
  o.subject_prefix = "[TEST] ";
  const std::string at = cfg.from.email.substr(cfg.from.email.rfind('@') + 1);
  o.message_id = "<newsletter-test." + month + "." + std::to_string(member_id) + "." + std::to_string(clock.Now()) +
                 "@" + at + ">";
  VB_ASSIGN_OR_RETURN(ComposedMessage msg, composer.ComposeFor(issue, reader, token, o));
  mail::SendResult r = transport.Send(cfg.from.email, reader.email, msg.raw);
  if (r.outcome != mail::Outcome::kSent)
    return Status(Code::kUnavailable, "the SMTP server did not take the test message: " + r.detail, "smtp")
        .WithReason("newsletter.smtp_refused");
  return TestSendResult{reader.email, msg.message_id, msg.subject};
}

namespace {

struct DueIssue {
  std::string month, owner;
  long long lock_until = 0;
};

// Requested, unfinished issues whose retry time has come.
std::vector<DueIssue> DueIssues(storage::Database& db, const Clock& clock) {
  auto r = domain::WithSession<std::vector<DueIssue>>(db, [&](soci::session& sql) -> Result<std::vector<DueIssue>> {
    std::vector<DueIssue> out;
    DueIssue d;
    long long now = clock.Now();
    soci::statement st = (sql.prepare << "SELECT month, lock_owner, lock_until FROM newsletter_issues WHERE status = "
                                         "'sending' AND requested_at > 0 AND next_attempt_at <= :n ORDER BY month",
                          soci::use(now), soci::into(d.month), soci::into(d.owner), soci::into(d.lock_until));
    st.execute();
    while (st.fetch()) out.push_back(d);
    return out;
  });
  return r ? *r : std::vector<DueIssue>{};
}

void RecordLoopError(storage::Database& db, const std::string& month, const std::string& error, long long next) {
  (void)domain::WithSession<bool>(db, [&](soci::session& sql) -> Result<bool> {
    std::string e = error.substr(0, 1000);
    sql << "UPDATE newsletter_issues SET last_error = :e, next_attempt_at = :n WHERE month = :m AND status = 'sending'",
        soci::use(e), soci::use(next), soci::use(month);
    return true;
  });
}

}  // namespace

int RunSendLoopOnce(storage::Database& db, const Clock& clock, const SendLoopOptions& options,
                    const std::atomic<bool>& stop) {
  int worked = 0;
  for (const DueIssue& d : DueIssues(db, clock)) {
    if (stop.load()) break;
    // Someone holds a live lease (another server, or a CLI send): leave it.
    if (!d.owner.empty() && d.lock_until >= clock.Now() && d.owner != DefaultLeaseOwner() &&
        !OwnerIsDeadLocalProcess(d.owner))
      continue;
    ++worked;
    const long long retry_at = clock.Now() + options.retry_seconds;
    auto cfg = LoadConfig(db);
    if (!cfg) {
      RecordLoopError(db, d.month, cfg.status().ToString(), retry_at);
      continue;
    }
    if (!cfg->mail.configured) {
      RecordLoopError(db, d.month, "mail delivery is not configured (mail.smtp_url, mail.from_email)", retry_at);
      continue;
    }
    std::unique_ptr<mail::SmtpTransport> transport =
        options.transport ? options.transport(cfg->mail) : std::make_unique<mail::CurlSmtpTransport>(cfg->mail.smtp);
    Composer composer(db, clock, *cfg);
    IssueSender sender(db, clock, composer, *transport);
    SendOptions so;
    so.month = d.month;
    so.rate = cfg->rate;
    so.stop = &stop;
    auto r = sender.Send(so);
    if (!r) {
      // Another sender took it meanwhile: not an error of this issue.
      if (r.status().code() == Code::kConflict && r.status().message().find("is being sent by") != std::string::npos)
        continue;
      RecordLoopError(db, d.month, r.status().ToString(), retry_at);
      continue;
    }
    (void)domain::WithSession<bool>(db, [&](soci::session& sql) -> Result<bool> {
      sql << "UPDATE newsletter_issues SET last_error = '' WHERE month = :m", soci::use(d.month);
      return true;
    });
  }
  return worked;
}

void RunSendLoop(storage::Database& db, const Clock& clock, const std::atomic<bool>& stop,
                 const SendLoopOptions& options) {
  while (!stop.load()) {
    try {
      RunSendLoopOnce(db, clock, options, stop);
    } catch (const std::exception&) {
      // A database hiccup: try again on the next round.
    }
    const auto until = std::chrono::steady_clock::now() + std::chrono::duration<double>(options.poll_seconds);
    while (!stop.load() && std::chrono::steady_clock::now() < until)
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

}  // namespace verbinder::newsletter
