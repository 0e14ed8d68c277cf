// The everyday phrasings of data/thesaurus_phrasings_core.tsv (core and ops
// concepts that had no plain phrasing yet): a problem typed the way a member
// would ("de monteur moet vaak terugkomen") finds its concept, every term of the
// file finds its own concept, and look-alike sentences from other sectors stay quiet.
// Each challenge below found its concept only once the file was added (checked
// against the thesaurus without the file).
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "matching/text.h"
#include "matching/thesaurus.h"
#include "matching/thesaurus_test_util.h"
#include "util/strings.h"

namespace verbinder::matching {
namespace {

using thesaurus_test::AdditionLines;
using thesaurus_test::ExpectEachFires;
using thesaurus_test::ExpectNoneFires;
using thesaurus_test::kEn;
using thesaurus_test::kNl;
using thesaurus_test::SentenceConcept;
using thesaurus_test::TermsMissingTheirConcept;

TEST(ThesaurusPhrasingsCore, ShipsAsAdditionsToCoreAndOpsConcepts) {
  auto lines = AdditionLines("thesaurus_phrasings_core.tsv");
  EXPECT_GE(lines.size(), 150u);
  const Thesaurus& t = Thesaurus::Default();
  for (const auto& [id, terms] : lines) {
    EXPECT_GE(t.FindConcept(id), 0) << id;
    EXPECT_FALSE(terms.empty()) << id;
  }
}

// A term hidden inside a longer term of another concept, or one that is all
// stop words, would silently match nothing.
TEST(ThesaurusPhrasingsCore, EveryTermFindsItsOwnConcept) {
  int checked = 0;
  EXPECT_EQ(TermsMissingTheirConcept(AdditionLines("thesaurus_phrasings_core.tsv"), &checked),
            std::vector<std::string>{});
  EXPECT_GE(checked, 500);
}

TEST(ThesaurusPhrasingsCore, PlainChallengesFindTheConcept) {
  const std::vector<SentenceConcept> cases = {
      {"Bij ons in de bouw raken mensen gewond en dat moet anders", kNl, "health_at_work"},
      {"Approving a simple purchase has too many steps", kEn, "process_improvement"},
      {"Every weekend we have shifts unfilled at the care home", kEn, "staff_scheduling"},
      {"De problemen komen steeds terug en we weten niet waarom het misgaat", kNl, "root_cause"},
      {"Bij ons doet iedereen het anders, de kennis zit in hoofden", kNl, "work_instructions"},
      {"Het materiaal komt niet binnen en de klus ligt stil", kNl, "supply_chain"},
      {"Hoe kunnen we de pieken opvangen in december?", kNl, "flexible_work"},
      {"We weten niet wat de arbeidsomstandigheden bij leveranciers in Azië zijn", kNl, "supply_chain_responsibility"},
      {"Voor de nieuwe machine zegt de bank nee", kNl, "lending"},
      {"Some families can't afford food by the end of the month", kEn, "food_poverty"},
      {"Onze inwoners bewegen te weinig en eten ongezond", kNl, "prevention"},
      {"Op de afdeling worden de handen niet gewassen tussen cliënten", kNl, "infection_prevention"},
      {"Residents eat too little after they move in", kEn, "malnutrition"},
      {"We want to redistribute tasks between nurses and assistants", kEn, "care_tasks_redesign"},
      {"Er gebeuren te veel ongelukken op de werkvloer", kNl, "safety_culture"},
      {"Order pickers walk a lot between the racks", kEn, "warehouse_operations"},
      {"Lessons are boring and pupils switch off", kEn, "teaching"},
      {"The funder wants us to prove our impact", kEn, "impact_measurement"},
      {"We zoeken geld voor ons project met laaggeletterden", kNl, "subsidies"},
      {"Mensen snappen onze brieven niet", kNl, "plain_language"},
      {"Ons team is erg wit en er werken weinig vrouwen", kNl, "diversity"},
      {"Mensen vragen geen hulp tot het te laat is", kNl, "outreach"},
      {"Wat doen we als de stroom uitvalt in het ziekenhuis?", kNl, "crisis_management"},
      {"Klanten sturen veel terug na de uitverkoop", kNl, "reverse_logistics"},
      {"The engineer has to come back because the part was missing", kEn, "ops_field_service"},
      {"De monteur moet vaak terugkomen omdat een onderdeel ontbreekt", kNl, "ops_field_service"},
      {"Monteurs zijn de halve dag spullen zoeken in de werkplaats", kNl, "ops_five_s"},
      {"We zijn afhankelijk van China voor onze onderdelen", kNl, "ops_supply_resilience"},
      {"The filler runs below speed most of the day", kEn, "ops_oee"},
      {"Verpleegkundigen lopen rond om materiaal op de afdeling te vinden", kNl, "ops_hospital_supply"},
      {"Bij de overdracht worden stappen vergeten", kNl, "ops_checklists"},
      {"We work in large batches and wait for the next step", kEn, "ops_one_piece_flow"},
      {"Medewerkers krijgen nooit feedback op hun werk", kNl, "performance_management"},
      {"Ze wil praten met iemand die het zelf heeft meegemaakt", kNl, "peer_support"},
      {"Onze machines draaien maar half, de rest van de tijd staan ze", kNl, "utilisation"},
      {"De koelwagen valt uit op de snelweg en de lading is verloren", kNl, "cold_chain"},
      {"Onze kinderen gamen te veel en slapen slecht", kNl, "online_safety"},
      {"Er wordt soms een verkeerd onderdeel gemonteerd", kNl, "ops_error_proofing"},
      {"We are always waiting to get paid by the council", kEn, "cash_flow"},
      {"Na de vakantie komt iedereen tegelijk voor een afspraak", kNl, "ops_load_levelling"},
      {"De lijn is niet in balans en station drie loopt vast", kNl, "ops_takt_time"},
      {"De politie wordt gebeld voor een verwarde man in de wijk", kNl, "mental_health_crisis"},
      {"Half of our jobs have to be redone", kEn, "ops_first_time_right"},
  };
  ExpectEachFires(cases);
}

// Sentences from another sector that a looser phrasing would have caught
// (each was a draft term: "staan leeg", "breaks", "vaste afspraken",
// "patients fall", "valt af", "runs slowly", "verpleegkundigen zoeken", "recall",
// "laboratorium", "temperature too high", "afstand tot werk", "vragen geen hulp",
// "weten niet of het werkt", "over tien jaar": stop words left two everyday words).
TEST(ThesaurusPhrasingsCore, FalseFriendsStayQuiet) {
  const std::vector<SentenceConcept> cases = {
      {"Our shelves stand empty after the weekend", kEn, "utilisation"},
      {"Staff take coffee breaks before it breaks their concentration", kEn, "predictive_maintenance"},
      {"We hebben vaste afspraken met onze klanten over levertijden", kNl, "work_instructions"},
      {"Patients fall under the new insurance scheme", kEn, "patient_safety"},
      {"Deze optie valt af omdat hij te duur is", kNl, "malnutrition"},
      {"My computer runs slowly after the update", kEn, "ops_oee"},
      {"Wij zoeken verpleegkundigen voor de nachtdienst", kNl, "ops_hospital_supply"},
      {"We recall that the meeting was moved", kEn, "ops_product_recall"},
      {"We hebben de monsters naar het laboratorium gestuurd", kNl, "ops_lab_automation"},
      {"The patient has a fever and the temperature is too high", kEn, "cold_chain"},
      {"Veel medewerkers werken op afstand", kNl, "labour_inclusion"},
      {"We vragen hulp bij onze marketing", kNl, "outreach"},
      {"We weten hoe het werkt", kNl, "impact_measurement"},
      {"De wachttijd voor een huurwoning loopt op tot tien jaar", kNl, "strategy"},
      {"I install real-time location systems to find equipment in hospitals", kEn, "ops_hospitality"},
  };
  ExpectNoneFires(cases);
}

}  // namespace
}  // namespace verbinder::matching
