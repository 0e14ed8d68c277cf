// The thesaurus area file data/thesaurus_care.tsv (care and health methods and
// professions): everyday health problems from care, industry, education,
// government and finance meet the care expertise that helps, and false
// friends (pain points, "op eigen risico", tapering) find none of its concepts.
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

TEST(ThesaurusArea_care, ShipsItsConcepts) {
  EXPECT_GE(CountConcepts("care_"), 60);
}

TEST(ThesaurusArea_care, EverydayHealthProblemsMeetTheCareExpertiseThatHelps) {
  const std::vector<AreaPair> pairs = {
      {"Onze productiemedewerkers in ploegendienst slapen slecht en zijn vaak moe", kNl, "care_poor_sleep",
       "I am a sleep physician and treat insomnia with CBT-I", kEn},
      {"Leerlingen slapen te weinig omdat ze tot laat op hun telefoon zitten", kNl, "care_youth_sleep_screens",
       "Ik ben slaapcoach en geef workshops over slaaphygiëne", kNl},
      {"Teachers notice that pupils fall asleep in class", kEn, "care_youth_sleep_screens",
       "Ik ben slaapcoach en geef workshops over slaaphygiëne", kNl},
      {"Veel leerlingen komen zonder ontbijt naar school", kNl, "care_poor_diet",
       "Ik ben diëtist en geef voedingsvoorlichting op scholen", kNl},
      {"Many of our warehouse staff have back pain and neck complaints", kEn, "care_musculoskeletal",
       "Ik ben bedrijfsfysiotherapeut en doe werkplekonderzoek", kNl},
      {"Kantoormedewerkers zitten de hele dag achter hun bureau en bewegen te weinig", kNl, "care_physical_activity",
       "I run exercise referral and walking programmes for employers", kEn},
      {"Medewerkers staan de hele dag voor de deur te roken", kNl, "care_smoking_cessation",
       "Ik begeleid mensen bij stoppen met roken met nicotinevervanging", kNl},
      {"Bewoners drinken te weinig in de zomer", kNl, "care_dehydration",
       "I am a dietitian specialised in older people", kEn},
      {"Kinderen in onze wijk hebben slechte tanden", kNl, "care_oral_health",
       "Ik ben mondhygiënist en geef poetsles op basisscholen", kNl},
      {"Ouderen in het ziekenhuis raken na een paar dagen bedrust hun zelfstandigheid kwijt", kNl, "care_mobilisation",
       "I am a geriatric physiotherapist working on early mobilisation", kEn},
      {"Onze collega met autisme raakt overprikkeld in de open kantoortuin", kNl, "care_neurodiversity",
       "I am an occupational therapist specialised in sensory processing", kEn},
      {"Older customers are being financially exploited by family members", kEn, "care_elder_abuse",
       "Ik ben aandachtsfunctionaris huiselijk geweld en gespecialiseerd in ouderenmishandeling", kNl},
      {"Inwoners in onze wijk leven zeven jaar korter dan elders in de stad", kNl, "care_health_inequalities",
       "Ik ben epidemioloog bij de GGD en werk met de gezondheidsmonitor", kNl},
      {"Veel mensen gaan niet naar de huisarts omdat ze de zorgkosten niet kunnen betalen", kNl, "care_care_avoidance",
       "Als sleutelfiguur bereik ik mensen die de zorg mijden", kNl},
      {"Patiënten op de afdeling verslechteren ongemerkt", kNl, "care_early_warning",
       "I implemented an early warning score and a rapid response team in our hospital", kEn},
      {"Our nurses do not recognise sepsis in time", kEn, "care_early_warning",
       "Ik geef trainingen klinisch redeneren aan verpleegkundigen", kNl},
      {"Bewoners gebruiken veel slaapmiddelen en antipsychotica", kNl, "care_deprescribing",
       "Ik ben apotheker en doe medicatiebeoordelingen bij kwetsbare ouderen", kNl},
      {"A pupil with type 1 diabetes needs help at school", kEn, "care_diabetes",
       "Ik ben diabetesverpleegkundige bij de kinderpoli", kNl},
      {"Wij willen dat medewerkers kunnen reanimeren als een klant een hartstilstand krijgt", kNl, "care_first_aid",
       "I teach first aid and CPR courses to companies", kEn},
      {"Onze vrachtwagenchauffeurs hebben overgewicht en hoge bloeddruk", kNl, "care_cardiovascular",
       "Als leefstijlcoach begeleid ik de gecombineerde leefstijlinterventie", kNl},
      {"Op ons kinderdagverblijf lopen een paar kinderen achter in hun ontwikkeling", kNl, "care_child_development",
       "Ik ben logopedist en behandel taalontwikkelingsstoornissen bij peuters", kNl},
      {"Veel medewerkers zitten thuis met chronische vermoeidheid na corona", kNl, "care_chronic_fatigue",
       "Als ergotherapeut help ik mensen hun dag in te delen", kNl},
      {"Onze docenten willen leren hoe ze mentale problemen bij studenten bespreekbaar maken", kNl,
       "care_mental_health_stigma", "I train managers and teachers in mental health first aid", kEn},
      {"Onze huisartsen vinden de zorg voor migranten lastig omdat ze de uitleg niet begrijpen", kNl,
       "care_cultural_sensitivity", "I train doctors in culturally sensitive care and working with interpreters", kEn},
      {"Our employees with cancer struggle to return to work", kEn, "care_long_term_conditions_work",
       "Ik ben bedrijfsarts en begeleid werknemers met een chronische ziekte", kNl},
      {"Patiënten zijn niet fit genoeg voor hun operatie", kNl, "care_prehabilitation",
       "I lead a prehabilitation programme with physiotherapists and dietitians", kEn},
      {"Residents with dementia are restless and get too many sleeping pills", kEn, "care_deprescribing",
       "Ik ben specialist ouderengeneeskunde en bouw psychofarmaca af", kNl},
      {"Our shift workers sleep badly after night shifts and make mistakes", kEn, "care_shift_sleep",
       "Als bedrijfsarts adviseer ik over gezond roosteren", kNl},
      {"Veel van onze leraren hebben stemklachten aan het eind van de week", kNl, "care_voice_problems",
       "Ik ben logopedist en geef stemtraining aan docenten", kNl},
      {"Our cleaners and hairdressers suffer from hand eczema", kEn, "care_skin",
       "Als bedrijfsarts adviseer ik werkgevers over beroepsziekten", kNl},
      {"Een leerling in mijn klas heeft epilepsie en we weten niet wat we moeten doen", kNl,
       "care_medical_needs_school", "I am a school nurse and write medical protocols for schools", kEn},
      {"In onze dorpen is de huisarts ver weg en rijdt de bus zelden", kNl, "care_rural_health",
       "I set up video consultations for GP practices", kEn},
      {"We brengen basisschoolkinderen en bewoners van het verpleeghuis samen", kNl, "care_intergenerational",
       "I coordinate volunteers who visit lonely older people", kEn},
      {"De gemeente schrijft een nieuwe nota gezondheidsbeleid", kNl, "care_local_health_policy",
       "Ik ben epidemioloog bij de GGD en werk met de gezondheidsmonitor", kNl},
      {"Our hospital wants to measure outcomes that matter to patients", kEn, "care_value_based",
       "Ik ben data-analist en bouw dashboards met stuurinformatie", kNl},
      {"Op onze geitenhouderij zijn we bang voor Q-koorts", kNl, "care_zoonoses",
       "I am a veterinarian working on animal health and biosecurity on farms", kEn},
      {"Patiënten wachten op de SEH omdat er geen schone bedden zijn", kNl, "care_bed_logistics",
       "I redesign cleaning schedules and routes for facility teams", kEn},
      {"Bewoners worden 's nachts wakker gemaakt voor het verschonen", kNl, "care_continence_tech",
       "Ik ontwikkel sensoren en slimme alarmering voor de nachtzorg", kNl},
      {"Op de afdeling wordt medicatie niet altijd afgetekend", kNl, "care_emar",
       "I implement barcode scanning and automatic identification in warehouses", kEn},
  };
  ExpectAreaPairsMeet(pairs, "care_", OwnIn::kChallenge);
}

