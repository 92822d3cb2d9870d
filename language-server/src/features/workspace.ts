/**
 * Workspace-wide validation (issue 7): `workspace/diagnostic` over every FHIR JSON/XML file in the workspace
 * folders that is not open in the editor (open ones come through textDocument/diagnostic), with progress and
 * partial results, validated in the worker so the editor keeps answering. Result ids (file mtime, size and a
 * settings epoch) let repeat pulls answer "unchanged"; when nothing changed the request is held until a file or
 * the config changes (the long poll the LSP spec describes), so clients that re-pull do not spin.
 * Also: canonical URL -> workspace conformance resource, for go to definition.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  DocumentDiagnosticReportKind,
  type CancellationToken,
  type Connection,
  type Diagnostic,
  type ResultProgressReporter,
  type WorkDoneProgressReporter,
  type WorkspaceDiagnosticReport,
  type WorkspaceDiagnosticReportPartialResult,
  type WorkspaceDocumentDiagnosticReport,
  type WorkspaceDiagnosticParams,
} from 'vscode-languageserver';
import {
  createLineIndex,
  findNodeAtPath,
  parseJson,
  ValidationCancelledError,
  type ValidationResult,
  type Validator,
} from '@wheelhouse/shared/validation';
import { positionsFrom, toDiagnostic, type PositionSource } from '../convert.js';
import { WORKSPACE_VALIDATED, type WorkspaceValidatedParams } from '../protocol.js';
import { WorkerFileReadError, WorkerUnavailableError, type ValidationPool } from '../worker/pool.js';
import type { DocumentEngine } from './diagnostics.js';
import type { SettingsStore, WheelhouseSettings } from './settings.js';

/** Files beyond these are skipped (and counted as skipped). */
export const MAX_WORKSPACE_FILES = 5000;
export const MAX_FILE_BYTES = 50 * 1024 * 1024;
const SKIPPED_DIRS = new Set([
  'node_modules',
  '.git',
  '.hg',
  '.svn',
  'dist',
  'out',
  'build',
  'coverage',
  'target',
]);
const EXTENSIONS = new Set(['.json', '.xml']);
const CONFORMANCE_TYPES = new Set([
  'StructureDefinition',
  'ValueSet',
  'CodeSystem',
  'CapabilityStatement',
  'OperationDefinition',
  'SearchParameter',
  'NamingSystem',
  'ConceptMap',
  'ImplementationGuide',
]);

/** JSON and XML files under `root`, skipping dependency, VCS and build folders and hidden ones. */
export function listWorkspaceFiles(
  root: string,
  limit = MAX_WORKSPACE_FILES,
): { files: string[]; truncated: boolean } {
  const files: string[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const dir = stack.pop()!;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? 1 : -1));
    for (const e of entries) {
      if (e.isDirectory()) {
        if (!SKIPPED_DIRS.has(e.name) && !e.name.startsWith('.')) stack.push(join(dir, e.name));
      } else if (e.isFile() && EXTENSIONS.has(extname(e.name).toLowerCase())) {
        if (files.length >= limit) return { files, truncated: true };
        files.push(join(dir, e.name));
      }
    }
  }
  return { files, truncated: false };
}

export interface WorkspaceDeps {
  connection: Connection;
  settings: SettingsStore;
  validator(): Validator | undefined;
  /**
   * The engine for a file (config engine settings, the folder's packages and profiles), as open documents get it;
   * without it files validate against the core with rules and profiles only.
   */
  engine?(uri: string, settings: WheelhouseSettings): DocumentEngine | undefined;
  /** The worker; undefined validates in-process. */
  pool: ValidationPool | undefined;
  /** Workspace folder paths. */
  folders(): readonly string[];
  /** Is this URI open in the editor (its diagnostics come from the document pull)? */
  isOpen(uri: string): boolean;
  /** May the server create a progress (client capability window.workDoneProgress)? */
  canCreateProgress(): boolean;
}

