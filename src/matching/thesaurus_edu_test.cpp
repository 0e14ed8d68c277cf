// The thesaurus area file data/thesaurus_edu.tsv (education, youth and
// learning): everyday problems of teachers, trainers, school leaders and
// employers meet the education methods that help, and false friends meet nothing.
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

TEST(ThesaurusArea_edu, ShipsItsConcepts) {
  EXPECT_GE(CountConcepts("edu_"), 50);
}

TEST(ThesaurusArea_edu, EverydayProblemsMeetTheMethodsThatSolveThem) {
  const std::vector<AreaPair> pairs = {
      {"Leerlingen zitten de hele les achter hun scherm en de helft levert het huiswerk niet in", kNl,
       "edu_digital_distraction", "Ik train docenten in klassenmanagement en positieve gedragsaanpak", kNl},
      {"Half the class doesn't hand in homework", kEn, "edu_homework",
       "Ik help scholen met formatief handelen: leerdoelen, succescriteria en exit tickets", kNl},
      {"We moeten in korte tijd veel nieuwe operators opleiden voor de nieuwe productielijn", kNl,
       "edu_time_to_competence", "Ik ontwerp microlearning en korte leermodules voor de werkvloer", kNl},
      {"Our factory must train new operators fast, it takes months before they work on their own", kEn,
       "edu_time_to_competence", "Onderwijskundige, ik ontwerp leertrajecten volgens 4C/ID", kNl},
      {"Het inwerken van nieuwe verpleegkundigen kost ons veel tijd", kNl, "edu_time_to_competence",
       "I design blended learning programmes with short online modules", kEn},
      {"Studenten lezen de feedback niet en maken steeds dezelfde fouten", kNl, "edu_learning_feedback",
       "I help teachers with formative assessment and feedforward", kEn},
      {"De examencommissie twijfelt aan de kwaliteit van onze toetsen", kNl, "edu_test_quality",
       "Ik ben toetsdeskundige en doe itemanalyses en toetsconstructie", kNl},
      {"In mijn klas zijn de niveauverschillen enorm", kNl, "edu_mixed_ability",
       "I coach teachers on differentiation and adaptive learning platforms", kEn},
      {"Onze verplichte e-learnings worden door medewerkers weggeklikt zonder iets te leren", kNl,
       "edu_elearning_completion", "I am an instructional designer and make microlearning and serious games", kEn},
      {"Bij groepsopdrachten doet één student al het werk en de rest lift mee", kNl, "edu_group_work",
       "Ik ontwerp peer assessment en samenwerkend leren in het hoger onderwijs", kNl},
      {"Veel van onze vakmensen hebben jaren ervaring maar geen diploma", kNl, "edu_prior_learning",
       "Ik begeleid EVC-trajecten en praktijkverklaringen voor volwassenen", kNl},
      {"In our online lessons everyone has their cameras off", kEn, "edu_online_engagement",
       "Ik ben trainer en facilitator van interactieve workshops met liberating structures", kNl},
      {"Leerlingen kunnen zich niet concentreren en vergeten de stof meteen", kNl, "edu_concentration",
       "I teach teachers about cognitive load theory and retrieval practice", kEn},
      {"Onze trainingen beklijven niet: na een week weten mensen het niet meer", kNl, "ppl_learning_transfer",
       "Spaced repetition and retrieval practice for corporate training", kEn},
      {"Schoolverlaters van het mbo sluiten niet aan op de praktijk in onze werkplaats", kNl, "edu_job_readiness",
       "Ik werk als hybride docent: twee dagen in de techniek en drie dagen voor de klas", kNl},
      {"Wij willen studenten van de hogeschool laten werken aan een echt vraagstuk van ons bedrijf", kNl,
       "edu_real_world_assignments", "I lead a research group on applied research with SMEs", kEn},
      {"Onze basisschool heeft een dalend leerlingenaantal en moet misschien fuseren", kNl, "edu_declining_rolls",
       "Ik maak leerlingenprognoses en plan schoolgebouwen voor gemeenten", kNl},
      {"Ouders kunnen de ouderbijdrage en het schoolreisje niet betalen", kNl, "edu_school_costs",
       "I run a child poverty programme for low-income families", kEn},
      {"Our nurses need to practise emergencies before they face them on the ward", kEn, "edu_simulation_training",
       "Ik werk met trainingsacteurs en rollenspellen voor de-escalatie", kNl},
      {"Eerstejaars voelen zich geen onderdeel van de opleiding en haken af", kNl, "edu_belonging",
       "I lead a peer mentoring programme for first-year students", kEn},
      {"Our apprentices drop out in the first months", kEn, "edu_internship_dropout",
       "Ik leid werkbegeleiders en praktijkopleiders op in het begeleiden van leerlingen", kNl},
      {"Veel studenten werken naast hun studie en lopen studievertraging op", kNl, "edu_study_progress",
       "I build learning analytics dashboards to spot students at risk of dropping out", kEn},
      {"Our pupils have no relationship with their teachers and the class is unruly", kEn,
       "edu_teacher_pupil_relationship", "Ik geef kanjertraining en werk aan een positief pedagogisch klimaat", kNl},
      {"Langdurig zieke kinderen missen veel lessen", kNl, "edu_ill_pupils",
       "We zetten telepresence robots en afstandsonderwijs in", kNl},
      {"Students skip lectures and the lecture halls are empty", kEn, "edu_lecture_attendance",
       "Ik ontwerp activerend onderwijs en flipped classroom in het hoger onderwijs", kNl},
      {"We hebben geen leesouders meer en de bibliotheek op school staat leeg", kNl, "edu_school_volunteers",
       "I coordinate volunteers for a reading programme in primary schools", kEn},
      {"Onze opleidingsadviseurs weten niet of trainingen effect hebben", kNl, "edu_learning_development",
       "Ik meet het rendement van opleidingen met het Kirkpatrick-model", kNl},
      {"Mijn wiskundelessen zijn saai en veel leerlingen hebben rekenangst", kNl, "edu_maths_teaching",
       "Ik geef bijles en examentraining in wiskunde", kNl},
      {"We vinden geen chauffeurs en leiden zelf mensen op voor hun C-rijbewijs en code 95", kNl,
       "edu_driver_operator_certificates", "Ik help bedrijven met competentiemanagement en certificaten bijhouden",
       kNl},
      {"We need to train all end users on the new ERP system", kEn, "edu_user_training",
       "Ik maak instructievideo's en kennisclips voor de werkvloer", kNl},
      {"Na een ongeval willen we dat elke nieuwe medewerker een veiligheidsinstructie krijgt", kNl,
       "edu_safety_training", "I build a safety culture with toolbox talks and behaviour-based safety", kEn},
      {"Wij willen als bedrijf meepraten over de keuzedelen van het mbo", kNl, "edu_vocational_curriculum",
       "Ik ben docent in het beroepsonderwijs en organiseer praktijkopdrachten met bedrijven", kNl},
  };
  ExpectAreaPairsMeet(pairs, "edu_", OwnIn::kChallenge);
}

