// The thesaurus area file data/thesaurus_law.tsv (employment law, contracts,
// liability, GDPR practice, procurement, administrative, environmental, care and
// education law, financial supervision, whistleblowing, disputes, debt law, IP and
// company law for SMEs): every term finds its concept, everyday legal problems meet
// the experts who can help, and false friends do not fire this file's concepts.
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

TEST(ThesaurusArea_law, ShipsItsConcepts) {
  EXPECT_GE(CountConcepts("law_"), 30);
}

TEST(ThesaurusArea_law, EveryTermFindsItsOwnConcept) {
  EXPECT_EQ(TermsMissingTheirConcept("law_"), std::vector<std::string>{});
}

TEST(ThesaurusArea_law, EverydayLegalProblemsMeetTheExpertsWhoHelp) {
  const std::vector<AreaPair> pairs = {
      {"Een medewerker dreigt met een advocaat omdat hij zijn contract niet verlengd krijgt", kNl,
       "law_employee_dispute", "I am an employment lawyer advising SMEs on dismissal and contracts", kEn},
      {"Wij huren veel zzp'ers in en weten niet of dat nog mag", kNl, "law_false_self_employment",
       "I advise organisations on worker classification and false self-employment", kEn},
      {"Onze zieke medewerker werkt niet mee aan zijn re-integratie", kNl, "law_sick_leave_rules",
       "I am an occupational physician and help employers with the gatekeeper rules", kEn},
      {"We got a fine from the labour inspectorate for underpayment of seasonal workers", kEn,
       "law_labour_law_compliance", "Ik adviseer werkgevers over cao-naleving en de Wet arbeidsmarkt in balans", kNl},
      {"Our landlord wants a huge rent increase for our shop", kEn, "law_commercial_lease",
       "Ik ben advocaat huurrecht en help ondernemers bij conflicten over bedrijfshuur", kNl},
      {"Er is een mail met cliëntgegevens naar de verkeerde persoon gestuurd", kNl, "law_data_breach_response",
       "I help organisations set up a data breach procedure and privacy incident response", kEn},
      {"Mogen we gegevens delen met de wijkagent en de huisarts?", kNl, "law_data_sharing_permission",
       "I am a privacy lawyer specialised in data protection law for municipalities", kEn},
      {"We lost the tender and think the award decision is wrong", kEn, "law_tender_disputes",
       "Ik ben aanbestedingsjurist en help inschrijvers bij een kort geding over de gunning", kNl},
      {"Onze gemeente krijgt steeds meer bezwaren tegen besluiten over bijstand", kNl, "law_administrative_lawyer",
       "I am an administrative lawyer and chair objection hearings", kEn},
      {"We moeten onze subsidie terugbetalen omdat we de voorwaarden niet haalden", kNl, "law_subsidy_law",
       "I help organisations with grant compliance and state aid rules", kEn},
      {"De buren maken bezwaar tegen de uitbreiding van onze stal", kNl, "law_environmental_law",
       "I am an environmental lawyer working on permits and enforcement requests", kEn},
      {"De familie van een cliënt heeft een klacht ingediend over de zorg", kNl, "law_care_complaints",
       "I advise care providers on health care law, the Wkkgz and disciplinary cases", kEn},
      {"Ouders dreigen met een advocaat omdat we hun zoon hebben geschorst", kNl, "law_education_law",
       "I am an education lawyer and mediate between schools and parents", kEn},
      {"Students keep appealing against their grades", kEn, "law_exam_appeals",
       "Ik ben secretaris van het college van beroep voor de examens", kNl},
      {"Wij willen een vergunning van de AFM aanvragen voor ons fintechplatform", kNl, "law_financial_supervision",
       "I advise payment institutions on financial regulation and DNB supervision", kEn},
      {"Medewerkers durven misstanden niet te melden", kNl, "law_whistleblowing",
       "I set up whistleblower policies and speak-up lines for companies", kEn},
      {"We have a dispute with a customer and don't want to go to court", kEn, "law_mediation_adr",
       "Ik ben mediator en arbiter in zakelijke geschillen", kNl},
      {"We hebben een dagvaarding ontvangen van een oud-klant", kNl, "law_court_proceedings",
       "I am a litigator and handle commercial disputes", kEn},
      {"Our clients are buried in debt and bailiffs keep knocking", kEn, "law_debt_relief_law",
       "Ik help mensen met schulden via een minnelijk traject en de WSNP", kNl},
      {"We got a copyright claim for a photo we used on our website", kEn, "law_copyright_images",
       "Ik adviseer ondernemers over auteursrecht, beeldrecht en licenties", kNl},
      {"Een concurrent gebruikt onze bedrijfsnaam", kNl, "law_trade_names", "I am a trademark attorney", kEn},
      {"Microsoft announced a licence audit of our company", kEn, "law_software_licensing",
       "Wij doen software asset management en licentiebeheer", kNl},
      {"Ik heb ruzie met mijn compagnon en hij wil eruit", kNl, "law_partner_dispute",
       "I mediate shareholder disputes and design buy-out arrangements", kEn},
      {"Onze vereniging moet de statuten aanpassen aan de Wbtr", kNl, "law_nonprofit_law",
       "I advise boards of associations and foundations on governance", kEn},
      {"Ik wil mijn winkel als franchiseformule uitbreiden", kNl, "law_franchise_distribution",
       "I draft franchise agreements and distribution agreements", kEn},
      {"Our supplier won't honour the contract", kEn, "law_court_proceedings",
       "Ik stel ingebrekestellingen op en procedeer bij wanprestatie", kNl},
      {"We weten niet of we familie het medisch dossier mogen laten inzien", kNl, "law_patient_records",
       "I am a health lawyer advising hospitals on the WGBO", kEn},
      {"Our organisation needs a compliance culture and a compliance training programme", kEn,
       "law_compliance_programme", "Ik ben compliance officer en richt compliancefuncties in", kNl},
      {"A worker fell from scaffolding and now claims damages from us", kEn, "law_personal_injury",
       "Ik ben letselschadeadvocaat", kNl},
      {"We don't know if we are allowed to share client data with the youth care team", kEn,
       "law_data_sharing_permission", "Ik ben privacyjurist en stel convenanten voor gegevensuitwisseling op", kNl},
      {"Een sollicitant beschuldigt ons van discriminatie en stapt naar het College voor de Rechten van de Mens", kNl,
       "law_equal_treatment", "I advise employers on equal treatment law and discrimination claims", kEn},
      {"We want to hire a software engineer from India but need a work visa", kEn, "law_immigration",
       "Ik ben immigratieadvocaat en help werkgevers erkend referent te worden", kNl},
      {"A competitor suggested we agree on prices together", kEn, "law_competition_law",
       "Ik ben advocaat mededingingsrecht", kNl},
      {"Onze grootste klant is failliet en we hebben nog veel openstaande facturen", kNl, "law_customer_insolvency",
       "I am an insolvency lawyer and help creditors with retention of title", kEn},
      {"Een huurder betaalt al maanden niet en weigert te vertrekken", kNl, "law_residential_tenancy",
       "I help housing associations prevent evictions", kEn},
      {"Who owns the results when we do a project with the university?", kEn, "law_ip_agreements",
       "Ik stel consortiumovereenkomsten en IP-afspraken op voor kennisinstellingen", kNl},
      {"Er wordt steeds ingebroken en de politie doet niets met onze aangifte", kNl, "law_criminal_reporting",
       "I am a criminal lawyer", kEn},
      {"Ik wil mijn bedrijf overdragen aan mijn kinderen en mijn testament regelen", kNl, "law_estate_planning",
       "I am a notary specialised in business succession and estate planning", kEn},
      {"De OR wil instemmingsrecht op het nieuwe rooster", kNl, "law_employment_law",
       "I am an employment lawyer and advise works councils", kEn},
      {"Er is een medische fout gemaakt en de familie eist een schadevergoeding van het ziekenhuis", kNl,
       "law_medical_liability", "I defend hospitals in medical malpractice claims", kEn},
      {"Customers pay late and we wonder whether we may charge statutory interest", kEn, "law_collection_rules",
       "Ik ben incassospecialist en werk volgens de Wet incassokosten", kNl},
      {"Is our webshop compliant with the rules for distance selling?", kEn, "law_ecommerce_rules",
       "Ik schrijf algemene voorwaarden voor webshops en adviseer over consumentenrecht", kNl},
      {"De Reclame Code Commissie heeft onze reclame misleidend genoemd", kNl, "law_advertising_law",
       "I advise brands on advertising law and influencer rules", kEn},
      {"Onze aannemer maakt het werk niet af en wil meer geld voor meerwerk", kNl, "law_construction_disputes",
       "I am a construction lawyer", kEn},
      {"De verpachter wil de pacht opzeggen", kNl, "law_agricultural_lease",
       "I advise tenant farmers and landowners on agricultural tenancy", kEn},
      {"All our volunteers who work with children need a certificate of conduct", kEn, "law_screening_certificates",
       "Ik help sportclubs met de VOG-plicht en screening van vrijwilligers", kNl},
      {"Onze medewerkers wonen in Duitsland en werken deels thuis", kNl, "law_cross_border_work",
       "I advise employers on social security for cross-border workers and A1 certificates", kEn},
      {"Door het nieuwe bestemmingsplan daalt de waarde van ons huis, kunnen we de gemeente aansprakelijk stellen?",
       kNl, "law_planning_damages", "I help homeowners with planning compensation claims", kEn},
  };
  ExpectAreaPairsMeet(pairs, "law_", OwnIn::kEither);
}

