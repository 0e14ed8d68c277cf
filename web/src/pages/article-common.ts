// Shapes of the articles API and pieces the article and newsletter pages share:
// the status badge, error texts, and the reader for an article's HTML.
import { errorText as feedbackErrorText } from '../feedback';
import { h, safeHttpUrl } from '../dom';
import { t, type Key } from '../i18n';

export type ArticleStatus = 'draft' | 'submitted' | 'published';
export interface Article {
  id: number; author_id: number | null; author_name: string; title: string; summary: string; body: string;
  body_html: string; tags: string[]; language: 'nl' | 'en'; status: ArticleStatus; published_at: number | null;
  created_at: number; updated_at: number;
}

export function articleStatusBadge(status: ArticleStatus): HTMLElement {
  return h('span', { class: status === 'published' ? 'badge ok' : 'badge' }, t(`newsletter.status.${status}` as Key));
}

// An error in the UI's language, with the field it is about in the page's terms
// (feedback.ts errorText: the one place errors become words).
export function errorText(e: unknown, labels: Record<string, string> = {}): string {
  return feedbackErrorText(e, labels);
}

// The server renders Markdown to sanitised HTML. As a second line of defence the
// page never inserts that HTML: it parses it inertly (DOMParser runs no scripts and
// loads nothing) and rebuilds only known-safe elements, with text as text and only
// http(s)/mailto links. Anything else (script, style, iframe, event handlers,
// images from elsewhere) is dropped.
const ALLOWED = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'strong', 'em', 'b', 'i', 'del', 's',
  'code', 'pre', 'blockquote', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'br', 'hr', 'a', 'sup', 'sub']);

function rebuild(node: Node, out: Node): void {
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType === Node.TEXT_NODE) {
      out.appendChild(document.createTextNode(child.textContent ?? ''));
      continue;
    }
    if (child.nodeType !== Node.ELEMENT_NODE) continue;
    const el = child as Element;
    const tag = el.tagName.toLowerCase();
    if (tag === 'script' || tag === 'style' || tag === 'template') continue;
    if (!ALLOWED.has(tag)) { rebuild(el, out); continue; }  // keep the text of unknown wrappers
    // Headings inside an article sit below the page's h1.
    const name = /^h[1-6]$/.test(tag) ? `h${Math.min(6, Number(tag[1]) + 1)}` : tag;
    const copy = document.createElement(name);
    if (tag === 'a') {
      const href = el.getAttribute('href') ?? '';
      const safe = href.startsWith('mailto:') ? href : safeHttpUrl(href);
      if (safe) { copy.setAttribute('href', safe); copy.setAttribute('rel', 'noopener nofollow'); }
    }
    if ((tag === 'th' || tag === 'td') && /^(left|right|center)$/.test(el.getAttribute('align') ?? '')) {
      copy.setAttribute('align', el.getAttribute('align')!);
    }
    rebuild(el, copy);
    out.appendChild(copy);
  }
}

export function articleBody(html: string): HTMLElement {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const div = h('div', { class: 'prose article-body' });
  rebuild(doc.body, div);
  return div;
}
