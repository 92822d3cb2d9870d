/**
 * Tokens of the FHIRPath subset the mini evaluator compiles (./mini-fhirpath.ts); FHIRPath N1 grammar
 * (http://hl7.org/fhirpath/N1/grammar.html). Anything else gives undefined: the expression goes to fhirpath.js.
 */
export type Tok = { k: 'id' | 'str' | 'num' | 'op' | 'var' | 'eof'; v: string };

const ESCAPES: Readonly<Record<string, string>> = {
  "'": "'",
  '"': '"',
  '`': '`',
  '\\': '\\',
  '/': '/',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

/** FHIRPath tokens of the subset; undefined for anything else (the expression then goes to fhirpath.js). */
export function tokenize(src: string): Tok[] | undefined {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    if (c === "'") {
      // String literal with the escapes of the FHIRPath grammar (N1 "String"); others are lexer errors.
      let j = i + 1;
      let s = '';
      while (j < src.length && src[j] !== "'") {
        if (src[j] === '\\') {
          const e = src[j + 1];
          if (e === 'u') {
            const hex = src.slice(j + 2, j + 6);
            if (!/^[0-9a-fA-F]{4}$/.test(hex)) return undefined;
            s += String.fromCharCode(parseInt(hex, 16));
            j += 6;
            continue;
          }
          const r = e === undefined ? undefined : ESCAPES[e];
          if (r === undefined) return undefined;
          s += r;
          j += 2;
          continue;
        }
        s += src[j++];
      }
      if (j >= src.length) return undefined;
      out.push({ k: 'str', v: s });
      i = j + 1;
      continue;
    }
    const rest = src.slice(i, i + 200);
    if (c >= '0' && c <= '9') {
      const m = /^[0-9]+(\.[0-9]+)?/.exec(rest)!;
      out.push({ k: 'num', v: m[0] });
      i += m[0].length;
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(rest)!;
      out.push({ k: 'id', v: m[0] });
      i += m[0].length;
      continue;
    }
    if (c === '$') {
      if (!rest.startsWith('$this') || /[A-Za-z0-9_]/.test(rest[5] ?? '')) return undefined;
      out.push({ k: 'var', v: '$this' });
      i += 5;
      continue;
    }
    if (c === '%') {
      const m = /^%([A-Za-z][A-Za-z0-9]*)/.exec(rest);
      if (m?.[1] === 'ucum') {
        // %ucum is the UCUM system URI (FHIRPath for FHIR, https://hl7.org/fhir/R4/fhirpath.html#variables).
        out.push({ k: 'str', v: 'http://unitsofmeasure.org' });
        i += m[0].length;
        continue;
      }
      if (!m || (m[1] !== 'resource' && m[1] !== 'rootResource' && m[1] !== 'context')) return undefined;
      out.push({ k: 'var', v: m[0] });
      i += m[0].length;
      continue;
    }
    const two = src.slice(i, i + 2);
    if (two === '<=' || two === '>=' || two === '!=') {
      out.push({ k: 'op', v: two });
      i += 2;
      continue;
    }
    if ('().,=<>|+&'.includes(c)) {
      out.push({ k: 'op', v: c });
      i++;
      continue;
    }
    return undefined; // $index, %vars, -, *, /, [, ~, `identifiers`, @dates: not in the subset
  }
  out.push({ k: 'eof', v: '' });
  return out;
}
