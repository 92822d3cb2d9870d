import { describe, expect, test } from 'vitest';
import { definitionsMissing, validator } from '../../../test/engine.js';

describe.skipIf(definitionsMissing !== undefined)('json-duplicate-key', () => {
  const v = definitionsMissing ? undefined : validator();
  const run = (text: string): string[] =>
    v!
      .validate(text)
      .issues.filter((i) => i.ruleId === 'json-duplicate-key')
      .map((i) => `${text.slice(i.offset, i.offset + i.length)} ${i.message}`);
  test.each([
    ['same key in different objects', '{"resourceType":"Patient","name":[{"family":"A"},{"family":"B"}]}'],
    ['key text inside a string value', '{"resourceType":"Patient","id":"p1","text":{"status":"generated","div":"<div xmlns=\\"http://www.w3.org/1999/xhtml\\">\\"id\\"</div>"}}'],
  ])('valid: %s', (_n, text) => expect(run(text)).toEqual([]));
  test.each([
    ['top level', '{"resourceType":"Patient","gender":"female","gender":"male"}', ['"gender" Duplicate property "gender": JSON objects must not repeat a name']],
    ['nested, also in half-typed JSON', '{"resourceType":"Patient","name":[{"family":"A","family":"B"}],}', ['"family" Duplicate property "family": JSON objects must not repeat a name']],
  ])('invalid: %s', (_n, text, expected) => expect(run(text)).toEqual(expected));
});
