// The plain domain records of verbinder: members, organizations, challenges,
// connections, events and the interaction ledger. They carry no behaviour
// beyond small helpers, depend only on the standard library, and are what the
// demo/generator produce, storage persists and the API serialises.
//
// Ids are 64-bit integers assigned by storage (0 = not yet stored). Times are
// Unix seconds (UTC). Strings are UTF-8.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace verbinder::model {

using Id = int64_t;
using UnixTime = int64_t;

enum class Visibility { kMembers, kOrganizers, kHidden };
std::string_view ToString(Visibility v);  // "members", "organizers", "hidden"
std::optional<Visibility> ParseVisibility(std::string_view s);

enum class Role { kMember, kOrganizer, kAdmin };
std::string_view ToString(Role r);  // "member", "organizer", "admin"
std::optional<Role> ParseRole(std::string_view s);

// The ledger's kinds, from weakest to most real. Everything but kConnected and
// kAnswered happened face to face.
enum class InteractionKind { kConnected, kAnswered, kMetAtEvent, kMeetingHeld, kVisitHeld };
std::string_view ToString(InteractionKind k);  // "connected", "answered", ...
std::optional<InteractionKind> ParseInteractionKind(std::string_view s);
bool IsFaceToFace(InteractionKind k);
// The face-to-face kinds as a SQL list ("'met_at_event', 'meeting_held',
// 'visit_held'"), for `kind IN (...)` conditions: the one definition of *real*
// that every SQL surface uses. Presence (attendance) is never among them.
const std::string& FaceToFaceKindsSql();
// Weight a single interaction adds to a tie's strength (online contact <
// met at an event < 1:1 meeting < visit). Documented in docs/architecture.md.
double KindWeight(InteractionKind k);
inline constexpr InteractionKind kAllInteractionKinds[] = {InteractionKind::kConnected, InteractionKind::kAnswered,
                                                           InteractionKind::kMetAtEvent, InteractionKind::kMeetingHeld,
                                                           InteractionKind::kVisitHeld};

struct Sector {
  std::string key;       // "care"
  std::string label_nl;  // "Zorg"
  std::string label_en;  // "Care"
};
// The default sector list; configurable per deployment (stored in the database).
std::vector<Sector> DefaultSectors();

struct Organization {
  Id id = 0;
  std::string name;
  std::string sector;  // sector key
  std::string city;
};

enum class ChallengeStatus { kOpen, kSolved };
std::string_view ToString(ChallengeStatus s);
std::optional<ChallengeStatus> ParseChallengeStatus(std::string_view s);

struct Challenge {
  Id id = 0;
  Id member_id = 0;
  std::string title;
  std::string text;
  ChallengeStatus status = ChallengeStatus::kOpen;
  UnixTime created_at = 0;
  UnixTime updated_at = 0;
};

struct Member {
  Id id = 0;
  std::string name;
  std::string email;
  Id organization_id = 0;    // 0 = none
  std::string organization;  // name, denormalised for reading
  std::string title;         // role/title at the organization
  std::string sector;        // sector key
  std::string region;
  std::vector<std::string> languages;  // "nl", "en", ... first = preferred
  std::string bio;
  std::vector<std::string> expertise_tags;
  std::string expertise_text;
  std::vector<Challenge> challenges;
  bool hosts_visits = false;
  std::string visit_location;
  Visibility visibility = Visibility::kMembers;
  bool consent_matchmaking = true;
  bool consent_newsletter = false;
  std::string linkedin_url;
  UnixTime created_at = 0;
  UnixTime updated_at = 0;
};

enum class ConnectionStatus { kPending, kAccepted, kDeclined, kWithdrawn, kRemoved };
std::string_view ToString(ConnectionStatus s);

struct Connection {
  Id id = 0;
  Id from_member = 0;
  Id to_member = 0;
  ConnectionStatus status = ConnectionStatus::kPending;
  std::string message;
  UnixTime created_at = 0;
  UnixTime updated_at = 0;
};

// One append-only ledger entry between two members (stored with a < b).
struct Interaction {
  Id id = 0;
  Id a = 0;
  Id b = 0;
  InteractionKind kind = InteractionKind::kConnected;
  UnixTime at = 0;
  std::string source;  // "connection:12", "event:3", "import:linkedin", "demo", ...
  Id event_id = 0;     // 0 = not at an event
};

// A tie is derived from the ledger: never stored as truth, always recomputable.
struct Tie {
  Id a = 0;
  Id b = 0;
  double strength = 0;
  bool real = false;  // met face to face at least once
  int interactions = 0;
  UnixTime first_at = 0;
  UnixTime last_at = 0;
  InteractionKind strongest = InteractionKind::kConnected;
};

enum class EventKind { kCongress, kInspirationSession, kNetworkDrinks };
std::string_view ToString(EventKind k);  // "congress", "inspiration_session", "network_drinks"
std::optional<EventKind> ParseEventKind(std::string_view s);

struct Event {
  Id id = 0;
  std::string title;
  EventKind kind = EventKind::kInspirationSession;
  std::string description;  // Markdown
  UnixTime starts_at = 0;
  UnixTime ends_at = 0;
  std::string timezone = "Europe/Amsterdam";
  std::string location;
  int capacity = 0;     // 0 = unlimited
  int price_cents = 0;  // 0 = free
  UnixTime registration_deadline = 0;
};

// A whole network in memory: what `demo` and `generate` produce and what
// storage loads in one transaction.
struct Network {
  std::vector<Sector> sectors;
  std::vector<Organization> organizations;  // ids are 1-based positions
  std::vector<Member> members;              // ids are 1-based positions; organization_id refers to the above
  std::vector<Connection> connections;
  std::vector<Event> events;                  // ids are 1-based positions
  std::vector<std::pair<Id, Id>> attendance;  // (event id, member id)
  std::vector<Interaction> interactions;
  // Accounts: (member id, role, password). Only the demo sets passwords.
  struct Account {
    Id member_id;
    Role role;
    std::string password;
  };
  std::vector<Account> accounts;
};

// Folds a ledger into ties (a < b), in order of (a, b). Pure.
std::vector<Tie> DeriveTies(const std::vector<Interaction>& ledger);

}  // namespace verbinder::model
