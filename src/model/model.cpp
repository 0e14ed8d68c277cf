#include "model/model.h"

#include <algorithm>
#include <map>

namespace verbinder::model {

std::string_view ToString(Visibility v) {
  switch (v) {
    case Visibility::kMembers:
      return "members";
    case Visibility::kOrganizers:
      return "organizers";
    case Visibility::kHidden:
      return "hidden";
  }
  return "members";
}
std::optional<Visibility> ParseVisibility(std::string_view s) {
  if (s == "members") return Visibility::kMembers;
  if (s == "organizers") return Visibility::kOrganizers;
  if (s == "hidden") return Visibility::kHidden;
  return std::nullopt;
}

std::string_view ToString(Role r) {
  switch (r) {
    case Role::kMember:
      return "member";
    case Role::kOrganizer:
      return "organizer";
    case Role::kAdmin:
      return "admin";
  }
  return "member";
}
std::optional<Role> ParseRole(std::string_view s) {
  if (s == "member") return Role::kMember;
  if (s == "organizer") return Role::kOrganizer;
  if (s == "admin") return Role::kAdmin;
  return std::nullopt;
}

std::string_view ToString(InteractionKind k) {
  switch (k) {
    case InteractionKind::kConnected:
      return "connected";
    case InteractionKind::kAnswered:
      return "answered";
    case InteractionKind::kMetAtEvent:
      return "met_at_event";
    case InteractionKind::kMeetingHeld:
      return "meeting_held";
    case InteractionKind::kVisitHeld:
      return "visit_held";
  }
  return "connected";
}
std::optional<InteractionKind> ParseInteractionKind(std::string_view s) {
  for (auto k : kAllInteractionKinds)
    if (ToString(k) == s) return k;
  return std::nullopt;
}
bool IsFaceToFace(InteractionKind k) {
  return k == InteractionKind::kMetAtEvent || k == InteractionKind::kMeetingHeld || k == InteractionKind::kVisitHeld;
}
const std::string& FaceToFaceKindsSql() {
  static const std::string list = [] {
    std::string out;
    for (InteractionKind k : kAllInteractionKinds) {
      if (!IsFaceToFace(k)) continue;
      if (!out.empty()) out += ", ";
      out += "'" + std::string(ToString(k)) + "'";
    }
    return out;
  }();
  return list;
}
double KindWeight(InteractionKind k) {
  switch (k) {
    case InteractionKind::kConnected:
      return 1.0;
    case InteractionKind::kAnswered:
      return 1.5;
    case InteractionKind::kMetAtEvent:
      return 2.0;
    case InteractionKind::kMeetingHeld:
      return 4.0;
    case InteractionKind::kVisitHeld:
      return 6.0;
  }
  return 1.0;
}

std::vector<Sector> DefaultSectors() {
  return {{"care", "Zorg", "Care"},
          {"industry", "Industrie", "Industry"},
          {"government", "Overheid", "Government"},
          {"education", "Onderwijs", "Education"},
          {"finance", "Financiële dienstverlening", "Finance"},
          {"other", "Overig", "Other"}};
}

std::string_view ToString(ChallengeStatus s) {
  return s == ChallengeStatus::kOpen ? "open" : "solved";
}
std::optional<ChallengeStatus> ParseChallengeStatus(std::string_view s) {
  if (s == "open") return ChallengeStatus::kOpen;
  if (s == "solved") return ChallengeStatus::kSolved;
  return std::nullopt;
}

std::string_view ToString(ConnectionStatus s) {
  switch (s) {
    case ConnectionStatus::kPending:
      return "pending";
    case ConnectionStatus::kAccepted:
      return "accepted";
    case ConnectionStatus::kDeclined:
      return "declined";
    case ConnectionStatus::kWithdrawn:
      return "withdrawn";
    case ConnectionStatus::kRemoved:
      return "removed";
  }
  return "pending";
}

std::string_view ToString(EventKind k) {
  switch (k) {
    case EventKind::kCongress:
      return "congress";
    case EventKind::kInspirationSession:
      return "inspiration_session";
    case EventKind::kNetworkDrinks:
      return "network_drinks";
  }
  return "inspiration_session";
}
std::optional<EventKind> ParseEventKind(std::string_view s) {
  if (s == "congress") return EventKind::kCongress;
  if (s == "inspiration_session") return EventKind::kInspirationSession;
  if (s == "network_drinks") return EventKind::kNetworkDrinks;
  return std::nullopt;
}

std::vector<Tie> DeriveTies(const std::vector<Interaction>& ledger) {
  std::map<std::pair<Id, Id>, Tie> ties;
  for (const auto& in : ledger) {
    Id a = std::min(in.a, in.b), b = std::max(in.a, in.b);
    auto& t = ties[{a, b}];
    if (t.interactions == 0) {
      t.a = a;
      t.b = b;
      t.first_at = in.at;
      t.last_at = in.at;
      t.strongest = in.kind;
    }
    t.strength += KindWeight(in.kind);
    t.real = t.real || IsFaceToFace(in.kind);
    ++t.interactions;
    t.first_at = std::min(t.first_at, in.at);
    t.last_at = std::max(t.last_at, in.at);
    if (KindWeight(in.kind) > KindWeight(t.strongest)) t.strongest = in.kind;
  }
  std::vector<Tie> out;
  out.reserve(ties.size());
  for (auto& [k, t] : ties) out.push_back(t);
  return out;
}

}  // namespace verbinder::model
