// The app shell: session, language, navigation and the client-side router.
// Each page is its own chunk, loaded only when opened.
import { api, ApiError, setCsrf, setUnauthenticatedHandler } from './api';
import { hasSessionCookie, loadSession, setNavigate, setRefreshShell, state, isOrganizer, type PageCtx } from './app';
import { h, clear, message } from './dom';
import { chooseLang, getLang, loadLang, setLang, t, useStrings, type Part } from './i18n';

import { areas, type RouteDef } from './areas';
import { navItems } from './nav';
import { clearToast, errorText } from './feedback';
import { forgetOfflineData, registerPwa } from './pwa';

// The pages and the menu come from one file per area (web/src/areas/*.ts), so
// each area (account, events, questions, leader tools, newsletter) owns its own.
// The server serves index.html under the same paths (src/api/routes_web.cpp).
const routes: RouteDef[] = areas.flatMap((a) => a.routes);
const menu = areas.flatMap((a) => a.menu);

function match(pattern: string, path: string): Record<string, string> | null {
  const ps = pattern.split('/'), xs = path.split('/');
  if (ps.length !== xs.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < ps.length; i++) {
    if (ps[i].startsWith(':')) {
      if (!xs[i]) return null;
      params[ps[i].slice(1)] = decodeURIComponent(xs[i]);
    } else if (ps[i] !== xs[i]) {
      return null;
    }
  }
  return params;
}

const app = document.getElementById('app')!;
let menuOpen = false;

function renderShell(): HTMLElement {
  const path = location.pathname;
  const signedIn = !!state.session;
  const other = getLang() === 'nl' ? 'en' : 'nl';
  const langBtn = h('button', {
    type: 'button', class: 'btn-link lang', lang: other, 'aria-label': t('lang.switch.label'),
    onclick: () => {
      // Busy until the other language's strings are here (a chunk per language, web/src/i18n.ts).
      const main = document.getElementById('main');
      main?.setAttribute('aria-busy', 'true');
      // The toast's words are in the old language: it goes.
      void setLang(other, true).then(() => { clearToast(); render(); }, () => main?.removeAttribute('aria-busy'));
    },
  }, t('lang.switch'));

  let nav: HTMLElement | null = null;
  let menuBtn: HTMLElement | null = null;
  if (signedIn) {
    // Grouped (web/src/nav.ts): at most seven entries at the top.
    const logoutBtn = h('button', { type: 'button', class: 'btn-link logout', onclick: logout }, t('nav.logout'));
    const items = navItems(menu.filter((m) => !m.organizer || isOrganizer()), path, (m, current) => {
      const link = h('a', { href: m.path, 'aria-current': current ? 'page' : null }, t(m.label));
      if (m.badge) {
        const label = m.badgeLabel;
        m.badge().then((n) => {
          if (n > 0) link.append(' ', h('span', { class: 'badge nav-count' }, String(n), label ? h('span', { class: 'visually-hidden' }, ' ' + t(label)) : null));
        }).catch(() => {});
      }
      return link;
    }, logoutBtn);
    nav = h('nav', { id: 'nav', class: menuOpen ? 'nav open' : 'nav', 'aria-label': t('nav.label') }, h('ul', null, items));
    menuBtn = h('button', {
      type: 'button', class: 'menu-btn', 'aria-expanded': menuOpen ? 'true' : 'false', 'aria-controls': 'nav',
      onclick: () => { menuOpen = !menuOpen; menuBtn!.setAttribute('aria-expanded', String(menuOpen)); nav!.classList.toggle('open', menuOpen); },
    }, h('span', { class: 'menu-icon', 'aria-hidden': 'true' }), t('nav.menu'));
    // The unread count on the menu button too, so a phone shows it with the menu closed (issue #17).
    const counted = menu.find((m) => m.badge && (!m.organizer || isOrganizer()));
    counted?.badge?.().then((n) => {
      if (n > 0) menuBtn!.append(' ', h('span', { class: 'badge nav-count', id: 'menu-unread' }, String(n),
        counted.badgeLabel ? h('span', { class: 'visually-hidden' }, ' ' + t(counted.badgeLabel)) : null));
    }).catch(() => {});
  }
  const header = h('header', { class: 'top' },
    h('div', { class: 'top-inner' },
      h('a', { class: 'brand', href: '/' },
        h('img', { src: '/favicon.svg', alt: '', width: 28, height: 28 }), h('span', null, t('app.name'))),
      h('div', { class: 'top-actions' }, langBtn, menuBtn)),
    nav);
  const main = h('main', { id: 'main', tabindex: '-1' });
  const skip = document.querySelector('.skip-link');
  if (skip) skip.textContent = t('skip');
  app.replaceChildren(header, main);
  return main;
}

async function logout(): Promise<void> {
  try { await api('POST', '/api/v1/auth/logout'); } catch { /* the session may already be gone */ }
  state.session = null;
  setCsrf('');
  forgetOfflineData();
  navigateTo('/login');
}

let renderSeq = 0;
let firstRender = true;

