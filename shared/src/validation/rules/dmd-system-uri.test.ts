import { describe, expect, test } from 'vitest';
import { applyFix, observationWithCoding, run } from '../../../test/nhs-rules/harness.js';
import { dmdSystemUri } from './dmd-system-uri.js';

describe('dmd-system-uri', () => {
  test('https://dmd.nhs.uk is right', () =>
    expect(
      run(dmdSystemUri, observationWithCoding({ system: 'https://dmd.nhs.uk', code: '323509004' })),
    ).toEqual([]));
  test.each(['https://dmd.nhs.uk/', 'http://dmd.nhs.uk'])('%s is wrong', (s) => {
    const resource = observationWithCoding({ system: s, code: '323509004' });
    const [issue] = run(dmdSystemUri, resource);
    expect(issue?.severity).toBe('error');
    expect(applyFix(resource, issue!)).toEqual(
      observationWithCoding({ system: 'https://dmd.nhs.uk', code: '323509004' }),
    );
  });
});
