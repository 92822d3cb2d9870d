import { describe, expect, test } from 'vitest';
import { definitionsMissing, validator } from '../../../test/engine.js';
import { defineRule } from '../rule.js';
import { rules } from './index.js';

const throwing = (where: 'resource' | 'element') =>
  defineRule({
    id: `throws-in-${where}`,
    severity: 'error',
    description: 'test rule that throws',
    ...(where === 'resource'
      ? { resource: () => { throw new TypeError('bad resource'); } }
      : { elements: { HumanName: () => { throw new RangeError('bad name'); } } }),
  });

describe.skipIf(definitionsMissing !== undefined)('internal-rule-error', () => {
  test('valid: no rule throws on ordinary input', () => {
    const { issues } = validator().validate('{"resourceType":"Patient","name":[{"family":"Smith"}]}');
    expect(issues.filter((i) => i.ruleId === 'internal-rule-error')).toEqual([]);
  });
  test.each(['resource', 'element'] as const)('invalid: a rule throwing in its %s hook is reported by id', (where) => {
    const v = validator([throwing(where), ...rules]);
    const { issues } = v.validate('{"resourceType":"Patient","name":[{"family":"Smith"}],"foo":1}');
    const internal = issues.filter((i) => i.ruleId === 'internal-rule-error');
    expect(internal).toHaveLength(1);
    expect(internal[0]!.message).toContain(`Rule "throws-in-${where}" failed`);
    expect(internal[0]!.data).toEqual({ ruleId: `throws-in-${where}` });
    expect(issues.some((i) => i.ruleId === 'unknown-property')).toBe(true);
  });
});
