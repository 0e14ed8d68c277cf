// events' MemberDataOwner (member_data.h). Erasing a member first cancels
// what they take part in, as a cancellation would: their registrations for
// events still to come (as the system: a freed seat goes to the first on the
// waitlist, partners of meetings and requests are told) and their open
// visits (as the member: the other party is told, an agreed visit's invite
// becomes CANCEL) — inside the caller's transaction. Their rows then go; the
// rest of what references them follows by ON DELETE CASCADE.
#include "events/member_data.h"

#include "events/cancel_internal.h"

namespace verbinder::events {
namespace {

bool Tolerated(const Status& s) {
  // Nothing left to cancel (already cancelled, checked in, visit started).
  return s.ok() || s.code() == Code::kNotFound || s.code() == Code::kConflict;
}

std::vector<long long> Ids(soci::session& sql, const std::string& query, long long member_id, long long now,
                           bool with_now) {
  std::vector<long long> out;
  long long id = 0, m1 = member_id, m2 = member_id, t = now;
  soci::statement st = with_now ? (sql.prepare << query, soci::use(m1), soci::use(t), soci::into(id))
                                : (sql.prepare << query, soci::use(m1), soci::use(m2), soci::into(id));
  st.execute();
  while (st.fetch()) out.push_back(id);
  return out;
}

class EventsMemberData : public domain::MemberDataOwner {
 public:
  std::string Name() const override { return "events"; }

  Status Erase(soci::session& sql, const domain::MemberRecord& who, int64_t now) override {
    const auto events = Ids(sql,
                            "SELECT r.event_id FROM registrations r JOIN events ev ON ev.id = r.event_id "
                            "WHERE r.member_id = :m AND r.status IN ('registered', 'waitlisted') "
                            "AND r.checked_in_at = 0 AND ev.ends_at > :n ORDER BY r.event_id",
                            who.id, now, true);
    for (long long e : events) {
      auto r = internal::CancelRegistration(sql, domain::Viewer::System(), e, who.id, now);
      if (!Tolerated(r.status())) return r.status();
    }
    const domain::Viewer as_member{who.id, model::Role::kMember};
    const auto visits = Ids(sql,
                            "SELECT id FROM visits WHERE (host_id = :m OR visitor_id = :m2) "
                            "AND status IN ('requested', 'accepted') ORDER BY id",
                            who.id, now, false);
    for (long long v : visits) {
      auto r = internal::TransitionVisit(sql, as_member, v, "cancel", 0, false, now);
      if (!Tolerated(r.status())) return r.status();
    }
    long long m = who.id;
    sql << "DELETE FROM registrations WHERE member_id = :m", soci::use(m);
    sql << "DELETE FROM visits WHERE host_id = :m OR visitor_id = :m2", soci::use(m), soci::use(m);
    return Status::Ok();
  }

  Result<std::vector<domain::ExportPart>> Export(soci::session& sql, const domain::MemberRecord& who) override {
    using domain::RowsAsJson;
    const model::Id m = who.id;
    std::vector<domain::ExportPart> parts;
    parts.push_back(
        {"registrations", RowsAsJson(sql, "SELECT * FROM registrations WHERE member_id = :m ORDER BY id", m), {}});
    parts.push_back(
        {"events_organized", RowsAsJson(sql, "SELECT event_id FROM event_organizers WHERE member_id = :m", m), {}});
    parts.push_back(
        {"calendar_feed", RowsAsJson(sql, "SELECT created_at FROM calendar_tokens WHERE member_id = :m", m), {}});
    // The learned links this member switched off as an organizer (the row's
    // switched_off_by is cleared when the member is erased).
    parts.push_back({"learned_links_switched_off",
                     RowsAsJson(sql,
                                "SELECT challenge_concept, expertise_concept, created_at FROM learned_links_off "
                                "WHERE switched_off_by = :m ORDER BY created_at",
                                m),
                     {}});
    parts.push_back(
        {"meeting_requests",
         RowsAsJson(sql, "SELECT * FROM meeting_requests WHERE from_member = :m OR to_member = :m2 ORDER BY id", m, 2),
         {"from_member", "to_member"}});
    domain::ExportPart meetings{
        "meetings", RowsAsJson(sql, "SELECT * FROM meetings WHERE a = :m OR b = :m2 ORDER BY id", m, 2), {"a", "b"}};
    // The other side's own words stay theirs.
    for (auto& row : meetings.rows) {
      const bool i_am_a = row.contains("a") && row["a"].is_number_integer() && row["a"].get<long long>() == m;
      row.erase(i_am_a ? "reason_b" : "reason_a");
      row.erase(i_am_a ? "reason_b_en" : "reason_a_en");
    }
    parts.push_back(std::move(meetings));
    parts.push_back(
        {"meeting_feedback", RowsAsJson(sql, "SELECT * FROM meeting_feedback WHERE member_id = :m", m), {}});
    parts.push_back(
        {"unavailable_slots", RowsAsJson(sql, "SELECT slot_id FROM slot_unavailability WHERE member_id = :m", m), {}});
    parts.push_back({"visits",
                     RowsAsJson(sql, "SELECT * FROM visits WHERE host_id = :m OR visitor_id = :m2 ORDER BY id", m, 2),
                     {"host_id", "visitor_id"}});
    return parts;
  }
};

}  // namespace

void RegisterMemberData(domain::MemberDataRegistry& registry) {
  registry.Register(std::make_shared<EventsMemberData>());
}

}  // namespace verbinder::events
