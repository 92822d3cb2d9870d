/**
 * Hover (issue 7): on a property, the FHIR element (short, definition, cardinality, type, binding,
 * constraints); on a code, its display from the core terminology; on an identifier system, what it
 * identifies. JSON documents only. Returns markdown and the offset range it is about; the server converts.
 */
import type { ChildElement, Definitions, JsonDocument, Terminology } from '@wheelhouse/shared/validation';
import { checkIdentifierSystem } from '@wheelhouse/shared/identifiers';
import { describeCodeSystem, describeIdentifierSystem } from './identifier-systems.js';
import type { HoverData } from './hover-data.js';
import { locate, resolveSteps, valueAt, type Step } from './fhir-tree.js';

export interface HoverDeps {
  definitions: Definitions;
  terminology: Terminology | undefined;
  texts: HoverData;
}

export interface HoverResult {
  markdown: string;
  offset: number;
  length: number;
}

const MAX_CONSTRAINTS = 6;

function cardinality(child: ChildElement): string {
  return `${child.element.min}..${child.element.max}`;
}

function typeText(child: ChildElement): string {
  if (child.isChoice && child.type)
    return `\`${child.type}\` (one of ${(child.element.types ?? []).map((t) => t.code).join(', ')})`;
  const types = child.element.types ?? [];
  if (child.element.contentReference) return `see \`${child.childrenPath}\``;
  return types
    .map((t) => {
      const targets = (t.targetProfile ?? t.profile ?? []).map((p) => p.slice(p.lastIndexOf('/') + 1));
      return targets.length > 0 ? `\`${t.code}(${targets.join(' | ')})\`` : `\`${t.code}\``;
    })
    .join(' | ');
}

function valueSetLabel(url: string, terminology: Terminology | undefined): string {
  const name = terminology?.valueSet(url)?.name;
  return name ? `[${name}](${url})` : `<${url}>`;
}

/** The markdown for one element. */
export function describeElement(step: Step, deps: HoverDeps): string {
  const child = step.child!;
  const texts = deps.texts.element(child.elementPath);
  const lines: string[] = [];
  if (step.companion) {
    lines.push(
      `**${step.key}** — id and extensions of the primitive \`${child.name}\` (\`${child.elementPath}\`)`,
    );
    return lines.join('\n\n');
  }
  lines.push(
    `**${child.elementPath}** · ${typeText(child)} · \`${cardinality(child)}\`${child.element.isModifier ? ' · modifier' : ''}`,
  );
  if (texts?.short) lines.push(texts.short);
  if (texts?.definition && texts.definition !== texts.short) lines.push(texts.definition);
  const binding = child.element.binding;
  if (binding)
    lines.push(
      `Binding (${binding.strength}): ${binding.valueSet ? valueSetLabel(binding.valueSet, deps.terminology) : 'no value set'}`,
    );
  // ele-1 and the dom-* invariants are on nearly every element or resource: they say nothing here.
  const constraints = (child.element.constraints ?? []).filter(
    (c) => c.key !== 'ele-1' && !c.key.startsWith('dom-'),
  );
  if (constraints.length > 0) {
    const shown = constraints
      .slice(0, MAX_CONSTRAINTS)
      .map((c) => `- \`${c.key}\` (${c.severity}): ${c.human}`);
    if (constraints.length > MAX_CONSTRAINTS) shown.push(`- … ${constraints.length - MAX_CONSTRAINTS} more`);
    lines.push(`Constraints:\n${shown.join('\n')}`);
  }
  return lines.join('\n\n');
}

function describeResourceType(type: string, deps: HoverDeps): string | undefined {
  if (!deps.definitions.isResourceType(type)) return undefined;
  const texts = deps.texts.element(type);
  const lines = [`**${type}** (resource)`];
  if (texts?.short) lines.push(texts.short);
  if (texts?.definition && texts.definition !== texts.short) lines.push(texts.definition);
  lines.push(`<http://hl7.org/fhir/R4/${type.toLowerCase()}.html>`);
  return lines.join('\n\n');
}

