/**
 * Writes shared/schemas/component.schema.json from the zod schema, for editors (yaml-language-server
 * modelines in each manifest, `yaml.schemas` in .vscode/settings.json).
 *
 *   pnpm exec tsc -b && pnpm exec node scripts/catalogue/export-json-schema.ts
 *
 * shared/src/catalogue/json-schema.test.ts fails when the committed file is out of date.
 */
import { writeFileSync } from 'node:fs';
import { componentJsonSchema } from '../../shared/dist/catalogue/index.js';

const target = new URL('../../shared/schemas/component.schema.json', import.meta.url);
writeFileSync(target, `${JSON.stringify(componentJsonSchema(), null, 2)}\n`);
process.stdout.write(`wrote ${target.pathname}\n`);
