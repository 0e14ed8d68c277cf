// The thesaurus area file data/thesaurus_tech.tsv (technology, data, engineering,
// energy and the built environment): realistic challenges meet the expertise that
// can help, and false friends meet nothing.
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

TEST(ThesaurusArea_tech, ShipsItsConcepts) {
  EXPECT_GE(CountConcepts("tech_"), 50);
}

// Every term of the file, read on its own, finds its concept: a compound the
// splitter breaks apart or a phrase of stop words would silently match nothing.
TEST(ThesaurusArea_tech, EveryTermFindsItsOwnConcept) {
  EXPECT_EQ(TermsMissingTheirConcept("tech_"), std::vector<std::string>{});
}

TEST(ThesaurusArea_tech, ChallengesMeetTheExpertiseThatHelps) {
  const std::vector<AreaPair> pairs = {
      {"The printer queue eats our mornings on the ward", kEn, "tech_printing",
       "Wij leveren managed print services en follow-me printing voor ziekenhuizen", kNl},
      {"Niemand kan de Excel-lijsten nog volgen op de planningsafdeling", kNl, "biz_excel_chaos",
       "I replace home-made Access databases and Excel macros with governed low-code apps", kEn},
      {"Ons gebouw is in de zomer veel te warm", kNl, "tech_summer_overheating",
       "I design external shading and night ventilation for offices and schools", kEn},
      {"We can't get a grid connection for the new hall", kEn, "grid_congestion",
       "Ik ontwerp laadpleinen met slim laden en batterijopslag tegen netcongestie", kNl},
      {"Onze servicedesk krijgt elke maandag honderden tickets over wachtwoorden", kNl, "tech_itsm",
       "I set up self-service password reset and ITIL processes with TOPdesk", kEn},
      {"Onze zorgmedewerkers verliezen elke ochtend tijd omdat de computers zo traag zijn", kNl, "tech_it_outages",
       "I set up monitoring and observability with Grafana so problems are seen before users notice", kEn},
      {"Nieuwe medewerkers hebben de eerste dag nog geen account en geen laptop", kNl, "tech_accounts_joiners",
       "I automate joiners and leavers with identity governance tooling", kEn},
      {"De beamer in de vergaderzaal werkt nooit en hybride vergaderen lukt niet", kNl, "tech_av_rooms",
       "We install audiovisual equipment for hybrid meeting rooms", kEn},
      {"Ons maatwerksysteem is zo oud dat niemand de code nog durft aan te passen", kNl, "tech_tech_debt",
       "I refactor legacy code bases and pay off technical debt", kEn},
      {"Every month it takes us three days to put the management reports together by hand", kEn,
       "tech_report_automation", "Ik bouw geautomatiseerde rapportages in Power BI op een datawarehouse", kNl},
      {"Elke afdeling heeft andere cijfers over hetzelfde aantal cliënten", kNl, "tech_single_truth",
       "I define KPI definitions and a semantic layer so everyone uses the same figures", kEn},
      {"Medewerkers kunnen niets terugvinden in al onze protocollen en handboeken", kNl, "biz_document_management",
       "I build RAG chatbots that answer staff questions from internal documents", kEn},
      {"Ons AI-model voor no-shows blijft steken in de pilotfase", kNl, "tech_mlops",
       "I am an MLOps engineer who brings machine learning models into production", kEn},
      {"Onze laptops draaien nog Windows 10 en updates worden steeds uitgesteld", kNl, "tech_patch_management",
       "We offer vulnerability scanning and a security operations centre as a managed service", kEn},
      {"Our products come back from customers broken after a few months, warranty claims keep rising", kEn,
       "tech_field_failures", "Wij hebben een testlab met klimaatkamers en trillingstesten", kNl},
      {"Onze lasrobot levert wisselende laskwaliteit", kNl, "tech_welding",
       "I run failure analysis and materials testing on broken metal parts", kEn},
      {"Bewoners laden hun scootmobielen en e-bikes op in de gang en we zijn bang voor brand", kNl,
       "tech_battery_safety", "I advise care homes on fire safety, sprinklers and fire compartments", kEn},
      {"Onze omvormer schakelt uit op zonnige dagen", kNl, "tech_power_quality",
       "I measure voltage problems and harmonics for installers and grid operators", kEn},
      {"Leerlingen worden suf omdat er te veel CO2 in de klas is", kNl, "tech_ventilation_systems",
       "I design balanced ventilation with heat recovery for schools", kEn},
      {"Het dak van de sporthal lekt al jaren", kNl, "tech_leaks", "We inspect roofs with drones and thermal cameras",
       kEn},
      {"In de aula is de akoestiek zo slecht dat niemand elkaar verstaat", kNl, "tech_acoustics",
       "I am an acoustic consultant for classrooms, canteens and open-plan offices", kEn},
      {"De liften in onze flat zijn steeds kapot en ouderen komen hun huis niet uit", kNl, "tech_lifts",
       "We modernise lifts and manage maintenance contracts for housing associations", kEn},
      {"There is damp and black mould in the bathrooms of our rented homes", kEn, "tech_moisture",
       "Ik ben bouwfysicus en doe vochtonderzoek naar koudebruggen en condensatie", kNl},
      {"We willen een warmtepomp maar weten niet of ons schoolgebouw geschikt is", kNl, "tech_heat_pumps",
       "I advise on insulation, low-temperature heating and hybrid heat pumps", kEn},
      {"Onze monteurs rijden voor elke kleine storing naar de klant", kNl, "ops_field_service",
       "We connect machines so technicians can do remote diagnostics and fix faults remotely", kEn},
      {"Our website cannot be used with a screen reader by blind users", kEn, "biz_digital_accessibility",
       "Ik doe gebruikersonderzoek en UX-design met klikbare prototypes", kNl},
      {"De monteurs raken het overzicht kwijt over de installaties in onze gebouwen", kNl, "tech_building_services",
       "I create as-built BIM models and maintenance plans for building services", kEn},
      {"Oud-medewerkers hebben nog maanden toegang tot onze systemen", kNl, "tech_accounts_joiners",
       "I implement identity and access management with single sign-on and MFA", kEn},
      {"We want to electrify our vans but don't know where to put the charging points", kEn, "tech_ev_charging",
       "Ik ontwerp slim laden en laadmanagement tegen netcongestie", kNl},
      {"Onze CNC-machines staan vaak stil tussen twee orders", kNl, "tech_machining",
       "I cut changeover times with SMED in metalworking shops", kEn},
      {"De onderdelen van onze oude verpakkingsmachine zijn niet meer leverbaar", kNl, "tech_reverse_engineering",
       "I remake obsolete machine parts with 3D scanning and metal printing", kEn},
      {"In de ene vleugel van de school is het te warm en in de andere te koud", kNl, "tech_heating_controls",
       "I balance heating systems and tune weather compensation curves", kEn},
      {"We want to share patient data with researchers without breaching privacy", kEn, "privacy_security",
       "Ik maak synthetische data en pseudonimiseer gegevens voor onderzoek", kNl},
      {"We raken het overzicht kwijt over alle keuringen van liften en sprinklers in onze panden", kNl,
       "tech_statutory_inspections", "I implement CAFM systems like Planon and keep inspection registers up to date",
       kEn},
      {"Onze ziekenhuisapotheek moet de nieuwe cleanroom laten kwalificeren", kNl, "tech_cleanroom",
       "I validate equipment and processes under GMP", kEn},
      {"De mail van de gemeente komt bij inwoners in de spam terecht", kNl, "tech_email_deliverability",
       "I set up DMARC, SPF and DKIM so newsletters reach the inbox", kEn},
      {"Staff use WhatsApp on their own phones to share patient information", kEn, "tech_byod",
       "Ik voer mobile device management en een beveiligde chatapp in voor zorgteams", kNl},
      {"De koelcellen vallen 's nachts uit en niemand merkt het", kNl, "tech_temperature_monitoring",
       "I install wireless sensors with LoRaWAN that raise temperature alarms", kEn},
      {"Er vallen steeds stenen uit de gevel van ons schoolgebouw", kNl, "tech_facades",
       "I do condition surveys and multi-year maintenance plans for school boards", kEn},
  };
  ExpectAreaPairsMeet(pairs, "tech_", OwnIn::kChallenge);
}

