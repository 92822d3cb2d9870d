// The committed JSON Schema must match the zod schema; regenerate with `pnpm build:config-schema`.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { configJsonSchema } from './index.js';

test('shared/schemas/wheelhouse.config.schema.json is up to date', () => {
  const file = fileURLToPath(new URL('../../schemas/wheelhouse.config.schema.json', import.meta.url));
  const committed = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  const { $id: _id, ...rest } = committed;
  expect(rest).toEqual(configJsonSchema());
});
