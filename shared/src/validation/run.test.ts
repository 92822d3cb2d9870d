import { describe, expect, test } from 'vitest';
import { definitionsMissing, validator } from '../../test/engine.js';
import { defineRule } from './rule.js';
import { rules } from './rules/index.js';

describe.skipIf(definitionsMissing !== undefined)('createValidator', () => {
  test('JSON that is not FHIR gets no FHIR issues', () => {
    const r = validator().validate('{"name": "my-package", "version": "1.0.0", "dependencies": {}}');
    expect(r).toEqual({ issues: [], format: 'json', isFhir: false });
  });
  test('a throwing rule is reported by id and the other rules still run', () => {
    const boom = defineRule({
      id: 'boom',
      severity: 'error',
      description: 'test rule that throws',
      elements: {
        code() {
          throw new Error('kaput');
        },
      },
    });
    const v = validator([boom, ...rules]);
    const { issues } = v.validate('{"resourceType":"Patient","gender":"female","foo":1}');
    const ids = issues.map((i) => i.ruleId);
    expect(ids).toContain('internal-rule-error');
    expect(ids).toContain('unknown-property');
    expect(issues.find((i) => i.ruleId === 'internal-rule-error')?.message).toContain('Rule "boom" failed');
  });
  test("a '*' hook runs only where anyElementApplies says so; a throwing answer lets it run", () => {
    const seen = (applies: (type: string) => boolean): string[] => {
      const types: string[] = [];
      const spy = defineRule({
        id: 'spy',
        severity: 'error',
        description: 'test rule that records the element types its * hook sees',
        anyElementApplies: (_definition, type) => applies(type),
        elements: {
          '*'(ctx) {
            types.push(ctx.elementType);
          },
        },
      });
      validator([spy]).validate('{"resourceType":"Patient","gender":"female","name":[{"family":"Doe"}],"birthDate":"1985-07-14"}');
      return types.sort();
    };
    expect(seen(() => true)).toEqual(['HumanName', 'code', 'date', 'string']);
    expect(seen((type) => type === 'HumanName' || type === 'date')).toEqual(['HumanName', 'date']);
    expect(
      seen(() => {
        throw new Error('kaput');
      }),
    ).toEqual(['HumanName', 'code', 'date', 'string']);
  });
  test('per-rule overrides: off and severity', () => {
    const text = '{"resourceType":"Patient","foo":1}';
    expect(validator().validate(text, { rules: { 'unknown-property': 'off' } }).issues.filter((i) => i.ruleId === 'unknown-property')).toEqual([]);
    expect(validator().validate(text, { rules: { 'unknown-property': 'warning' } }).issues.find((i) => i.ruleId === 'unknown-property')?.severity).toBe('warning');
  });
  test('an aborted signal stops validation', () => {
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    expect(() => validator().validate('{"resourceType":"Patient"}', { signal: controller.signal })).toThrow('stop');
  });
  test('issues carry location, docs and a path that resolves to the range', () => {
    const text = '{"resourceType":"Bundle","type":"collection","entry":[{"resource":{"resourceType":"Patient","birthDate":"85-07-14"}}]}';
    const issue = validator().validate(text).issues.find((i) => i.ruleId === 'primitive-format')!;
    expect(issue.location).toBe('Bundle.entry[0].resource.birthDate');
    expect(issue.path).toEqual(['entry', 0, 'resource', 'birthDate']);
    expect(text.slice(issue.offset, issue.offset + issue.length)).toBe('"85-07-14"');
    expect(issue.docs).toBe('https://github.com/wheelhouse-nhs/wheelhouse/blob/main/docs/rules/primitive-format.md');
  });
  test('100,000-deep JSON inside a resource is reported, not overflowed', () => {
    const depth = 100_000;
    const text = `{"resourceType":"Patient","extension":[${'['.repeat(depth)}${']'.repeat(depth)}]}`;
    const { issues } = validator().validate(text);
    expect(issues.map((i) => i.ruleId)).toContain('json-type');
  });
  test('contained resources are walked, and skipped with validateContained: false', () => {
    const text = JSON.stringify({ resourceType: 'Patient', contained: [{ resourceType: 'Organization', id: 'o1', bogus: 1 }], managingOrganization: { reference: '#o1' } });
    const ids = (settings: Record<string, unknown>): string[] => validator().validate(text, { settings }).issues.map((i) => i.ruleId);
    expect(ids({})).toContain('unknown-property');
    expect(ids({ validateContained: false })).not.toContain('unknown-property');
  });
  test('deeply nested extensions do not overflow the walker', () => {
    // Built as text: JSON.stringify itself recurses. (Rules that read every element's path make this
    // quadratic in depth, so the depth here is moderate; the parser test covers 100,000 levels.)
    const depth = 2_000;
    const open = '{"url":"http://example.org/n","extension":['.repeat(depth);
    const text = `{"resourceType":"Patient","extension":[${open}{"url":"http://example.org/leaf","valueString":"x"}${']}'.repeat(depth)}]}`;
    const { issues } = validator().validate(text);
    expect(issues.filter((i) => i.severity === 'error' && i.ruleId !== 'internal-rule-error')).toEqual([]);
  });
});
