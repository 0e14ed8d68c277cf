#include "newsletter/bounces.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include <soci/soci.h>

#include "domain/db_util.h"
#include "mail/decode.h"
#include "newsletter/subscriptions.h"
#include "util/strings.h"
#include "storage/transaction.h"

namespace verbinder::newsletter {
namespace {

namespace fs = std::filesystem;

struct Part {
  std::vector<std::pair<std::string, std::string>> headers;  // lower-case name, unfolded value
  std::string body;
  std::string Get(const std::string& name) const {
    for (const auto& [k, v] : headers)
      if (k == name) return v;
    return "";
  }
};

std::string StripCr(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s)
    if (c != '\r') out += c;
  return out;
}

// Header block (LF line ends) → fields.
std::vector<std::pair<std::string, std::string>> ParseFields(const std::string& block) {
  std::vector<std::pair<std::string, std::string>> out;
  std::istringstream in(block);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && (line[0] == ' ' || line[0] == '\t')) {
      if (!out.empty()) out.back().second += " " + std::string(Trim(line));
      continue;
    }
    auto colon = line.find(':');
    if (colon == std::string::npos) continue;
    out.push_back({AsciiLower(Trim(line.substr(0, colon))), std::string(Trim(line.substr(colon + 1)))});
  }
  return out;
}

Part ParsePart(const std::string& s) {
  Part p;
  size_t end = s.find("\n\n");
  std::string head = end == std::string::npos ? s : s.substr(0, end);
  p.body = end == std::string::npos ? "" : s.substr(end + 2);
  p.headers = ParseFields(head);
  return p;
}

// "multipart/report; report-type=delivery-status; boundary="x"" → type and parameters.
std::string MediaType(const std::string& ct, std::map<std::string, std::string>* params) {
  auto parts = Split(ct, ';');
  std::string type = parts.empty() ? "" : AsciiLower(Trim(parts[0]));
  if (params)
    for (size_t i = 1; i < parts.size(); ++i) {
      auto eq = parts[i].find('=');
      if (eq == std::string::npos) continue;
      std::string k = AsciiLower(Trim(parts[i].substr(0, eq)));
      std::string v(Trim(parts[i].substr(eq + 1)));
      if (v.size() >= 2 && v.front() == '"' && v.back() == '"') v = v.substr(1, v.size() - 2);
      (*params)[k] = v;
    }
  return type;
}

std::string Body(const Part& p) {
  if (AsciiLower(p.Get("content-transfer-encoding")) == "base64") return StripCr(mail::DecodeBase64(p.body));
  return p.body;
}

// Depth-first walk over a MIME tree.
void Walk(const Part& p, int depth, std::vector<Part>& out) {
  out.push_back(p);
  if (depth > 8) return;
  std::map<std::string, std::string> params;
  std::string type = MediaType(p.Get("content-type"), &params);
  if (StartsWith(type, "multipart/") && !params["boundary"].empty()) {
    const std::string delim = "--" + params["boundary"];
    size_t at = 0;
    std::vector<std::string> chunks;
    // Parts lie between delimiter lines.
    size_t start = std::string::npos;
    while (at <= p.body.size()) {
      size_t nl = p.body.find('\n', at);
      std::string line = p.body.substr(at, nl == std::string::npos ? std::string::npos : nl - at);
      if (StartsWith(line, delim)) {
        if (start != std::string::npos) chunks.push_back(p.body.substr(start, at - start));
        if (StartsWith(line, delim + "--")) {
          start = std::string::npos;
          break;
        }
        start = nl == std::string::npos ? p.body.size() : nl + 1;
      }
      if (nl == std::string::npos) break;
      at = nl + 1;
    }
    if (start != std::string::npos && start < p.body.size()) chunks.push_back(p.body.substr(start));
    for (auto& c : chunks) {
      if (!c.empty() && c.back() == '\n') c.pop_back();
      Walk(ParsePart(c), depth + 1, out);
    }
  } else if (type == "message/rfc822") {
    Walk(ParsePart(Body(p)), depth + 1, out);
  }
}

std::string Address(std::string v) {
  // "rfc822; <user@example.com>" → "user@example.com"
  auto semi = v.find(';');
  if (semi != std::string::npos) v = v.substr(semi + 1);
  v = std::string(Trim(v));
  if (!v.empty() && v.front() == '<') v.erase(0, 1);
  if (!v.empty() && v.back() == '>') v.pop_back();
  return AsciiLower(Trim(v));
}

}  // namespace