async function render(): Promise<void> {
  const seq = ++renderSeq;
  const path = location.pathname;
  let route: RouteDef | undefined;
  let params: Record<string, string> = {};
  for (const r of routes) {
    const p = match(r.pattern, path);
    if (p) { route = r; params = p; break; }
  }
  if (route && route.access !== 'public' && !state.session) {
    navigateTo('/login?next=' + encodeURIComponent(path + location.search + location.hash), true);
    return;
  }
  if (route?.pattern === '/login' && state.session) {
    navigateTo('/', true);
    return;
  }
  const main = renderShell();
  main.setAttribute('aria-busy', 'true');
  main.append(h('p', { class: 'loading' }, t('loading')));
  const ctx: PageCtx = {
    main, params, query: new URLSearchParams(location.search),
    setTitle: (title) => { document.title = `${title} · verbinder`; },
  };
  try {
    if (!route) {
      notFound(ctx);
    } else if (route.access === 'organizer' && !isOrganizer()) {
      clear(main);
      ctx.setTitle(t('nav.leader'));
      main.append(h('h1', null, t('nav.leader')), message('error', t('error.forbidden')));
    } else {
      // The page's area tables (web/src/i18n.ts) come with the page, before it renders.
      const [mod] = await Promise.all([route.load(), useStrings(partsOf(route))]);
      if (seq !== renderSeq) return;
      clear(main);
      await mod.default(ctx);
    }
  } catch (e) {
    if (seq !== renderSeq) return;
    if (e instanceof ApiError && e.status === 404) {
      notFound(ctx);
    } else if (!(e instanceof ApiError && e.status === 401)) {
      clear(main);
      ctx.setTitle('verbinder');
      // Offline: "no connection" in the UI's language, never the browser's "Failed to fetch".
      main.append(h('h1', null, 'verbinder'), message('error', errorText(e)));
    }
  }
  if (seq !== renderSeq) return;
  main.removeAttribute('aria-busy');
  // Move focus to the new page's heading (not on first load), so screen readers announce it.
  // A link to a part of a page (/events/3#encounters): scroll there and focus its heading.
  const part = location.hash.length > 1 ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
  if (part && main.contains(part)) {
    const heading = part.matches('h1, h2, h3') ? part : part.querySelector<HTMLElement>('h2, h3') ?? part;
    heading.setAttribute('tabindex', '-1');
    heading.focus({ preventScroll: true });
    part.scrollIntoView({ block: 'start' });
  } else if (!firstRender) {
    const h1 = main.querySelector('h1');
    if (h1) { h1.setAttribute('tabindex', '-1'); h1.focus({ preventScroll: true }); }
    window.scrollTo(0, 0);
  }
  firstRender = false;
}

const partsOf = (r: RouteDef): readonly Part[] => (typeof r.strings === 'function' ? r.strings() : r.strings);

function notFound(ctx: PageCtx): void {
  clear(ctx.main);
  ctx.setTitle(t('error.notfound'));
  ctx.main.append(h('h1', null, t('error.notfound')), h('p', null, t('error.notfound.text')),
    h('p', null, h('a', { href: '/' }, t('back.home'))));
}

function navigateTo(path: string, replace = false): void {
  menuOpen = false;
  if (replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  void render();
}

// Internal links navigate without a page load.
document.addEventListener('click', (ev) => {
  if (ev.defaultPrevented || ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return;
  const a = (ev.target as Element | null)?.closest?.('a');
  if (!a || a.target || a.hasAttribute('download')) return;
  const url = new URL(a.href, location.href);
  if (url.origin !== location.origin || url.pathname.startsWith('/api/')) return;
  // A link within this page (#main, #encounters): the browser's own jump.
  if (url.hash && url.pathname === location.pathname && url.search === location.search) return;
  ev.preventDefault();
  navigateTo(url.pathname + url.search + url.hash);
});
window.addEventListener('popstate', () => { void render(); });

setNavigate(navigateTo);
setRefreshShell(() => { void render(); });
setUnauthenticatedHandler(() => {
  state.session = null;
  if (location.pathname !== '/login') navigateTo('/login?next=' + encodeURIComponent(location.pathname + location.search + location.hash), true);
});

async function start(): Promise<void> {
  // The strings (one chunk per language, web/src/i18n.ts) load while the session is asked for;
  // signed in, the guess is the language the member's profile gave last time (not the browser's).
  const first = setLang(chooseLang(undefined, hasSessionCookie()));
  await loadSession();
  if (state.session) await setLang(chooseLang(state.session.me.member.languages));
  await first;
  await render();
  // Installable, and usable without Wi-Fi at the venue (web/src/pwa.ts): these pages are kept.
  const offline = routes.filter((r) => ['/', '/events/:id', '/events/:id/schedule', '/connect/:code'].includes(r.pattern));
  // Both languages' strings for those pages too, so switching language works offline.
  const parts = [...new Set(offline.flatMap(partsOf))];
  registerPwa([...offline.map((r) => r.load), () => loadLang('nl', parts), () => loadLang('en', parts)]);
}

void start();
