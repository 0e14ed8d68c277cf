#include "network_insights/introductions.h"

#include <algorithm>

#include <soci/soci.h>

#include "domain/db_util.h"
#include "network_insights/insights.h"
#include "notify/notifications.h"
#include "storage/transaction.h"

namespace verbinder::network_insights {
namespace {

size_t CodePoints(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// What every signed-in member may see.
domain::Viewer AnyMember() {
  return InsightsService::TierOf(domain::Viewer{1, model::Role::kMember}).viewer;
}

}  // namespace

bool WasIntroduced(const IntroducedPairs& pairs, const std::string& x, const std::string& y) {
  if (x.empty() || y.empty()) return false;
  long long a = std::stoll(x), b = std::stoll(y);
  if (a > b) std::swap(a, b);
  return pairs.count({a, b}) > 0;
}

Result<IntroductionRecord> IntroductionService::Introduce(const domain::Viewer& viewer, const IntroductionRequest& in) {
  if (in.a == in.b) return InvalidArgument("a and b must be two different members", "b");
  if (in.via != 0 && (in.via == in.a || in.via == in.b)) return InvalidArgument("via must differ from a and b", "via");
  if (CodePoints(in.message) > kMaxIntroductionMessage)
    return InvalidArgument("at most " + std::to_string(kMaxIntroductionMessage) + " characters", "message");
  std::string names[3];
  const model::Id ids[3] = {in.a, in.b, in.via};
  const char* fields[3] = {"a", "b", "via"};
  const domain::Viewer any_member = AnyMember();
  for (int i = 0; i < 3; ++i) {
    if (i == 2 && in.via == 0) continue;
    auto m = members_.Get(viewer, ids[i]);
    if (!m) {
      if (m.status().code() == Code::kNotFound)
        return NotFound("no member with id " + std::to_string(ids[i]), fields[i]);
      return m.status();
    }
    // The notification names the others: an introduction must not reveal a
    // profile that is hidden from the members (privacy holds everywhere).
    if (!any_member.CanSee(m->id, m->visibility))
      return InvalidArgument(m->name + "'s profile is not visible to other members, so they cannot be introduced",
                             fields[i]);
    names[i] = m->name;
  }
  VB_ASSIGN_OR_RETURN(auto leader, members_.Get(viewer, viewer.member_id));
  const int64_t now = clock_.Now();
  return domain::WithSession<IntroductionRecord>(db_, [&](soci::session& sql) -> Result<IntroductionRecord> {
    long long lo = std::min(in.a, in.b), hi = std::max(in.a, in.b);
    storage::Transaction tr(sql);
    long long tied = 0, before = 0;
    sql << "SELECT count(*) FROM interactions WHERE a = :a AND b = :b", soci::use(lo), soci::use(hi), soci::into(tied);
    if (tied > 0) return Conflict(names[0] + " and " + names[1] + " are already tied", "b");
    sql << "SELECT count(*) FROM introductions WHERE a = :a AND b = :b", soci::use(lo), soci::use(hi),
        soci::into(before);
    if (before > 0) return Conflict(names[0] + " and " + names[1] + " were already introduced", "b");
    long long via = in.via, by = viewer.member_id, t = now;
    soci::indicator via_ind = in.via == 0 ? soci::i_null : soci::i_ok;
    sql << "INSERT INTO introductions (a, b, via, message, introduced_by, created_at) VALUES (:a, :b, :v, :m, :by, :t)",
        soci::use(lo), soci::use(hi), soci::use(via, via_ind), soci::use(in.message), soci::use(by), soci::use(t);
    long long id = 0;
    sql << "SELECT id FROM introductions WHERE a = :a AND b = :b", soci::use(lo), soci::use(hi), soci::into(id);
    const std::string ref = "introduction:" + std::to_string(id);
    const std::string through = in.via != 0 ? " (through " + names[2] + ")" : "";
    const std::string via_nl = in.via != 0 ? " (via " + names[2] + ")" : "";
    const std::string note = in.message.empty() ? "" : ": " + in.message;
    for (int i = 0; i < 2; ++i) {
      std::string en = leader.name;
      en += " introduces you to ";
      en += names[1 - i];
      en += through;
      en += note;
      std::string nl = leader.name;
      nl += " stelt je voor aan ";
      nl += names[1 - i];
      nl += via_nl;
      nl += note;
      notify::Notify(sql, ids[i], "introduction", {std::move(en), std::move(nl)}, ref, now, ids[1 - i]);
    }
    tr.commit();
    return IntroductionRecord{id, in.a, in.b, in.via, in.message, viewer.member_id, now};
  });
}

Result<IntroducedPairs> IntroductionService::Introduced() {
  return domain::WithSession<IntroducedPairs>(db_, [](soci::session& sql) -> Result<IntroducedPairs> {
    IntroducedPairs out;
    long long a = 0, b = 0;
    soci::statement st = (sql.prepare << "SELECT a, b FROM introductions", soci::into(a), soci::into(b));
    st.execute();
    while (st.fetch()) out.insert({a, b});
    return out;
  });
}

Result<std::set<std::string>> IntroductionService::NotVisibleToMembers() {
  return domain::WithSession<std::set<std::string>>(db_, [](soci::session& sql) -> Result<std::set<std::string>> {
    std::set<std::string> out;
    long long id = 0;
    soci::statement st =
        (sql.prepare << "SELECT m.id FROM members m WHERE NOT " + AnyMember().VisibleSql("m"), soci::into(id));
    st.execute();
    while (st.fetch()) out.insert(std::to_string(id));
    return out;
  });
}

Result<std::map<std::string, std::string>> IntroductionService::EventTitles() {
  using Titles = std::map<std::string, std::string>;
  return domain::WithSession<Titles>(db_, [](soci::session& sql) -> Result<Titles> {
    Titles out;
    long long id = 0;
    std::string title;
    soci::statement st = (sql.prepare << "SELECT id, title FROM events", soci::into(id), soci::into(title));
    st.execute();
    while (st.fetch()) out[std::to_string(id)] = title;
    return out;
  });
}

}  // namespace verbinder::network_insights
