// HTML the server rendered from Markdown (articles, event descriptions), shown
// safely: see safeHtml below. No strings of its own.
import { h, safeHttpUrl } from './dom';

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

export function safeHtml(html: string, className = 'prose article-body'): HTMLElement {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const div = h('div', { class: className });
  rebuild(doc.body, div);
  return div;
}
