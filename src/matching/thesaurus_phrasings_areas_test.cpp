// The everyday phrasings of data/thesaurus_phrasings_areas.tsv for the people,
// public-sector and business area concepts: a challenge worded the way a
// member types it ("kunnen elkaar niet vervangen", "staff can't afford to live
// here") finds its concept, every term read alone finds its own concept, and
// sentences about something else that share a word stay quiet.
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

bool IsAreaId(const std::string& id) {
  return id.rfind("ppl_", 0) == 0 || id.rfind("pub_", 0) == 0 || id.rfind("biz_", 0) == 0;
}

TEST(ThesaurusPhrasingsAreas, ShipsOnlyAdditionsToAreaConcepts) {
  auto lines = AdditionLines("thesaurus_phrasings_areas.tsv");
  EXPECT_GE(lines.size(), 200u);
  for (const auto& [id, terms] : lines) {
    EXPECT_TRUE(IsAreaId(id)) << id;
    EXPECT_GE(Thesaurus::Default().FindConcept(id), 0) << id;
    EXPECT_FALSE(terms.empty()) << id;
  }
}

// A term hidden inside a longer term of another concept, or one that is all
// stop words, would silently match nothing.
TEST(ThesaurusPhrasingsAreas, EveryTermFindsItsOwnConcept) {
  int checked = 0;
  EXPECT_EQ(TermsMissingTheirConcept(AdditionLines("thesaurus_phrasings_areas.tsv"), &checked),
            std::vector<std::string>{});
  EXPECT_GE(checked, 1000);
}

// Each of these found its concept only once the file was added (checked
// against a build with the file's '=' lines removed).
TEST(ThesaurusPhrasingsAreas, PlainChallengesFindTheConcept) {
  const std::vector<SentenceConcept> cases = {
      {"Nieuwe verpleegkundigen vinden in de regio geen woning en haken af", kNl, "ppl_staff_housing"},
      {"Bij ons moeten medewerkers overal toestemming voor vragen aan hun leidinggevende", kNl, "ppl_mandate"},
      {"Het rooster komt te laat en verpleegkundigen hebben geen invloed op hun rooster", kNl, "ppl_self_rostering"},
      {"Onze monteurs kunnen bij de concurrent elders meer verdienen", kNl, "ppl_competitive_pay"},
      {"Jongeren kiezen niet voor de metaal, ze vinden het een stoffig imago", kNl, "ppl_young_talent_attraction"},
      {"Veel van onze mbo-studenten vinden geen stage in de techniek", kNl, "ppl_internship_shortage"},
      {"We willen overstappers uit andere sectoren omscholen naar de zorg", kNl, "ppl_side_entry_programmes"},
      {"Als één collega ziek is, kunnen de anderen elkaar niet vervangen", kNl, "ppl_multiskilling"},
      {"Vorige maand is een collega overleden en het team is er kapot van", kNl, "ppl_grief_at_work"},
      {"Brugklassers kunnen niet plannen en weten niet hoe ze moeten leren", kNl, "ppl_study_skills"},
      {"Er zitten alleen mannen in de directie en het MT", kNl, "ppl_gender_balance"},
      {"Alles wordt gecontroleerd, er is weinig vertrouwen in medewerkers", kNl, "ppl_trust_control"},
      {"Jongeren moeten maanden wachten op een psycholoog", kNl, "pub_stepped_care"},
      {"In de nieuwe wijk kennen de buren elkaar niet", kNl, "pub_community_building"},
      {"Veel bewoners scheiden hun afval niet", kNl, "pub_household_behaviour"},
      {"Mannen die uit de gevangenis komen vallen snel terug in criminaliteit", kNl, "pub_reoffending"},
      {"Er komt een azc in ons dorp en bewoners zijn ongerust", kNl, "pub_reception_locations"},
      {"Ons bedrijf draait al jaren verlies en het faillissement dreigt", kNl, "biz_turnaround"},
      {"We willen uitbreiden maar de netbeheerder zegt nee tegen een grotere aansluiting", kNl,
       "biz_energy_flexibility"},
      {"Een concurrent kopieert ons product en verkoopt het goedkoper", kNl, "biz_intellectual_property"},
      {"We willen onze machines ook verkopen in Duitsland", kNl, "biz_export_markets"},
      {"Een klant wil zijn geld terug omdat het product na twee maanden kapot ging", kNl, "biz_consumer_law"},
      {"We want to reach mothers returning to work after years at home", kEn, "ppl_hidden_workforce"},
      {"We don't know where to post our job ads to reach technicians", kEn, "ppl_recruitment_strategy"},
      {"We hired the wrong person twice this year for the planner role", kEn, "ppl_candidate_screening"},
      {"Young nurses leave because staff can't afford to live here", kEn, "ppl_staff_housing"},
      {"Several of our cleaners can't make ends meet and ask for an advance on their salary", kEn,
       "ppl_financial_wellbeing"},
      {"Our team leaders avoid difficult conversations with their staff", kEn, "ppl_soft_skills"},
      {"Job seekers over fifty are rejected because of age", kEn, "ppl_age_discrimination"},
      {"Half of our students use ChatGPT for their essays", kEn, "ppl_school_ai"},
      {"We train everyone but the changes don't stick after a few months", kEn, "ppl_change_approach"},
      {"Many patients don't turn up for their physiotherapy appointment", kEn, "pub_no_show"},
      {"Some families have ten professionals in one family and nobody coordinates", kEn, "pub_integrated_approach"},
      {"In summer the old town is crowded with tourists", kEn, "pub_overtourism"},
      {"Last winter the ward had to close because of staff shortages", kEn, "pub_bed_closures"},
      {"We don't know what a product costs us once overhead is included", kEn, "biz_activity_costing"},
      {"Everyone talks about AI but we have no idea where to start with AI", kEn, "biz_ai_adoption"},
      {"Our systems don't talk to each other so we type everything twice", kEn, "biz_data_sharing"},
      {"Reviews say our staff are unfriendly at the reception desk", kEn, "biz_hospitality_service"},
      {"Customers can't find us on Google when they search for a plumber", kEn, "biz_seo"},
  };
  ExpectEachFires(cases);
}

