// Realistic member cases (cross-language: Dutch challenges met by an English expertise and English
// challenges met by a Dutch expertise, across care, industry, government, education, finance, retail,
// hospitality, culture, sports clubs, housing associations, non-profits and MKB/zzp): each challenge
// meets the expertise of a member in another sector who can help, through a concept a person would
// accept, and above a decoy expert of the same field who cannot (data/thesaurus_cases_mixed.tsv and
// the files it links into).
#include <gtest/gtest.h>

#include "matching/thesaurus_test_util.h"

namespace verbinder::matching {
namespace {

using thesaurus_test::ExpectExpertsAboveDecoys;

TEST(ThesaurusCases_mixed, ChallengesMeetTheExpertWhoCanHelpAboveADecoy) {
  ExpectExpertsAboveDecoys({
      // 2 (nl-en)
      {"In onze bakkerij gooien we elke avond kratten brood weg omdat we te veel hebben gebakken.",
       "I build demand forecasting models for fresh food retailers so that production matches daily sales.",
       "I advise bakeries on HACCP food safety and allergen labelling.", "nl"},
      // 3 (nl-en)
      {"Inwoners snappen onze brieven over belastingaanslagen niet en bellen massaal het klantcontactcentrum.",
       "I rewrite official letters and forms in plain language so that readers understand them the first time.",
       "I implement telephony and call routing software for contact centres.", "nl"},
      // 4 (nl-en)
      {"Steeds meer leerlingen in de brugklas blijven thuis met buikpijn en angstklachten; we verliezen ze uit het "
       "zicht.",
       "I coach schools on early detection of absenteeism and anxiety-related school refusal among teenagers.",
       "I develop maths curricula for the first year of secondary school.", "nl"},
      // 5 (nl-en)
      {"Onze klanten met betalingsachterstanden op hun hypotheek melden zich pas als het al te laat is.",
       "I design early warning signals and outreach for households slipping into debt, using behavioural insights.",
       "I advise banks on mortgage interest rate hedging.", "nl"},
      // 6 (nl-en)
      {"In onze winkels verdwijnt steeds meer voorraad zonder dat we weten of het diefstal is of administratieve "
       "fouten.",
       "I help stores reduce shrinkage through loss prevention audits and inventory reconciliation.",
       "I design store interiors and shop window displays.", "nl"},
      // 7 (nl-en)
      {"Ons restaurant krijgt steeds vaker reserveringen waar gasten vervolgens niet op komen dagen.",
       "I set up deposit systems and automated reminders that cut no-shows for appointment-based businesses.",
       "I train chefs in plant-based cooking.", "nl"},
      // 8 (nl-en)
      {"Ons museum trekt vooral vijftigplussers; jongeren tussen 18 en 30 komen vrijwel nooit binnen.",
       "I help organisations reach young adults through audience research and social media campaigns aimed at Gen Z.",
       "I restore old paintings and advise on climate control in collection storage.", "nl"},
      // 9 (nl-en)
      {"Onze voetbalclub vindt geen vrijwilligers meer voor bardiensten en het begeleiden van jeugdteams.",
       "I help associations recruit and retain volunteers with flexible, short-term roles.",
       "I give courses in youth football coaching and training drills.", "nl"},
      // 11 (nl-en)
      {"Onze stichting is voor bijna al haar inkomsten afhankelijk van één subsidie van de gemeente.",
       "I help charities diversify their income with fundraising strategies, donors and corporate partnerships.",
       "I do bookkeeping and annual accounts for foundations.", "nl"},
      // 12 (nl-en)
      {"Als klein installatiebedrijf krijgen we facturen pas na maanden betaald door grote opdrachtgevers.",
       "I help SMEs improve cash flow through credit control, payment terms and invoice financing.",
       "I give courses on heat pump installation.", "nl"},
      // 13 (nl-en)
      {"Als zzp'er weet ik niet hoe ik mijn uurtarief moet bepalen zonder mezelf uit de markt te prijzen.",
       "I coach freelancers on pricing their services and calculating a rate that covers costs, pension and holidays.",
       "I help self-employed people file their income tax return.", "nl"},
      // 14 (nl-en)
      {"Op onze productielijn maken nieuwe operators veel fouten omdat de inwerkperiode maar twee dagen is.",
       "I develop structured onboarding and on-the-job training programmes with visual work instructions for factory "
       "staff.",
       "I automate packaging lines with robotics.", "nl"},
      // 15 (nl-en)
      {"Onze afdeling vergunningen haalt de wettelijke beslistermijn bij aanvragen steeds vaker niet.",
       "I streamline permit processes and reduce backlogs in public administration with lean methods.",
       "I advise on environmental law and zoning regulations.", "nl"},
      // 16 (nl-en)
      {"Bewoners van ons verpleeghuis vallen vaak 's nachts als ze zelf naar het toilet lopen.",
       "I implement fall prevention programmes and sensor-based night monitoring in elderly care.",
       "I advise nursing homes on menu planning and nutrition.", "nl"},
      // 17 (nl-en)
      {"Veel mbo-studenten stoppen in het eerste jaar omdat ze een verkeerde opleiding hebben gekozen.",
       "I design study choice and career orientation programmes that help young people pick the right course.",
       "I train vocational teachers in classroom management.", "nl"},
      // 18 (nl-en)
      {"Ons accountantskantoor besteedt elke maand dagen aan het handmatig overtypen van bonnetjes en bankafschriften.",
       "I automate administrative processing: OCR scanning of receipts and automatic import of transactions into "
       "ledger software.",
       "I advise on audit quality and professional standards for accountants.", "nl"},
      // 19 (nl-en)
      {"Bij onze festivals blijft na afloop een berg plastic bekers en afval op het terrein achter.",
       "I set up reusable cup systems and waste sorting for large events.",
       "I book artists and manage stage programming for festivals.", "nl"},
      // 20 (nl-en)
      {"Veel oudere huurders wonen alleen in een te grote eengezinswoning, terwijl gezinnen jaren wachten.",
       "I help landlords encourage downsizing among seniors with moving coaches and tailored relocation offers.",
       "I do energy audits of terraced houses.", "nl"},
      // 21 (en-nl)
      {"Our emergency department nurses are exhausted and several have called in sick for months with burnout.",
       "Ik begeleid organisaties bij het voorkomen van overbelasting en uitval door werkdruk, met verzuimpreventie en "
       "veerkrachttrainingen.",
       "Ik geef trainingen in triage en spoedeisende zorg voor verpleegkundigen.", "en"},
      // 22 (en-nl)
      {"Our factory's energy bill tripled and we have no idea which machines use the most power.",
       "Ik breng het stroomverbruik per installatie in kaart met submeters en zoek besparingen in perslucht, "
       "verlichting en koeling.",
       "Ik ontwerp productielayouts en logistieke stromen in fabrieken.", "en"},
      // 23 (en-nl)
      {"Many residents in our municipality don't apply for benefits they are entitled to, such as rent allowance.",
       "Ik onderzoek niet-gebruik van toeslagen en regelingen en help gemeenten om huishoudens proactief te bereiken.",
       "Ik adviseer gemeenten over de inrichting van hun sociale dienst en bezwaarprocedures.", "en"},
      // 24 (en-nl)
      {"Several of our primary pupils have reading levels two years behind, and teachers lack time for one-to-one "
       "support.",
       "Ik train vrijwilligers en onderwijsassistenten om kinderen met leesachterstanden in kleine groepjes bij te "
       "spijkeren.",
       "Ik ontwikkel rekenmethodes voor groep 5 tot 8.", "en"},
      // 25 (en-nl)
      {"Our call centre agents spend most of their time answering the same five questions about policy changes.",
       "Ik bouw chatbots en een kennisbank met veelgestelde vragen, zodat klanten zelf antwoord vinden.",
       "Ik adviseer verzekeraars over premiestelling en actuariële modellen.", "en"},
      // 26 (en-nl)
      {"Customers fill their online baskets but most leave our webshop before paying.",
       "Ik verbeter conversie in e-commerce door het afrekenproces te vereenvoudigen en winkelwagenverlaters te "
       "analyseren.",
       "Ik richt magazijnen en orderpicking in voor webwinkels.", "en"},
      // 27 (en-nl)
      {"Our hotel kitchen staff barely speak Dutch or English, which causes misunderstandings in the rush.",
       "Ik geef taaltrainingen op de werkvloer voor anderstalige medewerkers, met beeldtaal en pictogrammen.",
       "Ik ontwikkel menukaarten en recepturen voor hotels.", "en"},
      // 28 (en-nl)
      {"Ticket sales at our theatre dropped and we can't predict which shows will sell out.",
       "Ik maak voorspelmodellen voor kaartverkoop en dynamische prijsstelling voor podia en evenementen.",
       "Ik ontwerp decors en belichting voor toneelvoorstellingen.", "en"},
      // 29 (en-nl)
      {"Our tennis club's membership is ageing and hardly any new young families join.",
       "Ik help verenigingen met ledenwerving en ledenbehoud, onder meer via laagdrempelige kennismakingsacties.",
       "Ik leg kunstgrasbanen en padelbanen aan.", "en"},
      // 30 (en-nl)
      {"Tenants in one of our estates complain about nuisance from neighbours, and conflicts keep escalating.",
       "Ik ben buurtbemiddelaar en train woonconsulenten in het de-escaleren van burenruzies.",
       "Ik adviseer corporaties over onderhoudsplanning en renovatie van portiekflats.", "en"},
      // 31 (en-nl)
      {"As a small charity we can't show funders what difference our programmes actually make.",
       "Ik help maatschappelijke organisaties hun effect te meten met een veranderingstheorie en impactindicatoren.",
       "Ik regel de financiële administratie en jaarrekening van stichtingen.", "en"},
      // 32 (en-nl)
      {"We are a family business and the founder retires next year, but nobody has been prepared to take over.",
       "Ik begeleid bedrijfsopvolging in het mkb, van overdrachtsplan tot coaching van de opvolger.",
       "Ik maak websites en logo's voor familiebedrijven.", "en"},
      // 33 (en-nl)
      {"As a freelance designer I have no income protection if I get ill for a long time.",
       "Ik adviseer zelfstandigen over arbeidsongeschiktheidsverzekeringen, broodfondsen en financiële buffers.",
       "Ik geef workshops over personal branding voor ontwerpers.", "en"},
      // 35 (en-nl)
      {"Our city's summer heat makes older residents in stone-built neighbourhoods ill, and we lack shade and green.",
       "Ik ontwerp hittebestendige openbare ruimte met bomen, waterpartijen en koele plekken voor kwetsbare ouderen.",
       "Ik adviseer over parkeerbeleid en verkeersveiligheid in woonwijken.", "en"},
      // 36 (en-nl)
      {"Students use ChatGPT to write their essays and our lecturers don't know how to assess them fairly anymore.",
       "Ik help docenten toetsing te herontwerpen in het tijdperk van generatieve AI, met mondelinge verdediging en "
       "procesbeoordeling.",
       "Ik geef trainingen in academisch schrijven en bronvermelding.", "en"},
      // 37 (en-nl)
      {"Our compliance team is drowning in false alarms from the transaction monitoring system for money laundering.",
       "Ik verfijn detectieregels en modellen voor witwasbestrijding zodat er minder onterechte signalen zijn.",
       "Ik geef trainingen over de gedragscode en integriteit voor bankmedewerkers.", "en"},
      // 38 (en-nl)
      {"Our GP practice sees many patients with vague complaints that are really about loneliness and money worries.",
       "Ik zet welzijn op recept op: huisartsen verwijzen door naar sociaal werk, schuldhulp en buurtactiviteiten.",
       "Ik automatiseer de triage en het afsprakensysteem van huisartsenpraktijken.", "en"},
      // 39 (en-nl)
      {"Our café chain struggles to fill weekend shifts because students cancel at the last minute.",
       "Ik richt flexpools en roosterapps in waarmee invalkrachten zelf diensten oppakken.",
       "Ik ontwerp koffiekaarten en train barista's.", "en"},
      // 40 (en-nl)
      {"Our volunteer-run library association has no one who understands the new privacy rules for our membership "
       "records.",
       "Ik help verenigingen en stichtingen AVG-proof te worden: verwerkingsregister, toestemming en bewaartermijnen.",
       "Ik catalogiseer boekencollecties en adviseer bibliotheken over uitleensoftware.", "en"},
  });
}

}  // namespace
}  // namespace verbinder::matching
