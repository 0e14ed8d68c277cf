#include "notify/outbox.h"

#include <soci/soci.h>

#include "util/strings.h"

namespace verbinder::notify {
namespace {

Status CheckHeader(const std::string& field, const std::string& v, size_t min_len, size_t max_len) {
  if (v.size() < min_len) return InvalidArgument("must not be empty", field);
  if (v.size() > max_len) return InvalidArgument("at most " + std::to_string(max_len) + " bytes", field);
  for (char c : v) {
    if (c == '\r' || c == '\n') return InvalidArgument("must not contain a line break (header injection)", field);
    if (c == '\0') return InvalidArgument("must not contain a NUL byte", field);
  }
  if (!IsValidUtf8(v)) return InvalidArgument("must be valid UTF-8", field);
  return Status::Ok();
}

}  // namespace

Status ValidateMail(const Mail& m) {
  VB_RETURN_IF_ERROR(CheckHeader("to_email", m.to_email, 1, 254));
  if (!IsValidEmail(m.to_email)) return InvalidArgument("must be one plain address like name@example.org", "to_email");
  VB_RETURN_IF_ERROR(CheckHeader("to_name", m.to_name, 0, 200));
  VB_RETURN_IF_ERROR(CheckHeader("subject", m.subject, 1, 300));
  if (m.text.empty()) return InvalidArgument("must not be empty", "text");
  if (m.text.size() > 100'000) return InvalidArgument("at most 100000 bytes", "text");
  if (m.text.find('\0') != std::string::npos || !IsValidUtf8(m.text))
    return InvalidArgument("must be valid UTF-8 without NUL bytes", "text");
  if (m.html) {
    if (m.html->size() > 200'000) return InvalidArgument("at most 200000 bytes", "html");
    if (m.html->find('\0') != std::string::npos || !IsValidUtf8(*m.html))
      return InvalidArgument("must be valid UTF-8 without NUL bytes", "html");
  }
  if (m.kind.empty() || m.kind.size() > 60) return InvalidArgument("1 to 60 characters", "kind");
  for (char c : m.kind) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-';
    if (!ok) return InvalidArgument("only a-z, 0-9, '_', '.', '-'", "kind");
  }
  return Status::Ok();
}

Result<int64_t> QueueMail(soci::session& sql, const Mail& m, int64_t now) {
  VB_RETURN_IF_ERROR(ValidateMail(m));
  long long t = now;
  std::string html = m.html.value_or("");
  sql << "INSERT INTO outbox (kind, to_email, to_name, subject, text_body, html_body, status, next_attempt_at, "
         "created_at) VALUES (:k, :e, :n, :s, :t, :h, 'pending', :na, :c)",
      soci::use(m.kind), soci::use(m.to_email), soci::use(m.to_name), soci::use(m.subject), soci::use(m.text),
      soci::use(html), soci::use(t), soci::use(t);
  long long id = 0;
  // Both backends: the row just inserted by this session is the newest one with these values.
  sql << "SELECT max(id) FROM outbox WHERE to_email = :e AND created_at = :c AND kind = :k", soci::use(m.to_email),
      soci::use(t), soci::use(m.kind), soci::into(id);
  return static_cast<int64_t>(id);
}

OutboxCounts CountOutbox(soci::session& sql) {
  OutboxCounts c;
  auto count = [&](const std::string& status) {
    long long n = 0;
    sql << "SELECT count(*) FROM outbox WHERE status = :s", soci::use(status), soci::into(n);
    return static_cast<int64_t>(n);
  };
  c.pending = count("pending");
  c.sending = count("sending");
  c.sent = count("sent");
  c.failed = count("failed");
  return c;
}

std::vector<OutboxEntry> ListOutbox(soci::session& sql, const std::string& status, int limit) {
  std::vector<OutboxEntry> out;
  OutboxEntry e;
  long long id = 0, na = 0, ca = 0, sa = 0, lim = limit;
  int attempts = 0;
  // status '' matches every row: "status = :st OR :st2 = ''" with two binds.
  std::string st1 = status, st2 = status;
  soci::statement st =
      (sql.prepare << "SELECT id, kind, to_email, to_name, subject, text_body, html_body, status, "
                      "attempts, next_attempt_at, last_error, created_at, sent_at FROM outbox "
                      "WHERE status = :st OR :all = '' ORDER BY id DESC LIMIT :lim",
       soci::into(id), soci::into(e.kind), soci::into(e.to_email), soci::into(e.to_name), soci::into(e.subject),
       soci::into(e.text), soci::into(e.html), soci::into(e.status), soci::into(attempts), soci::into(na),
       soci::into(e.last_error), soci::into(ca), soci::into(sa), soci::use(st1), soci::use(st2), soci::use(lim));
  st.execute(false);
  while (st.fetch()) {
    e.id = id;
    e.attempts = attempts;
    e.next_attempt_at = na;
    e.created_at = ca;
    e.sent_at = sa;
    out.push_back(e);
  }
  return out;
}

}  // namespace verbinder::notify
