// The thesaurus area file data/thesaurus_env.tsv (environment, mobility and
// space: flooding and drought, soil, nature, waste, noise and air, parking,
// cycling, public transport, permits, local energy): every term finds its own
// concept, everyday problems meet the methods and experts, false friends stay out.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "matching/text.h"
#include "matching/thesaurus.h"
#include "matching/thesaurus_test_util.h"

namespace verbinder::matching {
namespace {

using thesaurus_test::AreaPair;
using thesaurus_test::CountConcepts;
using thesaurus_test::ExpectAreaPairsMeet;
using thesaurus_test::ExpectNoneFires;
using thesaurus_test::kEn;
using thesaurus_test::kNl;
using thesaurus_test::OwnIn;
using thesaurus_test::SentenceConcept;
using thesaurus_test::TermsMissingTheirConcept;

TEST(ThesaurusArea_env, ShipsItsConcepts) {
  EXPECT_GE(CountConcepts("env_"), 35);
}

TEST(ThesaurusArea_env, EveryTermFindsItsOwnConcept) {
  EXPECT_EQ(TermsMissingTheirConcept("env_"), std::vector<std::string>{});
}

TEST(ThesaurusArea_env, EverydayProblemsMeetTheMethodsThatSolveThem) {
  const std::vector<AreaPair> pairs = {
      {"Het regent hard en de straat staat blank", kNl, "env_street_flooding",
       "Ik adviseer gemeenten over het afkoppelen van regenpijpen, wadi's en waterpleinen", kNl},
      {"Every time it rains heavily the street floods and the drains can't cope", kEn, "env_street_flooding",
       "Wij doen klimaatstresstesten en risicodialogen met bewoners", kNl},
      {"De sloten vallen droog en de grondwaterstand zakt elk jaar verder", kNl, "env_drought_groundwater",
       "I am a hydrologist and design water retention in peat areas for water boards", kEn},
      {"We willen een oud fabrieksterrein herontwikkelen maar de grond is vervuild", kNl, "env_soil_contamination",
       "We do soil investigations and remediation of contaminated land", kEn},
      {"We mogen de school niet slopen omdat er vleermuizen in de spouw zitten", kNl, "env_ecology_survey",
       "Our ecological consultancy does bat surveys and species management plans", kEn},
      {"Our new housing project has to be nature-inclusive but we don't know how", kEn, "env_nature_inclusive_building",
       "Wij ontwerpen neststenen, vleermuiskasten en groene gevels voor woningbouw", kNl},
      {"In onze wijk is het in de zomer bloedheet", kNl, "env_urban_heat",
       "I plan tiny forests and street trees with residents", kEn},
      {"Overal eikenprocessierupsen in de bermen, wat moeten we doen?", kNl, "env_ecological_maintenance",
       "We manage roadside verges with ecological mowing and native planting", kEn},
      {"Bewoners scheiden hun afval niet, het gft zit vol plastic", kNl, "env_waste_separation",
       "I help municipalities nudge residents towards better recycling behaviour", kEn},
      {"We don't know what to do with our old furniture", kEn, "env_bulky_waste",
       "Wij knappen kantoormeubilair op en verkopen het tweedehands", kNl},
      {"Our festival uses too many disposable cups", kEn, "env_single_use",
       "Wij verhuren herbruikbare bekers en servies voor evenementen", kNl},
      {"Bewoners klagen over geluid van de snelweg", kNl, "env_traffic_noise",
       "I am an acoustic consultant specialised in noise barriers and quiet asphalt", kEn},
      {"De buren klagen over stank en geluid van onze fabriek", kNl, "env_industrial_nuisance",
       "I do odour assessments and advise on environmental permits for factories", kEn},
      {"In de winter stookt iedereen de houtkachel en de wijk zit vol rook", kNl, "env_wood_smoke",
       "We measure air quality with low-cost sensors together with residents", kEn},
      {"Onze bestelbussen mogen straks de milieuzone niet meer in", kNl, "env_low_emission_zone",
       "I help companies electrify their fleet of vans and trucks", kEn},
      {"Our employees all come by car and the car park is full", kEn, "env_employer_mobility",
       "Ik maak mobiliteitsplannen voor werkgevers met fietsstimulering en een ov-abonnement", kNl},
      {"In onze wijk is parkeren een drama, auto's staan op de stoep", kNl, "env_parking_policy",
       "I advise cities on parking permits, paid parking and shared parking", kEn},
      {"De bus rijdt in ons dorp nog maar één keer per uur", kNl, "env_pt_planning",
       "I design bus networks and public transport concessions", kEn},
      {"We willen de binnenstad autoluw maken maar winkeliers zijn bang", kNl, "env_car_free_streets",
       "Wij organiseren stadslogistiek met cargobikes en een stadshub", kNl},
      {"Er zijn veel te weinig laadpalen in onze straat", kNl, "env_public_charging",
       "I plan charging infrastructure and grid connections for municipalities", kEn},
      {"Residents oppose the wind turbines because of shadow flicker and noise", kEn, "env_wind_solar_siting",
       "Wij helpen dorpen met een energiecoöperatie en een omgevingsfonds", kNl},
      {"We willen een loods ombouwen tot woningen maar het bestemmingsplan staat het niet toe", kNl,
       "env_planning_procedures", "I am a planning consultant handling rezoning and change of use", kEn},
      {"We moeten emissieloos bouwen in de binnenstad vanwege stikstof", kNl, "env_emission_free_construction",
       "I do nitrogen calculations with AERIUS for building projects", kEn},
      {"Ik ben milieukundige bij een omgevingsdienst", kNl, "env_permit_practice",
       "Our plant needs new emission limits in its environmental permit", kEn},
      {"Elke ochtend is het chaos omdat ouders hun kinderen met de auto brengen", kNl, "env_school_run",
       "I help schools set up school streets and safe cycling routes", kEn},
      {"De buren klagen over trillingen en stof van de bouwplaats", kNl, "env_construction_nuisance",
       "I am a community relations manager for construction projects", kEn},
      {"Bij ons in het dorp staan veel lege stallen nu boeren stoppen", kNl, "env_farm_building_reuse",
       "I help owners convert vacant buildings into homes and workspaces", kEn},
      {"Het is in het weekend veel te druk in de duinen en honden lopen los", kNl, "env_recreation_pressure",
       "I do visitor management for destinations and nature parks", kEn},
      {"Na elke regenbui hebben we een natte kelder door de hoge grondwaterstand", kNl, "env_drought_groundwater",
       "Our water board team models groundwater levels", kEn},
      {"Onze verpleegkundigen komen allemaal met de auto en er zijn te weinig parkeerplaatsen", kNl,
       "env_employer_mobility", "We run staff travel surveys and set up carpooling and bike lease schemes", kEn},
      {"De fietsenstalling bij het station puilt uit en er worden veel fietsen gestolen", kNl, "env_bike_theft",
       "I design secure cycle parking and bike registration schemes", kEn},
      {"Ons bedrijventerrein loopt onder bij elke zware bui", kNl, "env_street_flooding",
       "We design green roofs and blue roofs that store rainwater", kEn},
      {"Bewoners willen geen windmolens in hun achtertuin", kNl, "env_wind_solar_siting",
       "I organise community ownership and community benefit funds for wind farms", kEn},
      {"Onze gemeente wil ISO 14001 voor de milieuzorg van het afvalbedrijf", kNl, "env_environmental_management",
       "I am an environmental consultant for permits and compliance", kEn},
  };
  ExpectAreaPairsMeet(pairs, "env_", OwnIn::kEither);
}

TEST(ThesaurusArea_env, FalseFriendsDoNotFireThisFile) {
  const std::vector<SentenceConcept> cases = {
      {"What drives our staff to work here is the mission", kEn, "env_employer_mobility"},
      {"De gynaecoloog bespreekt de uitslag met de patiënt", kNl, "env_ecology_survey"},
      {"We process SWIFT payments for international clients", kEn, "env_ecology_survey"},
      {"Bats and balls for the cricket club", kEn, "env_ecology_survey"},
      {"We check on every resident once an hour at night", kEn, "env_pt_planning"},
      {"Patients with heart failure suffer from water retention", kEn, "env_drought_groundwater"},
      {"De badkamer heeft te veel tegels en moet opnieuw", kNl, "env_urban_heat"},
      {"I give a tip to the waiter", kEn, "env_bulky_waste"},
      {"We want to get rid of old habits in our management team", kEn, "env_bulky_waste"},
      {"Medewerkers krijgen financiële participatie via aandelen", kNl, "env_local_energy"},
      {"Our nurses complain about noise on the ward at night", kEn, "env_traffic_noise"},
      {"We gaan samen meten hoe tevreden onze klanten zijn", kNl, "env_air_monitoring"},
      {"De boer ploegt de grond en bodemverdichting is een probleem", kNl, "env_densification"},
      {"Our product design quality is poor and we need design codes", kEn, "env_design_review"},
      {"Er is chaos op school omdat de roosters niet kloppen", kNl, "env_school_run"},
      {"De sfeer in het team is versteend na de reorganisatie", kNl, "env_urban_heat"},
      {"We willen onze bomen en planten in het kantoor beter verzorgen", kNl, "env_urban_greening"},
      {"Bij een regenbui blijven de klanten weg uit de winkel", kNl, "env_street_flooding"},
  };
  ExpectNoneFires(cases);
}

}  // namespace
}  // namespace verbinder::matching
