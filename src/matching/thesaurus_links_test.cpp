// The cross-file links of data/thesaurus_links.tsv: a challenge written in one
// area's words meets the expertise named in another area's file, and that
// meeting exists only because of the links (without them the concepts found
// on both sides do not relate at all).
#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "matching/text.h"
#include "matching/thesaurus.h"
#include "matching/thesaurus_test_util.h"

namespace verbinder::matching {
namespace internal {
extern const std::string_view kThesaurusTsv;  // thesaurus_data.cpp (generated from data/thesaurus*.tsv)
}  // namespace internal
namespace {

using thesaurus_test::ConceptIds;
using thesaurus_test::kEn;
using thesaurus_test::kNl;

constexpr std::string_view kLinksFile = "# @file thesaurus_links.tsv\n";
constexpr std::string_view kThirdWave = "# Third wave:";
constexpr std::string_view kFourthWave = "# Fourth wave:";

// The shipped text without the part that comes from thesaurus_links.tsv.
std::string ShippedWithoutLinks() {
  std::string text(internal::kThesaurusTsv);
  size_t begin = text.find(kLinksFile);
  if (begin == std::string::npos) return text;
  size_t end = text.find("# @file ", begin + kLinksFile.size());
  text.erase(begin, end == std::string::npos ? std::string::npos : end - begin);
  return text;
}

// The shipped text without the third wave of thesaurus_links.tsv (the part
// from the "# Third wave" comment to the end of that file).
std::string ShippedWithoutThirdWave() {
  std::string text(internal::kThesaurusTsv);
  size_t file = text.find(kLinksFile);
  if (file == std::string::npos) return text;
  size_t begin = text.find(kThirdWave, file);
  if (begin == std::string::npos) return text;
  size_t end = text.find("# @file ", begin);
  text.erase(begin, end == std::string::npos ? std::string::npos : end - begin);
  return text;
}

// The shipped text without the fourth wave of thesaurus_links.tsv (the part
// from the "# Fourth wave" comment to the end of that file).
std::string ShippedWithoutFourthWave() {
  std::string text(internal::kThesaurusTsv);
  size_t file = text.find(kLinksFile);
  if (file == std::string::npos) return text;
  size_t begin = text.find(kFourthWave, file);
  if (begin == std::string::npos) return text;
  size_t end = text.find("# @file ", begin);
  text.erase(begin, end == std::string::npos ? std::string::npos : end - begin);
  return text;
}

// The first pair (challenge concept, expertise concept) that relates in t, or "".
std::string Link(const Thesaurus& t, const TextAnalysis& challenge, const TextAnalysis& expertise) {
  for (int c : challenge.concepts) {
    for (int e : expertise.concepts) {
      if (t.Relation(c, e) != ConceptRelation::kNone) return t.concepts()[c].id + " ~ " + t.concepts()[e].id;
    }
  }
  return "";
}

TEST(ThesaurusLinks, ShippedTextParsesWithEveryLinkNamingAnExistingConcept) {
  // Parse fails on an '=' line naming an unknown id, on an unknown related or
  // broader id, and on a self-link; Default() would then be empty.
  ASSERT_NE(std::string_view(internal::kThesaurusTsv).find(kLinksFile), std::string_view::npos);
  Result<Thesaurus> all = Thesaurus::Parse(internal::kThesaurusTsv);
  ASSERT_TRUE(all.ok()) << all.status().message() << " at " << all.status().field();
  EXPECT_EQ(all.value().concepts().size(), Thesaurus::Default().concepts().size());
  Result<Thesaurus> without = Thesaurus::Parse(ShippedWithoutLinks());
  ASSERT_TRUE(without.ok()) << without.status().message();
  // The links file only links: it defines no concept of its own.
  EXPECT_EQ(without.value().concepts().size(), all.value().concepts().size());
}

TEST(ThesaurusLinks, DuplicatesAcrossFilesAreRelated) {
  const Thesaurus& t = Thesaurus::Default();
  const std::pair<const char*, const char*> twins[] = {
      {"pub_no_show", "ops_no_shows"},
      {"pub_working_carers", "ppl_working_carers"},
      {"pub_job_coaching", "ppl_disability_at_work"},
      {"pub_newcomer_work", "ppl_status_holders_work"},
      {"ops_multiskilling", "ppl_multiskilling"},
      {"biz_digital_skills", "ppl_digital_skills_staff"},
      {"biz_internal_comms", "ppl_internal_communication"},
      {"biz_innovation_culture", "ppl_innovation_culture"},
      {"ops_ed_crowding", "pub_ed_crowding"},
      {"ops_medicine_shortages", "pub_medicine_shortages"},
      {"ops_back_office_backlog", "pub_application_backlog"},
      {"ops_punctuality", "pub_pt_reliability"},
      {"ops_fleet", "biz_fleet_mobility"},
      {"ops_energy_management", "biz_energy_audit"},
  };
  for (const auto& [a, b] : twins) {
    int ka = t.FindConcept(a), kb = t.FindConcept(b);
    ASSERT_GE(ka, 0) << a;
    ASSERT_GE(kb, 0) << b;
    EXPECT_NE(t.Relation(ka, kb), ConceptRelation::kNone) << a << " ~ " << b;
    EXPECT_NE(t.Relation(kb, ka), ConceptRelation::kNone) << b << " ~ " << a;
  }
}

struct Pair {
  const char* challenge;
  Language challenge_language;
  const char* expertise;
  Language expertise_language;
};

// Each pair meets in `with_links` (the shipped thesaurus) and does not in
// `without` (the shipped text with a part of the links file taken out).
template <size_t N>
void ExpectMeetOnlyThroughTheLinks(const Pair (&pairs)[N], const Thesaurus& with_links, const Thesaurus& without) {
  TextAnalyzer a;
  for (const Pair& p : pairs) {
    TextAnalysis challenge = a.Analyze(p.challenge, p.challenge_language);
    TextAnalysis expertise = a.Analyze(p.expertise, p.expertise_language);
    std::string seen =
        "challenge: " + ConceptIds(challenge, with_links) + "| expertise: " + ConceptIds(expertise, with_links);
    EXPECT_NE(Link(with_links, challenge, expertise), "") << p.challenge << " / " << p.expertise << "\n" << seen;
    EXPECT_EQ(Link(without, challenge, expertise), "") << p.challenge << " / " << p.expertise << "\n" << seen;
  }
}

TEST(ThesaurusLinks, ProblemsInOneFileMeetMethodsInAnotherOnlyThroughTheLinks) {
  const Pair pairs[] = {
      {"Onze verzuimkosten lopen hoog op", kNl, "I am an insurance broker for small businesses", kEn},
      {"Huisartsen wachten dagen op de uitslag van bloedonderzoek", kNl,
       "We replaced batch processing in our lab with one-piece flow", kEn},
      {"Leraren hebben een te hoge werkdruk door nakijkwerk en administratie", kNl,
       "I help organisations apply AI in their daily work", kEn},
      {"Onze consulenten hebben een te hoge caseload", kNl,
       "Ik richt triage en werkverdeling in bij klantcontactcentra", kNl},
      {"Medewerkers zijn bang om fouten te melden", kNl, "I set up near-miss reporting on construction sites", kEn},
      {"Steeds meer inwoners met een baan kunnen niet rondkomen", kNl,
       "Ik help werkgevers met de financiële zorgen van hun medewerkers", kNl},
      {"Jongeren trekken na hun studie weg uit onze regio", kNl,
       "I do city and regional marketing to attract new residents", kEn},
      {"Inwoners reageren niet op onze brieven", kNl, "I am a copywriter for websites and campaigns", kEn},
      {"Inwoners worden opgelicht via nepberichten van de bank", kNl,
       "I run phishing simulations and security awareness training", kEn},
      {"Huurders wachten te lang op reparaties aan hun woning", kNl,
       "I implement field service software for work orders", kEn},
      {"De kosten van de jeugdzorg lopen uit de hand", kNl, "Ik maak kostprijsmodellen voor dienstverleners", kNl},
      {"We want to redesign the clinical pathway for hip surgery", kEn,
       "Ik breng als service designer klantreizen in kaart", kNl},
      {"Medewerkers mogen niets zelf beslissen en moeten overal toestemming voor vragen", kNl,
       "I remove unnecessary approval steps and sign-offs from processes", kEn},
      {"Wij hebben last van seizoensschommelingen", kNl, "I match staffing levels to forecast demand", kEn},
      {"Op onze postkamer scannen we elke dag honderden poststukken", kNl,
       "I build intelligent document processing for insurers", kEn},
      {"Our wage costs keep rising faster than our prices", kEn, "Ik help bedrijven met arbeidsbesparende technologie",
       kNl},
  };
  const Thesaurus& with_links = Thesaurus::Default();
  Result<Thesaurus> without = Thesaurus::Parse(ShippedWithoutLinks());
  ASSERT_TRUE(without.ok()) << without.status().message();
  ExpectMeetOnlyThroughTheLinks(pairs, with_links, without.value());
}

TEST(ThesaurusLinks, ThirdWaveBridgesConceptsThatHadNoLinkToAnotherArea) {
  // Each pair meets through a link of the third wave and through nothing
  // else: without that part of the file no concept of the challenge relates
  // to any concept of the expertise.
  const Pair pairs[] = {
      {"Klanten willen bij ons afrekenen met bitcoin", kNl, "Ik adviseer banken over fintech", kNl},
      {"Er is een groot tekort aan studentenkamers", kNl, "Ik bouw prefab woonunits in de fabriek", kNl},
      {"Veel studenten bouwen een hoge studieschuld op", kNl, "I am a money coach for households with payment problems",
       kEn},
      {"Onze cliëntenraad voelt zich niet serieus genomen", kNl, "I coach works councils on employee participation",
       kEn},
      {"Na hun detentie vallen veel ex-gedetineerden terug in de criminaliteit", kNl,
       "We hire without CVs and without degree requirements", kEn},
      {"Bewoners met dementie dwalen 's nachts af en raken vermist", kNl,
       "I install real-time location systems to find equipment in hospitals", kEn},
      {"De wachttijd voor een huurwoning loopt op tot tien jaar", kNl,
       "I design matching and lottery systems for school admissions", kEn},
      {"We want to tap into untapped labour potential", kEn, "Ik begeleid mensen met een WIA-uitkering", kNl},
      {"We krijgen nauwelijks sollicitanten", kNl, "I write web copy and campaign texts", kEn},
      {"Veel kinderen hebben huiswerkbegeleiding nodig", kNl, "I run a public library", kEn},
      {"We hebben een tekort aan schoolleiders", kNl, "I work as an interim manager", kEn},
      {"Our cash-in-transit costs keep rising", kEn, "Ik adviseer winkeliers over overvalpreventie", kNl},
      {"Onze metselaars worden ouder en hun rug houdt het niet", kNl, "Ik test exoskeletten in de logistiek", kNl},
      {"Patiënten begrijpen onze folders niet", kNl, "Ik ben grafisch ontwerper en maak illustraties", kNl},
      {"We willen een community van klanten opbouwen", kNl, "Ik ben buurtverbinder en organiseer ontmoetingen", kNl},
      {"We typen inkooporders dubbel over in twee systemen", kNl,
       "I implement accounting software for small businesses", kEn},
      {"Steeds meer werkende inwoners kunnen niet rondkomen", kNl,
       "Ik help werkgevers om kleine deeltijdbanen om te zetten naar grotere contracten", kNl},
      {"Medewerkers zijn onzeker over hun baan na de reorganisatie", kNl,
       "I am a turnaround manager for companies in distress", kEn},
      {"Een collega komt regelmatig onder invloed van alcohol binnen", kNl,
       "I train professionals in motivational interviewing", kEn},
      {"De gemeente moet fors bezuinigen", kNl, "Ik adviseer over weerstandsvermogen en reserves", kNl},
      {"Onze HR-afdeling is overbelast met administratie", kNl, "I set up shared service centres", kEn},
      {"We kunnen de nieuwe regels niet meer bijhouden", kNl, "Ik ben kwaliteitsborger onder de Wkb", kNl},
      {"Onze duurzaamheidsclaims worden weggezet als greenwashing", kNl,
       "I check food labels for allergen labelling errors", kEn},
      {"We get hardly any applicants for our vacancies", kEn, "Ik maak campagnes op Instagram en TikTok", kNl},
      {"Op onze school wordt veel gepest", kNl, "Ik ben vertrouwenspersoon voor sociale veiligheid op de werkvloer",
       kNl},
      {"Medewerkers vinden urenregistratie zinloos", kNl, "Ik bepaal normtijden met tijdstudies", kNl},
      {"Patiënten komen voor onnodige controleafspraken naar de poli", kNl, "I implement value-based healthcare", kEn},
      {"In de keuken lopen we vast als alle bestellingen tegelijk binnenkomen", kNl,
       "I balance assembly lines using takt time", kEn},
      {"Onze vrijwilligers stoppen er na een jaar mee", kNl, "Ik werk aan behoud van personeel en retentie", kNl},
      {"Onze lassers staan de hele dag in de lasrook", kNl, "I design ventilation systems", kEn},
      {"Onze inwoners klagen over losliggende stoeptegels", kNl,
       "I implement work order software for field technicians", kEn},
  };
  const Thesaurus& with_links = Thesaurus::Default();
  ASSERT_LT(ShippedWithoutThirdWave().size(), internal::kThesaurusTsv.size()) << "no \"# Third wave:\" part found";
  Result<Thesaurus> without = Thesaurus::Parse(ShippedWithoutThirdWave());
  ASSERT_TRUE(without.ok()) << without.status().message();
  ASSERT_EQ(without.value().concepts().size(), with_links.concepts().size());  // same concepts, fewer links
  ExpectMeetOnlyThroughTheLinks(pairs, with_links, without.value());
}

TEST(ThesaurusLinks, FourthWaveLinksTheNewestAreaFilesToEachOther) {
  // The care, edu, tech, trades, law, env and fin files were written in
  // parallel. Each pair meets through a link of the fourth wave and through
  // nothing else: without that part of the file no concept of the challenge
  // relates to any concept of the expertise.
  const Pair pairs[] = {
      {"Onze cliënten vertonen onbegrepen gedrag en we weten niet waarom", kNl, "Ik ben specialist pijnbestrijding",
       kNl},
      {"Our warehouse staff complain about their safety shoes", kEn, "Ik ben podotherapeut en maak steunzolen", kNl},
      {"Onze operatiekamers produceren enorm veel medisch afval", kNl,
       "I help organisations replace disposable cups and single-use plastics with reusables", kEn},
      {"Ouders kunnen de schoolkosten en het schoolreisje niet betalen", kNl, "Ik ben onderwijsjurist", kNl},
      {"Onze gemeente wil een klimaatstresstest laten uitvoeren", kNl,
       "Ik werk aan de beschermingskloof: klimaatschade die niemand verzekert", kNl},
      {"Op de nieuwe provinciale weg zijn veel aanrijdingen met wild", kNl,
       "Ik ben projectleider van infrastructuurprojecten", kNl},
      {"De bank heeft de rekening van onze stichting opgezegd", kNl,
       "Ik ben advocaat verenigingsrecht en stichtingsrecht", kNl},
      {"Ons kredietrisicomodel moet gevalideerd worden", kNl, "Ik ben advocaat financieel toezichtrecht (Wft)", kNl},
      {"Ondernemers stoppen halverwege de identiteitsverificatie bij het openen van een zakelijke rekening", kNl,
       "I chase incomplete applications and missing documents", kEn},
      {"Ons pensioenfonds moet invaren in het nieuwe pensioenstelsel", kNl, "I lead data migration projects", kEn},
      {"Veel van onze werknemers hebben geen pensioenregeling", kNl, "I apply behavioural insights and default options",
       kEn},
      {"Onze zakelijke klanten met betalingsachterstanden signaleren we te laat", kNl,
       "Ik ben herstructureringsadviseur", kNl},
      {"Er zijn te veel aanmeldingen voor onze school en we moeten loten", kNl, "Ik ben onderwijsjurist", kNl},
      {"Onze buitenlandse collega's voelen zich hier niet welkom", kNl, "Ik ben immigratieadvocaat", kNl},
      {"Our Polish workers are treated badly by their agency", kEn,
       "I advise on posting of workers and cross-border employment", kEn},
      {"Als zorgcoördinator weet ik niet welke informatie ik mag delen", kNl,
       "I advise on the legal basis for sharing personal data", kEn},
      {"Nabestaanden lopen vast bij het afwikkelen van de bankzaken na overlijden", kNl,
       "I am a notary for wills and estates", kEn},
      {"Our supplier claims we used unlicensed software after a licence audit", kEn, "Ik ben enterprise architect",
       kNl},
      {"Veel leerlingen hebben leerproblemen en dyslexie", kNl, "Ik ben logopedist", kNl},
      {"Our pension fund has to deal with a growing longevity risk", kEn, "Ik ben epidemioloog", kNl},
      {"Veel patiënten hebben beperkte gezondheidsvaardigheden", kNl,
       "Ik werk met pictogrammen en ondersteunde communicatie", kNl},
      {"We got a claim because we used a photo from the internet on our website", kEn,
       "Ik ben fotograaf en grafisch ontwerper", kNl},
      {"Ouderen blijven wonen in te grote eengezinswoningen", kNl, "Ik ben hypotheekadviseur", kNl},
      {"Veel huishoudens hebben geen spaarbuffer", kNl,
       "Ik train professionals over de psychologie van schaarste en mentale bandbreedte", kNl},
  };
  const Thesaurus& with_links = Thesaurus::Default();
  ASSERT_LT(ShippedWithoutFourthWave().size(), internal::kThesaurusTsv.size()) << "no \"# Fourth wave:\" part found";
  Result<Thesaurus> without = Thesaurus::Parse(ShippedWithoutFourthWave());
  ASSERT_TRUE(without.ok()) << without.status().message();
  ASSERT_EQ(without.value().concepts().size(), with_links.concepts().size());  // same concepts, fewer links
  ExpectMeetOnlyThroughTheLinks(pairs, with_links, without.value());
}

}  // namespace
}  // namespace verbinder::matching
