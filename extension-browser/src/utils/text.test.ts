import { describe, expect, it } from 'vitest';
import { clip, cpvCodesIn, visibleText } from './text';

describe('cpvCodesIn', () => {
  it('reads 8-digit codes with or without check digit, in order, once each', () => {
    expect(cpvCodesIn('48000000 - Software; 72000000-5 IT services; again 48000000')).toEqual(['48000000', '72000000']);
  });
  it('ignores longer numbers and notice identifiers', () => {
    expect(cpvCodesIn('Notice 2024/S 000-012345, phone 0123456789, ocds-h6vhtk-04a1b2')).toEqual([]);
  });
});

describe('visibleText', () => {
  it('drops screen-reader duplicates, hidden nodes and scripts', () => {
    document.body.innerHTML =
      '<h4 id="h"><span class="aria-only">two.1.4) Short description</span><span aria-hidden="true">II.1.4) Short description</span></h4>' +
      '<div id="d">Shown <span hidden>hidden</span><script>var x = 1;</script> text</div>';
    expect(visibleText(document.getElementById('d'))).toBe('Shown text');
  });
});

describe('clip', () => {
  it('cuts on a word boundary', () => {
    expect(clip('one two three four', 10)).toBe('one two');
    expect(clip('short', 10)).toBe('short');
  });
});
