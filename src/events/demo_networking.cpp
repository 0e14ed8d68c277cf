#include "events/demo_networking.h"

#include <string>
#include <vector>

#include "domain/db_util.h"
#include "domain/members.h"
#include "domain/viewer.h"
#include "events/events.h"
#include "events/meetings.h"
#include "events/seating.h"
#include "storage/transaction.h"

namespace verbinder::events {

Result<DemoNetworkingStats> SeedDemoNetworking(storage::Database& db, const Clock& clock,
                                               const std::string& congress_title, const std::string& anja_email,
                                               const std::string& pieter_email) {
  DemoNetworkingStats stats;
  const auto system = domain::Viewer::System();
  domain::MemberService members(db, clock);
  VB_ASSIGN_OR_RETURN(auto anja, members.FindByEmail(system, anja_email));
  VB_ASSIGN_OR_RETURN(auto pieter, members.FindByEmail(system, pieter_email));
  // Queue order and check-in codes for the bulk-loaded registrations; Anja and
  // Pieter get a seat at the congress (the seats of the last two registered).
  VB_ASSIGN_OR_RETURN(
      Id congress, domain::WithSession<Id>(db, [&](soci::session& sql) -> Result<Id> {
        storage::Transaction tr(sql);
        long long ev = 0;
        soci::indicator ind = soci::i_null;
        sql << "SELECT min(id) FROM events WHERE title = :t", soci::use(congress_title), soci::into(ev, ind);
        if (ind != soci::i_ok) return NotFound("no event titled " + congress_title, "event");
        sql << "UPDATE registrations SET seq = id, updated_at = created_at WHERE seq = 0";
        std::vector<long long> ids;
        {
          long long id = 0;
          soci::statement st =
              (sql.prepare << "SELECT id FROM registrations WHERE checkin_code IS NULL ORDER BY id", soci::into(id));
          st.execute();
          while (st.fetch()) ids.push_back(id);
        }
        for (long long id : ids) {
          std::string code = internal::NewCheckinCode();
          sql << "UPDATE registrations SET checkin_code = :c WHERE id = :i", soci::use(code), soci::use(id);
        }
        stats.codes = static_cast<int>(ids.size());
        for (long long m : {static_cast<long long>(anja.id), static_cast<long long>(pieter.id)}) {
          long long n = 0;
          sql << "SELECT count(*) FROM registrations WHERE event_id = :e AND member_id = :m AND status = 'registered'",
              soci::use(ev), soci::use(m), soci::into(n);
          if (n) continue;
          // Give the seat of the latest registered other member to m (who becomes first on the waitlist).
          long long last = 0, seq = 0;
          sql << "SELECT id, seq FROM registrations WHERE event_id = :e AND status = 'registered' AND member_id NOT IN "
                 "(:a, :p) ORDER BY seq DESC LIMIT 1",
              soci::use(ev), soci::use(static_cast<long long>(anja.id)), soci::use(static_cast<long long>(pieter.id)),
              soci::into(last), soci::into(seq);
          sql << "UPDATE registrations SET status = 'waitlisted', seq = COALESCE((SELECT min(seq) FROM registrations "
                 "WHERE event_id = :e AND status = 'waitlisted') - 1, seq) WHERE id = :i",
              soci::use(ev), soci::use(last);
          long long mine = 0;
          soci::indicator mi = soci::i_null;
          sql << "SELECT id FROM registrations WHERE event_id = :e AND member_id = :m", soci::use(ev), soci::use(m),
              soci::into(mine, mi);
          if (mi == soci::i_ok) {
            sql << "UPDATE registrations SET status = 'registered', seq = :q WHERE id = :i", soci::use(seq),
                soci::use(mine);
          } else {
            std::string code = internal::NewCheckinCode();
            long long t = clock.Now();
            sql << "INSERT INTO registrations (event_id, member_id, status, created_at, seq, revision, checkin_code, "
                   "updated_at) VALUES (:e, :m, 'registered', :t, :q, 0, :c, :u)",
                soci::use(ev), soci::use(m), soci::use(t), soci::use(seq), soci::use(code), soci::use(t);
          }
        }
        tr.commit();
        return static_cast<Id>(ev);
      }));
  EventService events(db, clock);
  VB_ASSIGN_OR_RETURN(auto info, events.Get(system, congress));
  MeetingService meetings(db, clock);
  // Networking rounds after the talks: three slots of 20 minutes at 30 tables.
  Round round;
  round.title = "Netwerkrondes";
  round.tables = 30;
  round.max_meetings = 3;
  const UnixTime first = info.event.starts_at + 4 * 3600;  // 16:30 on a 12:30 start
  for (int i = 0; i < 3; ++i) round.slots.push_back({0, first + i * 1500, first + i * 1500 + 1200});
  VB_ASSIGN_OR_RETURN(auto created, meetings.CreateRound(system, congress, round));
  // Pieter asked Anja for a meeting at the congress; she accepted.
  domain::Viewer as_pieter{pieter.id, model::Role::kMember}, as_anja{anja.id, model::Role::kMember};
  VB_ASSIGN_OR_RETURN(auto req, meetings.Request(as_pieter, congress, anja.id,
                                                 "Zullen we verder praten over de planning van de wijkroutes?"));
  VB_RETURN_IF_ERROR(meetings.Respond(as_anja, req.id, RequestAction::kAccept).status());
  VB_RETURN_IF_ERROR(meetings.AutoSchedule(system, created.id).status());
  VB_ASSIGN_OR_RETURN(auto all, meetings.RoundMeetings(system, created.id));
  for (const auto& m : all) stats.meetings += m.status == "scheduled";
  // The borrel: 20 tables of 8, two rounds.
  SeatingService seating(db, clock);
  VB_ASSIGN_OR_RETURN(
      auto s, seating.Create(system, congress, {.title = "Borrel", .tables = 20, .table_size = 8, .rounds = 2}));
  VB_ASSIGN_OR_RETURN(auto plan, seating.Run(system, s.id));
  for (const auto& t : plan.tables)
    if (t.round == 1) stats.seated += static_cast<int>(t.people.size()) + t.hidden;
  VB_ASSIGN_OR_RETURN(stats.live_borrel, SeedLiveBorrel(db, clock, anja.id, pieter.id));
  VB_ASSIGN_OR_RETURN(stats.visits, SeedDemoVisits(db, anja.id, pieter.id));
  VB_ASSIGN_OR_RETURN(stats.checked_in, SeedDemoAttendance(db, clock));
  return stats;
}

Result<int> SeedDemoAttendance(storage::Database& db, const Clock& clock) {
  return domain::WithSession<int>(db, [&](soci::session& sql) -> Result<int> {
    struct Reg {
      long long id = 0, event = 0, member = 0, starts = 0;
      int met = 0;
    };
    std::vector<Reg> regs;
    {
      Reg r;
      const long long now = clock.Now();
      soci::statement st =
          (sql.prepare << "SELECT r.id, r.event_id, r.member_id, e.starts_at, "
                          "(SELECT count(*) FROM interactions i WHERE i.event_id = r.event_id "
                          "AND (i.a = r.member_id OR i.b = r.member_id)) "
                          "FROM registrations r JOIN events e ON e.id = r.event_id "
                          "WHERE r.status = 'registered' AND r.checked_in_at = 0 AND e.ends_at < :n ORDER BY r.id",
           soci::use(now), soci::into(r.id), soci::into(r.event), soci::into(r.member), soci::into(r.starts),
           soci::into(r.met));
      st.execute();
      while (st.fetch()) regs.push_back(r);
    }
    storage::Transaction tr(sql);
    int n = 0;
    for (const auto& r : regs) {
      const bool came = r.met > 0 || (r.member * 37 + r.event * 11) % 100 < 94;
      if (!came) continue;
      const long long at = r.starts + 60 * (r.member % 45), id = r.id;
      sql << "UPDATE registrations SET checked_in_at = :t WHERE id = :i", soci::use(at), soci::use(id);
      ++n;
    }
    tr.commit();
    return n;
  });
}

Result<int> SeedDemoVisits(storage::Database& db, Id anja, Id pieter) {
  return domain::WithSession<int>(db, [&](soci::session& sql) -> Result<int> {
    struct Held {
      long long a = 0, b = 0, at = 0;
      int a_hosts = 0, b_hosts = 0;
    };
    std::vector<Held> held;
    {
      Held h;
      soci::statement st =
          (sql.prepare << "SELECT i.a, i.b, i.at, ma.hosts_visits, mb.hosts_visits "
                          "FROM interactions i JOIN members ma ON ma.id = i.a "
                          "JOIN members mb ON mb.id = i.b WHERE i.kind = 'visit_held' ORDER BY i.at",
           soci::into(h.a), soci::into(h.b), soci::into(h.at), soci::into(h.a_hosts), soci::into(h.b_hosts));
      st.execute();
      while (st.fetch()) held.push_back(h);
    }
    static const char* const kReasons[] = {
        "Ik wil graag zien hoe jullie dit in de praktijk aanpakken.",
        "Mag ik eens komen kijken? Ik leer graag van hoe jullie het organiseren.",
        "Je vertelde erover op de bijeenkomst: ik ben benieuwd hoe het bij jullie werkt.",
    };
    storage::Transaction tr(sql);
    int n = 0;
    for (const auto& h : held) {
      long long host = h.b_hosts && !h.a_hosts ? h.b : h.a;
      std::string reason = kReasons[n % 3];
      if ((h.a == anja && h.b == pieter) || (h.a == pieter && h.b == anja)) {
        // The seed's story: at the borrel Pieter asked whether he could come and have a look.
        host = anja;
        reason =
            "Op het congres vertelde je over de wachtlijst van jullie wijkteam. Mag ik eens komen kijken hoe "
            "jullie de bezoeken plannen? Misschien helpt wat wij in de fabriek met doorlooptijden doen.";
      }
      const long long visitor = host == h.a ? h.b : h.a;
      const long long starts = h.at, ends = h.at + 2 * 3600, created = h.at - 14 * 86400, updated = h.at + 86400;
      const std::string proposed = std::to_string(h.at) + ";7200";
      sql << "INSERT INTO visits (host_id, visitor_id, reason, proposed, status, starts_at, ends_at, host_confirmed, "
             "visitor_confirmed, revision, created_at, updated_at) VALUES (:h, :v, :r, :p, 'held', :s, :e, 1, 1, 0, "
             ":c, :u)",
          soci::use(host), soci::use(visitor), soci::use(reason), soci::use(proposed), soci::use(starts),
          soci::use(ends), soci::use(created), soci::use(updated);
      ++n;
    }
    tr.commit();
    return n;
  });
}

Result<Id> SeedLiveBorrel(storage::Database& db, const Clock& clock, Id anja, Id pieter) {
  // Tonight's borrel, running while the demo is fresh: a new user can register
  // and use the connect codes ("we spraken elkaar") at it. About two dozen
  // members are already there; Anja and Pieter are not registered yet.
  const auto system = domain::Viewer::System();
  const UnixTime now = clock.Now();
  EventInfo info;
  info.event.title = std::string(kLiveBorrelTitle);
  info.event.kind = model::EventKind::kNetworkDrinks;
  info.event.description =
      "De borrel na de inspiratiesessie. Sprak je iemand? Scan elkaars verbindcode: dan weet het netwerk dat "
      "jullie elkaar echt spraken.";
  info.event.starts_at = now - 30 * 60;
  info.event.ends_at = now + 210 * 60;
  info.event.location = "Hengelo, De Waag";
  info.event.capacity = 80;
  info.event.registration_deadline = info.event.ends_at;
  EventService events(db, clock);
  VB_ASSIGN_OR_RETURN(auto created, events.Create(system, info));
  const Id ev = created.event.id;
  // The most active members (by ledger entries) except Anja and Pieter, checked in.
  VB_ASSIGN_OR_RETURN(
      auto who, domain::WithSession<std::vector<Id>>(db, [&](soci::session& sql) -> Result<std::vector<Id>> {
        std::vector<Id> out;
        long long id = 0;
        const std::string q = "SELECT m.id FROM members m WHERE m.visibility = 'members' AND m.id NOT IN (" +
                              std::to_string(anja) + ", " + std::to_string(pieter) +
                              ") ORDER BY (SELECT count(*) FROM interactions i WHERE i.a = m.id OR i.b = m.id) "
                              "DESC, m.id LIMIT 24";
        soci::statement st = (sql.prepare << q, soci::into(id));
        st.execute();
        while (st.fetch()) out.push_back(id);
        return out;
      }));
  for (Id m : who) {
    VB_ASSIGN_OR_RETURN(auto reg, events.Register(system, ev, m));
    VB_RETURN_IF_ERROR(events.CheckInRegistration(system, ev, reg.id).status());
  }
  return ev;
}

}  // namespace verbinder::events
