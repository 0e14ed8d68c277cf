// Shared state and navigation for pages (kept apart from main.ts so page
// chunks do not pull in the shell).
import { api, ApiError, setCsrf, type Challenge, type Me, type Sector } from './api';
import { chooseLang, getLang, setLang } from './i18n';

export interface Session { me: Me }
export const state: { session: Session | null } = { session: null };

export function me(): Me {
  if (!state.session) throw new Error('not signed in');
  return state.session.me;
}

// The session's copy of my challenges, after I changed them on this page load
// (the profile, a question's "mark my challenge solved"): the home page and the
// question form read them from here without asking the server again.
export function setMyChallenges(list: Challenge[]): void {
  if (state.session) state.session.me.member.challenges = [...list];
}

export function isOrganizer(): boolean {
  const r = state.session?.me.role;
  return r === 'organizer' || r === 'admin';
}

let navigateImpl: (path: string, replace?: boolean) => void = (p) => { location.href = p; };
export function setNavigate(f: (path: string, replace?: boolean) => void): void { navigateImpl = f; }
export function navigate(path: string, replace = false): void { navigateImpl(path, replace); }

let refreshShellImpl: () => void = () => {};
export function setRefreshShell(f: () => void): void { refreshShellImpl = f; }
export function refreshShell(): void { refreshShellImpl(); }

export function sectorLabel(sectors: Sector[], key: string): string {
  const s = sectors.find((x) => x.key === key);
  if (!s) return key;
  return getLang() === 'nl' ? s.label_nl : s.label_en;
}

export interface PageCtx {
  main: HTMLElement;                 // render into this
  params: Record<string, string>;    // path parameters (":id")
  query: URLSearchParams;
  setTitle(title: string): void;     // document title and the page's h1 focus target
}

export type Page = (ctx: PageCtx) => Promise<void> | void;

// Reads the session from the server (the cookie is HttpOnly) and picks the language.
// Every session comes with the readable CSRF cookie (vb_csrf, same lifetime):
// without it nobody is signed in, and asking /auth/me would only earn a 401
// that the browser logs as an error on the public front door (issue #17).
export function hasSessionCookie(): boolean { return /(?:^|;\s*)vb_csrf=[^;]/.test(document.cookie); }

export async function loadSession(): Promise<void> {
  if (!hasSessionCookie()) {
    state.session = null;
    return;
  }
  try {
    const me = await api<Me>('GET', '/api/v1/auth/me');
    state.session = { me };
    if (me.csrf_token) setCsrf(me.csrf_token);
    await setLang(chooseLang(me.member.languages));
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) state.session = null;
    else throw e;
  }
}
