import { describe, expect, test } from 'vitest';
import { definitionsMissing, validator } from '../../../test/engine.js';

describe.skipIf(definitionsMissing !== undefined)('json-syntax', () => {
  const v = definitionsMissing ? undefined : validator();
  const run = (text: string): string[] =>
    v!
      .validate(text)
      .issues.filter((i) => i.ruleId === 'json-syntax')
      .map((i) => `${i.offset}+${i.length} ${i.message}`);
  test.each([
    ['object', '{"resourceType":"Patient","id":"p1"}'],
    ['with BOM and whitespace', '\ufeff\n  {"resourceType":"Patient"}\n'],
  ])('valid: %s', (_n, text) => expect(run(text)).toEqual([]));
  test.each([
    ['missing comma', '{"resourceType":"Patient" "id":"p1"}', ['26+1 "," expected between properties']],
    ['trailing comma', '{"resourceType":"Patient",}', ['25+1 Trailing comma: remove it or add a property']],
    ['unterminated', '{"resourceType":"Patient", "name":[', ['34+1 Unexpected end of text: "]" expected']],
    ['comment', '{"resourceType":"Patient" // note\n}', ['26+7 Comments are not allowed in JSON']],
    ['empty document', '   ', ['0+3 The document is empty: a JSON value is expected']],
  ])('invalid: %s', (_n, text, expected) => expect(run(text)).toEqual(expected));
  test('validates what parsed around a syntax error', () => {
    const { issues } = v!.validate('{"resourceType":"Patient","gender":"female" "birthDate":"85-07-14"}');
    expect(issues.map((i) => i.ruleId)).toEqual(['json-syntax', 'primitive-format']);
  });
});
