/**
 * FHIRPath `htmlChecks()` (txt-1 and txt-2 on Narrative.div) without fhirpath.js: a port of fhirpath.js
 * 5.2.2's src/html-checks.js scanner (MIT licence, (c) LHNCBC / NLM and contributors; see its
 * docs/html-checks.md for how each narrative rule is read), so the answers are the same by construction
 * and invariants/html-checks.test.ts compares both on every narrative of the corpus. Narratives are the
 * commonest invariant that used to need fhirpath.js: one per resource.
 * https://hl7.org/fhir/R4/fhirpath.html#functions, https://hl7.org/fhir/R4/narrative.html#xhtml
 */

function toSet(names: readonly string[]): ReadonlySet<string> {
  return new Set(names);
}

const ALLOWED_ELEMENT_LIST = [
  'p',
  'br',
  'div',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'a',
  'span',
  'b',
  'em',
  'i',
  'strong',
  'small',
  'big',
  'tt',
  'dfn',
  'q',
  'var',
  'abbr',
  'acronym',
  'cite',
  'blockquote',
  'hr',
  'address',
  'bdo',
  'kbd',
  'sub',
  'sup',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'pre',
  'table',
  'caption',
  'colgroup',
  'col',
  'thead',
  'tr',
  'tfoot',
  'tbody',
  'th',
  'td',
  'code',
  'samp',
  'img',
];
const ALLOWED_ELEMENTS = toSet(ALLOWED_ELEMENT_LIST);

const ALLOWED_ATTR_LIST = [
  'title',
  'style',
  'class',
  'id',
  'lang',
  'dir',
  'accesskey',
  'tabindex',
  'xmlns',
  'span',
  'align',
  'valign',
  'char',
  'charoff',
  'abbr',
  'axis',
  'headers',
  'scope',
  'rowspan',
  'colspan',
];
const ALLOWED_ATTRS = toSet(ALLOWED_ATTR_LIST);

const ALLOWED_ELEMENT_ATTR_LIST = [
  'a.href',
  'a.name',
  'img.src',
  'img.border',
  'img.alt',
  'img.longdesc',
  'img.height',
  'img.width',
  'blockquote.cite',
  'q.cite',
  'table.summary',
  'table.width',
  'table.border',
  'table.frame',
  'table.rules',
  'table.cellspacing',
  'table.cellpadding',
  'col.width',
  'colgroup.width',
  'th.width',
  'td.width',
  'td.nowrap',
];
const ALLOWED_ELEMENT_ATTRS = toSet(ALLOWED_ELEMENT_ATTR_LIST);

const XML_ENTITIES = toSet(['amp', 'lt', 'gt', 'quot', 'apos']);

const XHTML_NS = 'http://www.w3.org/1999/xhtml';

const CH_TAB = 9;
const CH_LF = 10;
const CH_CR = 13;
const CH_SPACE = 32;
const CH_BANG = 33;
const CH_QUOT = 34;
const CH_HASH = 35;
const CH_AMP = 38;
const CH_APOS = 39;
const CH_SLASH = 47;
const CH_ZERO = 48;
const CH_NINE = 57;
const CH_SEMI = 59;
const CH_LT = 60;
const CH_EQ = 61;
const CH_GT = 62;
const CH_QUESTION = 63;
const CH_UPPER_A = 65;
const CH_UPPER_F = 70;
const CH_UPPER_Z = 90;
const CH_RBRACKET = 93;
const CH_LOWER_A = 97;
const CH_LOWER_F = 102;
const CH_LOWER_X = 120;
const CH_LOWER_Z = 122;

const CP_SURROGATE_HIGH_MIN = 0xd800;
const CP_SURROGATE_HIGH_MAX = 0xdbff;
const CP_SURROGATE_LOW_MIN = 0xdc00;
const CP_SURROGATE_LOW_MAX = 0xdfff;
const CP_NONCHAR_MIN = 0xfffe;
const CP_SUPPLEMENTARY_MIN = 0x10000;
const CP_MAX = 0x10ffff;

function isDigit(c: number) {
  return c >= CH_ZERO && c <= CH_NINE;
}

function hexValue(c: number) {
  if (c >= CH_ZERO && c <= CH_NINE) {
    return c - CH_ZERO;
  }
  if (c >= CH_LOWER_A && c <= CH_LOWER_F) {
    return c - CH_LOWER_A + 10;
  }
  if (c >= CH_UPPER_A && c <= CH_UPPER_F) {
    return c - CH_UPPER_A + 10;
  }
  return -1;
}

function isAlpha(c: number) {
  return (c >= CH_LOWER_A && c <= CH_LOWER_Z) || (c >= CH_UPPER_A && c <= CH_UPPER_Z);
}