// Sentences about something else that share the everyday words of a phrasing
// this file once had or could easily have: "zonder", "weinig", "te veel" and
// "make" are stop words, so such a phrase shrinks to one common word.
TEST(ThesaurusPhrasingsAreas, FalseFriendsStayQuiet) {
  const std::vector<SentenceConcept> cases = {
      {"De meeste mensen gooien onze folder direct weg", kNl, "biz_waste_reduction"},
      {"We pay our suppliers later than agreed", kEn, "pub_bnpl"},
      {"Our employee benefits include a bike scheme", kEn, "pub_disability_benefits"},
      {"Parcels are often delivered to the wrong address", kEn, "pub_base_registries"},
      {"Mijn agenda zit vol met vergaderingen", kNl, "pub_appointment_scheduling"},
      {"We were forced to work overtime during the peak season", kEn, "pub_trafficking"},
      {"De bouw van de nieuwe hal is gestaakt", kNl, "ppl_collective_bargaining"},
      {"Een grote groep inwoners bereiken we via de wijkkrant", kNl, "pub_trusted_messengers"},
      {"We hebben veel last van de overgang naar het nieuwe systeem", kNl, "ppl_menopause"},
      {"Steeds meer jongeren kiezen voor een opleiding in de zorg", kNl, "ppl_young_talent_attraction"},
      {"Tijdens de teamdag leren we elkaar beter kennen", kNl, "ppl_learning_culture"},
      {"I train people for their next job interview", kEn, "ppl_open_hiring"},
      {"Onze school heeft sinds kort een nieuwe directeur", kNl, "ppl_school_leader_shortage"},
      {"We put an advert in the newspaper every month", kEn, "biz_media_relations"},
  };
  ExpectNoneFires(cases);
}

}  // namespace
}  // namespace verbinder::matching
