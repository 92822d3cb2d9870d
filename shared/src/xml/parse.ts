/**
 * FHIR XML -> the engine's offset tree (the same JsonDocument shape parseJson makes), so every rule
 * runs unchanged on XML. Parsing uses saxes (positions in UTF-16 code units); the XML -> JSON mapping
 * follows https://hl7.org/fhir/R4/xml.html and json.html: repeating elements become arrays (from the
 * definitions' max), primitives' `value` attributes become JSON strings/numbers/booleans, `id`
 * attributes and extensions of primitives go to `_name` companions, Narrative `div` becomes a string.
 * XML-only findings (namespace, value attributes, element order, xhtml) are collected on the way for
 * the xml-* rules.
 */
import { SaxesParser, type SaxesTagNS } from 'saxes';
import type { ChildTable, Definitions } from '../validation/definitions/index.js';
import type { Path } from '../validation/issue.js';
import type { ArrayNode, JsonDocument, JsonNode, ObjectNode, PropertyNode, StringNode } from '../validation/parse.js';
import { jsonTypeOfPrimitive } from '../validation/walk.js';

export const FHIR_NS = 'http://hl7.org/fhir';
export const XHTML_NS = 'http://www.w3.org/1999/xhtml';

export type XmlFindingKind = 'namespace' | 'value-attribute' | 'element-order' | 'xhtml' | 'attribute' | 'text-content';

/** Something the XML form gets wrong that JSON cannot express; reported by the xml-* rules. */
export interface XmlFinding {
  kind: XmlFindingKind;
  message: string;
  /** Path of the JSON node the finding is about (for the report). */
  path: Path;
}

export interface XmlSyntaxError {
  message: string;
  offset: number;
  length: number;
}

/** A JsonDocument made from XML: also carries the XML findings and syntax errors. */
export interface XmlJsonDocument extends JsonDocument {
  xml: { findings: XmlFinding[]; syntaxErrors: XmlSyntaxError[]; rootNamespace: string | undefined };
}

export function isXmlDocument(doc: JsonDocument): doc is XmlJsonDocument {
  return 'xml' in doc && typeof (doc as { xml?: unknown }).xml === 'object';
}

/** One XML element as read, with source positions. */
interface XEl {
  name: string;
  local: string;
  uri: string;
  attrs: Map<string, { value: string; uri: string }>;
  start: number;
  /** Offset just past the start tag's `>`. */
  startTagEnd: number;
  end: number;
  children: XEl[];
  /** Non-whitespace character data directly inside (FHIR elements must have none). */
  hasText: boolean;
}

const MAX_DEPTH = 2000;

function readXml(text: string): { root: XEl | undefined; errors: XmlSyntaxError[] } {
  const errors: XmlSyntaxError[] = [];
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: XEl[] = [];
  let root: XEl | undefined;
  let tagStart = 0;
  parser.on('error', (e) => {
    const at = Math.min(parser.position, text.length);
    errors.push({ message: `XML is not well-formed: ${e.message.replace(/^(?:[^:]*:)?\d+:\d+:\s*/, '')}`, offset: Math.max(0, at - 1), length: at < text.length ? 1 : 0 });
  });
  parser.on('opentagstart', () => {
    tagStart = Math.max(0, text.lastIndexOf('<', parser.position - 1));
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    const attrs = new Map<string, { value: string; uri: string }>();
    for (const [name, a] of Object.entries(tag.attributes)) attrs.set(name, { value: a.value, uri: a.uri });
    const el: XEl = { name: tag.name, local: tag.local, uri: tag.uri, attrs, start: tagStart, startTagEnd: parser.position, end: parser.position, children: [], hasText: false };
    const parent = stack.at(-1);
    if (parent) parent.children.push(el);
    else root ??= el;
    // saxes emits closetag for self-closing tags too, so every element is pushed and popped.
    stack.push(el);
  });
  parser.on('closetag', (tag) => {
    const el = stack.at(-1);
    if (el && el.name === tag.name) {
      el.end = parser.position;
      stack.pop();
    }
  });
  parser.on('text', (t) => {
    const el = stack.at(-1);
    if (el && /\S/.test(t)) el.hasText = true;
  });
  try {
    parser.write(text).close();
  } catch (e) {
    // saxes reports through the error handler; a throw here means it could not go on.
    if (errors.length === 0) errors.push({ message: e instanceof Error ? e.message : String(e), offset: 0, length: 0 });
  }
  // Unclosed elements (truncated input) end where the text ends.
  for (const el of stack) el.end = text.length;
  return { root, errors };
}

function stringNode(value: string, offset: number, length: number): StringNode {
  return { type: 'string', value, offset, length };
}

