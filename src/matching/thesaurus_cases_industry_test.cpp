// Realistic member cases (industry): each challenge meets the expertise of a member in another
// sector who can help, through a concept a person would accept, and above a decoy expert of
// the same field who cannot (data/thesaurus_cases_industry.tsv and the files it links into).
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

TEST(ThesaurusCases_industry, ChallengesMeetTheExpertWhoCanHelpAboveADecoy) {
  const Case cases[] = {
      {"Onze inpakkers aan de lopende band krijgen steeds vaker last van pijnlijke schouders en polsen.",
       "Als fysiotherapeut help ik teams met ergonomie, tilinstructies en het voorkomen van RSI-klachten.",
       "Ik adviseer over verpakkingsmachines en de snelheid van de lopende band.", "nl"},
      {"Onze vrachtwagenchauffeurs vallen achter het stuur bijna in slaap na lange nachtritten.",
       "Ik onderzoek vermoeidheid en alertheid bij ploegwerkers en geef trainingen over rust en herstel.",
       "Ik plan efficiënte routes voor vrachtwagenchauffeurs.", "nl"},
      {"New operators on our bottling line need months before they can run the machines on their own.",
       "As a vocational teacher I design workplace learning paths and on-the-job training for adult learners.",
       "I sell and install bottling machines.", "en"},
      {"Customers keep calling our helpdesk because they don't understand their energy bill.",
       "I rewrite letters and forms in plain language at B1 level for municipalities.",
       "I advise utilities on energy tariffs and pricing.", "en"},
      {"Op onze bouwplaatsen werken veel Poolse en Roemeense vakmensen die de veiligheidsinstructies niet goed "
       "begrijpen.",
       "Ik geef NT2-lessen en maak taalvriendelijke uitleg met pictogrammen voor anderstalige medewerkers.",
       "Ik ben veiligheidskundige en doe inspecties op bouwplaatsen.", "nl"},
      {"Onze seizoensarbeiders in de kassen wonen met te veel mensen in slechte huisvesting.",
       "Als beleidsmedewerker bij de gemeente werk ik aan regels en toezicht op logies voor arbeidsmigranten.",
       "Ik adviseer tuinders over LED-belichting in de kassen.", "nl"},
      {"Bij onze vleesverwerker is het ziekteverzuim hoog, vooral onder de uitzendkrachten.",
       "As an occupational physician I help employers reduce absenteeism and guide sick workers back to their job.",
       "I help meat processors with hygiene audits and HACCP.", "nl"},
      {"Our warehouse pickers are mostly in their late fifties and we worry they will burn out before retirement.",
       "Ik help organisaties met duurzame inzetbaarheid en leeftijdsbewust personeelsbeleid voor oudere werknemers.",
       "Ik ontwerp magazijnindelingen en pickroutes.", "en"},
      {"We willen weten hoeveel CO2 onze fabriek uitstoot, maar niemand weet hoe je dat uitrekent.",
       "Ik stel broeikasgasbalansen op volgens het GHG Protocol en help bij CSRD-rapportage.",
       "Ik ontwerp productielijnen voor fabrieken.", "nl"},
      {"Our grid connection is full, so the factory cannot expand its electric ovens.",
       "I research smart energy management, batteries and peak shaving for businesses.", "I sell industrial ovens.",
       "en"},
      {"We gooien elk jaar tonnen goede maar scheve paprika's weg omdat de supermarkt ze niet wil.",
       "I connect food banks and social restaurants with growers to fight food waste.",
       "Ik adviseer over teelt en gewasbescherming van paprika.", "nl"},
      {"Our site managers spend their evenings filling in paperwork instead of being on the job.",
       "I build mobile apps that digitise inspection forms and reduce administrative burden.",
       "I train site managers in construction safety.", "en"},
      {"We can't get young people interested in a technical career at our metal plant.",
       "Ik begeleid scholieren bij hun studiekeuze en koppel scholen aan bedrijven voor gastlessen en stages.",
       "Ik automatiseer lasprocessen met robots in de metaalsector.", "en"},
      {"Onze melkveehouders zitten financieel klem en durven hun bedrijf niet over te dragen aan hun kinderen.",
       "Ik begeleid familieondernemingen bij opvolging, waardering en fiscale regelingen rond generatiewissel.",
       "Ik adviseer melkveehouders over voer en diergezondheid.", "nl"},
      {"A listeria outbreak traced to our salads forced a recall and we lost two major retail clients.",
       "I advise organisations on crisis communication and rebuilding reputation after incidents.",
       "I supply stainless steel equipment for salad production lines.", "en"},
      {"Onze vrachtwagens rijden vaak halfleeg terug na een levering.",
       "I research load consolidation and collaborative freight platforms that match empty capacity between shippers.",
       "I train truck drivers in fuel-efficient driving.", "nl"},
      {"Our crew spends months at sea and several sailors have reported feeling lonely and depressed.",
       "I'm a psychologist offering online counselling and mental health support for people working far from home.",
       "I teach navigation and ship handling at a maritime academy.", "en"},
      {"Households in our service area keep falling behind on their gas and electricity payments.",
       "Ik help gezinnen met schulden via budgetcoaching en vroegsignalering van betalingsachterstanden.",
       "Ik adviseer energiebedrijven over slimme meters.", "en"},
      {"Onze productieplanning draait op Excel-sheets van één planner en als hij ziek is loopt alles vast.",
       "Ik automatiseer roosters met optimalisatiesoftware en borg kennis zodat een afdeling niet afhangt van een "
       "sleutelfiguur.",
       "Ik onderhoud en repareer productiemachines.", "nl"},
      {"We lose a lot of our apple harvest every year because we cannot find enough pickers in September.",
       "Ik koppel werkzoekenden en mensen in de bijstand via het gemeentelijke werkgeversservicepunt aan seizoenswerk.",
       "I research apple varieties that resist scab.", "en"},
      {"Our bakery uses huge amounts of gas for the ovens and the bills have tripled.",
       "I study industrial heat pumps and electrification of high-temperature processes.",
       "I develop new bread recipes with less salt.", "en"},
      {"Onze machines genereren enorm veel meetgegevens, maar we doen er niets mee.",
       "I apply AI to sensor streams to spot anomalies and predict equipment failure.",
       "I sell CNC machines and tooling.", "nl"},
      {"We keep running over budget on renovation projects because our cost estimates are too optimistic.",
       "As a financial controller I help firms build realistic calculations, contingency reserves and reference-class "
       "forecasts.",
       "I design energy-efficient renovation of old homes.", "en"},
      {"Chauffeurs stoppen vaak binnen een jaar bij ons transportbedrijf.",
       "Ik onderzoek waarom werknemers vertrekken en help werkgevers met binding, onboarding en loopbaangesprekken.",
       "Ik adviseer transportbedrijven over brandstofverbruik en vlootbeheer.", "nl"},
      {"Our shipyard struggles to meet the new emission rules for vessels and we have no idea which fuel to choose.",
       "I research hydrogen, methanol and ammonia propulsion and the IMO decarbonisation regulation.",
       "I weld steel hulls for shipyards.", "en"},
      {"Klanten bellen boos omdat onze monteur niet komt opdagen op het afgesproken tijdstip.",
       "Ik help dienstverleners met tijdvakplanning en sms-meldingen zodat mensen weten wanneer iemand langskomt.",
       "Ik geef monteurs een cursus elektrotechniek.", "nl"},
      {"Our factory's waste water is too salty and the water board keeps fining us.",
       "Ik onderzoek membraanfiltratie en zuiveringstechnieken voor industriële afvalstromen.",
       "Ik ontwerp verpakkingen voor voedingsmiddelen.", "en"},
      {"Onze akkers verdrogen steeds vaker in de zomer en de beregening kost een vermogen.",
       "Ik werk bij een waterschap aan peilbeheer, waterbuffering en het vasthouden van regenwater in de bodem.",
       "Ik verkoop landbouwmachines en tractoren.", "nl"},
      {"Our plant has had three near-accidents with forklifts and pedestrians this month.",
       "I study human factors and design traffic separation and visual cues to prevent collisions in workplaces.",
       "I lease forklifts and provide maintenance.", "en"},
      {"Ons bouwbedrijf moet straks aantonen dat we geen stikstof uitstoten, maar we snappen de regels niet.",
       "I advise on nitrogen deposition permits and AERIUS calculations under environmental law.",
       "I design prefab concrete foundations.", "nl"},
      {"Parcels often get stolen from our vans during delivery rounds in the city.",
       "I advise businesses on crime prevention and security, together with the police.", "I optimise delivery routes.",
       "en"},
      {"We willen een deel van de productie automatiseren maar weten niet of die investering zich terugverdient.",
       "Ik maak business cases, rendementsberekeningen en NPV-analyses voor grote kapitaaluitgaven.",
       "Ik programmeer robots en PLC's.", "nl"},
      {"Onze kaasmakerij werkt met een oud familierecept, maar klanten willen steeds minder zout.",
       "Ik onderzoek natriumreductie en smaakbeleving bij voedingsmiddelen.", "Ik verkoop kaas aan supermarkten.",
       "nl"},
      {"Our field engineers retire in large numbers and their knowledge of the old pipe network leaves with them.",
       "Ik help organisaties om kennis van vertrekkende vakmensen vast te leggen met mentoring, video-instructies en "
       "kennisbanken.",
       "I inspect pipelines with drones.", "en"},
      {"Boeren in onze regio hebben het zwaar; sommigen zijn somber en praten er met niemand over.",
       "I run a peer-support helpline and mental health first aid for rural communities.",
       "I advise dairy farmers on manure regulations.", "nl"},
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
