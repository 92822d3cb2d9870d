import { describe, expect, test } from 'vitest';
import { cpvLabel, findCpvCodes, isDigitalCpv, normaliseCpv } from './cpv.js';

describe('CPV codes', () => {
  test('found in notice text with or without check digit, once each', () => {
    expect(findCpvCodes('Main CPV code: 48814000-7. Additional: 72263000, 48814000')).toEqual(['48814000', '72263000']);
    expect(findCpvCodes('Notice identifier: 2023/S 000-123456')).toEqual([]);
  });

  test('normalised to 8 digits; junk dropped', () => {
    expect(normaliseCpv(' 48180000-3 ')).toBe('48180000');
    expect(normaliseCpv('4818')).toBeUndefined();
    expect(normaliseCpv('48180000-33')).toBeUndefined();
  });

  test('labels come from the code or its nearest listed parent', () => {
    expect(cpvLabel('48814200')).toBe('Patient-administration system');
    expect(cpvLabel('48814900')).toBe('Medical information systems');
    expect(cpvLabel('85140000')).toBeUndefined();
  });

  test('software, IT services and computer equipment are digital; services and goods are not', () => {
    expect(['48000000', '72212180', '30213000'].every(isDigitalCpv)).toBe(true);
    expect(['85149000', '79411000', '33600000'].some(isDigitalCpv)).toBe(false);
  });
});
