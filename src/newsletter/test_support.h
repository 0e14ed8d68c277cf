// Test-only helpers shared by newsletter_test.cpp and smtp_test.cpp: a fake
// SMTP transport, a quoted-printable/MIME reader for checking messages, and a
// small seeded network (members with visibility, an upcoming event with
// registrations, articles, subscribers) that tells whose personal part is whose.
#pragma once

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <vector>

#include <soci/soci.h>

#include "domain/accounts.h"
#include "domain/bulk_load.h"
#include "domain/members.h"
#include "newsletter/articles.h"
#include "newsletter/compose.h"
#include "newsletter/smtp.h"
#include "newsletter/subscriptions.h"
#include "storage/database.h"
#include "util/clock.h"

namespace verbinder::newsletter::testing {

// 2026-11-15 12:00 Europe/Amsterdam.
inline constexpr int64_t kNow = 1794740400;

// Records every message; can refuse some recipients (5xx) or fail from the
// n-th call on (a transient error, as an unreachable server).
class FakeTransport : public SmtpTransport {
 public:
  struct Sent { std::string from, to, data; };
  SendResult Send(const std::string& from, const std::string& to, const std::string& data) override {
    ++calls;
    if (fail_from_call > 0 && calls >= fail_from_call) return {Outcome::kTransient, "connection refused"};
    if (reject.count(to)) return {Outcome::kRejected, "550 mailbox unavailable"};
    sent.push_back({from, to, data});
    return {Outcome::kSent, "250"};
  }
  std::vector<Sent> sent;
  std::set<std::string> reject;
  int calls = 0;
  int fail_from_call = 0;  // 0 = never
};

inline std::string DecodeQuotedPrintable(const std::string& in) {
  std::string out;
  for (size_t i = 0; i < in.size(); ++i) {
    if (in[i] == '=' && i + 2 < in.size() && in[i + 1] == '\r' && in[i + 2] == '\n') { i += 2; continue; }
    if (in[i] == '=' && i + 1 < in.size() && in[i + 1] == '\n') { i += 1; continue; }
    if (in[i] == '=' && i + 2 < in.size()) {
      out += static_cast<char>(std::stoi(in.substr(i + 1, 2), nullptr, 16));
      i += 2;
      continue;
    }
    if (in[i] == '\r') continue;
    out += in[i];
  }
  return out;
}

inline std::string DecodeBase64(const std::string& in) {
  std::string out;
  int val = 0, bits = -8;
  for (unsigned char c : in) {
    int d;
    if (c >= 'A' && c <= 'Z') d = c - 'A';
    else if (c >= 'a' && c <= 'z') d = c - 'a' + 26;
    else if (c >= '0' && c <= '9') d = c - '0' + 52;
    else if (c == '+') d = 62;
    else if (c == '/') d = 63;
    else continue;
    val = (val << 6) + d;
    bits += 6;
    if (bits >= 0) { out += static_cast<char>((val >> bits) & 0xFF); bits -= 8; }
  }
  return out;
}

// A parsed message: unfolded headers (first occurrence per lowercased name;
// `header_count` counts them all) and the decoded text and HTML parts.
struct ParsedMail {
  std::map<std::string, std::string> headers;
  std::map<std::string, int> header_count;
  std::string text, html, raw_head;
  bool crlf_only = true;  // every line ended in CRLF
};

inline ParsedMail ParseMail(const std::string& raw) {
  ParsedMail m;
  for (size_t i = 0; i < raw.size(); ++i)
    if (raw[i] == '\n' && (i == 0 || raw[i - 1] != '\r')) m.crlf_only = false;
  std::string s;
  for (char c : raw) if (c != '\r') s += c;
  auto end = s.find("\n\n");
  m.raw_head = s.substr(0, end);
  std::string body = end == std::string::npos ? "" : s.substr(end + 2);
  std::string name, value;
  auto flush = [&] {
    if (name.empty()) return;
    std::string lower;
    for (char c : name) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (!m.headers.count(lower)) m.headers[lower] = value;
    ++m.header_count[lower];
    name.clear();
  };
  size_t pos = 0;
  while (pos <= m.raw_head.size()) {
    auto nl = m.raw_head.find('\n', pos);
    std::string line = m.raw_head.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos);
    if (!line.empty() && (line[0] == ' ' || line[0] == '\t')) value += line;  // folded: keep the space
    else {
      flush();
      auto colon = line.find(':');
      if (colon != std::string::npos) {
        name = line.substr(0, colon);
        value = line.substr(colon + 1);
        while (!value.empty() && value[0] == ' ') value.erase(0, 1);
      }
    }
    if (nl == std::string::npos) break;
    pos = nl + 1;
  }
  flush();
  // Split the parts on the boundary.
  auto ct = m.headers["content-type"];
  auto b = ct.find("boundary=\"");
  if (b == std::string::npos) return m;
  std::string boundary = ct.substr(b + 10, ct.find('"', b + 10) - b - 10);
  size_t at = 0;
  while ((at = body.find("--" + boundary + "\n", at)) != std::string::npos) {
    at += boundary.size() + 3;
    auto head_end = body.find("\n\n", at);
    std::string head = body.substr(at, head_end - at);
    auto next = body.find("\n--" + boundary, head_end);
    std::string content = DecodeQuotedPrintable(body.substr(head_end + 2, next - head_end - 2));
    if (head.find("text/plain") != std::string::npos) m.text = content;
    if (head.find("text/html") != std::string::npos) m.html = content;
  }
  return m;
}

