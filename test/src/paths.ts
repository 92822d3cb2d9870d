/** Where the harnesses find the repository's tools and builds; each says how to make what is missing. */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Node 24 from npm (the workspace root's devDependency): code-server 4.139 needs exactly this major. */
export const NODE24 = join(REPO_ROOT, 'node_modules', '.bin', 'node');

export const CODE_SERVER_ENTRY = join(REPO_ROOT, 'tools', 'vscode-host', 'node_modules', 'code-server', 'out', 'node', 'entry.js');

export const EXTENSION_VSCODE = join(REPO_ROOT, 'extension-vscode');
export const VSIX = join(EXTENSION_VSCODE, 'wheelhouse-vscode.vsix');
export const EXTENSION_BROWSER_OUTPUT = join(REPO_ROOT, 'extension-browser', '.output');

/** Throws a message naming the command that makes `path`. */
export function requirePath(path: string, howToMake: string): string {
  if (!existsSync(path)) throw new Error(`${path} is missing: run \`${howToMake}\` first`);
  return path;
}

/** The absolute path of a program on PATH (Debian's browsers), or a clear error. */
export function requireProgram(name: string, apt: string): string {
  try {
    return execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error(`${name} is not installed: run \`bash scripts/setup.sh --install-only\` (apt-get install ${apt})`);
  }
}
