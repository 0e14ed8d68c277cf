// Erasing a member with everything that is theirs, inside the caller's open
// write transaction: every registered MemberDataOwner first (member_data.h),
// then domain's own tables and the member's row. The one path for every
// deletion — the member's own or the leader's (account_deletion.cpp) and the
// members table's (MemberService::Delete) — so each erases the same.
//
//   storage::Transaction tr(sql);
//   VB_RETURN_IF_ERROR(EraseMember(sql, registry.get(), MemberRecord{id, email}, now));
//   tr.commit();
#pragma once

#include <cstdint>

#include <soci/soci.h>

#include "domain/member_data.h"
#include "util/status.h"

namespace verbinder::domain {

// The member's row must exist. `owners` may be null: then domain's tables
// only, and ON DELETE CASCADE takes the rest (without cancellations or
// notices). The account traces kept by e-mail address (invitations, sign-ups,
// login attempts) are the account deletion's (account_deletion.cpp). An
// owner's error is returned as is; the caller rolls everything back.
Status EraseMember(soci::session& sql, const MemberDataRegistry* owners, const MemberRecord& who, int64_t now);

}  // namespace verbinder::domain
