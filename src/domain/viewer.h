// Who is asking. Every domain read and write takes a Viewer, so visibility and
// roles are enforced in one layer for the API, the CLI and exports alike.
#pragma once

#include <string>

#include "model/model.h"

namespace verbinder::domain {

struct Viewer {
  model::Id member_id = 0;  // 0 = anonymous
  model::Role role = model::Role::kMember;

  bool authenticated() const { return member_id != 0; }
  bool IsOrganizer() const { return authenticated() && role != model::Role::kMember; }
  bool IsAdmin() const { return authenticated() && role == model::Role::kAdmin; }

  static Viewer System() { return {-1, model::Role::kAdmin}; }  // CLI export, demo loading

  // May this viewer see a profile with this owner and visibility?
  //   members    → every signed-in member
  //   organizers → organizers and admins (and the member)
  //   hidden     → admins only (and the member)
  bool CanSee(model::Id owner, model::Visibility v) const;
  // The same rule as a SQL condition on a members alias (e.g. "m").
  std::string VisibleSql(const std::string& alias) const;
};

}  // namespace verbinder::domain
