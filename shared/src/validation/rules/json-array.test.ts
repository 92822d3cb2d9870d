import { describe, expect, test } from 'vitest';
import { definitionsMissing, issuesOf, validator } from '../../../test/engine.js';

const pat = { resourceType: 'Patient', id: 'p1', name: [{ family: 'Smith', given: ['Jane'] }], gender: 'female', birthDate: '1985-07-14' };

describe.skipIf(definitionsMissing !== undefined)('json-array', () => {
  const v = definitionsMissing ? undefined : validator();
  const run = (input: unknown): string[] => issuesOf(v!, 'json-array', input);

  test('valid: arrays for repeating elements only', () => expect(run(pat)).toEqual([]));
  test.each([
    ['single value for a repeating element', { ...pat, name: { family: 'Smith' } }, 'Patient.name: Patient.name can repeat (max *), so it must be a JSON array, not a single value'],
    ['array for a single element', { ...pat, gender: ['female'] }, 'Patient.gender: Patient.gender cannot repeat (max 1), so it must be a single value, not an array'],
  ])('invalid: %s', (_n, input, message) => expect(run(input)).toEqual([message]));
  test('fix wraps the value in an array', () => {
    const text = '{"resourceType":"Patient","name":{"family":"Smith"}}';
    const issue = v!.validate(text).issues.find((i) => i.ruleId === 'json-array')!;
    expect(issue.fix?.edits).toEqual([{ offset: 33, length: 18, newText: '[{"family":"Smith"}]' }]);
  });
});
