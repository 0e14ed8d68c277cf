#include "events/report.h"

#include "domain/db_util.h"

namespace verbinder::events {

using domain::Viewer;
using domain::WithSession;

Result<EventYield> ReportService::Yield(const Viewer& viewer, Id event_id) {
  if (!viewer.authenticated()) return Unauthenticated("sign in first");
  return WithSession<EventYield>(db_, [&](soci::session& sql) -> Result<EventYield> {
    VB_ASSIGN_OR_RETURN(auto info, internal::LoadEvent(sql, event_id));
    if (!EventService(db_, clock_).CanManage(viewer, info))
      return PermissionDenied("only the event's organizers see the report").WithReason("event.organizers_only");
    EventYield y;
    y.event_id = event_id;
    const std::string ev = std::to_string(event_id);
    {
      std::string status;
      int n = 0, in = 0;
      soci::statement st =
          (sql.prepare << "SELECT status, count(*), sum(CASE WHEN checked_in_at > 0 THEN 1 ELSE 0 END) "
                          "FROM registrations WHERE event_id = " +
                              ev + " GROUP BY status",
           soci::into(status), soci::into(n), soci::into(in));
      st.execute();
      while (st.fetch()) {
        if (status == "registered") {
          y.registered = n;
          y.checked_in = in;
        } else if (status == "waitlisted") {
          y.waitlisted = n;
        } else if (status == "cancelled") {
          y.cancelled = n;
        }
      }
      y.no_shows = y.registered - y.checked_in;
    }
    {
      long long id = 0;
      std::string name;
      soci::statement st =
          (sql.prepare << "SELECT m.id, m.name FROM registrations r JOIN members m ON m.id = r.member_id "
                          "WHERE r.event_id = " +
                              ev +
                              " AND r.status = 'registered' AND "
                              "r.checked_in_at = 0 AND " +
                              viewer.VisibleSql("m") + " ORDER BY m.name, m.id LIMIT 500",
           soci::into(id), soci::into(name));
      st.execute();
      while (st.fetch()) y.no_show_list.push_back({id, name});
    }
    {
      // Per scheduled meeting: how many said yes / no.
      int yes = 0, no = 0;
      soci::statement st =
          (sql.prepare << "SELECT COALESCE(sum(CASE WHEN f.happened = 1 THEN 1 ELSE 0 END), 0), "
                          "COALESCE(sum(CASE WHEN f.happened = 0 THEN 1 ELSE 0 END), 0) FROM meetings mt "
                          "JOIN rounds r ON r.id = mt.round_id LEFT JOIN meeting_feedback f ON "
                          "f.meeting_id = mt.id WHERE r.event_id = " +
                              ev +
                              " AND mt.status = "
                              "'scheduled' GROUP BY mt.id",
           soci::into(yes), soci::into(no));
      st.execute();
      while (st.fetch()) {
        ++y.meetings_scheduled;
        if (yes > 0)
          ++y.meetings_held;
        else if (no > 0)
          ++y.meetings_not_held;
        else
          ++y.meetings_without_feedback;
      }
    }
    {
      int useful = 0;
      soci::statement st = (sql.prepare << "SELECT f.usefulness FROM meeting_feedback f JOIN meetings mt ON mt.id = "
                                           "f.meeting_id JOIN rounds r ON r.id = mt.round_id WHERE r.event_id = " +
                                               ev,
                            soci::into(useful));
      st.execute();
      long long sum = 0;
      while (st.fetch()) {
        ++y.feedback_count;
        if (useful >= 1 && useful <= 5) {
          ++y.rated;
          sum += useful;
          ++y.usefulness[useful - 1];
        }
      }
      if (y.rated) y.mean_usefulness = static_cast<double>(sum) / y.rated;
    }
    auto new_ties = [&](const std::string& kind) {
      long long n = 0, before = info.event.starts_at;
      sql << "SELECT count(*) FROM (SELECT DISTINCT i.a, i.b FROM interactions i WHERE i.event_id = " + ev +
                 " AND i.kind = '" + kind +
                 "' AND NOT EXISTS (SELECT 1 FROM interactions j WHERE j.a = i.a AND "
                 "j.b = i.b AND j.kind IN (" +
                 model::FaceToFaceKindsSql() + ") AND j.at < :t)) x",
          soci::use(before), soci::into(n);
      return static_cast<int>(n);
    };
    y.new_ties_from_meetings = new_ties("meeting_held");
    y.new_ties_met_at_event = new_ties("met_at_event");
    return y;
  });
}

}  // namespace verbinder::events
