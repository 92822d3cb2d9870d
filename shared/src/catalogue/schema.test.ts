import { describe, expect, test } from 'vitest';
import { ComponentSchema, licenceLabel, type ComponentInput } from './index.js';

const valid: ComponentInput = {
  publiccodeYmlVersion: '0.7',
  id: 'example-tool',
  name: 'Example tool',
  url: 'https://github.com/example/tool',
  softwareType: 'library',
  developmentStatus: 'stable',
  categories: ['testing'],
  description: { en: { shortDescription: 'Checks that a < b for every pair.' } },
  legal: { license: 'MIT' },
  maintenance: { type: 'community' },
  nhs: {},
};

const firstMessage = (value: unknown) => ComponentSchema.safeParse(value).error?.issues[0]?.message;

describe('ComponentSchema', () => {
  test('a minimal manifest passes and gets empty nhs lists', () => {
    const parsed = ComponentSchema.parse(valid);
    expect(parsed.nhs).toEqual({
      services: [],
      standards: [],
      related: [],
      nations: [],
      adopters: [],
      evidence: [],
      matching: { terms: [], antiTerms: [] },
    });
    expect(parsed.platforms).toEqual([]);
  });

  test.each([
    ['javascript: URL', { url: 'javascript:alert(1)' }],
    ['JAVASCRIPT: URL in capitals', { url: 'JAVASCRIPT:alert(1)' }],
    ['data: URL', { url: 'data:text/html,<script>alert(1)</script>' }],
    ['file: URL', { url: 'file:///etc/passwd' }],
    ['URL with a quote', { url: 'https://github.com/a/b"onmouseover="x' }],
    ['landing page javascript:', { landingURL: 'javascript:void(0)' }],
  ])('rejects a %s', (_label, patch) => {
    expect(firstMessage({ ...valid, ...patch })).toMatch(/http\(s\) URL/);
  });

  test.each([
    ['a script tag in the name', { name: 'Tool<script>alert(1)</script>' }],
    ['an img tag in the summary', { description: { en: { shortDescription: 'Nice <img src=x onerror=alert(1)>' } } }],
    ['a closing tag', { name: 'Tool</title>' }],
    ['an HTML comment', { name: 'Tool <!-- x -->' }],
    ['javascript: in text', { description: { en: { shortDescription: 'see javascript:alert(1)' } } }],
    ['vbscript: in a feature', { description: { en: { shortDescription: 'ok', features: ['VBScript:msgbox'] } } }],
    ['a control character', { name: 'Tool\u0007' }],
  ])('rejects %s', (_label, patch) => {
    expect(firstMessage({ ...valid, ...patch })).toMatch(/plain text/);
  });

  test('rejects hostile adopter and evidence links', () => {
    expect(firstMessage({ ...valid, nhs: { adopters: [{ organisation: 'Trust', source: 'javascript:alert(1)' }] } })).toMatch(/URL/);
    expect(firstMessage({ ...valid, nhs: { evidence: [{ type: 'DTAC', url: 'data:,x' }] } })).toMatch(/URL/);
    expect(firstMessage({ ...valid, nhs: { adopters: [{ organisation: '<b>Trust</b>', source: 'https://example.org' }] } })).toMatch(/plain text/);
  });

  test('rejects unknown fields, bad ids and bad ODS codes', () => {
    expect(ComponentSchema.safeParse({ ...valid, licence: 'MIT' }).error?.issues[0]?.code).toBe('unrecognized_keys');
    expect(firstMessage({ ...valid, id: 'Example_Tool' })).toMatch(/kebab-case/);
    expect(firstMessage({ ...valid, nhs: { adopters: [{ organisation: 'Trust', odsCode: 'rrk', source: 'https://example.org' }] } })).toMatch(/ODS/);
  });

  test('accepts unknown services as plain text but not markup', () => {
    expect(ComponentSchema.parse({ ...valid, nhs: { services: ['PDS', 'New national service'] } }).nhs.services).toEqual(['PDS', 'New national service']);
    expect(firstMessage({ ...valid, nhs: { services: ['<svg onload=alert(1)>'] } })).toMatch(/plain text/);
  });

  test('allows ordinary punctuation in text', () => {
    const text = 'Works with FHIR R4 & STU3; a < b, 50% faster (see https://example.org/x?a=1).';
    expect(ComponentSchema.safeParse({ ...valid, description: { en: { shortDescription: text } } }).success).toBe(true);
  });

  test('shortDescription is at most 150 characters, as in publiccode.yml', () => {
    expect(firstMessage({ ...valid, description: { en: { shortDescription: 'x'.repeat(151) } } })).toMatch(/150/);
  });

  test('NOASSERTION reads "licence unclear"', () => {
    expect(licenceLabel('NOASSERTION')).toBe('licence unclear');
    expect(licenceLabel('MIT OR Apache-2.0')).toBe('MIT OR Apache-2.0');
  });
});