/** Range of an attribute's value including its quotes, found in the start tag's text. */
function attrRange(text: string, el: XEl, name: string): { offset: number; length: number } {
  const tag = text.slice(el.start, el.startTagEnd);
  const re = new RegExp(`\\s${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*(["'])`, 'g');
  const m = re.exec(tag);
  if (!m) return { offset: el.start + 1, length: el.name.length };
  const quote = m[1] ?? '"';
  const valueStart = el.start + m.index + m[0].length - 1;
  const close = text.indexOf(quote, valueStart + 1);
  return { offset: valueStart, length: (close < 0 ? el.startTagEnd : close + 1) - valueStart };
}

function objectNode(el: XEl, properties: PropertyNode[]): ObjectNode {
  const value: Record<string, unknown> = {};
  for (const p of properties) if (p.value) value[p.key] = p.value.value;
  return { type: 'object', properties, value, offset: el.start, length: el.end - el.start };
}

function arrayNode(items: JsonNode[], first: XEl, last: XEl): ArrayNode {
  return { type: 'array', items, value: items.map((i) => i.value), offset: first.start, length: last.end - first.start };
}

function property(key: string, el: XEl, value: JsonNode): PropertyNode {
  return { key, keyOffset: el.start + 1, keyLength: el.name.length, value };
}

interface Converter {
  text: string;
  defs: Definitions;
  findings: XmlFinding[];
}

/** What a child element holds, from the definitions. */
type Slot =
  | { kind: 'primitive'; type: string; max: number }
  | { kind: 'xhtml'; max: number }
  | { kind: 'resource'; max: number }
  | { kind: 'complex'; childrenPath: string; max: number }
  | { kind: 'unknown' };

function slotOf(c: Converter, table: ChildTable | undefined, name: string): Slot {
  const child = table?.byName.get(name);
  if (!child) return { kind: 'unknown' };
  if (child.isBackbone) return { kind: 'complex', childrenPath: child.childrenPath, max: child.max };
  const type = child.type ?? '';
  if (type === 'xhtml') return { kind: 'xhtml', max: child.max };
  const t = c.defs.type(type);
  if (t?.kind === 'primitive-type') return { kind: 'primitive', type, max: child.max };
  if (type === 'Resource' || t?.kind === 'resource') return { kind: 'resource', max: child.max };
  return { kind: 'complex', childrenPath: type, max: child.max };
}

/** A resource element (root, or inside contained / entry.resource / parameter.resource). */
function convertResource(c: Converter, el: XEl, path: Path, depth: number): ObjectNode {
  if (el.uri !== FHIR_NS) {
    c.findings.push({ kind: 'namespace', path, message: `<${el.name}> is not in the FHIR namespace: FHIR XML elements must be in xmlns="${FHIR_NS}"${el.uri ? ` (found "${el.uri}")` : ''}` });
  }
  for (const [name, a] of el.attrs) {
    if (name === 'xmlns' || name.startsWith('xmlns:') || a.uri === 'http://www.w3.org/2001/XMLSchema-instance') continue;
    c.findings.push({ kind: 'attribute', path, message: `Attribute "${name}" is not allowed on the resource element <${el.name}> (resource ids are an <id value="..."/> element)` });
  }
  const rtNode = stringNode(el.local, el.start + 1, el.name.length);
  const props: PropertyNode[] = [{ key: 'resourceType', keyOffset: el.start + 1, keyLength: el.name.length, value: rtNode }];
  const table = c.defs.isResourceType(el.local) ? c.defs.children(el.local) : undefined;
  convertChildren(c, el, table, props, path, depth);
  return objectNode(el, props);
}

