// The catalogues profiles refer to: sectors and organizations
// (MemberService's sector and organization methods, members.h).
#include "domain/members.h"

#include <algorithm>

#include "domain/db_util.h"
#include "domain/validation.h"
#include "util/strings.h"

namespace verbinder::domain {

using model::Id;

Result<std::set<std::string>> MemberService::SectorKeys() {
  return WithSession<std::set<std::string>>(db_, [&](soci::session& sql) -> Result<std::set<std::string>> {
    std::set<std::string> keys;
    soci::rowset<std::string> rs = (sql.prepare << "SELECT key FROM sectors");
    for (const auto& k : rs) keys.insert(k);
    return keys;
  });
}

Result<std::vector<model::Sector>> MemberService::Sectors() {
  return WithSession<std::vector<model::Sector>>(db_, [&](soci::session& sql) -> Result<std::vector<model::Sector>> {
    std::vector<model::Sector> out;
    std::string k, nl, en;
    soci::statement st = (sql.prepare << "SELECT key, label_nl, label_en FROM sectors ORDER BY position, key",
                          soci::into(k), soci::into(nl), soci::into(en));
    st.execute();
    while (st.fetch()) out.push_back({k, nl, en});
    return out;
  });
}

Result<model::Sector> MemberService::AddSector(const Viewer& viewer, model::Sector s) {
  if (!viewer.IsOrganizer()) return PermissionDenied("only organizers manage sectors");
  s.key = AsciiLower(Trim(s.key));
  if (s.key.empty() || s.key.size() > 40 ||
      !std::all_of(s.key.begin(), s.key.end(), [](char c) { return (c >= 'a' && c <= 'z') || c == '_'; }))
    return InvalidArgument("must be 1-40 lowercase letters or '_'", "key").WithReason("field.key_format");
  VB_RETURN_IF_ERROR(CheckText("label_nl", s.label_nl, 1, 100));
  VB_RETURN_IF_ERROR(CheckText("label_en", s.label_en, 1, 100));
  return WithSession<model::Sector>(db_, [&](soci::session& sql) -> Result<model::Sector> {
    long long n = 0;
    sql << "SELECT count(*) FROM sectors WHERE key = :k", soci::use(s.key), soci::into(n);
    if (n) return AlreadyExists("sector '" + s.key + "' exists", "key").WithReason("field.taken");
    long long pos = 0;
    sql << "SELECT COALESCE(max(position), 0) + 1 FROM sectors", soci::into(pos);
    sql << "INSERT INTO sectors (key, label_nl, label_en, position) VALUES (:k, :n, :e, :p)", soci::use(s.key),
        soci::use(s.label_nl), soci::use(s.label_en), soci::use(pos);
    return s;
  });
}

Result<Page<model::Organization>> MemberService::Organizations(const Viewer& viewer, const std::string& q, int limit,
                                                               int offset) {
  if (!viewer.authenticated()) return Unauthenticated("sign in to see organizations");
  if (limit < 1 || limit > kMaxPageSize) return InvalidArgument("must be between 1 and 500", "limit");
  if (offset < 0) return InvalidArgument("must not be negative", "offset");
  return WithSession<Page<model::Organization>>(db_, [&](soci::session& sql) -> Result<Page<model::Organization>> {
    std::vector<std::string> params;
    std::string where = " WHERE 1=1";
    for (const auto& w : Words(q)) where += " AND name_key LIKE " + Bind(params, "%" + w + "%");
    Page<model::Organization> page;
    page.limit = limit;
    page.offset = offset;
    page.total = CountOf(sql, "SELECT count(*) FROM organizations" + where, params);
    long long id = 0;
    std::string name, sector, city;
    DynStatement st(sql,
                    "SELECT id, name, COALESCE(sector, ''), city FROM organizations" + where +
                        " ORDER BY name_key LIMIT " + std::to_string(limit) + " OFFSET " + std::to_string(offset),
                    params);
    st.Into(id);
    st.Into(name);
    st.Into(sector);
    st.Into(city);
    if (st.Execute()) {
      do page.items.push_back({id, name, sector, city});
      while (st.Fetch());
    }
    return page;
  });
}

Result<model::Organization> MemberService::GetOrganization(const Viewer& viewer, Id id) {
  if (!viewer.authenticated()) return Unauthenticated("sign in to see organizations");
  return WithSession<model::Organization>(db_, [&](soci::session& sql) -> Result<model::Organization> {
    long long oid = id;
    std::string name, sector, city;
    sql << "SELECT name, COALESCE(sector, ''), city FROM organizations WHERE id = :id", soci::use(oid),
        soci::into(name), soci::into(sector), soci::into(city);
    if (!sql.got_data()) return NotFound("no organization with id " + std::to_string(id), "id");
    return model::Organization{id, name, sector, city};
  });
}

Result<model::Organization> MemberService::CreateOrganization(const Viewer& viewer, model::Organization o) {
  if (!viewer.IsOrganizer()) return PermissionDenied("only organizers can add organizations");
  o.name = Trim(o.name);
  VB_RETURN_IF_ERROR(CheckText("name", o.name, 1, kMaxShort));
  VB_RETURN_IF_ERROR(CheckText("city", o.city, 0, 100));
  VB_ASSIGN_OR_RETURN(auto sectors, SectorKeys());
  if (!o.sector.empty() && !sectors.count(o.sector))
    return InvalidArgument("unknown sector '" + o.sector + "'", "sector").WithReason("field.unknown_sector");
  return WithSession<model::Organization>(db_, [&](soci::session& sql) -> Result<model::Organization> {
    std::string key = AsciiLower(o.name);
    long long n = 0, now = clock_.Now();
    sql << "SELECT count(*) FROM organizations WHERE name_key = :k", soci::use(key), soci::into(n);
    if (n) return AlreadyExists("an organization with this name exists", "name").WithReason("field.taken");
    soci::indicator sind = o.sector.empty() ? soci::i_null : soci::i_ok;
    sql << "INSERT INTO organizations (name, name_key, sector, city, created_at) VALUES (:n, :k, :s, :c, :t)",
        soci::use(o.name), soci::use(key), soci::use(o.sector, sind), soci::use(o.city), soci::use(now);
    long long id = 0;
    sql << "SELECT id FROM organizations WHERE name_key = :k", soci::use(key), soci::into(id);
    o.id = id;
    return o;
  });
}

}  // namespace verbinder::domain
