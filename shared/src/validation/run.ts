/**
 * The engine entry point: text in, issues out (STYLE.md 1). Parses once, walks the resources with the
 * definitions, runs every rule, resolves reported paths to offsets and FHIRPath-like locations.
 * A throwing rule becomes an `internal-rule-error` issue naming it; the other rules still run.
 */
import type { Definitions, ElementData } from './definitions/index.js';
import { ruleDocs } from './docs.js';
import { compareIssues, formatLocation, type Fix, type Issue, type Path, type Severity } from './issue.js';
import { createPathLocator, findNodeAtPath, parseJson, scanValidJson, type ContainerRanges, type JsonDocument, type LocatedRange, type ParseError } from './parse.js';
import { DEFAULT_SETTINGS, type ElementContext, type EngineSettings, type ReportArgs, type ResourceContext, type ResourceFrame, type Rule, type StructureEvent } from './rule.js';
import { rules as builtInRules } from './rules/index.js';
import { parseFhirXml } from '../xml/parse.js';
import { walkResources } from './walk.js';
import type { Terminology } from './terminology/index.js';
import { checkFhirPathProvider, type FhirPathProvider } from './invariants/fhirpath-engine.js';

export interface ValidateOptions {
  /** Used to pick JSON vs XML, and in messages. */
  fileName?: string;
  /** Extra profiles to validate against. */
  profiles?: string[];
  /** Per-rule overrides (from wheelhouse.config.json). */
  rules?: Record<string, Severity | 'off'>;
  settings?: Partial<EngineSettings>;
  /** Cancellation (an AbortSignal; the language server uses it): validate throws the signal's reason. */
  signal?: CancellationSignal;
}

/** The part of AbortSignal the engine uses (the DOM/Node type is not in this package's lib). */
export interface CancellationSignal {
  readonly aborted: boolean;
  readonly reason?: unknown;
}

/** Thrown by validate when its signal is aborted and the signal has no reason of its own. */
export class ValidationCancelledError extends Error {
  override readonly name = 'ValidationCancelledError';
}

export interface ValidationResult {
  issues: Issue[];
  format: 'json' | 'xml' | 'unknown';
  isFhir: boolean;
}

/**
 * Packages and profiles beyond the core spec (filled in by the profiles work). Kept structural so the
 * engine does not depend on how packages are loaded.
 */
export interface ConformanceSource {
  /** A conformance resource (StructureDefinition, ValueSet, CodeSystem) by canonical URL. */
  resolve?(canonical: string): unknown;
}

export interface ValidatorDeps {
  definitions: Definitions;
  conformance?: ConformanceSource;
  /** Core value sets and code systems (load with loadR4Terminology from @wheelhouse/shared/node). */
  terminology?: Terminology;
  /**
   * fhirpath.js with its R4 model, for the invariants the engine's own evaluator does not cover; called the
   * first time one needs it (start-up cost, issue 3). Node: `nodeFhirPathProvider` (@wheelhouse/shared/node,
   * loads on demand); bundles and browsers: `staticFhirPathProvider` (@wheelhouse/shared/fhirpath).
   */
  fhirpath: FhirPathProvider;
  /** Rules to run; defaults to the built-in list (rules/index.ts). */
  rules?: readonly Rule[];
}

export interface Validator {
  validate(text: string, options?: ValidateOptions): ValidationResult;
  readonly rules: readonly Rule[];
}

export const PARSE_RULE_ID = 'json-syntax';
export const DUPLICATE_KEY_RULE_ID = 'json-duplicate-key';
export const INTERNAL_RULE_ERROR_ID = 'internal-rule-error';
export const XML_NOT_SUPPORTED_RULE_ID = 'xml-not-supported';
export const XML_SYNTAX_RULE_ID = 'xml-syntax';

type ElementHook = (ctx: ElementContext) => void;

interface Pending {
  rule: Rule;
  args: ReportArgs;
  rootType: string | undefined;
}

function looksLikeXml(text: string, fileName: string | undefined): boolean {
  if (fileName?.toLowerCase().endsWith('.xml')) return true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0xfeff) continue;
    return c === 60; // '<'
  }
  return false;
}

