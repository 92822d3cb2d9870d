/**
 * `wheelhouse packages install <id>[#<version>]...`: downloads FHIR packages (and their
 * dependencies) from an NPM-style FHIR package registry into the FHIR package cache that
 * `wheelhouse validate` reads (issue 6).
 */
import { parseArgs } from 'node:util';
import { UsageError, type Command } from './command.js';

const usage = `Usage: wheelhouse packages install <id>[#<version>]... [options]

Installs FHIR packages and their dependencies into the FHIR package cache (laid out like
~/.fhir/packages: <id>#<version>/package/...). Without a version, the latest release is installed.

Options:
  --fhir-cache <dir>     package cache folder (default: $FHIR_PACKAGE_CACHE or ~/.fhir/packages)
  --registry <url>       FHIR package registry (default: $FHIR_PACKAGE_REGISTRY or https://packages.fhir.org)
  --no-dependencies      install only the packages named

Exit status: 0 installed, 2 usage, network or registry failure.`;

export const packagesCommand: Command = {
  name: 'packages',
  usage,
  async run(args, io) {
    let parsed;
    try {
      parsed = parseArgs({
        args: [...args],
        allowPositionals: true,
        options: {
          'fhir-cache': { type: 'string' },
          registry: { type: 'string' },
          'no-dependencies': { type: 'boolean', default: false },
        },
      });
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    const [action, ...specs] = parsed.positionals;
    if (action !== 'install') throw new UsageError(action ? `unknown action "${action}" (only "install" exists)` : 'give an action: install');
    if (specs.length === 0) throw new UsageError('name at least one package: wheelhouse packages install <id>[#<version>]');
    const { installPackage, defaultFhirCacheDir, PackageSpecError, RegistryError } = await import('@wheelhouse/shared/node');
    const fhirCache = parsed.values['fhir-cache'] ?? io.env['FHIR_PACKAGE_CACHE'] ?? defaultFhirCacheDir();
    const registry = parsed.values.registry ?? io.env['FHIR_PACKAGE_REGISTRY'];
    for (const spec of specs) {
      try {
        const result = await installPackage(spec, {
          fhirCache,
          ...(registry ? { registry } : {}),
          dependencies: !parsed.values['no-dependencies'],
          log: (line) => io.stdout(`${line}\n`),
        });
        for (const p of result.filter((r) => r.alreadyInstalled)) io.stdout(`${p.id}#${p.version} is already in ${fhirCache}\n`);
      } catch (error) {
        if (error instanceof PackageSpecError) throw new UsageError(error.message);
        if (error instanceof RegistryError) {
          io.stderr(`wheelhouse packages: ${error.message}\n`);
          return 2;
        }
        throw error;
      }
    }
    return 0;
  },
};
