#include "demo/network_checks.h"

#include <algorithm>
#include <limits>
#include <set>
#include <string_view>
#include <unordered_set>
#include <utility>

#include "util/strings.h"

namespace verbinder::demo {
namespace {

class Problems {
 public:
  explicit Problems(size_t limit) : limit_(limit) {}
  bool full() const { return lines_.size() >= limit_; }
  void Add(std::string line) {
    if (!full()) lines_.push_back(std::move(line));
  }
  std::vector<std::string> Take() { return std::move(lines_); }

 private:
  size_t limit_;
  std::vector<std::string> lines_;
};

std::string Where(std::string_view what, size_t index) {
  return std::string(what) + "[" + std::to_string(index) + "]";
}

class Hasher {
 public:
  void Bytes(const void* data, size_t n) {
    const auto* p = static_cast<const unsigned char*>(data);
    for (size_t i = 0; i < n; ++i) {
      h_ ^= p[i];
      h_ *= 1099511628211ULL;
    }
  }
  void Int(int64_t v) { Bytes(&v, sizeof v); }
  void Str(std::string_view s) {
    Int(static_cast<int64_t>(s.size()));
    Bytes(s.data(), s.size());
  }
  uint64_t value() const { return h_; }

 private:
  uint64_t h_ = 14695981039346656037ULL;
};

}  // namespace

std::vector<std::string> ValidateNetwork(const model::Network& net, size_t limit) {
  Problems p(limit);
  const auto n_orgs = static_cast<model::Id>(net.organizations.size());
  const auto n_members = static_cast<model::Id>(net.members.size());
  const auto n_events = static_cast<model::Id>(net.events.size());
  std::set<std::string, std::less<>> sectors;
  for (const auto& s : net.sectors) sectors.insert(s.key);
  auto text = [&](std::string_view where, std::string_view s) {
    if (!IsValidUtf8(s)) p.Add(std::string(where) + ": invalid UTF-8");
  };

  for (size_t i = 0; i < net.organizations.size() && !p.full(); ++i) {
    const auto& o = net.organizations[i];
    if (o.id != static_cast<model::Id>(i) + 1) p.Add(Where("organizations", i) + ": id is not its position");
    if (!sectors.count(o.sector)) p.Add(Where("organizations", i) + ": unknown sector " + o.sector);
    text(Where("organizations", i), o.name + o.city);
  }

  std::unordered_set<std::string> emails;
  model::Id next_challenge = 1;
  for (size_t i = 0; i < net.members.size() && !p.full(); ++i) {
    const auto& m = net.members[i];
    const auto w = Where("members", i);
    if (m.id != static_cast<model::Id>(i) + 1) p.Add(w + ": id is not its position");
    if (m.organization_id < 0 || m.organization_id > n_orgs) p.Add(w + ": organization_id out of range");
    if (!sectors.count(m.sector)) p.Add(w + ": unknown sector " + m.sector);
    if (!IsValidEmail(m.email)) p.Add(w + ": invalid e-mail " + m.email);
    if (!emails.insert(AsciiLower(m.email)).second) p.Add(w + ": duplicate e-mail " + m.email);
    if (m.name.empty()) p.Add(w + ": empty name");
    std::string all = m.name + m.organization + m.title + m.region + m.bio + m.expertise_text + m.visit_location;
    for (const auto& s : m.languages) all += s;
    for (const auto& s : m.expertise_tags) all += s;
    for (const auto& c : m.challenges) {
      all += c.title + c.text;
      if (c.member_id != m.id) p.Add(w + ": challenge member_id is not the owner");
      if (c.id != next_challenge++) p.Add(w + ": challenge ids are not 1..n in member order");
      if (c.updated_at < c.created_at) p.Add(w + ": challenge updated before created");
    }
    text(w, all);
  }

  for (size_t i = 0; i < net.connections.size() && !p.full(); ++i) {
    const auto& c = net.connections[i];
    const auto w = Where("connections", i);
    if (c.id != static_cast<model::Id>(i) + 1) p.Add(w + ": id is not its position");
    if (c.from_member < 1 || c.from_member > n_members || c.to_member < 1 || c.to_member > n_members)
      p.Add(w + ": member out of range");
    if (c.from_member == c.to_member) p.Add(w + ": connection to self");
    text(w, c.message);
  }

  for (size_t i = 0; i < net.events.size() && !p.full(); ++i) {
    const auto& e = net.events[i];
    if (e.id != static_cast<model::Id>(i) + 1) p.Add(Where("events", i) + ": id is not its position");
    if (e.ends_at < e.starts_at) p.Add(Where("events", i) + ": ends before it starts");
    text(Where("events", i), e.title + e.description + e.location + e.timezone);
  }

  std::unordered_set<uint64_t> seen_attendance;
  for (size_t i = 0; i < net.attendance.size() && !p.full(); ++i) {
    const auto [e, m] = net.attendance[i];
    if (e < 1 || e > n_events || m < 1 || m > n_members) {
      p.Add(Where("attendance", i) + ": out of range");
      continue;
    }
    if (!seen_attendance.insert(static_cast<uint64_t>(e) << 32 | static_cast<uint64_t>(m)).second)
      p.Add(Where("attendance", i) + ": duplicate");
  }

  model::UnixTime last_at = std::numeric_limits<model::UnixTime>::min();
  for (size_t i = 0; i < net.interactions.size() && !p.full(); ++i) {
    const auto& in = net.interactions[i];
    const auto w = Where("interactions", i);
    if (in.id != static_cast<model::Id>(i) + 1) p.Add(w + ": id is not its position");
    if (in.a < 1 || in.b > n_members) p.Add(w + ": member out of range");
    if (!(in.a < in.b)) p.Add(w + ": a < b violated");
    if (in.at < last_at) p.Add(w + ": not in time order");
    last_at = in.at;
    if (in.event_id < 0 || in.event_id > n_events) p.Add(w + ": event out of range");
    if ((in.event_id != 0) != (in.kind == model::InteractionKind::kMetAtEvent))
      p.Add(w + ": event_id must be set exactly for met_at_event");
    text(w, in.source);
  }

  for (size_t i = 0; i < net.accounts.size() && !p.full(); ++i) {
    const auto& a = net.accounts[i];
    if (a.member_id < 1 || a.member_id > n_members) p.Add(Where("accounts", i) + ": member out of range");
  }
  return p.Take();
}

uint64_t Fingerprint(const model::Network& net) {
  Hasher h;
  for (const auto& s : net.sectors) h.Str(s.key), h.Str(s.label_nl), h.Str(s.label_en);
  for (const auto& o : net.organizations) h.Int(o.id), h.Str(o.name), h.Str(o.sector), h.Str(o.city);
  for (const auto& m : net.members) {
    h.Int(m.id), h.Str(m.name), h.Str(m.email), h.Int(m.organization_id), h.Str(m.organization), h.Str(m.title);
    h.Str(m.sector), h.Str(m.region), h.Str(m.bio), h.Str(m.expertise_text), h.Str(m.visit_location);
    h.Str(m.linkedin_url);
    for (const auto& s : m.languages) h.Str(s);
    for (const auto& s : m.expertise_tags) h.Str(s);
    for (const auto& c : m.challenges) {
      h.Int(c.id), h.Int(c.member_id), h.Str(c.title), h.Str(c.text), h.Int(static_cast<int>(c.status));
      h.Int(c.created_at), h.Int(c.updated_at);
    }
    h.Int(m.hosts_visits), h.Int(static_cast<int>(m.visibility)), h.Int(m.consent_matchmaking);
    h.Int(m.consent_newsletter), h.Int(m.created_at), h.Int(m.updated_at);
  }
  for (const auto& c : net.connections) {
    h.Int(c.id), h.Int(c.from_member), h.Int(c.to_member), h.Int(static_cast<int>(c.status)), h.Str(c.message);
    h.Int(c.created_at), h.Int(c.updated_at);
  }
  for (const auto& e : net.events) {
    h.Int(e.id), h.Str(e.title), h.Int(static_cast<int>(e.kind)), h.Str(e.description), h.Int(e.starts_at);
    h.Int(e.ends_at), h.Str(e.timezone), h.Str(e.location), h.Int(e.capacity), h.Int(e.price_cents);
    h.Int(e.registration_deadline);
  }
  for (const auto& [e, m] : net.attendance) h.Int(e), h.Int(m);
  for (const auto& in : net.interactions) {
    h.Int(in.id), h.Int(in.a), h.Int(in.b), h.Int(static_cast<int>(in.kind)), h.Int(in.at), h.Str(in.source);
    h.Int(in.event_id);
  }
  for (const auto& a : net.accounts) h.Int(a.member_id), h.Int(static_cast<int>(a.role)), h.Str(a.password);
  return h.value();
}

}  // namespace verbinder::demo
