// Realistic member cases (challenges from education: schools, mbo, hbo, universities, childcare, adult
// education and school boards): each challenge meets the expertise of a member in another sector who can
// help, through a concept a person would accept, and above a decoy expert of the same field who cannot
// (data/thesaurus_cases_education.tsv and the files it links into).
#include <gtest/gtest.h>

#include "matching/thesaurus_test_util.h"

namespace verbinder::matching {
namespace {

using thesaurus_test::ExpectExpertsAboveDecoys;

TEST(ThesaurusCases_education, ChallengesMeetTheExpertWhoCanHelpAboveADecoy) {
  ExpectExpertsAboveDecoys({
      {"Onze docenten vallen uit met burn-outklachten en de invallers zijn op, waardoor klassen naar huis worden "
       "gestuurd.",
       "Ik begeleid organisaties bij het voorkomen van overspannenheid en stress, met preventief verzuimbeleid en "
       "duurzame inzetbaarheid.",
       "Ik geef bijscholing in didactiek en klassenmanagement aan leraren in het voortgezet onderwijs.", "nl"},
      {"Leerlingen in groep 7 lezen steeds minder en hun begrip van teksten wordt zwakker.",
       "Als logopedist versterk ik taalontwikkeling en geletterdheid bij kinderen met een achterstand.",
       "Ik ontwerp rekenmethodes en oefenmateriaal voor leerlingen in het basisonderwijs.", "nl"},
      {"Ons schoolgebouw uit 1975 is 's zomers snikheet en de energierekening blijft stijgen.",
       "Ik adviseer over verduurzaming van vastgoed: isolatie, warmtepompen en ventilatie met koeling.",
       "Ik richt leslokalen in met digitale schoolborden en nieuw meubilair.", "nl"},
      {"Veel mbo-studenten stoppen in het eerste jaar omdat de opleiding niet blijkt te passen.",
       "Ik ontwikkel loopbaanoriëntatie en beroepskeuzetesten, zodat jongeren een richting kiezen die bij hun "
       "talenten aansluit.",
       "Ik verzorg bijscholing voor docenten in het mbo over examinering en toetsconstructie.", "nl"},
      {"Ouders van onze leerlingen spreken vaak nauwelijks Nederlands, waardoor oudergesprekken en nieuwsbrieven "
       "hen niet bereiken.",
       "Ik schrijf in eenvoudige taal op B1-niveau en zet tolken en vertaalapps in voor anderstalige gezinnen.",
       "Ik organiseer ouderavonden en schoolfeesten voor basisscholen.", "nl"},
      {"Ons schoolbestuur heeft een flinke reserve opgebouwd en de inspectie vraagt wat we ermee gaan doen.",
       "Ik stel meerjarenbegrotingen op en adviseer over een verantwoorde buffer en de besteding van overtollig "
       "vermogen.",
       "Ik adviseer schoolbesturen over onderwijskundig leiderschap en schoolplannen.", "nl"},
      {"Kinderen komen zonder ontbijt op school en kunnen zich daardoor slecht concentreren.",
       "Ik zet gezonde maaltijdprogramma's op voor gezinnen met een laag inkomen.",
       "Ik geef trainingen over concentratie en mindfulness voor leerkrachten op school.", "nl"},
      {"Op onze middelbare school wordt via groepsapps gepest en leerlingen durven het niet te melden.",
       "Ik geef workshops over online veiligheid en digitaal burgerschap, inclusief intimidatie via sociale media.",
       "Ik geef bijles wiskunde aan middelbare scholieren.", "nl"},
      {"Onze promovendi lopen vaak jaren uit en raken onderweg hun motivatie kwijt.",
       "Ik coach professionals in projectplanning, mijlpalen en het bewaken van deadlines.",
       "Ik help onderzoekers met het schrijven van subsidieaanvragen.", "nl"},
      {"Veel volwassenen in onze wijk kunnen niet goed lezen en schrijven en schamen zich om hulp te vragen.",
       "Ik ontwikkel programma's tegen laaggeletterdheid en voor basisvaardigheden, samen met gemeenten.",
       "Ik geef Engelse les aan hoogopgeleide expats.", "nl"},
      {"Ons bestuur heeft twaalf scholen en elke school bestelt zelf laptops, schoonmaak en papier.",
       "Ik organiseer gezamenlijke inkoop en aanbestedingen, waarmee organisaties besparen op contracten.",
       "Ik ontwerp ICT-lessen over digitale geletterdheid voor basisscholen.", "nl"},
      {"Ouders staan maanden op de wachtlijst voor een plek op ons kinderdagverblijf.",
       "Ik maak capaciteitsberekeningen en vraagprognoses zodat aanbod en bezetting beter aansluiten.",
       "Ik train pedagogisch medewerkers in taalstimulering bij peuters.", "nl"},
      {"Our vocational students cannot find apprenticeships in welding and machining, so they finish school "
       "without real workshop experience.",
       "I set up work-based learning programmes with manufacturers, pairing trainees with skilled mentors on the "
       "shop floor.",
       "I teach mathematics to first-year engineering students.", "en"},
      {"Parents complain that our school's grade portal is confusing and they never know how their child is doing.",
       "I do user research and usability testing to redesign clunky web applications.",
       "I train teachers to give formative feedback in class.", "en"},
      {"Our university lab's freezers and fume hoods use enormous amounts of electricity.",
       "I audit energy consumption in buildings and industrial sites and find savings in cooling and ventilation.",
       "I help researchers write grant proposals for European funding.", "en"},
      {"Teachers spend their evenings marking essays and have no time left to prepare lessons.",
       "I build automated assessment tools that give feedback on written work using language models.",
       "I design school timetables and room allocations.", "en"},
      {"Many of our international students feel lonely and isolated in their first months on campus.",
       "As a psychologist I set up buddy systems and peer support groups for newcomers to build friendships and "
       "belonging.",
       "I advise universities on international recruitment and visa procedures.", "en"},
      {"Pupils with dyslexia fall behind in exams because they need more time and read slowly.",
       "I develop assistive technology such as text-to-speech software and accessible digital documents.",
       "I write exam papers for secondary school history.", "en"},
      {"Our childcare centre struggles with toddlers biting and hitting each other, and staff don't know how to "
       "respond.",
       "As a developmental psychologist I teach professionals how to manage aggression in very young kids.",
       "I design outdoor playgrounds for nurseries.", "en"},
      {"Our students plagiarise by letting chatbots write their assignments.",
       "I advise on responsible use of generative AI and on designing assessment that cannot be outsourced to "
       "ChatGPT.",
       "I teach academic writing workshops to students.", "en"},
      {"Our school buses arrive late every morning, so first lessons start with half the class missing.",
       "I optimise vehicle routes and timetables for transport operators.", "I coach teachers on classroom management.",
       "en"},
      {"The number of pupils in our village school keeps dropping, and we may have to close.",
       "I make population forecasts and demographic projections for municipalities planning facilities.",
       "I train teachers to work in combined-grade classrooms.", "en"},
      {"Our research data sits on personal laptops and USB sticks, and nobody knows who can access what.",
       "I implement information security, identity management and backup policies for organisations.",
       "I teach statistics courses to PhD candidates.", "en"},
      {"Adult learners in our evening courses drop out because they juggle jobs, children and commuting.",
       "I design flexible blended and online programmes so working professionals can study at their own pace.",
       "I write textbooks for Dutch as a second language.", "en"},
      {"Too many first-year university students fail the statistics course and have to retake it.",
       "I use learning analytics to spot at-risk learners early and build adaptive tutoring software.",
       "I help universities prepare for accreditation visits.", "en"},
      {"Onze roostermaker is elk jaar weken bezig met het lesrooster en er blijven tussenuren en dubbele lokalen.",
       "I solve complex timetabling problems with constraint programming and optimisation software.",
       "I train teachers in differentiation and classroom management.", "nl"},
      {"Leerlingen met autisme raken overprikkeld in de drukke aula en gaan daardoor niet meer naar school.",
       "I design low-stimulus, sensory-friendly environments for neurodivergent people in healthcare and "
       "workplaces.",
       "I organise school trips and sports days.", "nl"},
      {"De administratie op ons schoolsecretariaat kost veel tijd: absenties, formulieren en betalingen gaan nog "
       "op papier.",
       "I automate manual workflows with digital forms, e-signatures and online payments.",
       "I teach ICT skills to pupils in primary school.", "nl"},
      {"Onze stagiairs in de zorgopleiding worden op de afdeling weinig begeleid en haken af.",
       "I train workplace mentors and practice supervisors in hospitals to coach students during placements.",
       "I write curricula for nursing degrees.", "nl"},
      {"Onze universiteit wil weten of alumni na hun studie een passende baan vinden.",
       "I analyse labour market data and run graduate tracking surveys on employment outcomes.",
       "I organise alumni events and fundraising campaigns.", "nl"},
      {"De gymzaal en het schoolplein worden na schooltijd niet gebruikt terwijl de buurt ruimte zoekt.",
       "I broker shared use of public buildings and facilities between municipalities, clubs and residents.",
       "I teach physical education in primary school.", "nl"},
      {"Veel jongeren op ons vmbo hebben schulden door kopen op afbetaling en telefoonabonnementen.",
       "I teach financial literacy and money management to young people and prevent debt problems.",
       "I coach vmbo teachers on career guidance.", "nl"},
      {"Our school's old servers keep crashing and the network is down during exams.",
       "Ik verhuis verouderde ICT-systemen naar de cloud en regel storingsvrij beheer van de infrastructuur.",
       "Ik ontwikkel digitale toetsvragen voor het voortgezet onderwijs.", "en"},
      {"Our nursery's kitchen must follow strict hygiene rules, and the food inspector found problems last visit.",
       "Ik adviseer over voedselveiligheid en HACCP in keukens van instellingen.",
       "Ik ontwikkel educatieve spelletjes voor peuters.", "en"},
      {"Lecturers at our university of applied sciences feel overwhelmed by the switch to new digital tools.",
       "Ik begeleid veranderprocessen en adoptie van nieuwe software met trainingen en change management.",
       "Ik geef les in programmeren aan hbo-studenten.", "en"},
      {"Our secondary school wants to know why pupils from poorer neighbourhoods get lower track advice.",
       "Ik onderzoek kansengelijkheid en de invloed van sociaaleconomische achtergrond op onderwijsloopbanen.",
       "Ik geef bijles aan leerlingen die eindexamen doen.", "en"},
      {"Our school board wants to show parents and the inspectorate how pupils progress, but our reports are a "
       "pile of spreadsheets.",
       "Ik bouw dashboards en rapportages in Power BI die beleidsinformatie overzichtelijk maken.",
       "Ik train leerkrachten in het voeren van oudergesprekken.", "en"},
      {"Several teachers in our primary school are nearing retirement, and we will lose their know-how.",
       "Ik help organisaties met kennisoverdracht tussen generaties, zoals mentoraat en het vastleggen van "
       "vakmanschap.",
       "Ik regel pensioenadvies voor onderwijspersoneel.", "en"},
  });
}

}  // namespace
}  // namespace verbinder::matching
