// False friends across the whole shipped thesaurus (core + area files):
// everyday sentences members write about themselves must not fire a concept
// that means something else, and the precise phrases that replaced the
// generic terms still find their concept.
#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

#include "matching/text.h"
#include "matching/thesaurus.h"
#include "matching/thesaurus_test_util.h"

namespace verbinder::matching {
namespace {

using thesaurus_test::HasConcept;
using thesaurus_test::kEn;
using thesaurus_test::kNl;

struct Case {
  const char* text;
  Language lang;
  const char* concept_id;
};

// Each sentence once fired the concept next to it through a stem collision
// (important/import, turnover, evenings/evenement), a generic single token
// (stil, verloop, koppeling), a phrase that shrank to generic words once stop
// words dropped (werk met werk, job boards) or a term found inside an
// unrelated Dutch compound (scheepswerven, internationaal, voetbalwedstrijden).
TEST(Thesaurus, EverydaySentencesFireNoWrongConcept) {
  const std::vector<Case> cases = {
      {"This is important for our members.", kEn, "export"},
      {"Many older people fall for phone scams.", kEn, "falls"},
      {"Our staff work from home two days a week.", kEn, "privacy_security"},
      {"Cash runs out before the end of the month.", kEn, "stock"},
      {"Kinderen spelen op straat.", kNl, "youth"},
      {"We build houses and bridges.", kEn, "building_energy"},
      {"We started a new production line.", kEn, "innovation"},
      {"I manage production in a factory.", kEn, "utilisation"},
      {"Klanten lopen weg bij de concurrent.", kNl, "staff_turnover"},
      {"Stock markets fell this week.", kEn, "sales_marketing"},
      {"I visit the market every Saturday.", kEn, "biz_place_marketing"},
      {"I curate museum collections.", kEn, "biz_debt_collection"},
      {"Ik help mensen van werk naar werk.", kNl, "pub_roadworks"},
      {"Ik ben net terug van vakantie.", kNl, "ppl_youth_without_qualification"},
      {"Wij leveren staal aan scheepswerven.", kNl, "staff_shortage"},
      {"Ik ben schoolleider en heb twintig leraren in dienst.", kNl, "scheduling"},
      {"Wij verzorgen cursussen Engels voor volwassenen.", kNl, "nursing"},
      {"Als wethouder ben ik verantwoordelijk voor cultuur en sport.", kNl, "change_management"},
      {"Als wethouder ben ik verantwoordelijk voor cultuur en sport.", kNl, "red_tape"},
      {"Ik werk bij een sportschool als personal trainer.", kNl, "education_system"},
      {"Ik ben gek op koken en lezen.", kNl, "ppl_retail_hospitality_staff"},
      {"Ik werk bij een energiebedrijf aan zonneparken.", kNl, "biz_owner_overload"},
      {"Ik sta open voor samenwerking.", kNl, "open_government"},
      {"Ik werk bij een museum voor moderne kunst.", kNl, "legacy_it"},
      {"I am a police officer in the city centre.", kEn, "building_energy"},
      {"Besides my job I sit on the board of the football club.", kEn, "ppl_recruitment_strategy"},
      {"I coach young athletes at the track.", kEn, "track_trace"},
      {"We make advertising for local businesses.", kEn, "interpreting"},
      {"I paint in my spare time.", kEn, "ops_spare_parts"},
      {"Ik ben steward bij voetbalwedstrijden.", kNl, "route_planning"},
      {"I repair bicycles.", kEn, "housing_quality"},
      {"I teach yoga in the evenings.", kEn, "pub_events"},
      {"I work in a warehouse picking orders.", kEn, "ops_maintenance_planning"},
      {"I sell insurance to small businesses.", kEn, "biz_valuation"},
      {"Our annual turnover is five million euros.", kEn, "staff_turnover"},
      {"I can't wait to meet you all.", kEn, "waiting_list"},
      {"Het was stil in de zaal tijdens de lezing.", kNl, "maintenance"},
      {"Ik werk bij een supermarktketen op het hoofdkantoor.", kNl, "supply_chain"},
      {"Het gesprek is goed verlopen.", kNl, "staff_turnover"},
      {"Ik werk in een internationaal team.", kNl, "interns"},
      {"We work with international clients.", kEn, "interns"},
      {"What is your occupation?", kEn, "capacity_planning"},
      {"We are an international school.", kEn, "interns"},
      {"We work in local government.", kEn, "corporate_governance"},
      {"Our costs rise faster than our revenue.", kEn, "lead_time"},
      {"Customers order online and collect in store.", kEn, "ops_high_mix"},
      {"We zijn met ongeveer twintig mensen.", kNl, "safety_culture"},
      {"We willen samen veel bereiken.", kNl, "customer_contact"},
      {"Ik doe diverse projecten in de zorg.", kNl, "diversity"},
      {"Ik koppel mensen aan elkaar.", kNl, "interoperability"},
      {"Het was extreem druk op de beurs.", kNl, "radicalisation"},
      {"Ik werk als steward bij een luchtvaartmaatschappij.", kNl, "community"},
      {"We bouwen een nieuw gezondheidscentrum naast de school.", kNl, "informal_care"},
      {"The drivers of change in our sector are digital.", kEn, "route_planning"},
      {"In principe werk ik op vrijdag niet.", kNl, "school_leadership"},
      {"Ik woon samen met mijn partner.", kNl, "biz_partnerships"},
      {"Wij werken uitsluitend met vaste klanten.", kNl, "biz_insurance_cover"},
      {"Ik werk op kantoor en thuis.", kNl, "building_energy"},
      {"I check tickets at the theatre.", kEn, "biz_service_channels"},
      {"Of course we will be there.", kEn, "training"},
      {"I quit smoking last year.", kEn, "staff_turnover"},
      {"De lift is kapot.", kNl, "physical_strain"},
      {"Er is onrust in het team.", kNl, "dementia"},
      {"Ik maak een opname van het concert.", kNl, "patient_flow"},
      {"Ik heb veel zelfvertrouwen.", kNl, "citizen_participation"},
      {"Ik kom met de auto.", kNl, "route_planning"},
      {"The power of networks is huge.", kEn, "energy_costs"},
      {"I make videos for companies.", kEn, "telehealth"},
      {"Ik werk vaak op afstand.", kNl, "telehealth"},
      {"I wrote a paper about logistics.", kEn, "automation"},
  };
  TextAnalyzer a;
  for (const Case& c : cases) {
    ASSERT_GE(Thesaurus::Default().FindConcept(c.concept_id), 0) << c.concept_id;
    EXPECT_FALSE(HasConcept(a.Analyze(c.text, c.lang), c.concept_id)) << c.concept_id << " <- " << c.text;
  }
}

// The phrases that replaced the generic terms above keep each concept's meaning.
TEST(Thesaurus, PreciseTermsKeepTheirConcept) {
  const std::vector<Case> cases = {
      {"Medewerkers lopen weg naar de concurrent.", kNl, "staff_turnover"},
      {"Our staff turnover is high.", kEn, "staff_turnover"},
      {"Het verloop is hoog.", kNl, "staff_turnover"},
      {"De lonen in de bouw stijgen.", kNl, "compensation"},
      {"Our marketing department is small.", kEn, "sales_marketing"},
      {"Patiënten moeten lang wachten op een operatie.", kNl, "waiting_list"},
      {"Patients wait too long for surgery.", kEn, "waiting_list"},
      {"De machines staan vaak stil.", kNl, "maintenance"},
      {"We hebben te weinig plekken in de kinderopvang.", kNl, "capacity_planning"},
      {"Onze klantenservice is slecht bereikbaar.", kNl, "customer_contact"},
      {"We willen meer diversiteit in het team.", kNl, "diversity"},
      {"I supervise interns.", kEn, "interns"},
      {"We hebben een arbeidsongeval gehad.", kNl, "safety_culture"},
      {"We exporteren kaas en importeren wijn.", kNl, "export"},
      {"We willen onze gebouwen verduurzamen.", kNl, "building_energy"},
      {"Ik ben verzorgende in een verpleeghuis.", kNl, "nursing"},
      {"De stroom is zo duur geworden.", kNl, "energy_costs"},
      {"De bedrijfscultuur moet veranderen.", kNl, "change_management"},
      {"We verdrinken in de administratie.", kNl, "red_tape"},
      {"Onze artsen besteden veel tijd aan administratie.", kNl, "red_tape"},
      {"We work on good governance in healthcare.", kEn, "corporate_governance"},
      {"We want faster turnaround of permits.", kEn, "lead_time"},
      {"Wij zoeken personeel maar werven lukt niet.", kNl, "staff_shortage"},
      {"Residents have little trust in the council.", kEn, "citizen_participation"},
      {"Verpleegkundigen tillen de hele dag.", kNl, "physical_strain"},
      {"Het aantal ziekenhuisopnames stijgt.", kNl, "patient_flow"},
      {"Staff are quitting in droves.", kEn, "staff_turnover"},
      {"I follow a course in coaching.", kEn, "training"},
      {"Mijn bedrijf importeert wijn uit Frankrijk.", kNl, "export"},
      {"I manage the collections department of a bank.", kEn, "biz_debt_collection"},
      {"I design new products for the kitchen.", kEn, "innovation"},
  };
  TextAnalyzer a;
  for (const Case& c : cases) {
    EXPECT_TRUE(HasConcept(a.Analyze(c.text, c.lang), c.concept_id)) << c.concept_id << " <- " << c.text;
  }
}

}  // namespace
}  // namespace verbinder::matching
