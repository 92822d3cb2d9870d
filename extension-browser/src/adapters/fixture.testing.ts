// Test helper: fixture pages (test/fixtures/<name>.html) as Documents, without running their scripts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const EXTENSION_ROOT = process.env.WHEELHOUSE_EXTENSION_ROOT ?? process.cwd();

export function fixtureHtml(name: string): string {
  return readFileSync(join(EXTENSION_ROOT, 'test', 'fixtures', `${name}.html`), 'utf8');
}

export function loadFixture(name: string): Document {
  return new DOMParser().parseFromString(fixtureHtml(name), 'text/html');
}
