// Test-only: the small cross-language network the suggestion tests share —
// Anja (care, reads Dutch, with a challenge), Pieter (industry, reads English,
// the expert the test is about) and Carla (finance, English, a distractor).
#pragma once

#include <string>
#include <vector>

#include "matching/suggest.h"

namespace verbinder::matching {

// Anja's challenge and Pieter's expertise are the test's own; the rest is fixed.
inline SuggestInput NurseEngineerAndBanker(const std::string& anja_challenge, std::vector<std::string> pieter_tags,
                                           const std::string& pieter_expertise) {
  SuggestInput in;
  in.attendees = {
      {.id = "anja",
       .sector = "care",
       .languages = {"nl"},
       .expertise_text = "Wondverpleegkundige",
       .challenges = {anja_challenge}},
      {.id = "pieter",
       .sector = "industry",
       .languages = {"en"},
       .expertise_tags = std::move(pieter_tags),
       .expertise_text = pieter_expertise},
      {.id = "carla", .sector = "finance", .languages = {"en"}, .expertise_text = "Mortgage risk models."},
  };
  return in;
}

}  // namespace verbinder::matching