function isXmlSpace(c: number) {
  return c === CH_SPACE || c === CH_LF || c === CH_TAB || c === CH_CR;
}

function isXmlCodePoint(cp: number) {
  return (
    cp === CH_TAB ||
    cp === CH_LF ||
    cp === CH_CR ||
    (cp >= CH_SPACE && cp < CP_SURROGATE_HIGH_MIN) ||
    (cp > CP_SURROGATE_LOW_MAX && cp < CP_NONCHAR_MIN) ||
    (cp >= CP_SUPPLEMENTARY_MIN && cp <= CP_MAX)
  );
}

function extraUnitsForXmlChar(text: string, i: number, len: number) {
  const c = text.charCodeAt(i);
  if (c < CH_SPACE) {
    return c === CH_TAB || c === CH_LF || c === CH_CR ? 0 : -1;
  }
  if (c <= CP_SURROGATE_HIGH_MAX) {
    const c2 = i + 1 < len ? text.charCodeAt(i + 1) : 0;
    return c2 >= CP_SURROGATE_LOW_MIN && c2 <= CP_SURROGATE_LOW_MAX ? 1 : -1;
  }
  if (c <= CP_SURROGATE_LOW_MAX) {
    return -1;
  }
  return c >= CP_NONCHAR_MIN ? -1 : 0;
}

function checkXmlChars(text: string, start: number, end: number) {
  for (let i = start; i < end; ++i) {
    const c = text.charCodeAt(i);
    if (c < CH_SPACE || c >= CP_SURROGATE_HIGH_MIN) {
      const extra = extraUnitsForXmlChar(text, i, end);
      if (extra === -1) {
        return false;
      }
      i += extra;
    }
  }
  return true;
}

function isAllowedAttr(elementName: string, attrName: string) {
  return ALLOWED_ATTRS.has(attrName) || ALLOWED_ELEMENT_ATTRS.has(elementName + '.' + attrName);
}

function isXhtmlNs(text: string, start: number, end: number) {
  if (end - start !== XHTML_NS.length) {
    return false;
  }
  for (let i = 0; i < XHTML_NS.length; ++i) {
    if (text.charCodeAt(start + i) !== XHTML_NS.charCodeAt(i)) {
      return false;
    }
  }
  return true;
}

function scanCharRef(text: string, start: number, end: number) {
  let i = start + 1;
  if (i < end && text.charCodeAt(i) === CH_HASH) {
    ++i;
    let cp = 0;
    let digitsStart: number;
    if (i < end && text.charCodeAt(i) === CH_LOWER_X) {
      digitsStart = ++i;
      for (;;) {
        const v = i < end ? hexValue(text.charCodeAt(i)) : -1;
        if (v === -1) {
          break;
        }
        cp = cp * 16 + v;
        if (cp > CP_MAX) {
          return -1;
        }
        ++i;
      }
    } else {
      digitsStart = i;
      while (i < end && isDigit(text.charCodeAt(i))) {
        cp = cp * 10 + (text.charCodeAt(i) - CH_ZERO);
        if (cp > CP_MAX) {
          return -1;
        }
        ++i;
      }
    }
    if (i === digitsStart || !isXmlCodePoint(cp)) {
      return -1;
    }
  } else {
    const nameStart = i;
    while (i < end && isAlpha(text.charCodeAt(i))) {
      ++i;
    }
    if (i === nameStart || !XML_ENTITIES.has(text.substring(nameStart, i))) {
      return -1;
    }
  }
  return i < end && text.charCodeAt(i) === CH_SEMI ? i + 1 : -1;
}

