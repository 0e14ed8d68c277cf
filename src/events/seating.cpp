// Group tables: seatings, their runs over matching::Seat, the plan per table
// and each attendee's tables.
#include "events/seating.h"

#include <cmath>
#include <map>
#include <set>

#include "domain/db_util.h"
#include "domain/validation.h"
#include "events/meetings_internal.h"
#include "matching/seat.h"
#include "notify/notifications.h"
#include "storage/transaction.h"

namespace verbinder::events {
namespace {

using domain::Viewer;
using domain::WithSession;

constexpr const char* kSeatingColumns =
    "SELECT id, event_id, title, tables_count, table_size, rounds_count, seated_at, repeats, colleague_conflicts, "
    "unseated, mean_sectors_milli FROM seatings ";

std::vector<Seating> QuerySeatings(soci::session& sql, const std::string& where) {
  std::vector<Seating> out;
  long long id = 0, ev = 0, seated = 0;
  int tables = 0, size = 0, rounds = 0, repeats = 0, conflicts = 0, unseated = 0, sectors = 0;
  std::string title;
  soci::statement st = (sql.prepare << std::string(kSeatingColumns) + where, soci::into(id), soci::into(ev),
                        soci::into(title), soci::into(tables), soci::into(size), soci::into(rounds), soci::into(seated),
                        soci::into(repeats), soci::into(conflicts), soci::into(unseated), soci::into(sectors));
  st.execute();
  while (st.fetch())
    out.push_back({id, ev, title, tables, size, rounds, seated, repeats, conflicts, unseated, sectors / 1000.0});
  return out;
}

Result<Seating> LoadSeating(soci::session& sql, Id seating_id) {
  auto rows = QuerySeatings(sql, "WHERE id = " + std::to_string(seating_id));
  if (rows.empty())
    return NotFound("no seating with id " + std::to_string(seating_id), "id").WithReason("seating.not_found");
  return rows.front();
}

// Seated people of a seating (optionally only the tables of one member),
// named only where the viewer may see them.
std::vector<SeatingTable> LoadTables(soci::session& sql, const Viewer& viewer, Id seating_id) {
  std::vector<SeatingTable> out;
  int round = 0, table = 0, visible = 0;
  long long mid = 0;
  std::string name, sector, org;
  soci::statement st =
      (sql.prepare
           << "SELECT p.round_no, p.table_no, p.member_id, m.name, COALESCE(m.sector, ''), COALESCE(o.name, ''), "
              "CASE WHEN " +
                  viewer.VisibleSql("m") +
                  " THEN 1 ELSE 0 END FROM seating_places p JOIN members m "
                  "ON m.id = p.member_id LEFT JOIN organizations o ON o.id = m.organization_id WHERE p.seating_id = " +
                  std::to_string(seating_id) + " ORDER BY p.round_no, p.table_no, m.name, m.id",
       soci::into(round), soci::into(table), soci::into(mid), soci::into(name), soci::into(sector), soci::into(org),
       soci::into(visible));
  st.execute();
  while (st.fetch()) {
    if (out.empty() || out.back().round != round || out.back().table != table) out.push_back({round, table, {}, 0});
    if (visible)
      out.back().people.push_back({mid, name, sector, org});
    else
      ++out.back().hidden;
  }
  return out;
}

}  // namespace

Status ValidateSeating(const Seating& s) {
  VB_RETURN_IF_ERROR(domain::CheckText("title", s.title, 1, 200));
  if (s.tables < 1 || s.tables > 500)
    return InvalidArgument("must be between 1 and 500", "tables").WithReason("seating.tables_range", {{"max", "500"}});
  if (s.table_size < 2 || s.table_size > 50)
    return InvalidArgument("must be between 2 and 50", "table_size")
        .WithReason("seating.table_size_range", {{"max", "50"}});
  if (s.rounds < 1 || s.rounds > 12)
    return InvalidArgument("must be between 1 and 12", "rounds").WithReason("seating.rounds_range", {{"max", "12"}});
  return Status::Ok();
}

Result<Seating> SeatingService::Create(const Viewer& viewer, Id event_id, Seating seating) {
  if (!viewer.authenticated()) return Unauthenticated("sign in first");
  VB_RETURN_IF_ERROR(ValidateSeating(seating));
  return WithSession<Seating>(db_, [&](soci::session& sql) -> Result<Seating> {
    storage::Transaction tr(sql);
    internal::LockEvent(sql, event_id);
    VB_ASSIGN_OR_RETURN(auto info, internal::LoadEvent(sql, event_id));
    if (!EventService(db_, clock_).CanManage(viewer, info))
      return PermissionDenied("only the event's organizers arrange the tables").WithReason("event.organizers_only");
    long long ev = event_id, t = clock_.Now();
    sql << "INSERT INTO seatings (event_id, title, tables_count, table_size, rounds_count, created_at) VALUES "
           "(:e, :t, :n, :s, :r, :c)",
        soci::use(ev), soci::use(seating.title), soci::use(seating.tables), soci::use(seating.table_size),
        soci::use(seating.rounds), soci::use(t);
    long long id = 0;
    sql << "SELECT max(id) FROM seatings WHERE event_id = :e", soci::use(ev), soci::into(id);
    VB_ASSIGN_OR_RETURN(auto stored, LoadSeating(sql, id));
    tr.commit();
    return stored;
  });
}

Result<std::vector<Seating>> SeatingService::List(const Viewer& viewer, Id event_id) {
  if (!viewer.authenticated()) return Unauthenticated("sign in first");
  return WithSession<std::vector<Seating>>(db_, [&](soci::session& sql) -> Result<std::vector<Seating>> {
    VB_ASSIGN_OR_RETURN(auto info, internal::LoadEvent(sql, event_id));
    if (!EventService(db_, clock_).CanManage(viewer, info) &&
        !internal::IsRegisteredIn(sql, event_id, viewer.member_id))
      return PermissionDenied("only attendees and organizers see the table plans").WithReason("seating.attendees_only");
    return QuerySeatings(sql, "WHERE event_id = " + std::to_string(event_id) + " ORDER BY id");
  });
}

Result<SeatingPlan> SeatingService::Run(const Viewer& viewer, Id seating_id) {
  if (!viewer.authenticated()) return Unauthenticated("sign in first");
  return WithSession<SeatingPlan>(db_, [&](soci::session& sql) -> Result<SeatingPlan> {
    VB_ASSIGN_OR_RETURN(auto seating, LoadSeating(sql, seating_id));
    storage::Transaction tr(sql);
    internal::LockEvent(sql, seating.event_id);
    VB_ASSIGN_OR_RETURN(auto info, internal::LoadEvent(sql, seating.event_id));
    if (!EventService(db_, clock_).CanManage(viewer, info))
      return PermissionDenied("only the event's organizers arrange the tables").WithReason("event.organizers_only");
    const std::string ev = std::to_string(seating.event_id);
    matching::SeatInstance inst;
    std::vector<Id> ids;
    std::map<Id, int> index;
    {
      long long mid = 0, org = 0;
      std::string sector;
      soci::indicator org_ind = soci::i_ok;
      soci::statement st = (sql.prepare << "SELECT r.member_id, COALESCE(m.sector, ''), m.organization_id FROM "
                                           "registrations r JOIN members m ON m.id = r.member_id WHERE r.event_id = " +
                                               ev +
                                               " AND r.status = 'registered' AND r.rounds_opt_out = 0 ORDER BY "
                                               "r.member_id",
                            soci::into(mid), soci::into(sector), soci::into(org, org_ind));
      st.execute();
      while (st.fetch()) {
        index[mid] = static_cast<int>(ids.size());
        ids.push_back(mid);
        inst.attendees.push_back({std::to_string(mid), sector, org_ind == soci::i_ok ? "o" + std::to_string(org) : ""});
      }
    }
    if (ids.empty()) return Conflict("nobody takes part in the rounds yet", "id").WithReason("seating.nobody");
    {
      long long from = 0, to = 0;
      soci::statement st =
          (sql.prepare << "SELECT from_member, to_member FROM meeting_requests WHERE event_id = " + ev +
                              " AND status = 'accepted'",
           soci::into(from), soci::into(to));
      st.execute();
      while (st.fetch()) {
        auto a = index.find(from), b = index.find(to);
        if (a != index.end() && b != index.end()) inst.pairs.push_back({a->second, b->second, 1.0});
      }
    }
    inst.rounds = seating.rounds;
    for (int t = 1; t <= seating.tables; ++t) inst.tables.push_back({std::to_string(t), seating.table_size});
    matching::SeatOptions opts;
    opts.seed = static_cast<uint64_t>(seating_id);
    opts.compare_random = false;
    // Keep a run of a large congress within a second or two.
    if (ids.size() > 500) opts.moves_per_attendee = 60;
    VB_ASSIGN_OR_RETURN(auto result, matching::Seat(inst, opts));

    long long sid = seating_id;
    sql << "DELETE FROM seating_places WHERE seating_id = :s", soci::use(sid);
    std::vector<long long> v_seat, v_member;
    std::vector<int> v_round, v_table;
    for (size_t r = 0; r < result.rounds.size(); ++r)
      for (size_t t = 0; t < result.rounds[r].tables.size(); ++t)
        for (int person : result.rounds[r].tables[t]) {
          v_seat.push_back(sid);
          v_round.push_back(static_cast<int>(r) + 1);
          v_member.push_back(ids[person]);
          v_table.push_back(static_cast<int>(t) + 1);
        }
    if (!v_seat.empty())
      sql << "INSERT INTO seating_places (seating_id, round_no, member_id, table_no) VALUES (:s, :r, :m, :t)",
          soci::use(v_seat), soci::use(v_round), soci::use(v_member), soci::use(v_table);
    const auto& q = result.quality;
    long long now = clock_.Now();
    int sectors = static_cast<int>(std::lround(q.mean_distinct_sectors * 1000));
    sql << "UPDATE seatings SET seated_at = :t, repeats = :r, colleague_conflicts = :c, unseated = :u, "
           "mean_sectors_milli = :m WHERE id = :id",
        soci::use(now), soci::use(q.repeats), soci::use(q.colleague_conflicts), soci::use(q.unseated),
        soci::use(sectors), soci::use(sid);
    std::set<Id> told;
    for (long long m : v_member)
      if (told.insert(m).second)
        notify::Notify(sql, m, "tables_assigned",
                       {"Your tables for " + seating.title + " (" + info.event.title + ") are ready.",
                        "Je tafels voor " + seating.title + " (" + info.event.title + ") staan klaar."},
                       "event:" + ev, now);
    SeatingPlan plan;
    VB_ASSIGN_OR_RETURN(plan.seating, LoadSeating(sql, seating_id));
    plan.tables = LoadTables(sql, viewer, seating_id);
    tr.commit();
    return plan;
  });
}

Result<SeatingPlan> SeatingService::Plan(const Viewer& viewer, Id seating_id) {
  if (!viewer.authenticated()) return Unauthenticated("sign in first");
  return WithSession<SeatingPlan>(db_, [&](soci::session& sql) -> Result<SeatingPlan> {
    SeatingPlan plan;
    VB_ASSIGN_OR_RETURN(plan.seating, LoadSeating(sql, seating_id));
    VB_ASSIGN_OR_RETURN(auto info, internal::LoadEvent(sql, plan.seating.event_id));
    if (!EventService(db_, clock_).CanManage(viewer, info))
      return PermissionDenied("only the event's organizers see every table").WithReason("event.organizers_only");
    plan.tables = LoadTables(sql, viewer, seating_id);
    return plan;
  });
}

Result<std::vector<MyTable>> SeatingService::MyTables(const Viewer& viewer, Id event_id) {
  if (!viewer.authenticated()) return Unauthenticated("sign in first");
  return WithSession<std::vector<MyTable>>(db_, [&](soci::session& sql) -> Result<std::vector<MyTable>> {
    VB_ASSIGN_OR_RETURN(auto info, internal::LoadEvent(sql, event_id));
    (void)info;
    const std::string ev = std::to_string(event_id), me = std::to_string(viewer.member_id);
    std::vector<MyTable> out;
    {
      long long sid = 0;
      int round = 0, table = 0;
      std::string title;
      soci::statement st = (sql.prepare << "SELECT s.id, s.title, p.round_no, p.table_no FROM seating_places p JOIN "
                                           "seatings s ON s.id = p.seating_id WHERE s.event_id = " +
                                               ev + " AND p.member_id = " + me + " ORDER BY s.id, p.round_no",
                            soci::into(sid), soci::into(title), soci::into(round), soci::into(table));
      st.execute();
      while (st.fetch()) out.push_back({sid, title, round, table, {}, 0});
    }
    std::map<std::pair<Id, int>, size_t> at;
    for (size_t i = 0; i < out.size(); ++i) at[{out[i].seating_id, out[i].round}] = i;
    long long sid = 0, mid = 0;
    int round = 0, visible = 0;
    std::string name, sector, org;
    soci::statement st =
        (sql.prepare
             << "SELECT p.seating_id, p.round_no, p.member_id, m.name, COALESCE(m.sector, ''), COALESCE(o.name, ''), "
                "CASE WHEN " +
                    viewer.VisibleSql("m") +
                    " THEN 1 ELSE 0 END FROM seating_places p JOIN "
                    "seating_places mine ON mine.seating_id = p.seating_id AND mine.round_no = p.round_no AND "
                    "mine.table_no = p.table_no AND mine.member_id = " +
                    me +
                    " JOIN seatings s ON s.id = "
                    "p.seating_id JOIN members m ON m.id = p.member_id LEFT JOIN organizations o ON o.id = "
                    "m.organization_id WHERE s.event_id = " +
                    ev + " AND p.member_id <> " + me + " ORDER BY p.seating_id, p.round_no, m.name, m.id",
         soci::into(sid), soci::into(round), soci::into(mid), soci::into(name), soci::into(sector), soci::into(org),
         soci::into(visible));
    st.execute();
    while (st.fetch()) {
      auto it = at.find({sid, round});
      if (it == at.end()) continue;
      if (visible)
        out[it->second].tablemates.push_back({mid, name, sector, org});
      else
        ++out[it->second].hidden;
    }
    return out;
  });
}

}  // namespace verbinder::events
