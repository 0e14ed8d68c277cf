// The demo network's knowledge articles, newsletter topics and readers who are
// no members: the words of the monthly newsletter in the demo, in Dutch and
// English, telling the seed's story (the borrel, Anja and Pieter's visit, the
// challenges on the profiles). Plain constant tables; the newsletter module
// stores them after the network is loaded (newsletter/demo_newsletter.h), with
// dates relative to the moment the demo is loaded, so the current month's
// issue always has articles.
//
//   for (const auto& a : DemoArticles()) if (a.months_ago == 0) ...
//
// Header only (no change to the demo library). All strings are valid UTF-8 and
// static. Thread-safety: immutable, safe from any thread.
#pragma once

#include <span>
#include <string_view>

namespace verbinder::demo {

enum class DemoAuthor {
  kLeader,  // Marloes Brinkman, the network leader (publishes directly)
  kAnja,    // Anja Kamphuis (submits; the leader approves)
  kPieter,  // Pieter Lammerink (submits; the leader approves)
  kMember,  // a member of `author_org` whose first language is `language`
};

struct DemoArticleSpec {
  DemoAuthor author;
  std::string_view author_org;  // kMember: the organization (demo/content.cpp)
  int months_ago;               // 0 = the month the demo is loaded in, 1 = the month before
  double at;                    // where in that month: 0..1 of the part that lies before "now"
  bool published;               // false = submitted, waiting for the leader's approval
  std::string_view language;    // "nl" or "en"
  std::string_view title;
  std::string_view summary;
  std::string_view tags;     // comma-separated
  std::string_view body_md;  // Markdown
};

struct DemoTopicSpec {
  std::string_view key, label_nl, label_en;
  std::string_view tags;  // comma-separated article tags that belong to it
};

// Someone who reads the newsletter without being a member.
struct DemoReaderSpec {
  std::string_view email;
  std::string_view language;
  std::string_view topics;  // comma-separated topic keys
  std::string_view status;  // "confirmed", "pending" (did not confirm yet) or "unsubscribed"
};

inline constexpr DemoTopicSpec kDemoTopics[] = {
    {"zorg", "Zorg", "Care", "zorg,wijkzorg,thuiszorg,ziekenhuis,ouderenzorg"},
    {"industrie", "Industrie en logistiek", "Industry and logistics",
     "industrie,lean,logistiek,productie,kanban,energie"},
    {"mensen", "Mensen en werk", "People and work", "roosteren,personeel,stage,bbl,begeleiding,onderwijs"},
    {"verbinden", "Netwerken en werkbezoeken", "Networking and site visits", "netwerken,verbinden,werkbezoek,congres"},
};

inline constexpr DemoArticleSpec kDemoArticles[] = {
    // ---- This month ----
    {DemoAuthor::kLeader, "", 0, 0.15, true, "nl", "Wat de borrel ons leerde",
     "Op het Congres Zorg & Industrie ontstonden de echte verbindingen niet in de zaal, maar bij de borrel. "
     "Drie dingen die we daarom anders doen.",
     "netwerken,verbinden,congres",
     "Het Congres Zorg & Industrie van afgelopen voorjaar had een sterk programma. Toch hoorde ik achteraf steeds "
     "hetzelfde: *het beste gesprek had ik bij de borrel*.\n\n"
     "## Twee vragen die het verschil maken\n\n"
     "Wat gebeurde daar? Mensen die elkaar online al kenden, stelden elkaar twee vragen:\n\n"
     "1. **Waar loop je nu tegenaan?**\n"
     "2. **Hoe zou jij het aanpakken — mag ik eens bij je komen kijken?**\n\n"
     "Die tweede vraag is de sleutel. Een werkbezoek maakt van een online contact een echte verbinding. Anja "
     "(wijkverpleging) en Pieter (lean in de maakindustrie) zijn het bekendste voorbeeld: hun gesprek bij de borrel "
     "werd in juni een bezoek aan de productiehal, en inmiddels een aanpak voor de wachtlijst.\n\n"
     "## Wat we daarom anders doen\n\n"
     "- Op de netwerkborrel zitten we aan tafels van zes, met de sectoren zoveel mogelijk door elkaar.\n"
     "- Wie zich aanmeldt, krijgt vooraf een paar namen van mensen die je *moet* spreken, met de reden erbij.\n"
     "- Na afloop vragen we: wie sprak je, en wil je een vervolg plannen?\n\n"
     "Heb je een werkplek waar anderen iets kunnen leren? Zet op je profiel dat je bezoek ontvangt. Zo vindt de "
     "volgende Pieter zijn Anja.\n"},
    {DemoAuthor::kPieter, "", 0, 0.4, true, "nl",
     "Lean in de wijkzorg: wat een onderdelenfabriek en een thuiszorgteam van elkaar leren",
     "Een wachtlijst is voorraad die op mensen wacht. Wat ik zag toen ik een dag meeliep met het wijkteam van "
     "Thuiszorg De Noaber — en wat er in zes weken veranderde.",
     "lean,wijkzorg,thuiszorg,doorlooptijd",
     "In de fabriek kijken we naar doorlooptijd: hoe lang ligt een order stil tussen twee bewerkingen? Toen Anja "
     "vertelde dat cliënten na ontslag uit het ziekenhuis soms twee weken wachten op een eerste bezoek, herkende ik "
     "het patroon meteen.\n\n"
     "## Wat we zagen\n\n"
     "We hebben samen de stroom getekend, van aanmelding tot eerste zorgmoment, met geeltjes op de muur van de "
     "teampost. Het werk zelf ging snel. Het wachten zat tussen de stappen:\n\n"
     "- intakes werden in één blok op dinsdag gepland (een *batch*, zouden wij zeggen);\n"
     "- een aanmelding ging drie keer van hand tot hand voordat iemand hem oppakte;\n"
     "- niemand zag in één oogopslag hoeveel aanmeldingen er openstonden.\n\n"
     "## Wat het team veranderde\n\n"
     "| stap | voorheen | na zes weken |\n"
     "|---|---|---|\n"
     "| aanmelding → intake | 6 dagen | 2 dagen |\n"
     "| intake → eerste bezoek | 8 dagen | 4 dagen |\n\n"
     "Elke ochtend intakes in plaats van één blok, één vaste eigenaar per aanmelding, en een bord waarop iedereen "
     "ziet wat er openstaat. Geen nieuwe systemen, geen extra mensen.\n\n"
     "Het mooiste vond ik dat de verpleegkundigen het bord na een week zelf hadden aangepast. Dat is precies wat "
     "we in de fabriek ook willen: de mensen die het werk doen, verbeteren het.\n"},
    {DemoAuthor::kAnja, "", 0, 0.65, true, "nl", "Kom eens kijken: wat ik in de productiehal zag",
     "In juni liep ik een ochtend mee bij Twentse Precisie Onderdelen in Almelo. Het dagstartbord van de "
     "productiehal hangt nu ook bij ons op de teampost.",
     "werkbezoek,wijkzorg,verbinden",
     "Ik had nooit gedacht dat ik in een CNC-afdeling iets zou leren over wijkverpleging. Maar na het gesprek met "
     "Pieter op de borrel wilde ik het met eigen ogen zien.\n\n"
     "## Een kwartier per dag\n\n"
     "Om half acht staat het hele team bij een bord: wat is er gisteren misgegaan, wat staat er vandaag klaar, "
     "wie heeft hulp nodig? Een kwartier, staand, en iedereen weet waar hij aan toe is. Bij ons ging die "
     "informatie via losse appjes en een overdrachtsschrift.\n\n"
     "## Wat wij hebben overgenomen\n\n"
     "- een dagstart van tien minuten op de teampost, met een bord in plaats van een schrift;\n"
     "- één kolom *wachtend op intake*, zodat we de wachtlijst elke dag zien in plaats van eens per maand;\n"
     "- een vaste vraag aan het eind: *wie kan vandaag iemand overnemen?*\n\n"
     "Het grootste verschil zit niet in het bord, maar in het gesprek eromheen. Mijn tip: ga eens kijken bij "
     "iemand uit een heel andere sector. Op verbinder kun je zien wie bezoek ontvangt.\n"},
    {DemoAuthor::kMember, "Twents Stedelijk Ziekenhuis", 0, 0.85, true, "en",
     "Two bins, no stock-outs: what our ward learned from a logistics centre",
     "Nurses kept private stashes of infusion sets because the stockroom kept running dry. A two-bin system we "
     "borrowed from a distribution centre down the road fixed most of it within a month.",
     "kanban,voorraad,ziekenhuis,logistiek",
     "For years our surgical ward ran out of infusion sets, catheters and dressings while the central stockroom "
     "believed there was plenty. Nurses did what nurses do: they hid a few boxes in their lockers. That made the "
     "counts even less reliable.\n\n"
     "## Borrowed from logistics\n\n"
     "A planner at Distributiecentrum Oost, whom I met at a networking table, showed us the *two-bin* system they "
     "use for medical supplies:\n\n"
     "1. every item has two bins on the shelf;\n"
     "2. when the first bin is empty, its card goes into a box at the door;\n"
     "3. the stockroom collects the cards twice a day and refills exactly what was used.\n\n"
     "## After a month\n\n"
     "- stock-outs on the ward dropped from several a week to one in the whole month;\n"
     "- the private stashes came back to the shelf by themselves;\n"
     "- the stockroom now sees real consumption instead of guesses.\n\n"
     "None of this is new in industry. It was new to us — and we only learned it because someone from another "
     "sector sat at the same table.\n"},
    {DemoAuthor::kMember, "Distributiecentrum Oost", 0, 0.9, false, "nl",
     "Spoedbestellingen voorspellen, samen met het ziekenhuis",
     "Drie keer per week een spoedrit met verbandmiddelen: dat kan anders. Een voorstel voor een proef met twee "
     "afdelingen.",
     "logistiek,ziekenhuis,voorraad",
     "Wij leveren medische hulpmiddelen aan ziekenhuizen in de regio. Een groot deel van de bestellingen komt met "
     "spoed binnen, vaak aan het eind van de middag.\n\n"
     "Mijn voorstel: we delen een paar maanden het werkelijke verbruik van twee afdelingen en maken samen een "
     "voorspelling per week. Wie doet mee?\n"},

    // ---- Last month ----
    {DemoAuthor::kLeader, "", 1, 0.3, true, "nl", "Moet je een netwerk wel willen managen?",
     "Een netwerk is geen organisatie met een organogram. Waarom we niet sturen op aantallen aanmeldingen en "
     "likes, maar op de kwaliteit van de verbindingen.",
     "netwerken,verbinden",
     "Het is verleidelijk om een netwerk te besturen zoals een afdeling: doelen voor het aantal leden, het aantal "
     "bezoekers per bijeenkomst, het aantal berichten. Maar een netwerk bestaat uit mensen die met elkaar "
     "verbonden zijn, en die verbindingen laten zich niet afdwingen.\n\n"
     "## Waar wij wél naar kijken\n\n"
     "- **Zijn contacten echt?** Online verbonden zijn is een begin. Elkaar gesproken hebben, op een bijeenkomst "
     "of bij een werkbezoek, is iets anders.\n"
     "- **Lopen er bruggen tussen sectoren?** De zorg en de industrie hebben elkaar veel te bieden, maar het "
     "onderwijs en de overheid praten nog vooral met zichzelf.\n"
     "- **Wie valt buiten de boot?** Leden die lang niets van zich lieten horen, nodigen we persoonlijk uit.\n\n"
     "Als netwerkleider zie ik mijn rol dan ook niet als manager, maar als verbinder: mensen bij elkaar brengen "
     "die elkaar nog niet kennen, maar wel zouden moeten kennen.\n"},
    {DemoAuthor::kMember, "Hengelose Machinefabriek", 1, 0.5, true, "nl", "Energiekosten omlaag zonder nieuwe machines",
     "Onze energierekening verdubbelde in twee jaar. Met warmteterugwinning en slimmer plannen haalden we er een "
     "vijfde af — zonder één nieuwe machine.",
     "energie,industrie,productie",
     "Onze ovens en persen draaien op gas en stroom. Toen de rekening in twee jaar verdubbelde, was de eerste "
     "reflex: nieuwe, zuinigere machines. Maar die investering verdienen we niet snel terug.\n\n"
     "## Wat wel werkte\n\n"
     "1. **Warmte terugwinnen.** De restwarmte van de compressoren verwarmt nu de assemblagehal.\n"
     "2. **Verbruik verschuiven.** Energie-intensieve orders plannen we waar het kan op uren met lage tarieven.\n"
     "3. **Meten per machine.** Pas toen we per machine maten, zagen we dat een oude oven 's nachts onnodig op "
     "temperatuur bleef.\n\n"
     "Ik hoorde op de netwerkborrel dat woonzorgcentra met hetzelfde worstelen. Kom gerust eens kijken: de "
     "meetopstelling is eenvoudig na te bouwen.\n"},
    {DemoAuthor::kMember, "ROC Twente-Midden", 1, 0.7, true, "en",
     "Why apprentices drop out — and what host companies can do in the first six weeks",
     "Half of our apprentices in engineering leave in their first year. Most decide in the first six weeks. "
     "Five things that keep them on board.",
     "bbl,stage,begeleiding,onderwijs",
     "We place apprentices in engineering companies and in care. In both sectors the same thing happens: the "
     "ones who leave usually decide within six weeks.\n\n"
     "## What helps\n\n"
     "- **One fixed buddy**, not \"whoever is on shift\".\n"
     "- **Real work in week one**, however small — not only watching.\n"
     "- **A short check-in every Friday**: what went well, what was confusing?\n"
     "- **Clear steps**: what will you be able to do after a month, after three months?\n"
     "- **A visit from school in week three**, before doubts turn into a decision.\n\n"
     "Care organizations taught us the buddy system; manufacturers taught us the clear steps. If you host "
     "apprentices and want to compare notes, my profile says where to find me.\n"},
    {DemoAuthor::kMember, "Zorggroep Reggedal", 1, 0.85, true, "nl", "Zelfroosteren: ervaringen na een jaar",
     "Een rooster dat eerlijk is én flexibel: kan dat? Na een jaar zelfroosteren op locatie Reggehof de "
     "balans — en wat we leerden van de chauffeursplanning van een transportbedrijf.",
     "roosteren,personeel,ouderenzorg",
     "Elke week puzzelden we met het rooster, en steeds vielen dezelfde collega's in. Een jaar geleden zijn we op "
     "locatie Reggehof overgestapt op zelfroosteren: iedereen geeft eerst zelf zijn diensten op, daarna lost het "
     "team de gaten samen op.\n\n"
     "## Wat het opleverde\n\n"
     "- minder last-minute ruilen;\n"
     "- invallen is eerlijker verdeeld, omdat iedereen ziet wie al vaak bijsprong;\n"
     "- het kost de teamleider in het begin méér tijd, daarna minder.\n\n"
     "Een planner van een transportbedrijf wees ons op iets wat zij allang doen: vaste spelregels vooraf (hoeveel "
     "weekenden, hoeveel late diensten) in plaats van onderhandelen achteraf. Dat maakte het verschil.\n"},
};

inline constexpr DemoReaderSpec kDemoReaders[] = {
    {"h.kuipers@lezer.demo", "nl", "zorg", "confirmed"},
    {"s.okafor@reader.demo", "en", "", "confirmed"},
    {"info@zorgcooperatie-salland.demo", "nl", "zorg,mensen", "confirmed"},
    {"b.veldhuis@lezer.demo", "nl", "industrie", "confirmed"},
    {"j.nijland@lezer.demo", "nl", "", "pending"},
    {"m.brouwer@lezer.demo", "nl", "", "unsubscribed"},
};

inline std::span<const DemoTopicSpec> DemoNewsletterTopics() {
  return kDemoTopics;
}
inline std::span<const DemoArticleSpec> DemoArticles() {
  return kDemoArticles;
}
inline std::span<const DemoReaderSpec> DemoNewsletterReaders() {
  return kDemoReaders;
}

}  // namespace verbinder::demo