export interface WorkspaceFeature {
  /** The workspace/diagnostic handler. */
  pull(
    params: WorkspaceDiagnosticParams,
    token: CancellationToken,
    workDone: WorkDoneProgressReporter,
    partial: ResultProgressReporter<WorkspaceDiagnosticReportPartialResult> | undefined,
  ): Promise<WorkspaceDiagnosticReport>;
  /** A full pass now (the validate-workspace request): every file's diagnostics are passed to `publish`. */
  validateAll(
    publish: (uri: string, diagnostics: Diagnostic[]) => void,
    token?: CancellationToken,
  ): Promise<WorkspaceValidatedParams>;
  /** Something changed on disk or in the settings: held pulls wake up; `settingsChanged` forces a re-validation. */
  changed(settingsChanged: boolean): void;
  /** A document was closed in the editor: the workspace pull reports it again (the client dropped its document report). */
  closed(uri: string): void;
  /** Canonical URLs of the workspace's conformance resources of one type (completion of meta.profile). */
  canonicalUrls(resourceType: string): string[];
  /** A conformance resource in the workspace by canonical URL. */
  findCanonical(url: string): { uri: string; offset: number; length: number; text: string } | undefined;
}

interface Validated {
  report: WorkspaceDocumentDiagnosticReport;
  errors: number;
  warnings: number;
  skipped: boolean;
}

