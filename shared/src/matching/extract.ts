/**
 * Saved or live page -> the need to match: title, the description a buyer wrote, CPV codes.
 * Takes the document as an argument and never mutates it (STYLE.md 12): the browser extension passes
 * `document`, the CLI passes a linkedom document parsed from `--html-file`.
 * Where the need sits on each site: ../shared/recipes/SITE-SHAPES.md (Find a Tender, Contracts Finder,
 * Digital Marketplace, Public Contracts Scotland / Sell2Wales, GitHub, GitLab, NHS England sites).
 */
import type { PageNeed } from './match.js';

/** The part of a DOM node the extractor reads (a real `Node` satisfies it). */
export interface NodeLike {
  readonly nodeType: number;
  readonly textContent: string | null;
}

/** The part of a DOM element the extractor reads (a real `Element` satisfies it). */
export interface ElementLike extends NodeLike {
  readonly tagName: string;
  readonly childNodes: ArrayLike<NodeLike>;
  readonly nextElementSibling: ElementLike | null;
  getAttribute(name: string): string | null;
  matches(selectors: string): boolean;
  querySelector(selectors: string): ElementLike | null;
  querySelectorAll(selectors: string): ArrayLike<ElementLike>;
}

/** The part of a DOM document the extractor reads (a real `Document` satisfies it). */
export interface DocumentLike {
  readonly title: string;
  querySelector(selectors: string): ElementLike | null;
  querySelectorAll(selectors: string): ArrayLike<ElementLike>;
}

/** Longest need text handed to the matcher; long pages add noise, not signal. */
export const MAX_NEED_TEXT = 8000;

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** Elements whose text is never the need: chrome, banners, scripts, hidden dialogs. */
const NOISE =
  'script, style, noscript, template, nav, header, footer, form[role="search"], [hidden], [aria-hidden="true"], ' +
  '#global-cookie-message, .gem-c-cookie-banner, [class*="cookie"], [id*="cookie"], .popup-dialog, .govuk-breadcrumbs, ' +
  '.nhsuk-breadcrumb, .govuk-skip-link, .nhsuk-skip-link, [role="dialog"], [role="navigation"]';

const BLOCK = new Set(['P', 'DIV', 'LI', 'UL', 'OL', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'DT', 'DD', 'TR', 'TD', 'TH', 'SECTION', 'ARTICLE', 'BR', 'TABLE', 'MAIN', 'BLOCKQUOTE', 'PRE']);

/** Labels (heading, dt, strong) whose following content is the description of the need. */
const DESCRIPTION_LABEL =
  /^(?:short description(?: of the contract)?|description(?: of the procurement)?|procurement description|summary of the work|about the work|summary|overview|scope of the procurement|description of the requirement)\s*:?$/i;
const CPV_LABEL = /\bcpv\b|classification|^industry$/i;

const TITLE_SUFFIX =
  /\s+[-|–·]\s+(?:Find a Tender|Contracts Finder|Digital Marketplace|GitHub|GitLab|NHS England Digital|NHS Transformation Directorate|NHS England|GOV\.UK|NHS)\s*$/i;