// Decodes a header made of RFC 2047 B-encoded UTF-8 words (or plain ASCII).
inline std::string DecodeHeader(const std::string& v) {
  std::string out;
  size_t i = 0;
  while (i < v.size()) {
    auto start = v.find("=?UTF-8?B?", i);
    if (start == std::string::npos) { out += v.substr(i); break; }
    std::string between = v.substr(i, start - i);
    if (between.find_first_not_of(" \t") != std::string::npos) out += between;
    auto end = v.find("?=", start + 10);
    out += DecodeBase64(v.substr(start + 10, end - start - 10));
    i = end + 2;
  }
  return out;
}

// The seeded network. Ids are filled in by Seed().
struct Seeded {
  model::Id leader = 0, anja = 0, pieter = 0, hidden_hans = 0, optout_olga = 0, emma = 0;
  model::Id event = 0, article_nov = 0, article_oct = 0;
  model::Id sub_anja = 0, sub_emma = 0, sub_reader = 0;
};

inline model::Id AddMember(domain::MemberService& members, const std::string& name, const std::string& email,
                           const std::string& sector, model::Visibility vis, const std::string& region,
                           std::vector<std::string> expertise, bool hosts, bool consent = true,
                           std::vector<std::string> languages = {"nl"}) {
  model::Member m;
  m.name = name;
  m.email = email;
  m.sector = sector;
  m.organization = name.substr(0, name.find(' ')) + " Organisatie";
  m.visibility = vis;
  m.region = region;
  m.expertise_tags = std::move(expertise);
  m.hosts_visits = hosts;
  m.visit_location = hosts ? "Almelo, de werkvloer" : "";
  m.consent_matchmaking = consent;
  m.languages = std::move(languages);
  auto r = members.Create(domain::Viewer::System(), m);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() ? r->id : 0;
}

