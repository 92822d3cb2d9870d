import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { componentJsonSchema } from './index.js';

describe('shared/schemas/component.schema.json', () => {
  test('is the export of ComponentSchema (re-run scripts/catalogue/export-json-schema.ts if this fails)', () => {
    const committed: unknown = JSON.parse(readFileSync(new URL('../../schemas/component.schema.json', import.meta.url), 'utf8'));
    expect(committed).toEqual(componentJsonSchema());
  });

  test('offers the known NHS services for completion and keeps URL and plain-text patterns', () => {
    const schema = componentJsonSchema() as { properties: Record<string, { properties?: Record<string, unknown>; pattern?: string }> };
    const text = JSON.stringify(schema.properties.nhs);
    expect(text).toContain('"GP Connect"');
    expect(text).toContain('"SNOMED CT"');
    expect(schema.properties.url?.pattern).toMatch(/^\^https\?/);
  });
});