TEST(ThesaurusArea_edu, FalseFriendsFindNothingOfThisFile) {
  const std::vector<SentenceConcept> cases = {
      {"Onze medewerkers zitten de hele dag achter hun laptop en bewegen te weinig", kNl, "edu_digital_distraction"},
      {"Klanten bestellen steeds vaker op hun mobiel", kNl, "edu_digital_distraction"},
      {"We doen niets met de feedback van onze klanten", kNl, "edu_learning_feedback"},
      {"The company is losing focus on its core market", kEn, "edu_concentration"},
      {"We zetten studenten in als vakantiekrachten in het magazijn", kNl, "edu_real_world_assignments"},
      {"Onze beleggingsportefeuille en het portfolio van projecten", kNl, "edu_competence_assessment"},
      {"De zorgplicht van banken richting klanten met schulden", kNl, "special_needs"},
      {"We use a business model canvas for our strategy", kEn, "edtech"},
      {"Het project heeft een lage completion rate en loopt uit", kNl, "edu_study_progress"},
      {"Brandweerlieden houden na een inzet een debriefing", kNl, "edu_simulation_training"},
      {"The board wants us to keep their attention on the strategy", kEn, "edu_concentration"},
      {"We willen meeliften op de landelijke campagne", kNl, "edu_group_work"},
      {"In mijn schooltijd werkte ik al in de bakkerij", kNl, "edu_school_hours"},
      {"Onze medewerkers zitten de hele dag achter hun scherm en bewegen te weinig", kNl, "edu_digital_distraction"},
      {"The school support staff are great", kEn, "edu_school_ict"},
  };
  ExpectNoneFires(cases);
}

}  // namespace
}  // namespace verbinder::matching
