// The thesaurus area file data/thesaurus_fin.tsv (banking, insurance, pensions,
// asset management, accounting and audit, payroll, tax, financial inclusion,
// fintech, regulatory reporting): every term finds its own concept, realistic
// challenges meet the expertise that can help, and false friends do not fire.
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

TEST(ThesaurusArea_fin, ShipsItsConcepts) {
  EXPECT_GE(CountConcepts("fin_"), 40);
}

TEST(ThesaurusArea_fin, EveryTermFindsItsOwnConcept) {
  EXPECT_EQ(TermsMissingTheirConcept("fin_"), std::vector<std::string>{});
}

TEST(ThesaurusArea_fin, EverydayProblemsMeetTheMethodsThatSolveThem) {
  const std::vector<AreaPair> pairs = {
      {"Onze deelnemers snappen hun pensioen niet en bellen massaal", kNl, "fin_pension_communication",
       "I write plain language pension letters and design pension statements", kEn},
      {"Hoe maken we onze pensioenbrieven begrijpelijk voor mensen met lage geletterdheid?", kNl,
       "fin_pension_communication", "I rewrite government letters in plain language at B1 level", kEn},
      {"Deelnemers kiezen bijna nooit voor een bedrag ineens, terwijl dat soms beter is", kNl, "fin_pension_choices",
       "I apply behavioural economics and nudging to help people make better choices", kEn},
      {"Wij moeten invaren in het nieuwe pensioenstelsel en weten niet hoe we deelnemers meenemen", kNl,
       "fin_pension_transition", "I advise pension funds on the transition to a solidarity contribution scheme", kEn},
      {"De bank wil ons geen krediet geven voor de nieuwe machine", kNl, "fin_sme_lending",
       "I help small firms get business loans and use the credit guarantee scheme", kEn},
      {"Our claims pile up after every storm and customers wait for months", kEn, "fin_claims_surge",
       "Ik bouw wachtrijmodellen en plan capaciteit bij pieken in de vraag", kNl},
      {"Older customers can't use the banking app and keep visiting our branch", kEn, "fin_banking_app_access",
       "Ik geef cursussen digitale vaardigheden voor ouderen in de bibliotheek", kNl},
      {"De gemeente wil inwoners met schulden eerder in beeld krijgen", kNl, "fin_early_warning",
       "I built an early warning model that predicts arrears for a bank's retail customers", kEn},
      {"Our bank keeps asking for documents about our foundation's board and then closed our account", kEn,
       "fin_kyc_practice", "Ik ben specialist klantonderzoek en Wwft bij een bank", kNl},
      {"Ouderen in ons dorp worden opgelicht door nepbankmedewerkers aan de telefoon", kNl, "fin_bank_scams",
       "I train bank staff to spot financial abuse of older people", kEn},
      {"Onze klanten willen contant betalen maar de geldautomaat in het dorp is weg", kNl, "fin_cash_dependence",
       "I work on access to cash and shared ATMs for a payments association", kEn},
      {"De accountant vindt elk jaar weer verschillen in onze intercompany-afstemming", kNl, "fin_consolidation",
       "I am a group controller and specialise in IFRS consolidation", kEn},
      {"Wij moeten per kwartaal rapportages aan DNB aanleveren en dat is veel handwerk", kNl,
       "fin_regulatory_reporting", "I automate supervisory reporting with XBRL and data lineage", kEn},
      {"Onze salarisverwerking gaat elke maand mis, medewerkers krijgen te weinig uitbetaald", kNl, "fin_payroll",
       "I implement payroll software and help HR with payslips", kEn},
      {"We krijgen steeds meer verdachte schadeclaims na inbraken", kNl, "fin_claims_fraud",
       "I build fraud detection models for insurance claims", kEn},
      {"Onze verzekeraar wil ons bedrijf niet meer verzekeren vanwege brandrisico", kNl, "fin_underwriting",
       "I am a risk engineer and do loss prevention surveys for industrial clients", kEn},
      {"Huurders kunnen de verduurzaming van hun woning niet betalen", kNl, "fin_green_home_finance",
       "I run a green mortgage and energy efficiency loan programme at a bank", kEn},
      {"We hebben geen accountant kunnen vinden voor de controle van onze jaarrekening", kNl, "fin_auditor_shortage",
       "Ik ben registeraccountant en controleer jaarrekeningen van stichtingen", kNl},
      {"Veel ondernemers weten niet of ze btw-plichtig zijn", kNl, "fin_vat_practice",
       "I am a tax adviser for small businesses and VAT specialist", kEn},
      {"Onze transactiemonitoring geeft duizenden alerts die bijna allemaal vals-positief zijn", kNl, "fin_aml_alerts",
       "I use machine learning to reduce false positive alerts in AML", kEn},
      {"Het kost ons weken om de cijfers aan te laten sluiten bij de maandafsluiting", kNl, "fin_reconciliation",
       "I help finance teams automate bank reconciliations", kEn},
      {"Als pensioenfonds willen we duurzaam beleggen maar ook rendement maken", kNl, "fin_responsible_investing",
       "I lead shareholder engagement and proxy voting for institutional investors", kEn},
      {"Onze dekkingsgraad schommelt sterk door de rente", kNl, "fin_asset_liability",
       "I do ALM studies and design interest rate hedging for pension funds", kEn},
      {"Wij willen mensen zonder bankrekening helpen, bijvoorbeeld daklozen en statushouders", kNl,
       "fin_financial_inclusion", "I work on financial inclusion and basic bank accounts", kEn},
      {"Klanten bereiken de bank niet meer en hangen lang in de wacht", kNl, "fin_bank_service_contact",
       "I manage a customer contact centre and reduce waiting times on the phone", kEn},
      {"Our credit losses are higher than our models predicted", kEn, "fin_credit_risk_models",
       "I validate credit risk models and challenger models for a bank", kEn},
      {"Onze gemeentelijke jaarrekening krijgt geen goedkeurende verklaring vanwege rechtmatigheid", kNl,
       "fin_public_accounting", "I audit municipal accounts and advise on the legality statement", kEn},
      {"Als startende ondernemer krijg ik geen hypotheek", kNl, "fin_mortgage_advice",
       "Ik ben onafhankelijk hypotheekadviseur voor zzp'ers", kNl},
      {"Na het overlijden van een klant weten nabestaanden niet hoe ze de bankzaken moeten regelen", kNl,
       "fin_bereavement_banking", "I set up a bereavement service for a bank", kEn},
      {"We willen weten wat we aan premie moeten vragen voor een nieuwe fietsverzekering", kNl, "fin_actuarial_pricing",
       "I am an actuary building GLM pricing models for non-life insurance", kEn},
      {"Onze cliënten hebben geen buffer en raken bij elke tegenvaller in de schulden", kNl, "fin_savings_buffer",
       "I design savings programmes that help low-income households build an emergency fund", kEn},
      {"Door een BKR-registratie krijgt hij geen hypotheek", kNl, "fin_credit_registration",
       "Ik ben schuldhulpverlener en begeleid mensen na de schuldsanering", kNl},
      {"Many of our tenants have no contents insurance and lose everything after a fire", kEn,
       "fin_uninsured_households", "Ik werk bij een verzekeraar aan financiële inclusie", kNl},
      {"Onze leden twijfelen of ze via een beleggingsapp moeten gaan beleggen", kNl, "fin_retail_investing",
       "I teach financial literacy and money management to young adults", kEn},
      {"Since the branch closed, older residents have to travel to withdraw cash", kEn, "fin_cash_dependence",
       "Wij plaatsen gedeelde geldautomaten en servicepunten voor contant geld", kNl},
      {"Small shops in our town can't get credit from banks anymore", kEn, "fin_sme_lending",
       "Ik help ondernemers aan microkrediet en borgstellingskrediet", kNl},
      {"We want to detect payment problems among our tenants earlier", kEn, "fin_early_warning",
       "Ik werk bij een bank op bijzonder beheer en maak betalingsregelingen", kNl},
      {"Onze salarisadministratie maakt fouten bij het verwerken van de nieuwe cao", kNl, "fin_payroll",
       "I run a payroll bureau for small and medium-sized firms", kEn},
      {"Wij moeten voldoen aan DORA en weten niet waar te beginnen", kNl, "fin_dora",
       "I help financial firms manage ICT third-party risk and outsourcing", kEn},
      {"Onze schadebehandelaars kunnen de hoeveelheid meldingen na de hagelbui niet aan", kNl, "fin_claims_surge",
       "I automate claims processing with straight-through processing", kEn},
      {"Mijn inkomen als zzp'er wisselt per maand, daardoor krijg ik geen hypotheek", kNl, "fin_income_volatility",
       "I am a mortgage adviser for freelancers and the self-employed", kEn},
      {"Our pension fund worries about longevity risk and new mortality tables", kEn, "fin_longevity_risk",
       "Ik ben actuaris en doe ALM-studies voor pensioenfondsen", kNl},
      {"Veel schoonmakers bouwen geen pensioen op omdat hun werkgever geen pensioenregeling heeft", kNl,
       "fin_pension_coverage", "I advise government on auto-enrolment for pensions", kEn},
      {"Jongeren hebben te veel geleend voor een auto", kNl, "fin_responsible_lending",
       "Ik ben schuldhulpverlener en werk aan vroegsignalering van schulden", kNl},
      {"Wij willen met elke nieuwe cliënt een financiële APK doen", kNl, "fin_financial_checkup",
       "I am a financial coach and help households get their paperwork in order", kEn},
  };
  ExpectAreaPairsMeet(pairs, "fin_", OwnIn::kEither);
}

