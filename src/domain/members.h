// Members, their challenges, organizations and sectors: create, read, search,
// update, delete — with visibility and roles enforced on every call.
//
//   MemberService members(db, clock);
//   auto page = members.List(viewer, {.q = "wachtlijst", .sector = "care"});
//
// Thread-safety: safe for concurrent use; each call borrows its own session.
#pragma once

#include <memory>
#include <set>
#include <string>
#include <vector>

#include "domain/viewer.h"
#include "model/model.h"
#include "storage/database.h"
#include "util/clock.h"
#include "util/status.h"

namespace verbinder::domain {

template <typename T>
struct Page {
  std::vector<T> items;
  int64_t total = 0;  // member lists: exact up to kMaxExactTotal, then kMaxExactTotal ("at least")
  int limit = 0;
  int offset = 0;
};

inline constexpr int kDefaultPageSize = 50;
inline constexpr int kMaxPageSize = 500;
// A member list counts its matches exactly up to this many; a larger match set
// reports this number, meaning "at least". Counting a common word's tens of
// thousands of matches cost more than finding the page.
inline constexpr int kMaxExactTotal = 1000;

struct MemberFilter {
  std::string q;          // words; each must prefix-match a word of the profile
  std::string sector;     // sector key
  std::string expertise;  // words matched against expertise tags and text
  std::string challenge;  // words matched against challenge titles and texts
  bool open_challenges_only = false;
  int limit = kDefaultPageSize;
  int offset = 0;
};

// Lowercased distinct search terms of a member: plain words of every field,
// plus "ex:" words of expertise and "ch:" words of open challenges.
std::set<std::string> SearchTerms(const model::Member& m);
// Function words (nl/en) and one-letter words: not indexed, ignored in multi-word queries.
bool IsStopWord(const std::string& word);
// Splits free text into lowercase words (letters/digits; UTF-8 kept whole).
std::vector<std::string> Words(const std::string& text);

class MemberSearchIndex;
class MemberCache;
class MemberDataRegistry;  // member_data.h

class MemberService {
 public:
  // `member_data`: every module's MemberDataOwner, for Delete (the composition
  // root passes the registry the account service has); without it Delete
  // erases domain's tables only and ON DELETE CASCADE takes the rest.
  MemberService(storage::Database& db, const Clock& clock,
                std::shared_ptr<const MemberDataRegistry> member_data = nullptr);

  // Organizers and admins create members. Validates every field; the
  // organization (by name) is created when new. AlreadyExists on a taken e-mail.
  Result<model::Member> Create(const Viewer& viewer, model::Member m);
  // NotFound also when the member exists but is hidden from the viewer.
  Result<model::Member> Get(const Viewer& viewer, model::Id id);
  // Get's member as the JSON the API answers with (json_codec.h), from the
  // per-process profile cache: a change through this process is seen at once,
  // one through another process within MemberCache::kWindow (member_cache.h).
  Result<std::string> GetJson(const Viewer& viewer, model::Id id);
  // The profile cache's memory budget (0 turns it off); shared by every
  // service on this database in this process.
  void SetProfileCacheBudget(size_t bytes);
  // NotFound when no visible member has this e-mail (case-insensitive).
  Result<model::Member> FindByEmail(const Viewer& viewer, const std::string& email);
  Result<Page<model::Member>> List(const Viewer& viewer, const MemberFilter& filter);
  // List's page as the API's JSON; a word search's profiles come from the
  // profile cache (same freshness as GetJson).
  Result<std::string> ListJson(const Viewer& viewer, const MemberFilter& filter);
  // Replaces the profile fields (not challenges). Members may update only
  // themselves; organizers anyone. The e-mail may change if still unique.
  Result<model::Member> Update(const Viewer& viewer, model::Member m);
  // Deletes a member and everything that is theirs (account, sessions,
  // challenges, connections, ledger entries, and every module's data through
  // `member_data`), on the account deletion's path (member_erasure.h). Self,
  // or an admin.
  Status Delete(const Viewer& viewer, model::Id id);

  // NotFound unless the challenge's owner is visible to the viewer.
  Result<model::Challenge> GetChallenge(const Viewer& viewer, model::Id challenge_id);
  Result<model::Challenge> AddChallenge(const Viewer& viewer, model::Id member_id, model::Challenge c);
  Result<model::Challenge> UpdateChallenge(const Viewer& viewer, model::Challenge c);
  Status DeleteChallenge(const Viewer& viewer, model::Id challenge_id);

  Result<std::vector<model::Sector>> Sectors();
  Result<model::Sector> AddSector(const Viewer& viewer, model::Sector s);
  Result<std::set<std::string>> SectorKeys();

  Result<Page<model::Organization>> Organizations(const Viewer& viewer, const std::string& q, int limit, int offset);
  Result<model::Organization> GetOrganization(const Viewer& viewer, model::Id id);
  Result<model::Organization> CreateOrganization(const Viewer& viewer, model::Organization o);

  // Which of `ids` the viewer may see.
  Result<std::set<model::Id>> VisibleAmong(const Viewer& viewer, const std::vector<model::Id>& ids);

  // Loads the word-search index now instead of on the first search (serve does
  // this at start-up).
  Status WarmSearchIndex();

 private:
  storage::Database& db_;
  const Clock& clock_;
  std::shared_ptr<MemberSearchIndex> index_;               // shared by copies of this service
  std::shared_ptr<MemberCache> cache_;                     // shared by every service on db_ (MemberCache::For)
  std::shared_ptr<const MemberDataRegistry> member_data_;  // may be null (see the constructor)
};

}  // namespace verbinder::domain
