#include "domain/bulk_load.h"
#include "domain/member_cache.h"
#include "domain/search_index.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <set>
#include <unordered_set>

#include "domain/accounts.h"
#include "domain/db_util.h"
#include "domain/members.h"
#include "util/strings.h"
#include "storage/transaction.h"

namespace verbinder::domain {
namespace {

using model::Id;

constexpr size_t kChunk = 20000;

long long MaxId(soci::session& sql, const std::string& table) {
  long long v = 0;
  soci::indicator ind;
  sql << "SELECT max(id) FROM " + table, soci::into(v, ind);
  return ind == soci::i_ok ? v : 0;
}

// Calls fn(begin, end) over [0, n) in chunks and reports progress.
template <typename Fn>
void Chunked(size_t n, int64_t& done, int64_t total, const ProgressFn& progress, Fn fn) {
  for (size_t b = 0; b < n; b += kChunk) {
    size_t e = std::min(n, b + kChunk);
    fn(b, e);
    done += static_cast<int64_t>(e - b);
    if (progress) progress(done, total);
  }
}

// Secondary indexes of `table` as (name, CREATE statement), read from the catalog.
std::vector<std::pair<std::string, std::string>> SecondaryIndexes(soci::session& sql, storage::Backend backend,
                                                                  const std::string& table) {
  std::vector<std::pair<std::string, std::string>> out;
  std::string name, def;
  soci::indicator ind;
  if (backend == storage::Backend::kSqlite) {
    soci::statement st = (sql.prepare << "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = :t",
                          soci::use(table), soci::into(name), soci::into(def, ind));
    st.execute();
    while (st.fetch())
      if (ind == soci::i_ok) out.push_back({name, def});  // NULL sql = automatic (PK/UNIQUE) index: keep
  } else {
    soci::statement st = (sql.prepare << "SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.tablename = :t "
                                         "AND i.schemaname = current_schema() AND NOT EXISTS (SELECT 1 FROM "
                                         "pg_constraint c WHERE c.conname = i.indexname)",
                          soci::use(table), soci::into(name), soci::into(def));
    st.execute();
    while (st.fetch()) out.push_back({name, def});
  }
  return out;
}

// Drops the secondary indexes of tables that are empty now and recreates them
// at Finish(): one sorted build instead of millions of random B-tree inserts.
class DeferredIndexes {
 public:
  DeferredIndexes(soci::session& sql, storage::Backend backend, std::initializer_list<const char*> tables) : sql_(sql) {
    for (const char* t : tables) {
      long long n = 0;
      sql << std::string("SELECT count(*) FROM (SELECT 1 FROM ") + t + " LIMIT 1) x", soci::into(n);
      if (n) continue;
      for (auto& [name, def] : SecondaryIndexes(sql, backend, t)) {
        sql << "DROP INDEX " + name;
        saved_.push_back(def);
      }
    }
  }
  void Finish() {
    for (const auto& def : saved_) sql_ << def;
    saved_.clear();
  }

