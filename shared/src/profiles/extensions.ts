/**
 * Extensions found anywhere in a resource, checked against their definitions when those are loaded:
 * the context the definition allows (https://hl7.org/fhir/R4/defnextensions.html#context) and the
 * extension's own content (value type, fixed url, nested extensions) through the profile validator.
 * Unresolvable extensions are the extension-unknown rule's business.
 */
import type { Definitions } from '../validation/definitions/index.js';
import type { ProfileFinding, ProfileSource, ProfileValidator } from './validate.js';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

interface Frame {
  value: Json;
  /** FHIR path of this object ('Patient', 'Patient.identifier'). */
  elementPath: string;
  /** Path used to look up children in the definitions. */
  childrenPath: string | undefined;
  /** FHIR type of this object ('Identifier', 'BackboneElement', the resource type). */
  type: string;
  /** Path within the nearest data type ('ContactPoint.system'), for contexts stated on types. */
  typePath: string;
  path: (string | number)[];
  isRoot: boolean;
  /** URL of the extension this object is, when it is one. */
  extensionUrl?: string;
}

function contextAllows(contexts: readonly { type?: string; expression?: string }[], frame: Frame, resourceType: string, definitions: Definitions): boolean {
  for (const c of contexts) {
    const e = c.expression ?? '';
    // A context naming no R4 type (CanonicalResource, an R5 element) cannot be judged here.
    if (c.type !== 'extension' && !definitions.type(e.split('.')[0] ?? '')) return true;
    if (c.type === 'fhirpath') return true; // not evaluated offline: no false errors
    if (c.type === 'extension') {
      if (frame.extensionUrl === e) return true;
      continue;
    }
    if (e === 'Element' || e === 'Base' || e === frame.elementPath || e === frame.type || e === frame.typePath) return true;
    // Recursive elements (Questionnaire.item.item) are defined by the element they reference.
    if (frame.childrenPath !== undefined && e === frame.childrenPath) return true;
    if ((e === 'Resource' || e === 'DomainResource') && frame.isRoot) return true;
    if (e === resourceType && frame.isRoot) return true;
    if (e.endsWith('[x]') && frame.elementPath.startsWith(e.slice(0, -3))) return true;
    if (e === 'BackboneElement' && frame.type === 'BackboneElement') return true;
  }
  return false;
}

/** Extension findings for one resource (nested resources are left to their own pass). */
export function checkExtensions(
  resource: Json,
  resourceType: string,
  definitions: Definitions,
  source: ProfileSource,
  validator: ProfileValidator,
  /** Domains whose extensions the loaded packages define: an unknown URL there is a finding. */
  ownDomains: ReadonlySet<string> = new Set(),
): ProfileFinding[] {
  const findings: ProfileFinding[] = [];
  const stack: Frame[] = [{ value: resource, elementPath: resourceType, childrenPath: resourceType, type: resourceType, typePath: resourceType, path: [], isRoot: true }];
  while (stack.length > 0) {
    const frame = stack.pop()!;
    const table = frame.childrenPath ? definitions.children(frame.childrenPath) : undefined;
    for (const [key, raw] of Object.entries(frame.value)) {
      if (key === 'resourceType' || key.startsWith('_')) {
        // `_x` companions hold the extensions of primitives: their context is the primitive element.
        if (key.startsWith('_') && key.length > 1) {
          const child = table?.byName.get(key.slice(1));
          const list = Array.isArray(raw) ? raw : [raw];
          list.forEach((v, i) => {
            if (isObject(v)) stack.push({ value: v, elementPath: `${frame.elementPath}.${key.slice(1)}`, childrenPath: 'Element', type: child?.type ?? 'Element', typePath: `${frame.typePath}.${key.slice(1)}`, path: Array.isArray(raw) ? [...frame.path, key, i] : [...frame.path, key], isRoot: false });
          });
        }
        continue;
      }
      const child = table?.byName.get(key);
      const list = Array.isArray(raw) ? raw : [raw];
      list.forEach((v, i) => {
        if (!isObject(v)) return;
        const path = Array.isArray(raw) ? [...frame.path, key, i] : [...frame.path, key];
        if (typeof v['resourceType'] === 'string') return; // contained / entry resources: their own pass
        if ((key === 'extension' || key === 'modifierExtension') && typeof v['url'] === 'string') {
          const url = v['url'];
          const sd = /^[a-z][a-z0-9+.-]*:/i.test(url) ? source.structureDefinition(url) : undefined;
          const domain = /^[a-z][a-z0-9+.-]*:\/\/([^/:?#]+)/i.exec(url)?.[1]?.toLowerCase();
          if (!sd && domain && ownDomains.has(domain) && frame.extensionUrl === undefined) {
            findings.push({
              kind: 'extension-undefined',
              severity: 'error',
              path,
              profile: url,
              message: `The extension ${url} is not defined by the loaded packages or workspace, which define the other extensions under ${domain}: misspelt, retired, or from another version?`,
            });
          }
          if (sd && sd.type === 'Extension') {
            if (sd.context?.length && !contextAllows(sd.context, frame, resourceType, definitions)) {
              findings.push({
                kind: 'extension-context',
                severity: 'error',
                path,
                profile: url,
                message: `The extension ${url} is not allowed at ${frame.elementPath} (its definition allows: ${sd.context.map((c) => c.expression).join(', ')})`,
              });
            }
            // A modifier extension goes in modifierExtension, a regular one in extension (isModifier on the root element).
            const root = (sd.snapshot?.element ?? sd.differential?.element ?? []).find((e) => e.path === 'Extension');
            const isModifier = root?.isModifier === true;
            if (root && isModifier !== (key === 'modifierExtension')) {
              findings.push({
                kind: 'extension-context',
                severity: 'error',
                path,
                profile: url,
                message: isModifier
                  ? `The extension ${url} must not be used as an extension (it's a modifierExtension: its definition says isModifier)`
                  : `The extension ${url} must not be used as a modifierExtension (it's a regular extension: its definition does not say isModifier)`,
              });
            }
            findings.push(...validator.validate(v, url).map((f) => ({ ...f, path: [...path, ...f.path] })));
          }
          stack.push({ value: v, elementPath: 'Extension', childrenPath: 'Extension', type: 'Extension', typePath: 'Extension', path, isRoot: false, extensionUrl: url });
          return;
        }
        const type = child?.isBackbone ? 'BackboneElement' : (child?.type ?? 'Element');
        const childrenPath = child ? (child.isBackbone ? child.childrenPath : child.type) : undefined;
        // Inside a data type, paths restart at the type's name ('ContactPoint.system').
        const typePath = child && !child.isBackbone && child.type ? child.type : `${frame.typePath}.${key}`;
        stack.push({ value: v, elementPath: `${frame.elementPath}.${key}`, childrenPath, type, typePath, path, isRoot: false });
      });
    }
  }
  return findings;
}
