/** CPV code: 8 digits, optional "-N" check digit (SITE-SHAPES "All adapters"). */
const CPV_RE = /\b\d{8}(?:-\d)?\b/g;

export function cleanText(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/** CPV codes in order of appearance, without the check digit, de-duplicated. */
export function cpvCodesIn(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(CPV_RE)) {
    const code = m[0].slice(0, 8);
    if (!out.includes(code)) out.push(code);
  }
  return out;
}

const BLOCKS = 'p, li, dd, dt, div, br, td, th, tr, h1, h2, h3, h4, h5, h6, section, article, blockquote, pre';

/** Visible text of an element, skipping screen-reader-only duplicates, scripts and hidden nodes. */
export function visibleText(el: Element | null | undefined): string {
  if (!el) return '';
  const clone = el.cloneNode(true) as Element;
  clone
    .querySelectorAll('script, style, template, noscript, [hidden], [aria-hidden="true"], .aria-only, .govuk-visually-hidden, .nhsuk-u-visually-hidden')
    .forEach((n) => n.remove());
  // Block boundaries become spaces: "<li>a</li><li>b</li>" reads "a b", not "ab".
  clone.querySelectorAll(BLOCKS).forEach((n) => n.append(' '));
  return cleanText(clone.textContent);
}

/** Caps a string at `max` characters on a word boundary. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return (space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd();
}
