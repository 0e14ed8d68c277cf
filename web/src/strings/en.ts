// English: every string of the UI in one chunk, which web/src/i18n.ts loads only
// for a reader of English. The build (web/build.mjs, langOnly) gives this module
// only the English half of each table it imports, so the Dutch never rides along.
// A new strings file: import it here and in the other language's module.
import type { Key, LangStrings } from '../i18n';
import { en as core } from './core';
import { en as account } from './account';
import { en as encounters } from './encounters';
import { en as events } from './events';
import { en as leader } from './leader';
import { en as member } from './member';
import { en as newsletter } from './newsletter';
import { en as questions } from './questions';
import { codes, fields, reasons } from './errors';

const table: Record<Key, string> = { ...core, ...account, ...events, ...encounters, ...questions, ...leader, ...newsletter, ...member };

export const strings: LangStrings = { table, errors: { reasons: reasons.en, codes: codes.en, fields: fields.en } };
