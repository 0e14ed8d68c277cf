// MemberService (members.h): profiles, challenges, the profile cache and the
// member search; sectors and organizations are in member_catalogue.cpp, the
// search terms of a profile in member_terms.cpp, deleting a member in
// member_erasure.cpp.
#include "domain/members.h"

#include <algorithm>
#include <array>
#include <map>

#include "domain/accounts.h"
#include "domain/db_util.h"
#include "domain/json_codec.h"
#include "domain/member_cache.h"
#include "domain/search_index.h"
#include "domain/validation.h"
#include "util/strings.h"
#include "storage/transaction.h"

namespace verbinder::domain {
namespace {

using model::Id;
using model::Member;

constexpr const char* kMemberColumns =
    "m.id, m.name, m.email, COALESCE(m.organization_id, 0), COALESCE(o.name, ''), m.title, "
    "COALESCE(m.sector, ''), m.region, m.languages, m.bio, m.expertise_tags, m.expertise_text, "
    "m.hosts_visits, m.visit_location, m.visibility, m.consent_matchmaking, m.consent_newsletter, "
    "m.linkedin_url, m.created_at, m.updated_at";
constexpr const char* kMemberFrom = " FROM members m LEFT JOIN organizations o ON o.id = m.organization_id ";

struct MemberRow {
  long long id = 0, org_id = 0, created = 0, updated = 0;
  std::string name, email, org, title, sector, region, languages, bio, tags, ex_text, visit_loc, visibility, linkedin;
  int hosts = 0, c_match = 0, c_news = 0;

