/**
 * SNOMED CT identifiers and URIs. SCTID rules: https://docs.snomed.org/snomed-ct-specifications/snomed-ct-release-file-specification/snomed-ct-identifiers
 * FHIR use: https://hl7.org/fhir/R4/snomedct.html
 */
import type { Finding } from './finding.js';

export const SNOMED_SYSTEM = 'http://snomed.info/sct';
export const SNOMED_UK_EDITION = '83821000000107';
export const SNOMED_INTERNATIONAL_EDITION = '900000000000207008';
export const SCT_DESCRIPTION_ID_EXTENSION = 'http://hl7.org/fhir/StructureDefinition/coding-sctdescid';

// Verhoeff (dihedral group D5) tables, as in the SNOMED check-digit specification (6.4.2).
const D = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
  [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
  [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
  [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
  [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
  [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
  [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
  [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
  [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
] as const;
const P = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
  [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
  [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
  [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
  [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
  [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
  [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
] as const;
const INV = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9] as const;

function d(a: number, b: number): number {
  return D[a]?.[b] ?? 0;
}
function p(i: number, digit: number): number {
  return P[i % 8]?.[digit] ?? 0;
}

/** The Verhoeff check digit to append to `digits` (a string of ASCII digits). */
export function verhoeffCheckDigit(digits: string): number {
  let c = 0;
  for (let i = 0; i < digits.length; i++) c = d(c, p(i + 1, Number(digits[digits.length - 1 - i])));
  return INV[c] ?? 0;
}

/** True when the last digit of `digits` is its Verhoeff check digit. */
export function isVerhoeffValid(digits: string): boolean {
  if (!/^[0-9]+$/.test(digits)) return false;
  let c = 0;
  for (let i = 0; i < digits.length; i++) c = d(c, p(i, Number(digits[digits.length - 1 - i])));
  return c === 0;
}

export type SctComponentType = 'concept' | 'description' | 'relationship' | 'expression' | 'reserved';

export interface SctidParts {
  partition: string;
  componentType: SctComponentType;
  /** Long format (partition 1x) only: the 7-digit namespace, e.g. 1000000 UK clinical, 1000001 UK drug (dm+d). */
  namespace?: string;
  checkDigit: number;
}

const PARTITION_TYPES: Record<string, SctComponentType> = {
  '00': 'concept',
  '01': 'description',
  '02': 'relationship',
  '10': 'concept',
  '11': 'description',
  '12': 'relationship',
  '16': 'expression',
};

/** Splits an SCTID (already 6–18 digits) into partition, component type, namespace and check digit. */
export function sctidParts(id: string): SctidParts {
  const partition = id.slice(-3, -1);
  const parts: SctidParts = {
    partition,
    componentType: PARTITION_TYPES[partition] ?? 'reserved',
    checkDigit: Number(id.slice(-1)),
  };
  if (partition.startsWith('1') && id.length >= 10) parts.namespace = id.slice(-10, -3);
  return parts;
}

/** True for a code that is a post-coordinated expression rather than a single id (skipped by sctid-*). */
export function isSnomedExpression(code: string): boolean {
  return /[|:={]/.test(code);
}

export interface SctidCheckOptions {
  /** What the id must identify: a concept in Coding.code (default), a description in the coding-sctdescid extension. */
  expect?: 'concept' | 'description';
  /** Noun used in messages, e.g. "dm+d code". */
  label?: string;
}

/** Runs sctid-format, sctid-verhoeff and sctid-partition. Expressions give no findings. */
export function checkSctid(code: string, options: SctidCheckOptions = {}): Finding[] {
  const label = options.label ?? 'SNOMED CT code';
  const expect = options.expect ?? 'concept';
  if (isSnomedExpression(code)) return [];
  if (!/^[1-9][0-9]{5,17}$/.test(code)) {
    const finding: Finding = {
      ruleId: 'sctid-format',
      severity: 'error',
      message: `${label} "${code}" is not an SCTID: it must be 6 to 18 digits with no leading zero and no spaces.`,
    };
    const trimmed = code.trim().replace(/^0+/, '');
    if (trimmed !== code && /^[1-9][0-9]{5,17}$/.test(trimmed) && isVerhoeffValid(trimmed)) {
      finding.fix = { title: `Use "${trimmed}"`, replacement: trimmed };
    }
    return [finding];
  }
  if (!isVerhoeffValid(code)) {
    const expected = verhoeffCheckDigit(code.slice(0, -1));
    return [
      {
        ruleId: 'sctid-verhoeff',
        severity: 'error',
        message: `${label} ${code} fails the Verhoeff check: the last digit should be ${expected}.`,
        data: { expectedCheckDigit: expected },
      },
    ];
  }
  const parts = sctidParts(code);
  if (parts.componentType !== expect) {
    const where =
      expect === 'concept'
        ? 'Coding.code must be a concept id (partition 00 or 10)'
        : 'the coding-sctdescid extension must hold a description id (partition 01 or 11)';
    return [
      {
        ruleId: 'sctid-partition',
        severity: 'error',
        message: `${label} ${code} has partition ${parts.partition} (${parts.componentType}); ${where}.`,
        data: { ...parts },
      },
    ];
  }
  return [];
}

const SNOMED_VERSION = /^http:\/\/snomed\.info\/sct\/([0-9]+)(?:\/version\/([0-9]{8}))?$/;

function isRealDate(yyyymmdd: string): boolean {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  const date = new Date(Date.UTC(y, m - 1, day));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === day;
}

/** snomed-version-format: Coding.version is `http://snomed.info/sct/<module>[/version/YYYYMMDD]`. */
export function checkSnomedVersion(version: string): Finding[] {
  const fail = (message: string, replacement?: string): Finding[] => {
    const finding: Finding = { ruleId: 'snomed-version-format', severity: 'error', message };
    if (
      replacement !== undefined &&
      replacement !== version &&
      checkSnomedVersion(replacement).length === 0
    ) {
      finding.fix = { title: `Use "${replacement}"`, replacement };
    }
    return [finding];
  };
  const repaired = version
    .trim()
    .replace(/\/+$/, '')
    .replace(/\/version\/(\d{4})-(\d{2})-(\d{2})$/, '/version/$1$2$3');
  const match = SNOMED_VERSION.exec(version);
  if (!match) {
    if (/^[0-9]{8}$/.test(version)) {
      return fail(
        `SNOMED CT version "${version}" is a bare date; use an edition URI such as http://snomed.info/sct/${SNOMED_UK_EDITION}/version/${version}.`,
      );
    }
    return fail(
      `SNOMED CT version "${version}" must be http://snomed.info/sct/<module id> optionally followed by /version/YYYYMMDD, with no trailing slash.`,
      repaired,
    );
  }
  const [, module = '', date] = match;
  const moduleFindings = checkSctid(module, { label: 'Edition module id' });
  if (moduleFindings.length > 0) {
    return fail(
      `SNOMED CT version "${version}" names module ${module}, which is not a valid concept id: ${moduleFindings[0]?.message ?? ''}`,
    );
  }
  if (date !== undefined && !isRealDate(date))
    return fail(`SNOMED CT version "${version}" has ${date}, which is not a real date.`);
  return [];
}

/** The edition module in a version URI, e.g. UK Edition for 83821000000107. */
export function snomedEditionName(module: string): string | undefined {
  if (module === SNOMED_UK_EDITION) return 'UK Edition';
  if (module === SNOMED_INTERNATIONAL_EDITION) return 'International Edition';
  return undefined;
}
