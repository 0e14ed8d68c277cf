// Upgrades (issue #19): a database made at the oldest schema in the tree
// (migration 0001 only) with the data every module wrote at that version is
// migrated forward one migration at a time to the newest, and every row is
// still there with its values; the data-changing migrations (0009, 0011, 0012)
// do exactly what they document. The same data seeded at every later schema
// version upgrades too ("forward from every released schema"). Finally the
// real binary (`verbinder export`) reads the upgraded file.
#include <sodium.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <soci/soci.h>
#include <nlohmann/json.hpp>

#include "storage/database.h"
#include "storage/migrations.h"

namespace verbinder::storage {
namespace {

namespace fs = std::filesystem;
using Rows = std::set<std::string>;  // each row as "col=value|col=value…"

std::string TempDb(const std::string& name) {
  auto dir = fs::temp_directory_path() / ("vb-upgrade-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  auto p = dir / name;
  for (const char* ext : {"", "-wal", "-shm"}) fs::remove(p.string() + ext);
  return p.string();
}

int Latest() {
  return Migrations().back().version;
}

std::vector<std::string> Columns(soci::session& sql, const std::string& table) {
  std::vector<std::string> cols;
  soci::rowset<soci::row> rs = (sql.prepare << "PRAGMA table_info(\"" + table + "\")");
  for (const auto& r : rs) cols.push_back(r.get<std::string>(1));
  return cols;
}

std::vector<std::string> Tables(soci::session& sql) {
  std::vector<std::string> out;
  soci::rowset<std::string> rs =
      (sql.prepare << "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
  for (const auto& t : rs) out.push_back(t);
  return out;
}

// Every row of `table`, restricted to `cols`, as text (typeof keeps 1 and '1' apart).
Rows Dump(soci::session& sql, const std::string& table, const std::vector<std::string>& cols) {
  std::string expr;
  for (const auto& c : cols) {
    if (!expr.empty()) expr += " || '|' || ";
    expr += "'";
    expr += c;
    expr += "=' || typeof(\"";
    expr += c;
    expr += "\") || ':' || COALESCE(CAST(\"";
    expr += c;
    expr += "\" AS TEXT), 'NULL')";
  }
  Rows out;
  soci::rowset<std::string> rs = (sql.prepare << "SELECT " + expr + " FROM \"" + table + "\"");
  for (const auto& r : rs) out.insert(r);
  return out;
}

std::string PasswordHash(const std::string& password) {
  char out[crypto_pwhash_STRBYTES];
  if (sodium_init() < 0 || crypto_pwhash_str(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                                             crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
    throw std::runtime_error("crypto_pwhash_str failed");
  return out;
}

// What the modules wrote at schema 0001 (the platform core: sectors,
// organizations, members and their search terms, challenges, accounts,
// sessions, API tokens, sign-in throttling, jobs, connections, events,
// registrations and the interaction ledger), in the columns 0001 had.
void SeedCore(soci::session& sql, const std::string& hash) {
  sql << "INSERT INTO settings (key, value) VALUES ('mail.from_email', 'netwerk@example.org')";
  sql << "INSERT INTO sectors (key, label_nl, label_en, position) VALUES ('care', 'Zorg', 'Care', 1), "
         "('industry', 'Industrie', 'Industry', 2), ('government', 'Overheid', 'Government', 3)";
  sql << "INSERT INTO organizations (id, name, name_key, sector, city, created_at) VALUES "
         "(1, 'Noaberzorg', 'noaberzorg', 'care', 'Enschede', 1700000000), "
         "(2, 'TPO Almelo', 'tpo almelo', 'industry', 'Almelo', 1700000001)";
  sql << "INSERT INTO members (id, name, email, organization_id, title, sector, region, languages, bio, "
         "expertise_tags, "
         "expertise_text, hosts_visits, visit_location, visibility, consent_matchmaking, consent_newsletter, "
         "linkedin_url, created_at, updated_at) VALUES "
         "(1, 'Anja Kamphuis', 'anja@example.org', 1, 'Teamleider wijkzorg', 'care', 'Twente', 'nl;en', "
         "'Zorg dichtbij huis — ''s avonds ook', 'wijkzorg;e-health', 'thuismonitoring', 1, 'Enschede', 'members', 1, "
         "1, "
         "'https://www.linkedin.com/in/anja', 1700000100, 1700000200), "
         "(2, 'Pieter Lammerink', 'pieter@example.org', 2, 'Productieleider', 'industry', 'Twente', 'nl', '', "
         "'lean', '', 0, '', 'organizers', 1, 0, '', 1700000101, 1700000101), "
         "(3, 'Fatima el Amrani', 'fatima@example.org', NULL, 'Beleidsadviseur', 'government', 'Achterhoek', 'nl;en', "
         "'', '', '', 0, '', 'hidden', 0, 0, '', 1700000102, 1700000102), "
         "(4, 'Leider', 'leider@example.org', 1, 'Netwerkleider', 'care', 'Twente', 'nl', '', '', '', 0, '', "
         "'members', 1, 0, '', 1700000103, 1700000103)";
  sql << "INSERT INTO member_terms (term, member_id) VALUES ('anja', 1), ('kamphuis', 1), ('noaberzorg', 1), "
         "('pieter', 2), ('lammerink', 2), ('fatima', 3), ('leider', 4)";
  sql << "INSERT INTO challenges (id, member_id, title, text, status, created_at, updated_at) VALUES "
         "(1, 1, 'Personeel vinden', 'Wie heeft ervaring met zij-instromers?', 'open', 1700000300, 1700000300), "
         "(2, 2, 'Robotisering', '', 'solved', 1700000301, 1700000400)";
  sql << "INSERT INTO accounts (member_id, password_hash, role, disabled, created_at) VALUES "
         "(4, :h, 'admin', 0, 1700000500), (1, :h2, 'member', 0, 1700000501), (2, :h3, 'organizer', 1, 1700000502)",
      soci::use(hash), soci::use(hash), soci::use(hash);
  sql << "INSERT INTO sessions (token_hash, member_id, csrf_token, created_at, expires_at) VALUES "
         "('sess-1', 4, 'csrf-1', 1700000600, 4000000000)";
  sql << "INSERT INTO api_tokens (id, member_id, name, token_hash, created_at) VALUES (1, 4, 'export', 'tok-1', "
         "1700000700)";
  sql << "INSERT INTO login_attempts (id, key, at) VALUES (1, 'ip:203.0.113.7', 1700000800)";
  sql << "INSERT INTO jobs (id, kind, payload, status, locked_by, locked_until, created_at, updated_at) VALUES "
         "(1, 'analysis', '{\"k\":1}', 'done', '', 0, 1700000900, 1700000901)";
  sql << "INSERT INTO connections (id, from_member, to_member, status, message, created_at, updated_at) VALUES "
         "(1, 1, 2, 'accepted', 'Zullen we koffie drinken?', 1700001000, 1700001100), "
         "(2, 3, 1, 'pending', '', 1700001001, 1700001001)";
  sql << "INSERT INTO events (id, title, kind, description, starts_at, ends_at, timezone, location, capacity, "
         "price_cents, registration_deadline, created_at) VALUES "
         "(1, 'Congres Zorg & Industrie', 'congress', 'Het jaarcongres', 1700100000, 1700130000, 'Europe/Amsterdam', "
         "'Hengelo', 200, 4500, 1700090000, 1700002000), "
         "(2, 'Borrel', 'borrel', '', 1700200000, 1700210000, 'Europe/Amsterdam', 'Enschede', 0, 0, 0, 1700002001)";
  sql << "INSERT INTO registrations (id, event_id, member_id, status, created_at) VALUES "
         "(1, 1, 1, 'registered', 1700003000), (2, 1, 2, 'registered', 1700003001), "
         "(3, 1, 3, 'waitlisted', 1700003002), (4, 2, 1, 'cancelled', 1700003003)";
  // The ledger: a LinkedIn import (connected), a seating table (met_at_event,
  // not a check-in) and a meeting.
  sql << "INSERT INTO interactions (id, a, b, kind, at, source, event_id) VALUES "
         "(1, 1, 2, 'connected', 1700004000, 'linkedin', NULL), "
         "(2, 1, 2, 'met_at_event', 1700100500, 'table:1:1:3:6', 1), "
         "(3, 2, 3, 'meeting_held', 1700101000, 'meeting:7', 1), "
         "(4, 1, 4, 'answered', 1700005000, 'question:2', NULL)";
}

// Migrates one version at a time from the current one to the newest; each
// step must apply exactly one migration.
void MigrateStepwise(Database& db) {
  int from = *db.SchemaVersion();
  for (const auto& m : Migrations()) {
    if (m.version <= from) continue;
    auto applied = db.Migrate(m.version);
    ASSERT_TRUE(applied.ok()) << "migration " << m.name << ": " << applied.status().ToString();
    ASSERT_EQ(*applied, 1) << m.name;
    ASSERT_EQ(*db.SchemaVersion(), m.version);
  }
}

TEST(UpgradeTest, OldestSchemaWithEveryModulesDataUpgradesIntact) {
  const std::string path = TempDb("oldest.db");
  auto db = Database::Open(path, 1);
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  ASSERT_EQ(*(*db)->Migrate(Migrations().front().version), 1);
  ASSERT_EQ(*(*db)->SchemaVersion(), 1);
  const std::string hash = PasswordHash("een lang wachtwoord");
  std::map<std::string, std::vector<std::string>> v1_columns;
  std::map<std::string, Rows> before;
  {
    soci::session sql((*db)->pool());
    SeedCore(sql, hash);
    // The check-in of the old days: presence written as met_at_event rows (source
    // event:<id>, dated at a check-in); 0011 removes exactly those. Registrations
    // had no checked_in_at at 0001, so the row must survive until 0002 adds it:
    // then it is not at a check-in time and stays.
    sql << "INSERT INTO interactions (id, a, b, kind, at, source, event_id) VALUES "
           "(5, 1, 3, 'met_at_event', 1700100600, 'event:1', 1)";
    for (const auto& t : Tables(sql)) {
      v1_columns[t] = Columns(sql, t);
      before[t] = Dump(sql, t, v1_columns[t]);
    }
  }
  ASSERT_GE(v1_columns.size(), 15u);
  MigrateStepwise(**db);
  EXPECT_EQ(*(*db)->SchemaVersion(), Latest());

  soci::session sql((*db)->pool());
  for (const auto& [table, cols] : v1_columns) {
    SCOPED_TRACE(table);
    auto now_cols = Columns(sql, table);
    for (const auto& c : cols)
      ASSERT_NE(std::find(now_cols.begin(), now_cols.end(), c), now_cols.end()) << "column " << c << " was dropped";
    Rows after = Dump(sql, table, cols);
    if (table == "members") {
      // 0012: the profile's newsletter choice follows the subscriptions; with no
      // subscriber at 0001, Anja's checkbox goes off, and nothing else changes.
      Rows expected;
      for (auto r : before[table]) {
        auto at = r.find("consent_newsletter=integer:1");
        if (at != std::string::npos)
          r.replace(at, std::string("consent_newsletter=integer:1").size(), "consent_newsletter=integer:0");
        expected.insert(r);
      }
      EXPECT_EQ(after, expected);
      long long logged = 0;
      sql << "SELECT count(*) FROM member_changes WHERE member_id = 1", soci::into(logged);
      EXPECT_EQ(logged, 1) << "0012 logs the changed member for the profile caches";
    } else if (table == "schema_migrations") {
      EXPECT_TRUE(std::includes(after.begin(), after.end(), before[table].begin(), before[table].end()));
      EXPECT_EQ(after.size(), Migrations().size());
    } else {
      EXPECT_EQ(after, before[table]);
    }
  }
  // Columns added later have their documented defaults on old rows.
  long long is_public = 0, checked_in = -1, opt_out = -1;
  sql << "SELECT is_public FROM events WHERE id = 1", soci::into(is_public);
  sql << "SELECT checked_in_at, rounds_opt_out FROM registrations WHERE id = 1", soci::into(checked_in),
      soci::into(opt_out);
  EXPECT_EQ(is_public, 1);
  EXPECT_EQ(checked_in, 0);
  EXPECT_EQ(opt_out, 0);
  std::string integrity;
  sql << "PRAGMA integrity_check", soci::into(integrity);
  EXPECT_EQ(integrity, "ok");
  long long fk_violations = 0;
  {
    soci::rowset<soci::row> rs = (sql.prepare << "PRAGMA foreign_key_check");
    for (auto it = rs.begin(); it != rs.end(); ++it) ++fk_violations;
  }
  EXPECT_EQ(fk_violations, 0);
}

// 0009 and 0011 change rows that only exist from 0002 on: a notification gets
// its Dutch text, and the presence rows of a check-in go while everything else
// in the ledger stays. 0012 links a subscriber (0003) to the member with its
// address and turns that member's profile choice on.
TEST(UpgradeTest, DataChangingMigrationsDoWhatTheySay) {
  const std::string path = TempDb("v3.db");
  auto db = Database::Open(path, 1);
  ASSERT_TRUE(db.ok());
  ASSERT_TRUE((*db)->Migrate(3).ok());
  {
    soci::session sql((*db)->pool());
    SeedCore(sql, PasswordHash("x"));
    sql << "UPDATE registrations SET checked_in_at = 1700100600 WHERE id = 1";
    sql << "UPDATE registrations SET checked_in_at = 1700100700 WHERE id = 2";
    sql << "INSERT INTO interactions (id, a, b, kind, at, source, event_id) VALUES "
           "(5, 1, 2, 'met_at_event', 1700100700, 'event:1', 1)";  // presence at Pieter's check-in: goes
    sql << "INSERT INTO event_notifications (id, member_id, kind, text, ref, created_at) VALUES "
           "(1, 2, 'meeting', 'Anja wants to meet you', 'event:1', 1700100800)";
    sql << "INSERT INTO subscribers (id, email, member_id, language, topics, status, created_at, confirmed_at) VALUES "
           "(1, 'pieter@example.org', NULL, 'nl', 'zorg', 'confirmed', 1700000000, 1700000001), "
           "(2, 'buiten@example.org', NULL, 'en', '', 'pending', 1700000002, 0)";
  }
  MigrateStepwise(**db);
  soci::session sql((*db)->pool());
  std::string nl;
  sql << "SELECT text_nl FROM event_notifications WHERE id = 1", soci::into(nl);
  EXPECT_EQ(nl, "Anja wants to meet you");
  std::vector<long long> ids(10);
  sql << "SELECT id FROM interactions ORDER BY id", soci::into(ids);
  EXPECT_EQ(ids, (std::vector<long long>{1, 2, 3, 4}));
  long long member_id = 0, pieter_consent = 0, anja_consent = 1;
  soci::indicator ind;
  sql << "SELECT member_id FROM subscribers WHERE id = 1", soci::into(member_id, ind);
  EXPECT_EQ(member_id, 2);
  sql << "SELECT member_id FROM subscribers WHERE id = 2", soci::into(member_id, ind);
  EXPECT_EQ(ind, soci::i_null);
  sql << "SELECT consent_newsletter FROM members WHERE id = 2", soci::into(pieter_consent);
  sql << "SELECT consent_newsletter FROM members WHERE id = 1", soci::into(anja_consent);
  EXPECT_EQ(pieter_consent, 1);
  EXPECT_EQ(anja_consent, 0);
}

// The same 0001 data seeded at every schema version upgrades to the newest
// with every 0001 row intact (apart from 0012's documented profile choice).
TEST(UpgradeTest, EverySchemaVersionUpgradesToTheNewest) {
  for (const auto& m : Migrations()) {
    SCOPED_TRACE(m.name);
    const std::string path = TempDb("at-" + std::to_string(m.version) + ".db");
    auto db = Database::Open(path, 1);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE((*db)->Migrate(m.version).ok());
    std::map<std::string, std::pair<std::vector<std::string>, Rows>> before;  // table → columns then, rows
    {
      soci::session sql((*db)->pool());
      SeedCore(sql, "$argon2id$not-checked-here");
      sql << "UPDATE members SET consent_newsletter = 0";  // consistent with no subscription: 0012 keeps it
      for (const std::string t : {"members", "accounts", "events", "registrations", "interactions", "connections"}) {
        auto cols = Columns(sql, t);
        before[t] = {cols, Dump(sql, t, cols)};
      }
    }
    MigrateStepwise(**db);
    ASSERT_EQ(*(*db)->SchemaVersion(), Latest());
    soci::session sql((*db)->pool());
    for (const auto& [t, then] : before) EXPECT_EQ(Dump(sql, t, then.first), then.second) << t;
  }
}

// The real binary reads the upgraded oldest-schema database through its
// domain layer: every member and ledger row is in `verbinder export`.
TEST(UpgradeTest, BinaryExportsTheUpgradedDatabase) {
  const char* bin = std::getenv("VERBINDER_BINARY");
  if (!bin || !fs::exists(bin)) GTEST_SKIP() << "VERBINDER_BINARY not built";
  const std::string path = TempDb("export.db");
  {
    auto db = Database::Open(path, 1);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE((*db)->Migrate(1).ok());
    soci::session sql((*db)->pool());
    SeedCore(sql, PasswordHash("x"));
  }
  const std::string out = path + ".json";
  std::string cmd = std::string(bin) + " export --db '" + path + "' -o '" + out + "' 2>&1";
  ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
  std::ifstream f(out);
  auto j = nlohmann::json::parse(f);
  std::set<std::string> emails;
  for (const auto& m : j["members"]) emails.insert(m["email"].get<std::string>());
  EXPECT_EQ(emails, (std::set<std::string>{"anja@example.org", "pieter@example.org", "fatima@example.org",
                                           "leider@example.org"}));
  EXPECT_EQ(j["interactions"].size(), 4u);
  EXPECT_EQ(j["organizations"].size(), 2u);
}

}  // namespace
}  // namespace verbinder::storage
