// Checks and fingerprints for an in-memory model::Network as produced by the
// demo and the generator: what storage may rely on before it persists one, and
// what the tests assert.
//
//   auto problems = demo::ValidateNetwork(net);   // empty = valid
//   uint64_t fp = demo::Fingerprint(net);         // equal networks, equal fingerprints
//
// Thread-safety: pure functions over a const Network.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/model.h"

namespace verbinder::demo {

// Returns one line per violation (at most `limit` lines), empty when the network
// satisfies the contract shared by BuildDemo() and GenerateNetwork():
// - every vector's `id` equals its 1-based position (challenges: 1..n in member
//   order, member_id = owner);
// - every reference (member.organization_id, connection members, attendance,
//   interaction members and event_id, account member) is in range;
// - strings are valid UTF-8; e-mail addresses are valid and unique (ASCII
//   case-insensitive); member sector and organization sector are known keys;
// - interactions: a < b (so never a self-interaction), ids in time order
//   (non-decreasing `at`), event_id set only for kMetAtEvent;
// - connections: from != to; attendance pairs unique.
std::vector<std::string> ValidateNetwork(const model::Network& net, size_t limit = 20);

// A 64-bit FNV-1a hash over every field of the network, for determinism tests.
uint64_t Fingerprint(const model::Network& net);

}  // namespace verbinder::demo
