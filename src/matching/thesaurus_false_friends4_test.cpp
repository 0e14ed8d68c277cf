// Fourth false-friend sweep, over the law_, env_ and fin_ area files: everyday
// sentences (nl and en, all sectors) that fired one of their concepts for a
// wrong reason, and the precise phrases that replaced the generic terms.
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

// Each sentence fired the concept next to it before this sweep: a phrase that
// shrank to two generic words once stop words dropped ("go to court", "wrong
// people pay", "return their portfolio", "fast and close", "speak about
// culture", "live in Germany", "geluid valt weg", "conflict tussen ouders"),
// a word of another meaning (testament, journal entries, alert triage,
// design review, choice architecture, customer onboarding, medische keuring,
// risicoacceptatie, ict-uitbesteding, de bank = the sofa) or a product or
// trade that is not the problem (office furniture, plastic verpakkingen,
// papier en karton, a financial plan for a sports hall, coffee cups with a
// logo, a traffic model of website visitors, anonymous reports of bullying).
TEST(ThesaurusFalseFriends4, FourthSweepFiresNoWrongConcept) {
  const std::vector<SentenceConcept> cases = {
      {"Our company name is Bakkerij de Vries and we bake bread.", kEn, "law_trade_names"},
      {"I live in Germany and coach football teams.", kEn, "law_cross_border_work"},
      {"Mijn dochter gaat wonen in Duitsland na haar studie.", kNl, "law_cross_border_work"},
      {"Our school has a strict pupil absence policy for holidays.", kEn, "law_sick_leave_rules"},
      {"You can rent a bike for the day in our shop.", kEn, "law_commercial_lease"},
      {"Er zijn fietsen te huur in de winkel aan de haven.", kNl, "law_commercial_lease"},
      {"In palliative care we reduce pain and suffering.", kEn, "law_personal_injury"},
      {"We krijgen een klacht over de behandeling van een aanvraag voor een vergunning.", kNl, "law_care_complaints"},
      {"We handle every complaint about the treatment of customers in our shop.", kEn, "law_care_complaints"},
      {"We get complaints about our customer care in the call centre.", kEn, "law_care_complaints"},
      {"In de jeugdhulp zien we veel conflict tussen ouders na een scheiding.", kNl, "law_education_law"},
      {"The mediator helps with a dispute between parents after a divorce.", kEn, "law_education_law"},
      {"We conduct business in Germany and Belgium.", kEn, "law_financial_supervision"},
      {"Pupils are afraid to speak up in class.", kEn, "law_whistleblowing"},
      {"In our workshops we speak about culture and values.", kEn, "law_whistleblowing"},
      {"We go to the tennis court twice a week.", kEn, "law_court_proceedings"},
      {"The players are going to the court for the final.", kEn, "law_court_proceedings"},
      {"We used a photo of the class in the school newsletter.", kEn, "law_copyright_images"},
      {"De algemene ledenvergadering van de voetbalclub is in maart.", kNl, "law_nonprofit_law"},
      {"We agree on prices with our suppliers every year.", kEn, "law_competition_law"},
      {"The school and the company signed a collaboration agreement for internships.", kEn, "law_ip_agreements"},
      {"Het geluid in ons bedrijf is oorverdovend, dus iedereen draagt gehoorbescherming.", kNl,
       "env_industrial_nuisance"},
      {"The factory noise is so loud that our operators wear ear protection.", kEn, "env_industrial_nuisance"},
      {"The machine in our factory makes a lot of noise during the night shift.", kEn, "env_industrial_nuisance"},
      {"Het geluid valt weg tijdens de videocall.", kNl, "env_traffic_noise"},
      {"Our customers complain about high water bills.", kEn, "env_river_flooding"},
      {"We sell office furniture to companies in the region.", kEn, "env_circular_furniture"},
      {"Wij leveren kantoormeubilair aan bedrijven in de regio.", kNl, "env_circular_furniture"},
      {"Ons bedrijf produceert plastic verpakkingen voor de voedingsindustrie.", kNl, "env_waste_separation"},
      {"Wij drukken op papier en karton voor verpakkingen.", kNl, "env_waste_separation"},
      {"Every pull request gets a design review by a senior developer.", kEn, "env_design_review"},
      {"We want community ownership of the new youth centre.", kEn, "env_local_energy"},
      {"Local ownership of the project by teachers is key.", kEn, "env_local_energy"},
      {"The class made a travel plan for the school trip to Paris.", kEn, "env_employer_mobility"},
      {"We do a financial check-up of every supplier before we sign.", kEn, "fin_financial_checkup"},
      {"I help companies with anti money laundering checks.", kEn, "fin_financial_checkup"},
      {"Chauffeurs moeten elke vijf jaar een medische keuring ondergaan.", kNl, "fin_underwriting"},
      {"Risk acceptance is recorded in our information security management system.", kEn, "fin_underwriting"},
      {"We leggen risicoacceptatie vast in het informatiebeveiligingsbeleid.", kNl, "fin_underwriting"},
      {"We use choice architecture to make the healthy option easy in the canteen.", kEn, "fin_pension_choices"},
      {"Students return their portfolio to the teacher in June.", kEn, "fin_asset_liability"},
      {"Agile teams take active ownership of their backlog.", kEn, "fin_responsible_investing"},
      {"The school exclusion policy was discussed with parents.", kEn, "fin_responsible_investing"},
      {"We zoeken engagement met bedrijven in de wijk voor ons buurtproject.", kNl, "fin_responsible_investing"},
      {"We schreven een financieel plan voor de nieuwe sporthal.", kNl, "fin_financial_planning"},
      {"Our startup needs a financial plan for the investors.", kEn, "fin_financial_planning"},
      {"At Christmas we give gifts to children in the hospital.", kEn, "fin_financial_planning"},
      {"We help companies apply the new sustainability reporting standards.", kEn, "fin_ifrs_reporting"},
      {"We work fast and close to our customers.", kEn, "fin_consolidation"},
      {"Students write journal entries about their internship.", kEn, "fin_reconciliation"},
      {"The two families never reconcile after the conflict.", kEn, "fin_reconciliation"},
      {"The wrong people pay the price for bad planning.", kEn, "fin_payroll"},
      {"De gemeente kiest voor ict-uitbesteding aan een regionale partner.", kNl, "fin_dora"},
      {"Our security operations centre struggles with alert triage at night.", kEn, "fin_aml_alerts"},
      {"The alert backlog in our monitoring tool keeps growing.", kEn, "fin_aml_alerts"},
      {"De servicedesk is druk met alerts afhandelen van de monitoring.", kNl, "fin_aml_alerts"},
      {"Niemand zat op de bank in de wachtkamer.", kNl, "fin_bank_service_contact"},
      {"De bank is weg uit de hal, we hebben nu stoelen.", kNl, "ops_branch_network"},
      {"Our SaaS company wants to improve customer onboarding in the app.", kEn, "fin_onboarding"},
      {"HR uses digital onboarding for new employees.", kEn, "fin_onboarding"},
      {"De HR-afdeling werkt met digitale onboarding voor nieuwe collega's.", kNl, "fin_onboarding"},
      {"This is a testament to the dedication of our nurses.", kEn, "law_estate_planning"},
      {"Teachers do a background check on the sources students use.", kEn, "law_screening_certificates"},
      {"Customers ask for a payment plan for expensive courses.", kEn, "fin_early_warning"},
      {"We moeten geld opnemen in de begroting voor de nieuwe speeltuin.", kNl, "fin_cash_dependence"},
      {"We do noise measurements in the factory to protect hearing.", kEn, "env_traffic_noise"},
      {"We have a legitimate interest in keeping our customers happy.", kEn, "law_data_sharing_permission"},
      {"The hotel runs a shuttle bus to the airport.", kEn, "env_employer_mobility"},
      {"We built a traffic model for our website visitors.", kEn, "env_traffic_engineering"},
      {"Leerlingen kunnen anoniem melden dat ze gepest worden.", kNl, "law_whistleblowing"},
      {"The filing deadline for the grant application is in May.", kEn, "fin_statutory_filing"},
      {"Bij een tegenstrijdig belang verlaat het raadslid de vergadering.", kNl, "law_nonprofit_law"},
      {"De groepsrapportage van de peutergroep wordt met ouders besproken.", kNl, "fin_consolidation"},
      {"Ons acceptatiebeleid voor nieuwe cliënten in de thuiszorg is streng.", kNl, "fin_underwriting"},
      {"Students need a credit record of their courses for the diploma.", kEn, "fin_credit_registration"},
      {"We have a trading app for second-hand clothes.", kEn, "fin_retail_investing"},
      {"We sell coffee cups with our logo printed on them.", kEn, "env_single_use"},
      {"We detect app fraud in our food delivery platform.", kEn, "fin_bank_scams"},
      {"The students made a water table in the science lab.", kEn, "env_drought_groundwater"},
  };
  ExpectNoneFires(cases);
}

