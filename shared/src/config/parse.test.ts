import { describe, expect, test } from 'vitest';
import { configJsonSchema, DEFAULT_CONFIG, parseConfig } from './index.js';

describe('parseConfig', () => {
  test('empty object gives every default', () => {
    const r = parseConfig('{}');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.config).toEqual(DEFAULT_CONFIG);
    expect(r.config.fhirVersion).toBe('4.0.1');
    expect(r.config.catalogue).toEqual({
      repository: 'wheelhouse-nhs/wheelhouse',
      url: 'https://wheelhouse-nhs.github.io/wheelhouse',
    });
  });

  test('reads a full config with comments and trailing commas', () => {
    const text = `{
      // NHS rules
      "rules": { "nhs-number-test-range": "off", "ods-code-shape": "warning" },
      "profiles": ["https://fhir.hl7.org.uk/StructureDefinition/UKCore-Patient"],
      "packages": { "fhir.r4.ukcore.stu2": "2.0.2" },
      "pdsCompatibility": true,
      "fhirVersion": "3.0.2",
      "allowUnresolvedExtensionDomains": ["https://example.org/"],
      "catalogue": { "repository": "acme/catalogue" },
    }`;
    const r = parseConfig(text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.config.rules['nhs-number-test-range']).toBe('off');
    expect(r.config.pdsCompatibility).toBe(true);
    expect(r.config.catalogue.url).toBe('https://wheelhouse-nhs.github.io/wheelhouse');
    expect(r.config.catalogue.repository).toBe('acme/catalogue');
  });

  test('bad severity is located at the value', () => {
    const text = '{\n  "rules": {\n    "nhs-number-checksum": "fatal"\n  }\n}';
    const r = parseConfig(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toHaveLength(1);
    const e = r.errors[0];
    expect(e?.path).toEqual(['rules', 'nhs-number-checksum']);
    expect(e?.line).toBe(3);
    expect(text.slice(e?.offset, (e?.offset ?? 0) + (e?.length ?? 0))).toBe('"fatal"');
    expect(e?.message).toMatch(/rules\.nhs-number-checksum/);
  });

  test('unknown top-level key suggests the nearest setting', () => {
    const text = '{ "pdsCompatability": true }';
    const r = parseConfig(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0]?.message).toContain('did you mean "pdsCompatibility"');
    expect(text.slice(r.errors[0]?.offset, (r.errors[0]?.offset ?? 0) + (r.errors[0]?.length ?? 0))).toBe(
      '"pdsCompatability"',
    );
  });

  test('invalid JSON is an error, not an exception', () => {
    const r = parseConfig('{ "rules": ');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0]?.message).toMatch(/Invalid JSON/);
  });

  test('wrong types and bad repository are reported', () => {
    const r = parseConfig(
      '{ "pdsCompatibility": "yes", "catalogue": { "repository": "no-slash" }, "fhirVersion": "R4" }',
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const paths = r.errors.map((e) => e.path.join('.'));
    expect(paths).toEqual(
      expect.arrayContaining(['pdsCompatibility', 'catalogue.repository', 'fhirVersion']),
    );
  });

  test('unknown rule ids warn when the rule list is given', () => {
    const r = parseConfig('{ "rules": { "nhs-number-chksum": "off" } }', {
      knownRules: ['nhs-number-checksum'],
    });
    expect(r.ok).toBe(true);
    expect(r.warnings[0]?.message).toContain('did you mean "nhs-number-checksum"');
  });

  test('JSON Schema describes every setting', () => {
    const schema = configJsonSchema() as {
      properties: Record<string, unknown>;
      additionalProperties: unknown;
    };
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining([
        'rules',
        'profiles',
        'packages',
        'pdsCompatibility',
        'fhirVersion',
        'catalogue',
        'allowUnresolvedExtensionDomains',
      ]),
    );
    expect(schema.additionalProperties).toBe(false);
  });
});
