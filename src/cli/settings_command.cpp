// `verbinder settings list|get KEY|set KEY VALUE|unset KEY [--db URL]`: the
// installation's key/value settings (table `settings`), e.g. the mail.* keys
// of mail/config.h. mail.* values are checked before they are stored
// (mail::CheckMailSetting); secrets never go in here (the SMTP password comes
// from VERBINDER_SMTP_PASSWORD), and keys ending in "token_key" are not printed.
#include <CLI/CLI.hpp>
#include <iostream>

#include <soci/soci.h>

#include "cli/commands.h"
#include "mail/config.h"
#include "mail/dkim.h"
#include "storage/database.h"
#include "util/strings.h"
#include "storage/transaction.h"
#include "util/cli_parse.h"

namespace verbinder::cli {
namespace {

bool IsSecret(const std::string& key) {
  return key.size() >= 9 && key.compare(key.size() - 9, 9, "token_key") == 0;
}

}  // namespace

int RunSettings(const Args& args) {
  CLI::App app{"installation settings (mail.smtp_url, mail.from_email, ...; see docs/newsletter.md)", "settings"};
  app.require_subcommand(1);
  std::string db_url = cli::kDefaultDb, key, value;
  auto* list = app.add_subcommand("list", "print every setting");
  auto* get = app.add_subcommand("get", "print one setting");
  auto* set = app.add_subcommand("set", "store a setting (mail.* values are checked)");
  auto* unset = app.add_subcommand("unset", "remove a setting");
  auto* dkim = app.add_subcommand("dkim-record", "print the DNS TXT record for the configured DKIM key");
  for (auto* c : {list, get, set, unset, dkim})
    c->add_option("--db", db_url, "SQLite file path or postgresql://user@host:port/db URL");
  for (auto* c : {get, set, unset}) c->add_option("key", key, "e.g. mail.smtp_url")->required();
  set->add_option("value", value, "the value")->required();
  if (int rc = ParseCommandLine(app, args, "settings"); rc >= 0) return rc;
  if (set->parsed()) {
    if (Status s = mail::CheckMailSetting(key, value); !s.ok()) {
      Fail("settings", s);
      return kExitUsage;
    }
  }
  auto db = storage::Database::Open(db_url, 1);
  if (!db) return Fail("settings", db.status());
  if (auto m = (*db)->Migrate(); !m) return Fail("settings", m.status());
  try {
    soci::session sql((*db)->pool());
    if (list->parsed()) {
      std::string k, v;
      soci::statement st =
          (sql.prepare << "SELECT key, value FROM settings ORDER BY key", soci::into(k), soci::into(v));
      st.execute();
      while (st.fetch()) std::cout << k << "\t" << (IsSecret(k) ? "(secret)" : v) << "\n";
      return kExitOk;
    }
    if (get->parsed()) {
      std::string v;
      sql << "SELECT value FROM settings WHERE key = :k", soci::use(key), soci::into(v);
      if (!sql.got_data()) return Fail("settings get", NotFound("is not set", key));
      std::cout << (IsSecret(key) ? "(secret)" : v) << "\n";
      return kExitOk;
    }
    if (set->parsed()) {
      storage::Transaction tr(sql);
      sql << "DELETE FROM settings WHERE key = :k", soci::use(key);
      sql << "INSERT INTO settings (key, value) VALUES (:k, :v)", soci::use(key), soci::use(value);
      tr.commit();
      if (StartsWith(key, "mail.")) {
        // Read the whole mail configuration back, so a bad combination shows now.
        auto cfg = mail::LoadMailConfig(sql);
        if (!cfg) return Fail("settings set", cfg.status());
        std::cout << key << " set; mail delivery is " << (cfg->configured ? "configured" : "not configured yet")
                  << (cfg->dkim.enabled() ? ", DKIM signing on" : "") << "\n";
      } else {
        std::cout << key << " set\n";
      }
      return kExitOk;
    }
    if (unset->parsed()) {
      sql << "DELETE FROM settings WHERE key = :k", soci::use(key);
      std::cout << key << " removed\n";
      return kExitOk;
    }
    if (dkim->parsed()) {
      auto cfg = mail::LoadMailConfig(sql);
      if (!cfg) return Fail("settings dkim-record", cfg.status());
      if (!cfg->dkim.enabled())
        return Fail(
            "settings dkim-record",
            InvalidArgument("no DKIM key configured (mail.dkim_selector, mail.dkim_key_file)", "mail.dkim_key_file"));
      auto rec = mail::DkimDnsRecord(cfg->dkim.private_key_pem);
      if (!rec) return Fail("settings dkim-record", rec.status());
      std::cout << cfg->dkim.selector << "._domainkey." << cfg->dkim.domain << ". IN TXT \"" << *rec << "\"\n";
      return kExitOk;
    }
  } catch (const soci::soci_error& e) {
    return Fail("settings", Status(Code::kUnavailable, e.what()));
  }
  return kExitUsage;
}

}  // namespace verbinder::cli