Result<Dsn> ParseDsn(const std::string& raw) {
  Part top = ParsePart(StripCr(raw));
  std::vector<Part> parts;
  Walk(top, 0, parts);
  Dsn dsn;
  dsn.message_id = top.Get("message-id");
  bool found = false;
  for (size_t i = 0; i < parts.size(); ++i) {
    std::string type = MediaType(parts[i].Get("content-type"), nullptr);
    if (type == "message/delivery-status" || type == "message/global-delivery-status") {
      found = true;
      // Groups of fields separated by blank lines: per message, then per recipient.
      std::string body = Body(parts[i]);
      std::vector<std::string> groups;
      std::string cur;
      std::istringstream in(body);
      std::string line;
      while (std::getline(in, line)) {
        if (Trim(line).empty()) {
          if (!cur.empty()) groups.push_back(cur);
          cur.clear();
        } else {
          cur += line + "\n";
        }
      }
      if (!cur.empty()) groups.push_back(cur);
      for (const auto& g : groups) {
        auto fields = ParseFields(g);
        DsnRecipient r;
        std::string original;
        for (const auto& [k, v] : fields) {
          if (k == "final-recipient")
            r.email = Address(v);
          else if (k == "original-recipient")
            original = Address(v);
          else if (k == "action")
            r.action = AsciiLower(Trim(v.substr(0, v.find_first_of(" (;"))));
          else if (k == "status")
            r.status = std::string(Trim(v.substr(0, v.find_first_of(" (;"))));
          else if (k == "diagnostic-code")
            r.diagnostic = v;
        }
        if (r.email.empty()) r.email = original;
        if (!r.email.empty() && !r.action.empty()) dsn.recipients.push_back(r);
      }
    } else if ((type == "text/rfc822-headers" || type == "message/rfc822-headers") && dsn.original_message_id.empty()) {
      dsn.original_message_id = ParsePart(Body(parts[i]) + "\n\n").Get("message-id");
    } else if (type == "message/rfc822" && dsn.original_message_id.empty() && i + 1 < parts.size()) {
      dsn.original_message_id = parts[i + 1].Get("message-id");  // the enclosed message, walked next
    }
  }
  if (!found) return NotFound("not a delivery status notification", "message");
  return dsn;
}

std::string UnsubscribeRequestToken(const std::string& raw) {
  const std::string subject = ParsePart(StripCr(raw)).Get("subject");
  if (AsciiLower(subject).find("unsubscribe") == std::string::npos) return "";
  // "u.<digits>.<digits>.<64 hex>", delimited by anything else.
  auto digits = [&](size_t& at) {
    size_t start = at;
    while (at < subject.size() && subject[at] >= '0' && subject[at] <= '9') ++at;
    return at > start;
  };
  for (size_t i = 0; i + 2 < subject.size(); ++i) {
    if (subject[i] != 'u' || subject[i + 1] != '.' ||
        (i > 0 && std::isalnum(static_cast<unsigned char>(subject[i - 1]))))
      continue;
    size_t at = i + 2;
    if (!digits(at) || at >= subject.size() || subject[at++] != '.') continue;
    if (!digits(at) || at >= subject.size() || subject[at++] != '.') continue;
    size_t hex = at;
    while (at < subject.size() && std::isxdigit(static_cast<unsigned char>(subject[at]))) ++at;
    if (at - hex != 64 || (at < subject.size() && std::isalnum(static_cast<unsigned char>(subject[at])))) continue;
    return subject.substr(i, at - i);
  }
  return "";
}

std::vector<std::string> SplitMbox(const std::string& content) {
  std::vector<std::string> out;
  if (!StartsWith(content, "From ")) {
    out.push_back(content);
    return out;
  }
  std::string cur;
  bool in_message = false;
  size_t at = 0;
  while (at < content.size()) {
    size_t nl = content.find('\n', at);
    std::string line = content.substr(at, nl == std::string::npos ? std::string::npos : nl - at + 1);
    at = nl == std::string::npos ? content.size() : nl + 1;
    if (StartsWith(line, "From ")) {
      if (in_message) out.push_back(cur);
      cur.clear();
      in_message = true;
      continue;
    }
    // mboxrd: ">From " → "From ", ">>From " → ">From ".
    size_t gt = 0;
    while (gt < line.size() && line[gt] == '>') ++gt;
    if (gt > 0 && line.compare(gt, 5, "From ") == 0) line.erase(0, 1);
    cur += line;
  }
  if (in_message) out.push_back(cur);
  return out;
}

