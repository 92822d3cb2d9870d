import { z } from 'zod';
import { ComponentSchema } from './schema.js';

/** Where the exported schema is published; manifests point at the repository copy by relative path. */
export const COMPONENT_SCHEMA_ID = 'https://wheelhouse-nhs.github.io/wheelhouse/component.schema.json';

/**
 * The manifest schema as JSON Schema (draft-07, which yaml-language-server and VS Code both read) for
 * editor completion and checking. Input shape: fields with defaults are optional. Written to
 * shared/schemas/component.schema.json by scripts/catalogue/export-json-schema.ts; a test keeps it in step.
 */
export function componentJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(ComponentSchema, { target: 'draft-7', io: 'input', unrepresentable: 'any' });
  return { ...schema, $id: COMPONENT_SCHEMA_ID };
}