export function createWorkspaceFeature(deps: WorkspaceDeps): WorkspaceFeature {
  let epoch = 0;
  let workerUnavailable = false;
  // Closed in the editor since the last pass: reported in full even when the file is unchanged on disk.
  const reopened = new Set<string>();
  let wake: (() => void) | undefined;
  // Pulls in flight, and validate-workspace requests waiting for a pull pass that started at their epoch or later.
  let activePulls = 0;
  let waiters: { epoch: number; resolve(f: WorkspaceValidatedParams): void }[] = [];
  let canonicals: Map<string, { path: string; resourceType: string }> | undefined;

  const resultIdOf = (path: string): { id: string; size: number } | undefined => {
    try {
      const s = statSync(path);
      return { id: `${epoch}:${s.mtimeMs}:${s.size}`, size: s.size };
    } catch {
      return undefined;
    }
  };

  /**
   * Validates one file: in the worker, which reads it itself (the main thread never holds a big file's text), or
   * in-process when there is no worker. Undefined when validation is off for it; `unreadable` when it cannot be read.
   */
  const runValidation = async (
    path: string,
    uri: string,
    token?: CancellationToken,
  ): Promise<{ result: ValidationResult; positions: PositionSource } | 'unreadable' | undefined> => {
    const settings = await deps.settings.get(uri);
    if (!settings.validateEnable) return undefined;
    const engine = deps.engine?.(uri, settings);
    const options = {
      fileName: uri,
      rules: settings.rules,
      ...(settings.profiles.length > 0 ? { profiles: settings.profiles } : {}),
      ...(engine?.settings ? { settings: engine.settings } : {}),
    };
    if (deps.pool && !workerUnavailable) {
      try {
        const result = await (engine?.viaWorker
          ? engine.viaWorker(deps.pool, { path }, options, token)
          : deps.pool.validate({ path }, options, token));
        return { result, positions: positionsFrom(result.issues, result.positions) };
      } catch (error) {
        if (error instanceof ValidationCancelledError) throw error;
        if (error instanceof WorkerFileReadError) return 'unreadable';
        // A worker that cannot run (a bundle without its script) falls back to the main thread, said once.
        if (error instanceof WorkerUnavailableError) workerUnavailable = true;
        deps.connection.console.warn(
          `worker validation of ${uri} failed (${error instanceof Error ? error.message : String(error)}); validating in-process`,
        );
      }
    }
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      return 'unreadable';
    }
    // The validator first: reading it may load the folder's set here, which adds to its settings.
    const validator = engine?.validator ?? deps.validator();
    const result = validator?.validate(text, {
      ...options,
      ...(engine?.settings ? { settings: engine.settings } : {}),
    });
    if (!result) return undefined;
    const lines = createLineIndex(text);
    return { result, positions: { positionAt: (offset) => lines.position(offset) } };
  };

  const validateFile = async (
    path: string,
    resultId: string,
    token?: CancellationToken,
  ): Promise<Validated> => {
    const uri = pathToFileURL(path).href;
    const validated = await runValidation(path, uri, token);
    if (validated === 'unreadable')
      return {
        report: { kind: DocumentDiagnosticReportKind.Full, uri, version: null, items: [] },
        errors: 0,
        warnings: 0,
        skipped: true,
      };
    const items = validated?.result.isFhir
      ? validated.result.issues.map((i) => toDiagnostic(i, validated.positions, 0))
      : [];
    return {
      report: { kind: DocumentDiagnosticReportKind.Full, uri, version: null, resultId, items },
      errors: items.filter((d) => d.severity === 1).length,
      warnings: items.filter((d) => d.severity === 2).length,
      skipped: false,
    };
  };

  const allFiles = (): { files: string[]; truncated: boolean } => {
    const files: string[] = [];
    let truncated = false;
    for (const folder of deps.folders()) {
      const found = listWorkspaceFiles(folder, MAX_WORKSPACE_FILES - files.length);
      files.push(...found.files);
      truncated ||= found.truncated;
    }
    return { files, truncated };
  };

  const startProgress = async (
    workDone: WorkDoneProgressReporter | undefined,
    total: number,
  ): Promise<{ report(done: number): void; done(): void }> => {
    let reporter = workDone;
    if (!reporter && deps.canCreateProgress()) {
      try {
        reporter = await deps.connection.window.createWorkDoneProgress();
      } catch {
        reporter = undefined;
      }
    }
    reporter?.begin('Wheelhouse: validating the workspace', 0, `0 of ${total} files`, true);
    let last = 0;
    return {
      report(done) {
        const now = Date.now();
        if (now - last < 100 && done < total) return;
        last = now;
        reporter?.report(Math.round((done / Math.max(1, total)) * 100), `${done} of ${total} files`);
      },
      done() {
        reporter?.done();
      },
    };
  };

  /** One pass: unchanged files by result id, the rest validated. */
  const pass = async (
    previous: ReadonlyMap<string, string>,
    token: CancellationToken | undefined,
    onReport: (r: WorkspaceDocumentDiagnosticReport) => void,
    progress: (total: number) => Promise<{ report(done: number): void; done(): void }>,
  ): Promise<{ changed: number; figures: WorkspaceValidatedParams }> => {
    const started = Date.now();
    const { files, truncated } = allFiles();
    const todo: { path: string; uri: string; resultId: string }[] = [];
    let skipped = truncated ? 1 : 0;
    for (const path of files) {
      const uri = pathToFileURL(path).href;
      if (deps.isOpen(uri)) continue;
      const id = resultIdOf(path);
      if (!id) continue;
      if (id.size > MAX_FILE_BYTES) {
        skipped++;
        continue;
      }
      const forced = reopened.delete(uri);
      if (!forced && previous.get(uri) === id.id)
        onReport({ kind: DocumentDiagnosticReportKind.Unchanged, uri, version: null, resultId: id.id });
      else todo.push({ path, uri, resultId: id.id });
    }
    const figures: WorkspaceValidatedParams = { files: 0, skipped, errors: 0, warnings: 0, durationMs: 0 };
    if (todo.length === 0) return { changed: 0, figures };
    const bar = await progress(todo.length);
    try {
      for (const [i, file] of todo.entries()) {
        if (token?.isCancellationRequested) break;
        try {
          const v = await validateFile(file.path, file.resultId, token);
          onReport(v.report);
          if (v.skipped) figures.skipped++;
          else figures.files++;
          figures.errors += v.errors;
          figures.warnings += v.warnings;
        } catch (error) {
          if (error instanceof ValidationCancelledError) break;
          deps.connection.console.error(
            `validating ${file.uri} failed: ${error instanceof Error ? error.message : String(error)}`,
          );
        }
        bar.report(i + 1);
      }
    } finally {
      bar.done();
    }
    figures.durationMs = Date.now() - started;
    void deps.connection.sendNotification(WORKSPACE_VALIDATED, figures);
    return { changed: todo.length, figures };
  };

  /** Conformance resources in the workspace: url -> file and type (built on first use, dropped on changes). */
  const canonicalIndex = (): Map<string, { path: string; resourceType: string }> => {
    if (canonicals) return canonicals;
    const index = new Map<string, { path: string; resourceType: string }>();
    for (const path of allFiles().files) {
      if (!path.endsWith('.json')) continue;
      try {
        if (statSync(path).size > 5 * 1024 * 1024) continue;
        const value = JSON.parse(readFileSync(path, 'utf8')) as { resourceType?: unknown; url?: unknown };
        if (
          typeof value.resourceType === 'string' &&
          CONFORMANCE_TYPES.has(value.resourceType) &&
          typeof value.url === 'string' &&
          !index.has(value.url)
        )
          index.set(value.url, { path, resourceType: value.resourceType });
      } catch {
        // Not JSON, unreadable: not a conformance resource we can point at.
      }
    }
    canonicals = index;
    return index;
  };

  return {
    async pull(params, token, workDone, partial) {
      const previous = new Map(params.previousResultIds.map((p) => [p.uri, p.value]));
      const usePartial = params.partialResultToken !== undefined && partial !== undefined;
      activePulls++;
      try {
        for (;;) {
          const passEpoch = epoch;
          const items: WorkspaceDocumentDiagnosticReport[] = [];
          let batch: WorkspaceDocumentDiagnosticReport[] = [];
          const flush = (): void => {
            if (usePartial && batch.length > 0) partial.report({ items: batch });
            batch = [];
          };
          const result = await pass(
            previous,
            token,
            (r) => {
              if (usePartial) {
                batch.push(r);
                if (batch.length >= 20) flush();
              } else items.push(r);
            },
            (total) => startProgress(params.workDoneToken !== undefined ? workDone : undefined, total),
          );
          flush();
          const ready = waiters.filter((w) => w.epoch <= passEpoch);
          waiters = waiters.filter((w) => w.epoch > passEpoch);
          for (const w of ready) w.resolve(result.figures);
          // Something to say, a first pull, or cancelled: answer. Otherwise hold until a change.
          if (result.changed > 0 || previous.size === 0 || token.isCancellationRequested)
            return { items: usePartial ? [] : items };
          await new Promise<void>((resolve) => {
            const sub = token.onCancellationRequested(() => resolve());
            wake = () => {
              sub.dispose();
              resolve();
            };
          });
          wake = undefined;
          if (token.isCancellationRequested) return { items: [] };
        }
      } finally {
        activePulls--;
      }
    },
    async validateAll(publish, token) {
      epoch++;
      // A client that pulls the workspace gets the results through its pull (never pushed as well: the two
      // would show twice); the request waits for that pass.
      if (activePulls > 0) {
        const done = new Promise<WorkspaceValidatedParams>((resolve) => waiters.push({ epoch, resolve }));
        wake?.();
        return done;
      }
      const { figures } = await pass(
        new Map(),
        token,
        (r) => {
          if (r.kind === DocumentDiagnosticReportKind.Full) publish(r.uri, r.items);
        },
        (total) => startProgress(undefined, total),
      );
      wake?.();
      return figures;
    },
    closed(uri) {
      reopened.add(uri);
      wake?.();
    },
    canonicalUrls(resourceType) {
      return [...canonicalIndex()].filter(([, c]) => c.resourceType === resourceType).map(([url]) => url);
    },
    changed(settingsChanged) {
      if (settingsChanged) epoch++;
      canonicals = undefined;
      wake?.();
    },
    findCanonical(url) {
      const path = canonicalIndex().get(url)?.path;
      if (!path) return undefined;
      try {
        const text = readFileSync(path, 'utf8');
        const tree = parseJson(text);
        const prop = findNodeAtPath(tree.root, ['url']).property;
        return {
          uri: pathToFileURL(path).href,
          offset: prop?.keyOffset ?? 0,
          length: prop ? prop.keyLength : 0,
          text,
        };
      } catch {
        return undefined;
      }
    },
  };
}
