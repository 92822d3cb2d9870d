/**
 * Temporary folders that are always removed, even when a test fails. WHEELHOUSE_E2E_KEEP=1 keeps them (and
 * prints where) to read code-server's logs after a failure.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export async function makeTempDir(prefix: string): Promise<{ path: string; remove(): Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), `wheelhouse-${prefix}-`));
  const keep = process.env['WHEELHOUSE_E2E_KEEP'] === '1';
  return {
    path,
    remove: async () => {
      if (keep) console.log(`  kept ${path} (WHEELHOUSE_E2E_KEEP=1)`);
      else await rm(path, { recursive: true, force: true, maxRetries: 3 });
    },
  };
}
