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

/**
 * Subtrees left out of visible text: scripts, hidden nodes and screen-reader-only duplicates. One native selector
 * test per element, not four attribute reads and a regex in script (issue 9).
 */
const SKIPPED = 'script, style, template, noscript, [hidden], [aria-hidden="true"], .aria-only, .govuk-visually-hidden, .nhsuk-u-visually-hidden';
/** Block boundaries become spaces: "<li>a</li><li>b</li>" reads "a b", not "ab". */
const BLOCK_TAG_NAMES = ['p', 'li', 'dd', 'dt', 'div', 'br', 'td', 'th', 'tr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'section', 'article', 'blockquote', 'pre'];
const BLOCK_TAGS = new Set(BLOCK_TAG_NAMES);
/** An element with none of these inside reads as its textContent. */
const SKIPPED_OR_BLOCK = `${SKIPPED}, ${BLOCK_TAG_NAMES.join(', ')}`;

/**
 * Visible text of an element, skipping screen-reader-only duplicates, scripts and hidden nodes. It walks the
 * page's own nodes: no clone, no layout (innerText would force one), so a README or a 40-lot notice costs one
 * pass over its text. A subtree with nothing to skip or to separate is read whole (textContent): each node the
 * script visits gets a wrapper in the content script's world, the first cost of a page (issue 9).
 */
export function visibleText(el: Element | null | undefined): string {
  if (!el) return '';
  const parts: string[] = [];
  const walk = (parent: Element) => {
    if (parent.querySelector(SKIPPED_OR_BLOCK) === null) {
      parts.push(parent.textContent ?? '');
      return;
    }
    for (let node = parent.firstChild; node; node = node.nextSibling) {
      if (node.nodeType === 3 || node.nodeType === 4) parts.push((node as CharacterData).data);
      else if (node.nodeType === 1) {
        const child = node as Element;
        if (child.matches(SKIPPED)) continue;
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
