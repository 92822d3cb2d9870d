/** SPDX licence expressions, checked against the SPDX licence list (spdx-license-ids, via spdx-expression-parse). */
import parseSpdx from 'spdx-expression-parse';
import deprecatedIds from 'spdx-license-ids/deprecated.json' with { type: 'json' };
import { NOASSERTION } from './vocabulary.js';

const DEPRECATED = new Set<string>(deprecatedIds);

export type LicenceVerdict =
  | { kind: 'valid'; ids: string[] }
  | { kind: 'unclear' }
  | { kind: 'deprecated'; ids: string[]; deprecated: string[] }
  | { kind: 'invalid'; message: string };

function licenceIds(info: parseSpdx.Info, into: string[]): string[] {
  if ('conjunction' in info) {
    licenceIds(info.left, into);
    licenceIds(info.right, into);
  } else {
    into.push(info.license);
  }
  return into;
}

/** Whether `expression` is a valid SPDX licence expression, NOASSERTION, or uses deprecated ids. */
export function checkLicence(expression: string): LicenceVerdict {
  if (expression === NOASSERTION) return { kind: 'unclear' };
  let info: parseSpdx.Info;
  try {
    info = parseSpdx(expression);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { kind: 'invalid', message: `"${expression}" is not an SPDX licence expression (${reason})` };
  }
  const ids = licenceIds(info, []);
  const deprecated = ids.filter((id) => DEPRECATED.has(id));
  return deprecated.length > 0 ? { kind: 'deprecated', ids, deprecated } : { kind: 'valid', ids };
}