TEST(ThesaurusArea_law, FalseFriendsDoNotFireThisFile) {
  const std::vector<SentenceConcept> cases = {
      {"The arbitration of the football match was poor", kEn, "law_mediation_adr"},
      {"De arbitrage bij de wedstrijd was slecht en de arbiter floot te vroeg", kNl, "law_mediation_adr"},
      {"The speaker will speak up for the climate at the event", kEn, "law_whistleblowing"},
      {"De afm van het kozijn is te groot", kNl, "law_financial_supervision"},
      {"We measure surfaces with AFM microscopy in our lab", kEn, "law_financial_supervision"},
      {"We track the four DORA metrics for our software teams", kEn, "law_financial_supervision"},
      {"Ons team heeft een oer-Hollands karakter", kNl, "law_exam_appeals"},
      {"We transport dangerous goods under ADR rules", kEn, "law_mediation_adr"},
      {"Onze zienswijze op goed onderwijs staat in het schoolplan", kNl, "law_environmental_law"},
      {"Wij schikken bloemen voor bruiloften", kNl, "law_mediation_adr"},
      {"We hebben een zorgvuldige dossieropbouw in de jeugdzorg", kNl, "law_employment_law"},
      {"De vrijwilligers maken een probleemanalyse van de wijk", kNl, "law_sick_leave_rules"},
      {"Our court is full of plants and a fountain", kEn, "law_court_proceedings"},
      {"Ouders hebben een klacht ingediend over het huiswerk", kNl, "law_care_complaints"},
      {"We zoeken een nieuwe huurder voor het kantoor", kNl, "law_commercial_lease"},
      {"The moratorium on new buildings in the village continues", kEn, "law_debt_relief_law"},
      {"The curator of the museum designed a new exhibition", kEn, "law_customer_insolvency"},
      {"De curator van het museum maakt een nieuwe tentoonstelling", kNl, "law_customer_insolvency"},
      {"Inheritance of traits in plants is studied in our lab", kEn, "law_estate_planning"},
      {"We filed our tax return and VAT return on time", kEn, "law_criminal_reporting"},
      {"De belastingaangifte en btw-aangifte zijn op tijd ingediend", kNl, "law_criminal_reporting"},
      {"I run a visa bureau for events", kEn, "law_false_self_employment"},
      {"Ik ben DSA-docent en geef les", kNl, "law_ecommerce_rules"},
      {"The vetting of the new tools by IT took weeks", kEn, "law_screening_certificates"},
      {"Wij hebben een inboedelverzekering voor het kantoor", kNl, "law_customer_insolvency"},
      {"De ontruimingsoefening met de BHV ging goed", kNl, "law_residential_tenancy"},
      {"Het drugskartel ronselt jongeren in de wijk", kNl, "law_competition_law"},
      {"Jan is een waardevolle toevoeging aan ons team", kNl, "legal_aid"},
      {"We share our data dashboards with all teams", kEn, "law_data_sharing_permission"},
      {"The software runs every job through a task executor", kEn, "law_estate_planning"},
  };
  ExpectNoneFires(cases);
}

}  // namespace
}  // namespace verbinder::matching
