#include "events/learned_links.h"

#include <algorithm>
#include <map>
#include <utility>
#include <vector>

#include <soci/soci.h>

#include "domain/db_util.h"
#include "events/meetings_internal.h"
#include "matching/suggest.h"
#include "matching/thesaurus.h"
#include "storage/transaction.h"
#include "util/strings.h"

namespace verbinder::events {
namespace {

using domain::Viewer;
using domain::WithSession;

Status OrganizersOnly(const Viewer& viewer) {
  if (!viewer.authenticated()) return Unauthenticated("sign in first");
  if (!viewer.IsOrganizer())
    return PermissionDenied("only the network's organizers see and switch learned links")
        .WithReason("learned.organizers_only");
  return Status::Ok();
}

std::string Label(const std::string& id, const std::string& lang) {
  const matching::Thesaurus& t = matching::Thesaurus::Default();
  const int c = t.FindConcept(id);
  if (c < 0) return id;  // not a concept (any more): its id
  return lang == "en" ? t.concepts()[c].label_en : t.concepts()[c].label_nl;
}

Status CheckConcept(const std::string& id, const std::string& field) {
  if (Trim(id).empty()) return InvalidArgument("must not be empty", field).WithReason("field.required");
  if (matching::Thesaurus::Default().FindConcept(id) < 0)
    return InvalidArgument("unknown concept \"" + id + "\"", field).WithReason("learned.unknown_concept");
  return Status::Ok();
}

}  // namespace

matching::NetworkLearning LoadNetworkLearning(soci::session& sql) {
  return {internal::LoadConfirmedMeetings(sql), internal::LoadSwitchedOff(sql)};
}

Result<LearnedLinksPage> LearnedLinkService::List(const Viewer& viewer, const std::string& lang, const std::string& q,
                                                  int limit) {
  VB_RETURN_IF_ERROR(OrganizersOnly(viewer));
  if (lang != "nl" && lang != "en") return InvalidArgument("must be nl or en", "lang");
  if (limit < 1 || limit > kMaxLimit)
    return InvalidArgument("must be between 1 and " + std::to_string(kMaxLimit), "limit");
  VB_ASSIGN_OR_RETURN(
      matching::NetworkLearning read,
      WithSession<matching::NetworkLearning>(
          db_, [&](soci::session& sql) -> Result<matching::NetworkLearning> { return LoadNetworkLearning(sql); }));
  LearnedLinksPage page;
  page.meetings = static_cast<int>(read.meetings.size());
  // Either order names the same link: the switched-off rows by their concepts in order.
  auto either_order = [](const std::string& a, const std::string& b) {
    return a < b ? std::pair{a, b} : std::pair{b, a};
  };
  std::map<std::pair<std::string, std::string>, std::vector<size_t>> off;
  for (const auto& l : read.switched_off) {
    off[either_order(l.challenge_concept, l.expertise_concept)].push_back(page.switched_off.size());
    page.switched_off.push_back({l.challenge_concept, l.expertise_concept, Label(l.challenge_concept, lang),
                                 Label(l.expertise_concept, lang), 0, false});
  }
  const std::string needle = AsciiLower(Trim(q));
  auto matches = [&](const LearnedLinkRow& r) {
    if (needle.empty()) return true;
    for (const std::string& s :
         {r.challenge_concept, r.expertise_concept, Label(r.challenge_concept, "nl"), Label(r.challenge_concept, "en"),
          Label(r.expertise_concept, "nl"), Label(r.expertise_concept, "en")}) {
      if (AsciiLower(s).find(needle) != std::string::npos) return true;
    }
    return false;
  };
  for (const matching::LearnedLink& l : matching::LearnedLinks(read.meetings)) {
    if (auto it = off.find(either_order(l.challenge_concept, l.expertise_concept)); it != off.end()) {
      // The switched-off row shows how many meetings would teach it now.
      for (size_t k : it->second) page.switched_off[k].meetings += l.meetings;
      continue;
    }
    LearnedLinkRow row{l.challenge_concept,
                       l.expertise_concept,
                       Label(l.challenge_concept, lang),
                       Label(l.expertise_concept, lang),
                       l.meetings,
                       true};
    if (!matches(row)) continue;
    ++page.total;
    if (static_cast<int>(page.links.size()) < limit) page.links.push_back(std::move(row));
  }
  return page;
}

Status LearnedLinkService::Switch(const Viewer& viewer, const std::string& challenge_concept,
                                  const std::string& expertise_concept, bool on) {
  VB_RETURN_IF_ERROR(OrganizersOnly(viewer));
  VB_RETURN_IF_ERROR(CheckConcept(challenge_concept, "challenge_concept"));
  VB_RETURN_IF_ERROR(CheckConcept(expertise_concept, "expertise_concept"));
  if (challenge_concept == expertise_concept)
    return InvalidArgument("a link needs two different concepts", "expertise_concept")
        .WithReason("learned.same_concept");
  auto done = WithSession<bool>(db_, [&](soci::session& sql) -> Result<bool> {
    storage::Transaction tx(sql);
    // Either order names the same link: remove both, then add the one given.
    sql << "DELETE FROM learned_links_off WHERE (challenge_concept = :a AND expertise_concept = :b) OR "
           "(challenge_concept = :b2 AND expertise_concept = :a2)",
        soci::use(challenge_concept), soci::use(expertise_concept), soci::use(expertise_concept),
        soci::use(challenge_concept);
    if (!on) {
      long long by = viewer.member_id > 0 ? viewer.member_id : 0;
      soci::indicator by_ind = viewer.member_id > 0 ? soci::i_ok : soci::i_null;
      long long now = clock_.Now();
      // Two leaders switching the same link off at once: the second finds it off.
      sql << "INSERT INTO learned_links_off (challenge_concept, expertise_concept, switched_off_by, created_at) "
             "VALUES (:c, :e, :by, :t) ON CONFLICT (challenge_concept, expertise_concept) DO NOTHING",
          soci::use(challenge_concept), soci::use(expertise_concept), soci::use(by, by_ind), soci::use(now);
    }
    tx.commit();
    return true;
  });
  return done.status();
}

}  // namespace verbinder::events