export function checkHtml(text: string, isFragment: boolean): boolean {
  const len = text.length;
  const stack: string[] = [];
  const attrNames: string[] = [];
  let rootSeen = false;
  let hasContent = false;
  let i = 0;

  while (i < len) {
    if (text.charCodeAt(i) !== CH_LT) {
      if (!isFragment && stack.length === 0) {
        while (i < len) {
          const c = text.charCodeAt(i);
          if (c === CH_LT) {
            break;
          }
          if (!isXmlSpace(c)) {
            return false;
          }
          ++i;
        }
        continue;
      }
      while (i < len) {
        const c = text.charCodeAt(i);
        if (c > CH_SPACE) {
          if (c === CH_LT) {
            break;
          }
          if (c === CH_AMP) {
            const next = scanCharRef(text, i, len);
            if (next === -1) {
              return false;
            }
            hasContent = true;
            i = next;
            continue;
          }
          if (c === CH_RBRACKET) {
            if (text.startsWith(']]>', i)) {
              return false;
            }
          } else if (c >= CP_SURROGATE_HIGH_MIN) {
            const extra = extraUnitsForXmlChar(text, i, len);
            if (extra === -1) {
              return false;
            }
            i += extra;
          }
          hasContent = true;
        } else if (!isXmlSpace(c)) {
          return false;
        }
        ++i;
      }
      continue;
    }

    const c1 = i + 1 < len ? text.charCodeAt(i + 1) : 0;

    if (c1 === CH_QUESTION) {
      return false;
    }

    if (c1 === CH_BANG) {
      if (text.startsWith('<!--', i)) {
        if (!isFragment && stack.length === 0) {
          return false;
        }
        const end = text.indexOf('-->', i + 4);
        if (end === -1) {
          return false;
        }
        if (text.indexOf('--', i + 4) < end || !checkXmlChars(text, i + 4, end)) {
          return false;
        }
        i = end + 3;
        continue;
      }
      return false;
    }

    if (c1 === CH_SLASH) {
      let j = i + 2;
      const nameStart = j;
      while (j < len) {
        const c = text.charCodeAt(j);
        if (isXmlSpace(c) || c === CH_GT) {
          break;
        }
        ++j;
      }
      const name = text.substring(nameStart, j);
      while (j < len && isXmlSpace(text.charCodeAt(j))) {
        ++j;
      }
      if (j >= len || text.charCodeAt(j) !== CH_GT) {
        return false;
      }
      if (stack.length === 0 || stack[stack.length - 1] !== name) {
        return false;
      }
      stack.pop();
      i = j + 1;
      continue;
    }

    let j = i + 1;
    const nameStart = j;
    while (j < len) {
      const c = text.charCodeAt(j);
      if (isXmlSpace(c) || c === CH_SLASH || c === CH_GT) {
        break;
      }
      ++j;
    }
    if (j === nameStart) {
      return false;
    }
    const name = text.substring(nameStart, j);
    if (!ALLOWED_ELEMENTS.has(name)) {
      return false;
    }
    if (!isFragment && stack.length === 0) {
      if (rootSeen || name !== 'div') {
        return false;
      }
      rootSeen = true;
    }

    attrNames.length = 0;
    let selfClosing = false;
    for (;;) {
      const wsStart = j;
      while (j < len && isXmlSpace(text.charCodeAt(j))) {
        ++j;
      }
      if (j >= len) {
        return false;
      }
      let c = text.charCodeAt(j);
      if (c === CH_GT) {
        ++j;
        break;
      }
      if (c === CH_SLASH) {
        ++j;
        if (j >= len || text.charCodeAt(j) !== CH_GT) {
          return false;
        }
        ++j;
        selfClosing = true;
        break;
      }
      if (j === wsStart) {
        return false;
      }
      const attrStart = j;
      while (j < len) {
        c = text.charCodeAt(j);
        if (isXmlSpace(c) || c === CH_EQ || c === CH_SLASH || c === CH_GT) {
          break;
        }
        ++j;
      }
      if (j === attrStart) {
        return false;
      }
      const attrName = text.substring(attrStart, j);
      if (!isAllowedAttr(name, attrName) || attrNames.indexOf(attrName) !== -1) {
        return false;
      }
      attrNames.push(attrName);
      while (j < len && isXmlSpace(text.charCodeAt(j))) {
        ++j;
      }
      if (j >= len || text.charCodeAt(j) !== CH_EQ) {
        return false;
      }
      ++j;
      while (j < len && isXmlSpace(text.charCodeAt(j))) {
        ++j;
      }
      c = j < len ? text.charCodeAt(j) : 0;
      if (c !== CH_QUOT && c !== CH_APOS) {
        return false;
      }
      const valueStart = ++j;
      for (;;) {
        if (j >= len) {
          return false;
        }
        const cc = text.charCodeAt(j);
        if (cc === c) {
          break;
        }
        if (cc === CH_LT) {
          return false;
        }
        if (cc === CH_AMP) {
          const next = scanCharRef(text, j, len);
          if (next === -1) {
            return false;
          }
          j = next;
          continue;
        }
        if (cc < CH_SPACE || cc >= CP_SURROGATE_HIGH_MIN) {
          const extra = extraUnitsForXmlChar(text, j, len);
          if (extra === -1) {
            return false;
          }
          j += extra;
        }
        ++j;
      }
      if (attrName === 'xmlns' && !isXhtmlNs(text, valueStart, j)) {
        return false;
      }
      ++j;
    }

    if (name === 'img' && attrNames.indexOf('src') !== -1) {
      hasContent = true;
    }
    if (!selfClosing) {
      stack.push(name);
    }
    i = j;
  }

  if (stack.length !== 0 || (!isFragment && !rootSeen)) {
    return false;
  }
  return hasContent;
}