TEST(ThesaurusArea_tech, FalseFriendsMeetNothing) {
  const std::vector<SentenceConcept> cases = {
      {"I give a great elevator pitch for startups", kEn, "tech_lifts"},
      {"We wachten lang op een echo in het ziekenhuis", kNl, "tech_acoustics"},
      {"We are transforming our care model with AI", kEn, "tech_electrical_engineering"},
      {"Wij zijn een stichting met een sterke fundering in de wijk", kNl, "tech_structural"},
      {"De patiënt kreeg een pleister en een patch", kNl, "tech_patch_management"},
      {"Our new strategy for the coming years", kEn, "tech_enterprise_architecture"},
      {"We report tickets for the summer festival", kEn, "tech_itsm"},
      {"Het is een continu proces van verbeteren", kNl, "tech_process_engineering"},
      {"We voorspellen op basis van historische gegevens", kNl, "tech_data_migration"},
      {"She offers remote support to clients living at home", kEn, "tech_remote_service"},
      {"De spanning in het team is te hoog", kNl, "tech_power_quality"},
      {"Ik speel akoestische gitaar op bruiloften", kNl, "tech_acoustics"},
      {"We machined a new approach to volunteering", kEn, "tech_machining"},
      {"Ik ontwerp machines in SolidWorks", kNl, "tech_machining"},
      {"The MEP visited our region last week", kEn, "tech_building_services"},
      {"We wrote an M&E framework for our charity", kEn, "tech_building_services"},
      {"Complaints escalate quickly when nobody answers", kEn, "tech_lifts"},
      {"Ultimo december moeten alle facturen binnen zijn", kNl, "tech_cafm"},
      {"Bij indiensttreding krijgt iedereen een VOG", kNl, "tech_accounts_joiners"},
      {"Investors ask about the scalability of our business model", kEn, "tech_performance_scalability"},
      {"We train neighbourhood connectors to reach lonely residents", kEn, "interoperability"},
      {"Even je accu opladen tijdens de vakantie", kNl, "tech_battery_safety"},
  };
  ExpectNoneFires(cases);
}

}  // namespace
}  // namespace verbinder::matching
