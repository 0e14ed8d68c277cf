#include "domain/member_ref.h"

#include <algorithm>
#include <set>

#include <soci/soci.h>

namespace verbinder::domain {

std::vector<model::Id> VisibleAmong(soci::session& sql, const Viewer& viewer, const std::vector<model::Id>& ids) {
  std::set<model::Id> want;
  for (auto id : ids)
    if (id > 0) want.insert(id);
  std::vector<model::Id> out;
  if (want.empty()) return out;
  if (viewer.IsAdmin()) return {want.begin(), want.end()};
  std::string list;
  for (auto id : want) list += (list.empty() ? "" : ",") + std::to_string(id);
  long long id = 0;
  soci::statement st =
      (sql.prepare << "SELECT m.id FROM members m WHERE m.id IN (" + list + ") AND " + viewer.VisibleSql("m"),
       soci::into(id));
  st.execute();
  while (st.fetch()) out.push_back(id);
  return out;
}

void ProjectRefs(soci::session& sql, const Viewer& viewer, const std::vector<RefSlot>& slots) {
  std::vector<model::Id> ids;
  ids.reserve(slots.size());
  for (const auto& s : slots) ids.push_back(*s.id);
  auto visible = VisibleAmong(sql, viewer, ids);
  std::set<model::Id> ok(visible.begin(), visible.end());
  for (const auto& s : slots) {
    if (*s.id == 0 || ok.count(*s.id)) continue;
    *s.id = 0;
    if (s.name) s.name->clear();
  }
}

MemberRef ProjectMember(soci::session& sql, const Viewer& viewer, model::Id id) {
  MemberRef r;
  long long mid = id;
  std::string name, email, org, vis;
  soci::indicator org_ind = soci::i_null;
  sql << "SELECT m.name, m.email, m.visibility, o.name FROM members m LEFT JOIN organizations o ON o.id = "
         "m.organization_id WHERE m.id = :id",
      soci::use(mid), soci::into(name), soci::into(email), soci::into(vis), soci::into(org, org_ind);
  if (!sql.got_data()) return r;
  auto v = model::ParseVisibility(vis).value_or(model::Visibility::kHidden);
  if (!viewer.CanSee(id, v)) return r;
  r.id = id;
  r.name = name;
  if (org_ind == soci::i_ok) r.organization = org;
  if (viewer.member_id == id || viewer.IsOrganizer()) r.email = email;
  return r;
}

Viewer ViewerOfMember(soci::session& sql, model::Id member_id) {
  long long id = member_id;
  std::string role;
  soci::indicator ind = soci::i_null;
  sql << "SELECT role FROM accounts WHERE member_id = :id", soci::use(id), soci::into(role, ind);
  Viewer v{member_id, model::Role::kMember};
  if (sql.got_data() && ind == soci::i_ok) v.role = model::ParseRole(role).value_or(model::Role::kMember);
  return v;
}

std::string_view HiddenMemberName(std::string_view lang) {
  return lang == "en" ? "a member" : "een lid";
}

std::string DisplayName(model::Id id, const std::string& name, std::string_view lang) {
  return id ? name : std::string(HiddenMemberName(lang));
}

void ScrubHiddenMembers(soci::session& sql, const Viewer& viewer, nlohmann::json& doc, std::string_view lang) {
  if (viewer.IsAdmin()) return;
  std::vector<std::pair<std::string, std::string>> gone;  // (text, replacement)
  {
    long long id = 0;
    std::string name, email;
    soci::statement st =
        (sql.prepare << "SELECT m.id, m.name, m.email FROM members m WHERE NOT " + viewer.VisibleSql("m"),
         soci::into(id), soci::into(name), soci::into(email));
    st.execute();
    while (st.fetch()) {
      if (id == viewer.member_id) continue;
      if (!email.empty()) gone.push_back({email, ""});
      if (name.size() >= 3) gone.push_back({name, std::string(HiddenMemberName(lang))});
    }
  }
  if (gone.empty()) return;
  // Longer texts first, so "Anne de Vries-Bos" goes before "Anne de Vries".
  std::sort(gone.begin(), gone.end(), [](const auto& x, const auto& y) { return x.first.size() > y.first.size(); });
  auto scrub = [&](auto& self, nlohmann::json& j) -> void {
    if (j.is_string()) {
      std::string s = j.get<std::string>();
      bool changed = false;
      for (const auto& [text, with] : gone)
        for (size_t at = s.find(text); at != std::string::npos; at = s.find(text, at + with.size())) {
          s.replace(at, text.size(), with);
          changed = true;
        }
      if (changed) j = s;
    } else if (j.is_array() || j.is_object()) {
      for (auto& v : j) self(self, v);
    }
  };
  scrub(scrub, doc);
}

nlohmann::json RefJson(model::Id id, const std::string& name) {
  if (id == 0) return {{"id", nullptr}, {"name", nullptr}, {"hidden", true}};
  return {{"id", id}, {"name", name}};
}

}  // namespace verbinder::domain
