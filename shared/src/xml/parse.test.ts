// FHIR XML: the tree matches FHIR JSON, XML-only findings become xml-* issues, and the XML and
// JSON forms of the same resource give the same issues (UK Core 2.0.2 pairs from ../shared).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadR4Definitions } from '../node/definitions.js';
import { createValidator } from '../validation/index.js';
import { nodeFhirPathProvider } from '../node/fhirpath.js';
import { parseFhirXml } from './parse.js';

const definitions = loadR4Definitions();
const validator = createValidator({ definitions, fhirpath: nodeFhirPathProvider });
const ids = (text: string): string[] => validator.validate(text, { fileName: 'x.xml' }).issues.map((i) => `${i.ruleId} ${i.location}`);

const patient = `<?xml version="1.0" encoding="UTF-8"?>
<Patient xmlns="http://hl7.org/fhir">
  <id value="p1"/>
  <text><status value="generated"/><div xmlns="http://www.w3.org/1999/xhtml"><p>Hi &amp; bye</p></div></text>
  <contained><Organization><id value="o1"/><name value="Org"/></Organization></contained>
  <identifier><system value="https://fhir.nhs.uk/Id/nhs-number"/><value value="9000000009"/></identifier>
  <active value="true"/>
  <name><given value="A"/><given id="g2"><extension url="http://example.org/x"><valueString value="e"/></extension></given></name>
  <birthDate><extension url="http://hl7.org/fhir/StructureDefinition/patient-birthTime"><valueDateTime value="1970-01-01T10:00:00Z"/></extension></birthDate>
  <multipleBirthInteger value="2"/>
</Patient>`;

describe('parseFhirXml', () => {
  test('builds the FHIR JSON form: arrays from the definitions, typed primitives, companions, narrative', () => {
    const doc = parseFhirXml(patient, definitions);
    expect(doc.xml.syntaxErrors).toEqual([]);
    expect(doc.root?.value).toEqual({
      resourceType: 'Patient',
      id: 'p1',
      text: { status: 'generated', div: '<div xmlns="http://www.w3.org/1999/xhtml"><p>Hi &amp; bye</p></div>' },
      identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: '9000000009' }],
      active: true,
      name: [{ given: ['A', null], _given: [null, { id: 'g2', extension: [{ url: 'http://example.org/x', valueString: 'e' }] }] }],
      _birthDate: { extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/patient-birthTime', valueDateTime: '1970-01-01T10:00:00Z' }] },
      multipleBirthInteger: 2,
      contained: [{ resourceType: 'Organization', id: 'o1', name: 'Org' }],
    });
    expect(doc.xml.findings).toEqual([]);
  });

  test('issue ranges point into the XML: a primitive at its value attribute', () => {
    const text = patient.replace('value="9000000009"', 'value="9000000001"');
    const issue = validator.validate(text, { fileName: 'p.xml' }).issues.find((i) => i.ruleId === 'nhs-number-checksum');
    expect(issue && text.slice(issue.offset, issue.offset + issue.length)).toBe('"9000000001"');
  });

  test('XML-only rules: namespace, value attribute, element order, xhtml', () => {
    expect(ids('<Patient><id value="x"/></Patient>')).toContain('xml-namespace Patient');
    expect(ids('<Patient xmlns="http://hl7.org/fhir"><active/></Patient>')).toContain('xml-value-attribute Patient.active');
    expect(ids('<Patient xmlns="http://hl7.org/fhir"><name value="x"><family value="a"/></name></Patient>')).toContain('xml-value-attribute Patient.name[0]');
    expect(ids('<Patient xmlns="http://hl7.org/fhir"><active value="true"/><id value="x"/></Patient>')).toContain('xml-element-order Patient.id');
    expect(ids('<Patient xmlns="http://hl7.org/fhir"><text><status value="generated"/><div>hi</div></text></Patient>')).toContain('xml-xhtml Patient.text.div');
    expect(ids('<Patient xmlns="http://hl7.org/fhir"><id value="x"/></Patient>').filter((i) => i.startsWith('xml-'))).toEqual([]);
  });

  test('a self-closing element inside an element of the same name closes only itself', () => {
    const doc = parseFhirXml('<Questionnaire xmlns="http://hl7.org/fhir"><status value="draft"/><code><system value="s"/><code value="c"/><display value="d"/></code></Questionnaire>', definitions);
    expect(doc.root?.value).toEqual({ resourceType: 'Questionnaire', status: 'draft', code: [{ system: 's', code: 'c', display: 'd' }] });
  });

  test('malformed XML is an xml-syntax error, never a throw', () => {
    const result = validator.validate('<Patient xmlns="http://hl7.org/fhir"><id value="x"></Patient>', { fileName: 'bad.xml' });
    expect(result.format).toBe('xml');
    expect(result.issues.some((i) => i.ruleId === 'xml-syntax')).toBe(true);
    expect(validator.validate('<not-fhir/>', { fileName: 'a.xml' }).isFhir).toBe(false);
  });
});

const ukCore = resolve(import.meta.dirname, '../../../../shared/fhir/sources/uk-core/2.0.2');
if (!existsSync(ukCore)) console.log(`skipping XML/JSON pairs: ${ukCore} is absent (shared FHIR data beside the repo)`);

describe.skipIf(!existsSync(ukCore))('UK Core 2.0.2 XML and JSON pairs', () => {
  test('each XML file gives the same issues as its JSON conversion (xml-* rules aside)', () => {
    const files: string[] = [];
    const walk = (d: string): void => {
      for (const n of readdirSync(d)) {
        const f = join(d, n);
        if (statSync(f).isDirectory()) walk(f);
        else if (f.endsWith('.xml')) files.push(f);
      }
    };
    walk(join(ukCore, 'xml'));
    expect(files.length).toBe(338);
    const key = (i: { ruleId: string; severity: string; path: readonly (string | number)[]; message: string }): string => `${i.ruleId} ${i.severity} ${JSON.stringify(i.path)} ${i.message}`;
    const mismatches: string[] = [];
    for (const f of files) {
      const jf = f.replace('/xml/', '/json/').replace(/\.xml$/, '.json');
      const x = validator.validate(readFileSync(f, 'utf8'), { fileName: f }).issues.filter((i) => !i.ruleId.startsWith('xml-')).map(key).sort();
      const j = validator.validate(readFileSync(jf, 'utf8'), { fileName: jf }).issues.map(key).sort();
      if (JSON.stringify(x) !== JSON.stringify(j)) mismatches.push(`${f}: xml ${x.join('; ')} | json ${j.join('; ')}`);
    }
    expect(mismatches).toEqual([]);
  }, 60_000);
});
