// English: the shell's strings (core.ts, shell.ts and the API's error wordings,
// errors.ts) in this chunk, and each area's table as a chunk of its own, loaded
// by web/src/i18n.ts with the pages that need it (the route's `strings`,
// web/src/areas). The build (web/build.mjs, langOnly) gives these modules only
// the English half of each table they import, so the Dutch never rides along.
// A new strings file: import it here and in the other language's module.
import type { LangStrings } from '../i18n';
import { en as core } from './core';
import { en as shell } from './shell';
import { codes, fields, reasons } from './errors';

const parts: LangStrings['parts'] = {
  account: () => import('./account').then((m) => m.en),
  encounters: () => import('./encounters').then((m) => m.en),
  events: () => import('./events').then((m) => m.en),
  leader: () => import('./leader').then((m) => m.en),
  member: () => import('./member').then((m) => m.en),
  newsletter: () => import('./newsletter').then((m) => m.en),
  questions: () => import('./questions').then((m) => m.en),
};

export const strings: LangStrings = { table: { ...core, ...shell }, errors: { reasons: reasons.en, codes: codes.en, fields: fields.en }, parts };