TEST(ThesaurusArea_fin, FalseFriendsDoNotFireThisFile) {
  const std::vector<SentenceConcept> cases = {
      {"Our stores no longer accept cash and some elderly customers complain", kEn, "fin_underwriting"},
      {"We willen weten wat we aan premie moeten vragen voor een nieuwe fietsverzekering", kNl, "fin_protection_gap"},
      {"Spoofing of email senders is a security risk", kEn, "fin_bank_scams"},
      {"Het schip gaat de haven invaren", kNl, "fin_pension_transition"},
      {"Mijn opa kreeg een volmacht van de notaris", kNl, "fin_banking_app_access"},
      {"We moeten onze eigen rekening openen bij de leverancier", kNl, "fin_onboarding"},
      {"De cijfers sluiten niet aan bij de werkelijkheid van de zorg", kNl, "fin_reconciliation"},
      {"We use data stewardship and data lineage in our hospital", kEn, "fin_responsible_investing"},
      {"The pipeline has an executor for background jobs", kEn, "fin_bereavement_banking"},
      {"We had a surge in customer complaints after the storm", kEn, "fin_claims_surge"},
      {"Ik betaal de huur via mijn bankrekening", kNl, "fin_financial_inclusion"},
      {"Wij geven technische voorzieningen aan huis zoals een traplift", kNl, "fin_actuarial_pricing"},
      {"Our app sends alerts to nurses and causes alert fatigue", kEn, "fin_aml_alerts"},
      {"Mijn collega Dora regelt de planning", kNl, "fin_dora"},
      {"Our members' fund is managed by a board of trustees", kEn, "fin_fund_governance"},
      {"We gaan de dekkingsgraad van glasvezel in de wijk vergroten", kNl, "fin_asset_liability"},
      {"Onze jaarafsluiting op school is in juni met een feest", kNl, "fin_consolidation"},
      {"We sell home insurance and car insurance", kEn, "fin_uninsured_households"},
      {"We expect unexpected expenses in the project budget", kEn, "fin_savings_buffer"},
      {"We need a credit report for the new supplier", kEn, "fin_credit_registration"},
      {"The teacher can't get a loan of the book from the library", kEn, "fin_sme_lending"},
      {"We can't get credit for our work in the press", kEn, "fin_sme_lending"},
      {"De levensverwachting in onze wijk is zeven jaar lager dan elders", kNl, "fin_longevity_risk"},
      {"We hebben een achtervang geregeld voor de kinderopvang", kNl, "fin_sector_guarantees"},
      {"Our interns count the stock in the warehouse", kEn, "fin_reconciliation"},
      {"Op de kaart zijn nog witte vlekken zonder glasvezel", kNl, "fin_pension_coverage"},
      {"An app that connects to bank accounts for budgeting", kEn, "fin_banking_app_access"},
  };
  ExpectNoneFires(cases);
}

}  // namespace
}  // namespace verbinder::matching
