// False friends across the whole shipped thesaurus (core + area files):
// everyday sentences members write about themselves must not fire a concept
// that means something else, and the precise phrases that replaced the
// generic terms still find their concept.
#include <gtest/gtest.h>

#include <vector>

#include "matching/text.h"
#include "matching/thesaurus.h"
#include "matching/thesaurus_test_util.h"

namespace verbinder::matching {
namespace {

using thesaurus_test::ExpectEachFires;
using thesaurus_test::ExpectNoneFires;
using thesaurus_test::kEn;
using thesaurus_test::kNl;
using thesaurus_test::SentenceConcept;

// Each sentence once fired the concept next to it through a stem collision
// (important/import, turnover, evenings/evenement), a generic single token
// (stil, verloop, koppeling), a phrase that shrank to generic words once stop
// words dropped (werk met werk, job boards) or a term found inside an
// unrelated Dutch compound (scheepswerven, internationaal, voetbalwedstrijden).
TEST(Thesaurus, EverydaySentencesFireNoWrongConcept) {
  const std::vector<SentenceConcept> cases = {
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
  ExpectNoneFires(cases);
}

// The phrases that replaced the generic terms above keep each concept's meaning.
TEST(Thesaurus, PreciseTermsKeepTheirConcept) {
  const std::vector<SentenceConcept> cases = {
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
  ExpectEachFires(cases);
}

// Second sweep (about 400 everyday challenge and expertise sentences across
// sectors, nl and en, plus single everyday words): relationships one
// "onderhoudt" are no machine maintenance; words that stem like a term of the
// other language or of another word family were found ("store" like
// "storing", Dutch "slot" (lock) like "slots", "inzetten" like
// "inzetbaarheid", "carers" like "career", "conversations" like "conversion",
// "develop" like "developer", "allowed" like "allowances", "image" like
// "imaging", "host" like "hosting", "short" like "shorten"); bare generic
// words (veiligheid, security, begeleiden, behouden, routes, keten, stuck,
// survey, data) were replaced by precise phrases.
TEST(Thesaurus, SecondSweepFiresNoWrongConcept) {
  const std::vector<SentenceConcept> cases = {
      {"Wij onderhouden contact met onze klanten via de telefoon.", kNl, "maintenance"},
      {"Ik help bedrijven relaties te onderhouden met hun klanten.", kNl, "maintenance"},
      {"Ik onderhoud contacten met gemeenten en provincies.", kNl, "maintenance"},
      {"Ik wil mijn netwerk onderhouden en uitbreiden.", kNl, "maintenance"},
      {"Onze website wordt slecht onderhouden.", kNl, "maintenance"},
      {"I own a clothing store in the town centre.", kEn, "maintenance"},
      {"I help retailers with their store layout.", kEn, "maintenance"},
      {"Ik ben verkeerskundige en werk aan veilige fietsroutes.", kNl, "health_at_work"},
      {"We organise festivals and safety requirements are getting stricter.", kEn, "health_at_work"},
      {"Ik ben makelaar en de huizenmarkt staat op slot.", kNl, "capacity_planning"},
      {"I work in security and we do a lot of night shifts.", kEn, "privacy_security"},
      {"Ik werk in de beveiliging en draai veel nachtdiensten.", kNl, "privacy_security"},
      {"We want to secure funding for the new wing.", kEn, "privacy_security"},
      {"Onze sportschool verliest leden aan goedkope ketens.", kNl, "supply_chain"},
      {"De provincie wil het openbaar vervoer op het platteland behouden.", kNl, "staff_turnover"},
      {"De provincie wil het openbaar vervoer op het platteland behouden.", kNl, "ops_punctuality"},
      {"Wij zijn een pensioenfonds en moeten overstappen naar het nieuwe stelsel.", kNl, "reskilling"},
      {"Ik help VvE's met hun meerjarenonderhoudsplan.", kNl, "childcare"},
      {"Onze vacatures voor chauffeurs blijven maanden open staan.", kNl, "route_planning"},
      {"I am a traffic engineer working on safe cycle routes.", kEn, "route_planning"},
      {"Ik begeleid fusies van zorginstellingen.", kNl, "mentoring"},
      {"Ik begeleid mensen met schulden.", kNl, "mentoring"},
      {"I am a physiotherapist treating athletes with injuries.", kEn, "safety_culture"},
      {"We were hit by ransomware.", kEn, "indoor_climate"},
      {"The teacher shortage hits city schools hardest.", kEn, "pub_heat_plan"},
      {"I help manufacturers automate simple tasks with robots.", kEn, "care_technology"},
      {"I own a car repair shop and do inspections.", kEn, "enforcement"},
      {"Welfare applications sit for weeks.", kEn, "selection"},
      {"I develop e-learning for healthcare staff.", kEn, "software_development"},
      {"I work with BIM and help contractors with 3D models.", kEn, "flexible_work"},
      {"The housing market is stuck.", kEn, "bottleneck"},
      {"Our theatre sells fewer subscriptions than before the pandemic.", kEn, "infection_prevention"},
      {"De ouders op onze school zijn moeilijk te bereiken.", kNl, "customer_contact"},
      {"Mantelzorgers raken overbelast en vallen uit.", kNl, "dropout"},
      {"We build offshore wind farms.", kEn, "biz_outsourcing"},
      {"I am an ecologist doing nature surveys.", kEn, "biz_customer_feedback"},
      {"Our nurses leave the profession after a few years.", kEn, "ppl_teacher_retention"},
      {"Wij houden contact met oud-leerlingen via een alumninetwerk.", kNl, "ppl_returning_staff"},
      {"Family carers become overburdened.", kEn, "career_development"},
      {"As in-house counsel I make sure we comply with the law.", kEn, "psychosocial_support"},
      {"I coach managers through difficult conversations.", kEn, "usability"},
      {"I help residents keep the street clean.", kEn, "facility_management"},
      {"Tax returns are due in April.", kEn, "ppl_hidden_workforce"},
      {"Wij willen AI inzetten om klantvragen te beantwoorden.", kNl, "older_workers"},
      {"Wij zijn een pensioenfonds.", kNl, "knowledge_transfer"},
      {"Ik adviseer zorginstellingen over hun vastgoed.", kNl, "building_energy"},
      {"Ik schrijf de rapportage voor de subsidie.", kNl, "data_analytics"},
      {"Pets are not allowed in the building.", kEn, "benefits_allowances"},
      {"We want to improve the image of our town.", kEn, "pub_imaging"},
      {"We host the annual members' dinner.", kEn, "cloud"},
      {"In short, we want to grow.", kEn, "lead_time"},
      {"Price is a key factor for our customers.", kEn, "biz_liquidity_shortage"},
      {"The course has twenty participants.", kEn, "citizen_participation"},
      {"Tourism is an important source of income.", kEn, "supply_chain"},
      {"We save time with a shared calendar.", kEn, "finance_costs"},
      {"We call it a learning community.", kEn, "customer_contact"},
      {"We want to scale our impact.", kEn, "biz_growth_strategy"},
      {"The route to the venue is signposted.", kEn, "route_planning"},
      {"Wij willen zonnepanelen inzetten op onze daken.", kNl, "older_workers"},
      {"Cleaner air in the city centre.", kEn, "facility_management"},
      {"De onderdelen van het programma sluiten goed aan.", kNl, "stock"},
      {"Refugees with a residence permit struggle to find work in our region.", kEn, "ops_contractor_safety"},
  };
  ExpectNoneFires(cases);
}

// The precise phrases of the second sweep still find their concept.
TEST(Thesaurus, SecondSweepPreciseTermsKeepTheirConcept) {
  const std::vector<SentenceConcept> cases = {
      {"Ik help fabrieken met preventief onderhoud en storingsanalyse.", kNl, "maintenance"},
      {"Onze machines hebben veel storingen.", kNl, "maintenance"},
      {"Onze productielijn staat vaak stil door storingen.", kNl, "maintenance"},
      {"Ik ben onderhoudsmonteur in een fabriek.", kNl, "maintenance"},
      {"Ik doe onderhoud aan machines en installaties.", kNl, "maintenance"},
      {"Our production line often stands still because of breakdowns.", kEn, "maintenance"},
      {"I help factories reduce machine breakdowns.", kEn, "maintenance"},
      {"Ik ben eigenaar van een garage en doe APK en onderhoud.", kNl, "ops_vehicle_maintenance"},
      {"Ik adviseer over veiligheid op de werkvloer.", kNl, "health_at_work"},
      {"I advise contractors on workplace safety.", kEn, "health_at_work"},
      {"I help companies secure their network.", kEn, "privacy_security"},
      {"Ik help bedrijven hun netwerk te beveiligen tegen hackers.", kNl, "privacy_security"},
      {"Onze chauffeurs rijden veel kilometers tussen klanten.", kNl, "route_planning"},
      {"Ik coach nieuwe medewerkers en begeleid stagiairs.", kNl, "mentoring"},
      {"Wij willen onze medewerkers behouden.", kNl, "staff_turnover"},
      {"Veel studenten vallen uit in het eerste jaar.", kNl, "dropout"},
      {"Too many accidents at work in our warehouse.", kEn, "safety_culture"},
      {"Ik maak managementrapportages en werk met data-analyse.", kNl, "data_analytics"},
      {"I am a career coach for people over fifty.", kEn, "career_development"},
      {"Onze klantenservice is telefonisch slecht bereikbaar.", kNl, "customer_contact"},
      {"Wij willen ons vastgoed verduurzamen.", kNl, "building_energy"},
      {"De bussen komen te laat en het openbaar vervoer is onbetrouwbaar.", kNl, "ops_punctuality"},
      {"I help people with career advice.", kEn, "career_development"},
      {"We are looking for developers.", kEn, "software_development"},
      {"I work in IT security.", kEn, "privacy_security"},
      {"We want better participation of residents.", kEn, "citizen_participation"},
      {"I help organisations use data to make decisions.", kEn, "data_analytics"},
      {"Our packaging must become more sustainable.", kEn, "packaging"},
      {"Wij werken aan de inzetbaarheid van oudere medewerkers.", kNl, "older_workers"},
      {"We use a permit-to-work system for contractors on site.", kEn, "ops_contractor_safety"},
  };
  ExpectEachFires(cases);
}

// Round 7, reported by the area writers and fixed by the lead: each sentence
// once fired the concept next to it (a bare phrase, a term of another sense,
// a stem collision); the precise phrase or the right concept fires instead.
TEST(Thesaurus, ThirdRoundFalseFriendsAndWhatFiresInstead) {
  const std::vector<SentenceConcept> not_fired = {
      {"Niemand kan iets vinden in onze mappen.", kNl, "staff_shortage"},
      {"Students cannot find a room in this city.", kEn, "staff_shortage"},
      {"The working climate in our team is good.", kEn, "sustainability"},
      {"Het werkklimaat op de afdeling is slecht.", kNl, "sustainability"},
      {"We buy our utilities centrally.", kEn, "utilisation"},
      {"We use constraint-based scheduling.", kEn, "bottleneck"},
      {"De poli zit elke ochtend vol.", kNl, "biz_insurance_cover"},
      {"We support vulnerable people in the neighbourhood.", kEn, "cyber_resilience"},
      {"Chauffeurs overschrijden hun rijtijden.", kNl, "biz_budgeting"},
      {"Mr Timmerman is our director.", kEn, "ppl_construction_workforce"},
      {"We cater to young families.", kEn, "facility_management"},
      {"At closing time the shop is empty.", kEn, "pub_nightlife"},
      {"Groene zorg op de boerderij.", kNl, "care_green_healthcare"},
      {"Ons ticketsysteem voor IT-storingen loopt vol.", kNl, "trd_ticketing"},
      {"I coach companies on healthy rostering.", kEn, "trd_transport_operator"},
      {"We collect bulky waste from households.", kEn, "lean"},
      {"Account managers at our firm visit every client.", kEn, "financial_control"},
      {"Ik ben tolk Arabisch in de zorg.", kNl, "care_cultural_sensitivity"},
  };
  const std::vector<SentenceConcept> fired = {
      {"Ik ben tolk Arabisch in de zorg.", kNl, "interpreting"},
      {"The working climate in our team is good.", kEn, "team_development"},
      {"Climate change hits our farms.", kEn, "sustainability"},
      {"Better utilization of our beds.", kEn, "utilisation"},
      {"We cannot find enough nurses.", kEn, "staff_shortage"},
      {"We vinden niemand voor de vacature.", kNl, "staff_shortage"},
      {"Onze polissen zijn onduidelijk.", kNl, "biz_insurance_cover"},
      {"We run the catering for two hospitals.", kEn, "facility_management"},
      {"Groene zorg op de boerderij.", kNl, "pub_care_farms"},
      {"We eliminate waste in our processes.", kEn, "lean"},
      {"Our accounting firm closes the books.", kEn, "financial_control"},
      {"How do we plan shifts with fewer staff?", kEn, "staff_scheduling"},
  };
  ExpectNoneFires(not_fired);
  ExpectEachFires(fired);
}

}  // namespace
}  // namespace verbinder::matching
