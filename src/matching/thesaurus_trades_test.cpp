// The thesaurus area file data/thesaurus_trades.tsv (retail, hospitality, food,
// agriculture, culture and events, sport clubs, tourism, media, trades,
// transport operators, housing corporations): realistic challenges meet the
// expertise that can help, and false friends do not fire this file's concepts.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "matching/text.h"
#include "matching/thesaurus.h"
#include "matching/thesaurus_test_util.h"

namespace verbinder::matching {
namespace {

using thesaurus_test::AreaPair;
using thesaurus_test::CountConcepts;
using thesaurus_test::ExpectAreaPairsMeet;
using thesaurus_test::ExpectNoneFires;
using thesaurus_test::kEn;
using thesaurus_test::kNl;
using thesaurus_test::OwnIn;
using thesaurus_test::SentenceConcept;

TEST(ThesaurusArea_trades, ShipsItsConcepts) {
  EXPECT_GE(CountConcepts("trd_"), 60);
}

TEST(ThesaurusArea_trades, EverydayProblemsMeetTheMethodsThatSolveThem) {
  const std::vector<AreaPair> pairs = {
      {"De winkel loopt leeg sinds de parkeergarage dicht is", kNl, "trd_footfall_decline",
       "Ik richt winkels opnieuw in en verzorg etalages en visual merchandising", kNl},
      {"We gooien elke avond brood weg", kNl, "trd_fresh_production_planning",
       "I build demand forecasting models for retail chains", kEn},
      {"Het terras staat vol maar de keuken kan het niet aan", kNl, "trd_kitchen_overload",
       "I help restaurants with menu engineering and a smaller menu", kEn},
      {"Our volunteers at the club are getting old and nobody wants to take over", kEn, "trd_club_management",
       "Ik ben verenigingsadviseur en help sportclubs een vitale vereniging te worden", kNl},
      {"The hall is empty on weekdays", kEn, "trd_empty_venue",
       "Ik programmeer een cultuurcentrum en zet in op dagprogrammering en meervoudig gebruik", kNl},
      {"In ons ziekenhuis gaan veel maaltijden onaangeroerd terug naar de keuken", kNl, "trd_plate_waste",
       "I introduced room service and meals on demand in hospitals", kEn},
      {"In our nursing home residents leave half their meal", kEn, "trd_plate_waste",
       "Ik ben chef en werk met menu engineering en kleinere portiegroottes", kNl},
      {"De gemeente heeft veel leegstaande panden in het centrum", kNl, "trd_venue_programming",
       "I programme arts venues and develop shared use of buildings", kEn},
      {"Onze sporthal en gymzaal worden overdag nauwelijks gebruikt", kNl, "trd_sport_facilities",
       "Ik beheer zaalreserveringen en ruimtereservering voor verenigingen", kNl},
      {"Als het regent blijft iedereen weg en zitten we met te veel personeel", kNl, "trd_weather_demand",
       "I build demand forecasts for staffing in retail", kEn},
      {"Klanten kijken wel maar kopen niets in onze winkel", kNl, "trd_retail_conversion",
       "I train shop staff in upselling and cross-selling", kEn},
      {"Mensen kopen alles online, de binnenstad merkt het", kNl, "trd_online_competition",
       "Ik help winkels met omnichannel en click-and-collect", kNl},
      {"Gasten komen niet opdagen terwijl we de tafel hebben vastgehouden", kNl, "trd_table_management",
       "I reduce no-shows in outpatient clinics with SMS reminders", kEn},
      {"Our kitchen failed the hygiene inspection because temperature records were missing", kEn, "trd_haccp_practice",
       "Ik bouw sensoren die koelcellen en temperaturen continu monitoren", kNl},
      {"Mijn kinderen willen de boerderij niet overnemen", kNl, "trd_farm_succession",
       "I advise family businesses on business succession and valuation", kEn},
      {"Er zit luis in de kas en steeds meer middelen worden verboden", kNl, "trd_integrated_pest_management",
       "We breed natural enemies for biological control in greenhouses", kEn},
      {"Wij willen naast de akkerbouw een boerderijwinkel beginnen", kNl, "trd_farm_diversification",
       "I help entrepreneurs develop new business models", kEn},
      {"Our hospital kitchen wants to buy from local farmers", kEn, "trd_local_food_sourcing",
       "Wij zijn een coöperatie van boeren en een telersvereniging uit de regio", kNl},
      {"We need a safety plan for the event, our festival expects 20,000 visitors", kEn, "trd_event_safety",
       "Ik ben crowd manager en meet bezoekersstromen", kNl},
      {"Veel jeugdleden stoppen met voetballen rond hun vijftiende", kNl, "trd_youth_sport_dropout",
       "I research student motivation and why young people drop out", kEn},
      {"Ouders schelden langs de lijn en scheidsrechters haken af", kNl, "trd_safe_sport",
       "I train staff in dealing with aggression and de-escalation", kEn},
      {"Our campsite depends on Booking.com and is empty in winter", kEn, "trd_holiday_accommodation",
       "Ik ben revenue manager en stuur op prijs en bezetting", kNl},
      {"Onze regionale krant verliest abonnees", kNl, "trd_news_subscriptions",
       "I help subscription businesses improve customer retention and reduce churn", kEn},
      {"Buses run empty on our rural lines in the evening", kEn, "trd_ridership",
       "Ik ontwerp vraagafhankelijk vervoer en belbussen", kNl},
      {"Onze woningcorporatie wil huurders betrekken bij de renovatie", kNl, "trd_tenant_participation",
       "I facilitate participation processes and co-creation with residents", kEn},
      {"Als installateur ben ik elke avond bezig met offertes", kNl, "trd_trades_businesses",
       "I implement field service management software for small firms", kEn},
      {"Doordeweeks is het stil in ons restaurant", kNl, "trd_quiet_weekdays",
       "I set up dynamic pricing and off-peak pricing", kEn},
      {"Onze schouwburg verkoopt te weinig kaarten", kNl, "trd_cultural_venues",
       "I do audience research and visitor surveys", kEn},
      {"Onze marges staan onder druk door stijgende inkoopprijzen", kNl, "trd_hospitality_margins",
       "I help restaurants calculate the food cost per dish", kEn},
      {"Onze bibliotheek staat 's avonds leeg", kNl, "trd_venue_programming",
       "I programme arts venues and develop shared use of buildings", kEn},
      {"Queues at the rides in our theme park are too long", kEn, "trd_attractions",
       "Ik bouw wachtrijmodellen en simulaties voor capaciteitsplanning", kNl},
      {"Patiënten vinden het eten in het ziekenhuis niet lekker", kNl, "trd_meals_on_demand",
       "I introduced room service and meals on demand in hospitals", kEn},
      {"We have no coaches for the youth teams", kEn, "trd_sports_coaches",
       "Ik help verenigingen vrijwilligers te werven en te behouden", kNl},
      {"Farmers drown in paperwork and rules", kEn, "trd_farm_admin",
       "Ik help organisaties regeldruk en administratieve lasten te verminderen", kNl},
      {"Het buurthuis wordt nauwelijks gebruikt", kNl, "trd_community_centres",
       "I am a community builder using asset-based community development", kEn},
      {"Vakkennis gaat verloren omdat oude ambachten verdwijnen", kNl, "trd_artisan_crafts",
       "I set up knowledge transfer programmes between older and younger workers", kEn},
      {"De kantine van onze fabriek gooit veel eten weg", kNl, "trd_menu_engineering",
       "Ik help cateraars met menu engineering en portiegroottes", kNl},
      {"De melkprijs is te laag, boeren krijgen te weinig voor hun product", kNl, "trd_farm_income",
       "I help farmers set up farm shops and direct sales to consumers", kEn},
      {"Ons festival produceert bergen afval met wegwerpbekers", kNl, "trd_event_sustainability",
       "I design return systems with reusable packaging", kEn},
      {"De jeugdafdeling van onze hockeyclub krimpt", kNl, "trd_youth_sport_dropout",
       "I coach youth coaches in positive coaching so kids keep enjoying sport", kEn},
      {"Tenants don't show up to our residents' meetings", kEn, "trd_tenant_participation",
       "Ik ontwerp participatietrajecten en bewonersavonden die wel werken", kNl},
      {"Aphids and whitefly are spreading in our greenhouse and we can't spray anymore", kEn,
       "trd_integrated_pest_management", "Ik adviseer telers over geïntegreerde gewasbescherming", kNl},
      {"The environmental health officer found problems in our kitchen", kEn, "trd_haccp_practice",
       "Ik bouw sensoren die koelcellen en temperaturen continu monitoren", kNl},
      {"Ons koor vergrijst en we vinden geen nieuwe koorleden", kNl, "trd_amateur_arts",
       "I help associations recruit and retain volunteers and members", kEn},
      {"We host a youth football tournament and worry about crowds at the entrance", kEn, "trd_sport_events",
       "Ik schrijf veiligheidsplannen voor evenementen en coördineer de EHBO-post", kNl},
      {"Ik wil mijn restaurant verkopen maar vind geen opvolger voor het restaurant", kNl, "trd_independent_retailers",
       "I advise independent retailers and shopkeepers on their future", kEn},
      {"Wij willen als restaurant minder eten weggooien en de Green Key halen", kNl, "trd_hospitality_sustainability",
       "I help kitchens measure and reduce food waste", kEn},
  };
  ExpectAreaPairsMeet(pairs, "trd_", OwnIn::kEither);
}

TEST(ThesaurusArea_trades, FalseFriendsDoNotFireThisFile) {
  const std::vector<SentenceConcept> cases = {
      {"Our operating theatres are empty between two surgeries", kEn, "trd_empty_venue"},
      {"Bad weather delays our construction work", kEn, "trd_weather_demand"},
      {"We appointed data stewards for every domain", kEn, "trd_event_safety"},
      {"Bij wegwerkzaamheden zetten we verkeersregelaars in", kNl, "trd_event_safety"},
      {"We host everything on Amazon Web Services", kEn, "trd_online_competition"},
      {"Our app needs a better menu design and navigation", kEn, "trd_menu_engineering"},
      {"Mijn collega Jan Bakker regelt de inkoop", kNl, "trd_artisan_food"},
      {"Wij leveren plantaardige olie aan de industrie", kNl, "trd_protein_transition"},
      {"Our school has a strong safeguarding policy", kEn, "trd_safe_sport"},
      {"De verbreding van de A12 zorgt voor files", kNl, "trd_farm_diversification"},
      {"De bonnen stapelen zich op bij de financiële administratie", kNl, "trd_kitchen_overload"},
      {"Ik ben programmeur en bouw webapplicaties", kNl, "trd_venue_programming"},
      {"The zoo of tools we use in IT is confusing", kEn, "trd_attractions"},
      {"De redactie van het beleidsplan is klaar", kNl, "trd_editorial_planning"},
      {"Ik verdien mijn brood als zzp'er", kNl, "trd_fresh_production_planning"},
      {"We cater to small and medium-sized businesses", kEn, "trd_catering"},
      {"We publish an annual report on sustainability", kEn, "trd_publishing"},
      {"Please subscribe to our newsletter", kEn, "trd_news_subscriptions"},
      {"Piet Timmerman is onze nieuwe directeur", kNl, "trd_trades_businesses"},
      {"We trained trainers in our company academy", kEn, "trd_sports_coaches"},
      {"Children should eat more fruit and vegetables", kEn, "trd_food_retail_fresh"},
      {"De grondwaterstand bedreigt de houten funderingen in de binnenstad", kNl, "trd_farm_water"},
  };
  ExpectNoneFires(cases);
}

}  // namespace
}  // namespace verbinder::matching