 private:
  soci::session& sql_;
  std::vector<std::string> saved_;
};

void ResetSequence(soci::session& sql, storage::Backend backend, const std::string& table) {
  if (backend != storage::Backend::kPostgres) return;
  sql << "SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), GREATEST(COALESCE((SELECT max(id) FROM " +
             table + "), 1), 1))";
}

}  // namespace

Status EnsureDefaultSectors(storage::Database& db) {
  auto r = WithSession<bool>(db, [&](soci::session& sql) -> Result<bool> {
    long long n = 0;
    sql << "SELECT count(*) FROM sectors", soci::into(n);
    if (n) return true;
    long long pos = 0;
    for (const auto& s : model::DefaultSectors()) {
      ++pos;
      sql << "INSERT INTO sectors (key, label_nl, label_en, position) VALUES (:k, :n, :e, :p)", soci::use(s.key),
          soci::use(s.label_nl), soci::use(s.label_en), soci::use(pos);
    }
    return true;
  });
  return r.ok() ? Status::Ok() : r.status();
}

Result<LoadStats> LoadNetwork(storage::Database& db, const model::Network& net, const Clock& clock,
                              const ProgressFn& progress) {
  // Validate references before touching the database.
  const Id n_org = static_cast<Id>(net.organizations.size()), n_mem = static_cast<Id>(net.members.size()),
           n_ev = static_cast<Id>(net.events.size());
  {
    std::unordered_set<std::string> emails;
    for (size_t i = 0; i < net.members.size(); ++i) {
      const auto& m = net.members[i];
      if (!IsValidEmail(m.email) || !emails.insert(AsciiLower(m.email)).second)
        return InvalidArgument("invalid or duplicate e-mail '" + m.email + "'", "members[" + std::to_string(i) + "]");
      if (m.organization_id < 0 || m.organization_id > n_org)
        return InvalidArgument("unknown organization", "members[" + std::to_string(i) + "]");
    }
    for (size_t i = 0; i < net.interactions.size(); ++i) {
      const auto& in = net.interactions[i];
      if (in.a < 1 || in.a > n_mem || in.b < 1 || in.b > n_mem || in.a == in.b || in.event_id < 0 || in.event_id > n_ev)
        return InvalidArgument("bad member or event reference", "interactions[" + std::to_string(i) + "]");
    }
  }
  std::vector<std::string> hashes;
  for (const auto& acc : net.accounts) {
    if (acc.member_id < 1 || acc.member_id > n_mem) return InvalidArgument("bad member reference", "accounts");
    VB_ASSIGN_OR_RETURN(std::string h, HashPassword(acc.password));
    hashes.push_back(h);
  }
  auto r = WithSession<LoadStats>(db, [&](soci::session& sql) -> Result<LoadStats> {
    LoadStats st;
    const int64_t now = clock.Now();
    int64_t total = static_cast<int64_t>(net.members.size() * 2 + net.interactions.size() + net.connections.size()),
            done = 0;
    // A large page cache for the load only: index maintenance on millions of
    // rows thrashes SQLite's default 2 MB cache. Restored below.
    if (db.backend() == storage::Backend::kSqlite) sql << "PRAGMA cache_size = -262144";
    struct RestoreCache {
      soci::session& s;
      bool lite;
      // Back to storage::Database's per-connection default.
      ~RestoreCache() {
        try {
          if (lite) s << "PRAGMA cache_size = -8192";
        } catch (...) {}
      }
    } restore{sql, db.backend() == storage::Backend::kSqlite};
    auto t_start = std::chrono::steady_clock::now();
    auto phase = [&](const char* name) {
      if (std::getenv("VERBINDER_TRACE_LOAD"))
        std::fprintf(stderr, "load: %-14s %.2f s\n", name,
                     std::chrono::duration<double>(std::chrono::steady_clock::now() - t_start).count());
    };
    // Foreign keys are checked above, in memory, for every reference the load
    // writes (fresh ids, validated member/event/organization positions), so
    // SQLite's per-row checks — a B-tree search per reference and a statement
    // journal per row, for millions of term and ledger rows — are switched off
    // for the load. The pragma only works outside a transaction; restored below.
    struct ForeignKeysOff {
      soci::session& s;
      bool lite;
      ForeignKeysOff(soci::session& s_, bool lite_) : s(s_), lite(lite_) {
        if (lite) s << "PRAGMA foreign_keys = OFF";
      }
      ~ForeignKeysOff() {
        try {
          if (lite) s << "PRAGMA foreign_keys = ON";
        } catch (...) {}
      }
    } fk_off{sql, db.backend() == storage::Backend::kSqlite};
    storage::Transaction tr(sql);
    DeferredIndexes deferred(sql, db.backend(),
                             {"members", "member_terms", "challenges", "connections", "registrations", "interactions"});
    // Sectors: add missing ones.
    for (const auto& s : net.sectors) {
      long long n = 0, pos = 0;
      sql << "SELECT count(*) FROM sectors WHERE key = :k", soci::use(s.key), soci::into(n);
      if (n) continue;
      sql << "SELECT COALESCE(max(position), 0) + 1 FROM sectors", soci::into(pos);
      sql << "INSERT INTO sectors (key, label_nl, label_en, position) VALUES (:k, :n, :e, :p)", soci::use(s.key),
          soci::use(s.label_nl), soci::use(s.label_en), soci::use(pos);
      ++st.sectors;
    }
    // Emails must not collide with existing members.
    long long existing = 0;
    sql << "SELECT count(*) FROM members", soci::into(existing);
    if (existing) {
      for (const auto& m : net.members) {
        long long n = 0;
        std::string e = AsciiLower(m.email);
        sql << "SELECT count(*) FROM members WHERE email = :e", soci::use(e), soci::into(n);
        if (n) return AlreadyExists("a member with e-mail " + e + " already exists", "email");
      }
    }
    const long long org_base = MaxId(sql, "organizations"), mem_base = MaxId(sql, "members"),
                    ev_base = MaxId(sql, "events");
    // Organizations (names must be unique; reuse existing ones by name).
    std::vector<long long> org_ids(net.organizations.size());
    {
      std::vector<long long> ids;
      std::vector<std::string> names, keys, sectors, cities;
      std::vector<long long> created;
      std::vector<soci::indicator> sector_ind;
      std::map<std::string, long long> in_batch;  // organizations with the same name are one organization
      for (size_t i = 0; i < net.organizations.size(); ++i) {
        const auto& o = net.organizations[i];
        std::string key = AsciiLower(Trim(o.name));
        if (auto it = in_batch.find(key); it != in_batch.end()) {
          org_ids[i] = it->second;
          continue;
        }
        long long found = 0;
        soci::indicator ind = soci::i_null;
        if (org_base) sql << "SELECT id FROM organizations WHERE name_key = :k", soci::use(key), soci::into(found, ind);
        if (org_base && sql.got_data() && ind == soci::i_ok) {
          org_ids[i] = in_batch[key] = found;
          continue;
        }
        org_ids[i] = in_batch[key] = org_base + static_cast<long long>(i) + 1;
        ids.push_back(org_ids[i]);
        names.push_back(Trim(o.name));
        keys.push_back(key);
        sectors.push_back(o.sector);
        sector_ind.push_back(o.sector.empty() ? soci::i_null : soci::i_ok);
        cities.push_back(o.city);
        created.push_back(now);
      }
      if (!ids.empty())
        sql << "INSERT INTO organizations (id, name, name_key, sector, city, created_at) VALUES (:i, :n, :k, :s, :c, "
               ":t)",
            soci::use(ids), soci::use(names), soci::use(keys), soci::use(sectors, sector_ind), soci::use(cities),
            soci::use(created);
      st.organizations = static_cast<int64_t>(ids.size());
      ResetSequence(sql, db.backend(), "organizations");
    }
    auto mem_id = [&](Id network_id) { return mem_base + network_id; };
    // Members + search terms + challenges.
    Chunked(net.members.size(), done, total, progress, [&](size_t b, size_t e) {
      std::vector<long long> ids, orgs, created, updated;
      std::vector<soci::indicator> org_ind, sec_ind;
      std::vector<std::string> name, email, title, sector, region, langs, bio, tags, ex, vloc, vis, li;
      std::vector<int> hosts, cm, cn;
      std::vector<std::pair<std::string, long long>> term_rows;
      std::vector<std::string> terms;
      std::vector<long long> term_ids;
      std::vector<long long> ch_member, ch_created, ch_updated;
      std::vector<std::string> ch_title, ch_text, ch_status;
      for (size_t i = b; i < e; ++i) {
        const model::Member& m = net.members[i];
        long long id = mem_id(static_cast<Id>(i) + 1);
        ids.push_back(id);
        orgs.push_back(m.organization_id ? org_ids[m.organization_id - 1] : 0);
        org_ind.push_back(m.organization_id ? soci::i_ok : soci::i_null);
        name.push_back(m.name);
        email.push_back(AsciiLower(m.email));
        title.push_back(m.title);
        sector.push_back(m.sector);
        sec_ind.push_back(m.sector.empty() ? soci::i_null : soci::i_ok);
        region.push_back(m.region);
        langs.push_back(Join(m.languages, ","));
        bio.push_back(m.bio);
        tags.push_back(Join(m.expertise_tags, ","));
        ex.push_back(m.expertise_text);
        hosts.push_back(m.hosts_visits);
        vloc.push_back(m.visit_location);
        vis.push_back(std::string(model::ToString(m.visibility)));
        cm.push_back(m.consent_matchmaking);
        cn.push_back(m.consent_newsletter);
        li.push_back(m.linkedin_url);
        created.push_back(m.created_at ? m.created_at : now);
        updated.push_back(m.updated_at ? m.updated_at : now);
        std::set<std::string> member_terms;
        if (m.organization.empty() && m.organization_id) {
          model::Member with_org = m;  // the search terms include the organization's name
          with_org.organization = net.organizations[m.organization_id - 1].name;
          member_terms = SearchTerms(with_org);
        } else {
          member_terms = SearchTerms(m);
        }
        while (!member_terms.empty())
          term_rows.emplace_back(std::move(member_terms.extract(member_terms.begin()).value()), id);
        for (const auto& c : m.challenges) {
          ch_member.push_back(id);
          ch_title.push_back(c.title);
          ch_text.push_back(c.text);
          ch_status.push_back(std::string(model::ToString(c.status)));
          ch_created.push_back(c.created_at ? c.created_at : now);
          ch_updated.push_back(c.updated_at ? c.updated_at : now);
        }
      }
      sql << "INSERT INTO members (id, name, email, organization_id, title, sector, region, languages, bio, "
             "expertise_tags, expertise_text, hosts_visits, visit_location, visibility, consent_matchmaking, "
             "consent_newsletter, linkedin_url, created_at, updated_at) VALUES (:i, :n, :e, :o, :ti, :s, :r, :l, :b, "
             ":tg, :tx, :h, :vl, :v, :cm, :cn, :li, :c, :u)",
          soci::use(ids), soci::use(name), soci::use(email), soci::use(orgs, org_ind), soci::use(title),
          soci::use(sector, sec_ind), soci::use(region), soci::use(langs), soci::use(bio), soci::use(tags),
          soci::use(ex), soci::use(hosts), soci::use(vloc), soci::use(vis), soci::use(cm), soci::use(cn), soci::use(li),
          soci::use(created), soci::use(updated);
      // Inserting in key order keeps B-tree writes sequential.
      std::sort(term_rows.begin(), term_rows.end());
      terms.reserve(term_rows.size());
      term_ids.reserve(term_rows.size());
      for (auto& [t, id] : term_rows) {
        terms.push_back(std::move(t));
        term_ids.push_back(id);
      }
      if (!terms.empty())
        sql << "INSERT INTO member_terms (term, member_id) VALUES (:t, :m)", soci::use(terms), soci::use(term_ids);
      if (!ch_member.empty())
        sql << "INSERT INTO challenges (member_id, title, text, status, created_at, updated_at) "
               "VALUES (:m, :t, :x, :s, :c, :u)",
            soci::use(ch_member), soci::use(ch_title), soci::use(ch_text), soci::use(ch_status), soci::use(ch_created),
            soci::use(ch_updated);
      st.members += static_cast<int64_t>(e - b);
      st.challenges += static_cast<int64_t>(ch_member.size());
    });
    phase("members");
    ResetSequence(sql, db.backend(), "members");
    ResetSequence(sql, db.backend(), "challenges");
    // Accounts.
    for (size_t i = 0; i < net.accounts.size(); ++i) {
      long long id = mem_id(net.accounts[i].member_id), t = now;
      std::string role(model::ToString(net.accounts[i].role));
      sql << "INSERT INTO accounts (member_id, password_hash, role, disabled, created_at) VALUES (:m, :h, :r, 0, :t)",
          soci::use(id), soci::use(hashes[i]), soci::use(role), soci::use(t);
      ++st.accounts;
    }
    // Events and registrations.
    for (size_t i = 0; i < net.events.size(); ++i) {
      const auto& ev = net.events[i];
      long long id = ev_base + static_cast<long long>(i) + 1, s = ev.starts_at, e = ev.ends_at,
                dl = ev.registration_deadline, t = now;
      int cap = ev.capacity, price = ev.price_cents;
      std::string kind(model::ToString(ev.kind));
      sql << "INSERT INTO events (id, title, kind, description, starts_at, ends_at, timezone, location, capacity, "
             "price_cents, registration_deadline, created_at) VALUES (:i, :ti, :k, :d, :s, :e, :tz, :l, :c, :p, :dl, "
             ":t)",
          soci::use(id), soci::use(ev.title), soci::use(kind), soci::use(ev.description), soci::use(s), soci::use(e),
          soci::use(ev.timezone), soci::use(ev.location), soci::use(cap), soci::use(price), soci::use(dl), soci::use(t);
      ++st.events;
    }
    ResetSequence(sql, db.backend(), "events");
    {
      // Attendance in order: registration order; beyond capacity → waitlisted.
      std::map<Id, int> seats;
      std::vector<long long> ev_ids, m_ids, created;
      std::vector<std::string> status;
      std::set<std::pair<Id, Id>> seen;
      for (const auto& [ev, m] : net.attendance) {
        if (ev < 1 || ev > n_ev || m < 1 || m > n_mem || !seen.insert({ev, m}).second) continue;
        const auto& e = net.events[ev - 1];
        int& taken = seats[ev];
        bool wait = e.capacity > 0 && taken >= e.capacity;
        if (!wait) ++taken;
        ev_ids.push_back(ev_base + ev);
        m_ids.push_back(mem_id(m));
        status.push_back(wait ? "waitlisted" : "registered");
        created.push_back(std::min<long long>(now, e.starts_at) - 86400 + static_cast<long long>(ev_ids.size()));
      }
      if (!ev_ids.empty())
        sql << "INSERT INTO registrations (event_id, member_id, status, created_at) VALUES (:e, :m, :s, :c)",
            soci::use(ev_ids), soci::use(m_ids), soci::use(status), soci::use(created);
      st.registrations = static_cast<int64_t>(ev_ids.size());
    }
    phase("events");
    // Connections.
    Chunked(net.connections.size(), done, total, progress, [&](size_t b, size_t e) {
      std::vector<long long> from, to, created, updated;
      std::vector<std::string> status, msg;
      for (size_t i = b; i < e; ++i) {
        const auto& c = net.connections[i];
        from.push_back(mem_id(c.from_member));
        to.push_back(mem_id(c.to_member));
        status.push_back(std::string(model::ToString(c.status)));
        msg.push_back(c.message);
        created.push_back(c.created_at ? c.created_at : now);
        updated.push_back(c.updated_at ? c.updated_at : now);
      }
      sql << "INSERT INTO connections (from_member, to_member, status, message, created_at, updated_at) "
             "VALUES (:f, :t, :s, :m, :c, :u)",
          soci::use(from), soci::use(to), soci::use(status), soci::use(msg), soci::use(created), soci::use(updated);
      st.connections += static_cast<int64_t>(e - b);
    });
    phase("connections");
    // The ledger.
    Chunked(net.interactions.size(), done, total, progress, [&](size_t b, size_t e) {
      std::vector<long long> a, bb, at, ev;
      std::vector<soci::indicator> ev_ind;
      std::vector<std::string> kind, source;
      for (size_t i = b; i < e; ++i) {
        const auto& in = net.interactions[i];
        Id x = mem_id(in.a), y = mem_id(in.b);
        a.push_back(std::min(x, y));
        bb.push_back(std::max(x, y));
        at.push_back(in.at);
        kind.push_back(std::string(model::ToString(in.kind)));
        source.push_back(in.source.empty() ? "import" : in.source);
        ev.push_back(in.event_id ? ev_base + in.event_id : 0);
        ev_ind.push_back(in.event_id ? soci::i_ok : soci::i_null);
      }
      sql << "INSERT INTO interactions (a, b, kind, at, source, event_id) VALUES (:a, :b, :k, :t, :s, :e)",
          soci::use(a), soci::use(bb), soci::use(kind), soci::use(at), soci::use(source), soci::use(ev, ev_ind);
      st.interactions += static_cast<int64_t>(e - b);
    });
    phase("interactions");
    deferred.Finish();
    phase("indexes");
    LogMemberChange(sql, 0, now);  // every server's search index reloads
    tr.commit();
    phase("commit");
    if (progress) progress(total, total);
    return st;
  });
  MemberCache::For(db)->InvalidateAll();  // after the commit (member_cache.h)
  return r;
}

}  // namespace verbinder::domain
