import { cleanText, visibleText } from './text';

/**
 * Finds the content that follows a label (heading, dt, strong) whose text includes `label`
 * (case-insensitive), as SITE-SHAPES advises: ids change per render, labels don't.
 */
export function textAfterLabel(root: ParentNode, selector: string, label: string | RegExp): string {
  return labelsIn(root, selector).textAfter(label);
}

export function findLabel(root: ParentNode, selector: string, label: string | RegExp): Element | undefined {
  return labelsIn(root, selector).find(label);
}

/** The labels of one extraction, for several lookups (see labelsIn). */
export interface Labels {
  /** The first label whose text includes `label` (case-insensitive; a RegExp is tested on the lower-cased text). */
  find(label: string | RegExp): Element | undefined;
  /** The text belonging to that label (textOfFollowing), or ''. */
  textAfter(label: string | RegExp): string;
}

/**
 * The labels under `root` matching `selector`, queried and read once however many labels an adapter looks
 * up: a notice reads six or more, most of them absent, and each lookup used to query and read every label
 * again. Read when first asked, so it holds for one extraction only (the page may change after).
 */
export function labelsIn(root: ParentNode, selector: string): Labels {
  let read: { el: Element; text: string }[] | undefined;
  const find = (label: string | RegExp) => {
    read ??= [...root.querySelectorAll(selector)].map((el) => ({ el, text: cleanText(el.textContent).toLowerCase() }));
    const wanted = typeof label === 'string' ? label.toLowerCase() : label;
    return read.find(({ text }) => (typeof wanted === 'string' ? text.includes(wanted) : wanted.test(text)))?.el;
  };
  return {
    find,
    textAfter(label) {
      const el = find(label);
      return el ? textOfFollowing(el) : '';
    },
  };
}

/** Inline labels (`h4 > strong`) whose text belongs to the block they sit in. */
const INLINE_LABEL_TAGS = new Set(['STRONG', 'B', 'SPAN']);
/** Section headings: the text belonging to a label never runs past one. */
const SECTION_HEADING_TAGS = new Set(['H1', 'H2', 'H3']);

/**
 * The text belonging to a label: for `dt`, its `dd`; for a label nested in a heading/strong inside a
 * wrapper, the wrapper's following siblings up to the next label of the same kind.
 */
export function textOfFollowing(label: Element): string {
  if (label.tagName === 'DT') return visibleText(nextElement(label, 'DD'));
  let start: Element = label;
  // `h4 > strong` labels: step out to the heading.
  while (start.parentElement && start.nextElementSibling === null && INLINE_LABEL_TAGS.has(start.tagName)) {
    start = start.parentElement;
  }
  const parts: string[] = [];
  for (let sib = start.nextElementSibling; sib; sib = sib.nextElementSibling) {
    if (sib.tagName === start.tagName || SECTION_HEADING_TAGS.has(sib.tagName)) break;
    parts.push(visibleText(sib));
  }
  return cleanText(parts.join(' '));
}

function nextElement(el: Element, tag: string): Element | null {
  for (let sib = el.nextElementSibling; sib; sib = sib.nextElementSibling) if (sib.tagName === tag) return sib;
  return null;
}

export function metaContent(doc: Document, name: string): string {
  const el = doc.querySelector(`meta[property="${name}"], meta[name="${name}"]`);
  return cleanText(el?.getAttribute('content'));
}

/** Removes a trailing " - Site name" suffix from a document title. */
export function titleWithoutSuffix(doc: Document, suffix: string): string {
  const t = cleanText(doc.title);
  return t.endsWith(suffix) ? t.slice(0, -suffix.length).trim() : t;
}
