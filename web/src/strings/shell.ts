// The shell's strings that belong to an area: the menu's labels and groups, and
// what web/src/feedback.ts and web/src/pwa.ts say on any page. They ship with the
// shell (web/src/strings/{nl,en}.ts, with core.ts and errors.ts); each area's own
// table loads only with that area's pages (the route's `strings`, web/src/areas).
export const en = {
  // from account.ts
  'account.nav.invitations': 'Invitations',
  // from events.ts
  'events.nav': 'Events',
  'events.nav.visits': 'Visits',
  'events.nav.leader': 'Manage events',
  'events.cancel.done': 'Your registration is cancelled.',
  // from leader.ts
  'leader.nav.map': 'Network map',
  'leader.nav.health': 'Network health',
  'leader.nav.weave': 'Weaving',
  'leader.nav.learned': 'Learned from meetings',
  'leader.nav.settings': 'Mail and network settings',
  'leader.nav.group.network': 'My network',
  'leader.nav.group.events': 'Events',
  'leader.nav.group.insight': 'Network insight',
  'leader.nav.group.newsletter': 'Newsletter & articles',
  'leader.nav.group.settings': 'Settings',
  // from newsletter.ts
  'newsletter.nav.articles': 'Articles',
  'newsletter.nav.leader': 'Newsletter',
  // from questions.ts
  'questions.nav': 'Questions',
  'questions.nav.notifications': 'Notifications',
  'questions.nav.unread': 'unread',
  'questions.field.title': 'Your question',
  // from member.ts
  'fb.close': 'Close message',
  'fb.offline': 'No connection to the server. Check your internet connection and try again.',
  'confirm.keep': 'No, keep it',
  'pwa.claim.refused': 'Could not record the conversation at {event}: {msg}',
  'pwa.claims.sent.one': 'Back online: your conversation has been recorded.',
  'pwa.claims.sent': 'Back online: {n} conversations have been recorded.',
  'pwa.offline': 'You are offline. Your schedule, your codes and the event information stay available; what you record is sent once you are back online.',
};

export const nl: Record<keyof typeof en, string> = {
  // from account.ts
  'account.nav.invitations': 'Uitnodigingen',
  // from events.ts
  'events.nav': 'Bijeenkomsten',
  'events.nav.visits': 'Bezoeken',
  'events.nav.leader': 'Bijeenkomsten beheren',
  'events.cancel.done': 'Je aanmelding is geannuleerd.',
  // from leader.ts
  'leader.nav.map': 'Netwerkkaart',
  'leader.nav.health': 'Gezondheid van het netwerk',
  'leader.nav.weave': 'Weven',
  'leader.nav.learned': 'Geleerd uit gesprekken',
  'leader.nav.settings': 'Mail- en netwerkinstellingen',
  'leader.nav.group.network': 'Mijn netwerk',
  'leader.nav.group.events': 'Bijeenkomsten',
  'leader.nav.group.insight': 'Netwerkinzicht',
  'leader.nav.group.newsletter': 'Nieuwsbrief & artikelen',
  'leader.nav.group.settings': 'Instellingen',
  // from newsletter.ts
  'newsletter.nav.articles': 'Artikelen',
  'newsletter.nav.leader': 'Nieuwsbrief',
  // from questions.ts
  'questions.nav': 'Vraagstukken',
  'questions.nav.notifications': 'Meldingen',
  'questions.nav.unread': 'ongelezen',
  'questions.field.title': 'Je vraag',
  // from member.ts
  'fb.close': 'Melding sluiten',
  'fb.offline': 'Geen verbinding met de server. Controleer je internetverbinding en probeer het opnieuw.',
  'confirm.keep': 'Nee, laat maar',
  'pwa.claim.refused': 'Het gesprek op {event} kon niet worden vastgelegd: {msg}',
  'pwa.claims.sent.one': 'Weer verbonden: je gesprek is vastgelegd.',
  'pwa.claims.sent': 'Weer verbonden: {n} gesprekken zijn vastgelegd.',
  'pwa.offline': 'Je bent offline. Je schema, je codes en de informatie over de bijeenkomst blijven beschikbaar; wat je vastlegt, versturen we zodra je weer verbinding hebt.',
};
