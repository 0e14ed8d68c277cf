// Content tables for the demo network and the generator. Organizations and
// people are fictional; the municipalities are real places in Twente. The
// challenge and expertise texts of the profiles are in content_texts.cpp.
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