TEST(ThesaurusArea_care, FalseFriendsFindNothingOfThisFile) {
  const std::vector<SentenceConcept> cases = {
      {"We zitten al lang in deze branche", kNl, "care_physical_activity"},
      {"De pijnpunten van onze klanten zijn duidelijk", kNl, "care_pain"},
      {"We mapped the pain points in the customer journey", kEn, "care_pain"},
      {"De gemeente kan voorschrijven dat de gevel wordt hersteld", kNl, "care_pharmaceutical_care"},
      {"Parkeren is op eigen risico", kNl, "care_care_avoidance"},
      {"De operatie om de IT te vervangen was complex", kNl, "care_surgery"},
      {"The central bank started tapering its bond purchases", kEn, "care_deprescribing"},
      {"Stijgende levensverwachting maakt pensioenen duurder", kNl, "care_health_inequalities"},
      {"Het is erg benauwd in het klaslokaal", kNl, "care_lung_health"},
      {"Eerste hulp bij geldzorgen voor ondernemers", kNl, "care_first_aid"},
      {"Ik ben mentor en doe het mentorschap voor de brugklas", kNl, "care_consent_capacity"},
      {"De bakkerij maakt snacks en frisdrank voor supermarkten", kNl, "care_healthy_eating"},
      {"The stigma of debt keeps people from asking for help", kEn, "care_mental_health_stigma"},
      {"Onze casemanager verzuim belt zieke medewerkers", kNl, "care_case_management"},
      {"De ventilator in de serverruimte maakt lawaai", kNl, "care_intensive_care"},
      {"Our board approved a capital injection into the company", kEn, "care_clinical_skills"},
      {"We willen de wijk mobiliseren voor het buurtfeest", kNl, "care_mobilisation"},
      {"Accountants must earn CPD points each year", kEn, "care_professional_regulation"},
      {"Een festival voor jong en oud in het park", kNl, "care_intergenerational"},
      {"De stemming in het team is goed", kNl, "care_voice_problems"},
      {"Sinds corona werken we hybride", kNl, "infection_prevention"},
      {"Chip makers in our region design ICs for cars", kEn, "care_intensive_care"},
  };
  ExpectNoneFires(cases);
}

}  // namespace
}  // namespace verbinder::matching
