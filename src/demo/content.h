// The words of the demo network and the generator: names, organizations in
// Twente, job titles, and the expertise and challenges professionals write on
// their profiles, in Dutch and English. Plain constant tables (content.cpp,
// content_texts.cpp); the builders in demo.cpp and generator.cpp decide who
// gets what.
//
//   for (const auto& c : ChallengeTexts(Language::kDutch)) if (c.sector == "care") ...
//
// All strings are valid UTF-8 and static; the spans stay valid for the program's
// lifetime. Thread-safety: immutable, safe from any thread.
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace verbinder::demo {

enum class Language { kDutch, kEnglish };

// An organization in the demo region. `sub` is the sub-sector that picks titles
// and texts ("home_care", "hospital", "manufacturing", ...). `size` is how many
// demo members work there (the sizes add up to the demo's member count).
struct OrgSpec {
  std::string_view name;
  std::string_view sector;  // a model::DefaultSectors() key
  std::string_view sub;
  std::string_view city;
  std::string_view domain;  // e-mail domain, always under .demo
  int size;
  std::string_view visit_spot;  // where a visit happens, e.g. "productiehal"
};

// A challenge ("waar ik tegenaan loop") as a professional would write it.
// `sub` empty = fits any member of the sector.
struct ChallengeSpec {
  std::string_view sector;
  std::string_view sub;
  std::string_view title;
  std::string_view text;
};

// Expertise ("waar ik mee kan helpen"): tags separated by '|', and a sentence.
struct ExpertiseSpec {
  std::string_view sector;
  std::string_view sub;
  std::string_view tags;
  std::string_view text;
};

std::span<const OrgSpec> DemoOrganizations();
std::span<const ChallengeSpec> ChallengeTexts(Language lang);
std::span<const ExpertiseSpec> ExpertiseTexts(Language lang);
// Job titles for a sub-sector; never empty (falls back to generic titles).
std::span<const std::string_view> TitlesFor(std::string_view sub, Language lang);
// Sub-sectors of a sector key, for the generator ("care" → home_care, hospital, elderly_care).
std::span<const std::string_view> SubsectorsOf(std::string_view sector);

std::span<const std::string_view> DutchFirstNames();
std::span<const std::string_view> DutchSurnames();  // with tussenvoegsel, e.g. "ter Horst"
std::span<const std::string_view> InternationalFirstNames();
std::span<const std::string_view> InternationalSurnames();

// Dutch cities with their region, for the generator.
struct CitySpec {
  std::string_view city;
  std::string_view region;
};
std::span<const CitySpec> DutchCities();

// Organization name patterns per sub-sector for the generator: "{city}" is
// replaced by the city, "{name}" by a surname.
std::span<const std::string_view> OrganizationPatterns(std::string_view sub);

// Phrase material for the generator's challenges and expertise: a topic per
// sector in both languages ("roosteren van verpleegkundigen" / "scheduling
// nurses"), lower-case, to be put into the sentence templates below.
struct TopicSpec {
  std::string_view sector;
  std::string_view nl;
  std::string_view en;
};
std::span<const TopicSpec> GeneratorTopics();
// Sentence templates with one "{t}" placeholder for a topic.
std::span<const std::string_view> ChallengeTemplates(Language lang);

// Lower-case ASCII slug for e-mail local parts and domains: transliterates the
// Latin letters with diacritics used in the name tables, maps spaces and
// apostrophes to `sep`, drops anything else outside [a-z0-9-].
void AppendSlug(std::string_view text, char sep, std::string* out);

}  // namespace verbinder::demo
