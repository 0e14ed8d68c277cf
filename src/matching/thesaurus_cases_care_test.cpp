// Realistic member cases (challenges from care organisations met by experts from industry, technology,
// logistics, finance, education or government): each challenge meets the expertise of a member in another
// sector who can help, through a concept a person would accept, and above a decoy expert of the same field
// who cannot (data/thesaurus_cases_care.tsv and the files it links into).
#include <gtest/gtest.h>

#include "matching/thesaurus_test_util.h"

namespace verbinder::matching {
namespace {

using thesaurus_test::ExpectExpertsAboveDecoys;

TEST(ThesaurusCases_care, ChallengesMeetTheExpertWhoCanHelpAboveADecoy) {
  ExpectExpertsAboveDecoys({
      {"Onze operatiekamers lopen elke middag uit, waardoor geplande ingrepen op het laatste moment worden "
       "afgezegd.",
       "Ik maak wiskundige roostermodellen die de volgorde van orders op machines optimaliseren, zodat "
       "productielijnen hun dagprogramma halen.",
       "Ik ben OK-verpleegkundige en geef trainingen in steriel werken tijdens ingrepen.", "nl"},
      {"Bij onze huisartsenpraktijk staat de telefoon 's ochtends roodgloeiend en hangen patiënten twintig minuten "
       "in de lijn.",
       "Ik richt klantcontactcentra in: belvolumes voorspellen, bezetting per kwartier en terugbelsystemen.",
       "Ik ben praktijkondersteuner en begeleid patiënten met diabetes en COPD.", "nl"},
      {"Bij onze jeugdzorginstelling vertrekken nieuwe pedagogisch medewerkers vaak al binnen een jaar.",
       "I help organisations keep new hires through better onboarding, mentoring and retention programmes.",
       "Ik ben gedragswetenschapper en stel behandelplannen op voor jongeren met gedragsproblemen.", "nl"},
      {"In onze gehandicaptenzorg worden regelmatig medicijnen vergeten of dubbel gegeven aan cliënten.",
       "Ik help fabrieken fouten uitsluiten met poka-yoke, barcodescanning en checklists in het productieproces.",
       "Ik ben activiteitenbegeleider en organiseer dagbesteding voor mensen met een verstandelijke beperking.", "nl"},
      {"Bij onze GGZ-praktijk komt een op de zes cliënten niet opdagen voor hun afspraak, zonder af te melden.",
       "I reduce missed appointments for service companies using automated SMS reminders and behavioural nudges.",
       "Ik ben psychotherapeut gespecialiseerd in EMDR bij trauma.", "nl"},
      {"Onze apotheek grijpt steeds vaker mis omdat bepaalde geneesmiddelen niet leverbaar zijn bij de "
       "groothandel.",
       "Ik adviseer bedrijven over voorraadbeheer, buffervoorraden en het spreiden van inkoop over meerdere "
       "toeleveranciers.",
       "Ik ben apotheker en geef voorlichting over het juiste gebruik van inhalatoren.", "nl"},
      {"Our hospital's gas and electricity bills have doubled and the building is from the seventies.",
       "Ik maak energiescans en verduurzamingsplannen voor grote panden, met warmtepompen en isolatie.",
       "I advise hospitals on infection prevention and cleaning protocols.", "en"},
      {"Onze thuiszorgmedewerkers zijn 's avonds nog een uur bezig met rapporteren in het dossier.",
       "I implement speech recognition and AI tools that turn spoken notes into structured records.",
       "Ik ben wijkverpleegkundige en geef scholing over palliatieve zorg thuis.", "nl"},
      {"Last month a fake email almost tricked our GP practice assistant into sharing login codes.",
       "I run cybersecurity awareness trainings and phishing simulations for small businesses.",
       "I help GP practices with billing consultations to health insurers.", "en"},
      {"Steeds meer jongeren in onze jeugdhulp zitten maanden thuis zonder naar school te gaan.",
       "Als leerplichtambtenaar en onderwijsconsulent begeleid ik verzuimende leerlingen terug naar de klas.",
       "Ik ben jeugdarts en doe medische onderzoeken bij pasgeborenen.", "nl"},
      {"Onze begeleiders krijgen steeds vaker te maken met agressie van cliënten en melden zich daarna ziek.",
       "Ik train beveiligers en handhavers in de-escalatie en het omgaan met gewelddadig gedrag.",
       "Ik ben fysiotherapeut voor mensen met een lichamelijke beperking.", "nl"},
      {"Our pharmacy staff spend hours every day counting and packing pills by hand into weekly rolls.",
       "I automate repetitive manual handling with robotics and pick-and-place systems in warehouses.",
       "I am a pharmacist advising GPs on polypharmacy in elderly patients.", "en"},
      {"After a heavy night shift our ambulance crews go home alone with images they cannot shake off.",
       "Ik begeleid geüniformeerde beroepen zoals politie en brandweer bij traumaverwerking en collegiale opvang "
       "na schokkende gebeurtenissen.",
       "I teach ambulance drivers how to drive safely with blue lights.", "en"},
      {"Ons ziekenhuis loopt geld mis omdat verrichtingen niet of te laat worden geregistreerd en gedeclareerd.",
       "I help companies close revenue leakage through billing audits and better order-to-cash controls.",
       "Ik ben chirurg en doe onderzoek naar minimaal invasieve operaties.", "nl"},
      {"Many residents in our care home sit alone in their rooms all day and hardly get visitors.",
       "I set up volunteer networks and buddy schemes that link older people with neighbours.",
       "I'm an occupational therapist prescribing wheelchairs and hoists for care home residents.", "en"},
      {"Veel patiënten begrijpen de uitleg van de huisarts niet en nemen hun medicijnen daardoor verkeerd in.",
       "I rewrite letters and forms in plain language (B1 level) for governments and utilities.",
       "Ik ben apothekersassistent en bezorg medicijnen bij mensen thuis.", "nl"},
      {"Wij mogen als jeugdhulpverleners vaak geen informatie uitwisselen met school en wijkteam, waardoor "
       "gezinnen tussen wal en schip vallen.",
       "Ik adviseer overheden over de AVG, privacywetgeving en convenanten voor het delen van persoonsgegevens.",
       "Ik ben gezinscoach en help ouders met opvoedingsvragen.", "nl"},
      {"Young adults with an intellectual disability in our care stay on at home because there is no suitable "
       "place to live.",
       "As a property developer I build small-scale supported housing projects with housing associations and "
       "councils.",
       "I am a speech therapist for children with Down syndrome.", "en"},
      {"Onze behandelaars in de GGZ zitten zelf steeds vaker overspannen thuis.",
       "Als arbeidsdeskundige help ik werkgevers met verzuimbegeleiding en het voorkomen van burn-out.",
       "Ik ben GZ-psycholoog en behandel angststoornissen.", "nl"},
      {"Verpleegkundigen op onze afdeling klagen dat het rooster pas twee weken vooraf bekend is en diensten "
       "oneerlijk verdeeld worden.",
       "I build workforce scheduling software with self-rostering and fair shift allocation for retail and "
       "airlines.",
       "Ik ben IC-verpleegkundige en geef reanimatietrainingen.", "nl"},
      {"Our pharmacy delivers insulin to patients at home, but in summer the vans get too hot.",
       "I design cold chains and temperature monitoring for transporting fresh food.",
       "I'm a pharmacist helping diabetics adjust their doses.", "en"},
      {"Onze ambulances worden steeds vaker ingezet voor ritten die geen spoed hebben, zoals vervoer tussen "
       "ziekenhuizen.",
       "Ik zet voor gemeenten taxicentrales en regiotaxi op voor mensen die niet zelf kunnen reizen.",
       "Ik ben ambulanceverpleegkundige en geef les in traumaopvang.", "nl"},
      {"Our doctors order the same blood tests again and again, and nobody knows if it changes anything.",
       "As a data analyst I find unwarranted variation and waste in transactions, and build benchmark dashboards "
       "that steer behaviour.",
       "I am a lab technician specialising in haematology equipment maintenance.", "en"},
      {"Tijdens hittegolven wordt het op de kamers van ons verpleeghuis boven de dertig graden.",
       "I design passive cooling, shading and ventilation for existing buildings.",
       "Ik ben specialist ouderengeneeskunde en behandel ondervoeding.", "nl"},
      {"Een groot deel van de mensen op ons spreekuur komt eigenlijk met geldzorgen of eenzaamheid, niet met een "
       "medische klacht.",
       "I run a municipal social support desk connecting residents with debt counselling, welfare and community "
       "activities.",
       "Ik ben huisarts en geef nascholing over hartfalen.", "nl"},
      {"We moeten voor elke gemeente andere declaratieregels en productcodes gebruiken, dat kost ons een fulltime "
       "kracht.",
       "Ik standaardiseer berichtenverkeer en facturatie tussen organisaties met EDI en uniforme "
       "berichtstandaarden.",
       "Ik ben jeugdhulpverlener en werk met gezinnen in een multiprobleemsituatie.", "nl"},
      {"Clients with a mild intellectual disability want real paid work, but local employers rarely give them a "
       "chance.",
       "As a job coach I help companies with inclusive hiring, adapted job roles and wage subsidies.",
       "I'm a dentist treating patients with disabilities under sedation.", "en"},
      {"After they leave our clinic, many patients relapse within months because follow-up care is not arranged.",
       "I design customer journeys and handover processes so no case falls through the cracks between departments.",
       "I am a psychiatric nurse specialising in depot injections.", "en"},
      {"At our pharmacy counter customers queue out the door every Monday morning.",
       "Ik richt afhaalkluizen en ophaalpunten in voor webwinkels, zodat klanten 24/7 zelf pakketjes ophalen.",
       "I'm a pharmacist who does medication reviews.", "en"},
      {"Too many of our ambulances are off the road for repairs when we need them most.",
       "I set up predictive maintenance for truck fleets and machines using sensor data.",
       "I'm a paramedic trainer for airway management.", "en"},
      {"Patiënten op onze verpleegafdeling slapen slecht door piepende apparatuur en geluid op de gang.",
       "Ik ben akoestisch adviseur en verminder lawaai in kantoren, fabrieken en hotels.",
       "Ik ben longarts en behandel slaapapneu.", "nl"},
      {"The daughters and sons who look after their elderly parents at home are exhausted and ask us for breaks.",
       "As a municipal policy adviser I arrange respite services and support for family carers.",
       "I'm a home care nurse specialising in stoma care.", "en"},
  });
}

}  // namespace
}  // namespace verbinder::matching
