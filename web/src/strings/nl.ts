// Dutch: the shell's strings (core.ts, shell.ts and the API's error wordings,
// errors.ts) in this chunk, and each area's table as a chunk of its own, loaded
// by web/src/i18n.ts with the pages that need it (the route's `strings`,
// web/src/areas). The build (web/build.mjs, langOnly) gives these modules only
// the Dutch half of each table they import, so the English never rides along.
// A new strings file: import it here and in the other language's module.
import type { LangStrings } from '../i18n';
import { nl as core } from './core';
import { nl as shell } from './shell';
import { codes, fields, reasons } from './errors';

const parts: LangStrings['parts'] = {
  account: () => import('./account').then((m) => m.nl),
  encounters: () => import('./encounters').then((m) => m.nl),
  events: () => import('./events').then((m) => m.nl),
  leader: () => import('./leader').then((m) => m.nl),
  member: () => import('./member').then((m) => m.nl),
  newsletter: () => import('./newsletter').then((m) => m.nl),
  questions: () => import('./questions').then((m) => m.nl),
};

export const strings: LangStrings = { table: { ...core, ...shell }, errors: { reasons: reasons.nl, codes: codes.nl, fields: fields.nl }, parts };
