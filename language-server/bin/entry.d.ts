/** Types of bin/entry.js for the tests (test/bins.test.ts). */
export function pickEntry(
  name: 'cli' | 'server',
  root?: URL,
  env?: Readonly<Record<string, string | undefined>>,
): { url: URL; bundle: boolean };
