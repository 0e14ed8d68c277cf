// The thesaurus area file data/thesaurus_public.tsv: realistic challenges
// meet the expertise that can help, and false friends meet nothing.
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

TEST(ThesaurusArea_public, ShipsItsConcepts) {
  EXPECT_GE(CountConcepts("pub_"), 100);
}

TEST(ThesaurusArea_public, EverydayProblemsMeetTheMethodsThatSolveThem) {
  const std::vector<AreaPair> pairs = {
      {"Op onze afdeling blijven patiënten te lang liggen omdat er geen vervolgplek is", kNl, "pub_bed_blocking",
       "I optimise hospital patient flow with lean and queueing models", kEn},
      {"Inwoners reageren niet op onze brieven over betalingsachterstanden", kNl, "pub_letters_response",
       "I design choice architecture and behavioural insights interventions", kEn},
      {"Veel gezinnen in onze wijk kunnen hun rekeningen niet betalen en krijgen aanmaningen", kNl,
       "pub_debt_collection", "I run a debt advice service and financial coaching", kEn},
      {"Onze operatiekamer staat vaak leeg tussen twee operaties door lange wisseltijden", kNl, "pub_or_turnover",
       "Ik verkort omsteltijden met SMED in de verpakkingsindustrie", kNl},
      {"Patiënten komen niet opdagen op hun afspraak bij de polikliniek", kNl, "pub_no_show",
       "Ik ben gedragswetenschapper en ontwerp nudges en keuzearchitectuur", kNl},
      {"De bus komt in ons dorp steeds te laat en ouderen missen hun aansluiting", kNl, "pub_pt_reliability",
       "Ik ben planner en optimaliseer ritten met vehicle routing software", kNl},
      {"Onze wijkverpleegkundigen zijn veel tijd kwijt aan reizen tussen cliënten", kNl, "pub_visit_planning",
       "I build route optimisation for delivery vans", kEn},
      {"Bij participatieavonden zien we altijd dezelfde mensen", kNl, "pub_hard_to_engage",
       "I help councils with design thinking and community engagement", kEn},
      {"De aanvragen voor vergunningen blijven liggen en de werkvoorraad loopt op", kNl, "pub_application_backlog",
       "Ik help fabrieken met lean en het verbeteren van de doorstroom", kNl},
      {"Inwoners melden losse stoeptegels en kuilen in de weg en we lopen achter", kNl, "pub_public_space_maintenance",
       "Ik ben specialist in assetmanagement en voorspellend onderhoud", kNl},
      {"Cliënten vergeten hun medicijnen in te nemen", kNl, "pub_med_adherence",
       "I design choice architecture and behavioural insights interventions", kEn},
      {"Er zijn steeds meer geneesmiddelentekorten in onze apotheek", kNl, "pub_medicine_shortages",
       "I am a supply chain planner managing supplier risk", kEn},
      {"De SEH loopt elke avond vol en de ambulances staan te wachten", kNl, "pub_ed_crowding",
       "Ik leid een capaciteitscentrum met realtime bedbezetting", kNl},
      {"We zitten met een stikstofprobleem en kunnen niet bouwen", kNl, "pub_nitrogen",
       "Ik adviseer boeren over emissiearme stallen en kringlooplandbouw", kNl},
      {"Onze verpleegkundigen zijn uren kwijt aan rapporteren in het dossier", kNl, "pub_clinical_documentation",
       "Ik automatiseer administratieve processen met RPA", kNl},
      {"Omwonenden zijn boos over de komst van een opvanglocatie", kNl, "pub_resident_resistance",
       "Als omgevingsmanager organiseer ik participatietrajecten en co-creatie", kNl},
      {"Bewoners voelen zich onveilig in het park 's avonds", kNl, "pub_feeling_unsafe",
       "I advise on street lighting and crime prevention through environmental design", kEn},
      {"Many patients did not attend their outpatient appointments", kEn, "pub_no_show",
       "Ik bouw voorspelmodellen voor klantverloop", kNl},
      {"Residents don't respond to letters from the council", kEn, "pub_letters_response",
       "Ik schrijf brieven in begrijpelijke taal op B1-niveau", kNl},
      {"Evictions because of rent arrears are increasing", kEn, "pub_eviction",
       "Als financieel coach help ik mensen hun administratie op orde te krijgen", kNl},
      {"Crowd safety at our summer festival worries us", kEn, "pub_events",
       "Ik bouw wachtrijmodellen en simulaties voor capaciteitsplanning", kNl},
      {"Onze huisartsenpraktijk zit vol en heeft een patiëntenstop", kNl, "pub_gp_workload",
       "I lead a social prescribing programme with link workers", kEn},
      {"Ouderen eten niet genoeg en vallen ongewild af", kNl, "pub_weight_loss_elderly",
       "Ik ben diëtist en screen ouderen op ondervoeding", kNl},
      {"Bij ons staan mensen soms maanden op de wachtlijst voor een huurwoning", kNl, "pub_housing_allocation",
       "Ik bouw wachtrijmodellen en simulaties voor capaciteitsplanning", kNl},
      {"Mantelzorgers in onze organisatie combineren werk en zorg en vallen uit", kNl, "pub_working_carers",
       "Ik ben HR-adviseur en maak ons bedrijf mantelzorgvriendelijk", kNl},
      {"Patients stay too long in our hospital because there is no care home place", kEn, "pub_bed_blocking",
       "Ik werk aan geriatrische revalidatie en eerstelijnsverblijf", kNl},
      {"Vrachtwagens rijden door het dorp en er is veel sluipverkeer", kNl, "pub_through_traffic",
       "Ik ben planner en optimaliseer ritten met vehicle routing software", kNl},
      {"Patients with heart failure are readmitted too often", kEn, "pub_readmissions",
       "Ik bouw voorspelmodellen voor klantverloop", kNl},
      {"We willen dat huishoudens beter afval scheiden", kNl, "pub_household_behaviour",
       "Ik ben gedragswetenschapper en ontwerp nudges en keuzearchitectuur", kNl},
      {"Door bodemdaling hebben veel woningen funderingsproblemen", kNl, "pub_subsidence",
       "Ik ben specialist in assetmanagement en voorspellend onderhoud", kNl},
  };
  ExpectAreaPairsMeet(pairs, "pub_", OwnIn::kChallenge);
}

