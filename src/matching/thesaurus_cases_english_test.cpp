// Realistic member cases (ALL FIVE SECTORS IN ENGLISH: international staff, researchers, expats and
// English-speaking teams in care, industry, government, education and finance): each challenge meets the
// expertise of a member in another sector who can help, through a concept a person would accept, and above
// a decoy expert of the same field who cannot (data/thesaurus_cases_english.tsv and the files it links into).
#include <gtest/gtest.h>

#include "matching/thesaurus_test_util.h"

namespace verbinder::matching {
namespace {

using thesaurus_test::MatchedIds;
using thesaurus_test::Meet;

struct Case {
  const char* challenge;
  const char* expertise;
  const char* decoy;
  const char* language;  // explanation language: "nl" or "en"
};

TEST(ThesaurusCases_english, ChallengesMeetTheExpertWhoCanHelpAboveADecoy) {
  const Case cases[] = {
      {"Our night nurses keep burning out and by February half the ward is off sick.",
       "As an occupational psychologist I help organisations prevent exhaustion and stress-related absenteeism among "
       "shift workers.",
       "I recruit international nurses for Dutch hospitals and help them with visas and registration.", "en"},
      {"Patients just don't turn up for their outpatient appointments and we lose hours of clinic time every week.",
       "I build SMS reminder flows and overbooking models for service businesses that suffer from no-shows.",
       "I redesign hospital floor plans, waiting areas and outpatient departments.", "en"},
      {"Residents with dementia wander off the unit at night and we only notice hours later.",
       "I build indoor location tracking with RFID tags and geofencing for warehouses and factories.",
       "I run music therapy sessions for people with dementia.", "en"},
      {"We're drowning in paperwork: nurses spend more time typing up notes than with patients.",
       "I help organisations reduce admin load with speech recognition, voice-to-text and smart forms.",
       "I teach nursing students about patient-centred communication.", "en"},
      {"Our GP practice phone lines are jammed every morning at eight and people simply can't get through.",
       "Contact centre consultant: I model call volumes and design callback queues and online triage.",
       "I'm a GP trainer teaching consultation skills to junior doctors.", "en"},
      {"Lots of our clients are lonely; the only person they talk to all week is the nurse who visits.",
       "I coordinate volunteer befriending networks and neighbourhood social clubs for the municipality.",
       "I advise home-care providers on medication safety and dosing errors.", "en"},
      {"Newly qualified nurses quit within their first year; they say they were thrown in at the deep end.",
       "I design onboarding programs and buddy and mentoring schemes so new hires settle in.",
       "I advise hospitals on nurse-to-patient ratios and bed planning.", "en"},
      {"Our packaging line stops all the time and nobody can tell me why until it's too late.",
       "I do vibration analysis and condition monitoring to predict equipment failure before it happens.",
       "I design recyclable packaging for food brands.", "en"},
      {"We can't find welders or CNC operators anymore and our most experienced guys retire within five years.",
       "I set up in-house academies and apprenticeship schemes that capture know-how from senior employees.",
       "I sell CNC machines, tooling and spare parts.", "en"},
      {"Customers complain about scratched parts and our reject rate keeps creeping up.",
       "I teach statistical process control and root-cause analysis to shop-floor teams.",
       "I help manufacturers run customer satisfaction surveys and NPS programmes.", "en"},
      {"Our gas bill has tripled and the furnaces run flat out day and night.",
       "I carry out energy audits and waste-heat recovery studies for industrial sites.",
       "I write safety procedures for working near furnaces and hot surfaces.", "en"},
      {"Our warehouse pickers walk miles every shift and orders still go out late.",
       "I redesign storage layouts and slotting so the fastest-moving items sit closest to dispatch.",
       "I recruit temporary warehouse staff through our agency.", "en"},
      {"Our suppliers in Asia deliver late and we keep having to halt production for missing components.",
       "I help firms diversify sourcing, nearshore their vendors and build buffer strategies.",
       "I handle export documentation and customs clearance for shipments to Asia.", "en"},
      {"Most operators on the floor don't speak Dutch and our work instructions are all text-heavy.",
       "I make visual, picture-based manuals and short video tutorials for multilingual teams.",
       "I write ISO 9001 quality documentation and prepare firms for certification.", "en"},
      {"Nobody reads our letters: residents find them confusing and phone us to ask what they mean.",
       "I rewrite official correspondence in plain language at B1 level and test it with real users.",
       "I digitise paper archives for municipalities.", "en"},
      {"Housing benefit applications pile up and it takes us months to get through them.",
       "I apply lean and process mining to speed up case handling in back offices.",
       "I advise on social housing construction and building permits.", "en"},
      {"Teenagers hang around the square at night and older residents feel unsafe walking home.",
       "Youth worker: I run evening sports and street outreach programmes for young people.",
       "I advise municipalities on energy savings in street lighting.", "en"},
      {"Our council departments work in silos and citizens get sent from one desk to the next.",
       "I help organisations set up a single front office and integrated case management across teams.",
       "I train council members in debating and public speaking.", "en"},
      {"Flooded basements after every cloudburst in the same streets; the sewers simply can't cope.",
       "I'm a hydrologist designing green roofs, rain gardens and water storage for climate adaptation.",
       "I advise on road resurfacing and traffic calming.", "en"},
      {"We have to save 10% next year and the aldermen want to know which tasks we can drop.",
       "I run spending reviews and zero-based budgeting to help organisations prioritise activities.",
       "I coach aldermen and mayors on media appearances.", "en"},
      {"Since the hack at a neighbouring council our IT people are worried we're next.",
       "I do penetration testing and ransomware incident response for SMEs.",
       "I implement Microsoft 365 and Teams for public bodies.", "en"},
      {"Many status holders in our municipality are still out of work years after arriving.",
       "I match refugees to employers and coach them on the job with language-friendly onboarding.",
       "I advise on housing allocation for newcomers.", "en"},
      {"Half my class can't concentrate for more than five minutes; they're glued to their phones.",
       "Behavioral scientist: I study attention, screen time and digital distraction and design interventions.",
       "I teach maths to secondary pupils and write exam training materials.", "en"},
      {"We're losing first-year students in droves; loads of them drop out before Christmas.",
       "I build early-warning analytics on engagement data to flag learners at risk of leaving.",
       "I organise open days and recruitment campaigns for universities.", "en"},
      {"Our teachers spend every evening marking essays and there's no time left for lesson prep.",
       "I introduce AI-assisted grading and feedback tools that cut assessment workload.",
       "I write curriculum materials for history and geography.", "en"},
      {"Parents with a migration background hardly ever show up at parent evenings.",
       "As an intercultural mediator and community interpreter I build bridges between families and institutions.",
       "I run after-school homework clubs in primary schools.", "en"},
      {"Some of our pupils come to school hungry and can't focus in the morning.",
       "I set up breakfast programs and food bank partnerships for low-income households.",
       "I train teachers in classroom management and behaviour.", "en"},
      {"We can't fill vacancies for physics and maths teachers, not even with supply staff.",
       "I help engineers and scientists switch careers into the classroom via side-entry routes.",
       "I write physics textbooks for secondary schools.", "en"},
      {"Our vocational students struggle to land internships, especially those with a non-Dutch surname.",
       "I audit recruitment for bias and train hiring managers in anonymous, discrimination-free selection.",
       "I advise colleges on timetabling software.", "en"},
      {"Bullying in the playground has got worse and kids are afraid to tell us.",
       "I train children as peer mediators and set up anonymous reporting for harassment.",
       "I design school playgrounds and outdoor play equipment.", "en"},
      {"Our clients keep falling behind on their payments and we only find out when it's far too late.",
       "Debt counsellor: I spot money trouble early and help households get their arrears under control.",
       "I advise on mortgage products for first-time buyers.", "en"},
      {"Month-end closing takes us three weeks because everything is copied by hand between spreadsheets.",
       "I automate reconciliations and reporting with RPA and ERP integrations.",
       "I do tax returns for freelancers and small businesses.", "en"},
      {"Our older customers get scammed by fake helpdesk calls and lose their savings.",
       "I run fraud awareness workshops for seniors in community centres and libraries.",
       "I advise banks on interest rate risk and hedging.", "en"},
      {"Our insurance claims team is buried under emails and customers wait weeks for an answer.",
       "I redesign back-office workflows and introduce case triage to speed up handling.",
       "I sell liability and property policies to SMEs.", "en"},
      {"CSRD kicks in for us next year and honestly nobody here knows what to measure.",
       "I help companies set up sustainability reporting, double materiality assessments and emission accounting.",
       "I do payroll administration for mid-sized firms.", "en"},
      {"Our young analysts leave after two years for big tech, and we can't hold on to talent.",
       "I design career paths, stay interviews and employer branding for scarce professionals.",
       "I build financial models for mergers and acquisitions.", "en"},
      {"The regulator keeps asking about our anti-money-laundering checks and the pile of unchecked customer files is "
       "huge.",
       "I set up KYC and client due diligence processes and clear onboarding review queues.",
       "I advise on investment portfolios and asset allocation.", "en"},
      {"Our pension fund members don't understand their annual statement and ignore all our mailings.",
       "I'm a communication researcher testing clear wording, infographics and nudges that help people act.",
       "I manage equity portfolios for institutional investors.", "en"},
  };
  for (const Case& c : cases) {
    Suggestion expert = Meet(c.challenge, c.expertise, c.language);
    Suggestion decoy = Meet(c.challenge, c.decoy, c.language);
    EXPECT_FALSE(expert.matched_concepts.empty()) << c.challenge << " / " << c.expertise;
    EXPECT_GT(expert.score, decoy.score) << c.challenge << ": expert " << MatchedIds(expert) << "decoy "
                                         << MatchedIds(decoy);
  }
}

}  // namespace
}  // namespace verbinder::matching