export function createValidator(deps: ValidatorDeps): Validator {
  const definitions = deps.definitions;
  const fhirpath = checkFhirPathProvider(deps.fhirpath);
  const allRules = deps.rules ?? builtInRules;

  return {
    rules: allRules,
    validate(text: string, options: ValidateOptions = {}): ValidationResult {
      const overrides = options.rules ?? {};
      const active = allRules.filter((r) => overrides[r.id] !== 'off');
      const severityOf = (rule: Rule, asked: Severity | undefined): Severity => {
        const o = overrides[rule.id];
        return o && o !== 'off' ? o : (asked ?? rule.severity);
      };
      const issues: Issue[] = [];
      const emitIssue = (ruleId: string, severity: Severity, message: string, path: Path, offset: number, length: number, rootType?: string): void => {
        issues.push({ ruleId, severity, message, path, location: formatLocation(path, rootType), offset, length, docs: ruleDocs(ruleId) });
      };

      // FHIR XML becomes the same offset tree (shared/src/xml, issue 6), so every rule runs unchanged.
      const format = looksLikeXml(text, options.fileName) ? 'xml' : 'json';
      // Valid JSON (the common case) takes the native parser; the offset tree is built only when an
      // issue needs a range or a rule asks for it. Invalid JSON takes the tolerant parser at once.
      let doc: JsonDocument | undefined;
      let rootValue: unknown;
      // Valid JSON: where its containers end, found with the duplicate keys (for the path locator).
      let containers: ContainerRanges | undefined;
      if (format === 'xml') {
        const xmlDoc = parseFhirXml(text, definitions);
        doc = xmlDoc;
        rootValue = xmlDoc.root?.value;
        for (const e of xmlDoc.xml.syntaxErrors) if (overrides[XML_SYNTAX_RULE_ID] !== 'off') emitIssue(XML_SYNTAX_RULE_ID, overrides[XML_SYNTAX_RULE_ID] ?? 'error', e.message, [], e.offset, e.length);
      } else {
        try {
          rootValue = JSON.parse(text);
          const scan = scanValidJson(text);
          containers = scan.containers;
          for (const e of scan.duplicates) addParseError(e);
        } catch {
          doc = parseJson(text);
          rootValue = doc.root?.value;
          for (const e of doc.errors) addParseError(e);
        }
      }
      // One path locator per call, made on first use (reports, sourceText).
      let locatorFn: ((path: Path) => LocatedRange) | undefined;
      const locator = (): ((path: Path) => LocatedRange) => (locatorFn ??= doc ? treeLocator(doc) : createPathLocator(text, containers));
      // Rules see a document whose offset tree is built only when they read `root`.
      let lazyDoc: JsonDocument | undefined;
      const getDoc = (): JsonDocument =>
        doc ??
        (lazyDoc ??= {
          text,
          errors: [],
          get root() {
            return (doc ??= parseJson(text)).root;
          },
        });
      function addParseError(e: ParseError): void {
        const id = e.code === 'duplicate-key' ? DUPLICATE_KEY_RULE_ID : PARSE_RULE_ID;
        if (overrides[id] === 'off') return;
        emitIssue(id, overrides[id] ?? 'error', e.message, [], e.offset, e.length);
      }
      const root = rootValue !== null && typeof rootValue === 'object' && !Array.isArray(rootValue) ? (rootValue as Record<string, unknown>) : undefined;
      const rootType = typeof root?.['resourceType'] === 'string' ? root['resourceType'] : undefined;
      if (!root || rootType === undefined) {
        return finish(issues, format, false);
      }

      const settings: EngineSettings = { ...DEFAULT_SETTINGS, ...options.settings };
      const extraProfiles = options.profiles ?? [];
      const pending: Pending[] = [];

      // Dispatch tables, built per call (rules may be overridden per call).
      const resourceRules = active.filter((r) => r.resource !== undefined);
      const structureRules = new Map<string, Rule[]>();
      const elementHooks = new Map<string, { rule: Rule; hook: ElementHook }[]>();
      for (const r of active) {
        if (r.structure) {
          for (const kind of Object.keys(r.structure)) {
            const list = structureRules.get(kind) ?? [];
            list.push(r);
            structureRules.set(kind, list);
          }
        }
        if (r.elements) {
          for (const [type, hook] of Object.entries(r.elements)) {
            if (!hook) continue;
            const list = elementHooks.get(type) ?? [];
            list.push({ rule: r, hook });
            elementHooks.set(type, list);
          }
        }
      }

      const anyHooks = elementHooks.get('*') ?? [];
      elementHooks.delete('*');
      const anyElementApplies = (rule: Rule, definition: ElementData, type: string): boolean => {
        if (!rule.anyElementApplies) return true;
        try {
          return rule.anyElementApplies(definition, type, { definitions, fhirpath });
        } catch {
          // The hook itself then runs and its failure is reported as internal-rule-error there.
          return true;
        }
      };

      let currentRule: Rule | undefined;
      const internalError = (rule: Rule, error: unknown, path: Path): void => {
        const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
        pending.push({
          rule: { id: INTERNAL_RULE_ERROR_ID, severity: 'error', description: 'A rule failed' },
          args: { path, message: `Rule "${rule.id}" failed and was skipped here (${detail}). This is a bug in Wheelhouse; please report it.`, data: { ruleId: rule.id } },
          rootType,
        });
      };

      const resourceContext = (resourceType: string, value: Record<string, unknown>, path: Path, ancestors: readonly ResourceFrame[]): ResourceContext => {
        const meta = value['meta'] as { profile?: unknown } | undefined;
        const metaProfiles = Array.isArray(meta?.profile) ? meta.profile.filter((p): p is string => typeof p === 'string') : [];
        return {
          resourceType,
          value,
          path,
          profiles: ancestors.length === 0 ? [...metaProfiles, ...extraProfiles] : metaProfiles,
          fhirVersion: definitions.fhirVersion,
          settings,
          definitions,
          fhirpath,
          get document() {
            return getDoc();
          },
          sourceText(path: Path) {
            const loc = locator()(path);
            return loc.depth === path.length ? text.slice(loc.offset, loc.offset + loc.length) : undefined;
          },
          ancestors,
          ...(deps.terminology ? { terminology: deps.terminology } : {}),
          ...(deps.conformance ? { conformance: deps.conformance } : {}),
          report(args: ReportArgs) {
            if (currentRule) pending.push({ rule: currentRule, args, rootType });
          },
        };
      };

      walkResources(root, {
        definitions,
        resourceContext,
        onResource(ctx) {
          for (const r of resourceRules) {
            currentRule = r;
            try {
              r.resource!(ctx);
            } catch (error) {
              internalError(r, error, ctx.path);
            }
          }
          currentRule = undefined;
        },
        onStructure(ctx, event: StructureEvent) {
          const list = structureRules.get(event.kind);
          if (!list) return;
          for (const r of list) {
            currentRule = r;
            try {
              (r.structure![event.kind] as (c: ResourceContext, e: StructureEvent) => void)(ctx, event);
            } catch (error) {
              internalError(r, error, event.path);
            }
          }
          currentRule = undefined;
        },
        elementHooks(definition, type) {
          // Hooks on the type first, then the '*' hooks that can act here (each in rule order).
          const typed = elementHooks.get(type) ?? [];
          const any = anyHooks.filter(({ rule }) => anyElementApplies(rule, definition, type));
          return any.length === 0 ? typed : [...typed, ...any];
        },
        runElementHook({ rule: r, hook }, ctx) {
          currentRule = r;
          try {
            hook(ctx);
          } catch (error) {
            internalError(r, error, ctx.elementPathInDoc);
          }
          currentRule = undefined;
        },
        checkCancelled() {
          const signal = options.signal;
          if (signal?.aborted) throw signal.reason instanceof Error ? signal.reason : new ValidationCancelledError('validation cancelled');
        },
      });

      // Valid JSON: locate paths by skipping through the text; tolerant parse: use its tree.
      const locate = pending.length === 0 ? undefined : locator();
      for (const p of pending) {
        const { rule, args } = p;
        const loc = locate!(args.path);
        const { offset, length } = pickRange(loc, args.path, args.range ?? 'value');
        const issue: Issue = {
          ruleId: rule.id,
          severity: rule.id === INTERNAL_RULE_ERROR_ID ? 'error' : severityOf(rule, args.severity),
          message: args.message,
          path: args.path,
          location: formatLocation(args.path, p.rootType),
          offset,
          length,
          docs: rule.docs ?? ruleDocs(rule.id),
        };
        if (args.fix) issue.fix = toFix(loc, args.path, args.fix);
        if (args.data) issue.data = args.data;
        issues.push(issue);
      }
      return finish(issues, format, true);
    },
  };
}

