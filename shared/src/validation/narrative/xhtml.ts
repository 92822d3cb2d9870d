/**
 * A small, iterative XHTML checker for FHIR narrative (https://hl7.org/fhir/R4/narrative.html#xhtml):
 * well-formedness (tags balanced, attributes quoted), the allowed element set (HTML 4.0 chapters 7-11 and 15,
 * plus a, img), no event-handler attributes or javascript: URLs, and only the entities XML defines
 * (numeric references and lt, gt, amp, quot, apos): FHIR narrative is XML, not HTML.
 */

export interface XhtmlProblem {
  kind: 'not-well-formed' | 'element' | 'attribute' | 'entity' | 'root';
  message: string;
}

/** Elements of HTML 4.0 chapters 7-11 and 15 (txt-1), with the inline/text ones later versions allow. */
const ALLOWED = new Set(
  (
    'a abbr acronym address b bdo big blockquote br caption cite code col colgroup dd del dfn div dl dt em h1 h2 h3 h4 h5 h6 ' +
    'hr i img ins kbd li ol p pre q s samp small span strike strong sub sup table tbody td tfoot th thead tr tt u ul var'
  ).split(' '),
);
const XML_ENTITIES = new Set(['lt', 'gt', 'amp', 'quot', 'apos']);

export function checkXhtml(text: string): XhtmlProblem[] {
  const problems: XhtmlProblem[] = [];
  const seen = new Set<string>();
  const add = (kind: XhtmlProblem['kind'], message: string): void => {
    if (seen.has(message)) return;
    seen.add(message);
    problems.push({ kind, message });
  };
  const stack: string[] = [];
  let i = 0;
  let sawRoot = false;
  const n = text.length;
  // Text between markup is skipped in one step: the next '<' and '&' are found with indexOf.
  let nextLt = -1;
  let nextAmp = -1;
  while (i < n) {
    if (nextLt < i) nextLt = indexOrEnd(text, '<', i);
    if (nextAmp < i) nextAmp = indexOrEnd(text, '&', i);
    i = nextLt < nextAmp ? nextLt : nextAmp;
    if (i >= n) break;
    const c = text[i];
    if (c === '&') {
      const m = /^&(#[0-9]+|#x[0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);/.exec(text.slice(i, i + 40));
      if (!m) add('entity', `Invalid entity in the XHTML: '&' must be written '&amp;'`);
      else if (!m[1]!.startsWith('#') && !XML_ENTITIES.has(m[1]!)) add('entity', `Invalid entity in the XHTML ('&${m[1]};'): only the XML entities and numeric references are allowed`);
      i += m ? m[0].length : 1;
      continue;
    }
    if (c !== '<') {
      i++;
      continue;
    }
    if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4);
      if (end < 0) {
        add('not-well-formed', 'The XHTML is not well-formed: unterminated comment');
        break;
      }
      i = end + 3;
      continue;
    }
    if (text.startsWith('<?', i) || text.startsWith('<!', i)) {
      const end = text.indexOf('>', i);
      i = end < 0 ? n : end + 1;
      continue;
    }
    const end = findTagEnd(text, i + 1);
    if (end < 0) {
      add('not-well-formed', 'The XHTML is not well-formed: a tag is not closed with >');
      break;
    }
    const tag = text.slice(i + 1, end);
    i = end + 1;
    if (tag.startsWith('/')) {
      const name = localName(tag.slice(1).trim());
      const open = stack.pop();
      if (open !== name) {
        add('not-well-formed', `The XHTML is not well-formed: </${name}> does not close <${open ?? '(nothing)'}>`);
        if (open !== undefined && stack.includes(name)) while (stack.length > 0 && stack.pop() !== name);
      }
      continue;
    }
    const selfClosing = tag.endsWith('/');
    const body = selfClosing ? tag.slice(0, -1) : tag;
    const nameMatch = /^\s*([A-Za-z_][\w.:-]*)/.exec(body);
    if (!nameMatch) {
      add('not-well-formed', 'The XHTML is not well-formed: a tag has no name');
      continue;
    }
    const name = localName(nameMatch[1]!);
    if (!sawRoot) {
      sawRoot = true;
      if (name !== 'div') add('root', `The narrative must be a single XHTML <div> element, not <${name}>`);
    }
    if (!ALLOWED.has(name)) add('element', `Invalid element name in the XHTML ('${name}')`);
    checkAttributes(body.slice(nameMatch[0].length), add);
    if (!selfClosing) stack.push(name);
  }
  if (stack.length > 0 && !problems.some((p) => p.kind === 'not-well-formed')) {
    add('not-well-formed', `The XHTML is not well-formed: <${stack[stack.length - 1]}> is never closed`);
  }
  return problems;
}

function indexOrEnd(text: string, search: string, from: number): number {
  const at = text.indexOf(search, from);
  return at < 0 ? text.length : at;
}

function localName(qname: string): string {
  const colon = qname.indexOf(':');
  return (colon >= 0 ? qname.slice(colon + 1) : qname).toLowerCase();
}

/** Index of the '>' ending a tag that starts at `from`, skipping quoted attribute values. */
function findTagEnd(text: string, from: number): number {
  let quote: string | undefined;
  for (let j = from; j < text.length; j++) {
    const ch = text[j];
    if (quote) {
      if (ch === quote) quote = undefined;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '>') return j;
    else if (ch === '<') return -1;
  }
  return -1;
}

function checkAttributes(attrs: string, add: (kind: XhtmlProblem['kind'], message: string) => void): void {
  const re = /\s*([A-Za-z_][\w.:-]*)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+))?/y;
  let k = 0;
  while (k < attrs.length) {
    re.lastIndex = k;
    const m = re.exec(attrs);
    if (!m || m[0].length === 0) {
      if (/^\s*$/.test(attrs.slice(k))) return;
      add('not-well-formed', 'The XHTML is not well-formed: an attribute cannot be read');
      return;
    }
    k = re.lastIndex;
    const name = m[1]!.toLowerCase();
    const value = m[2];
    if (value === undefined) {
      add('not-well-formed', `The XHTML is not well-formed: attribute '${name}' has no quoted value`);
    } else if (!value.startsWith('"') && !value.startsWith("'")) {
      add('not-well-formed', `The XHTML is not well-formed: the value of attribute '${name}' is not quoted`);
    }
    if (name.startsWith('on')) add('attribute', `Invalid attribute name in the XHTML ('${name}'): event handlers are not allowed`);
    const unquoted = value?.replace(/^["']|["']$/g, '') ?? '';
    if ((name === 'href' || name === 'src') && /^\s*javascript:/i.test(unquoted)) {
      add('attribute', `Invalid attribute value in the XHTML ('${name}'): javascript: URLs are not allowed`);
    }
  }
}
