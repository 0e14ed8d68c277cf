// The demo network: a fixed, in-memory network of 300 professionals in Twente
// that tells the story of VISION.md ("The story the demo network must tell"):
// care and industry meet at the Congres Zorg & Industrie, Anja (district nurse,
// growing waiting lists) and Pieter (lean specialist at a parts factory) go from
// an online connection to a visit, and the leader sees the gaps that remain.
// Storage persists the result (`verbinder demo`); this module only builds it.
//
//   demo::Demo d = demo::BuildDemo();
//   const model::Member& anja = d.network.members[d.story.anja - 1];
//
// Deterministic: every call returns the same network, on every platform. No
// clock, no global RNG; "now" is kDemoNow. Thread-safety: pure functions.
#pragma once

#include <string_view>
#include <vector>

#include "model/model.h"

namespace verbinder::demo {

// 2026-11-15 12:00 Europe/Amsterdam (CET). Every date in the demo is relative
// to this: past events and the ledger lie before it, the upcoming session and
// the next congress after it.
inline constexpr model::UnixTime kDemoNow = 1794740400;

// Demo accounts. All four use kDemoPassword. Storage hashes the password.
inline constexpr std::string_view kDemoPassword = "verbinder-demo";
inline constexpr std::string_view kDemoLeaderEmail = "leider@verbinder.demo";             // role organizer
inline constexpr std::string_view kDemoAdminEmail = "admin@verbinder.demo";               // role admin
inline constexpr std::string_view kDemoAnjaEmail = "anja.kamphuis@noaberzorg.demo";       // role member
inline constexpr std::string_view kDemoPieterEmail = "pieter.lammerink@tpo-almelo.demo";  // role member

// Members are counted without exception: kDemoMemberCount members, ids 1..300.
inline constexpr int kDemoMemberCount = 300;

// Where the story's actors and gaps are, so that callers (storage, tests, the
// CLI's welcome text) need not search for them. All ids index the Network's
// vectors (1-based). Lists are sorted ascending.
struct DemoStory {
  model::Id leader = 0;  // Marloes Brinkman, network leader, account kDemoLeaderEmail
  model::Id admin = 0;   // functional administrator, hidden profile, account kDemoAdminEmail
  model::Id anja = 0;    // Anja Kamphuis, district nurse at Thuiszorg De Noaber
  model::Id pieter = 0;  // Pieter Lammerink, lean specialist at Twentse Precisie Onderdelen

  // Events (ids into Network::events).
  model::Id congress_2026 = 0;        // Congres Zorg & Industrie, last spring, 180 attendees
  model::Id inspiration_session = 0;  // upcoming, free, not full
  model::Id congress_2027 = 0;        // upcoming, more registrations than capacity

  // Attendance of an upcoming event means "registered". For each event its
  // attendance entries, in Network::attendance order, are in registration
  // order; the first `capacity` are confirmed and the rest are the waitlist
  // in that order. These are the members of the next congress's waitlist.
  std::vector<model::Id> congress_2027_waitlist;

  std::vector<model::Id> isolated;           // no interactions, no connections, no attendance
  std::vector<model::Id> inactive;           // have interactions, but the last > 6 months before kDemoNow
  std::vector<model::Id> government;         // all government members; ties mostly among themselves
  std::vector<model::Id> education_cluster;  // care-education members with no tie to any industry member
};

struct Demo {
  model::Network network;
  DemoStory story;
};

// Builds the demo network and where its story lives.
//
// The Network contract (checked by demo_test.cpp):
// - sectors = model::DefaultSectors(); ids in every vector are 1-based
//   positions and every reference (organization, member, event) is in range;
//   the `id` fields are filled in accordingly.
// - members: 300, e-mail addresses unique, valid and under `.demo`; about one in
//   four prefers English (languages[0] == "en") and writes in English.
//   Challenges are numbered 1..n in member order (member_id = owner).
// - interactions: sorted by time, ids 1..n in that order, every entry has
//   a < b (never a self-interaction), all before kDemoNow. Sources:
//   "connection:<id>" (kConnected), "event:<id>" (kMetAtEvent, with event_id),
//   "question" (kAnswered), "meeting" (kMeetingHeld), "visit" (kVisitHeld).
// - connections: every accepted connection has exactly one kConnected
//   interaction (source "connection:<its id>"); pending and declined ones have
//   none. from_member/to_member are requester/recipient (not ordered).
// - attendance: past events = who attended (met_at_event only among
//   co-attendees, at tables of six at the borrel); upcoming events = who
//   registered, in registration order (see DemoStory::congress_2027_waitlist).
// - accounts: leader (organizer), admin (admin), Anja and Pieter (member),
//   password kDemoPassword.
Demo BuildDemo();

// BuildDemo().network.
model::Network BuildDemoNetwork();

}  // namespace verbinder::demo
