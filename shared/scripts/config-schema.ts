// Build step: writes the JSON Schema of wheelhouse.config.json to shared/schemas/ (committed, for editors).
// Run: pnpm build:config-schema   (shared/src/config/schema-file.test.ts fails when the file is stale)
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { configJsonSchema } from '../src/config/schema.ts';

const out = fileURLToPath(new URL('../schemas/wheelhouse.config.schema.json', import.meta.url));
const schema = { $id: 'https://github.com/wheelhouse-nhs/wheelhouse/blob/main/shared/schemas/wheelhouse.config.schema.json', ...configJsonSchema() };
writeFileSync(out, `${JSON.stringify(schema, null, 2)}\n`);
process.stdout.write(`wrote ${out}\n`);
