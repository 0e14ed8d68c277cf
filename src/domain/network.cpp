#include "domain/network.h"

#include <algorithm>
#include <cstdio>
#include <unordered_map>
#include <unordered_set>

#include "domain/db_util.h"
#include "domain/validation.h"
#include "util/civil_time.h"
#include "storage/transaction.h"

namespace verbinder::domain {
namespace {

using model::Connection;
using model::ConnectionStatus;
using model::Id;

std::optional<ConnectionStatus> ParseStatus(const std::string& s) {
  for (auto st : {ConnectionStatus::kPending, ConnectionStatus::kAccepted, ConnectionStatus::kDeclined,
                  ConnectionStatus::kWithdrawn, ConnectionStatus::kRemoved})
    if (model::ToString(st) == s) return st;
  return std::nullopt;
}

std::optional<Connection> LoadConnection(soci::session& sql, Id id) {
  long long cid = id, from = 0, to = 0, created = 0, updated = 0;
  std::string status, message;
  sql << "SELECT from_member, to_member, status, message, created_at, updated_at FROM connections WHERE id = :id",
      soci::use(cid), soci::into(from), soci::into(to), soci::into(status), soci::into(message), soci::into(created),
      soci::into(updated);
  if (!sql.got_data()) return std::nullopt;
  return Connection{id, from, to, ParseStatus(status).value_or(ConnectionStatus::kPending), message, created, updated};
}

std::vector<model::Interaction> QueryInteractions(soci::session& sql, const std::string& where_tail) {
  std::vector<model::Interaction> out;
  long long id = 0, a = 0, b = 0, at = 0, ev = 0;
  std::string kind, source;
  soci::indicator ev_ind;
  soci::statement st =
      (sql.prepare << "SELECT id, a, b, kind, at, source, event_id FROM interactions " + where_tail, soci::into(id),
       soci::into(a), soci::into(b), soci::into(kind), soci::into(at), soci::into(source), soci::into(ev, ev_ind));
  st.execute();
  while (st.fetch()) {
    out.push_back({id, a, b, model::ParseInteractionKind(kind).value_or(model::InteractionKind::kConnected), at, source,
                   ev_ind == soci::i_ok ? ev : 0});
  }
  return out;
}

}  // namespace

void AppendInteraction(soci::session& sql, model::Interaction& in) {
  if (in.a > in.b) std::swap(in.a, in.b);
  long long a = in.a, b = in.b, at = in.at, ev = in.event_id;
  std::string kind(model::ToString(in.kind));
  soci::indicator ev_ind = in.event_id ? soci::i_ok : soci::i_null;
  sql << "INSERT INTO interactions (a, b, kind, at, source, event_id) VALUES (:a, :b, :k, :t, :s, :e)", soci::use(a),
      soci::use(b), soci::use(kind), soci::use(at), soci::use(in.source), soci::use(ev, ev_ind);
  long long id = 0;
  sql << "SELECT max(id) FROM interactions WHERE a = :a AND b = :b", soci::use(a), soci::use(b), soci::into(id);
  in.id = id;
}

Result<Connection> NetworkService::RequestConnection(const Viewer& viewer, Id to, const std::string& message) {
  if (!viewer.authenticated() || viewer.member_id < 0) return Unauthenticated("sign in first");
  if (to == viewer.member_id)
    return InvalidArgument("you cannot connect with yourself", "to").WithReason("connection.self");
  VB_RETURN_IF_ERROR(CheckText("message", message, 0, 1000, true));
  VB_ASSIGN_OR_RETURN(auto target, members_.Get(viewer, to));
  (void)target;
  return WithSession<Connection>(db_, [&](soci::session& sql) -> Result<Connection> {
    storage::Transaction tr(sql);
    long long me = viewer.member_id, other = to, n = 0;
    // Serialise requests about this pair (A asks B while B asks A): lock both
    // member rows, lower id first (PostgreSQL; SQLite's write lock already does).
    for (long long id : {std::min(me, other), std::max(me, other)})
      sql << "UPDATE members SET id = id WHERE id = :id", soci::use(id);
    sql << "SELECT count(*) FROM connections WHERE ((from_member = :a AND to_member = :b) OR (from_member = :b2 AND "
           "to_member = :a2)) AND status IN ('pending', 'accepted')",
        soci::use(me), soci::use(other), soci::use(other), soci::use(me), soci::into(n);
    if (n) return Conflict("a connection or request between you already exists", "to").WithReason("connection.exists");
    long long now = clock_.Now();
    std::string status = "pending";
    sql << "INSERT INTO connections (from_member, to_member, status, message, created_at, updated_at) "
           "VALUES (:f, :t, :s, :m, :c, :u)",
        soci::use(me), soci::use(other), soci::use(status), soci::use(message), soci::use(now), soci::use(now);
    long long id = 0;
    sql << "SELECT max(id) FROM connections WHERE from_member = :f AND to_member = :t", soci::use(me), soci::use(other),
        soci::into(id);
    tr.commit();
    return Connection{id, me, other, ConnectionStatus::kPending, message, now, now};
  });
}

Result<Connection> NetworkService::Transition(const Viewer& viewer, Id id, ConnectionStatus from, ConnectionStatus to,
                                              bool by_recipient, bool by_sender) {
  if (!viewer.authenticated()) return Unauthenticated("sign in first");
  return WithSession<Connection>(db_, [&](soci::session& sql) -> Result<Connection> {
    storage::Transaction tr(sql);
    auto c = LoadConnection(sql, id);
    bool party = c && (c->from_member == viewer.member_id || c->to_member == viewer.member_id);
    if (!c || !party) return NotFound("no connection with id " + std::to_string(id), "id");
    bool allowed =
        (by_recipient && c->to_member == viewer.member_id) || (by_sender && c->from_member == viewer.member_id);
    if (!allowed)
      return PermissionDenied("only the " + std::string(by_recipient ? "recipient" : "sender") + " can do this");
    if (c->status != from)
      return Conflict("the connection is " + std::string(model::ToString(c->status)) + ", not " +
                          std::string(model::ToString(from)),
                      "status")
          .WithReason("connection.already_handled");
    long long now = clock_.Now(), cid = id;
    std::string s(model::ToString(to));
    // Guarded update: a concurrent transition loses cleanly instead of double-applying.
    soci::statement st =
        (sql.prepare << "UPDATE connections SET status = :s, updated_at = :u WHERE id = :id AND status = :f",
         soci::use(s), soci::use(now), soci::use(cid), soci::use(std::string(model::ToString(from))));
    st.execute(true);
    if (st.get_affected_rows() != 1)
      return Conflict("the connection changed meanwhile; reload", "status").WithReason("connection.changed");
    if (to == ConnectionStatus::kAccepted) {
      model::Interaction in{
          0, c->from_member, c->to_member, model::InteractionKind::kConnected, now, "connection:" + std::to_string(id),
          0};
      AppendInteraction(sql, in);
    }
    tr.commit();
    c->status = to;
    c->updated_at = now;
    return *c;
  });
}

Result<Connection> NetworkService::AcceptConnection(const Viewer& v, Id id) {
  return Transition(v, id, ConnectionStatus::kPending, ConnectionStatus::kAccepted, true, false);
}
Result<Connection> NetworkService::DeclineConnection(const Viewer& v, Id id) {
  return Transition(v, id, ConnectionStatus::kPending, ConnectionStatus::kDeclined, true, false);
}
Result<Connection> NetworkService::WithdrawConnection(const Viewer& v, Id id) {
  return Transition(v, id, ConnectionStatus::kPending, ConnectionStatus::kWithdrawn, false, true);
}
Result<Connection> NetworkService::RemoveConnection(const Viewer& v, Id id) {
  return Transition(v, id, ConnectionStatus::kAccepted, ConnectionStatus::kRemoved, true, true);
}

Result<Page<Connection>> NetworkService::Connections(const Viewer& viewer, std::optional<ConnectionStatus> status,
                                                     int limit, int offset) {
  if (!viewer.authenticated()) return Unauthenticated("sign in first");
  if (limit < 1 || limit > kMaxPageSize) return InvalidArgument("must be between 1 and 500", "limit");
  if (offset < 0) return InvalidArgument("must not be negative", "offset");
  return WithSession<Page<Connection>>(db_, [&](soci::session& sql) -> Result<Page<Connection>> {
    std::string me = std::to_string(viewer.member_id);
    // The other party must be visible to the viewer.
    std::string where = " FROM connections c JOIN members m ON m.id = CASE WHEN c.from_member = " + me +
                        " THEN c.to_member ELSE c.from_member END WHERE (c.from_member = " + me +
                        " OR c.to_member = " + me + ") AND " + viewer.VisibleSql("m");
    std::vector<std::string> params;
    if (status) where += " AND c.status = " + Bind(params, std::string(model::ToString(*status)));
    Page<Connection> page;
    page.limit = limit;
    page.offset = offset;
    page.total = CountOf(sql, "SELECT count(*)" + where, params);
    long long id = 0, from = 0, to = 0, created = 0, updated = 0;
    std::string st_s, msg;
    DynStatement st(sql,
                    "SELECT c.id, c.from_member, c.to_member, c.status, c.message, c.created_at, c.updated_at" + where +
                        " ORDER BY c.updated_at DESC, c.id DESC LIMIT " + std::to_string(limit) + " OFFSET " +
                        std::to_string(offset),
                    params);
    st.Into(id);
    st.Into(from);
    st.Into(to);
    st.Into(st_s);
    st.Into(msg);
    st.Into(created);
    st.Into(updated);
    if (st.Execute()) {
      do
        page.items.push_back(
            {id, from, to, ParseStatus(st_s).value_or(ConnectionStatus::kPending), msg, created, updated});
      while (st.Fetch());
    }
    return page;
  });
}

Result<model::Interaction> NetworkService::Record(const Viewer& viewer, model::Interaction in) {
  if (!viewer.IsOrganizer()) return PermissionDenied("only organizers record interactions");
  if (in.a == in.b)
    return InvalidArgument("an interaction needs two different members", "b").WithReason("field.same_member");
  VB_RETURN_IF_ERROR(CheckText("source", in.source, 0, 200));
  if (in.at <= 0) in.at = clock_.Now();
  return WithSession<model::Interaction>(db_, [&](soci::session& sql) -> Result<model::Interaction> {
    for (auto [id, field] : {std::pair<Id, const char*>{in.a, "a"}, {in.b, "b"}}) {
      long long n = 0, mid = id;
      sql << "SELECT count(*) FROM members WHERE id = :id", soci::use(mid), soci::into(n);
      if (!n) return NotFound("no member with id " + std::to_string(id), field);
    }
    if (in.event_id) {
      long long n = 0, eid = in.event_id;
      sql << "SELECT count(*) FROM events WHERE id = :id", soci::use(eid), soci::into(n);
      if (!n) return NotFound("no event with id " + std::to_string(in.event_id), "event_id");
    }
    storage::Transaction tr(sql);
    AppendInteraction(sql, in);
    tr.commit();
    return in;
  });
}

Result<Page<model::Interaction>> NetworkService::Ledger(const Viewer& viewer, const LedgerFilter& f) {
  if (!viewer.IsOrganizer()) return PermissionDenied("only organizers read the whole ledger");
  if (f.limit < 1 || f.limit > kMaxPageSize) return InvalidArgument("must be between 1 and 500", "limit");
  if (f.offset < 0) return InvalidArgument("must not be negative", "offset");
  return WithSession<Page<model::Interaction>>(db_, [&](soci::session& sql) -> Result<Page<model::Interaction>> {
    std::string where =
        " WHERE EXISTS (SELECT 1 FROM members m WHERE m.id = interactions.a AND " + viewer.VisibleSql("m") +
        ") AND EXISTS (SELECT 1 FROM members m WHERE m.id = interactions.b AND " + viewer.VisibleSql("m") + ")";
    if (f.member_id)
      where += " AND (a = " + std::to_string(f.member_id) + " OR b = " + std::to_string(f.member_id) + ")";
    if (f.kind) where += " AND kind = '" + std::string(model::ToString(*f.kind)) + "'";  // enum text, not user input
    Page<model::Interaction> page;
    page.limit = f.limit;
    page.offset = f.offset;
    page.total = CountOf(sql, "SELECT count(*) FROM interactions" + where, {});
    page.items = QueryInteractions(sql, where + " ORDER BY at DESC, id DESC LIMIT " + std::to_string(f.limit) +
                                            " OFFSET " + std::to_string(f.offset));
    return page;
  });
}

Result<std::vector<model::Tie>> NetworkService::TiesOf(const Viewer& viewer, Id member_id) {
  VB_ASSIGN_OR_RETURN(auto m, members_.Get(viewer, member_id));
  (void)m;
  std::vector<model::Interaction> ledger;
  {
    auto r = WithSession<std::vector<model::Interaction>>(
        db_, [&](soci::session& sql) -> Result<std::vector<model::Interaction>> {
          std::string id = std::to_string(member_id);
          auto a = QueryInteractions(sql, "WHERE a = " + id);
          auto b = QueryInteractions(sql, "WHERE b = " + id);
          a.insert(a.end(), b.begin(), b.end());
          return a;
        });
    if (!r) return r.status();
    ledger = std::move(*r);
  }
  auto ties = model::DeriveTies(ledger);
  std::vector<Id> others;
  others.reserve(ties.size());
  for (const auto& t : ties) others.push_back(t.a == member_id ? t.b : t.a);
  VB_ASSIGN_OR_RETURN(auto visible, members_.VisibleAmong(viewer, others));
  std::vector<model::Tie> out;
  for (const auto& t : ties)
    if (visible.count(t.a == member_id ? t.b : t.a)) out.push_back(t);
  std::stable_sort(out.begin(), out.end(), [](const auto& x, const auto& y) { return x.strength > y.strength; });
  return out;
}

Result<std::string> NetworkService::NetworkFingerprint(const Viewer& viewer) {
  if (!viewer.authenticated()) return Unauthenticated("sign in first");
  return WithSession<std::string>(db_, [&](soci::session& sql) -> Result<std::string> {
    long long members = 0, updated = 0, ledger = 0, last = 0, regs = 0, last_reg = 0;
    soci::indicator i1, i2, i3;
    sql << "SELECT count(*), max(m.updated_at) FROM members m WHERE " + viewer.VisibleSql("m"), soci::into(members),
        soci::into(updated, i1);
    sql << "SELECT count(*), max(id) FROM interactions", soci::into(ledger), soci::into(last, i2);
    sql << "SELECT count(*), max(id) FROM registrations", soci::into(regs), soci::into(last_reg, i3);
    return std::to_string(members) + ":" + std::to_string(i1 == soci::i_ok ? updated : 0) + ":" +
           std::to_string(ledger) + ":" + std::to_string(i2 == soci::i_ok ? last : 0) + ":" + std::to_string(regs) +
           ":" + std::to_string(i3 == soci::i_ok ? last_reg : 0);
  });
}

Result<NetworkService::VisibleNetwork> NetworkService::LoadVisibleNetwork(const Viewer& viewer) {
  VB_ASSIGN_OR_RETURN(std::string fingerprint, NetworkFingerprint(viewer));
  return WithSession<VisibleNetwork>(db_, [&](soci::session& sql) -> Result<VisibleNetwork> {
    VisibleNetwork net;
    net.fingerprint = fingerprint;
    std::unordered_set<Id> visible;
    {
      long long id = 0;
      std::string name, sector;
      soci::statement st = (sql.prepare << "SELECT m.id, m.name, COALESCE(m.sector, '') FROM members m WHERE " +
                                               viewer.VisibleSql("m") + " ORDER BY m.id",
                            soci::into(id), soci::into(name), soci::into(sector));
      st.execute();
      while (st.fetch()) {
        model::Member m;
        m.id = id;
        m.name = name;
        m.sector = sector;
        net.members.push_back(std::move(m));
        visible.insert(id);
      }
    }
    {
      // Bulk fetch: the ledger can hold millions of rows.
      constexpr size_t kBatch = 10000;
      std::vector<long long> id(kBatch), a(kBatch), b(kBatch), at(kBatch), ev(kBatch);
      std::vector<std::string> kind(kBatch);
      soci::statement st =
          (sql.prepare << "SELECT id, a, b, kind, at, COALESCE(event_id, 0) FROM interactions ORDER BY id",
           soci::into(id), soci::into(a), soci::into(b), soci::into(kind), soci::into(at), soci::into(ev));
      st.execute();
      while (st.fetch()) {
        for (size_t i = 0; i < id.size(); ++i) {
          if (!visible.count(a[i]) || !visible.count(b[i])) continue;
          net.ledger.push_back({id[i], a[i], b[i],
                                model::ParseInteractionKind(kind[i]).value_or(model::InteractionKind::kConnected),
                                at[i], "", ev[i]});
        }
        id.resize(kBatch);
        a.resize(kBatch);
        b.resize(kBatch);
        at.resize(kBatch);
        ev.resize(kBatch);
        kind.resize(kBatch);
      }
    }
    {
      long long ev = 0, m = 0;
      soci::statement st = (sql.prepare << "SELECT event_id, member_id FROM registrations WHERE status <> 'cancelled' "
                                           "AND status <> 'waitlisted' ORDER BY event_id, id",
                            soci::into(ev), soci::into(m));
      st.execute();
      while (st.fetch())
        if (visible.count(m)) net.attendance.push_back({ev, m});
    }
    return net;
  });
}

Result<std::vector<model::Interaction>> NetworkService::TieHistory(const Viewer& viewer, Id a, Id b) {
  if (a == b) return InvalidArgument("a tie needs two different members", "b").WithReason("field.same_member");
  VB_ASSIGN_OR_RETURN(auto ma, members_.Get(viewer, a));
  VB_ASSIGN_OR_RETURN(auto mb, members_.Get(viewer, b));
  (void)ma;
  (void)mb;
  return WithSession<std::vector<model::Interaction>>(
      db_, [&](soci::session& sql) -> Result<std::vector<model::Interaction>> {
        Id lo = std::min(a, b), hi = std::max(a, b);
        return QueryInteractions(
            sql, "WHERE a = " + std::to_string(lo) + " AND b = " + std::to_string(hi) + " ORDER BY at, id");
      });
}

model::UnixTime AmsterdamMonthStart(int64_t y, int m) {
  return util::AmsterdamMonthStart(y, static_cast<unsigned>(m));
}

std::vector<MonthTrend> MonthlyTrend(const NetworkService::VisibleNetwork& net, int months, model::UnixTime now) {
  std::vector<MonthTrend> out;
  if (months <= 0) return out;
  // The month of `now` in Amsterdam: the UTC month, corrected at the edges.
  int64_t y = 0;
  int m = 0;
  {
    const util::Date today = util::CivilFromDays(util::DayOf(now));
    y = today.y;
    m = static_cast<int>(today.m);
  }
  auto next = [](int64_t& yy, int& mm, int step) {
    mm += step;
    while (mm > 12) {
      mm -= 12;
      ++yy;
    }
    while (mm < 1) {
      mm += 12;
      --yy;
    }
  };
  {
    int64_t ny = y;
    int nm = m;
    next(ny, nm, 1);
    if (now >= AmsterdamMonthStart(ny, nm)) {
      y = ny;
      m = nm;
    } else if (now < AmsterdamMonthStart(y, m))
      next(y, m, -1);
  }
  next(y, m, -(months - 1));  // the first month shown
  for (int i = 0; i < months; ++i) {
    MonthTrend t;
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04lld-%02d", static_cast<long long>(y), m);
    t.month = buf;
    t.starts_at = AmsterdamMonthStart(y, m);
    next(y, m, 1);
    t.ends_at = AmsterdamMonthStart(y, m);
    out.push_back(std::move(t));
  }

  std::unordered_map<Id, const std::string*> sector;
  for (const auto& mem : net.members) sector[mem.id] = &mem.sector;
  std::vector<const model::Interaction*> ledger;
  ledger.reserve(net.ledger.size());
  for (const auto& in : net.ledger) ledger.push_back(&in);
  std::sort(ledger.begin(), ledger.end(), [](auto* l, auto* r) { return l->at < r->at; });

  struct PairHash {
    size_t operator()(const std::pair<Id, Id>& p) const {
      return std::hash<Id>()(p.first) * 1000003u ^ std::hash<Id>()(p.second);
    }
  };
  std::unordered_map<std::pair<Id, Id>, bool, PairHash> tie_real;  // pair -> real
  int64_t ties = 0, real = 0, cross = 0;
  size_t k = 0;
  for (auto& t : out) {
    std::unordered_set<Id> active;
    for (; k < ledger.size() && ledger[k]->at < t.ends_at; ++k) {
      const auto& in = *ledger[k];
      const std::pair<Id, Id> key{std::min(in.a, in.b), std::max(in.a, in.b)};
      const bool f2f = model::IsFaceToFace(in.kind);
      auto [it, added] = tie_real.emplace(key, false);
      if (added) {
        ++ties;
        auto sa = sector.find(key.first), sb = sector.find(key.second);
        const std::string empty;
        if ((sa == sector.end() ? empty : *sa->second) != (sb == sector.end() ? empty : *sb->second)) ++cross;
      }
      if (f2f && !it->second) {
        it->second = true;
        ++real;
      }
      if (in.at >= t.starts_at) {
        active.insert(in.a);
        active.insert(in.b);
      }
    }
    t.ties = ties;
    t.real_ties = real;
    t.cross_sector_ties = cross;
    t.active_members = static_cast<int64_t>(active.size());
  }
  return out;
}

}  // namespace verbinder::domain