function finish(issues: Issue[], format: 'json' | 'xml', isFhir: boolean): ValidationResult {
  issues.sort(compareIssues);
  return { issues, format, isFhir };
}

/** A locator over an offset tree (tolerant parse). */
function treeLocator(doc: JsonDocument): (path: Path) => LocatedRange {
  return (path) => {
    const m = findNodeAtPath(doc.root, path);
    const r: LocatedRange = m.node ? { offset: m.node.offset, length: m.node.length, depth: m.depth } : { offset: 0, length: 0, depth: m.depth };
    if (m.property && typeof path[m.depth - 1] === 'string') {
      r.keyOffset = m.property.keyOffset;
      r.keyLength = m.property.keyLength;
      // A property whose value is missing (half-typed): its key stands for it.
      if (!m.node) {
        r.offset = m.property.keyOffset;
        r.length = m.property.keyLength;
      }
    }
    return r;
  };
}

/**
 * The text range of a path: the value (or the key, when asked and the path ends at a property).
 * A path that does not exist (a missing element) falls back to the deepest existing ancestor.
 */
function pickRange(loc: LocatedRange, path: Path, part: 'value' | 'key'): { offset: number; length: number } {
  if (part === 'key' && loc.depth === path.length && loc.keyOffset !== undefined && typeof path[path.length - 1] === 'string') {
    return { offset: loc.keyOffset, length: loc.keyLength ?? 0 };
  }
  return { offset: loc.offset, length: loc.length };
}

/** The text range of a path in a parsed document (for adapters that hold a tree). */
export function rangeOf(doc: JsonDocument, path: Path, part: 'value' | 'key' = 'value'): { offset: number; length: number } {
  return pickRange(treeLocator(doc)(path), path, part);
}

function toFix(loc: LocatedRange, path: Path, fix: { title: string; replacement: unknown } | Fix): Fix {
  if ('edits' in fix) return fix;
  if (loc.depth !== path.length) return { title: fix.title, edits: [] };
  return { title: fix.title, edits: [{ offset: loc.offset, length: loc.length, newText: JSON.stringify(fix.replacement) }] };
}
