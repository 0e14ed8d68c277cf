// The thesaurus area file data/thesaurus_ops.tsv: realistic challenges
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
using thesaurus_test::OwnIn;
using thesaurus_test::SentenceConcept;
using thesaurus_test::TermsMissingTheirConcept;

TEST(ThesaurusArea_ops, ShipsItsConcepts) {
  EXPECT_GE(CountConcepts("ops_"), 100);
}

// Every term of the file, read on its own, finds its concept: a compound the
// splitter breaks apart or a phrase of stop words would silently match nothing.
TEST(ThesaurusArea_ops, EveryTermFindsItsOwnConcept) {
  EXPECT_EQ(TermsMissingTheirConcept("ops_"), std::vector<std::string>{});
}

TEST(ThesaurusArea_ops, ChallengesMeetTheExpertiseThatHelps) {
  constexpr Language nl = Language::kDutch;
  constexpr Language en = Language::kEnglish;
  const std::vector<AreaPair> pairs = {
      {"Onze CT-scanner staat vaak stil tussen twee patiënten", nl, "ops_changeover",
       "Ik help fabrieken de omsteltijd te verkorten met SMED", nl},
      {"Op de poli komen veel patiënten niet opdagen", nl, "ops_no_shows",
       "I implement appointment reminders by text message", en},
      {"Aanvragen blijven wekenlang liggen bij de gemeente en we halen de beslistermijnen niet", nl,
       "ops_back_office_backlog", "Ik pas lean toe in de backoffice van banken en verzekeraars", nl},
      {"Facturen blijven liggen omdat er te veel goedkeuringsrondes zijn", nl, "ops_approval_chains",
       "I automate approval workflows with robotic process automation", en},
      {"Our machines keep breaking down and we wait days for spare parts", en, "ops_breakdowns",
       "Ik voer TPM en autonoom onderhoud in bij productiebedrijven", nl},
      {"Klanten klagen over verkeerde bestellingen die we leveren", nl, "ops_order_errors",
       "Ik ontwikkel poka-yoke oplossingen en barcodescanning om fouten te voorkomen", nl},
      {"Iedereen op de afdeling doet het op zijn eigen manier, er is geen vaste werkwijze", nl, "ops_standardisation",
       "I train supervisors in Training Within Industry and standard work", en},
      {"Bij de overdracht tussen diensten gaat informatie verloren", nl, "ops_handover_losses",
       "I introduced structured shift handovers in a chemical plant", en},
      {"Onze schappen zijn vaak leeg en we moeten nee verkopen", nl, "ops_empty_shelves",
       "I build demand forecasting models for retail chains", en},
      {"Leveranciers leveren te laat en we hebben een tekort aan grondstoffen", nl, "ops_supply_disruption",
       "Ik help bedrijven met dual sourcing en een weerbare toeleveringsketen", nl},
      {"Het bouwproject loopt flink uit en de oplevering wordt uitgesteld", nl, "ops_project_delays",
       "Ik werk met last planner en lean bouwen", nl},
      {"Onze vrachtwagens rijden vaak half leeg terug", nl, "ops_transport_utilisation",
       "I optimise load factors and freight bundling for transport companies", en},
      {"Op de spoedeisende hulp is het overvol en ambulances staan te wachten", nl, "ops_ed_crowding",
       "Ik ontwikkel voorspelmodellen voor de instroom op de spoedeisende hulp", nl},
      {"We vinden geen personeel voor ons magazijn", nl, "staff_shortage",
       "Ik integreer robotica en cobots in productielijnen", nl},
      {"Medewerkers zoeken elke dienst naar infuuspompen en rolstoelen", nl, "ops_asset_tracking",
       "I track tools on construction sites with bluetooth tags", en},
      {"Onze vergaderzalen blijven vaak leeg", nl, "ops_idle_capacity",
       "Ik doe bezettingsmetingen en adviseer over huisvestingsstrategie", nl},
      {"We gooien veel voedsel weg in de keuken van het verpleeghuis", nl, "ops_food_waste",
       "I help food manufacturers turn side streams into new products", en},
      {"We have recurring accidents with forklifts in the warehouse", en, "ops_site_traffic",
       "Ik verbeter de meldcultuur rond onveilige situaties", nl},
      {"Lesuitval en tussenuren zorgen voor onrust bij leerlingen", nl, "ops_lesson_cancellation",
       "Ik maak lesroosters met optimalisatiesoftware", nl},
      {"Ons klantcontactcentrum krijgt op maandag veel te veel telefoontjes", nl, "ops_peak_load",
       "Ik plan contactcentra met Erlang C en workforce management", nl},
      {"De planning wordt steeds omgegooid door spoedorders van klanten", nl, "ops_plan_disruptions",
       "Ik ontwerp productieplanning en MRP voor maakbedrijven", nl},
      {"Huurders wachten lang op reparaties aan hun woning", nl, "ops_housing_repairs",
       "Ik optimaliseer field service management voor servicemonteurs", nl},
      {"De bus komt vaak te laat en leerlingen missen hun eerste uur", nl, "ops_punctuality",
       "I design timetables and improve punctuality for transit agencies", en},
      {"Our warehouse is full of obsolete stock that nobody buys", en, "ops_excess_stock",
       "Ik doe voorraadoptimalisatie met veiligheidsvoorraden en ABC-analyse", nl},
      {"Our packaging line loses hours on every changeover", en, "ops_changeover",
       "Ik verhoog de OEE van productielijnen", nl},
      {"We maken veel fouten omdat alles twee keer moet worden ingevoerd", nl, "ops_double_entry",
       "I connect systems so data flows without retyping", en},
  };
  // The link may be any related pair, not only one of an ops_ concept (as this test always had it).
  ExpectAreaPairsMeet(pairs, "", OwnIn::kChallenge);
}

TEST(ThesaurusArea_ops, FalseFriendsMeetNothing) {
  const std::vector<SentenceConcept> cases = {
      {"Ik laat de kinderen spelen in het park", Language::kDutch, "ops_parking"},
      {"We want to open a second line of business", Language::kEnglish, "ops_laundry"},
      {"Ik wil bruggen slaan tussen onderwijs en bedrijfsleven", Language::kDutch, "ops_public_infrastructure"},
      {"Ik ben gedragswetenschapper en ontwerp nudges", Language::kDutch, "ops_appointment_reminders"},
      {"Het keukentafelgesprek met inwoners duurt vaak lang", Language::kDutch, "ops_kitchens"},
      {"We draaien pilots met kunstmatige intelligentie", Language::kDutch, "ops_checklists"},
      {"Our data team wants a single source of truth", Language::kEnglish, "ops_supply_resilience"},
      {"We willen de participatieladder gebruiken", Language::kDutch, "ops_work_at_height"},
      {"Ik ben kapot na een lange dienst", Language::kDutch, "ops_breakdowns"},
      {"Het nieuwe rooster geeft verlichting van de werkdruk", Language::kDutch, "ops_lighting"},
      {"I know how to keep hygiene standards high", Language::kEnglish, "ops_standardisation"},
      {"The hospital wants better care for visitors", Language::kEnglish, "ops_hospitality"},
      {"Etikettering van kinderen in het onderwijs", Language::kDutch, "ops_auto_id"},
      {"Herinneringen ophalen met mensen met dementie", Language::kDutch, "ops_appointment_reminders"},
      {"De beeldvorming over de zorg is negatief", Language::kDutch, "ops_diagnostics_capacity"},
  };
  ExpectNoneFires(cases);
}

}  // namespace
}  // namespace verbinder::matching