/** Displays of a bare code under a bound element: from the systems of its value set. */
function codeDisplays(
  code: string,
  child: ChildElement,
  deps: HoverDeps,
): { system: string; display: string }[] {
  const url = child.element.binding?.valueSet;
  const vs = url ? deps.terminology?.valueSet(url) : undefined;
  const found: { system: string; display: string }[] = [];
  for (const system of vs?.systems ?? []) {
    const display = deps.texts.display(system, code);
    if (display !== undefined) found.push({ system, display });
  }
  return found;
}

/** The hover at `offset` of a parsed JSON document, or undefined when there is nothing to say. */
export function hoverAt(tree: JsonDocument, offset: number, deps: HoverDeps): HoverResult | undefined {
  const rootValue = tree.root?.value;
  const at = locate(tree, offset);
  const key = at.path[at.path.length - 1];
  if (at.property === undefined || typeof key !== 'string') return undefined;
  const steps = resolveSteps(deps.definitions, rootValue, at.path);
  const step = steps[steps.length - 1];
  const keyRange = { offset: at.property.keyOffset, length: at.property.keyLength };

  if (at.onKey) {
    if (key === 'resourceType') {
      const type = at.property.value?.type === 'string' ? at.property.value.value : undefined;
      const markdown = type ? describeResourceType(type, deps) : undefined;
      return markdown ? { markdown, ...keyRange } : undefined;
    }
    if (!step?.child) return undefined;
    return { markdown: describeElement(step, deps), ...keyRange };
  }

  const node = at.node;
  if (node?.type !== 'string') return undefined;
  const valueRange = { offset: node.offset, length: node.length };
  if (key === 'resourceType') {
    const markdown = describeResourceType(node.value, deps);
    return markdown ? { markdown, ...valueRange } : undefined;
  }
  if (!step?.child || step.companion) return undefined;
  const parentPath = at.path.slice(0, at.path.lastIndexOf(key));
  const parent = valueAt(rootValue, parentPath) as Record<string, unknown> | undefined;

  // Identifier.system and Coding.system: what the system is.
  if (key === 'system' && step.container === 'Identifier') {
    const text = describeIdentifierSystem(node.value);
    if (text) return { markdown: `**Identifier system** <${node.value}>\n\n${text}`, ...valueRange };
    // A near miss of a registered system (wrong case, http, legacy domain): say which one it should be.
    const canonical = checkIdentifierSystem(node.value)
      .map((f) => f.data?.['canonical'])
      .find((c): c is string => typeof c === 'string');
    const meant = canonical ? describeIdentifierSystem(canonical) : undefined;
    return canonical && meant
      ? {
          markdown: `**Identifier system** <${node.value}>\n\nNot a registered system; did you mean <${canonical}>? ${meant}`,
          ...valueRange,
        }
      : undefined;
  }
  if (key === 'system' && step.container === 'Coding') {
    const text = describeCodeSystem(node.value);
    return text ? { markdown: `**Code system** <${node.value}>\n\n${text}`, ...valueRange } : undefined;
  }
  // Coding.code: the display in the sibling system.
  if (key === 'code' && step.container === 'Coding') {
    const system = typeof parent?.['system'] === 'string' ? parent['system'] : undefined;
    const display = system ? deps.texts.display(system, node.value) : undefined;
    return display !== undefined
      ? { markdown: `\`${node.value}\` — **${display}**\n\n${system}`, ...valueRange }
      : undefined;
  }
  // A bound `code` element (Patient.gender, Observation.status): the display from its value set's systems.
  if (step.child.type === 'code') {
    const displays = codeDisplays(node.value, step.child, deps);
    if (displays.length > 0) {
      const lines = displays.map((d) => `\`${node.value}\` — **${d.display}** (${d.system})`);
      return { markdown: `${lines.join('\n\n')}\n\n---\n\n${describeElement(step, deps)}`, ...valueRange };
    }
  }
  return { markdown: describeElement(step, deps), ...valueRange };
}
