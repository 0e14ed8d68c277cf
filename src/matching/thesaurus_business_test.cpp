// The thesaurus area file data/thesaurus_business.tsv: realistic challenges
// meet the expertise that can help, and false friends meet nothing.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "matching/text.h"
#include "matching/thesaurus.h"
#include "matching/thesaurus_test_util.h"

namespace verbinder::matching {
namespace {

using thesaurus_test::CountConcepts;
using thesaurus_test::ExpectNoneFires;
using thesaurus_test::HasConcept;
using thesaurus_test::kEn;
using thesaurus_test::kNl;
using thesaurus_test::SentenceConcept;

TEST(ThesaurusArea_business, ShipsItsConcepts) {
  EXPECT_GE(CountConcepts("biz_"), 100);
}

struct Meeting {
  const char* challenge;
  Language challenge_lang;
  const char* challenge_concept;  // must be found in the challenge
  const char* expertise;
  Language expertise_lang;
  const char* expertise_concept;  // must be found in the expertise
};

// Everyday problem phrasings (any sector) against the way an expert names the
// method; the two sides share no word, only a concept link.
const Meeting kMeetings[] = {
    {"Veel klanten betalen hun facturen te laat", kNl, "biz_late_payment",
     "Ik help mkb-bedrijven met debiteurenbeheer en credit management", kNl, "cash_flow"},
    {"We hebben geen overzicht in onze cijfers, pas bij de jaarrekening zien we hoe het ging", kNl,
     "biz_no_financial_insight", "Ik bouw dashboards in Power BI", kNl, "biz_bi_dashboards"},
    {"Ons stroomnet zit vol en de netbeheerder zegt dat we jaren moeten wachten", kNl, "grid_congestion",
     "Ik adviseer bedrijven over energiemanagementsystemen, batterijopslag en cable pooling", kNl,
     "biz_energy_flexibility"},
    {"Vorig jaar zijn we gehackt en lagen alle systemen een week plat", kNl, "biz_cyber_incident",
     "Ik doe phishingsimulaties en awarenesstrainingen voor medewerkers", kNl, "biz_security_awareness"},
    {"Niemand vindt onze website, we staan nergens in Google", kNl, "biz_online_visibility",
     "Ik ben SEO-specialist en doe zoekwoordenonderzoek", kNl, "biz_seo"},
    {"Onze energierekening is verdubbeld", kNl, "biz_energy_procurement", "Ik doe energiescans voor bedrijfspanden",
     kNl, "biz_energy_audit"},
    {"We schrijven in op aanbestedingen maar verliezen ze steeds op kwaliteit", kNl, "biz_bid_management",
     "Ik ben aanbestedingsjurist, gespecialiseerd in gunningscriteria en EMVI", kNl, "procurement_law"},
    {"Als gemeente krijgen we op onze aanbesteding voor jeugdhulp te weinig inschrijvers", kNl, "biz_tender_design",
     "Ik help zorgaanbieders om tenders te winnen", kNl, "biz_bid_management"},
    {"Klanten vragen ons om CO2-cijfers en we hebben geen idee hoe we dat aanpakken", kNl, "biz_esg_reporting",
     "Ik help bedrijven met de CO2-prestatieladder en hun reductieplan", kNl, "biz_co2_reduction"},
    {"Onze marges staan onder druk, we durven de prijzen niet te verhogen", kNl, "biz_loss_making",
     "Ik help ondernemers met prijsstrategie en het doorberekenen van prijsverhogingen", kNl, "biz_pricing"},
    {"We werken met losse Excel-lijstjes en moeten alles dubbel invoeren", kNl, "biz_excel_chaos",
     "Ik koppel systemen via API's", kNl, "interoperability"},
    {"Onze jeugdzorgtarieven zijn niet kostendekkend", kNl, "biz_pricing",
     "Ik maak kostprijsmodellen en activity-based costing voor productiebedrijven", kNl, "biz_activity_costing"},
    {"We krijgen steeds meer slechte reviews op Google", kNl, "biz_reviews",
     "Ik doe webcare en social media voor retailers", kNl, "biz_social_media_marketing"},
    {"De klantenservice is slecht bereikbaar en de mailbox loopt over", kNl, "biz_service_channels",
     "Ik bouw AI-chatbots voor klantenservices", kNl, "generative_ai"},
    {"We hebben een nieuw ERP-systeem ingevoerd maar niemand gebruikt het", kNl, "biz_tech_adoption",
     "Ik begeleid verandermanagement bij digitale transformaties", kNl, "change_management"},
    {"Ik weet niet of we goed beschermd zijn als een klant ons aansprakelijk stelt", kNl, "biz_liability_claims",
     "Ik ben verzekeringsadviseur voor bedrijven", kNl, "biz_insurance_cover"},
    {"We gooien veel materiaal weg en de afvalkosten stijgen", kNl, "biz_waste_reduction",
     "Ik ben lean-coach en help bedrijven verspilling te verminderen", kNl, "lean"},
    {"Ons bedrijf draait verlies en de bank wil niet meer financieren", kNl, "biz_loss_making",
     "Ik ben turnaround-manager bij bedrijven in zwaar weer", kNl, "biz_turnaround"},
    {"We hebben veel data maar sturen op onderbuikgevoel", kNl, "biz_unused_data", "Ik bouw dashboards in Power BI",
     kNl, "biz_bi_dashboards"},
    {"Ik wil mijn bedrijf over vijf jaar verkopen maar weet niet wat het waard is", kNl, "biz_valuation",
     "Ik begeleid bedrijfsopvolging in familiebedrijven", kNl, "mergers"},
    {"Ik wil exporteren naar Duitsland maar weet niet hoe ik een distributeur vind", kNl, "biz_export_markets",
     "Ik organiseer handelsmissies en beursdeelnames", kNl, "biz_trade_fairs"},
    {"Our customers pay late and we keep chasing unpaid invoices", kEn, "biz_late_payment",
     "I run a debt collection agency", kEn, "biz_debt_collection"},
    {"Phishing emails keep getting through and staff click on links", kEn, "biz_security_awareness",
     "I am a CISO and help companies get ISO 27001 certified", kEn, "cyber_resilience"},
    {"Our energy bill doubled this year", kEn, "biz_energy_procurement",
     "I negotiate power purchase agreements and hedge energy prices", kEn, "price_risk"},
    {"Customers are leaving for cheaper competitors", kEn, "biz_customer_retention", "I build churn prediction models",
     kEn, "predictive_analytics"},
    {"The grid is full, we cannot get a bigger grid connection", kEn, "grid_congestion",
     "I install rooftop solar with batteries and smart charging", kEn, "biz_solar_roof"},
    {"We need to raise capital for our next growth phase", kEn, "biz_funding_investors",
     "I coach founders on their investor pitch", kEn, "biz_pitching"},
    {"Nobody uses the new CRM system", kEn, "biz_tech_adoption", "I train office staff in digital skills", kEn,
     "biz_digital_skills"},
    {"We want to apply AI in our back office but don't know where to start", kEn, "biz_ai_adoption",
     "I am a data scientist building machine learning models", kEn, "predictive_analytics"},
    // Care, culture, sport and education problems meet business methods.
    {"Onze huisartsenpraktijk krijgt declaraties steeds afgewezen door de zorgverzekeraar", kNl, "biz_care_billing",
     "Ik automatiseer administratieve processen met RPA", kNl, "automation"},
    {"Onze sportvereniging verliest leden", kNl, "biz_membership",
     "Ik help organisaties met klantbehoud en loyaliteitsprogramma's", kNl, "biz_customer_retention"},
    {"Het theater krijgt de zaal niet meer vol", kNl, "biz_visitor_marketing",
     "Ik ben marketeer en maak marketingplannen", kNl, "biz_marketing_plan"},
    {"Wij kunnen niets terugvinden in onze gedeelde schijf", kNl, "biz_document_management",
     "Ik richt SharePoint en Microsoft Teams in voor organisaties", kNl, "biz_collaboration_tools"},
    {"Als praktijkhouder doe ik alles zelf", kNl, "biz_owner_overload", "Ik ben interim-manager", kNl,
     "biz_interim_management"},
    {"We want to compare our costs with other hospitals", kEn, "biz_benchmarking",
     "I build KPI dashboards and balanced scorecards", kEn, "biz_okr"},
    {"Als zorginstelling hebben we geen zicht op de kosten per cliënt", kNl, "biz_activity_costing",
     "Ik maak managementrapportages voor directies", kNl, "biz_management_reporting"},
    {"Een klant eist zijn geld terug en beroept zich op de garantievoorwaarden", kNl, "biz_consumer_law",
     "Ik ben bedrijfsjurist en stel algemene voorwaarden op", kNl, "biz_contracts"},
    {"Klanten vinden ons te duur", kNl, "biz_price_objections", "Ik geef salestrainingen", kNl, "biz_sales_process"},
    {"We zijn afhankelijk van één grote klant", kNl, "biz_customer_concentration",
     "Ik help bedrijven met nieuwe verdienmodellen", kNl, "biz_business_model"},
    {"In de winter is het stil en in de zomer komen we handen tekort", kNl, "biz_seasonality",
     "Ik zet flexpools op voor piekmomenten", kNl, "flexible_work"},
    {"Our club is losing members and sponsors", kEn, "biz_membership",
     "I help charities with fundraising and donor campaigns", kEn, "biz_fundraising"},
    {"Our app crashes all the time", kEn, "biz_software_quality", "I am a test automation engineer", kEn,
     "software_development"},
    {"We need a letter of credit for a customer in Asia", kEn, "biz_export_finance",
     "I help companies with market entry abroad", kEn, "biz_export_markets"},
    {"Onze pilot met beeldzorg was een succes, maar de subsidie loopt af en er is geen structurele financiering", kNl,
     "biz_structural_funding", "Ik help maatschappelijke organisaties met impact investeren en social impact bonds",
     kNl, "biz_impact_investing"},
    {"Als eigenaar van een installatiebedrijf mis ik iemand om mee te sparren", kNl, "biz_advisory_board",
     "Ik ben ondernemerscoach en begeleid mkb-eigenaren", kNl, "biz_business_coaching"},
    {"Steeds meer zzp'ers in onze gemeente hebben schulden", kNl, "biz_entrepreneurs_in_distress",
     "Ik ben turnaround-specialist en help bedrijven in zwaar weer", kNl, "biz_turnaround"},
    {"Op ons platteland is het internet zo traag dat we niet kunnen videobellen", kNl, "biz_connectivity",
     "Ik ben ICT-beheerder voor kleine bedrijven", kNl, "biz_it_management"},
    {"Hoe krijg ik mijn medewerkers mee in duurzaamheid?", kNl, "biz_green_teams",
     "Ik schrijf duurzaamheidsstrategieën voor mkb-bedrijven", kNl, "biz_sustainability_strategy"},
    {"Our website is only in Dutch and we want to sell in the French market", kEn, "biz_export_markets",
     "I translate and localise websites", kEn, "interpreting"},
    {"Patiënten klagen over onvriendelijk personeel aan de balie", kNl, "biz_hospitality_service",
     "Ik ontwerp klantreizen en service blueprints", kNl, "biz_service_design"},
    {"Een leverancier bood onze inkoper een dure relatiegeschenk aan", kNl, "biz_anti_corruption",
     "Ik richt compliance-programma's en integriteitsbeleid in", kNl, "integrity"},
};

TEST(ThesaurusArea_business, ChallengesMeetTheExpertiseThatCanHelp) {
  const Thesaurus& t = Thesaurus::Default();
  TextAnalyzer analyzer;
  for (const Meeting& m : kMeetings) {
    TextAnalysis c = analyzer.Analyze(m.challenge, m.challenge_lang);
    TextAnalysis e = analyzer.Analyze(m.expertise, m.expertise_lang);
    EXPECT_TRUE(HasConcept(c, m.challenge_concept)) << m.challenge << " -> " << m.challenge_concept;
    EXPECT_TRUE(HasConcept(e, m.expertise_concept)) << m.expertise << " -> " << m.expertise_concept;
    int ck = t.FindConcept(m.challenge_concept);
    int ek = t.FindConcept(m.expertise_concept);
    ASSERT_GE(ck, 0) << m.challenge_concept;
    ASSERT_GE(ek, 0) << m.expertise_concept;
    EXPECT_NE(t.Relation(ck, ek), ConceptRelation::kNone) << m.challenge_concept << " / " << m.expertise_concept;
    // The two texts share no concept directly: the link does the work.
    EXPECT_NE(ck, ek);
  }
}

TEST(ThesaurusArea_business, FalseFriendsFireNothingOfOurs) {
  const std::vector<SentenceConcept> kFriends = {
      {"De brand in de keuken was snel geblust", kNl, "biz_branding"},
      {"Leerlingen halen lage cijfers voor rekenen", kNl, "biz_no_financial_insight"},
      {"Door gehoorverlies kan hij het gesprek niet volgen", kNl, "biz_loss_making"},
      {"We merken dat bewoners zich eenzaam voelen", kNl, "biz_branding"},
      {"De patiënt heeft een virus opgelopen op de afdeling", kNl, "biz_cyber_incident"},
      {"Starters komen niet aan een woning", kNl, "biz_starting_business"},
      {"The pitch at our football club is waterlogged", kEn, "biz_pitching"},
      {"De prognose van de patiënt is slecht", kNl, "biz_budgeting"},
      {"De adoptie van een kind duurt lang", kNl, "biz_tech_adoption"},
      {"Personalised care plans for every patient", kEn, "biz_personalisation"},
      {"De huurprijs van sociale huurwoningen stijgt", kNl, "biz_premises"},
      {"The emergency exit was blocked", kEn, "biz_valuation"},
      {"We organiseren een brainstorm met de ouderraad", kNl, "biz_innovation_culture"},
      {"Our nurses spend too much time on paperwork", kEn, "biz_cost_control"},
      {"The hotel lobby is busy on Friday evenings", kEn, "biz_stakeholder_management"},
      {"The seasonal flu hit our care home hard", kEn, "biz_seasonality"},
      {"We walked through the nature reserve", kEn, "biz_reserves"},
      {"De duur van de behandeling is zes weken", kNl, "biz_price_objections"},
      {"We hebben een klankbordgroep met ouders opgericht", kNl, "biz_advisory_board"},
      {"De adviesraad sociaal domein geeft advies aan het college", kNl, "biz_advisory_board"},
      {"Onze ambassadeurs voor dementie bezoeken scholen", kNl, "biz_export_markets"},
      {"Veel buitenlandse studenten zoeken een kamer", kNl, "biz_export_markets"},
      {"De lancering van het nieuwe beleid is uitgesteld", kNl, "biz_product_launch"},
      {"Ouders delen foto's in de WhatsApp-groep van de klas", kNl, "biz_service_channels"},
      {"Our volunteers organise a market in the village every month", kEn, "biz_marketing_plan"},
      {"The teacher presented the results to the class", kEn, "biz_pitching"},
      {"Onze stad is gastvrij voor nieuwkomers", kNl, "biz_hospitality_service"},
      {"Het medisch hulpmiddel van mijn moeder is kapot", kNl, "biz_medtech_regulation"},
  };
  ExpectNoneFires(kFriends);
}

}  // namespace
}  // namespace verbinder::matching