/** Converts the child elements of `el` into properties (grouping repeats into arrays). */
function convertChildren(c: Converter, el: XEl, table: ChildTable | undefined, props: PropertyNode[], path: Path, depth: number): void {
  if (el.hasText) c.findings.push({ kind: 'text-content', path, message: `<${el.name}> contains text: FHIR XML carries values in value="..." attributes, never as element text` });
  const groups = new Map<string, XEl[]>();
  for (const child of el.children) {
    const list = groups.get(child.local);
    if (list) list.push(child);
    else groups.set(child.local, [child]);
  }
  if (table) checkOrder(c, el, table, path);
  for (const [name, items] of groups) {
    const slot = slotOf(c, table, name);
    const isArray = slot.kind === 'unknown' ? items.length > 1 : slot.max > 1;
    const first = items[0]!;
    const last = items.at(-1)!;
    const nodes: JsonNode[] = [];
    const companions: (ObjectNode | undefined)[] = [];
    items.forEach((item, i) => {
      const itemPath: Path = isArray ? [...path, name, i] : [...path, name];
      // Namespace problems are reported where they start, not again for every descendant.
      if (item.uri !== FHIR_NS && item.uri !== el.uri && !(slot.kind === 'xhtml' && item.uri === XHTML_NS)) {
        c.findings.push({ kind: item.uri === XHTML_NS ? 'xhtml' : 'namespace', path: itemPath, message: item.uri === XHTML_NS ? `<${item.name}> is in the XHTML namespace, which only Narrative.div may use` : `<${item.name}> is not in the FHIR namespace (xmlns="${FHIR_NS}")${item.uri ? `: found "${item.uri}"` : ''}` });
      }
      const { node, companion } = convertValue(c, item, slot, itemPath, [...path, `_${name}`, ...(isArray ? [i] : [])], depth + 1);
      nodes.push(node);
      companions.push(companion);
    });
    if (isArray) {
      props.push(property(name, first, arrayNode(nodes, first, last)));
      if (companions.some((x) => x)) {
        const items2: JsonNode[] = companions.map((x, i) => x ?? { type: 'null', value: null, offset: items[i]!.start, length: items[i]!.end - items[i]!.start });
        props.push(property(`_${name}`, first, arrayNode(items2, first, last)));
      }
    } else {
      // A non-repeating element given twice: keep both as an array so the cardinality rules see it.
      // A primitive with only an id/extension has no value property, just the `_name` companion.
      const only = nodes[0]!;
      if (items.length > 1) props.push(property(name, first, arrayNode(nodes, first, last)));
      else if (!(only.type === 'null' && companions[0])) props.push(property(name, first, only));
      if (companions[0]) props.push(property(`_${name}`, first, companions[0]));
    }
  }
}

/** FHIR XML requires elements in definition order (xml.html#1.17.1: "Elements must appear in order"). */
function checkOrder(c: Converter, el: XEl, table: ChildTable, path: Path): void {
  const rank = new Map<string, number>();
  table.elements.forEach((e, i) => {
    rank.set(e.name, i);
    if (e.isChoice) for (const [n, byName] of table.byName) if (byName.elementPath === e.elementPath) rank.set(n, i);
  });
  let highest = -1;
  let highestName = '';
  const seenIndex = new Map<string, number>();
  for (const child of el.children) {
    const r = rank.get(child.local);
    if (r === undefined) continue;
    const index = seenIndex.get(child.local) ?? 0;
    seenIndex.set(child.local, index + 1);
    if (r < highest) {
      const max = table.byName.get(child.local)?.max ?? 1;
      c.findings.push({ kind: 'element-order', path: max > 1 ? [...path, child.local, index] : [...path, child.local], message: `<${child.local}> is out of order: in FHIR XML it must come before <${highestName}> (elements follow the order of the definition)` });
    } else {
      highest = r;
      highestName = child.local;
    }
  }
}

function convertValue(c: Converter, el: XEl, slot: Slot, path: Path, companionPath: Path, depth: number): { node: JsonNode; companion?: ObjectNode } {
  if (depth > MAX_DEPTH) return { node: objectNode(el, []) };
  switch (slot.kind) {
    case 'xhtml': {
      if (el.local !== 'div' || el.uri !== XHTML_NS) {
        c.findings.push({ kind: 'xhtml', path, message: `Narrative must be an XHTML <div xmlns="${XHTML_NS}">; found <${el.name}>${el.uri ? ` in "${el.uri}"` : ' without the XHTML namespace'}` });
      }
      return { node: stringNode(c.text.slice(el.start, el.end), el.start, el.end - el.start) };
    }
    case 'resource': {
      const inner = el.children;
      for (const [name] of el.attrs) c.findings.push({ kind: 'attribute', path, message: `Attribute "${name}" is not allowed on <${el.name}>` });
      if (inner.length !== 1) {
        if (inner.length > 1) c.findings.push({ kind: 'value-attribute', path, message: `<${el.name}> must hold exactly one resource; it holds ${inner.length} elements` });
        return { node: objectNode(el, []) };
      }
      return { node: convertResource(c, inner[0]!, path, depth) };
    }
    case 'primitive':
      return convertPrimitive(c, el, slot.type, path, companionPath, depth);
    case 'complex':
    case 'unknown': {
      const props: PropertyNode[] = [];
      for (const [name, a] of el.attrs) {
        if (name === 'xmlns' || name.startsWith('xmlns:')) continue;
        const allowed = name === 'id' || (name === 'url' && slot.kind === 'complex' && slot.childrenPath === 'Extension');
        if (allowed || slot.kind === 'unknown') {
          const r = attrRange(c.text, el, name);
          props.push({ key: name, keyOffset: r.offset, keyLength: name.length, value: stringNode(a.value, r.offset, r.length) });
        } else if (name === 'value') {
          c.findings.push({ kind: 'value-attribute', path, message: `<${el.name}> is not a primitive: it cannot have a value attribute (its content goes in child elements)` });
        } else {
          c.findings.push({ kind: 'attribute', path, message: `Attribute "${name}" is not allowed on <${el.name}> (only id${slot.kind === 'complex' && slot.childrenPath === 'Extension' ? ' and url' : ''})` });
        }
      }
      const table = slot.kind === 'complex' ? c.defs.children(slot.childrenPath) : undefined;
      convertChildren(c, el, table, props, path, depth);
      return { node: objectNode(el, props) };
    }
  }
}