Result<bool> RecordBounce(storage::Database& db, const Clock& clock, const BounceRecord& b) {
  const std::string email = AsciiLower(Trim(b.email));
  return domain::WithSession<bool>(db, [&](soci::session& sql) -> Result<bool> {
    long long sid = 0, now = clock.Now();
    sql << "SELECT id FROM subscribers WHERE email = :e", soci::use(email), soci::into(sid);
    if (!sql.got_data()) return false;
    // The same bounce (message, address) counts once, whichever way it came.
    std::string source_id = !b.message_id.empty() ? b.message_id : b.source + ":" + b.status_code + ":" + b.diagnostic;
    storage::Transaction tr(sql);
    long long seen = 0;
    sql << "SELECT count(*) FROM newsletter_bounces WHERE source_id = :s AND email = :e", soci::use(source_id),
        soci::use(email), soci::into(seen);
    if (seen) {
      tr.rollback();
      return false;
    }
    std::string diag = b.diagnostic.substr(0, 1000);
    sql << "INSERT INTO newsletter_bounces (email, subscriber_id, kind, status_code, diagnostic, message_id, source, "
           "source_id, created_at) VALUES (:e, :s, :k, :c, :d, :m, :src, :sid, :t)",
        soci::use(email), soci::use(sid), soci::use(b.kind), soci::use(b.status_code), soci::use(diag),
        soci::use(b.message_id), soci::use(b.source), soci::use(source_id), soci::use(now);
    if (b.kind == "hard") {
      int limit = kMaxHardBounces;
      sql << "UPDATE subscribers SET hard_bounces = hard_bounces + 1 WHERE id = :id", soci::use(sid);
      sql << "UPDATE subscribers SET status = 'bounced' WHERE id = :id AND hard_bounces >= :n AND status = 'confirmed'",
          soci::use(sid), soci::use(limit);
      if (!b.message_id.empty()) {
        std::string err = "bounced (" + b.source + "): " + b.status_code + " " + diag.substr(0, 300);
        sql << "UPDATE newsletter_deliveries SET status = 'failed', error = :e, updated_at = :u WHERE subscriber_id = "
               ":s "
               "AND message_id = :m",
            soci::use(err), soci::use(now), soci::use(sid), soci::use(b.message_id);
      }
    }
    tr.commit();
    return true;
  });
}

Result<BounceReport> ProcessBounceFiles(storage::Database& db, const Clock& clock,
                                        const std::vector<std::string>& paths) {
  BounceReport rep;
  std::vector<fs::path> files;
  for (const auto& p : paths) {
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      std::vector<fs::path> in_dir;
      for (const auto& e : fs::directory_iterator(p, ec))
        if (e.is_regular_file() && e.path().filename().string()[0] != '.') in_dir.push_back(e.path());
      std::sort(in_dir.begin(), in_dir.end());
      files.insert(files.end(), in_dir.begin(), in_dir.end());
    } else if (fs::is_regular_file(p, ec)) {
      files.push_back(p);
    } else {
      return InvalidArgument("no such file or directory: " + p, "path");
    }
  }
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    if (!in) {
      rep.errors.push_back("cannot read " + f.string());
      continue;
    }
    ++rep.files;
    for (const auto& raw : SplitMbox(ss.str())) {
      ++rep.messages;
      auto dsn = ParseDsn(raw);
      if (!dsn) {
        // Not a bounce: perhaps an unsubscribe request by mail (List-Unsubscribe mailto).
        const std::string token = UnsubscribeRequestToken(raw);
        if (token.empty()) continue;
        ++rep.unsubscribe_requests;
        SubscriptionService subs(db, clock);
        auto before = subs.ByUnsubscribeToken(token);
        if (!before) {
          if (before.status().code() != Code::kInvalidArgument) return before.status();
          ++rep.bad_requests;
          continue;
        }
        VB_RETURN_IF_ERROR(subs.Unsubscribe(token).status());
        if (before->status != SubscriberStatus::kUnsubscribed) ++rep.unsubscribed;
        continue;
      }
      ++rep.dsns;
      for (const auto& r : dsn->recipients) {
        if (r.action != "failed" && r.action != "delayed") continue;
        BounceRecord b{r.email,
                       r.hard() ? "hard" : "soft",
                       r.status,
                       r.diagnostic,
                       dsn->original_message_id.empty() ? dsn->message_id : dsn->original_message_id,
                       "dsn"};
        if (b.message_id.empty()) b.message_id = "dsn:" + std::to_string(std::hash<std::string>{}(raw));
        VB_ASSIGN_OR_RETURN(auto sub_before, SubscriptionService(db, clock).FindByEmail(r.email));
        if (!sub_before) {
          ++rep.unknown;
          continue;
        }
        VB_ASSIGN_OR_RETURN(bool recorded, RecordBounce(db, clock, b));
        if (!recorded) {
          ++rep.duplicates;
          continue;
        }
        (b.kind == "hard" ? rep.hard : rep.soft) += 1;
        VB_ASSIGN_OR_RETURN(auto sub_after, SubscriptionService(db, clock).FindByEmail(r.email));
        if (sub_after && sub_after->status == SubscriberStatus::kBounced &&
            sub_before->status != SubscriberStatus::kBounced)
          ++rep.stopped;
      }
    }
  }
  return rep;
}

}  // namespace verbinder::newsletter
