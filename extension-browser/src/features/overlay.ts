// The suggestions overlay: an OPEN shadow root on a host carrying `data-wheelhouse-overlay`, inserted in the
// page flow (after the page title) so it never covers content. Catalogue text goes in via textContent only;
// links only when http(s).
import type { Suggestion } from '../utils/suggestion';
import { OVERLAY_CSS } from './overlay-style';

export const OVERLAY_ATTRIBUTE = 'data-wheelhouse-overlay';

export interface OverlayOptions {
  /** Inserted after this element; at the top of <body> when null. */
  anchor: Element | null;
  /** The background's answer: a page check mounts the overlay once, complete (no loading state to replace). */
  suggestions: Suggestion[];
  collapsed: boolean;
  onCollapse(collapsed: boolean): void;
  onHidePage(): void;
  onHideSite(): void;
}

export interface OverlayHandle {
  host: HTMLElement;
  destroy(): void;
}

type Child = Node | string | null | undefined | false;

function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  attrs: Record<string, string> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  for (const k in attrs) node.setAttribute(k, attrs[k]!);
  // One text child is set as textContent, the others appended in one call: each DOM call costs the content
  // script's fresh world a few microseconds on a slow machine (issue 9).
  if (children.length === 1 && typeof children[0] === 'string') node.textContent = children[0];
  else if (children.length) node.append(...children.filter((c): c is Node | string => !!c));
  return node;
}

/**
 * A link when the URL is http(s), otherwise nothing (never a javascript: href). The background already kept only
 * http(s) URLs (utils/suggestion.ts safeHttpUrl); this checks again without parsing: a string that starts with
 * "http://" or "https://" (any case) has that scheme, whatever follows.
 */
function link(doc: Document, label: string, href: string | undefined): HTMLElement | null {
  if (!isHttpUrl(href)) return null;
  const a = el(doc, 'a', { href, target: '_blank', rel: 'noopener noreferrer' });
  a.textContent = label;
  return a;
}

/** String tests, not a case-insensitive regex: each regex costs the page's fresh script world a compile. */
function isHttpUrl(href: unknown): href is string {
  if (typeof href !== 'string') return false;
  const start = href.slice(0, 8).toLowerCase();
  return start === 'https://' || start.startsWith('http://');
}

export function mountOverlay(doc: Document, options: OverlayOptions): OverlayHandle {
  doc.querySelectorAll(`[${OVERLAY_ATTRIBUTE}]`).forEach((n) => n.remove());
  // data-state="ready": rendered (the test contract).
  const host = el(doc, 'div', { [OVERLAY_ATTRIBUTE]: '', 'data-state': 'ready' });
  const shadow = host.attachShadow({ mode: 'open' });
  const style = el(doc, 'style', {}, OVERLAY_CSS);

  // Ids live in the overlay's own shadow tree: they cannot meet the page's, so they need no random part.
  const titleId = 'wh-title';
  const bodyId = 'wh-body';
  const n = options.suggestions.length;
  const count = n === 0 ? 'No matching components found' : `${n} open-source component${n === 1 ? '' : 's'} may already do this`;
  const title = el(
    doc,
    'h2',
    { class: 'wh__title', id: titleId },
    'Already built in the NHS? ',
    el(doc, 'span', { class: 'wh__count', 'aria-live': 'polite' }, count),
  );
  const toggle = el(doc, 'button', { type: 'button', class: 'wh__toggle', 'aria-controls': bodyId });
  const hidePage = el(doc, 'button', { type: 'button', class: 'wh__secondary' }, 'Hide on this page');
  const hideSite = el(doc, 'button', { type: 'button', class: 'wh__secondary' }, 'Hide on this site');
  const body = el(
    doc,
    'div',
    { id: bodyId },
    n > 0 && el(doc, 'ul', { class: 'wh__list' }, ...options.suggestions.map((s) => renderSuggestion(doc, s))),
    el(doc, 'p', { class: 'wh__note' }, 'Matched in your browser by Wheelhouse: nothing from this page was sent anywhere.'),
  );
  const panel = el(
    doc,
    'aside',
    { class: 'wh', 'aria-labelledby': titleId },
    el(doc, 'div', { class: 'wh__bar' }, title, toggle, hidePage, hideSite),
    body,
  );
  shadow.append(style, panel);

  let collapsed = options.collapsed;
  const setCollapsed = (value: boolean) => {
    collapsed = value;
    body.hidden = value;
    toggle.setAttribute('aria-expanded', String(!value));
    toggle.textContent = value ? 'Show' : 'Collapse';
  };
  setCollapsed(collapsed);

  toggle.addEventListener('click', () => {
    setCollapsed(!collapsed);
    options.onCollapse(collapsed);
  });
  hidePage.addEventListener('click', () => options.onHidePage());
  hideSite.addEventListener('click', () => options.onHideSite());
  // Esc inside the overlay collapses it and gives focus back to the toggle.
  panel.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || collapsed) return;
    event.stopPropagation();
    setCollapsed(true);
    options.onCollapse(true);
    toggle.focus();
  });

  // Inserted once, complete: building inside the page's live tree would invalidate its style per node.
  if (options.anchor?.parentNode) options.anchor.after(host);
  else doc.body.prepend(host);

  return { host, destroy: () => host.remove() };
}

export function renderSuggestion(doc: Document, s: Suggestion): HTMLLIElement {
  const facts: HTMLElement[] = [];
  const fact = (label: string, dd: HTMLElement) => facts.push(el(doc, 'dt', {}, label), dd);
  if (s.reasons.length) fact('Why it matched', el(doc, 'dd', {}, s.reasons.join('; ')));
  fact('Licence', el(doc, 'dd', s.licence === 'licence unclear' ? { class: 'wh__unclear' } : {}, s.licence));
  if (s.activity) fact('Activity', el(doc, 'dd', {}, s.activity));
  if (s.adopters.length) fact('Used by', el(doc, 'dd', {}, s.adopters.join(', ')));
  const evidence: Child[] = [];
  for (const e of s.evidence) {
    const a = link(doc, e.label, e.url);
    if (a) evidence.push(evidence.length ? ', ' : null, a);
  }
  if (evidence.length) fact('Evidence', el(doc, 'dd', {}, ...evidence));
  const links: HTMLElement[] = [];
  for (const [label, url] of [
    ['Repository', s.repoUrl],
    ['Catalogue entry', s.catalogueUrl],
    ['Wrong suggestion?', s.reportUrl],
  ] as const) {
    const a = link(doc, label, url);
    if (a) links.push(el(doc, 'li', {}, a));
  }
  // Catalogue text only ever goes in as text (el sets textContent or appends text): a hostile entry stays inert.
  return el(
    doc,
    'li',
    { class: 'wh__card', 'data-component-id': s.id },
    el(doc, 'h3', { class: 'wh__name' }, s.name),
    el(doc, 'p', { class: 'wh__summary' }, s.summary),
    el(doc, 'dl', { class: 'wh__facts' }, ...facts),
    el(doc, 'ul', { class: 'wh__links' }, ...links),
  );
}
