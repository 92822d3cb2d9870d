import { cleanText, visibleText } from './text';

/**
 * Finds the content that follows a label (heading, dt, strong) whose text includes `label`
 * (case-insensitive), as SITE-SHAPES advises: ids change per render, labels don't.
 */
export function textAfterLabel(root: ParentNode, selector: string, label: string | RegExp): string {
  const el = findLabel(root, selector, label);
  return el ? textOfFollowing(el) : '';
}

export function findLabel(root: ParentNode, selector: string, label: string | RegExp): Element | undefined {
  const wanted = typeof label === 'string' ? label.toLowerCase() : label;
  for (const el of root.querySelectorAll(selector)) {
    const text = cleanText(el.textContent).toLowerCase();
    if (typeof wanted === 'string' ? text.includes(wanted) : wanted.test(text)) return el;
  }
  return undefined;
}

/**
 * The text belonging to a label: for `dt`, its `dd`; for a label nested in a heading/strong inside a
 * wrapper, the wrapper's following siblings up to the next label of the same kind.
 */
export function textOfFollowing(label: Element): string {
  if (label.tagName === 'DT') return visibleText(nextElement(label, 'DD'));
  let start: Element = label;
  // `h4 > strong` labels: step out to the heading.
  while (start.parentElement && start.nextElementSibling === null && /^(STRONG|B|SPAN)$/.test(start.tagName)) {
    start = start.parentElement;
  }
  const parts: string[] = [];
  for (let sib = start.nextElementSibling; sib; sib = sib.nextElementSibling) {
    if (sib.tagName === start.tagName || /^H[1-3]$/.test(sib.tagName)) break;
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
