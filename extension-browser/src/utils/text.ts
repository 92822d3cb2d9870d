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

/** Subtrees left out of visible text (the selector list this replaced, as a per-element test). */
const SKIPPED_TAGS = new Set(['script', 'style', 'template', 'noscript']);
/** Screen-reader-only classes, as whole tokens of the class attribute (split on ASCII whitespace, as classList). */
const HIDDEN_CLASS = /(?:^|[\t\n\f\r ])(?:aria-only|govuk-visually-hidden|nhsuk-u-visually-hidden)(?:[\t\n\f\r ]|$)/;
/** Block boundaries become spaces: "<li>a</li><li>b</li>" reads "a b", not "ab". */
const BLOCK_TAGS = new Set(
  ['p', 'li', 'dd', 'dt', 'div', 'br', 'td', 'th', 'tr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'section', 'article', 'blockquote', 'pre'],
);

function skipped(el: Element): boolean {
  return (
    SKIPPED_TAGS.has(el.localName) ||
    el.hasAttribute('hidden') ||
    el.getAttribute('aria-hidden') === 'true' ||
    // The class attribute as a string: classList would make a DOMTokenList per element walked.
    HIDDEN_CLASS.test(el.getAttribute('class') ?? '')
  );
}

/**
 * Visible text of an element, skipping screen-reader-only duplicates, scripts and hidden nodes. It walks the
 * page's own nodes: no clone, no layout (innerText would force one), so a README or a 40-lot notice costs one
 * pass over its text.
 */
export function visibleText(el: Element | null | undefined): string {
  if (!el) return '';
  const parts: string[] = [];
  const walk = (parent: Node) => {
    for (let node = parent.firstChild; node; node = node.nextSibling) {
      if (node.nodeType === 3 || node.nodeType === 4) parts.push((node as CharacterData).data);
      else if (node.nodeType === 1) {
        const child = node as Element;
        if (skipped(child)) continue;
        walk(child);
        if (BLOCK_TAGS.has(child.localName)) parts.push(' ');
      }
    }
  };
  walk(el);
  return cleanText(parts.join(''));
}

/** Caps a string at `max` characters on a word boundary. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return (space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd();
}