function convertPrimitive(c: Converter, el: XEl, type: string, path: Path, companionPath: Path, depth: number): { node: JsonNode; companion?: ObjectNode } {
  const valueAttr = el.attrs.get('value');
  const companionProps: PropertyNode[] = [];
  for (const [name, a] of el.attrs) {
    if (name === 'value' || name === 'xmlns' || name.startsWith('xmlns:')) continue;
    if (name === 'id') {
      const r = attrRange(c.text, el, name);
      companionProps.push({ key: 'id', keyOffset: r.offset, keyLength: 2, value: stringNode(a.value, r.offset, r.length) });
    } else {
      c.findings.push({ kind: 'attribute', path, message: `Attribute "${name}" is not allowed on <${el.name}> (a primitive has only value and id)` });
    }
  }
  const extensions = el.children.filter((x) => x.local === 'extension');
  if (el.children.length > extensions.length) {
    for (const x of el.children) {
      if (x.local !== 'extension') c.findings.push({ kind: 'value-attribute', path, message: `<${x.name}> is not allowed inside the primitive <${el.name}> (only extension)` });
    }
  }
  if (extensions.length > 0) {
    const fake: XEl = { ...el, children: extensions, hasText: false };
    convertChildren(c, fake, c.defs.children('Element'), companionProps, companionPath, depth);
  } else if (el.hasText) {
    c.findings.push({ kind: 'text-content', path, message: `<${el.name}> contains text: FHIR XML carries values in value="..." attributes, never as element text` });
  }
  const companion = companionProps.length > 0 ? objectNode(el, companionProps) : undefined;
  if (!valueAttr) {
    if (!companion) c.findings.push({ kind: 'value-attribute', path, message: `<${el.name}> has no value attribute and no extension: a primitive element needs value="..."` });
    const node: JsonNode = { type: 'null', value: null, offset: el.start, length: el.end - el.start };
    return companion ? { node, companion } : { node };
  }
  const r = attrRange(c.text, el, 'value');
  const raw = valueAttr.value;
  const jsonType = jsonTypeOfPrimitive(type);
  let node: JsonNode = stringNode(raw, r.offset, r.length);
  // Numbers and booleans are unquoted in JSON: their range is the text inside the quotes, so rules
  // that read the source text at a node see the same characters in both forms.
  const inner = { offset: r.offset + 1, length: Math.max(0, r.length - 2) };
  if (jsonType === 'boolean' && (raw === 'true' || raw === 'false')) node = { type: 'boolean', value: raw === 'true', ...inner };
  else if (jsonType === 'number' && /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/.test(raw)) node = { type: 'number', value: Number(raw), raw, ...inner };
  return companion ? { node, companion } : { node };
}

/**
 * Parses FHIR XML into the engine's tree. Never throws: syntax errors are listed in
 * `xml.syntaxErrors`, XML-only problems in `xml.findings`.
 */
export function parseFhirXml(text: string, definitions: Definitions): XmlJsonDocument {
  const { root, errors } = readXml(text);
  const c: Converter = { text, defs: definitions, findings: [] };
  const doc: XmlJsonDocument = { text, root: undefined, errors: [], xml: { findings: c.findings, syntaxErrors: errors, rootNamespace: root?.uri } };
  if (!root) return doc;
  // A root outside the FHIR namespace that is not a resource name is not FHIR at all.
  if (root.uri !== FHIR_NS && !definitions.isResourceType(root.local)) return doc;
  doc.root = convertResource(c, root, [], 0);
  return doc;
}

/** FHIR XML -> plain FHIR JSON (for loading XML conformance resources); undefined if not FHIR XML. */
export function fhirXmlToJson(text: string, definitions: Definitions): Record<string, unknown> | undefined {
  const doc = parseFhirXml(text, definitions);
  return doc.root?.type === 'object' ? doc.root.value : undefined;
}
