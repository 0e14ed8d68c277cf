// The thesaurus area file data/thesaurus_people.tsv: realistic challenges
// meet the expertise that can help, and false friends meet nothing.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "matching/text.h"
#include "matching/thesaurus.h"
#include "matching/thesaurus_test_util.h"

namespace verbinder::matching {
namespace {

using thesaurus_test::AnyRelated;
using thesaurus_test::ConceptIds;
using thesaurus_test::CountConcepts;
using thesaurus_test::HasConcept;
using thesaurus_test::kEn;
using thesaurus_test::kNl;

bool IsOwn(int k) {
  return Thesaurus::Default().concepts()[k].id.rfind("ppl_", 0) == 0;
}

TEST(ThesaurusArea_people, ShipsItsConcepts) {
  EXPECT_GE(CountConcepts("ppl_"), 100);
}

TEST(ThesaurusArea_people, EveryConceptIsLabelledAndLinked) {
  for (const Concept& c : Thesaurus::Default().concepts()) {
    if (c.id.rfind("ppl_", 0) != 0) continue;
    EXPECT_FALSE(c.label_en.empty()) << c.id;
    EXPECT_FALSE(c.label_nl.empty()) << c.id;
    EXPECT_GE(c.terms.size(), 6u) << c.id;
    EXPECT_FALSE(c.related.empty() && c.broader.empty()) << c.id << " is an island";
  }
}

struct Pair {
  const char* challenge;
  Language challenge_language;
  const char* expertise;
  Language expertise_language;
};

TEST(ThesaurusArea_people, ChallengesMeetTheExpertiseThatHelps) {
  const Pair kPairs[] = {
      {"Onze vacatures voor monteurs staan al maanden open, er komen geen sollicitanten.", kNl,
       "Ik help werkgevers met een wervingsstrategie en employer branding, van vacaturetekst tot social recruiting.",
       kNl},
      {"Our vacancies for care assistants stay open for months and nobody applies.", kEn,
       "Ik ben recruiter en adviseer over wervingskanalen en kandidaatbeleving.", kNl},
      {"Nieuwe medewerkers in ons distributiecentrum zijn na een paar maanden weer weg.", kNl,
       "I design onboarding programmes and buddy systems that keep new hires in their first year.", kEn},
      {"In onze thuiszorg lopen goede mensen de deur uit naar de concurrent.", kNl,
       "Ik voer exitgesprekken en blijfgesprekken en analyseer vertrekredenen.", kNl},
      {"We lose experienced welders to competitors who pay more.", kEn,
       "Ik adviseer over beloningsbeleid, loongebouw en secundaire arbeidsvoorwaarden.", kNl},
      {"Het verzuim op onze productieafdeling is hoog en er is veel kort verzuim.", kNl,
       "Als arbeidsdeskundige begeleid ik re-integratietrajecten en verzuimaanpak volgens de Wet verbetering "
       "poortwachter.",
       kNl},
      {"Onze docenten lopen op hun tandvlees door nakijkwerk en grote klassen.", kNl,
       "I help schools reduce teacher workload with smarter assessment and planning time.", kEn},
      {"Staff in our call centre suffer from stress and several are off with burn-out.", kEn,
       "Ik ben bedrijfsmaatschappelijk werker en coach medewerkers met stressklachten en psychisch verzuim.", kNl},
      {"Bij ons op kantoor durft niemand fouten te melden, er heerst een afrekencultuur.", kNl,
       "I work on psychological safety and speak-up culture in teams.", kEn},
      {"De afdelingen verkoop en productie werken langs elkaar heen.", kNl,
       "Ik verbeter de samenwerking tussen afdelingen en doorbreek silo's.", kNl},
      {"The shop floor hears about changes last; information does not reach the operators.", kEn,
       "Ik ben adviseur interne communicatie en richt dagstarts en een medewerkersapp in.", kNl},
      {"Medewerkers hebben weerstand tegen het nieuwe planningssysteem en gebruiken het niet.", kNl,
       "Change management consultant: ADKAR, change agents and key users to drive user adoption.", kEn},
      {"Onze teamleiders zijn goede vakmensen maar hebben nooit leren leidinggeven.", kNl,
       "I run leadership training for first-line managers.", kEn},
      {"Onze oudere monteurs gaan de komende jaren met pensioen en hun kennis zit in hun hoofd.", kNl,
       "I set up mentoring, knowledge capture and succession planning for retiring experts.", kEn},
      {"We hebben stagiairs nodig maar vinden geen mbo-studenten voor BBL-plekken.", kNl,
       "Ik koppel leerbedrijven en roc's voor werkend leren en leerwerktrajecten.", kNl},
      {"In de zorg willen veel medewerkers kleine contracten, terwijl we uren tekort komen.", kNl,
       "I advise employers on unlocking untapped labour potential, e.g. part-timers working more hours.", kEn},
      {"Wij werken veel met uitzendkrachten en de kosten van inhuur lopen op.", kNl,
       "Ik help organisaties een eigen flexpool op te zetten met invallers.", kNl},
      {"Our nurses complain that the roster is published too late and they cannot swap shifts.", kEn,
       "Ik implementeer zelfroosteren en roostersoftware met roosterwensen.", kNl},
      {"Leerlingen in klas 3 zijn ongemotiveerd en spijbelen steeds vaker.", kNl,
       "I coach pupils on self-regulation, study skills and student engagement.", kEn},
      {"Veel nieuwkomers in onze klassen hebben een taalachterstand.", kNl,
       "Ik ben specialist NT2 en nieuwkomersonderwijs in de internationale schakelklas.", kNl},
      {"Several children in my class have dyslexia and fall behind in reading.", kEn,
       "Remedial teacher en specialist leesproblemen en dyslexie.", kNl},
      {"Onze leraren hebben geen grip op de klas; er is veel onrust.", kNl,
       "I train teachers in classroom management and positive behaviour support.", kEn},
      {"Veel startende leraren verlaten na twee jaar het onderwijs.", kNl,
       "I coach beginning teachers in their induction programme.", kEn},
      {"Our workforce is almost entirely male and we want more women in technical roles.", kEn,
       "Ik adviseer over diversiteit en inclusie, genderbalans en inclusief werven.", kNl},
      {"We willen mensen met een arbeidsbeperking aannemen maar weten niet hoe.", kNl,
       "Jobcoach; ik adviseer over jobcarving en werkplekaanpassingen.", kNl},
      {"Onze vereniging vindt geen nieuwe vrijwilligers en het bestand vergrijst.", kNl,
       "Volunteer management: recruiting and retaining younger volunteers through episodic volunteering.", kEn},
      {"Er is onduidelijk wie wat doet sinds we met zelfsturende teams werken.", kNl,
       "Organisational design: roles and responsibilities, RACI and team structures.", kEn},
      {"Het opleidingsbudget blijft liggen, niemand volgt trainingen.", kNl,
       "Learning and development advisor: training needs analysis, learning culture and personal development budgets.",
       kEn},
      {"Na een training vallen medewerkers terug in oude gewoonten.", kNl,
       "I measure training effectiveness with Kirkpatrick and help transfer of learning to the workplace.", kEn},
      {"Veel van onze medewerkers hebben moeite met de computer sinds alles digitaal gaat.", kNl,
       "I teach digital skills and AI literacy to staff.", kEn},
      {"In ons magazijn werken veel Poolse arbeidsmigranten die geen Nederlands spreken.", kNl,
       "Taalcoach voor werkplekgericht taalonderwijs en taal op de werkvloer.", kNl},
      {"Our drivers are exhausted and we worry about fatigue on long routes.", kEn,
       "Ik adviseer transportbedrijven over vermoeidheidsmanagement en rij- en rusttijden.", kNl},
      {"Sommige medewerkers hebben geldzorgen en er komen loonbeslagen binnen.", kNl,
       "I run financial wellbeing programmes for employers.", kEn},
      {"Onze verpleegkundigen kunnen in onze stad geen betaalbare woning vinden.", kNl,
       "Housing association manager working on key worker housing.", kEn},
      {"Our supermarket depends on students with side jobs who leave after their exams.", kEn,
       "Ik adviseer retailers over personeelsbehoud en flexibele contracten voor bijbaners.", kNl},
      {"We weten niet hoeveel personeel we over vijf jaar nodig hebben.", kNl,
       "Strategic workforce planning and people analytics consultant.", kEn},
      {"Jongeren kiezen niet voor techniek en ons imago van het vak is slecht.", kNl,
       "Ik organiseer gastlessen en bedrijfsbezoeken om jongeren enthousiast te maken voor techniek.", kNl},
      {"Parents at our primary school are angry and demanding in every conversation.", kEn,
       "Ik train leerkrachten in oudergesprekken en educatief partnerschap.", kNl},
      {"Veel van onze medewerkers zijn mantelzorger en melden zich ziek.", kNl,
       "I help employers become carer-friendly for working carers.", kEn},
      {"Young people without a diploma drop out of training and end up unemployed.", kEn,
       "Ik begeleid jongeren zonder startkwalificatie via entreeopleiding naar werk.", kNl},
      {"Onze verpleegkundigen hebben te veel taken en lopen achter de feiten aan.", kNl,
       "Lean coach: ik haal verspilling uit processen zodat teams tijd overhouden.", kNl},
      {"We vinden geen personeel voor het inpakken van orders.", kNl,
       "I automate repetitive tasks with robots and cobots.", kEn},
      {"Our staff are afraid to report mistakes.", kEn,
       "Ik begeleid ziekenhuizen bij veiligheidscultuur en leren van incidenten.", kNl},
      {"Chauffeurs zijn oververmoeid door onregelmatige diensten.", kNl,
       "I build rostering software that respects rest periods.", kEn},
      {"Nobody uses the new patient portal we built for staff.", kEn, "Ik doe gebruikersonderzoek en usability-tests.",
       kNl},
      {"De werkdruk bij docenten is enorm door nakijkwerk.", kNl,
       "I build AI tools for teachers that help with marking and feedback.", kEn},
      {"Leerlingen zijn ongemotiveerd en haken af.", kNl,
       "I design gamified learning platforms that boost student engagement.", kEn},
      {"Veel leraren zijn ziek en er zijn geen invallers.", kNl, "I run a regional pool of substitute teachers.", kEn},
      {"Our warehouse relies on temp agency workers from Poland who barely speak English.", kEn,
       "Ik geef taallessen op de werkvloer aan arbeidsmigranten.", kNl},
      {"Jonge medewerkers vertrekken omdat ze geen woning kunnen vinden.", kNl,
       "Housing developer building homes for key workers.", kEn},
      {"Our teachers feel overwhelmed by ChatGPT and students cheating.", kEn,
       "Ik help scholen met AI in de klas en toetsing in tijden van AI.", kNl},
      {"Bij de gemeente gaan de komende jaren veel ervaren ambtenaren met pensioen.", kNl,
       "I help organisations capture tacit knowledge before experts retire.", kEn},
      {"Employees in our factory are anxious about the reorganisation.", kEn,
       "Ik adviseer over verandermanagement en communicatie bij reorganisaties.", kNl},
      {"Onze vrijwilligers stoppen en er komen geen jongeren bij.", kNl,
       "I help associations recruit younger volunteers with short, flexible tasks.", kEn},
  };
  TextAnalyzer a;
  for (const Pair& p : kPairs) {
    TextAnalysis c = a.Analyze(p.challenge, p.challenge_language);
    TextAnalysis e = a.Analyze(p.expertise, p.expertise_language);
    EXPECT_TRUE(AnyRelated(c, e, "ppl_")) << p.challenge << "\n  challenge: " << ConceptIds(c) << "\n  " << p.expertise
                                          << "\n  expertise: " << ConceptIds(e);
  }
}

TEST(ThesaurusArea_people, EverydayProblemPhrasingsFindTheirConcept) {
  TextAnalyzer a;
  EXPECT_TRUE(HasConcept(a.Analyze("We vinden geen personeel voor de avonddiensten", kNl), "ppl_unfilled_vacancies"));
  EXPECT_TRUE(HasConcept(a.Analyze("Our vacancies stay open and nobody applies", kEn), "ppl_unfilled_vacancies"));
  EXPECT_TRUE(HasConcept(a.Analyze("Goede mensen vertrekken naar de concurrent", kNl), "staff_turnover"));
  EXPECT_TRUE(HasConcept(a.Analyze("Nieuwe collega's zijn binnen een jaar weer weg", kNl), "ppl_early_leavers"));
  EXPECT_TRUE(HasConcept(a.Analyze("Onze mensen lopen op hun tandvlees", kNl), "wellbeing"));
  EXPECT_TRUE(HasConcept(a.Analyze("Bij ons durft niemand een fout toe te geven", kNl), "ppl_speak_up_culture"));
  EXPECT_TRUE(HasConcept(a.Analyze("Sales en productie werken langs elkaar heen", kNl), "ppl_interdepartmental"));
  EXPECT_TRUE(
      HasConcept(a.Analyze("We bieden flexibele werktijden en een vierdaagse werkweek", kNl), "ppl_flexible_hours"));
  EXPECT_TRUE(HasConcept(a.Analyze("We bieden flexibele werktijden en een vierdaagse werkweek", kNl), "ppl_part_time"));
  EXPECT_TRUE(HasConcept(a.Analyze("Op de eerste werkdag is er nog geen laptop", kNl), "ppl_preboarding"));
  EXPECT_TRUE(HasConcept(a.Analyze("Er zijn steeds meer lessen die uitvallen: lesuitval", kNl), "teacher_shortage"));
  EXPECT_TRUE(HasConcept(a.Analyze("Children with dyslexia fall behind in reading", kEn), "ppl_learning_difficulties"));
  EXPECT_TRUE(
      HasConcept(a.Analyze("Onze vereniging heeft een tekort aan vrijwilligers", kNl), "ppl_volunteer_management"));
}

TEST(ThesaurusArea_people, FalseFriendsMeetNoPeopleConcept) {
  // Words that look like HR words but are about something else: a network
  // operator, sinking ground, customer loyalty, a GP referral, stopping a
  // treatment, operating a machine, neighbours, paying suppliers, particulate
  // concentration, future generations, crypto staking, cost of ownership,
  // striking a balance, property valuation, benefit agencies, broadcasting.
  const std::pair<const char*, Language> kTexts[] = {
      {"Ik ben operator van een warmtenet in de regio.", kNl},
      {"De grond zakt weg door de lange droogte.", kNl},
      {"Wij ontwikkelen klantloyaliteitsprogramma's voor supermarkten.", kNl},
      {"The GP referral to the hospital takes weeks.", kEn},
      {"We staken de behandeling na overleg met de familie.", kNl},
      {"De bediening van de nieuwe machine is lastig.", kNl},
      {"Bewoners kennen elkaar niet meer in de wijk.", kNl},
      {"We pay our suppliers within thirty days.", kEn},
      {"De concentratie fijnstof rond de school is hoog.", kNl},
      {"Toekomstige generaties betalen de rekening van de klimaatcrisis.", kNl},
      {"Crypto staking rewards attract young investors.", kEn},
      {"We calculate the total cost of ownership of our machines.", kEn},
      {"Our team needs to strike a balance between speed and quality.", kEn},
      {"De waardering van ons vastgoed is gedaald.", kNl},
      {"De uitvoerders van de Participatiewet zijn overbelast.", kNl},
      {"Jong en oud komen samen in het buurthuis.", kNl},
      {"Het uitzenden van onze tv-programma's kost veel.", kNl},
      {"Remedial actions after the audit are overdue.", kEn},
      {"Onze MRI-scanner staat vaak stil tussen twee patiënten.", kNl},
      {"Our warehouse keeps running out of spare parts.", kEn},
  };
  TextAnalyzer a;
  for (const auto& [text, language] : kTexts) {
    TextAnalysis t = a.Analyze(text, language);
    EXPECT_TRUE(std::none_of(t.concepts.begin(), t.concepts.end(), IsOwn)) << text << "\n  " << ConceptIds(t);
  }
}

}  // namespace
}  // namespace verbinder::matching
