// Plain-language explanations of a suggestion, in Dutch or English.
#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "matching/suggest_internal.h"
#include "matching/thesaurus.h"
#include "util/strings.h"

namespace verbinder::matching::internal {
namespace {

// ASCII-lower-case copy, to compare a sector value with a label.
std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// The other's sector in the reader's language, as it reads inside a sentence
// ("zorg", "care", "ICT"), from the network's table (SuggestInput::sector_labels).
// Members hold sector keys; older data may hold a label, so a value that is no
// key is looked up among the labels too. Empty for the catch-all "other" and
// for a sector without a label: a raw key is no word for a reader, so the
// sentence then leaves the sector out.
std::string SectorName(const std::string& sector, const SectorLabels& sectors, bool nl) {
  if (sector.empty() || sector == "other") return "";
  const SectorLabel* found = nullptr;
  if (auto it = sectors.find(sector); it != sectors.end()) {
    found = &it->second;
  } else {
    const std::string wanted = Lower(sector);
    for (const auto& [key, label] : sectors) {
      if (Lower(label.nl) == wanted || Lower(label.en) == wanted) {
        if (key == "other") return "";
        found = &label;
        break;
      }
    }
  }
  if (!found) return "";
  std::string name = nl ? found->nl : found->en;
  // A capitalised word reads in lower case mid-sentence ("Zorg" → "zorg");
  // an acronym or a name in capitals stays as stored ("ICT", "MKB").
  if (name.size() >= 2 && std::isupper(static_cast<unsigned char>(name[0])) &&
      !std::isupper(static_cast<unsigned char>(name[1])))
    name[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(name[0])));
  return name;
}

// "a", "a and b", "a, b and c" (max 3 items; util's one rule for lists).
std::string List(const std::vector<std::string>& items, bool nl) {
  std::vector<std::string> v(items.begin(), items.begin() + std::min<size_t>(items.size(), 3));
  return ListInSentence(v, nl ? "en" : "and");
}

std::vector<std::string> Labels(const std::vector<int>& concepts, bool nl) {
  const auto& all = Thesaurus::Default().concepts();
  std::vector<std::string> out;
  out.reserve(concepts.size());
  for (int c : concepts) out.push_back(nl ? all[c].label_nl : all[c].label_en);
  return out;
}

std::string Snippet(const std::string& text) {
  if (text.size() <= 70) return text;
  size_t cut = text.rfind(' ', 67);
  if (cut == std::string::npos || cut < 30) cut = 67;
  return text.substr(0, cut) + "…";
}

// The sentence for a match through one thesaurus link: names my concept and
// theirs, and how they hang together.
std::string LinkSentence(const ConceptLinkReason& l, const std::string& challenge, const std::string& them, bool nl) {
  const auto& all = Thesaurus::Default().concepts();
  const Concept& mine = all[l.challenge_concept];
  const Concept& theirs = all[l.expertise_concept];
  const std::string& a = nl ? mine.label_nl : mine.label_en;
  const std::string& b = nl ? theirs.label_nl : theirs.label_en;
  std::string head =
      nl ? "Jouw vraag" + challenge + " gaat over " + a + "; " : "Your challenge" + challenge + " is about " + a + "; ";
  switch (l.relation) {
    case ConceptRelation::kBroader:
      return head +
             (nl ? them + " is thuis in het bredere vak " + b + "." : them + " knows the wider field of " + b + ".");
    case ConceptRelation::kNarrower:
      return head + (nl ? them + " is specialist in " + b + ", een onderdeel daarvan."
                        : them + " specialises in " + b + ", a part of it.");
    case ConceptRelation::kSibling: {
      std::string parent;
      for (int p : mine.broader) {
        for (int q : theirs.broader) {
          if (p == q && parent.empty()) parent = nl ? all[p].label_nl : all[p].label_en;
        }
      }
      return head + (nl ? them + " kent " + b + ": beide horen bij " + parent + "."
                        : them + " knows " + b + ": both belong to " + parent + ".");
    }
    case ConceptRelation::kTwoSteps: {
      const Concept& via = all[l.via];
      return head + (nl ? them + " kent " + b + ", wat via " + via.label_nl + " met jouw vraag samenhangt."
                        : them + " knows " + b + ", which connects to it through " + via.label_en + ".");
    }
    case ConceptRelation::kLearned:
      return head +
             (nl ? them + " kent " + b + ": leden met zo'n vraag hadden eerder nuttige gesprekken met mensen die " + b +
                       " kennen."
                 : them + " knows " + b + ": members with such a challenge had useful meetings with people who know " +
                       b + " before.");
    default:
      return head + (nl ? them + " kent " + b + ", en dat hangt er nauw mee samen."
                        : them + " knows " + b + ", which is closely related.");
  }
}

}  // namespace

