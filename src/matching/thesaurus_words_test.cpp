// The common topic words of data/thesaurus_words.tsv (plain nouns a member uses
// to name a subject: voeding, gegevensbescherming, detailhandel, welding): every
// term finds its own concept, a sentence using the word finds it, and sentences
// where the word (or a look-alike) means something else stay quiet.
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
using thesaurus_test::ConceptIds;
using thesaurus_test::HasConcept;
using thesaurus_test::kEn;
using thesaurus_test::kNl;
using thesaurus_test::TermsMissingTheirConcept;

TEST(ThesaurusWords, ShipsAsAdditionsToExistingConcepts) {
  auto lines = AdditionLines("thesaurus_words.tsv");
  EXPECT_GE(lines.size(), 50u);
  const Thesaurus& t = Thesaurus::Default();
  for (const auto& [id, terms] : lines) {
    EXPECT_GE(t.FindConcept(id), 0) << id;
    EXPECT_FALSE(terms.empty()) << id;
  }
}

// A term hidden inside a longer term of another concept, or one that is all
// stop words, would silently match nothing.
TEST(ThesaurusWords, EveryTermFindsItsOwnConcept) {
  int checked = 0;
  EXPECT_EQ(TermsMissingTheirConcept(AdditionLines("thesaurus_words.tsv"), &checked), std::vector<std::string>{});
  EXPECT_GE(checked, 250);
}

struct Case {
  const char* text;
  Language lang;
  const char* concept_id;
};

// Each sentence names its subject with a word of the file (none of them found
// the concept before the file was added).
TEST(ThesaurusWords, TopicWordsFindTheConcept) {
  const std::vector<Case> cases = {
      {"Op school willen we meer aandacht voor voeding en beweging", kNl, "care_healthy_eating"},
      {"Het voedingspatroon van onze cliënten is eenzijdig", kNl, "care_healthy_eating"},
      {"Our care home wants to improve nutrition for residents", kEn, "care_healthy_eating"},
      {"Kantoormedewerkers moeten meer bewegen tijdens de werkdag", kNl, "care_physical_activity"},
      {"Ik adviseer gemeenten over sportbeleid in dorpen", kNl, "sport_culture"},
      {"We want more children to take part in sports after school", kEn, "sport_culture"},
      {"Telezorg kan de wijkverpleging ontlasten", kNl, "telehealth"},
      {"Ik help zorgaanbieders met gegevensbescherming en de AVG", kNl, "privacy_security"},
      {"Cyberveiligheid is voor ons mkb-bedrijf een blinde vlek", kNl, "privacy_security"},
      {"I advise schools on data protection", kEn, "privacy_security"},
      {"We need a branding agency for our new bakery", kEn, "biz_branding"},
      {"Als persvoorlichter weet ik hoe je journalisten benadert", kNl, "biz_media_relations"},
      {"Veel ouders hebben vragen over de opvoeding van hun puber", kNl, "family_support"},
      {"Emancipatie van vrouwen met een migratieachtergrond", kNl, "diversity"},
      {"Genderongelijkheid in de top van ons bedrijf", kNl, "ppl_gender_balance"},
      {"We willen de inzetbaarheid van onze medewerkers in de zorg vergroten", kNl, "older_workers"},
      {"Our heritage sector needs volunteers", kEn, "trd_heritage_collections"},
      {"Ik werk twintig jaar in het erfgoed en ken alle collecties", kNl, "trd_heritage_collections"},
      {"De detailhandel in ons dorp heeft het zwaar", kNl, "city_centre"},
      {"The shopping centre has lost half its tenants", kEn, "city_centre"},
      {"Ik geef les in programmeren aan volwassenen", kNl, "software_development"},
      {"Ik werk twintig jaar in de procesindustrie", kNl, "tech_process_engineering"},
      {"We vinden geen lassers meer voor onze staalbouw", kNl, "tech_welding"},
      {"We need welders for a bridge project", kEn, "tech_welding"},
      {"I run a plumbing business with six plumbers", kEn, "tech_building_services"},
      {"Ik adviseer over vastgoed van maatschappelijke organisaties", kNl, "ops_property_portfolio"},
      {"We hired a bookkeeper for the sports club", kEn, "biz_accounting_software"},
      {"Veel ouderen kunnen tandzorg niet meer betalen", kNl, "care_oral_health"},
      {"We willen dat meer medewerkers op de fiets naar het werk komen", kNl, "sustainable_mobility"},
      {"I teach artificial intelligence at the university", kEn, "predictive_analytics"},
      {"Ik zoek een boekhouder voor mijn eenmanszaak", kNl, "biz_accounting_software"},
      {"Huisartsen schrijven te vaak antibiotica voor", kNl, "infection_prevention"},
      {"Jongeren met hersenletsel vallen tussen wal en schip", kNl, "pub_stroke_cardiac"},
      {"Ouders maken zich zorgen over het mediagebruik van hun kinderen", kNl, "online_safety"},
      {"Kennismanagement is lastig nu ervaren collega's met pensioen gaan", kNl, "knowledge_transfer"},
      {"De valuta van onze afzetmarkt schommelt sterk", kNl, "price_risk"},
      {"De hogere rentestand maakt onze investering duurder", kNl, "biz_interest_inflation"},
      {"Ik werk bij het waterschap aan zeespiegelstijging", kNl, "climate_adaptation"},
      {"Boeren willen een biogas installatie op het erf", kNl, "renewable_energy"},
      {"We zoeken een koerier voor medicijnen naar patiënten thuis", kNl, "city_logistics"},
      {"Information gets lost at shift handovers on the ward", kEn, "ops_handover_losses"},
      {"Our daycare has a long waiting list", kEn, "childcare"},
      {"We help NEET youth find a first job", kEn, "ppl_youth_without_qualification"},
      {"Een factoringmaatschappij kan onze liquiditeit helpen", kNl, "fin_sme_lending"},
      {"Wij kopen alleen fairtrade koffie in", kNl, "supply_chain_responsibility"},
      {"Gentrificatie verdrijft de oude bewoners uit de wijk", kNl, "liveability"},
      {"Parttimers willen niet meer uren werken", kNl, "ppl_part_time"},
      {"De brutomarge staat onder druk door de energieprijzen", kNl, "costing"},
      {"Huurders kunnen de huurverhoging niet betalen", kNl, "housing_quality"},
      {"Tiny houses kunnen jongeren snel aan een woning helpen", kNl, "housing_shortage"},
      {"De funderingen van de oude huizen in de binnenstad rotten weg", kNl, "pub_subsidence"},
      {"Het rijksmonument moet van het gas af", kNl, "tech_heritage_buildings"},
      {"De elektra in ons buurthuis is verouderd", kNl, "tech_electrical_installations"},
      {"Ik doe functioneel beheer van ons zaaksysteem", kNl, "biz_it_management"},
      {"Productieverplaatsing naar Azië brengt risico's", kNl, "biz_outsourcing"},
      {"Na de echtscheiding is de omgangsregeling een strijd", kNl, "family_support"},
      {"De klachtencommissie krijgt veel klachten over bejegening", kNl, "complaints"},
      {"Het zorgkantoor koopt te weinig plekken in", kNl, "care_funding"},
      {"Een crisisopname duurt weken", kNl, "mental_health_crisis"},
      {"The fire service takes too long to reach our village", kEn, "emergency_services"},
      {"Care assistants have no time to talk with residents", kEn, "nursing"},
      {"We want to reduce restrictive practices in our homes", kEn, "pub_restraint"},
      {"We zoeken een lobbyist voor onze sector in Den Haag", kNl, "biz_stakeholder_management"},
      {"De gebruikerservaring van onze app is slecht", kNl, "usability"},
      {"Straatcoaches spreken jongeren aan op hun gedrag", kNl, "pub_youth_street_work"},
      {"Met een basisbaan komen mensen weer aan de slag", kNl, "labour_inclusion"},
  };
  TextAnalyzer a;
  for (const Case& c : cases) {
    TextAnalysis got = a.Analyze(c.text, c.lang);
    EXPECT_TRUE(HasConcept(got, c.concept_id))
        << c.text << " -> " << c.concept_id << " (found: " << ConceptIds(got) << ")";
  }
}

