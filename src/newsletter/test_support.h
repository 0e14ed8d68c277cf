// Test-only helpers shared by newsletter_test.cpp and smtp_test.cpp: a fake
// SMTP transport, a quoted-printable/MIME reader for checking messages, and a
// small seeded network (members with visibility, an upcoming event with
// registrations, articles, subscribers) that tells whose personal part is whose.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <map>
#include <set>
#include <string>
#include <vector>

#include <soci/soci.h>

#include "domain/accounts.h"
#include "domain/bulk_load.h"
#include "domain/members.h"
#include "mail/testing.h"
#include "mail/testing_smtp_sink.h"
#include "newsletter/articles.h"
#include "newsletter/compose.h"
#include "newsletter/subscriptions.h"
#include "storage/database.h"
#include "util/clock.h"

namespace verbinder::newsletter::testing {

// 2026-11-15 12:00 Europe/Amsterdam.
inline constexpr int64_t kNow = 1794740400;

using mail::testing::DecodeBase64;
using mail::testing::DecodeHeader;
using mail::testing::DecodeQuotedPrintable;
using mail::testing::FakeTransport;
using mail::testing::ParsedMail;
using mail::testing::ParseMail;
using mail::testing::SmtpSink;

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
  EXPECT_TRUE(
      accounts.CreateAccount(domain::Viewer::System(), s.leader, "een lang wachtwoord", model::Role::kOrganizer).ok());
  s.anja = AddMember(members, "Anja Kamphuis", "anja@zorg.example", "care", V::kMembers, "Twente",
                     {"planning", "roosters"}, false);
  s.pieter = AddMember(members, "Pieter Lammerink", "pieter@fabriek.example", "industry", V::kMembers, "Twente",
                       {"lean"}, true);
  s.hidden_hans =
      AddMember(members, "Verborgen Hans", "hans@fabriek.example", "industry", V::kHidden, "Twente", {"lean"}, true);
  s.optout_olga = AddMember(members, "Olga Zonderconsent", "olga@fabriek.example", "industry", V::kMembers, "Twente",
                            {}, false, false);
  s.emma = AddMember(members, "Emma Teacher", "emma@school.example", "education", V::kMembers, "Utrecht", {"planning"},
                     false, true, {"en"});
  model::Challenge c;
  c.title = "Planning van onderhoud loopt vast";
  c.text = "Onze planning van onderhoudsrondes klopt nooit.";
  EXPECT_TRUE(members.AddChallenge(domain::Viewer::System(), s.pieter, c).ok());
  c.title = "Geheime planning van Hans";
  EXPECT_TRUE(members.AddChallenge(domain::Viewer::System(), s.hidden_hans, c).ok());
  {
    soci::session sql(db.pool());
    long long starts = now + 18 * 86400, ends = starts + 4 * 3600, created = now, id = 0;
    sql << "INSERT INTO events (title, kind, description, starts_at, ends_at, location, capacity, price_cents, "
           "created_at) "
           "VALUES ('Inspiratiesessie Slim Plannen', 'inspiration_session', '', :s, :e, 'Hengelo', 50, 0, :c) "
           "RETURNING id",
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
  auto sr = subs.Subscribe("lezer@elders.example", "nl", {}, false);
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
