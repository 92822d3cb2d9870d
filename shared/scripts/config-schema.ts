// Build step: writes the JSON Schema of wheelhouse.config.json to shared/schemas/ (committed, for editors).
// Run: pnpm build:config-schema   (shared/src/config/schema-file.test.ts fails when the file is stale)
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type * as SchemaModule from '../src/config/schema.js';

// Node runs this file with type stripping, so it imports the .ts source (which needs only zod) by URL.
const schemaModule = new URL('../src/config/schema.ts', import.meta.url).href;
const { configJsonSchema } = (await import(schemaModule)) as typeof SchemaModule;

const out = fileURLToPath(new URL('../schemas/wheelhouse.config.schema.json', import.meta.url));
const schema = {
  $id: 'https://github.com/wheelhouse-nhs/wheelhouse/blob/main/shared/schemas/wheelhouse.config.schema.json',
  ...configJsonSchema(),
};
writeFileSync(out, `${JSON.stringify(schema, null, 2)}\n`);
process.stdout.write(`wrote ${out}\n`);