TEST(ThesaurusArea_public, FalseFriendsFindNothingOfThisFile) {
  const std::vector<SentenceConcept> cases = {
      {"De verkiezingsuitslagen van de gemeenteraad waren verrassend", kNl, "pub_diagnostics_turnaround"},
      {"We houden een ontruimingsoefening met de BHV", kNl, "pub_eviction"},
      {"Thermische uitzetting van metalen onderdelen", kNl, "pub_eviction"},
      {"We zoeken draagvlak bij medewerkers voor de reorganisatie", kNl, "pub_resident_resistance"},
      {"Het overstappen naar een nieuwe leverancier kost veel tijd", kNl, "pub_pt_reliability"},
      {"Het project neemt veel tijd in beslag", kNl, "pub_debt_collection"},
      {"Het is de bedoeling dat het team zelf roostert", kNl, "pub_human_measure"},
      {"Onderhoud aan de installatie is verwaarloosd", kNl, "pub_self_neglect"},
      {"Er is schaarste aan technici in de regio", kNl, "pub_scarcity"},
      {"The project has several late starts and escalations", kEn, "pub_or_turnover"},
      {"The project has several late starts and escalations", kEn, "pub_unexplained_behaviour"},
      {"We are downsizing our head office", kEn, "pub_housing_mobility"},
      {"Our loan book has more defaults this year", kEn, "pub_nudging"},
      {"Wage restraint in the collective agreement", kEn, "pub_restraint"},
      {"The new operations centre monitors our network", kEn, "pub_control_tower"},
      {"In fact the team works well", kEn, "pub_community_mental_health"},
  };
  ExpectNoneFires(cases);
}

}  // namespace
}  // namespace verbinder::matching
