// The one projection of a member reference for a viewer (issue #15): wherever
// another member is named — a meeting's partner, a visit's host, a request's
// sender, a routed question, a notification, a print page, an iCalendar file,
// an export — the reference passes through here. A member the viewer may not
// see (Viewer::CanSee) keeps no id and no name: "een lid" / "a member". An
// e-mail address is shown only where the profile rules allow it: to the
// member themself and to organizers who may see the profile.
//
//   MeetingRecord m = Load(...);
//   domain::ProjectRefs(sql, viewer, {{&m.a, &m.a_name}, {&m.b, &m.b_name}});
//   json["partner"] = domain::RefJson(m.b, m.b_name);    // {"id": null, "name": null, "hidden": true}
//
// Thread-safety: stateless functions over the caller's session.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "domain/viewer.h"
#include "model/model.h"

namespace soci {
class session;
}

namespace verbinder::domain {

struct MemberRef {
  model::Id id = 0;  // 0 = not visible to the viewer
  std::string name;
  std::string organization;
  std::string email;  // empty unless the viewer may see it
};

// A reference inside another record, projected in place.
struct RefSlot {
  model::Id* id;
  std::string* name;
};

// Clears (id 0, name "") every slot whose member the viewer may not see. One
// query for all slots; slots with id 0 stay as they are.
void ProjectRefs(soci::session& sql, const Viewer& viewer, const std::vector<RefSlot>& slots);

// The visible members among `ids` (one query).
std::vector<model::Id> VisibleAmong(soci::session& sql, const Viewer& viewer, const std::vector<model::Id>& ids);

// One member as the viewer may see them.
MemberRef ProjectMember(soci::session& sql, const Viewer& viewer, model::Id id);

// The viewer a member is when they read something (their account role).
Viewer ViewerOfMember(soci::session& sql, model::Id member_id);

// How a member the reader may not see is named: "een lid" (nl) / "a member".
std::string_view HiddenMemberName(std::string_view lang);
// The name to show: the name, or HiddenMemberName when id is 0.
std::string DisplayName(model::Id id, const std::string& name, std::string_view lang);

// For documents assembled from raw rows (exports): every string value that
// contains the name or e-mail address of a member the viewer may not see gets
// it replaced by "een lid" (lang nl) / "a member" and "" respectively —
// notification texts, meeting reasons, messages. The member themself is never
// scrubbed from their own export.
void ScrubHiddenMembers(soci::session& sql, const Viewer& viewer, nlohmann::json& doc, std::string_view lang);

// {"id": 7, "name": "Anja"} or {"id": null, "name": null, "hidden": true}.
nlohmann::json RefJson(model::Id id, const std::string& name);

}  // namespace verbinder::domain
