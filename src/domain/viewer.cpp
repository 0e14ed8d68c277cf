#include "domain/viewer.h"

namespace verbinder::domain {

bool Viewer::CanSee(model::Id owner, model::Visibility v) const {
  if (!authenticated()) return false;
  if (owner == member_id || IsAdmin()) return true;
  switch (v) {
    case model::Visibility::kMembers:
      return true;
    case model::Visibility::kOrganizers:
      return IsOrganizer();
    case model::Visibility::kHidden:
      return false;
  }
  return false;
}

std::string Viewer::VisibleSql(const std::string& alias) const {
  if (!authenticated()) return "1=0";
  if (IsAdmin()) return "1=1";
  const std::string self = std::to_string(member_id);
  if (IsOrganizer()) return "(" + alias + ".visibility IN ('members','organizers') OR " + alias + ".id = " + self + ")";
  return "(" + alias + ".visibility = 'members' OR " + alias + ".id = " + self + ")";
}

}  // namespace verbinder::domain
