// Realistic member cases (everyday Dutch, all five sectors): each challenge meets the expertise of a
// member in another sector who can help, through a concept a person would accept, and above a decoy
// expert of the same field who cannot (data/thesaurus_cases_dutch.tsv and the files it links into).
#include <gtest/gtest.h>

#include "matching/thesaurus_test_util.h"

namespace verbinder::matching {
namespace {

using thesaurus_test::ExpectExpertsAboveDecoys;

TEST(ThesaurusCases_dutch, ChallengesMeetTheExpertWhoCanHelpAboveADecoy) {
  ExpectExpertsAboveDecoys({
      {"Bij ons loopt het steeds vast bij de overdracht van de avond naar de nacht; er raakt telkens informatie kwijt.",
       "Als oud-verkeersleider train ik ploegen in gestructureerde briefings volgens SBAR, zodat cruciale gegevens bij "
       "een wisseling compleet doorkomen.",
       "Ik geef trainingen palliatieve zorg aan verpleegkundigen die in de nacht werken.", "nl"},
      {"We krijgen de roosters niet rond: elke week gaten in de weekenddiensten en veel te veel uitzendkrachten.",
       "Ik ontwerp slimme werktijdschema's en bezettingsmodellen voor 24-uursbedrijven, met wiskundige optimalisatie.",
       "Ik help zorgorganisaties met het werven van nieuwe verpleegkundigen via social media.", "nl"},
      {"Veel ouderen in onze wijk vallen thuis en belanden daarna in het ziekenhuis.",
       "Ik richt woningen drempelvrij in met beugels, antislipvloeren en goede verlichting, zodat bejaarden niet "
       "struikelen.",
       "Ik organiseer activiteiten tegen eenzaamheid onder ouderen in de wijk.", "nl"},
      {"Nieuwe collega's op de afdeling haken binnen een jaar af; ze voelen zich niet welkom en lopen verloren.",
       "Ik ontwerp onboardingtrajecten en buddysystemen voor starters in de techniek, zodat instromers sneller hun "
       "plek vinden en blijven.",
       "Ik verzorg trainingen wondzorg voor verpleegkundigen op de afdeling.", "nl"},
      {"Onze thuiszorgmedewerkers zitten uren in de auto tussen cliënten en verliezen veel tijd met rijden.",
       "Ik optimaliseer routes voor bezorgdiensten met ritplanningssoftware en slimme algoritmes.",
       "Ik adviseer thuiszorgorganisaties over het leasen van elektrische auto's.", "nl"},
      {"Cliënten met dementie worden 's avonds onrustig en onze medewerkers weten niet goed wat ze dan moeten doen.",
       "Ik train professionals in de-escalatie en het hanteren van probleemgedrag, vanuit jaren ervaring in het "
       "speciaal onderwijs.",
       "Ik adviseer over de financiering van dementiezorg en casemanagement.", "nl"},
      {"Ons ziekteverzuim onder verzorgenden is hoog, vooral door rugklachten na het tillen van cliënten.",
       "Ik ben ergonoom in de logistiek en verlaag fysieke belasting met hulpmiddelen en betere werkhoudingen.",
       "Ik help zorgorganisaties met de werving van verzorgenden uit het buitenland.", "nl"},
      {"Patiënten komen hun afspraken op de poli vaak niet na en dan staat de spreekkamer leeg.",
       "Ik verminder no-shows bij reserveringen met automatische herinneringsberichten, opgedaan in de horeca en "
       "retail.",
       "Ik verbouw poliklinieken tot lichte, moderne spreekkamers.", "nl"},
      {"Onze machines vallen onverwacht stil en dan ligt de hele lijn uren plat.",
       "Ik zet sensordata en voorspellend onderhoud in om storingen te zien aankomen, eerder toegepast bij "
       "ziekenhuisapparatuur.",
       "Ik adviseer fabrieken over het verduurzamen van hun energieverbruik.", "nl"},
      {"Op de werkvloer worden de veiligheidsregels niet nageleefd; mensen nemen sluiproutes omdat het anders te lang "
       "duurt.",
       "Ik help organisaties aan een open cultuur waarin collega's elkaar aanspreken op riskant gedrag; achtergrond in "
       "de luchtvaart.",
       "Ik help fabrieken met hun energietransitie en zonnepanelen op het dak.", "nl"},
      {"We vinden geen monteurs meer; vacatures staan maanden open en de oudere vakmensen gaan binnenkort met "
       "pensioen.",
       "Ik zet leerwerktrajecten en zij-instroomprogramma's op waarmee volwassenen via het mbo omscholen naar een "
       "technisch beroep.",
       "Ik adviseer werkgevers over pensioenregelingen.", "nl"},
      {"Er gaat veel kennis verloren als ervaren operators vertrekken; niets staat op papier.",
       "Ik help teams het vakmanschap van senioren vast te leggen in werkinstructies en korte instructievideo's, zoals "
       "in ziekenhuizen.",
       "Ik help fabrieken bij het werven van operators via uitzendbureaus.", "nl"},
      {"Te veel producten worden afgekeurd aan het eind van de lijn en we weten niet waar de fouten ontstaan.",
       "Ik pas statistische procescontrole en oorzaakanalyse toe om de bron van afwijkingen te vinden.",
       "Ik ontwerp verpakkingen voor voedingsproducten.", "nl"},
      {"Onze energierekening is ontploft en de ovens draaien ook als er niets gebakken wordt.",
       "Ik breng het verbruik van gas en stroom per installatie in kaart en vind besparingen met slimme meters.",
       "Ik ontwikkel nieuwe recepten voor bakkerijen.", "nl"},
      {"Orders komen steeds te laat bij de klant omdat de planning op de vloer telkens wordt omgegooid.",
       "Ik help bedrijven met S&OP en het afstemmen van vraag en productievolgorde, zodat de leverbetrouwbaarheid "
       "stijgt.",
       "Ik train accountmanagers in klantgesprekken.", "nl"},
      {"Onze heftruckchauffeurs in het magazijn stoppen er vaak binnen een jaar mee.",
       "Ik onderzoek behoud van personeel: waarom mensen vertrekken en wat leidinggevenden kunnen doen om ze te "
       "binden.",
       "Ik ontwerp magazijnindelingen en stellingen.", "nl"},
      {"Inwoners begrijpen onze brieven niet en bellen daarna massaal met vragen.",
       "Ik herschrijf teksten naar taalniveau B1 en test ze met lezers, ervaring opgedaan bij verzekeraars.",
       "Ik richt klantcontactcentra in met nieuwe telefooncentrales.", "nl"},
      {"Aanvragen voor een vergunning blijven weken liggen en ondernemers raken gefrustreerd.",
       "Ik verkort doorlooptijden van dossiers met lean en procesanalyse, ervaring uit banken en verzekeraars.",
       "Ik adviseer ondernemers over hun bedrijfsplan.", "nl"},
      {"Jongeren in de wijk hangen rond en er is steeds vaker overlast en vernieling.",
       "Ik zet sport- en beweegprogramma's op voor tieners, samen met clubs en scholen.",
       "Ik ontwerp speeltuinen voor peuters.", "nl"},
      {"Bij de gemeente werken afdelingen langs elkaar heen; iedereen heeft zijn eigen Excel-lijstjes.",
       "Ik help organisaties aan één centrale bron voor gegevens: datamanagement, masterdata en een gedeeld "
       "datawarehouse.",
       "Ik geef trainingen Excel voor beginners.", "nl"},
      {"Mensen met schulden melden zich pas bij ons als de deurwaarder al op de stoep staat.",
       "Ik ontwikkel vroegsignalering op basis van betalingsachterstanden bij energie- en woningbedrijven.",
       "Ik ben deurwaarder en verzorg beslaglegging.", "nl"},
      {"Burgers voelen zich niet gehoord bij plannen voor nieuwe windmolens en de inspraakavonden lopen uit de hand.",
       "Ik begeleid participatietrajecten en dialoogsessies, bijvoorbeeld met ouders op scholen.",
       "Ik bereken de opbrengst van windparken.", "nl"},
      {"Onze handhavers worden steeds vaker uitgescholden en bedreigd op straat.",
       "Ik train medewerkers in weerbaarheid en het kalmeren van boze mensen, eerder voor baliepersoneel in "
       "ziekenhuizen.",
       "Ik adviseer over de inrichting van parkeerhandhaving met scanauto's.", "nl"},
      {"Leerlingen zitten de hele dag op hun telefoon en kunnen zich in de les niet meer concentreren.",
       "Ik onderzoek aandacht en afleiding door schermen en help organisaties met digitale hygiëne.",
       "Ik ontwikkel educatieve apps voor rekenen.", "nl"},
      {"We hebben te weinig invallers; als een docent ziek is, gaat de klas naar huis.",
       "Ik richt flexpools en gedeelde inzet van personeel tussen organisaties in, bekend uit de zorg.",
       "Ik geef trainingen klassenmanagement aan beginnende docenten.", "nl"},
      {"Veel studenten stoppen in het eerste jaar van hun opleiding.",
       "Ik analyseer uitval en voorspel met learning analytics wie risico loopt, zodat mentoren eerder ingrijpen.",
       "Ik adviseer hogescholen over campushuisvesting.", "nl"},
      {"Ouders van nieuwkomers komen nooit naar de ouderavond en we bereiken ze niet.",
       "Ik zet tolken en sleutelfiguren uit migrantengemeenschappen in om families te betrekken, ervaring bij de GGD.",
       "Ik organiseer schoolreisjes en excursies.", "nl"},
      {"Het rooster van de school klopt elk jaar niet: lokalen dubbel geboekt en tussenuren voor iedereen.",
       "Ik los complexe planningspuzzels op met optimalisatiesoftware, zoals dienstindelingen bij de NS.",
       "Ik verbouw schoolgebouwen en lokalen.", "nl"},
      {"Leraren gaan gebukt onder werkdruk en twee collega's zitten thuis met een burn-out.",
       "Ik begeleid teams bij duurzame inzetbaarheid en stressreductie, met coaching op energie en herstel.",
       "Ik geef bijscholing in didactiek voor leraren.", "nl"},
      {"Pesten gebeurt vooral online en wij als school krijgen het pas laat mee.",
       "Ik ben expert in digitale veiligheid en monitoring van sociale media, en train organisaties om "
       "cyberintimidatie vroeg te signaleren.",
       "Ik ontwerp schoolpleinen met veel groen.", "nl"},
      {"Onze mbo-studenten vinden geen stageplek en bedrijven reageren niet op onze mails.",
       "Ik verbind werkgevers en opleidingen in regionale netwerken en regel praktijkplaatsen voor jongeren.",
       "Ik schrijf lesmethodes Nederlands voor het mbo.", "nl"},
      {"Onze facturen worden veel te laat betaald en het geld komt pas na drie maanden binnen.",
       "Ik richt debiteurenbeheer en incassoprocessen in, zodat je openstaande posten sneller ontvangt.",
       "Ik adviseer ondernemers over fiscale regelingen.", "nl"},
      {"Elke maand is de afsluiting een race tegen de klok en het boekjaar sluiten duurt weken.",
       "Ik help controllers met een fast close: geautomatiseerde aansluitingen en een strakke kalender voor de "
       "rapportage.",
       "Ik geef trainingen over belastingaangifte voor het mkb.", "nl"},
      {"We hebben geen idee wat we echt verdienen op elk product, dus onze prijzen zijn een gok.",
       "Ik bouw kostprijsmodellen en activity-based costing, zodat marges per artikel zichtbaar worden.",
       "Ik ontwerp webshops en productfoto's.", "nl"},
      {"Ons bestuur vertrouwt de cijfers niet; elke afdeling levert andere getallen aan.",
       "Ik richt één versie van de waarheid in met datagovernance, eenduidige definities en een gedeeld dashboard.",
       "Ik coach bestuurders in persoonlijk leiderschap.", "nl"},
      {"Klanten vallen voor nepfacturen en phishingmails en maken grote bedragen over naar oplichters.",
       "Ik ontwerp bewustwordingscampagnes en trainingen tegen fraude en social engineering, eerder voor ziekenhuizen.",
       "Ik adviseer over spaarrekeningen en beleggen.", "nl"},
      {"Jonge klanten snappen hun hypotheek en pensioen niet en stellen keuzes uit.",
       "Ik maak financiële begrippen begrijpelijk met eenvoudige taal en voorlichting, als docent economie.",
       "Ik bereken actuariële tarieven voor pensioenfondsen.", "nl"},
      {"Het kwartaalrapport kost ons dagen handwerk: kopiëren en plakken uit vijf systemen.",
       "Ik automatiseer terugkerende overzichten met RPA-robots en koppelingen tussen applicaties.",
       "Ik geef trainingen presenteren voor financials.", "nl"},
      {"Bij elke controle van de toezichthouder moeten we alles uit mails en mappen bij elkaar zoeken.",
       "Ik richt dossiervorming en een sluitend documentbeheer in, zodat je bewijslast altijd paraat hebt.",
       "Ik adviseer over beleggingsstrategieën.", "nl"},
  });
}

}  // namespace
}  // namespace verbinder::matching