// The same word, or a look-alike, in another sense: a compound (voedingsbodem,
// stroomvoeding, inlassen, rentevrij), an English verb (accounting for, host),
// a stem collision (machining/machines, rente/rent, secondment/second,
// factoring/factor, offshoring/offshore, verzorgenden/verzorgen,
// marketeer/market, lobbying/lobby, branding/brand, neet/net), a handover of a
// building.
// Each was a draft term that fired here and was narrowed or dropped.
TEST(ThesaurusWords, OtherSensesStayQuiet) {
  const std::vector<Case> cases = {
      {"Armoede is een voedingsbodem voor criminaliteit", kNl, "care_healthy_eating"},
      {"De stroomvoeding van de server viel uit", kNl, "care_healthy_eating"},
      {"De inzetbaarheid van onze machines is laag", kNl, "older_workers"},
      {"We moeten een extra overleg inlassen", kNl, "tech_welding"},
      {"The handover of the new building is delayed", kEn, "ops_handover_losses"},
      {"The rent is too high for young families", kEn, "biz_interest_inflation"},
      {"Onze machines staan vaak stil", kNl, "tech_machining"},
      {"Cars, accounting for 40 percent of emissions, are the problem", kEn, "biz_accounting_software"},
      {"Ik verzorg de programmering van het theater", kNl, "software_development"},
      {"We host a dinner for our guests every month", kEn, "cloud"},
      {"Wij verstrekken rentevrije leningen aan starters", kNl, "biz_interest_inflation"},
      {"This is the second time we ask", kEn, "ppl_temp_agency"},
      {"Trust is a key success factor in our team", kEn, "fin_sme_lending"},
      {"We build offshore wind farms", kEn, "biz_outsourcing"},
      {"Wij verzorgen cursussen Engels voor volwassenen", kNl, "nursing"},
      {"We wait in the hotel lobby", kEn, "biz_stakeholder_management"},
      {"Wij leveren bouwmaterialen aan aannemers", kNl, "ops_supply_disruption"},
      {"We provide 40 hours of care per week", kEn, "primary_care"},
      {"The project gets people moving to the city", kEn, "care_physical_activity"},
      {"Stock markets fell this week", kEn, "sales_marketing"},
      {"De brand in de keuken was snel geblust", kNl, "biz_branding"},
      {"Ik ben net terug van vakantie", kNl, "ppl_youth_without_qualification"},
  };
  TextAnalyzer a;
  for (const Case& c : cases) {
    TextAnalysis got = a.Analyze(c.text, c.lang);
    EXPECT_FALSE(HasConcept(got, c.concept_id))
        << c.text << " should not find " << c.concept_id << " (found: " << ConceptIds(got) << ")";
  }
}

}  // namespace
}  // namespace verbinder::matching
