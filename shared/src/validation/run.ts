/**
 * The engine entry point: text in, issues out (STYLE.md 1). Parses once, walks the resources with the
 * definitions, runs every rule, resolves reported paths to offsets and FHIRPath-like locations.
 * A throwing rule becomes an `internal-rule-error` issue naming it; the other rules still run.
 */
import type { Definitions } from './definitions/index.js';
import { ruleDocs } from './docs.js';
import { compareIssues, formatLocation, type Fix, type Issue, type Path, type Severity } from './issue.js';
import { findNodeAtPath, parseJson, type JsonDocument, type ObjectNode, type ParseError } from './parse.js';
import { DEFAULT_SETTINGS, type ElementContext, type EngineSettings, type ReportArgs, type ResourceContext, type ResourceFrame, type Rule, type StructureEvent } from './rule.js';
import { rules as builtInRules } from './rules/index.js';
import { walkResources } from './walk.js';

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

      if (looksLikeXml(text, options.fileName)) {
        if (overrides[XML_NOT_SUPPORTED_RULE_ID] !== 'off') {
          emitIssue(XML_NOT_SUPPORTED_RULE_ID, 'information', 'FHIR XML is not validated yet: only JSON is checked for now', [], 0, 0);
        }
        return { issues, format: 'xml', isFhir: /<\w+[^>]*xmlns="http:\/\/hl7\.org\/fhir"/.test(text.slice(0, 4096)) };
      }

      const doc = parseJson(text);
      for (const e of doc.errors) addParseError(e);
      function addParseError(e: ParseError): void {
        const id = e.code === 'duplicate-key' ? DUPLICATE_KEY_RULE_ID : PARSE_RULE_ID;
        if (overrides[id] === 'off') return;
        emitIssue(id, overrides[id] ?? 'error', e.message, [], e.offset, e.length);
      }
      const root = doc.root;
      const rootValue = root?.type === 'object' ? root.value : undefined;
      const rootType = typeof rootValue?.['resourceType'] === 'string' ? rootValue['resourceType'] : undefined;
      if (!root || root.type !== 'object' || rootType === undefined) {
        return finish(issues, doc, [], 'json', false);
      }

      const settings: EngineSettings = { ...DEFAULT_SETTINGS, ...options.settings };
      const extraProfiles = options.profiles ?? [];
      const pending: Pending[] = [];

      // Dispatch tables, built per call (rules may be overridden per call).
      const resourceRules = active.filter((r) => r.resource);
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
      // The walker asks for hooks by type; it gets plain functions bound to their rule.
      const hookFns = new Map<string, ElementHook[]>();
      const ruleOfHook = new Map<ElementHook, Rule>();
      for (const [type, list] of elementHooks) {
        hookFns.set(type, list.map((x) => x.hook));
        for (const x of list) ruleOfHook.set(x.hook, x.rule);
      }

      let currentRule: Rule | undefined;
      const internalError = (rule: Rule, error: unknown, path: Path): void => {
        const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
        pending.push({
          rule: { id: INTERNAL_RULE_ERROR_ID, severity: 'error', description: 'A rule failed' },
          args: { path, message: `Rule "${rule.id}" failed and was skipped here (${detail}). This is a bug in Wheelhouse; please report it.`, data: { ruleId: rule.id } },
          rootType,
        });
      };

      const resourceContext = (resourceType: string, node: ObjectNode, path: Path, ancestors: readonly ResourceFrame[]): ResourceContext => {
        const meta = node.value['meta'] as { profile?: unknown } | undefined;
        const metaProfiles = Array.isArray(meta?.profile) ? meta.profile.filter((p): p is string => typeof p === 'string') : [];
        return {
          resourceType,
          value: node.value,
          path,
          profiles: ancestors.length === 0 ? [...metaProfiles, ...extraProfiles] : metaProfiles,
          fhirVersion: definitions.fhirVersion,
          settings,
          definitions,
          document: doc,
          ancestors,
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
        elementHooks: (type) => hookFns.get(type),
        runElementHook(hook, ctx) {
          const r = ruleOfHook.get(hook)!;
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
          if (signal?.aborted) throw signal.reason ?? new ValidationCancelledError('validation cancelled');
        },
      });

      for (const p of pending) {
        const { rule, args } = p;
        const { offset, length } = rangeOf(doc, args.path, args.range ?? 'value');
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
        if (args.fix) issue.fix = toFix(doc, args.path, args.fix);
        if (args.data) issue.data = args.data;
        issues.push(issue);
      }
      return finish(issues, doc, pending, 'json', true);
    },
  };
}

function finish(issues: Issue[], _doc: JsonDocument, _pending: readonly Pending[], format: 'json', isFhir: boolean): ValidationResult {
  issues.sort(compareIssues);
  return { issues, format, isFhir };
}

/**
 * The text range of a path: the value of the node (or its key when asked, or when it is a property
 * whose value is missing). A path that does not exist (a missing element) falls back to the deepest
 * existing ancestor.
 */
export function rangeOf(doc: JsonDocument, path: Path, part: 'value' | 'key'): { offset: number; length: number } {
  const m = findNodeAtPath(doc.root, path);
  const complete = m.depth === path.length;
  if (m.property && (part === 'key' || !m.node) && (complete || !m.node)) {
    const lastIsKey = typeof path[m.depth - 1] === 'string';
    if (lastIsKey || !m.node) return { offset: m.property.keyOffset, length: m.property.keyLength };
  }
  if (m.node) return { offset: m.node.offset, length: m.node.length };
  return { offset: 0, length: 0 };
}

function toFix(doc: JsonDocument, path: Path, fix: { title: string; replacement: unknown } | Fix): Fix {
  if ('edits' in fix) return fix;
  const m = findNodeAtPath(doc.root, path);
  const node = m.depth === path.length ? m.node : undefined;
  if (!node) return { title: fix.title, edits: [] };
  return { title: fix.title, edits: [{ offset: node.offset, length: node.length, newText: JSON.stringify(fix.replacement) }] };
}
