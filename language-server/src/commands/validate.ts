/**
 * `wheelhouse validate <path...>`: validates FHIR JSON (and, later, XML) files and folders with the
 * same engine as the language server. The interface other tools rely on (issue 3): keep it exactly.
 * The engine is imported lazily so `wheelhouse --help` and other commands start fast.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { dirname, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { UsageError, type Command, type CommandIO } from './command.js';
import type { FileReport, Report } from '../report/model.js';

const FORMATS = ['text', 'json', 'sarif'] as const;
type Format = (typeof FORMATS)[number];
const SKIP_DIRS = new Set(['node_modules', '.git']);

const usage = `Usage: wheelhouse validate <path...> [options]

Validates FHIR R4 resources (JSON; XML is listed but not validated yet). A path may be a file or a
folder (recursed for *.json and *.xml; node_modules and .git are skipped).

Options:
  --format text|json|sarif   output format (default: text); json ranges are 0-based (as LSP)
  --package <dir|tgz>        load a FHIR package (repeatable)
  --fhir-cache <dir>         FHIR package cache folder (default: ~/.fhir/packages)
  --profile <canonical>      also validate every resource against this profile (repeatable)
  --workspace <dir>          workspace root (reads wheelhouse.config.json)

Exit status: 0 no errors, 1 errors found, 2 usage or I/O failure.`;

async function collectFiles(target: string, out: string[], io: CommandIO): Promise<boolean> {
  let info;
  try {
    info = await stat(target);
  } catch {
    io.stderr(`wheelhouse validate: cannot read ${target}: no such file or folder\n`);
    return false;
  }
  if (info.isFile()) {
    out.push(target);
    return true;
  }
  if (!info.isDirectory()) {
    io.stderr(`wheelhouse validate: ${target} is neither a file nor a folder\n`);
    return false;
  }
  // Iterative walk, sorted for stable output.
  const dirs = [target];
  let ok = true;
  while (dirs.length > 0) {
    const dir = dirs.shift()!;
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      io.stderr(`wheelhouse validate: cannot list ${dir}: ${(error as Error).message}\n`);
      ok = false;
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const full = `${dir}${sep}${e.name}`;
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name)) dirs.push(full);
      } else if (e.isFile() && /\.(json|xml)$/i.test(e.name)) {
        out.push(full);
      }
    }
  }
  return ok;
}

function displayPath(cwd: string, file: string): string {
  const rel = relative(cwd, file);
  return (rel.startsWith('..') ? file : rel).split(sep).join('/');
}

export const validateCommand: Command = {
  name: 'validate',
  usage,
  async run(args, io) {
    let parsed;
    try {
      parsed = parseArgs({
        args: [...args],
        allowPositionals: true,
        options: {
          format: { type: 'string', default: 'text' },
          package: { type: 'string', multiple: true },
          'fhir-cache': { type: 'string' },
          profile: { type: 'string', multiple: true },
          workspace: { type: 'string' },
        },
      });
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    const { values, positionals } = parsed;
    const format = values.format as Format;
    if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')} (got "${String(values.format)}")`);
    if (positionals.length === 0) throw new UsageError('give at least one file or folder to validate');

    const files: string[] = [];
    let ioFailure = false;
    for (const p of positionals) {
      if (!(await collectFiles(resolve(io.cwd, p), files, io))) ioFailure = true;
    }

    // The lean Node entry (issue 3): fhirpath.js, the config schema (zod) and the package loader load only
    // when this run needs them.
    const [{ createValidator, createLineIndex }, { loadR4Definitions, loadR4Terminology, loadValidationConformanceOnDemand, loadEngineOptionsOnDemand, ConfigFileError, nodeFhirPathProvider }] = await Promise.all([
      import('@wheelhouse/shared/validation'),
      import('@wheelhouse/shared/node/engine'),
    ]);
    // wheelhouse.config.json (found from --workspace or the current folder upwards): the same file the
    // language server reads, so CI and the editor agree (issue 4).
    let engine;
    try {
      engine = await loadEngineOptionsOnDemand(resolve(io.cwd, values.workspace ?? '.'));
    } catch (error) {
      if (!(error instanceof ConfigFileError)) throw error;
      io.stderr(`wheelhouse validate: ${error.message}\n`);
      return 2;
    }
    for (const warning of engine.warnings) io.stderr(`wheelhouse validate: ${warning}\n`);
    const configDir = engine.file ? dirname(engine.file) : io.cwd;
    const configPackages = Object.entries(engine.config.packages).map(([id, version]) =>
      version.startsWith('file:') ? resolve(configDir, version.slice('file:'.length)) : `${id}#${version}`,
    );
    const profiles = [...engine.options.profiles, ...(values.profile ?? [])];
    const definitions = loadR4Definitions();
    // Packages, workspace profiles and value sets (issue 6); undefined when nothing asks for them.
    const conformance = await loadValidationConformanceOnDemand({ definitions, packages: [...configPackages, ...(values.package ?? [])], fhirCache: values['fhir-cache'], workspaces: values.workspace ? [values.workspace] : [], profiles });
    for (const i of conformance?.issues ?? []) io.stderr(`wheelhouse validate: ${i.message}\n`);
    // Core value sets for required bindings; without them the binding rules skip (said once on stderr).
    let terminology;
    try {
      terminology = loadR4Terminology();
    } catch (error) {
      io.stderr(`wheelhouse validate: ${(error as Error).message}; required bindings are not checked\n`);
    }
    const validator = createValidator({
      definitions,
      // fhirpath.js loads only if an invariant leaves the engine's own evaluators (start-up, issue 3).
      fhirpath: nodeFhirPathProvider,
      ...(conformance ? { conformance: conformance.store } : {}),
      ...(terminology ? { terminology } : {}),
    });

    const settings = {
      ...engine.options.settings,
      allowUnresolvedExtensionDomains: [...engine.options.settings.allowUnresolvedExtensionDomains, ...(conformance?.unresolvedDomains ?? [])],
    };
    const reports: FileReport[] = [];
    for (const file of files) {
      let text: string;
      try {
        // Read as bytes, then decode once: readFile(file, 'utf8') decodes chunk by chunk through a
        // StringDecoder into a string the parser then has to flatten (~30 ms on a 7 MB Bundle, issue 3).
        text = (await readFile(file)).toString('utf8');
      } catch (error) {
        io.stderr(`wheelhouse validate: cannot read ${file}: ${(error as Error).message}\n`);
        ioFailure = true;
        continue;
      }
      const result = validator.validate(text, { fileName: file, profiles, rules: engine.options.rules, settings });
      const lines = createLineIndex(text);
      reports.push({
        path: displayPath(io.cwd, file),
        issues: result.issues.map((i) => ({
          ruleId: i.ruleId,
          severity: i.severity,
          message: i.message,
          range: { start: lines.position(i.offset), end: lines.position(i.offset + i.length) },
          location: i.location,
          ...(i.docs ? { docs: i.docs } : {}),
        })),
      });
    }

    conformance?.saveSnapshots();
    const { summarise } = await import('../report/model.js');
    const report: Report = { files: reports, summary: summarise(reports), rules: validator.rules };
    if (format === 'json') io.stdout((await import('../report/json.js')).formatJson(report));
    else if (format === 'sarif') io.stdout((await import('../report/sarif.js')).formatSarif(report, io.cwd, '0.1.0'));
    else io.stdout((await import('../report/text.js')).formatText(report));

    if (ioFailure) return 2;
    return report.summary.errors > 0 ? 1 : 0;
  },
};
