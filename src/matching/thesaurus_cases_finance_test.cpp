// Realistic member cases (finance): each challenge meets the expertise of a member in another
// sector who can help, through a concept a person would accept, and above a decoy expert of
// the same field who cannot (data/thesaurus_cases_finance.tsv and the files it links into).
#include <gtest/gtest.h>

#include "matching/thesaurus_test_util.h"

namespace verbinder::matching {
namespace {

using thesaurus_test::ExpectExpertsAboveDecoys;

TEST(ThesaurusCases_finance, ChallengesMeetTheExpertWhoCanHelpAboveADecoy) {
  ExpectExpertsAboveDecoys({
      {"Onze medewerkers op de klantenlijn van de bank raken uitgeput door boze en dreigende bellers over geblokkeerde "
       "rekeningen.",
       "Als GGZ-trainer leer ik professionals de-escaleren bij agressie en omgaan met emotioneel geladen gesprekken.",
       "Ik implementeer telefooncentrales en belroutering voor grote callcenters.", "nl"},
      {"Deelnemers van ons pensioenfonds snappen de jaarlijkse brief niet en bellen massaal met vragen.",
       "Ik herschrijf overheidsteksten naar taalniveau B1 zodat iedere burger ze begrijpt.",
       "Ik adviseer pensioenfondsen over beleggingsbeleid en renteafdekking.", "nl"},
      {"Our claims department needs six weeks to settle a simple car damage file and policyholders get angry.",
       "As a lean coach in automotive plants I cut lead times by mapping value streams and removing waste.",
       "I am an actuary who prices motor insurance premiums.", "en"},
      {"Steeds meer oudere klanten worden opgelicht door nepbankmedewerkers aan de telefoon en maken hun spaargeld "
       "over.",
       "Ik train thuiszorgers en wijkverpleegkundigen om financieel misbruik van senioren te herkennen en te melden.",
       "Ik bouw mobiele bankapps met een eenvoudige interface.", "nl"},
      {"Our audit trainees quit within two years, usually right after they get their qualification.",
       "Ik begeleid startende leraren met een inwerkprogramma en coaching zodat ze voor het vak behouden blijven.",
       "Ik ontwikkel data-analysesoftware voor de controle van jaarrekeningen.", "en"},
      {"Onze maandafsluiting duurt vijftien werkdagen omdat we alles handmatig in Excel overtikken.",
       "I automate repetitive back-office tasks with software robots (RPA) and connect systems through APIs.",
       "Ik geef trainingen in IFRS-verslaggeving voor controllers.", "nl"},
      {"Bij onze woningcorporatie lopen de huurachterstanden op en we komen pas in beeld als de deurwaarder al nodig "
       "is.",
       "Als gemeentelijk schuldhulpverlener zet ik vroegsignalering op: we benaderen inwoners zodra er "
       "betalingsproblemen ontstaan.",
       "Ik ben vastgoedtaxateur en waardeer huurwoningen voor de jaarrekening.", "nl"},
      {"Many of our credit union members are elderly and struggle to log in to the new online portal.",
       "Ik geef computerlessen aan senioren in de bibliotheek, bijvoorbeeld over DigiD en internetbankieren.",
       "I advise credit unions on capital requirements and lending policy.", "en"},
      {"We cannot trust the carbon figures that portfolio companies report, so our green fund labels are shaky.",
       "I measure factory emissions under the GHG Protocol, scope 1 to 3, and verify supplier data.",
       "I am a portfolio manager for emerging market bonds.", "en"},
      {"De laatste programmeurs die ons oude kernbanksysteem kennen gaan binnenkort met pensioen.",
       "Ik borg de stille kennis van ervaren technici voordat ze vertrekken, met meeloopdagen en vastgelegde "
       "werkinstructies.",
       "Ik adviseer webwinkels over migratie naar de cloud.", "nl"},
      {"Het ziekteverzuim onder onze schadebehandelaars is opgelopen tot twaalf procent.",
       "Als bedrijfsarts help ik organisaties uitval door werkdruk terug te dringen met een preventief spreekuur.",
       "Ik automatiseer de afhandeling van schadeclaims met beeldherkenning.", "nl"},
      {"Half of the people who download our app give up halfway through the identity check.",
       "I run usability tests with real users and redesign sign-up flows so fewer drop out.",
       "I build payment gateways for webshops.", "en"},
      {"Bij de overgang naar het nieuwe pensioenstelsel blijken duizenden deelnemersgegevens onvolledig of fout.",
       "I clean and reconcile population register records and set up data quality rules for municipalities.",
       "Ik bereken dekkingsgraden en doe ALM-studies voor pensioenfondsen.", "nl"},
      {"In het voorjaar verdrinken onze assistent-accountants in aangiftes en jaarrekeningen, de rest van het jaar is "
       "het rustig.",
       "Ik maak roosters en flexpools voor ziekenhuizen zodat seizoenspieken zonder overwerk worden opgevangen.",
       "Ik ben fiscalist gespecialiseerd in vennootschapsbelasting.", "nl"},
      {"We suspect some repair shops inflate invoices on the claims they send us, but we cannot prove it.",
       "I develop algorithms that detect unusual patterns in large transaction files.",
       "I train insurance brokers in sales skills.", "en"},
      {"Ons transactiemonitoringsysteem geeft duizenden meldingen per week, bijna allemaal loos alarm.",
       "I tune alert thresholds and build classifiers that cut false positives in screening.",
       "Ik geef compliance-trainingen over integriteit en gedragscodes.", "nl"},
      {"Department heads ignore our monthly budget reports because they find the spreadsheets too complicated.",
       "I design dashboards and visualisations that show managers at a glance where they stand.",
       "I audit annual accounts of mid-sized companies.", "en"},
      {"Bij elke nepmail-test klikt nog steeds een kwart van onze medewerkers op de link.",
       "Ik verzorg programma's voor beveiligingsbewustzijn en gesimuleerde phishingcampagnes die gedrag echt "
       "veranderen.",
       "Ik ontwikkel betaalsoftware voor banken.", "nl"},
      {"Our collections staff do not recognise when a customer behind on premiums is actually in a mental health "
       "crisis.",
       "I train front-line workers to spot psychological vulnerability and refer people to the right support.",
       "I build automated payment reminder workflows.", "en"},
      {"De kosten voor onderhoud van onze huurwoningen schieten omhoog door steeds meer spoedreparaties.",
       "I set up condition-based and predictive maintenance planning for industrial assets using sensor data.",
       "Ik stel meerjarenbegrotingen op voor woningcorporaties.", "nl"},
      {"Our mortgage advisors face a backlog of three weeks of applications waiting for a first review.",
       "I help permit offices at municipalities process requests faster by balancing workload and planning the intake.",
       "I model house prices and mortgage default risk.", "en"},
      {"Our investment committee always follows the loudest voice and nobody challenges a bad trade idea.",
       "Ik train ziekenhuisteams in crew resource management: elkaar durven aanspreken en open besluitvorming.",
       "I build quantitative trading models for hedge funds.", "en"},
      {"Onze MKB-klanten leveren hun bonnetjes en facturen pas in juni aan, in een schoenendoos.",
       "I build apps that scan receipts with OCR and post them straight into the ledger.",
       "Ik adviseer ondernemers over bedrijfsopvolging.", "nl"},
      {"Our CFO wants to free up cash, but too much money sits in raw materials on the shelves.",
       "Ik optimaliseer voorraadniveaus en bestelpunten in magazijnen met vraagvoorspelling.",
       "I negotiate bank loans and credit lines for mid-sized firms.", "en"},
      {"Klanten hangen bij ons klantcontactcentrum soms veertig minuten aan de lijn voordat iemand opneemt.",
       "Ik bereken op basis van belpatronen hoeveel medewerkers er per kwartier ingeroosterd moeten worden.",
       "Ik schrijf scripts voor verkoopgesprekken aan de telefoon.", "nl"},
      {"Veel kleine ondernemers met een microkrediet houden hun administratie niet bij en kunnen daardoor niet "
       "aflossen.",
       "I teach bookkeeping basics and cash-flow budgeting to starting business owners.",
       "Ik beoordeel kredietaanvragen met een scoremodel.", "nl"},
      {"We vrezen dat ons premiemodel onbedoeld mensen met een migratieachtergrond benadeelt.",
       "Ik toets algoritmes van overheidsinstanties op discriminatie en eerlijkheid, lessen uit de toeslagenaffaire.",
       "Ik ben actuaris en bouw tariefmodellen voor autoverzekeringen.", "nl"},
      {"Every quarter we find supplier bills that were paid twice because they came in by mail and by email.",
       "Ik ontwikkel software voor ontdubbeling en het matchen van records in grote databestanden.",
       "I advise on VAT for cross-border trade.", "en"},
      {"Onze adviseurs voelen druk om producten te verkopen die niet altijd in het belang van de klant zijn.",
       "Ik begeleid moreel beraad waarin professionals samen reflecteren op ethische dilemma's uit hun dagelijkse "
       "werk.",
       "Ik ontwikkel verkooptrainingen voor hypotheekadviseurs.", "nl"},
      {"We have no good picture of which homes in our portfolio are at risk of flooding from heavy rain.",
       "I make climate stress tests and waterlogging maps for municipalities and water boards.",
       "I sell home insurance through comparison websites.", "en"},
      {"Every department keeps its own copy of client details, so addresses and phone numbers contradict each other.",
       "I set up master data management: one source of truth for reference data, with clear ownership per domain.",
       "I design marketing campaigns for retail banks.", "en"},
      {"Alle dossiers moeten langs één van de twee vennoten voor ondertekening en daar blijft alles liggen.",
       "I help organisations find the constraint in their workflow and spread decision rights so work keeps moving.",
       "Ik ben gespecialiseerd in fiscale structurering van holdings.", "nl"},
      {"New compliance officers need months before they understand all the rules they have to check.",
       "Ik ontwikkel blended leertrajecten en microlearning voor professionals die lastige regelgeving moeten "
       "beheersen.",
       "I provide legal opinions on banking supervision law.", "en"},
      {"Bij onze arbeidsongeschiktheidsverzekering duurt het te lang voordat zieke klanten weer aan het werk gaan.",
       "Ik ben ergotherapeut en begeleid mensen met chronische pijn naar een passende baan.",
       "Ik bereken premies voor inkomensverzekeringen voor zzp'ers.", "nl"},
      {"Relatives of customers with dementia often call us because they cannot access the accounts they need to pay "
       "care bills.",
       "I am a case manager for memory problems and help families arrange power of attorney and guardianship.",
       "I develop fraud detection for online banking.", "en"},
      {"Onze liquiditeitsprognose zit er elke maand tientallen procenten naast, waardoor we onverwacht rood staan.",
       "Ik bouw tijdreeksmodellen die omzet en vraag voorspellen met machine learning.",
       "Ik doe de salarisadministratie voor middelgrote bedrijven.", "nl"},
  });
}

}  // namespace
}  // namespace verbinder::matching