std::string Explain(const SuggestAttendee& me, const SuggestAttendee& other, const PairReasons& r,
                    const SectorLabels& sectors, bool nl) {
  std::vector<std::string> parts;
  const std::string& them = other.id;
  if (r.requested_by_me)
    parts.push_back(nl ? "Je hebt zelf om een gesprek met " + them + " gevraagd." : "You asked to meet " + them + ".");
  if (r.requested_by_them) parts.push_back(nl ? them + " wil graag met jou in gesprek." : them + " asked to meet you.");
  // Whether their expertise meets your challenge (else only yours meets theirs, or neither).
  const bool helps_you =
      !r.direct_concepts.empty() || !r.related_concepts.empty() || !r.shared_terms.empty() || !r.word_links.empty();
  if (helps_you) {
    std::string s;
    std::string challenge = r.challenge.empty() ? "" : " “" + Snippet(r.challenge) + "”";
    if (!r.direct_concepts.empty()) {
      s = nl ? "Waar jij tegenaan loopt" + challenge + ", daar weet " + them +
                   " veel van: " + List(Labels(r.direct_concepts, nl), nl) + "."
             : "What you are running into" + challenge + " is what " + them +
                   " knows about: " + List(Labels(r.direct_concepts, nl), nl) + ".";
      if (!r.related_concepts.empty()) {
        s +=
            nl ? " Daarnaast kent " + them + " " + List(Labels(r.related_concepts, nl), nl) +
                     ", wat daarmee samenhangt."
               : " " + them + " also knows " + List(Labels(r.related_concepts, nl), nl) + ", which is closely related.";
      }
    } else if (!r.links.empty()) {
      s = LinkSentence(r.links.front(), challenge, them, nl);
      std::vector<int> more;
      for (size_t k = 1; k < r.links.size(); ++k) more.push_back(r.links[k].expertise_concept);
      if (!more.empty()) {
        s += nl ? " Ook " + List(Labels(more, nl), nl) + " hoort bij de ervaring van " + them + "."
                : " " + them + "'s experience also covers " + List(Labels(more, nl), nl) + ".";
      }
    } else if (!r.related_concepts.empty()) {
      s = nl ? "Bij jouw vraag" + challenge + " kan de ervaring van " + them + " met " +
                   List(Labels(r.related_concepts, nl), nl) + " helpen: dat hangt er nauw mee samen."
             : "For your challenge" + challenge + ", " + them + "'s experience with " +
                   List(Labels(r.related_concepts, nl), nl) + " can help: it is closely related.";
    } else if (!r.word_links.empty()) {
      s = WordLinkSentence(r.word_links.front(), challenge, them, nl);
    } else {
      s = nl ? "Jouw vraag" + challenge + " en de expertise van " + them + " gaan over hetzelfde (" +
                   List(r.shared_terms, nl) + ")."
             : "Your challenge" + challenge + " and " + them + "'s expertise share the topic (" +
                   List(r.shared_terms, nl) + ").";
    }
    parts.push_back(s);
  }
  // "In turn" only after a reason the other way; alone, the help you can give is the reason.
  const bool you_help = !r.reverse_concepts.empty();
  if (you_help) {
    const std::string what = List(Labels(r.reverse_concepts, nl), nl);
    if (helps_you)
      parts.push_back(nl ? "Andersom kun jij " + them + " helpen met " + what + "."
                         : "In turn, you can help " + them + " with " + what + ".");
    else
      parts.push_back(nl ? "Jij kunt " + them + " helpen met " + what + "."
                         : "You can help " + them + " with " + what + ".");
  }
  if (r.cross_sector) {
    // The fresh view is on whoever's question the pair shares: yours, theirs, or (none) not claimed.
    const std::string sector = SectorName(other.sector, sectors, nl);
    const std::string named = sector.empty() ? "" : " (" + sector + ")";
    std::string view = helps_you  ? (nl ? ": een frisse blik op jouw vraag." : ": a fresh view on your question.")
                       : you_help ? (nl ? ": jij brengt een frisse blik mee." : ": you bring a fresh view.")
                                  : ".";
    parts.push_back(nl ? them + " werkt in een andere sector" + named + view
                       : them + " works in another sector" + named + view);
  }
  if (r.online_only_tie) {
    parts.push_back(nl ? "Jullie zijn online al verbonden, maar hebben elkaar nog niet ontmoet."
                       : "You are connected online but have not met in person yet.");
  }
  if (r.met_before) {
    parts.push_back(nl ? "Jullie hebben elkaar al eerder gesproken." : "You have met before.");
  }
  if (r.colleagues) {
    parts.push_back(nl ? "Let op: jullie werken bij dezelfde organisatie."
                       : "Note: you work for the same organization.");
  }
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : " ") + p;
  (void)me;
  return out;
}

}  // namespace verbinder::matching::internal
