// Profile texts of the demo network: the challenges ("waar ik tegenaan loop")
// and expertise ("waar ik mee kan helpen") that professionals write, in Dutch
// and English (see content.h). The other content tables are in content.cpp.
#include "demo/content.h"

namespace verbinder::demo {
namespace {

constexpr ChallengeSpec kChallengesNl[] = {
    // care
    {"care", "home_care", "Wachtlijst voor wijkverpleging blijft groeien",
     "Onze wachtlijst voor wijkverpleging is in een half jaar verdubbeld. Cliënten die uit het ziekenhuis komen, "
     "wachten soms twee weken op een eerste bezoek. Ik zoek manieren om de instroom beter te plannen en de "
     "doorlooptijd van aanmelding tot eerste zorgmoment te verkorten."},
    {"care", "", "Roosters rond krijgen zonder steeds dezelfde collega's te vragen",
     "Elke week puzzelen we met het rooster: zieke collega's, vakanties, parttimers met vaste vrije dagen. Het "
     "zijn steeds dezelfde mensen die invallen. Hoe maken anderen een rooster dat eerlijk is en toch flexibel?"},
    {"care", "", "Verloop onder jonge verpleegkundigen",
     "Van de verpleegkundigen die we de afgelopen twee jaar aannamen, is bijna een derde alweer vertrokken. In "
     "exitgesprekken horen we werkdruk en weinig doorgroeimogelijkheden. Wie heeft een aanpak voor behoud die "
     "echt werkt?"},
    {"care", "hospital", "Tekorten aan medische hulpmiddelen op de afdeling",
     "Infuussets, katheters en verbandmiddelen raken geregeld op, terwijl het magazijn denkt dat er genoeg is. "
     "Verpleegkundigen leggen eigen voorraadjes aan en dat maakt het erger. Ik wil leren hoe de industrie "
     "voorraad zichtbaar en op peil houdt, bijvoorbeeld met een tweebakkensysteem of kanban."},
    {"care", "", "Stagiairs die halverwege afhaken",
     "Te veel stagiairs mbo-verpleegkunde stoppen halverwege hun stage. Begeleiders hebben te weinig tijd en de "
     "eerste weken zijn overweldigend. Hoe begeleiden andere sectoren hun stagiairs en bbl-leerlingen?"},
    {"care", "elderly_care", "Energiekosten van onze locaties",
     "De energierekening van onze woonzorgcentra is in twee jaar bijna verdubbeld. Bewoners hebben het graag "
     "warm en de gebouwen zijn oud. Ik zoek ervaringen met verduurzaming en slim energiebeheer, zonder dat de "
     "zorg eronder lijdt."},
    {"care", "", "Administratielast verlagen",
     "Zorgmedewerkers zijn naar schatting een kwart van hun tijd kwijt aan registratie, en veel gegevens vullen "
     "we dubbel in. Wie heeft een proces slim gestroomlijnd en wil meedenken?"},
    {"care", "hospital", "Lange doorlooptijd op de polikliniek",
     "Patiënten wachten gemiddeld zes weken op een eerste afspraak bij de polikliniek orthopedie, terwijl "
     "spreekuren niet vol zitten. Ergens tussen verwijzing en afspraak gaat het mis. Ik wil de stroom in kaart "
     "brengen, maar weet niet goed waar te beginnen."},
    {"care", "", "Werkinstructies en protocollen die niemand leest",
     "Onze protocollen staan in een map van honderden pagina's op intranet. Nieuwe collega's vinden niet wat ze "
     "zoeken. Hoe maken jullie instructies kort, visueel en altijd actueel?"},
    {"care", "elderly_care", "Nieuwe collega's goed inwerken",
     "We nemen veel zij-instromers aan, maar het inwerken gebeurt tussen de bedrijven door. Na drie maanden "
     "weten sommigen nog steeds niet waar ze terechtkunnen. Ik zoek een inwerkprogramma dat past bij "
     "onregelmatige diensten."},
    {"care", "home_care", "Reistijd tussen cliënten",
     "Onze wijkteams rijden veel kilometers tussen cliënten; de route maakt de planner nu met de hand. Wie "
     "weet hoe logistieke bedrijven ritten plannen en wil eens meekijken?"},
    {"care", "hospital", "Beddenplanning en uitstroom naar de wijk",
     "Patiënten liggen dagen langer dan nodig omdat vervolgzorg thuis of in het verpleeghuis niet rond is. "
     "Ik zoek partners om de overdracht beter te plannen."},
    // industry
    {"industry", "manufacturing", "Digitale werkinstructies op de werkvloer",
     "We willen af van de papieren werkinstructies bij de machines. Operators moeten op een tablet stap voor "
     "stap kunnen zien wat ze moeten doen, met foto's. Wie heeft dit al ingevoerd en wat zou je anders doen?"},
    {"industry", "", "Personeelsverloop onder operators",
     "Nieuwe operators vertrekken vaak binnen een jaar. De inwerkperiode is kort en ploegendiensten schrikken "
     "af. Ik ben benieuwd hoe de zorg, die ook in diensten werkt, mensen aan zich bindt."},
    {"industry", "", "Energiekosten drukken op de kostprijs",
     "Onze persen en ovens draaien op gas en stroom; energie is inmiddels een serieuze post in de kostprijs. "
     "We zoeken mogelijkheden voor warmteterugwinning en het verschuiven van verbruik naar goedkope uren."},
    {"industry", "manufacturing", "Bbl-leerlingen techniek die afhaken",
     "We bieden elk jaar tien bbl-plekken, maar de helft van de leerlingen haakt af. Ze vinden het werk "
     "eentonig of missen begeleiding. Wie heeft een leerlijn die leerlingen wel vasthoudt?"},
    {"industry", "logistics", "Roosteren van chauffeurs en ploegen",
     "Het rooster van chauffeurs is elke week puzzelen: rijtijden, verlof, ziekte. We zoeken een eerlijker en "
     "voorspelbaarder rooster. De zorg heeft hier vast ervaring mee."},
    {"industry", "logistics", "Spoedbestellingen van zorginstellingen",
     "We leveren medische hulpmiddelen aan ziekenhuizen, maar bestellingen komen onvoorspelbaar en vaak met "
     "spoed. Ik wil samen met een ziekenhuis kijken hoe we de vraag beter kunnen voorspellen."},
    {"industry", "food", "Hygiëne borgen bij wisselende bezetting",
     "Door het verloop werken er steeds mensen die de hygiëneregels nog niet kennen. Trainen kost veel tijd. "
     "Hoe borgen ziekenhuizen hygiëne met wisselende teams?"},
    {"industry", "", "Verzuim in de productie",
     "Het verzuim in onze productie is opgelopen naar acht procent, met veel rugklachten en stress. Ik zoek "
     "ideeën voor preventie die op de werkvloer ook echt gedragen worden."},
    {"industry", "manufacturing", "Levertijden van maatwerkonderdelen",
     "Onze levertijden voor maatwerkonderdelen lopen op tot acht weken en klanten haken af. Het meeste is "
     "wachttijd tussen bewerkingen. We willen de doorlooptijd halveren."},
    {"industry", "food", "Vakkrachten vinden voor de nachtploeg",
     "Voor de nachtploeg vinden we nauwelijks nog vakmensen. Wat maakt nachtwerk aantrekkelijk, en hoe gaan "
     "ziekenhuizen daarmee om?"},
    // government
    {"government", "municipality", "Wmo-aanvragen sneller afhandelen",
     "Inwoners wachten te lang op een besluit over hun Wmo-aanvraag en de wettelijke termijn halen we vaak "
     "niet. Ik zoek manieren om het proces te versnellen zonder zorgvuldigheid te verliezen."},
    {"government", "", "Samenwerking tussen afdelingen",
     "Onze afdelingen werken nog te veel langs elkaar heen. Hoe krijg je teams met verschillende doelen aan "
     "één tafel en houd je dat vol?"},
    {"government", "public_services", "Werkzoekenden naar vacatures in zorg en techniek",
     "Er staan honderden vacatures open in zorg en techniek en tegelijk zijn er veel werkzoekenden. De match "
     "komt slecht tot stand. Wie denkt mee over omscholing en proefplaatsingen?"},
    {"government", "", "Verduurzaming van gemeentelijk vastgoed",
     "Onze sporthallen en kantoren moeten van het gas af, maar het budget is beperkt. Ik zoek voorbeelden van "
     "slimme energiebesparing die snel terugverdiend is."},
    {"government", "municipality", "Digitale dienstverlening voor iedereen",
     "Niet alle inwoners kunnen met ons digitale loket overweg. Hoe houden we de dienstverlening toegankelijk "
     "zonder dubbel werk?"},
    // education
    {"education", "", "Stage-uitval in de zorgopleidingen",
     "Bij onze zorgopleidingen valt bijna een vijfde van de studenten uit tijdens de eerste stage. We willen "
     "betere afspraken met leerbedrijven over begeleiding in de eerste weken."},
    {"education", "", "Docenten techniek vinden en houden",
     "Vacatures voor docenten techniek blijven open staan; vakmensen verdienen in het bedrijfsleven meer. Zijn "
     "er vormen van hybride docentschap die werken?"},
    {"education", "higher_ed", "Praktijkvragen voor studentonderzoek",
     "Ons lectoraat zoekt zorginstellingen en bedrijven met een echte praktijkvraag die studenten een semester "
     "lang willen onderzoeken."},
    {"education", "vocational", "Roosteren van lokalen, docenten en stages",
     "Ons jaarrooster botst elk jaar met de stageperiodes van leerbedrijven. Hoe plannen anderen dit samen met "
     "de praktijk?"},
    {"education", "", "Lesmateriaal dat achterloopt op de praktijk",
     "Studenten leren nog werken met procedures die in de praktijk al lang anders gaan. Ik zoek praktijkmensen "
     "die willen meelezen en gastlessen geven."},
    // finance
    {"finance", "bank", "Financiering van verduurzaming in het mkb",
     "Veel mkb-bedrijven willen verduurzamen, maar de businesscase is lastig rond te krijgen. Ik zoek "
     "voorbeelden van investeringen in energiebesparing die zich aantoonbaar terugverdienden."},
    {"finance", "insurer", "Zorginkoop op basis van uitkomsten",
     "We willen minder op volume en meer op uitkomst inkopen, maar de data zijn versnipperd. Wie heeft "
     "ervaring met het meten van resultaat in de wijkverpleging?"},
    {"finance", "accounting", "Personeel voor de drukke periode",
     "Tussen januari en juni lopen we over van het werk. Flexibele krachten zijn moeilijk te vinden en in te "
     "werken. Hoe vangen andere sectoren hun pieken op?"},
    {"finance", "", "Klanten helpen met digitale administratie",
     "Veel klanten leveren hun administratie nog op papier aan. Ik zoek een aanpak om hen stap voor stap mee te "
     "nemen."},
    // other
    {"other", "consultancy", "Lean-trajecten die na een jaar verwateren",
     "Na de eerste successen zakt de aandacht weg en vallen teams terug in oude gewoontes. Hoe borgen "
     "organisaties verbeteren als dagelijkse routine?"},
    {"other", "energy", "Zorginstellingen en bedrijven laten meedoen met de energiecoöperatie",
     "We willen grote verbruikers aansluiten op ons zonnepark, maar de gesprekken stranden bij de inkoop. Wie "
     "wil de businesscase samen doorrekenen?"},
    {"other", "network", "Van online contact naar echte ontmoeting",
     "Onze leden kennen elkaar online, maar spreken elkaar zelden echt. Hoe maak je van een congres meer dan "
     "een middag luisteren?"},
};

constexpr ChallengeSpec kChallengesEn[] = {
    // care
    {"care", "", "Nurse rosters that staff actually accept",
     "Our ward rosters are built by hand every four weeks and still lead to last-minute swaps. I'd like to "
     "learn how others balance fairness, preferences and skill mix, possibly with planning tools from "
     "industry."},
    {"care", "hospital", "Stock-outs of medical supplies on the ward",
     "We regularly run out of wound-care materials and IV sets while the central store shows stock. I'm "
     "looking for someone who has implemented two-bin or kanban replenishment and can show me how it works."},
    {"care", "", "Staff turnover in the first year",
     "About one in four new nurses leaves within their first year. We're rethinking onboarding and buddy "
     "programmes and would love to compare notes with other sectors."},
    {"care", "elderly_care", "Waiting list for care home placements",
     "Older people wait months for a place in one of our homes, while some rooms stay empty during "
     "refurbishment or staffing gaps. I want to understand the flow better."},
    {"care", "", "Digital work instructions for clinical procedures",
     "Our procedures live in long PDF protocols. We want short, visual instructions at the bedside, like the "
     "ones used on factory floors. Who has done this?"},
    {"care", "elderly_care", "Energy costs in our care homes",
     "Heating our older buildings has become very expensive and residents need a warm environment. I'm "
     "looking for practical energy savings that don't affect comfort."},
    {"care", "", "Interns dropping out of their placement",
     "Too many nursing students quit during their placement. Supervisors are stretched thin. How do other "
     "sectors support interns and apprentices in the first weeks?"},
    {"care", "", "Onboarding international nurses",
     "We recruit nurses from abroad. They're great professionals, but Dutch language and documentation slow "
     "them down. How do others support international staff?"},
    {"care", "home_care", "Growing waiting lists in district nursing",
     "New referrals wait up to two weeks for a first visit. I want to shorten the time from referral to first "
     "visit and would welcome ideas from people who manage flow for a living."},
    // industry
    {"industry", "manufacturing", "Reducing lead times for custom parts",
     "Our lead time for custom machined parts has crept up to seven weeks, mostly waiting between steps. I "
     "want to map the value stream and cut it in half."},
    {"industry", "manufacturing", "Digital work instructions on the shop floor",
     "We are replacing paper instructions with tablets at each workstation. Content is the hard part: who "
     "writes and maintains the steps, photos and checks?"},
    {"industry", "", "Operator turnover on night shifts",
     "We lose many operators within a year, mostly from night shifts. Hospitals run 24/7 too; I'd like to "
     "learn how they keep people."},
    {"industry", "", "Energy costs of our furnaces and presses",
     "Energy is now one of our largest cost items. We're looking at heat recovery and shifting load to "
     "cheaper hours and want to learn from others who did it."},
    {"industry", "", "Apprentices dropping out",
     "Half of our apprentices leave before finishing their programme. We need a better learning path and "
     "better mentoring on the floor."},
    {"industry", "logistics", "Planning warehouse staff around peaks",
     "Our order volume swings strongly through the week. Scheduling staff to match is a weekly puzzle with "
     "too many temporary workers."},
    {"industry", "logistics", "Last-mile deliveries to hospitals",
     "Hospitals order medical supplies late and urgently, which makes our routes inefficient. I'd like to "
     "work with a hospital on better forecasting."},
    {"industry", "food", "Shelf-life waste",
     "We throw away too much product close to its best-before date. Better planning between production and "
     "sales should help; who has solved this?"},
    // government
    {"government", "", "Processing residents' care requests faster",
     "Residents wait too long for decisions on support at home. I'm looking for ways to speed up the process "
     "without losing care."},
    {"government", "public_services", "Matching job seekers with care and technical vacancies",
     "There are many vacancies in care and engineering, and many job seekers. How can we make trial "
     "placements and retraining work?"},
    // education
    {"education", "", "Internship dropout in our programmes",
     "Too many students drop out during their first internship. We want better agreements with host "
     "organisations on supervision."},
    {"education", "higher_ed", "Keeping the curriculum close to practice",
     "Our courses lag behind what happens in hospitals and factories. I'm looking for practitioners willing "
     "to give guest lectures and review assignments."},
    {"education", "higher_ed", "Research questions from practice",
     "Our research group looks for organisations with a real question that student teams can work on for a "
     "semester."},
    // finance
    {"finance", "bank", "Financing energy-saving investments for SMEs",
     "Many small manufacturers want to cut energy costs but struggle with the business case. I'd like "
     "examples of investments that clearly paid off."},
    {"finance", "insurer", "Outcome-based contracts with care providers",
     "We want to contract on outcomes instead of volume, but data is scattered. Who measures results in home "
     "care in a way we could use?"},
    // other
    {"other", "", "Making lean stick after the consultants leave",
     "Improvement programmes start strong and fade within a year. How do organisations make continuous "
     "improvement part of the daily routine?"},
};

constexpr ExpertiseSpec kExpertiseNl[] = {
    {"care", "home_care", "wijkverpleging|triage|zelfredzaamheid",
     "Ik help graag bij het inrichten van wijkteams en het triëren van aanvragen, zodat de zorg terechtkomt "
     "waar die het hardst nodig is."},
    {"care", "home_care", "zorgplanning|routeplanning|wijkteams",
     "Ervaring met het plannen van zorgmomenten en routes voor wijkteams; ik denk graag mee over planning "
     "die rekening houdt met cliënt én medewerker."},
    {"care", "hospital", "capaciteitsmanagement|beddenplanning|patiëntenstromen",
     "Ik breng patiëntenstromen in kaart en help afdelingen hun capaciteit beter te benutten."},
    {"care", "hospital", "inkoop|medische hulpmiddelen|voorraadbeheer",
     "Ik weet hoe de keten van medische hulpmiddelen werkt, van leverancier tot afdeling, en help bij het "
     "opzetten van voorraadbeheer dat niet afhankelijk is van losse lijstjes."},
    {"care", "", "roosteren|zelfroosteren|inzetbaarheid",
     "Ik heb zelfroosteren ingevoerd op drie afdelingen en deel graag wat wel en niet werkte."},
    {"care", "", "praktijkopleiding|stagebegeleiding|inwerken",
     "Als praktijkopleider begeleid ik stagiairs en nieuwe collega's; ik help graag bij het opzetten van een "
     "leerlijn en een buddysysteem."},
    {"care", "elderly_care", "dementiezorg|teamcoaching|zelforganisatie",
     "Ik coach teams in de ouderenzorg naar meer eigen regie en help bij lastige gesprekken over werkverdeling."},
    {"care", "", "lean in de zorg|verbeterborden|huddles",
     "Ik begeleid dagstarts en verbeterborden op afdelingen en laat zien hoe kleine verbeteringen optellen."},
    {"industry", "manufacturing", "lean|doorlooptijdverkorting|value stream mapping",
     "Ik help organisaties wachttijd zichtbaar te maken en doorlooptijden te verkorten met value stream mapping, "
     "ook buiten de fabriek."},
    {"industry", "manufacturing", "SMED|5S|kanban",
     "Omsteltijden verkorten, werkplekken ordenen en voorraad sturen met kanban: ik kom graag kijken en denk "
     "mee."},
    {"industry", "manufacturing", "digitale werkinstructies|kwaliteit|standaardwerk",
     "Ik heb digitale werkinstructies ingevoerd in onze assemblage en weet hoe je operators betrekt bij het "
     "schrijven ervan."},
    {"industry", "", "energiebesparing|warmteterugwinning|energiemanagement",
     "Ik help bij het in kaart brengen van energieverbruik en het vinden van besparingen die zich snel "
     "terugverdienen."},
    {"industry", "", "leerwerktrajecten|bbl|vakmanschap",
     "Ik begeleid bbl-leerlingen en zij-instromers op de werkvloer en deel graag hoe wij uitval hebben "
     "teruggedrongen."},
    {"industry", "logistics", "voorraadbeheer|distributie|ketenplanning",
     "Ik help organisaties voorraad en bevoorrading zo in te richten dat er niets opraakt en er weinig op de "
     "plank ligt."},
    {"industry", "logistics", "ritplanning|personeelsplanning|piekbelasting",
     "Ik plan dagelijks ritten en ploegen en denk graag mee over roosters die pieken opvangen zonder "
     "overwerk."},
    {"industry", "food", "voedselveiligheid|hygiëne|HACCP",
     "Ik weet hoe je hygiëneregels borgt met wisselende teams en help graag bij audits en trainingen."},
    {"government", "", "beleid|subsidies|arbeidsmarkt",
     "Ik ken de regionale regelingen voor arbeidsmarkt en innovatie en help graag de weg te vinden."},
    {"government", "municipality", "Wmo|sociaal domein|ketensamenwerking",
     "Ik verbind zorgaanbieders, gemeente en inwoners in het sociaal domein."},
    {"government", "public_services", "werkgeversdienstverlening|omscholing|proefplaatsing",
     "Ik help werkgevers aan geschikte kandidaten via proefplaatsingen en omscholing."},
    {"education", "", "stagebegeleiding|leerbedrijven|curriculum",
     "Ik bouw samen met leerbedrijven aan stages waarin studenten echt leren, en ik help bij het begeleiden "
     "van stagiairs."},
    {"education", "higher_ed", "praktijkonderzoek|data-analyse|innovatie",
     "Met studenten en onderzoekers help ik organisaties een praktijkvraag uit te zoeken en te onderbouwen."},
    {"finance", "", "financiering|businesscase|subsidies",
     "Ik help een investering rond te rekenen en de juiste financiering of subsidie te vinden."},
    {"finance", "insurer", "zorginkoop|uitkomstmaten|data",
     "Ik denk mee over het meten van uitkomsten en over afspraken tussen zorgaanbieders en verzekeraar."},
    {"other", "", "verbinden|netwerken|programmamaken",
     "Ik breng mensen uit verschillende sectoren samen rond een vraagstuk en organiseer de ontmoeting."},
    {"other", "consultancy", "lean|verandermanagement|continu verbeteren",
     "Ik begeleid verbetertrajecten in zorg en industrie en help ze te borgen in het dagelijks werk."},
    {"other", "energy", "energiecoöperatie|zonne-energie|energiecontracten",
     "Ik help organisaties met gezamenlijke inkoop en opwek van energie."},
};

constexpr ExpertiseSpec kExpertiseEn[] = {
    {"care", "", "nurse scheduling|self-rostering|workforce planning",
     "I introduced self-rostering on two wards and can help you avoid the pitfalls."},
    {"care", "", "onboarding|mentoring|clinical education",
     "I design onboarding and mentoring programmes for new and international nurses."},
    {"care", "hospital", "supply chain|medical supplies|inventory",
     "I manage the flow of medical supplies from supplier to ward and can help set up replenishment that "
     "prevents stock-outs."},
    {"care", "hospital", "patient flow|capacity planning|bed management",
     "I analyse patient flow and help departments match capacity to demand."},
    {"care", "home_care", "district nursing|triage|care planning",
     "I help home care teams triage referrals and plan visits so the right care arrives in time."},
    {"care", "elderly_care", "dementia care|team coaching|facility management",
     "I support care home teams with coaching and practical facility improvements."},
    {"industry", "manufacturing", "lean|lead time reduction|value stream mapping",
     "I help organisations see where time is lost and shorten lead times, in factories and beyond."},
    {"industry", "manufacturing", "digital work instructions|standard work|quality",
     "I rolled out digital work instructions on our shop floor and know how to keep them up to date."},
    {"industry", "", "energy efficiency|heat recovery|energy monitoring",
     "I help companies measure energy use and find savings with a short payback time."},
    {"industry", "", "apprenticeships|mentoring|training",
     "I run our apprenticeship programme and like sharing what keeps young people on board."},
    {"industry", "logistics", "inventory management|distribution|forecasting",
     "I set up inventory control and forecasting so shelves never run empty and stock doesn't pile up."},
    {"industry", "logistics", "shift planning|route planning|peak management",
     "I plan routes and shifts every day and can help with rosters that absorb peaks without overtime."},
    {"industry", "food", "food safety|hygiene|HACCP", "I know how to keep hygiene standards high with changing teams."},
    {"government", "", "policy|regional funding|labour market",
     "I know the regional funding schemes and can help you find your way."},
    {"education", "", "internships|curriculum design|work-based learning",
     "I build internships with host organisations and help supervise students."},
    {"education", "higher_ed", "applied research|data analysis|innovation",
     "With students and researchers I help organisations investigate a practical question."},
    {"finance", "", "financing|business case|sustainability finance",
     "I help build the business case for an investment and find the right financing."},
    {"other", "", "lean coaching|change management|continuous improvement",
     "I coach improvement programmes in care and industry and help make them last."},
};

}  // namespace

std::span<const ChallengeSpec> ChallengeTexts(Language lang) {
  if (lang == Language::kEnglish) return kChallengesEn;
  return kChallengesNl;
}

std::span<const ExpertiseSpec> ExpertiseTexts(Language lang) {
  if (lang == Language::kEnglish) return kExpertiseEn;
  return kExpertiseNl;
}

}  // namespace verbinder::demo