// Members: Anja (care, Twente, expertise "planning"), Pieter (industry,
// Twente, hosts visits, open challenge about planning), Hidden Hans (hidden
// profile, industry, Twente, hosts visits, challenge about planning —
// everything that would make him a suggestion), Opt-out Olga (industry, no
// matchmaking consent), Emma (education, English). All but the leader are
// registered for an upcoming event on 2026-12-03. Two articles: one
// published in November 2026, one in October. Subscribers: Anja (member,
// nl), Emma (member, en), and an anonymous reader.
inline Seeded Seed(storage::Database& db, const Clock& clock, int64_t now = kNow) {
  Seeded s;
  EXPECT_TRUE(domain::EnsureDefaultSectors(db).ok());
  domain::MemberService members(db, clock);
  domain::AccountService accounts(db, clock);
  using V = model::Visibility;
  s.leader = AddMember(members, "Lotte Leider", "leider@netwerk.example", "other", V::kMembers, "", {}, false);
  EXPECT_TRUE(accounts.CreateAccount(domain::Viewer::System(), s.leader, "een lang wachtwoord", model::Role::kOrganizer).ok());
  s.anja = AddMember(members, "Anja Kamphuis", "anja@zorg.example", "care", V::kMembers, "Twente", {"planning", "roosters"}, false);
  s.pieter = AddMember(members, "Pieter Lammerink", "pieter@fabriek.example", "industry", V::kMembers, "Twente", {"lean"}, true);
  s.hidden_hans = AddMember(members, "Verborgen Hans", "hans@fabriek.example", "industry", V::kHidden, "Twente", {"lean"}, true);
  s.optout_olga = AddMember(members, "Olga Zonderconsent", "olga@fabriek.example", "industry", V::kMembers, "Twente", {}, false, false);
  s.emma = AddMember(members, "Emma Teacher", "emma@school.example", "education", V::kMembers, "Utrecht", {"planning"}, false, true, {"en"});
  model::Challenge c;
  c.title = "Planning van onderhoud loopt vast";
  c.text = "Onze planning van onderhoudsrondes klopt nooit.";
  EXPECT_TRUE(members.AddChallenge(domain::Viewer::System(), s.pieter, c).ok());
  c.title = "Geheime planning van Hans";
  EXPECT_TRUE(members.AddChallenge(domain::Viewer::System(), s.hidden_hans, c).ok());
  {
    soci::session sql(db.pool());
    long long starts = now + 18 * 86400, ends = starts + 4 * 3600, created = now, id = 0;
    sql << "INSERT INTO events (title, kind, description, starts_at, ends_at, location, capacity, price_cents, created_at) "
           "VALUES ('Inspiratiesessie Slim Plannen', 'inspiration_session', '', :s, :e, 'Hengelo', 50, 0, :c) RETURNING id",
        soci::use(starts), soci::use(ends), soci::use(created), soci::into(id);
    s.event = id;
    for (model::Id m : {s.anja, s.pieter, s.hidden_hans, s.optout_olga, s.emma}) {
      long long mid = m;
      sql << "INSERT INTO registrations (event_id, member_id, status, created_at) VALUES (:e, :m, 'registered', :c)",
          soci::use(id), soci::use(mid), soci::use(created);
    }
  }
  ArticleService articles(db, clock);
  domain::Viewer leader{s.leader, model::Role::kOrganizer};
  Article a;
  a.title = "Lean in de wijkzorg";
  a.summary = "Wat de fabriek de thuiszorg kan leren over doorlooptijden.";
  a.body_md = "# Lean\n\nKorte **doorlooptijden**.";
  a.status = ArticleStatus::kPublished;
  a.published_at = now - 60;
  auto r = articles.Create(leader, a);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  s.article_nov = r.ok() ? r->id : 0;
  a.title = "Oktober-artikel";
  a.published_at = now - 40 * 86400;
  r = articles.Create(leader, a);
  s.article_oct = r.ok() ? r->id : 0;

  SubscriptionService subs(db, clock);
  auto sa = subs.SubscribeMember({s.anja, model::Role::kMember}, "nl", {});
  EXPECT_TRUE(sa.ok()) << sa.status().ToString();
  s.sub_anja = sa.ok() ? sa->id : 0;
  auto se = subs.SubscribeMember({s.emma, model::Role::kMember}, "en", {});
  s.sub_emma = se.ok() ? se->id : 0;
  auto sr = subs.Subscribe("lezer@elders.example", "nl", {});
  EXPECT_TRUE(sr.ok()) << sr.status().ToString();
  if (sr.ok()) {
    auto c2 = subs.Confirm(sr->confirm_token);
    EXPECT_TRUE(c2.ok()) << c2.status().ToString();
    s.sub_reader = sr->subscriber.id;
  }
  return s;
}

inline NewsletterConfig TestConfig() {
  NewsletterConfig c;
  c.from = {"Netwerk Twente — nieuws", "nieuws@netwerk.example"};
  c.base_url = "https://netwerk.example";
  c.list_name = "Nieuwsbrief";
  return c;
}

}  // namespace verbinder::newsletter::testing
