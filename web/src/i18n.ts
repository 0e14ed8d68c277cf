// Dutch and English. The language comes from (1) the switch in the header,
// remembered in localStorage, else (2) the member's first profile language,
// else (3) the browser. Dates and times are shown in Europe/Amsterdam.
// Each language's strings are a chunk of their own (web/src/strings/nl.ts and
// en.ts, built with only that language's half of every table), loaded before
// the first render and when the language is switched: a page never ships the
// other language (issue #17). Pages just call t(); main.ts and app.ts await
// setLang(), which loads the language first.
import type { en as coreEn } from './strings/core';
import type { en as accountEn } from './strings/account';
import type { en as encountersEn } from './strings/encounters';
import type { en as eventsEn } from './strings/events';
import type { en as leaderEn } from './strings/leader';
import type { en as memberEn } from './strings/member';
import type { en as newsletterEn } from './strings/newsletter';
import type { en as questionsEn } from './strings/questions';

// Each area of the UI keeps its own strings (web/src/strings/*.ts).
type En = typeof coreEn & typeof accountEn & typeof eventsEn & typeof encountersEn & typeof questionsEn
  & typeof leaderEn & typeof newsletterEn & typeof memberEn;
export type Key = keyof En;
export type Lang = 'nl' | 'en';

// One language's strings: the UI's table and the API's error wordings (strings/errors.ts).
export interface ErrorStrings { reasons: Record<string, string>; codes: Record<string, string>; fields: Record<string, string> }
export interface LangStrings { table: Readonly<Record<Key, string>>; errors: ErrorStrings }

const loaded: Partial<Record<Lang, LangStrings>> = {};
const loading: Partial<Record<Lang, Promise<void>>> = {};

// Fetches a language's chunk once (the service worker keeps it for offline use,
// web/src/pwa.ts warms both). A failed fetch may be tried again.
export function loadLang(l: Lang): Promise<void> {
  return loading[l] ??= (l === 'nl' ? import('./strings/nl') : import('./strings/en'))
    .then((m) => { loaded[l] = m.strings; })
    .catch((e: unknown) => { delete loading[l]; throw e; });
}

let lang: Lang = 'nl';
let current: LangStrings | undefined;
let switches = 0;
const noErrors: ErrorStrings = { reasons: {}, codes: {}, fields: {} };

export function getLang(): Lang { return lang; }

export function t(key: Key, params: Record<string, string | number> = {}): string {
  return (current?.table[key] ?? key).replace(/\{(\w+)\}/g, (_, p: string) => (p in params ? String(params[p]) : `{${p}}`));
}

const STORE = 'vb_lang';

export function chooseLang(memberLanguages?: string[]): Lang {
  const stored = localStorage.getItem(STORE);
  if (stored === 'nl' || stored === 'en') return stored;
  for (const l of memberLanguages ?? []) {
    const s = l.toLowerCase().slice(0, 2);
    if (s === 'nl' || s === 'en') return s;
  }
  for (const l of navigator.languages ?? [navigator.language]) {
    const s = l.toLowerCase().slice(0, 2);
    if (s === 'nl' || s === 'en') return s;
  }
  return 'nl';
}

// Switches to `l` once its strings are here (the last call wins when calls overlap).
export async function setLang(l: Lang, remember = false): Promise<void> {
  const mine = ++switches;
  await loadLang(l);
  if (mine !== switches) return;
  lang = l;
  current = loaded[l];
  document.documentElement.lang = l;
  if (remember) localStorage.setItem(STORE, l);
}

// The API's error wordings in the language being shown (web/src/feedback.ts).
export function errorStrings(): ErrorStrings { return current?.errors ?? noErrors; }

const TZ = 'Europe/Amsterdam';
const locale = (): string => (lang === 'nl' ? 'nl-NL' : 'en-GB');

export function formatDate(unix: number): string {
  return new Intl.DateTimeFormat(locale(), { timeZone: TZ, day: 'numeric', month: 'long', year: 'numeric' }).format(unix * 1000);
}

export function formatDateTime(unix: number): string {
  return new Intl.DateTimeFormat(locale(), { timeZone: TZ, dateStyle: 'medium', timeStyle: 'short' }).format(unix * 1000);
}

export function formatNumber(n: number, digits = 0): string {
  return new Intl.NumberFormat(locale(), { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(n);
}

export function plural(n: number, one: Key, many: Key): string {
  return n === 1 ? t(one, { n }) : t(many, { n: formatNumber(n) });
}
