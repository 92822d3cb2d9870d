// The suggestions overlay: an OPEN shadow root on a host carrying `data-wheelhouse-overlay`, inserted in the
// page flow (after the page title) so it never covers content. Catalogue text goes in via textContent only;
// links only when http(s).
import type { Suggestion } from '../utils/suggestion';
import { safeHttpUrl } from '../utils/suggestion';
import { OVERLAY_CSS } from './overlay-style';

export const OVERLAY_ATTRIBUTE = 'data-wheelhouse-overlay';

export type OverlayState =
  | { status: 'loading' }
  | { status: 'ready'; suggestions: Suggestion[] }
  | { status: 'error'; message: string };

export interface OverlayOptions {
  /** Inserted after this element; at the top of <body> when null. */
  anchor: Element | null;
  /** What it shows first: a page check passes its ready state, so the panel is built once. */
  state: OverlayState;
  collapsed: boolean;
  onCollapse(collapsed: boolean): void;
  onHidePage(): void;
  onHideSite(): void;
}

export interface OverlayHandle {
  host: HTMLElement;
  update(state: OverlayState): void;
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
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const c of children) if (c) node.append(typeof c === 'string' ? doc.createTextNode(c) : c);
  return node;
}

/** A link when the URL is http(s), otherwise nothing (never a javascript: href). */
function link(doc: Document, label: string, raw: string | undefined): HTMLElement | null {
  const href = safeHttpUrl(raw);
  if (!href) return null;
  const a = el(doc, 'a', { href, target: '_blank', rel: 'noopener noreferrer' });
  a.textContent = label;
  return a;
}

export function mountOverlay(doc: Document, options: OverlayOptions): OverlayHandle {
  doc.querySelectorAll(`[${OVERLAY_ATTRIBUTE}]`).forEach((n) => n.remove());
  const host = el(doc, 'div', { [OVERLAY_ATTRIBUTE]: '' });
  const shadow = host.attachShadow({ mode: 'open' });
  const style = el(doc, 'style');
  style.textContent = OVERLAY_CSS;

  const uid = Math.random().toString(36).slice(2, 8);
  const titleId = `wh-title-${uid}`;
  const bodyId = `wh-body-${uid}`;
  const count = el(doc, 'span', { class: 'wh__count', 'aria-live': 'polite' });
  const title = el(doc, 'h2', { class: 'wh__title', id: titleId }, 'Already built in the NHS? ', count);
  const toggle = el(doc, 'button', { type: 'button', class: 'wh__toggle', 'aria-controls': bodyId });
  const hidePage = el(doc, 'button', { type: 'button', class: 'wh__secondary' }, 'Hide on this page');
  const hideSite = el(doc, 'button', { type: 'button', class: 'wh__secondary' }, 'Hide on this site');
  const body = el(doc, 'div', { id: bodyId });
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

  if (options.anchor?.parentNode) options.anchor.after(host);
  else doc.body.prepend(host);

  const update = (state: OverlayState) => {
    host.dataset.state = state.status;
    body.replaceChildren();
    if (state.status === 'loading') {
      count.textContent = '(checking…)';
      return;
    }
    if (state.status === 'error') {
      count.textContent = '';
      body.append(el(doc, 'p', { class: 'wh__note', role: 'status' }, state.message));
      return;
    }
    const n = state.suggestions.length;
    count.textContent = n === 0 ? 'No matching components found' : `${n} open-source component${n === 1 ? '' : 's'} may already do this`;
    if (n > 0) {
      body.append(el(doc, 'ul', { class: 'wh__list' }, ...state.suggestions.map((s) => renderSuggestion(doc, s))));
    }
    body.append(
      el(doc, 'p', { class: 'wh__note' }, 'Matched in your browser by Wheelhouse: nothing from this page was sent anywhere.'),
    );
  };
  update(options.state);

  return { host, update, destroy: () => host.remove() };
}

export function renderSuggestion(doc: Document, s: Suggestion): HTMLLIElement {
  const li = el(doc, 'li', { class: 'wh__card', 'data-component-id': s.id });
  const name = el(doc, 'h3', { class: 'wh__name' });
  name.textContent = s.name;
  const summary = el(doc, 'p', { class: 'wh__summary' });
  summary.textContent = s.summary;
  const facts = el(doc, 'dl', { class: 'wh__facts' });
  const fact = (label: string, value: Node | string) => facts.append(el(doc, 'dt', {}, label), el(doc, 'dd', {}, value));
  if (s.reasons.length) fact('Why it matched', s.reasons.join('; '));
  const unclear = s.licence === 'licence unclear';
  fact('Licence', el(doc, 'span', unclear ? { class: 'wh__unclear' } : {}, s.licence));
  if (s.activity) fact('Activity', s.activity);
  if (s.adopters.length) fact('Used by', s.adopters.join(', '));
  const evidence = s.evidence.map((e) => link(doc, e.label, e.url)).filter((a): a is HTMLElement => a !== null);
  if (evidence.length) {
    const dd = el(doc, 'span');
    evidence.forEach((a, i) => dd.append(...(i ? [', ', a] : [a])));
    fact('Evidence', dd);
  }
  const links = [
    link(doc, 'Repository', s.repoUrl),
    link(doc, 'Catalogue entry', s.catalogueUrl),
    link(doc, 'Wrong suggestion?', s.reportUrl),
  ].filter((a): a is HTMLElement => a !== null);
  li.append(name, summary, facts, el(doc, 'ul', { class: 'wh__links' }, ...links.map((a) => el(doc, 'li', {}, a))));
  return li;
}
