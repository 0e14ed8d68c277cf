// Dutch: every string of the UI in one chunk, which web/src/i18n.ts loads only
// for a reader of Dutch. The build (web/build.mjs, langOnly) gives this module
// only the Dutch half of each table it imports, so the English never rides along.
// A new strings file: import it here and in the other language's module.
import type { Key, LangStrings } from '../i18n';
import { nl as core } from './core';
import { nl as account } from './account';
import { nl as encounters } from './encounters';
import { nl as events } from './events';
import { nl as leader } from './leader';
import { nl as member } from './member';
import { nl as newsletter } from './newsletter';
import { nl as questions } from './questions';
import { codes, fields, reasons } from './errors';

const table: Record<Key, string> = { ...core, ...account, ...events, ...encounters, ...questions, ...leader, ...newsletter, ...member };

export const strings: LangStrings = { table, errors: { reasons: reasons.nl, codes: codes.nl, fields: fields.nl } };
