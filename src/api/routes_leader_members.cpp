// GET /api/v1/leader/members: the leader's members table (issue #17) — name,
// address, organisation, sector, role, visibility and when each member was
// last active (last sign-in or last ledger record), with search and filters
// (q, sector, role, visibility, active). Organizers only; a member the viewer
// may not see (domain::Viewer::VisibleSql) is never listed.
#include <soci/soci.h>

#include "api/app.h"
#include "domain/db_util.h"
#include "domain/validation.h"
#include "util/strings.h"

namespace verbinder::api {
namespace {

struct Row {
  long long id = 0;
  std::string name, email, organization, sector, visibility, role;
  long long last_seen = 0, last_record = 0;
};

// "active": "30d" / "90d" / "365d" (active within), "quiet90d" (not active in 90 days), "never".
Result<std::string> ActiveCondition(const std::string& active, int64_t now) {
  const std::string both = "(COALESCE(x.last_seen, 0) >= :t OR COALESCE(x.last_record, 0) >= :t2)";
  if (active.empty()) return std::string("1 = 1");
  if (active == "30d" || active == "90d" || active == "365d") return both;
  if (active == "quiet90d") return "NOT " + both;
  if (active == "never") return std::string("x.last_seen IS NULL AND x.last_record IS NULL");
  (void)now;
  return InvalidArgument("must be 30d, 90d, 365d, quiet90d or never", "active");
}

int64_t ActiveSince(const std::string& active, int64_t now) {
  if (active == "30d") return now - 30 * 86400;
  if (active == "365d") return now - 365 * 86400;
  return now - 90 * 86400;
}

}  // namespace

void RegisterLeaderMemberRoutes(App& app) {
  app.Add(Method::kGet, "/api/v1/leader/members", Access::kOrganizer, [&app](Ctx& ctx) -> Result<Response> {
    VB_RETURN_IF_ERROR(CheckQueryParams(ctx.req, {"q", "sector", "role", "visibility", "active", "limit", "offset"}));
    const std::string q = std::string(Trim(QueryString(ctx.req, "q")));
    const std::string sector = QueryString(ctx.req, "sector");
    const std::string role = QueryString(ctx.req, "role");
    const std::string visibility = QueryString(ctx.req, "visibility");
    const std::string active = QueryString(ctx.req, "active");
    if (q.size() > 200) return InvalidArgument("is too long (at most 200 bytes)", "q");
    if (!role.empty() && role != "member" && role != "organizer" && role != "admin")
      return InvalidArgument("must be member, organizer or admin", "role");
    if (!visibility.empty() && visibility != "members" && visibility != "organizers" && visibility != "hidden")
      return InvalidArgument("must be members, organizers or hidden", "visibility");
    if (sector.size() > 60) return InvalidArgument("is not a sector", "sector");
    const int64_t now = app.clock().Now();
    VB_ASSIGN_OR_RETURN(std::string active_sql, ActiveCondition(active, now));
    VB_ASSIGN_OR_RETURN(int limit, QueryInt(ctx.req, "limit", domain::kDefaultPageSize, 1, domain::kMaxPageSize));
    VB_ASSIGN_OR_RETURN(int offset, QueryInt(ctx.req, "offset", 0, 0, 1'000'000'000));

    const std::string inner =
        "SELECT m.id AS id, m.name AS name, m.email AS email, COALESCE(o.name, '') AS organization, "
        "COALESCE(m.sector, '') AS sector, m.visibility AS visibility, COALESCE(a.role, 'member') AS role, "
        "(SELECT MAX(s.created_at) FROM sessions s WHERE s.member_id = m.id) AS last_seen, "
        "(SELECT MAX(i.at) FROM interactions i WHERE i.a = m.id OR i.b = m.id) AS last_record "
        "FROM members m LEFT JOIN accounts a ON a.member_id = m.id LEFT JOIN organizations o ON o.id = "
        "m.organization_id "
        "WHERE " +
        ctx.viewer.VisibleSql("m") +
        " AND (:q = '' OR LOWER(m.name) LIKE :ql OR LOWER(m.email) LIKE :ql2 OR LOWER(COALESCE(o.name, '')) LIKE :ql3)"
        " AND (:sec = '' OR m.sector = :sec2) AND (:vis = '' OR m.visibility = :vis2)";
    const std::string where = " WHERE (:role = '' OR x.role = :role2) AND " + active_sql;
    std::string like = "%" + AsciiLower(q) + "%";
    long long since = ActiveSince(active, now);
    const bool uses_since = active_sql.find(":t") != std::string::npos;

    // The count and the page share the filters' parameters.
    auto bind_filters = [&](soci::statement& st) {
      st.exchange(soci::use(q, "q"));
      st.exchange(soci::use(like, "ql"));
      st.exchange(soci::use(like, "ql2"));
      st.exchange(soci::use(like, "ql3"));
      st.exchange(soci::use(sector, "sec"));
      st.exchange(soci::use(sector, "sec2"));
      st.exchange(soci::use(visibility, "vis"));
      st.exchange(soci::use(visibility, "vis2"));
      st.exchange(soci::use(role, "role"));
      st.exchange(soci::use(role, "role2"));
      if (uses_since) {
        st.exchange(soci::use(since, "t"));
        st.exchange(soci::use(since, "t2"));
      }
    };

    auto result = domain::WithSession<Json>(app.db(), [&](soci::session& sql) -> Result<Json> {
      long long total = 0;
      {
        soci::statement st(sql);
        st.alloc();
        st.prepare("SELECT COUNT(*) FROM (" + inner + ") x" + where);
        bind_filters(st);
        st.exchange(soci::into(total));
        st.define_and_bind();
        st.execute(true);
      }
      Json items = Json::array();
      Row r;
      soci::indicator seen_ind = soci::i_null, rec_ind = soci::i_null;
      soci::statement st(sql);
      st.alloc();
      st.prepare(
          "SELECT x.id, x.name, x.email, x.organization, x.sector, x.visibility, x.role, x.last_seen, x.last_record "
          "FROM (" +
          inner + ") x" + where + " ORDER BY x.name, x.id LIMIT " + std::to_string(limit) + " OFFSET " +
          std::to_string(offset));
      bind_filters(st);
      st.exchange(soci::into(r.id));
      st.exchange(soci::into(r.name));
      st.exchange(soci::into(r.email));
      st.exchange(soci::into(r.organization));
      st.exchange(soci::into(r.sector));
      st.exchange(soci::into(r.visibility));
      st.exchange(soci::into(r.role));
      st.exchange(soci::into(r.last_seen, seen_ind));
      st.exchange(soci::into(r.last_record, rec_ind));
      st.define_and_bind();
      st.execute();
      while (st.fetch()) {
        long long last =
            std::max(seen_ind == soci::i_ok ? r.last_seen : 0LL, rec_ind == soci::i_ok ? r.last_record : 0LL);
        items.push_back({{"id", r.id},
                         {"name", r.name},
                         {"email", r.email},
                         {"organization", r.organization},
                         {"sector", r.sector},
                         {"visibility", r.visibility},
                         {"role", r.role},
                         {"last_active_at", last > 0 ? Json(last) : Json(nullptr)}});
      }
      return Json{{"items", items}, {"total", total}, {"limit", limit}, {"offset", offset}};
    });
    if (!result) return result.status();
    return Response::JsonBody(*result);
  });
}

}  // namespace verbinder::api