/** Read the need from a document. `url` is the page address (the extension knows it; saved files may not). */
export function extractNeed(document: DocumentLike, url?: string): PageNeed {
  const title = pageTitle(document);
  const parts: string[] = [];
  const cpvTexts: string[] = [];

  for (const selector of [
    '[data-uipath="document.summary"]',
    '[id$="lblAbstract"]',
    '.home-panel-description-markdown',
    '[itemprop="description"]',
    '[class*="PageLayout-Pane"] .BorderGrid-row h2 + p.f4',
    'p.f4.my-3',
  ]) {
    const el = document.querySelector(selector);
    if (el) parts.push(visibleText(el));
  }
  const topics = [...from(document.querySelectorAll('a.topic-tag, a[href^="/topics/"], a[href*="/explore/projects/topics/"]'))].map((a) => clean(a.textContent));
  if (topics.length > 0) parts.push(`Topics: ${[...new Set(topics)].join(', ')}`);

  for (const label of from(document.querySelectorAll('h2, h3, h4, h5, dt, strong, th, label'))) {
    const text = labelText(label.textContent);
    if (text.length > 80) continue;
    if (DESCRIPTION_LABEL.test(text)) parts.push(followingText(label));
    else if (CPV_LABEL.test(text)) cpvTexts.push(followingText(label));
  }

  const readme = document.querySelector('#readme article.markdown-body, [data-testid="readme"], article.markdown-body');
  if (readme) parts.push(visibleText(readme).slice(0, 3000));

  const meta = metaContent(document, 'meta[name="description"]') ?? metaContent(document, 'meta[property="og:description"]');
  if (parts.join('').trim().length < 40) {
    if (meta) parts.push(meta);
    const main = document.querySelector('main, #main-content, [role="main"], #maincontent, article') ?? document.querySelector('body');
    if (main) parts.push(visibleText(main));
  }

  const text = dedupeLines(parts.join('\n')).slice(0, MAX_NEED_TEXT);
  const cpv = new Set<string>();
  for (const t of [...cpvTexts, text]) {
    const labelled = t === text ? [...t.matchAll(/CPV[^0-9]{0,40}((?:\d{8}(?:-\d)?[\s,;]*)+)/gi)].map((m) => m[1] ?? '') : [t];
    for (const chunk of labelled) for (const m of chunk.matchAll(/\b(\d{8})(?:-\d)?\b/g)) cpv.add(m[1] as string);
  }
  return {
    ...(title ? { title } : {}),
    text,
    ...(cpv.size > 0 ? { cpv: [...cpv] } : {}),
    ...(url ? { url } : {}),
  };
}

function pageTitle(document: DocumentLike): string {
  const h1 = document.querySelector('main h1, #all-content-wrapper h1, article h1, h1');
  const fromH1 = h1 ? visibleText(h1) : '';
  if (fromH1) return fromH1;
  const og = metaContent(document, 'meta[property="og:title"]');
  if (og) return og;
  return clean(document.title).replace(TITLE_SUFFIX, '').replace(/^GitHub\s+-\s+/, '');
}

/**
 * A label without its numbering. Find a Tender headings hold an aria-only copy ("two.1.4) Short
 * description") and the visible one ("II.1.4) Short description"); textContent joins both, so drop the
 * numbers and keep one copy.
 */
export function labelText(raw: string | null): string {
  const text = clean((raw ?? '').replace(/(?:[IVX]+|one|two|three|four|five|six|seven)?\.?[0-9.]*\d\)\s*/g, ' '));
  const half = text.length / 2;
  if (Number.isInteger(half - 0.5) && text.slice(0, half - 0.5) === text.slice(half + 0.5)) return text.slice(0, half - 0.5);
  return text;
}

function metaContent(document: DocumentLike, selector: string): string | undefined {
  const content = document.querySelector(selector)?.getAttribute('content');
  return content ? clean(content) : undefined;
}

/** Text of the siblings after a label, up to the next heading of the same or a higher level. */
function followingText(label: ElementLike): string {
  const out: string[] = [];
  const stopAt = /^H[1-6]$/.test(label.tagName.toUpperCase()) ? label.tagName.toUpperCase() : undefined;
  // Contracts Finder's <h4><strong>Label</strong></h4><p>value</p> is read through the h4.
  let el = label.nextElementSibling;
  for (let n = 0; el && n < 12; n++, el = el.nextElementSibling) {
    const tag = el.tagName.toUpperCase();
    if (stopAt && /^H[1-6]$/.test(tag) && tag <= stopAt) break;
    if (!stopAt && (/^H[1-6]$/.test(tag) || tag === 'DT')) break;
    out.push(visibleText(el));
  }
  return out.join('\n');
}

/** textContent without noise elements, with line breaks between blocks. Never mutates the document. */
export function visibleText(root: ElementLike): string {
  const out: string[] = [];
  const walk = (node: NodeLike): void => {
    if (node.nodeType === TEXT_NODE) {
      out.push(node.textContent ?? '');
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const el = node as ElementLike;
    if (isNoise(el)) return;
    const block = BLOCK.has(el.tagName.toUpperCase());
    if (block) out.push('\n');
    for (const child of from(el.childNodes)) walk(child);
    if (block) out.push('\n');
  };
  walk(root);
  return out
    .join('')
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

function isNoise(el: ElementLike): boolean {
  return el.matches(NOISE);
}

function clean(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

function dedupeLines(text: string): string {
  const seen = new Set<string>();
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !seen.has(l) && (seen.add(l), true))
    .join('\n');
}

function* from<T>(list: ArrayLike<T>): Generator<T> {
  for (let i = 0; i < list.length; i++) yield list[i] as T;
}
