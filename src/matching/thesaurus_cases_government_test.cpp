// Realistic member cases (challenges from government: municipalities, provinces, water boards, national
// agencies, police, fire brigade, social services, housing and permits, public transport authorities): each
// challenge meets the expertise of a member in another sector who can help, through a concept a person would
// accept, and above a decoy expert of the same field who cannot (data/thesaurus_cases_government.tsv and the
// files it links into).
#include <gtest/gtest.h>

#include "matching/thesaurus_test_util.h"

namespace verbinder::matching {
namespace {

using thesaurus_test::ExpectExpertsAboveDecoys;

TEST(ThesaurusCases_government, ChallengesMeetTheExpertWhoCanHelpAboveADecoy) {
  ExpectExpertsAboveDecoys({
      {"Aanvragen voor een traplift of huishoudelijke hulp liggen bij ons maanden op de plank voordat iemand ze "
       "oppakt.",
       "Ik richt doorstroom in fabrieken opnieuw in: werkvoorraad zichtbaar maken, knelpunten wegnemen en orders "
       "sneller afhandelen.",
       "Ik adviseer over woningaanpassingen en het plaatsen van trapliften voor ouderen.", "nl"},
      {"Onze dijken, gemalen en sluizen worden ouder en we weten niet welke we eerst moeten opknappen met het "
       "beperkte budget.",
       "I help asset owners prioritise upkeep using condition monitoring, failure risk models and lifecycle cost "
       "analysis.",
       "I am an ecologist studying water quality and fish populations in polders.", "nl"},
      {"Citizens calling our tax helpline hang up after twenty minutes on hold, especially in March and April.",
       "I build staffing rosters for contact centres based on predicted inbound volumes, so enough agents are "
       "available at peak hours.",
       "I advise households on filing their annual income tax return.", "en"},
      {"Veel werkzoekenden boven de vijftig komen bij ons niet meer aan de slag, ondanks jaren ervaring.",
       "Als recruiter in de techniek help ik werkgevers om kandidaten te selecteren op vaardigheden in plaats van "
       "cv en leeftijd.",
       "Ik adviseer over pensioenregelingen en vroegpensioen voor oudere werknemers.", "nl"},
      {"More and more former students miss their loan repayments and only contact us when bailiffs are involved.",
       "Ik ontwikkel bij een bank vroegsignalering van betalingsachterstanden en begeleid klanten met geldzorgen "
       "naar een haalbare regeling.",
       "I teach study skills and time management to first-year university students.", "en"},
      {"Asylum decisions take well over a year; files bounce between departments and nobody sees where they get "
       "stuck.",
       "I use process mining on event logs to reveal bottlenecks, rework loops and handover delays in case "
       "handling.",
       "I am an immigration lawyer representing refugees in appeals.", "en"},
      {"Agenten die een heftig incident meemaken, melden zich weken later ziek en we merken het te laat.",
       "As a trauma psychologist I set up peer support and early screening for staff exposed to distressing "
       "events.",
       "Ik geef trainingen in geweldsbeheersing en aanhoudingstechnieken.", "nl"},
      {"Er melden zich steeds minder mensen voor de brandweer in kleine dorpen, waardoor de kazerne overdag vaak "
       "onbemand is.",
       "Ik help sportverenigingen en zorgorganisaties bij het werven en behouden van vrijwilligers.",
       "Ik ontwerp blusvoertuigen en ademluchtapparatuur.", "nl"},
      {"Rural bus lines in our province run almost empty, yet elderly villagers have no other way to reach the "
       "hospital.",
       "I design demand-responsive transport: rides on request, bundled smartly by routing software, for sparsely "
       "populated areas.",
       "I am a bus driver trainer focusing on defensive driving.", "en"},
      {"Jonge inwoners vinden geen betaalbare woning en nieuwbouwprojecten duren bij ons jaren.",
       "Ik leid een fabriek die houten prefab huizen bouwt die op locatie in enkele dagen worden gemonteerd.",
       "Ik ben makelaar en begeleid starters bij de aankoop van hun eerste huis.", "nl"},
      {"Bij vergunningaanvragen voor een dakkapel ontbreken bijna altijd stukken en moeten we telkens "
       "terugbellen.",
       "Ik ontwerp online formulieren en klantreizen die gebruikers stap voor stap leiden, zodat een indiening "
       "meteen compleet binnenkomt.",
       "Ik ben architect en ontwerp dakkapellen en aanbouwen.", "nl"},
      {"Mensen in de bijstand begrijpen onze brieven vaak niet en reageren daardoor te laat of helemaal niet.",
       "Ik herschrijf ingewikkelde teksten naar taalniveau B1 en train schrijvers in heldere communicatie.",
       "Ik ben jurist sociale zekerheid en voer bezwaarprocedures tegen bijstandsbesluiten.", "nl"},
      {"After heavy summer showers our streets and basements flood within minutes, and residents blame the "
       "municipality.",
       "As a civil engineer I model sewer capacity and design rain gardens and storage basins for climate "
       "adaptation.",
       "I install and repair domestic boilers and heating systems.", "en"},
      {"Na de hack bij een buurgemeente vragen wij ons af of onze systemen een gijzeling van bestanden zouden "
       "overleven.",
       "Ik leid oefeningen rond ransomware bij banken en test of back-ups werkelijk terug te zetten zijn.",
       "Ik ontwikkel de website en het inwonersportaal van gemeenten.", "nl"},
      {"Teenagers in our district are being recruited by drug networks as couriers, sometimes as young as twelve.",
       "I coordinate school-based mentoring programmes that give vulnerable pupils a trusted adult and prospects "
       "beyond the street.",
       "I am a forensic chemist analysing seized narcotics.", "en"},
      {"We hebben veel te weinig verzekeringsartsen, waardoor keuringen voor arbeidsongeschiktheid maanden "
       "blijven liggen.",
       "I redesign clinical roles so nurse practitioners and assistants take over routine tasks from scarce "
       "physicians.",
       "Ik ben arbeidsrechtadvocaat en procedeer over ontslag bij ziekte.", "nl"},
      {"Many older residents in our town sit alone at home for days and hardly speak to anyone.",
       "Ik zet buurtnetwerken op waarin vrijwilligers senioren bezoeken en samen activiteiten organiseren tegen "
       "eenzaamheid.",
       "I install smart home sensors for fall detection.", "en"},
      {"Boeren, natuurorganisaties en de provincie liggen met elkaar overhoop over de stikstofplannen; gesprekken "
       "lopen steeds vast.",
       "Ik ben mediator en help partijen met tegengestelde belangen via onderhandeling tot een gedragen akkoord "
       "te komen.",
       "Ik adviseer melkveehouders over voer en stalsystemen om de uitstoot te verlagen.", "nl"},
      {"Our core tax systems still run on decades-old COBOL, and the few people who understand it are retiring.",
       "I migrate ageing business applications to modern architectures and secure the expertise of departing "
       "developers.",
       "I advise companies on VAT and corporate income tax.", "en"},
      {"Our buses and trams are packed during rush hour but half empty the rest of the day.",
       "Ik ontwikkel dynamische prijsstrategieën voor hotels en luchtvaart om vraag naar daluren te verschuiven.",
       "I train tram drivers and maintain the vehicle fleet.", "en"},
      {"Binnen vijf jaar gaat een derde van onze ambtenaren met pensioen en hun vakkennis verdwijnt met hen.",
       "I help engineering firms capture tacit know-how from senior specialists through mentoring, videos and "
       "wikis before they leave.",
       "Ik adviseer over pensioenfondsen en beleggingen.", "nl"},
      {"Tijdens een grote brand gingen op sociale media allerlei geruchten rond voordat wij iets konden zeggen.",
       "Ik train woordvoerders van bedrijven in crisiscommunicatie en webcare bij incidenten en reputatieschade.",
       "Ik ben brandweerinstructeur en geef blusoefeningen.", "nl"},
      {"De uitgaven aan jeugdhulp lopen elk jaar uit de hand en we zien pas bij de jaarrekening hoe groot het gat "
       "is.",
       "Ik bouw rollende prognoses en maandelijkse kostendashboards, zodat het management overschrijdingen vroeg "
       "opmerkt.",
       "Ik ben jeugdhulpverlener en begeleid gezinnen met opvoedproblemen.", "nl"},
      {"We suspect some students claim they live away from home to get a higher grant, but checking addresses by "
       "hand is slow and feels unfair.",
       "I develop transparent anomaly-detection models for banks, with bias audits so that flags do not target "
       "particular groups.",
       "I run student housing complexes in university cities.", "en"},
      {"Op een provinciale weg gebeuren steeds ernstige ongelukken met fietsers bij dezelfde kruisingen.",
       "Ik ben verkeerskundige op het gebied van menselijk gedrag: ik analyseer aanrijdingen en herontwerp "
       "wegvakken en rotondes zodat automobilisten tweewielers eerder opmerken.",
       "Ik ben rijinstructeur en geef motorrijlessen.", "nl"},
      {"Homeowners in older neighbourhoods want to insulate but cannot pay for it upfront.",
       "At a bank I develop green mortgages and property-linked loans for energy retrofits of houses.",
       "I am an energy auditor who measures heat loss with thermal cameras.", "en"},
      {"Agenten zijn na een aanhouding uren kwijt aan het uittypen van processen-verbaal in plaats van op straat "
       "te zijn.",
       "Ik bouw spraakherkenning en automatische verslaglegging voor professionals die veel moeten documenteren, "
       "zoals artsen.",
       "Ik ben strafrechtadvocaat en sta verdachten bij.", "nl"},
      {"Only the same few retired residents come to our consultation evenings about neighbourhood plans.",
       "Ik organiseer burgerparticipatie met loting, wijkgesprekken op straat en online peilingen om ook jongeren "
       "en drukke ouders te bereiken.",
       "I am an urban planner drawing zoning maps.", "en"},
      {"Statushouders in onze gemeente spreken na twee jaar inburgering nog nauwelijks Nederlands.",
       "I design second-language acquisition programmes that combine workplace practice with classroom teaching "
       "for adult migrants.",
       "Ik ben immigratieadvocaat en help bij gezinshereniging.", "nl"},
      {"In ons afvalwater zitten steeds meer medicijnresten die onze zuivering er niet uit krijgt.",
       "I engineer advanced treatment steps like ozonation and activated carbon to remove micropollutants from "
       "industrial effluent.",
       "Ik ben apotheker en geef voorlichting over medicijngebruik.", "nl"},
      {"Many families entitled to childcare and rent allowances never apply, because they distrust us or find the "
       "process scary.",
       "Ik help mensen met weinig geld aan hun inkomensvoorzieningen via spreekuren in de buurt en een "
       "laagdrempelige toegang.",
       "I run a childcare centre and manage its daily staffing.", "en"},
      {"Op onze aanbestedingen voor onderhoud van openbaar groen schrijven nauwelijks nog bedrijven in.",
       "Ik adviseer inkopers over leveranciersmarktanalyse en vroege marktconsultatie, zodat uitvragen "
       "concurrerende offertes opleveren.",
       "Ik ben hovenier en leg tuinen aan bij particulieren.", "nl"},
      {"Most of our fire engine callouts turn out to be false automatic alarms from offices and care homes.",
       "I develop smart smoke detectors that combine several sensors and algorithms to suppress nuisance triggers "
       "from steam or dust.",
       "I teach first aid and evacuation drills to office staff.", "en"},
      {"Steeds meer ouderen lukt het niet om met DigiD in te loggen, terwijl bijna alles alleen nog online kan.",
       "I run hands-on computer literacy courses that teach seniors to use smartphones, apps and secure sign-in.",
       "Ik beheer de servers en netwerken van een gemeentelijk datacenter.", "nl"},
      {"Young people leave our province after school, and local manufacturers cannot fill technician vacancies.",
       "I set up work-based learning tracks where vocational students train inside companies with a job "
       "guarantee.",
       "I market the province as a tourist destination.", "en"},
      {"Our staff keep emailing files containing personal data to the wrong recipients.",
       "I deliver security awareness training and phishing simulations, and configure mail safeguards that warn "
       "before anything leaves the organisation.",
       "I manage the municipal archive and records retention schedules.", "en"},
      {"Wheelchair users tell us they still cannot board many of our regional buses without help from the driver.",
       "I advise on universal design and accessibility standards so that vehicles, ramps and platforms work for "
       "people with disabilities.",
       "I sell electric wheelchairs and mobility scooters.", "en"},
      {"Our benefit caseworkers each handle two hundred files and are dropping out one by one with stress.",
       "I measure workload per role and redesign task allocation so that employees stay healthy and productive.",
       "I am a debt counsellor helping residents with payment problems.", "en"},
      {"We spend millions on subsidies for local job programmes but honestly have no idea whether they make any "
       "difference.",
       "I run impact evaluations with control groups and cost-benefit analyses so policymakers know what works.",
       "I process subsidy applications and check that invoices are correct.", "en"},
  });
}

}  // namespace
}  // namespace verbinder::matching
