// Content tables for the demo network and the generator. Organizations and
// people are fictional; the municipalities are real places in Twente.
#include "demo/content.h"

#include <array>

namespace verbinder::demo {
namespace {

using namespace std::string_view_literals;

// Sizes add up to 300 (the special members — leader, admin, Anja, Pieter — are
// counted in their organizations). Order matters: demo.cpp refers to the first
// entries of some groups by name.
constexpr OrgSpec kOrganizations[] = {
    // Care: home care, hospitals, elderly care (92)
    {"Thuiszorg De Noaber", "care", "home_care", "Hengelo", "noaberzorg.demo", 16, "wijkteam Hengelo-Noord"},
    {"Wijkzorg Twente-West", "care", "home_care", "Almelo", "wijkzorgtwente.demo", 12, "teampost Almelo-Centrum"},
    {"Thuiszorg Dinkelland", "care", "home_care", "Oldenzaal", "thuiszorgdinkelland.demo", 9, "wijkteam Oldenzaal"},
    {"Twents Stedelijk Ziekenhuis", "care", "hospital", "Enschede", "tsz-ziekenhuis.demo", 18,
     "afdeling chirurgie en centraal magazijn"},
    {"Streekziekenhuis Hof van Twente", "care", "hospital", "Goor", "streekziekenhuis-hvt.demo", 10,
     "polikliniek en OK-complex"},
    {"Woonzorgcentrum De Esch", "care", "elderly_care", "Haaksbergen", "de-esch.demo", 12, "woonzorgcentrum De Esch"},
    {"Zorggroep Reggedal", "care", "elderly_care", "Nijverdal", "reggedal.demo", 15, "locatie Reggehof"},
    // Industry: manufacturing, logistics, food (86)
    {"Twentse Precisie Onderdelen", "industry", "manufacturing", "Almelo", "tpo-almelo.demo", 14,
     "productiehal en CNC-afdeling"},
    {"Metaalbewerking Ter Horst", "industry", "manufacturing", "Hengelo", "terhorst-metaal.demo", 9, "plaatwerkerij"},
    {"Kunststoftechniek Oost", "industry", "manufacturing", "Enschede", "kunststoftechniek-oost.demo", 8,
     "spuitgieterij"},
    {"Hengelose Machinefabriek", "industry", "manufacturing", "Hengelo", "hengelose-machinefabriek.demo", 12,
     "assemblagehal"},
    {"Twentse Textielwerken", "industry", "manufacturing", "Nijverdal", "textielwerken.demo", 7, "weverij"},
    {"Nijhuis Transport & Logistiek", "industry", "logistics", "Rijssen", "nijhuis-logistiek.demo", 9,
     "distributiecentrum Rijssen"},
    {"Distributiecentrum Oost", "industry", "logistics", "Hengelo", "dc-oost.demo", 8,
     "magazijn medische hulpmiddelen"},
    {"Containerterminal Twentekanaal", "industry", "logistics", "Hengelo", "ctt-kanaal.demo", 5, "terminal"},
    {"Zuivelfabriek Twentse Weide", "industry", "food", "Tubbergen", "twentseweide.demo", 6, "kaasmakerij"},
    {"Bakkerij Oude Egbrink", "industry", "food", "Oldenzaal", "oude-egbrink.demo", 4, "broodbakkerij"},
    {"Vleeswaren Dinkeldal", "industry", "food", "Losser", "dinkeldal.demo", 4, "productielocatie Losser"},
    // Government (42)
    {"Gemeente Enschede", "government", "municipality", "Enschede", "enschede-gemeente.demo", 12, "stadskantoor"},
    {"Gemeente Hengelo", "government", "municipality", "Hengelo", "hengelo-gemeente.demo", 10, "stadhuis"},
    {"Gemeente Almelo", "government", "municipality", "Almelo", "almelo-gemeente.demo", 8, "stadhuis"},
    {"Werkplein Twente", "government", "public_services", "Enschede", "werkplein-twente.demo", 6, "werkplein"},
    {"Omgevingsdienst Twente", "government", "public_services", "Almelo", "odtwente.demo", 6, "kantoor"},
    // Education (40); the first two form the care-education cluster with no tie to industry
    {"Zorgacademie Twente", "education", "vocational", "Almelo", "zorgacademie-twente.demo", 9, "skillslab"},
    {"Hogeschool Tubantia – Academie Gezondheid", "education", "higher_ed", "Enschede", "tubantia-gezondheid.demo", 7,
     "zorglab"},
    {"ROC Twente-Midden", "education", "vocational", "Hengelo", "roc-twentemidden.demo", 10, "techniekwerkplaats"},
    {"Technische Universiteit Oost", "education", "higher_ed", "Enschede", "tu-oost.demo", 8,
     "fieldlab smart industry"},
    {"Hogeschool Tubantia – Academie Techniek", "education", "higher_ed", "Enschede", "tubantia-techniek.demo", 6,
     "innovatiewerkplaats"},
    // Finance (28)
    {"Coöperatieve Bank Twente", "finance", "bank", "Enschede", "bank-twente.demo", 10, "kantoor Enschede"},
    {"Wessels & Kamphuis Accountants", "finance", "accounting", "Hengelo", "wk-accountants.demo", 8, "kantoor Hengelo"},
    {"Zorgverzekeraar Oost", "finance", "insurer", "Enschede", "zorgverzekeraar-oost.demo", 10, "kantoor Enschede"},
    // Other (12); the first is the network itself (leader, admin, programme maker)
    {"Netwerk Zorg & Industrie Twente", "other", "network", "Hengelo", "verbinder.demo", 3, "netwerkkantoor"},
    {"Adviesbureau Lean Oost", "other", "consultancy", "Enschede", "lean-oost.demo", 5, "kantoor"},
    {"Energiecoöperatie Twente", "other", "energy", "Borne", "energie-twente.demo", 4, "zonnepark Borne"},
};

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

struct TitleSet {
  std::string_view sub;
  std::span<const std::string_view> nl;
  std::span<const std::string_view> en;
};

constexpr std::string_view kTitlesHomeCareNl[] = {"Wijkverpleegkundige", "Teamleider wijkzorg", "Planner thuiszorg",
                                                  "Verzorgende IG", "Regiomanager thuiszorg"};
constexpr std::string_view kTitlesHomeCareEn[] = {"District nurse", "Home care team lead", "Care planner"};
constexpr std::string_view kTitlesHospitalNl[] = {
    "Verpleegkundige",    "Teamleider verpleegafdeling", "Inkoper medische hulpmiddelen",
    "Capaciteitsplanner", "Manager bedrijfsvoering",     "Verpleegkundig specialist"};
constexpr std::string_view kTitlesHospitalEn[] = {"Ward nurse", "Nurse manager", "Supply chain coordinator",
                                                  "Capacity planner", "Clinical educator"};
constexpr std::string_view kTitlesElderlyNl[] = {"Locatiemanager", "Verzorgende", "Teamcoach", "Facilitair manager",
                                                 "Praktijkopleider"};
constexpr std::string_view kTitlesElderlyEn[] = {"Care home manager", "Caregiver", "Facility manager"};
constexpr std::string_view kTitlesManufacturingNl[] = {"Lean specialist",    "Productieleider",   "Operator",
                                                       "Procesengineer",     "Werkvoorbereider",  "Hoofd kwaliteit",
                                                       "Directeur-eigenaar", "Energiecoördinator"};
constexpr std::string_view kTitlesManufacturingEn[] = {"Lean specialist", "Production manager", "Process engineer",
                                                       "Quality engineer", "Continuous improvement lead"};
constexpr std::string_view kTitlesLogisticsNl[] = {"Logistiek manager", "Planner", "Teamleider magazijn",
                                                   "Transportplanner"};
constexpr std::string_view kTitlesLogisticsEn[] = {"Logistics manager", "Warehouse supervisor", "Supply chain analyst"};
constexpr std::string_view kTitlesFoodNl[] = {"Productiemanager", "Kwaliteitsmanager voedselveiligheid",
                                              "Teamleider productie"};
constexpr std::string_view kTitlesFoodEn[] = {"Food safety manager", "Plant manager"};
constexpr std::string_view kTitlesMunicipalityNl[] = {"Beleidsadviseur zorg", "Beleidsmedewerker economie",
                                                      "Programmamanager", "Accountmanager bedrijven", "Consulent Wmo"};
constexpr std::string_view kTitlesMunicipalityEn[] = {"Policy advisor", "Programme manager"};
constexpr std::string_view kTitlesPublicNl[] = {"Werkgeversadviseur", "Adviseur omgevingsvergunningen",
                                                "Teamleider dienstverlening"};
constexpr std::string_view kTitlesPublicEn[] = {"Employer liaison", "Permit advisor"};
constexpr std::string_view kTitlesVocationalNl[] = {"Docent verpleegkunde", "Stagecoördinator", "Opleidingsmanager",
                                                    "Docent techniek", "Praktijkbegeleider"};
constexpr std::string_view kTitlesVocationalEn[] = {"Lecturer", "Placement coordinator"};
constexpr std::string_view kTitlesHigherEdNl[] = {"Lector", "Onderzoeker", "Hoofddocent", "Coördinator werkplekleren"};
constexpr std::string_view kTitlesHigherEdEn[] = {"Researcher", "Assistant professor", "Lecturer", "PhD candidate"};
constexpr std::string_view kTitlesBankNl[] = {"Accountmanager zakelijk", "Adviseur duurzame financiering",
                                              "Sectorspecialist zorg"};
constexpr std::string_view kTitlesBankEn[] = {"Relationship manager", "Sustainability finance advisor"};
constexpr std::string_view kTitlesAccountingNl[] = {"Accountant", "Adviseur bedrijfsvoering", "Controller"};
constexpr std::string_view kTitlesAccountingEn[] = {"Auditor", "Controller"};
constexpr std::string_view kTitlesInsurerNl[] = {"Zorginkoper", "Adviseur zorginnovatie", "Data-analist"};
constexpr std::string_view kTitlesInsurerEn[] = {"Healthcare purchaser", "Data analyst"};
constexpr std::string_view kTitlesNetworkNl[] = {"Programmamaker", "Netwerkleider"};
constexpr std::string_view kTitlesNetworkEn[] = {"Programme maker"};
constexpr std::string_view kTitlesConsultancyNl[] = {"Lean coach", "Organisatieadviseur", "Verandermanager"};
constexpr std::string_view kTitlesConsultancyEn[] = {"Lean coach", "Management consultant"};
constexpr std::string_view kTitlesEnergyNl[] = {"Energieadviseur", "Projectleider warmtenet",
                                                "Coördinator energiecoöperatie"};
constexpr std::string_view kTitlesEnergyEn[] = {"Energy advisor", "Project manager"};
constexpr std::string_view kTitlesGenericNl[] = {"Adviseur", "Manager", "Projectleider"};
constexpr std::string_view kTitlesGenericEn[] = {"Advisor", "Manager", "Project lead"};

constexpr TitleSet kTitles[] = {
    {"home_care", kTitlesHomeCareNl, kTitlesHomeCareEn},
    {"hospital", kTitlesHospitalNl, kTitlesHospitalEn},
    {"elderly_care", kTitlesElderlyNl, kTitlesElderlyEn},
    {"manufacturing", kTitlesManufacturingNl, kTitlesManufacturingEn},
    {"logistics", kTitlesLogisticsNl, kTitlesLogisticsEn},
    {"food", kTitlesFoodNl, kTitlesFoodEn},
    {"municipality", kTitlesMunicipalityNl, kTitlesMunicipalityEn},
    {"public_services", kTitlesPublicNl, kTitlesPublicEn},
    {"vocational", kTitlesVocationalNl, kTitlesVocationalEn},
    {"higher_ed", kTitlesHigherEdNl, kTitlesHigherEdEn},
    {"bank", kTitlesBankNl, kTitlesBankEn},
    {"accounting", kTitlesAccountingNl, kTitlesAccountingEn},
    {"insurer", kTitlesInsurerNl, kTitlesInsurerEn},
    {"network", kTitlesNetworkNl, kTitlesNetworkEn},
    {"consultancy", kTitlesConsultancyNl, kTitlesConsultancyEn},
    {"energy", kTitlesEnergyNl, kTitlesEnergyEn},
};

constexpr std::string_view kSubsCare[] = {"home_care", "hospital", "elderly_care"};
constexpr std::string_view kSubsIndustry[] = {"manufacturing", "logistics", "food"};
constexpr std::string_view kSubsGovernment[] = {"municipality", "public_services"};
constexpr std::string_view kSubsEducation[] = {"vocational", "higher_ed"};
constexpr std::string_view kSubsFinance[] = {"bank", "accounting", "insurer"};
constexpr std::string_view kSubsOther[] = {"consultancy", "energy"};

constexpr std::string_view kDutchFirstNames[] = {
    "Anja",    "Pieter",     "Marloes", "Ruben",   "Sanne",   "Joost",   "Ingrid",   "Bart",     "Lotte",   "Gerrit",
    "Esther",  "Martijn",    "Femke",   "Henk",    "Eline",   "Jeroen",  "Miranda",  "Bram",     "Anouk",   "Erik",
    "Marieke", "Wouter",     "Ilse",    "Sjoerd",  "Nicole",  "Thijs",   "Annemiek", "Gert-Jan", "Lieke",   "Koen",
    "Judith",  "Hans",       "Renée",   "Niels",   "Chantal", "Arjen",   "Maaike",   "Rik",      "Zoë",     "Dennis",
    "Hanneke", "Jan-Willem", "Karin",   "Stefan",  "Noortje", "Mark",    "Yvonne",   "Tim",      "Chloë",   "Frank",
    "Mirjam",  "Roel",       "Sabine",  "Bas",     "Linda",   "Gijs",    "Petra",    "Jasper",   "Inge",    "Laura",
    "Hendrik", "Wilma",      "Teun",    "Manon",   "Daan",    "Evelien", "Johan",    "Brenda",   "Maarten", "Fleur",
    "Ayşe",    "Mohamed",    "Fatima",  "Youssef", "Noël",    "Lisanne", "Harm",     "Tineke",   "Willem",  "Monique",
};
constexpr std::string_view kDutchSurnames[] = {
    "Kamphuis",      "Lammerink",     "Brinkman",  "Assink",    "ter Horst",    "Oude Nijhuis",
    "Wessels",       "Nijhuis",       "Hofstede",  "Bosch",     "Mulder",       "Klein Gunnewiek",
    "Leferink",      "Pots",          "ten Dam",   "Hulshof",   "Boerrigter",   "Olde Monnikhof",
    "Kuipers",       "Rouwhorst",     "Jansen",    "de Vries",  "van der Meer", "Smit",
    "Bakker",        "Visser",        "Meijer",    "de Boer",   "Dijkstra",     "Vos",
    "Scholten",      "Haverkate",     "Eshuis",    "Kroeze",    "Slot",         "Nijland",
    "Hoekstra",      "Groot Wassink", "Reinders",  "Beld",      "Schuurman",    "Wolters",
    "van Dijk",      "Bruggink",      "Mensink",   "Lenferink", "Tijhuis",      "Veldhuis",
    "Oosterhof",     "Stegeman",      "Harbers",   "Smelt",     "Koopman",      "Brouwer",
    "van den Berg",  "Hendriks",      "Yılmaz",    "El Amrani", "Kaya",         "Bulut",
    "Schreurs",      "Jongman",       "Gerritsen", "Bouwhuis",  "Ruiter",       "van Zuilen",
    "Oude Elferink", "Groenhuis",     "ter Haar",  "Zwiers",
};
constexpr std::string_view kInternationalFirstNames[] = {
    "Sarah",  "Tomasz",  "Priya",  "James",     "María",  "Jürgen", "Emily",  "Rahul",  "Katarzyna", "Lukas",
    "Olivia", "Andrés",  "Hannah", "Mateusz",   "Aisha",  "Daniel", "Sofia",  "Marco",  "Elena",     "Kwame",
    "Chen",   "Ioana",   "Oliver", "Agnieszka", "Nikos",  "Laura",  "Samir",  "Inés",   "Michael",   "Anna",
    "Grace",  "Florian", "Mei",    "Paolo",     "Zeynep", "Tobias", "Claire", "Rajesh", "Lucía",     "Henrik",
};
constexpr std::string_view kInternationalSurnames[] = {
    "Mitchell",     "Kowalski", "Raman",    "O'Connor",  "García",  "Schmidt",   "Carter",   "Mehta",
    "Wiśniewska",   "Becker",   "Thompson", "Fernández", "Müller",  "Nowak",     "Okafor",   "Meyer",
    "Rossi",        "Bianchi",  "Popescu",  "Mensah",    "Wang",    "Ionescu",   "Hughes",   "Zieliński",
    "Papadopoulos", "Weber",    "Haddad",   "López",     "Brennan", "Lindqvist", "Kaplan",   "Fischer",
    "Li",           "Conti",    "Demir",    "Wagner",    "Dubois",  "Iyer",      "Martínez", "Larsen",
};

constexpr CitySpec kCities[] = {
    {"Enschede", "Twente"},
    {"Hengelo", "Twente"},
    {"Almelo", "Twente"},
    {"Oldenzaal", "Twente"},
    {"Borne", "Twente"},
    {"Haaksbergen", "Twente"},
    {"Rijssen", "Twente"},
    {"Nijverdal", "Twente"},
    {"Goor", "Twente"},
    {"Losser", "Twente"},
    {"Tubbergen", "Twente"},
    {"Vriezenveen", "Twente"},
    {"Zwolle", "IJsselland"},
    {"Deventer", "Salland"},
    {"Apeldoorn", "Veluwe"},
    {"Arnhem", "Gelderland"},
    {"Nijmegen", "Gelderland"},
    {"Eindhoven", "Brabant"},
    {"Tilburg", "Brabant"},
    {"'s-Hertogenbosch", "Brabant"},
    {"Breda", "Brabant"},
    {"Helmond", "Brabant"},
    {"Utrecht", "Utrecht"},
    {"Amersfoort", "Utrecht"},
    {"Groningen", "Groningen"},
    {"Leeuwarden", "Friesland"},
    {"Assen", "Drenthe"},
    {"Emmen", "Drenthe"},
    {"Rotterdam", "Zuid-Holland"},
    {"Den Haag", "Zuid-Holland"},
    {"Leiden", "Zuid-Holland"},
    {"Dordrecht", "Zuid-Holland"},
    {"Amsterdam", "Noord-Holland"},
    {"Haarlem", "Noord-Holland"},
    {"Alkmaar", "Noord-Holland"},
    {"Maastricht", "Limburg"},
    {"Venlo", "Limburg"},
    {"Heerlen", "Limburg"},
    {"Middelburg", "Zeeland"},
    {"Lelystad", "Flevoland"},
};

constexpr std::string_view kPatternsHomeCare[] = {"Thuiszorg {city}", "Wijkzorg {name}", "Thuiszorg De Linde {city}"};
constexpr std::string_view kPatternsHospital[] = {"Ziekenhuis {city}", "Medisch Centrum {city}"};
constexpr std::string_view kPatternsElderly[] = {"Zorggroep {city}", "Woonzorgcentrum De Hof {city}",
                                                 "Verpleeghuis {name}hof"};
constexpr std::string_view kPatternsManufacturing[] = {"Metaalbewerking {name}", "{name} Precisietechniek",
                                                       "Machinefabriek {city}", "Kunststoffen {name}"};
constexpr std::string_view kPatternsLogistics[] = {"{name} Logistiek", "Distributiecentrum {city}",
                                                   "Transportbedrijf {name}"};
constexpr std::string_view kPatternsFood[] = {"Bakkerij {name}", "Zuivel {city}", "Voedingsmiddelen {name}"};
constexpr std::string_view kPatternsMunicipality[] = {"Gemeente {city}"};
constexpr std::string_view kPatternsPublic[] = {"Werkplein {city}", "Omgevingsdienst {city}"};
constexpr std::string_view kPatternsVocational[] = {"ROC {city}", "Vakschool {city}"};
constexpr std::string_view kPatternsHigherEd[] = {"Hogeschool {city}", "Kennisinstituut {city}"};
constexpr std::string_view kPatternsBank[] = {"Regiobank {city}"};
constexpr std::string_view kPatternsAccounting[] = {"{name} Accountants", "Administratiekantoor {name}"};
constexpr std::string_view kPatternsInsurer[] = {"Zorgverzekeraar {city}"};
constexpr std::string_view kPatternsConsultancy[] = {"Adviesbureau {name}", "{name} Organisatieadvies"};
constexpr std::string_view kPatternsEnergy[] = {"Energiecoöperatie {city}", "Warmtebedrijf {city}"};
constexpr std::string_view kPatternsGeneric[] = {"{name} & Partners"};

struct PatternSet {
  std::string_view sub;
  std::span<const std::string_view> patterns;
};
constexpr PatternSet kPatterns[] = {
    {"home_care", kPatternsHomeCare},
    {"hospital", kPatternsHospital},
    {"elderly_care", kPatternsElderly},
    {"manufacturing", kPatternsManufacturing},
    {"logistics", kPatternsLogistics},
    {"food", kPatternsFood},
    {"municipality", kPatternsMunicipality},
    {"public_services", kPatternsPublic},
    {"vocational", kPatternsVocational},
    {"higher_ed", kPatternsHigherEd},
    {"bank", kPatternsBank},
    {"accounting", kPatternsAccounting},
    {"insurer", kPatternsInsurer},
    {"consultancy", kPatternsConsultancy},
    {"energy", kPatternsEnergy},
};

constexpr TopicSpec kTopics[] = {
    {"care", "roosteren van verpleegkundigen", "scheduling nurses"},
    {"care", "personeelsverloop in de wijkverpleging", "staff turnover in district nursing"},
    {"care", "tekorten aan medische hulpmiddelen", "stock-outs of medical supplies"},
    {"care", "wachtlijsten voor thuiszorg", "waiting lists for home care"},
    {"care", "stagiairs die afhaken", "interns dropping out"},
    {"care", "administratielast in de zorg", "administrative burden in care"},
    {"care", "energiekosten van zorglocaties", "energy costs of care homes"},
    {"care", "digitale werkinstructies aan het bed", "digital work instructions at the bedside"},
    {"care", "beddenplanning en uitstroom", "bed planning and discharge"},
    {"industry", "doorlooptijden van orders", "order lead times"},
    {"industry", "digitale werkinstructies op de werkvloer", "digital work instructions on the shop floor"},
    {"industry", "energiekosten van de productie", "energy costs of production"},
    {"industry", "verloop onder operators", "operator turnover"},
    {"industry", "bbl-leerlingen die afhaken", "apprentices dropping out"},
    {"industry", "voorraadbeheer en tekorten", "inventory control and shortages"},
    {"industry", "ploegenroosters", "shift rosters"},
    {"industry", "omsteltijden van machines", "machine changeover times"},
    {"industry", "verzuim op de werkvloer", "absenteeism on the shop floor"},
    {"government", "doorlooptijd van Wmo-aanvragen", "processing times for care requests"},
    {"government", "samenwerking tussen afdelingen", "cooperation between departments"},
    {"government", "werkzoekenden naar zorg en techniek", "job seekers into care and engineering"},
    {"government", "verduurzaming van gemeentelijk vastgoed", "energy upgrades of public buildings"},
    {"education", "stage-uitval", "internship dropout"},
    {"education", "het tekort aan docenten techniek", "the shortage of engineering teachers"},
    {"education", "praktijkgericht onderwijs met bedrijven", "practice-based learning with companies"},
    {"education", "roosteren van lokalen en stages", "timetabling rooms and internships"},
    {"finance", "financiering van verduurzaming", "financing energy savings"},
    {"finance", "zorginkoop op uitkomst", "outcome-based care purchasing"},
    {"finance", "piekdrukte in de administratie", "peak workload in accounting"},
    {"other", "lean borgen na de eerste successen", "making lean stick"},
    {"other", "gezamenlijke energie-inkoop", "joint energy purchasing"},
    {"other", "verbinding tussen sectoren", "connecting sectors"},
};

constexpr std::string_view kTemplatesNl[] = {
    "Wij lopen vast op {t}. Wie heeft dit opgelost en wil ervaringen delen?",
    "Ik zoek een aanpak voor {t}; ideeën uit een andere sector zijn welkom.",
    "Hoe pakken anderen {t} aan? Ik kom graag een keer kijken.",
};
constexpr std::string_view kTemplatesEn[] = {
    "We keep running into {t}. Who has solved this and wants to share?",
    "Looking for a practical approach to {t}; ideas from other sectors welcome.",
    "How do others handle {t}? Happy to come and have a look.",
};

// Two-byte UTF-8 sequences (Latin-1 Supplement / Latin Extended-A) used in the
// name tables, and their ASCII transliteration.
struct Translit {
  std::string_view utf8;
  std::string_view ascii;
};
constexpr Translit kTranslit[] = {
    {"á", "a"}, {"à", "a"}, {"ä", "a"}, {"â", "a"}, {"é", "e"}, {"è", "e"}, {"ë", "e"},
    {"ê", "e"}, {"í", "i"}, {"ï", "i"}, {"ı", "i"}, {"ó", "o"}, {"ö", "o"}, {"ô", "o"},
    {"ú", "u"}, {"ü", "u"}, {"ñ", "n"}, {"ç", "c"}, {"ş", "s"}, {"ś", "s"}, {"ł", "l"},
    {"ń", "n"}, {"ż", "z"}, {"ź", "z"}, {"Ö", "o"}, {"Ü", "u"}, {"É", "e"}, {"–", ""},
};

}  // namespace

std::span<const OrgSpec> DemoOrganizations() {
  return kOrganizations;
}

std::span<const ChallengeSpec> ChallengeTexts(Language lang) {
  if (lang == Language::kEnglish) return kChallengesEn;
  return kChallengesNl;
}

std::span<const ExpertiseSpec> ExpertiseTexts(Language lang) {
  if (lang == Language::kEnglish) return kExpertiseEn;
  return kExpertiseNl;
}

std::span<const std::string_view> TitlesFor(std::string_view sub, Language lang) {
  for (const auto& t : kTitles)
    if (t.sub == sub) return lang == Language::kEnglish ? t.en : t.nl;
  if (lang == Language::kEnglish) return kTitlesGenericEn;
  return kTitlesGenericNl;
}

std::span<const std::string_view> SubsectorsOf(std::string_view sector) {
  if (sector == "care") return kSubsCare;
  if (sector == "industry") return kSubsIndustry;
  if (sector == "government") return kSubsGovernment;
  if (sector == "education") return kSubsEducation;
  if (sector == "finance") return kSubsFinance;
  return kSubsOther;
}

std::span<const std::string_view> DutchFirstNames() {
  return kDutchFirstNames;
}
std::span<const std::string_view> DutchSurnames() {
  return kDutchSurnames;
}
std::span<const std::string_view> InternationalFirstNames() {
  return kInternationalFirstNames;
}
std::span<const std::string_view> InternationalSurnames() {
  return kInternationalSurnames;
}
std::span<const CitySpec> DutchCities() {
  return kCities;
}

std::span<const TopicSpec> GeneratorTopics() {
  return kTopics;
}

std::span<const std::string_view> ChallengeTemplates(Language lang) {
  if (lang == Language::kEnglish) return kTemplatesEn;
  return kTemplatesNl;
}

std::span<const std::string_view> OrganizationPatterns(std::string_view sub) {
  for (const auto& p : kPatterns)
    if (p.sub == sub) return p.patterns;
  return kPatternsGeneric;
}

void AppendSlug(std::string_view text, char sep, std::string* out) {
  bool pending_sep = false;
  const size_t start = out->size();
  for (size_t i = 0; i < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    std::string_view piece;
    size_t step;
    if (c < 0x80) {
      char lower = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
      if ((lower >= 'a' && lower <= 'z') || (lower >= '0' && lower <= '9') || lower == '-') {
        if (pending_sep && out->size() > start) out->push_back(sep);
        pending_sep = false;
        out->push_back(lower);
      } else if (c == ' ' || c == '\'' || c == '.' || c == '&') {
        pending_sep = true;
      }
      ++i;
      continue;
    }
    // Multi-byte sequence: transliterate if known, otherwise drop it.
    step = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : 4;
    const std::string_view seq = text.substr(i, step);
    for (const auto& t : kTranslit)
      if (t.utf8 == seq) piece = t.ascii;
    if (!piece.empty()) {
      if (pending_sep && out->size() > start) out->push_back(sep);
      pending_sep = false;
      out->append(piece);
    }
    i += step;
  }
}

}  // namespace verbinder::demo