// The precise phrases that replaced the generic terms still find their concept.
TEST(ThesaurusFalseFriends4, PreciseTermsStillFire) {
  const std::vector<SentenceConcept> cases = {
      {"Another company is using our name for its web shop.", kEn, "law_trade_names"},
      {"Twee medewerkers wonen in Duitsland en werken deels thuis.", kNl, "law_cross_border_work"},
      {"Several employees live in Belgium and work from home two days a week.", kEn, "law_cross_border_work"},
      {"We need a clear staff absence policy for long-term sickness.", kEn, "law_sick_leave_rules"},
      {"Our landlord wants a rent increase for our shop.", kEn, "law_commercial_lease"},
      {"De verhuurder weigert de huurovereenkomst van de winkel te verlengen.", kNl, "law_commercial_lease"},
      {"The worker claims compensation for pain and suffering after the accident.", kEn, "law_personal_injury"},
      {"De familie heeft een klacht over de medische behandeling van hun vader.", kNl, "law_care_complaints"},
      {"We are in a dispute with parents of a pupil about his suspension.", kEn, "law_education_law"},
      {"The supplier threatened to take legal action against us.", kEn, "law_court_proceedings"},
      {"A competitor suggested we agree on prices together.", kEn, "law_competition_law"},
      {"Ik wil mijn testament laten opstellen bij de notaris.", kNl, "law_estate_planning"},
      {"We do a background check of staff before they work with children.", kEn, "law_screening_certificates"},
      {"De buren klagen over stank en geluid van onze fabriek.", kNl, "env_industrial_nuisance"},
      {"Residents complain about noise nuisance from the factory at night.", kEn, "env_industrial_nuisance"},
      {"Bewoners hebben last van het geluid van de drukke weg.", kNl, "env_traffic_noise"},
      {"The town is preparing for high water levels in the river.", kEn, "env_river_flooding"},
      {"Wij knappen kantoormeubilair op en verkopen het tweedehands.", kNl, "env_circular_furniture"},
      {"Bewoners gooien oud papier en karton bij het restafval.", kNl, "env_waste_separation"},
      {"We wrote a staff travel plan to get more people on bikes.", kEn, "env_employer_mobility"},
      {"Hij moest een medische keuring voor de verzekering en werd afgewezen.", kNl, "fin_underwriting"},
      {"Our pension fund has an investment exclusion policy for tobacco.", kEn, "fin_responsible_investing"},
      {"I make a personal financial plan for people who retire.", kEn, "fin_financial_planning"},
      {"Too many manual journal entries slow down our month-end close.", kEn, "fin_reconciliation"},
      {"Our bank struggles with the AML alert backlog in transaction monitoring.", kEn, "fin_aml_alerts"},
      {"Digital onboarding of customers at our bank takes too long.", kEn, "fin_onboarding"},
      {"We want a faster month-end close for the group.", kEn, "fin_consolidation"},
      {"Ouderen kunnen in het dorp geen contant geld opnemen.", kNl, "fin_cash_dependence"},
      {"We did a legitimate interest assessment before sharing the data.", kEn, "law_data_sharing_permission"},
      {"We run a shuttle bus for staff from the station to the business park.", kEn, "env_employer_mobility"},
      {"The city asked us for a road traffic model of the new junction.", kEn, "env_traffic_engineering"},
      {"Medewerkers kunnen via een meldpunt anoniem misstanden melden.", kNl, "law_whistleblowing"},
      {"Het acceptatiebeleid van de verzekeraar sluit ons bedrijf uit.", kNl, "fin_underwriting"},
      {"The festival wants to get rid of disposable coffee cups.", kEn, "env_single_use"},
      {"Farmers worry about the falling water table in summer.", kEn, "env_drought_groundwater"},
  };
  ExpectEachFires(cases);
}

}  // namespace
}  // namespace verbinder::matching