  // Every column of kMemberColumns, in order.
  template <typename F>
  void ForEachField(F&& f) {
    f(id);
    f(name);
    f(email);
    f(org_id);
    f(org);
    f(title);
    f(sector);
    f(region);
    f(languages);
    f(bio);
    f(tags);
    f(ex_text);
    f(hosts);
    f(visit_loc);
    f(visibility);
    f(c_match);
    f(c_news);
    f(linkedin);
    f(created);
    f(updated);
  }
  void Bind(DynStatement& st) {
    ForEachField([&](auto& v) { st.Into(v); });
  }
  Member ToMember() const {
    Member m;
    m.id = id;
    m.name = name;
    m.email = email;
    m.organization_id = org_id;
    m.organization = org;
    m.title = title;
    m.sector = sector;
    m.region = region;
    if (!languages.empty()) m.languages = Split(languages, ',');
    m.bio = bio;
    if (!tags.empty()) m.expertise_tags = Split(tags, ',');
    m.expertise_text = ex_text;
    m.hosts_visits = hosts != 0;
    m.visit_location = visit_loc;
    m.visibility = model::ParseVisibility(visibility).value_or(model::Visibility::kMembers);
    m.consent_matchmaking = c_match != 0;
    m.consent_newsletter = c_news != 0;
    m.linkedin_url = linkedin;
    m.created_at = created;
    m.updated_at = updated;
    return m;
  }
};

std::vector<Member> QueryMembers(soci::session& sql, const std::string& where_tail, std::vector<std::string> params) {
  std::vector<Member> out;
  MemberRow row;
  DynStatement st(sql, std::string("SELECT ") + kMemberColumns + kMemberFrom + where_tail, std::move(params));
  row.Bind(st);
  if (st.Execute()) {
    do out.push_back(row.ToMember());
    while (st.Fetch());
  }
  return out;
}

// One challenges row (id, member_id, title, text, status, created_at, updated_at).
model::Challenge ChallengeFromRow(long long id, long long member_id, const std::string& title, const std::string& text,
                                  const std::string& status, long long created, long long updated) {
  return {id,      member_id, title, text, model::ParseChallengeStatus(status).value_or(model::ChallengeStatus::kOpen),
          created, updated};
}

void LoadChallenges(soci::session& sql, std::vector<Member>& members) {
  if (members.empty()) return;
  std::map<Id, Member*> by_id;
  std::string ids;
  for (auto& m : members) {
    by_id[m.id] = &m;
    if (!ids.empty()) ids += ",";
    ids += std::to_string(m.id);
  }
  long long id = 0, member_id = 0, created = 0, updated = 0;
  std::string title, text, status;
  soci::statement st = (sql.prepare << "SELECT id, member_id, title, text, status, created_at, updated_at "
                                       "FROM challenges WHERE member_id IN (" +
                                           ids + ") ORDER BY id",
                        soci::into(id), soci::into(member_id), soci::into(title), soci::into(text), soci::into(status),
                        soci::into(created), soci::into(updated));
  st.execute();
  while (st.fetch())
    by_id[member_id]->challenges.push_back(ChallengeFromRow(id, member_id, title, text, status, created, updated));
}

std::string Prefix(std::string_view p, const std::string& word) {
  return std::string(p) + word;
}

// Upper bound of a prefix range: the smallest string greater than every string with this prefix.
std::string PrefixEnd(std::string p) {
  while (!p.empty() && static_cast<unsigned char>(p.back()) == 0xFF) p.pop_back();
  if (p.empty()) return std::string(1, '\xFF');
  p.back() = static_cast<char>(static_cast<unsigned char>(p.back()) + 1);
  return p;
}

Result<Id> FindOrCreateOrganization(soci::session& sql, const std::string& name, const std::string& sector,
                                    int64_t now) {
  if (Trim(name).empty()) return Id{0};
  std::string key = AsciiLower(Trim(name));
  long long id = 0;
  soci::indicator ind = soci::i_null;
  sql << "SELECT id FROM organizations WHERE name_key = :k", soci::use(key), soci::into(id, ind);
  if (sql.got_data() && ind == soci::i_ok) return Id{id};
  std::string n = Trim(name);
  soci::indicator sind = sector.empty() ? soci::i_null : soci::i_ok;
  long long ts = now;
  sql << "INSERT INTO organizations (name, name_key, sector, city, created_at) VALUES (:n, :k, :s, '', :t)",
      soci::use(n), soci::use(key), soci::use(sector, sind), soci::use(ts);
  sql << "SELECT id FROM organizations WHERE name_key = :k", soci::use(key), soci::into(id);
  return Id{id};
}

// Rewrites the member's search terms and logs the change for every server's
// search index (search_index.h).
void WriteTerms(soci::session& sql, const Member& m, int64_t now) {
  long long id = m.id;
  sql << "DELETE FROM member_terms WHERE member_id = :id", soci::use(id);
  LogMemberChange(sql, m.id, now);
  auto terms = SearchTerms(m);
  if (terms.empty()) return;
  std::vector<std::string> ts(terms.begin(), terms.end());
  std::vector<long long> ids(ts.size(), id);
  sql << "INSERT INTO member_terms (term, member_id) VALUES (:t, :m)", soci::use(ts), soci::use(ids);
}

void InsertChallenge(soci::session& sql, model::Challenge& c) {
  long long mid = c.member_id, created = c.created_at, updated = c.updated_at;
  std::string status(model::ToString(c.status));
  sql << "INSERT INTO challenges (member_id, title, text, status, created_at, updated_at) "
         "VALUES (:m, :ti, :tx, :s, :c, :u)",
      soci::use(mid), soci::use(c.title), soci::use(c.text), soci::use(status), soci::use(created), soci::use(updated);
  long long id = 0;
  sql << "SELECT max(id) FROM challenges WHERE member_id = :m", soci::use(mid), soci::into(id);
  c.id = id;
}

bool EmailTaken(soci::session& sql, const std::string& email, Id except) {
  long long n = 0, ex = except;
  sql << "SELECT count(*) FROM members WHERE email = :e AND id <> :x", soci::use(email), soci::use(ex), soci::into(n);
  return n > 0;
}

}  // namespace

Result<Member> MemberService::Create(const Viewer& viewer, Member m) {
  if (!viewer.IsOrganizer()) return PermissionDenied("only organizers can add members");
  VB_ASSIGN_OR_RETURN(auto sectors, SectorKeys());
  VB_RETURN_IF_ERROR(ValidateMember(m, sectors));
  return WithSession<Member>(db_, [&](soci::session& sql) -> Result<Member> {
    storage::Transaction tr(sql);
    if (EmailTaken(sql, m.email, 0))
      return AlreadyExists("a member with this e-mail exists", "email").WithReason("account.email_taken");
    int64_t now = clock_.Now();
    VB_ASSIGN_OR_RETURN(m.organization_id, FindOrCreateOrganization(sql, m.organization, m.sector, now));
    m.created_at = m.updated_at = now;
    std::string langs = Join(m.languages, ","), tags = Join(m.expertise_tags, ",");
    std::string vis(model::ToString(m.visibility));
    long long org = m.organization_id, ts = now;
    int hosts = m.hosts_visits, cm = m.consent_matchmaking, cn = m.consent_newsletter;
    soci::indicator org_ind = org ? soci::i_ok : soci::i_null;
    soci::indicator sec_ind = m.sector.empty() ? soci::i_null : soci::i_ok;
    sql << "INSERT INTO members (name, email, organization_id, title, sector, region, languages, bio, "
           "expertise_tags, expertise_text, hosts_visits, visit_location, visibility, consent_matchmaking, "
           "consent_newsletter, linkedin_url, created_at, updated_at) VALUES (:n, :e, :o, :ti, :s, :r, :l, :b, "
           ":tg, :tx, :h, :vl, :v, :cm, :cn, :li, :c, :u)",
        soci::use(m.name), soci::use(m.email), soci::use(org, org_ind), soci::use(m.title),
        soci::use(m.sector, sec_ind), soci::use(m.region), soci::use(langs), soci::use(m.bio), soci::use(tags),
        soci::use(m.expertise_text), soci::use(hosts), soci::use(m.visit_location), soci::use(vis), soci::use(cm),
        soci::use(cn), soci::use(m.linkedin_url), soci::use(ts), soci::use(ts);
    long long id = 0;
    sql << "SELECT id FROM members WHERE email = :e", soci::use(m.email), soci::into(id);
    m.id = id;
    for (auto& c : m.challenges) {
      c.member_id = m.id;
      c.created_at = c.updated_at = now;
      InsertChallenge(sql, c);
    }
    WriteTerms(sql, m, now);
    tr.commit();
    return m;
  });
}

namespace {

// Profile reads are the hottest query: a prepared statement per connection for
// the row and one for its challenges. Visibility is checked on the row.
struct MemberById {
  long long id = 0;
  MemberRow row;
  soci::statement st;
  long long ch_member = 0, ch_id = 0, ch_created = 0, ch_updated = 0;
  std::string ch_title, ch_text, ch_status;
  soci::statement challenges;
  explicit MemberById(soci::session& sql)
      : st((sql.prepare << std::string("SELECT ") + kMemberColumns + kMemberFrom + "WHERE m.id = :id", soci::use(id),
            soci::into(row.id), soci::into(row.name), soci::into(row.email), soci::into(row.org_id),
            soci::into(row.org), soci::into(row.title), soci::into(row.sector), soci::into(row.region),
            soci::into(row.languages), soci::into(row.bio), soci::into(row.tags), soci::into(row.ex_text),
            soci::into(row.hosts), soci::into(row.visit_loc), soci::into(row.visibility), soci::into(row.c_match),
            soci::into(row.c_news), soci::into(row.linkedin), soci::into(row.created), soci::into(row.updated))),
        challenges((sql.prepare << "SELECT id, title, text, status, created_at, updated_at FROM challenges "
                                   "WHERE member_id = :m ORDER BY id",
                    soci::use(ch_member), soci::into(ch_id), soci::into(ch_title), soci::into(ch_text),
                    soci::into(ch_status), soci::into(ch_created), soci::into(ch_updated))) {}
};

// Up to kIdBatch members, and their challenges, by id: prepared once per
// connection, so a search reads its page without preparing an `IN (...)`
// statement for each request (sqlite3_prepare was 15 % of a search's CPU).
// Unused slots hold -1, which is nobody's id.
constexpr int kIdBatch = 20;
struct MembersByIds {
  std::array<long long, kIdBatch> ids{};
  MemberRow row;
  soci::statement members;
  long long ch_id = 0, ch_member = 0, ch_created = 0, ch_updated = 0;
  std::string ch_title, ch_text, ch_status;
  soci::statement challenges;
  explicit MembersByIds(soci::session& sql) : members(sql), challenges(sql) {
    std::string in;
    for (int i = 0; i < kIdBatch; ++i) in += (i == 0 ? ":i" : ", :i") + std::to_string(i);
    members.alloc();
    members.prepare(std::string("SELECT ") + kMemberColumns + kMemberFrom + "WHERE m.id IN (" + in + ")");
    row.ForEachField([&](auto& v) { members.exchange(soci::into(v)); });
    for (auto& id : ids) members.exchange(soci::use(id));
    members.define_and_bind();
    challenges.alloc();
    challenges.prepare(
        "SELECT id, member_id, title, text, status, created_at, updated_at FROM challenges "
        "WHERE member_id IN (" +
        in + ") ORDER BY id");
    challenges.exchange(soci::into(ch_id));
    challenges.exchange(soci::into(ch_member));
    challenges.exchange(soci::into(ch_title));
    challenges.exchange(soci::into(ch_text));
    challenges.exchange(soci::into(ch_status));
    challenges.exchange(soci::into(ch_created));
    challenges.exchange(soci::into(ch_updated));
    for (auto& id : ids) challenges.exchange(soci::use(id));
    challenges.define_and_bind();
  }
  // Puts ids[from, from + kIdBatch) into the slots.
  void Fill(const std::vector<Id>& all, size_t from) {
    for (size_t i = 0; i < ids.size(); ++i) ids[i] = from + i < all.size() ? all[from + i] : -1;
  }
  model::Challenge Challenge() const {
    return ChallengeFromRow(ch_id, ch_member, ch_title, ch_text, ch_status, ch_created, ch_updated);
  }
  // The members with these ids that exist, with their challenges, by id.
  std::map<Id, Member> Read(const std::vector<Id>& want) {
    std::map<Id, Member> out;
    for (size_t at = 0; at < want.size(); at += kIdBatch) {
      Fill(want, at);
      if (members.execute(true)) {
        do {
          Member m = row.ToMember();
          out.emplace(m.id, std::move(m));
        } while (members.fetch());  // to completion: no read snapshot may stay open
      }
      challenges.execute();
      while (challenges.fetch())
        if (auto it = out.find(ch_member); it != out.end()) it->second.challenges.push_back(Challenge());
    }
    return out;
  }
};

// MembersByIds::Read on a pooled connection's prepared statements (throws what SOCI throws).
std::map<Id, Member> ReadMembersByIds(storage::Database& db, const std::vector<Id>& ids) {
  storage::Database::Lease lease(db);
  auto& q =
      lease.Cached<MembersByIds>("members_by_ids", [](soci::session& s) { return std::make_shared<MembersByIds>(s); });
  return q.Read(ids);
}

// Caches member `m`, read from the database after the cache's generation was
// `since`, and appends it as `viewer` may see it; false when hidden from them.
bool CacheAndRender(MemberCache& cache, const Member& m, uint64_t since, const Viewer& viewer, std::string& out) {
  CachedProfile p = ToCachedProfile(m);
  const bool visible = viewer.CanSee(m.id, m.visibility);
  if (visible) MemberCache::Append(p, m.id, viewer, out);
  cache.Put(m.id, std::move(p), since);
  return visible;
}

}  // namespace

Result<Member> MemberService::Get(const Viewer& viewer, Id id) {
  auto not_found = [&] { return NotFound("no member with id " + std::to_string(id), "id"); };
  if (!viewer.authenticated()) return not_found();
  try {
    storage::Database::Lease lease(db_);
    auto& q =
        lease.Cached<MemberById>("member_by_id", [](soci::session& s) { return std::make_shared<MemberById>(s); });
    q.id = id;
    if (!q.st.execute(true)) return not_found();
    Member m = q.row.ToMember();
    q.st.fetch();  // to completion: see FindSession — no read snapshot may stay open
    if (!viewer.CanSee(m.id, m.visibility)) return not_found();
    q.ch_member = id;
    q.challenges.execute();
    while (q.challenges.fetch())
      m.challenges.push_back(
          ChallengeFromRow(q.ch_id, id, q.ch_title, q.ch_text, q.ch_status, q.ch_created, q.ch_updated));
    return m;
  } catch (const std::exception& e) {
    return storage::FromDbError(e);
  }
}

Result<Member> MemberService::FindByEmail(const Viewer& viewer, const std::string& email) {
  return WithSession<Member>(db_, [&](soci::session& sql) -> Result<Member> {
    auto ms = QueryMembers(sql, "WHERE m.email = :p0 AND " + viewer.VisibleSql("m"), {AsciiLower(Trim(email))});
    if (ms.empty()) return NotFound("no member with e-mail " + email, "email");
    LoadChallenges(sql, ms);
    return ms[0];
  });
}

namespace {

// A statement's text with its string parameters in the order their
// placeholders appear (SOCI binds them by position).
struct Sql {
  std::string text;
  std::vector<std::string> params;
  Sql& operator<<(const std::string& t) {
    text += t;
    return *this;
  }
  Sql& Param(std::string v) {
    text += Bind(params, std::move(v));
    return *this;
  }
};

}  // namespace

MemberService::MemberService(storage::Database& db, const Clock& clock,
                             std::shared_ptr<const MemberDataRegistry> member_data)
    : db_(db),
      clock_(clock),
      index_(std::make_shared<MemberSearchIndex>(db, clock)),
      cache_(MemberCache::For(db)),
      member_data_(std::move(member_data)) {}

void MemberService::SetProfileCacheBudget(size_t bytes) {
  cache_->SetBudget(bytes);
}

// From the profile cache (member_cache.h); a miss reads the member with Get as
// the system viewer, caches every viewer's JSON and renders this viewer's.
Result<std::string> MemberService::GetJson(const Viewer& viewer, Id id) {
  auto not_found = [&] { return NotFound("no member with id " + std::to_string(id), "id"); };
  if (!viewer.authenticated()) return not_found();
  VB_RETURN_IF_ERROR(cache_->Refresh(db_, clock_));
  std::string out;
  if (auto shown = cache_->Render(id, viewer, out)) {
    if (!*shown) return not_found();
    return out;
  }
  const uint64_t since = cache_->generation();
  VB_ASSIGN_OR_RETURN(Member m, Get(Viewer::System(), id));
  if (!CacheAndRender(*cache_, m, since, viewer, out)) return not_found();
  return out;
}

Status MemberService::WarmSearchIndex() {
  return index_->Warm();
}

namespace {

// The searched words of a filter, each a prefix range of index terms.
std::vector<TermRange> SearchWords(const MemberFilter& f) {
  std::vector<TermRange> words;
  auto add_words = [&](const std::string& text, const char* prefix) {
    for (const auto& w : Words(text)) {
      if (IsStopWord(w) && !(w.size() >= 2 && text.find(' ') == std::string::npos)) continue;
      std::string p = Prefix(prefix, w);
      words.push_back({p, PrefixEnd(p)});
    }
  };
  add_words(f.q, "");
  add_words(f.expertise, "ex:");
  add_words(f.challenge, "ch:");
  return words;
}

Status CheckPage(const MemberFilter& f) {
  if (f.limit < 1 || f.limit > kMaxPageSize)
    return InvalidArgument("must be between 1 and " + std::to_string(kMaxPageSize), "limit");
  if (f.offset < 0) return InvalidArgument("must not be negative", "offset");
  return Status::Ok();
}

}  // namespace

// Without words: the members in name order with the filters, from SQL (the
// walk stops after the page). With words: the page's ids from the in-memory
// search index (search_index.h), then those members' rows, re-checked for
// visibility in case a profile changed since.
Result<Page<Member>> MemberService::List(const Viewer& viewer, const MemberFilter& f) {
  VB_RETURN_IF_ERROR(CheckPage(f));
  const std::vector<TermRange> words = SearchWords(f);
  if (!words.empty()) {
    VB_ASSIGN_OR_RETURN(auto hits,
                        index_->Search(viewer, words, {f.sector, f.open_challenges_only}, f.offset, f.limit));
    Page<Member> page;
    page.limit = f.limit;
    page.offset = f.offset;
    page.total = std::min<int64_t>(hits.total, kMaxExactTotal);
    if (hits.ids.empty()) return page;
    try {
      auto by_id = ReadMembersByIds(db_, hits.ids);
      for (Id id : hits.ids) {
        auto it = by_id.find(id);
        if (it != by_id.end() && viewer.CanSee(id, it->second.visibility)) page.items.push_back(std::move(it->second));
      }
      return page;
    } catch (const std::exception& e) {
      return storage::FromDbError(e);
    }
  }
  return WithSession<Page<Member>>(db_, [&](soci::session& sql) -> Result<Page<Member>> {
    Page<Member> page;
    page.limit = f.limit;
    page.offset = f.offset;
    Sql w;
    w << "WHERE " << viewer.VisibleSql("m");
    if (!f.sector.empty()) (w << " AND m.sector = ").Param(f.sector);
    if (f.open_challenges_only)
      w << " AND EXISTS (SELECT 1 FROM challenges c WHERE c.member_id = m.id AND c.status = 'open')";
    const std::string cap = std::to_string(kMaxExactTotal);
    page.total =
        CountOf(sql, "SELECT count(*) FROM (SELECT 1 FROM members m " + w.text + " LIMIT " + cap + ") x", w.params);
    page.items = QueryMembers(
        sql, w.text + " ORDER BY m.name, m.id LIMIT " + std::to_string(f.limit) + " OFFSET " + std::to_string(f.offset),
        w.params);
    LoadChallenges(sql, page.items);
    return page;
  });
}

// List as the API's JSON page. A word search renders its page from the profile
// cache (member_cache.h) and reads only the members not cached yet.
Result<std::string> MemberService::ListJson(const Viewer& viewer, const MemberFilter& f) {
  VB_RETURN_IF_ERROR(CheckPage(f));
  const std::vector<TermRange> words = SearchWords(f);
  if (words.empty()) {
    VB_ASSIGN_OR_RETURN(auto page, List(viewer, f));
    return PageToJson(page, [&](const Member& m) { return ToJson(m, viewer); })
        .dump(-1, ' ', false, Json::error_handler_t::replace);
  }
  VB_ASSIGN_OR_RETURN(auto hits, index_->Search(viewer, words, {f.sector, f.open_challenges_only}, f.offset, f.limit));
  VB_RETURN_IF_ERROR(cache_->Refresh(db_, clock_));
  // Each hit's JSON ("" when hidden from the viewer); the misses read at once.
  std::vector<std::string> parts(hits.ids.size());
  std::vector<Id> missing;
  std::vector<size_t> missing_at;
  for (size_t i = 0; i < hits.ids.size(); ++i)
    if (!cache_->Render(hits.ids[i], viewer, parts[i])) {
      missing.push_back(hits.ids[i]);
      missing_at.push_back(i);
    }
  if (!missing.empty()) {
    const uint64_t since = cache_->generation();
    try {
      auto by_id = ReadMembersByIds(db_, missing);
      for (size_t k = 0; k < missing.size(); ++k) {
        auto it = by_id.find(missing[k]);
        if (it == by_id.end()) continue;  // deleted since the index saw it
        CacheAndRender(*cache_, it->second, since, viewer, parts[missing_at[k]]);
      }
    } catch (const std::exception& e) {
      return storage::FromDbError(e);
    }
  }
  std::string out = "{\"items\":[";
  bool first = true;
  for (const auto& part : parts) {
    if (part.empty()) continue;
    if (!first) out += ',';
    out += part;
    first = false;
  }
  out += "],\"limit\":" + std::to_string(f.limit) + ",\"offset\":" + std::to_string(f.offset) +
         ",\"total\":" + std::to_string(std::min<int64_t>(hits.total, kMaxExactTotal)) + "}";
  return out;
}

Result<Member> MemberService::Update(const Viewer& viewer, Member m) {
  if (!(viewer.member_id == m.id || viewer.IsOrganizer()))
    return PermissionDenied("members can only edit their own profile");
  VB_ASSIGN_OR_RETURN(auto sectors, SectorKeys());
  VB_RETURN_IF_ERROR(ValidateMember(m, sectors));
  auto r = WithSession<Member>(db_, [&](soci::session& sql) -> Result<Member> {
    storage::Transaction tr(sql);
    auto existing = QueryMembers(sql, "WHERE m.id = " + std::to_string(m.id) + " AND " + viewer.VisibleSql("m"), {});
    if (existing.empty()) return NotFound("no member with id " + std::to_string(m.id), "id");
    if (EmailTaken(sql, m.email, m.id))
      return AlreadyExists("a member with this e-mail exists", "email").WithReason("account.email_taken");
    int64_t now = clock_.Now();
    VB_ASSIGN_OR_RETURN(m.organization_id, FindOrCreateOrganization(sql, m.organization, m.sector, now));
    m.created_at = existing[0].created_at;
    m.updated_at = now;
    std::string langs = Join(m.languages, ","), tags = Join(m.expertise_tags, ",");
    std::string vis(model::ToString(m.visibility));
    long long org = m.organization_id, ts = now, id = m.id;
    int hosts = m.hosts_visits, cm = m.consent_matchmaking, cn = m.consent_newsletter;
    soci::indicator org_ind = org ? soci::i_ok : soci::i_null;
    soci::indicator sec_ind = m.sector.empty() ? soci::i_null : soci::i_ok;
    sql << "UPDATE members SET name = :n, email = :e, organization_id = :o, title = :ti, sector = :s, region = :r, "
           "languages = :l, bio = :b, expertise_tags = :tg, expertise_text = :tx, hosts_visits = :h, "
           "visit_location = :vl, visibility = :v, consent_matchmaking = :cm, consent_newsletter = :cn, "
           "linkedin_url = :li, updated_at = :u WHERE id = :id",
        soci::use(m.name), soci::use(m.email), soci::use(org, org_ind), soci::use(m.title),
        soci::use(m.sector, sec_ind), soci::use(m.region), soci::use(langs), soci::use(m.bio), soci::use(tags),
        soci::use(m.expertise_text), soci::use(hosts), soci::use(m.visit_location), soci::use(vis), soci::use(cm),
        soci::use(cn), soci::use(m.linkedin_url), soci::use(ts), soci::use(id);
    std::vector<Member> one{m};
    one[0].challenges.clear();
    LoadChallenges(sql, one);
    m.challenges = one[0].challenges;
    WriteTerms(sql, m, now);
    tr.commit();
    return m;
  });
  cache_->Invalidate(m.id);  // after the commit (member_cache.h)
  return r;
}

Result<model::Challenge> MemberService::GetChallenge(const Viewer& viewer, Id challenge_id) {
  auto owner = WithSession<Id>(db_, [&](soci::session& sql) -> Result<Id> {
    long long cid = challenge_id, mid = 0;
    sql << "SELECT member_id FROM challenges WHERE id = :id", soci::use(cid), soci::into(mid);
    if (!sql.got_data()) return NotFound("no challenge with id " + std::to_string(challenge_id), "id");
    return Id{mid};
  });
  if (!owner) return owner.status();
  auto m = Get(viewer, *owner);
  if (m.ok())
    for (const auto& c : m->challenges)
      if (c.id == challenge_id) return c;
  return NotFound("no challenge with id " + std::to_string(challenge_id), "id");
}

Result<model::Challenge> MemberService::AddChallenge(const Viewer& viewer, Id member_id, model::Challenge c) {
  if (!(viewer.member_id == member_id || viewer.IsOrganizer()))
    return PermissionDenied("members can only edit their own challenges");
  VB_RETURN_IF_ERROR(ValidateChallenge("challenge", c));
  VB_ASSIGN_OR_RETURN(Member m, Get(viewer, member_id));
  if (m.challenges.size() >= kMaxChallenges)
    return InvalidArgument("at most 20 challenges", "challenges")
        .WithReason("field.too_many", {{"max", std::to_string(kMaxChallenges)}});
  auto r = WithSession<model::Challenge>(db_, [&](soci::session& sql) -> Result<model::Challenge> {
    storage::Transaction tr(sql);
    c.member_id = member_id;
    c.created_at = c.updated_at = clock_.Now();
    InsertChallenge(sql, c);
    m.challenges.push_back(c);
    WriteTerms(sql, m, c.created_at);
    tr.commit();
    return c;
  });
  cache_->Invalidate(member_id);  // after the commit (member_cache.h)
  return r;
}

Result<model::Challenge> MemberService::UpdateChallenge(const Viewer& viewer, model::Challenge c) {
  VB_RETURN_IF_ERROR(ValidateChallenge("challenge", c));
  auto r = WithSession<model::Challenge>(db_, [&](soci::session& sql) -> Result<model::Challenge> {
    long long id = c.id, owner = 0, created = 0;
    soci::indicator ind = soci::i_null;
    sql << "SELECT member_id, created_at FROM challenges WHERE id = :id", soci::use(id), soci::into(owner, ind),
        soci::into(created);
    if (!sql.got_data()) return NotFound("no challenge with id " + std::to_string(c.id), "id");
    if (!(viewer.member_id == owner || viewer.IsOrganizer()))
      return PermissionDenied("members can only edit their own challenges");
    storage::Transaction tr(sql);
    c.member_id = owner;
    c.created_at = created;
    c.updated_at = clock_.Now();
    std::string status(model::ToString(c.status));
    long long u = c.updated_at;
    sql << "UPDATE challenges SET title = :t, text = :x, status = :s, updated_at = :u WHERE id = :id",
        soci::use(c.title), soci::use(c.text), soci::use(status), soci::use(u), soci::use(id);
    auto ms = QueryMembers(sql, "WHERE m.id = " + std::to_string(owner), {});
    LoadChallenges(sql, ms);
    if (!ms.empty()) WriteTerms(sql, ms[0], c.updated_at);
    tr.commit();
    return c;
  });
  if (r.ok()) cache_->Invalidate(r->member_id);  // after the commit (member_cache.h)
  return r;
}

Status MemberService::DeleteChallenge(const Viewer& viewer, Id challenge_id) {
  auto r = WithSession<Id>(db_, [&](soci::session& sql) -> Result<Id> {
    long long id = challenge_id, owner = 0;
    sql << "SELECT member_id FROM challenges WHERE id = :id", soci::use(id), soci::into(owner);
    if (!sql.got_data()) return NotFound("no challenge with id " + std::to_string(challenge_id), "id");
    if (!(viewer.member_id == owner || viewer.IsOrganizer()))
      return PermissionDenied("members can only edit their own challenges");
    storage::Transaction tr(sql);
    sql << "DELETE FROM challenges WHERE id = :id", soci::use(id);
    auto ms = QueryMembers(sql, "WHERE m.id = " + std::to_string(owner), {});
    LoadChallenges(sql, ms);
    if (!ms.empty()) WriteTerms(sql, ms[0], clock_.Now());
    tr.commit();
    return Id{owner};
  });
  if (!r.ok()) return r.status();
  cache_->Invalidate(*r);  // after the commit (member_cache.h)
  return Status::Ok();
}

Result<std::set<Id>> MemberService::VisibleAmong(const Viewer& viewer, const std::vector<Id>& ids) {
  return WithSession<std::set<Id>>(db_, [&](soci::session& sql) -> Result<std::set<Id>> {
    std::set<Id> out;
    for (size_t i = 0; i < ids.size(); i += 500) {
      std::string list;
      for (size_t j = i; j < std::min(ids.size(), i + 500); ++j)
        list += (list.empty() ? "" : ",") + std::to_string(ids[j]);
      soci::rowset<long long> rs =
          (sql.prepare << "SELECT m.id FROM members m WHERE m.id IN (" + list + ") AND " + viewer.VisibleSql("m"));
      for (long long v : rs) out.insert(v);
    }
    return out;
  });
}

}  // namespace verbinder::domain
