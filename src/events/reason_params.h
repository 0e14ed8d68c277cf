// Parameters of error reasons (Status::WithReason) on the events side: a member
// named in an error is named as the viewer may see them (domain/member_ref.h),
// else "een lid" / "a member" in the viewer's language.
#pragma once

#include <string>

#include <soci/soci.h>

#include "domain/member_ref.h"
#include "domain/viewer.h"
#include "model/model.h"
#include "notify/notifications.h"

namespace verbinder::events::internal {

inline std::string NameParam(soci::session& sql, const domain::Viewer& viewer, model::Id id) {
  auto ref = domain::ProjectMember(sql, viewer, id);
  if (ref.id != 0) return ref.name;
  return std::string(
      domain::HiddenMemberName(viewer.member_id > 0 ? notify::MemberLanguage(sql, viewer.member_id) : "en"));
}

}  // namespace verbinder::events::internal
