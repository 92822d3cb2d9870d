/**
 * Hover and completion over real JSON-RPC (issue 7).
 */
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import {
  CompletionRequest,
  HoverRequest,
  type CompletionItem,
  type CompletionList,
  type Hover,
  type MarkupContent,
  type TextEdit,
} from 'vscode-languageserver/node';
import { REGISTERED_IDENTIFIER_SYSTEMS } from '@wheelhouse/shared/identifiers';
import { describeIdentifierSystem } from '../src/features/identifier-systems.js';
import { ensureHoverData, positionOf, startSession, type Session } from './lsp-client.js';

let session: Session | undefined;
beforeAll(() => ensureHoverData());
afterEach(() => {
  session?.dispose();
  session = undefined;
});

async function hover(text: string, needle: string, delta = 1): Promise<string | undefined> {
  session = await startSession();
  await session.open('file:///ws/r.json', text);
  const h: Hover | null = await session.client.sendRequest(HoverRequest.type, {
    textDocument: { uri: 'file:///ws/r.json' },
    position: positionOf(text, needle, delta),
  });
  return h ? (h.contents as MarkupContent).value : undefined;
}

async function complete(
  text: string,
  needle: string,
  delta: number,
  capabilities?: Parameters<typeof startSession>[0],
): Promise<CompletionItem[]> {
  session = await startSession(capabilities);
  await session.open('file:///ws/r.json', text);
  const result = (await session.client.sendRequest(CompletionRequest.type, {
    textDocument: { uri: 'file:///ws/r.json' },
    position: positionOf(text, needle, delta),
  })) as CompletionItem[] | CompletionList;
  return Array.isArray(result) ? result : result.items;
}

const labels = (items: CompletionItem[]): string[] => items.map((i) => i.label);

describe('hover', () => {
  test('an element: path, type, cardinality, short and definition', async () => {
    const md = await hover('{ "resourceType": "Patient", "birthDate": "1970-01-01" }', '"birthDate"');
    expect(md).toContain('**Patient.birthDate**');
    expect(md).toContain('`date`');
    expect(md).toContain('`0..1`');
    expect(md).toContain('The date of birth for the individual');
  });

  test('a bound code element: binding strength and value set; its value: the code display', async () => {
    const text = '{ "resourceType": "Patient", "gender": "female" }';
    expect(await hover(text, '"gender"')).toMatch(
      /Binding \(required\): \[AdministrativeGender\]\(http:\/\/hl7\.org\/fhir\/ValueSet\/administrative-gender/,
    );
    session?.dispose();
    expect(await hover(text, '"female"')).toContain('`female` — **Female**');
  });

  test('a choice type inside a Bundle entry resource, and constraints', async () => {
    const text =
      '{ "resourceType": "Bundle", "type": "collection", "entry": [{ "resource": { "resourceType": "Observation", "valueQuantity": { "value": 1 } } }] }';
    const md = await hover(text, '"valueQuantity"');
    expect(md).toContain('**Observation.value[x]**');
    expect(md).toContain('`Quantity` (one of Quantity, CodeableConcept');
    session?.dispose();
    const bundle = await hover(text, '"entry"');
    expect(bundle).toContain('bdl-5');
  });

  test('a Coding code: the display from its system', async () => {
    const text =
      '{ "resourceType": "Patient", "maritalStatus": { "coding": [{ "system": "http://terminology.hl7.org/CodeSystem/v3-MaritalStatus", "code": "M" }] } }';
    expect(await hover(text, '"M"')).toContain('**Married**');
  });

  test('an identifier system: what it identifies', async () => {
    const text =
      '{ "resourceType": "Patient", "identifier": [{ "system": "https://fhir.nhs.uk/Id/nhs-number", "value": "9434765919" }] }';
    expect(await hover(text, '"https://fhir.nhs.uk/Id/nhs-number"')).toContain(
      'NHS number: the 10-digit number',
    );
  });

  test('a near miss of an identifier system: which one was meant', async () => {
    const text =
      '{ "resourceType": "Patient", "identifier": [{ "system": "http://fhir.nhs.net/Id/nhs-number", "value": "9434765919" }] }';
    expect(await hover(text, '"http://fhir.nhs.net/Id/nhs-number"')).toContain(
      'did you mean <https://fhir.nhs.uk/Id/nhs-number>? NHS number',
    );
  });

  test('the resourceType value, and nothing for non-FHIR JSON or unknown properties', async () => {
    expect(await hover('{ "resourceType": "Patient" }', '"Patient"')).toContain('**Patient** (resource)');
    session?.dispose();
    expect(await hover('{ "name": "pkg", "version": "1.0.0" }', '"name"')).toBeUndefined();
    session?.dispose();
    expect(await hover('{ "resourceType": "Patient", "birthdate": "x" }', '"birthdate"')).toBeUndefined();
  });

  test('every registered NHS identifier system has a description', () => {
    for (const system of REGISTERED_IDENTIFIER_SYSTEMS)
      expect(describeIdentifierSystem(system), system).toBeTruthy();
  });
});

describe('completion', () => {
  test('property names of the resource: required first, choices expanded, _ companions, present ones left out', async () => {
    const text = '{ "resourceType": "Observation", "status": "final",  }';
    const items = await complete(text, '"final",', 9);
    const names = labels(items);
    expect(names).toEqual(
      expect.arrayContaining([
        'code',
        'subject',
        'valueQuantity',
        'valueString',
        'effectiveDateTime',
        '_issued',
      ]),
    );
    expect(names).not.toContain('status');
    expect(names).not.toContain('resourceType');
    const code = items.find((i) => i.label === 'code')!;
    expect(code.sortText?.startsWith('0')).toBe(true);
    expect((code.textEdit as TextEdit).newText).toBe('"code": {$1}');
  });

  test('a key being typed is replaced; arrays and strings get their skeleton', async () => {
    const text = '{ "resourceType": "Patient", "bi';
    const items = await complete(text, '"bi', 3);
    const birthDate = items.find((i) => i.label === 'birthDate')!;
    expect(birthDate.filterText).toBe('"birthDate"');
    expect((birthDate.textEdit as TextEdit).newText).toBe('"birthDate": "$1"');
    expect((birthDate.textEdit as TextEdit).range).toEqual({
      start: { line: 0, character: 29 },
      end: { line: 0, character: 32 },
    });
    expect((items.find((i) => i.label === 'identifier')!.textEdit as TextEdit).newText).toBe(
      '"identifier": [{$1}]',
    );
  });

  test('once one choice type is present, the others are not offered; commas keep the JSON valid', async () => {
    const text = '{ "resourceType": "Observation", "valueString": "x" }';
    const items = await complete(text, '"x"', 4);
    expect(labels(items)).not.toContain('valueQuantity');
    expect((items.find((i) => i.label === 'status')!.textEdit as TextEdit).newText).toBe(',"status": "$1"');
  });

  test('required children are filled in: Bundle.entry.request', async () => {
    const text = '{ "resourceType": "Bundle", "type": "transaction", "entry": [{  }] }';
    const items = await complete(text, '[{', 3);
    expect((items.find((i) => i.label === 'request')!.textEdit as TextEdit).newText).toBe(
      '"request": { "method": "$1", "url": "$2" }',
    );
  });

  test('codes of a required binding, with displays', async () => {
    const text = '{ "resourceType": "Patient", "gender": "" }';
    const items = await complete(text, '""', 1);
    expect(labels(items).sort()).toEqual(['female', 'male', 'other', 'unknown']);
    expect(items.find((i) => i.label === 'female')?.detail).toBe('Female');
  });

  test('after a colon the value comes with its quotes', async () => {
    const text = '{ "resourceType": "Observation", "status": }';
    const items = await complete(text, '"status":', 9);
    expect((items.find((i) => i.label === 'final')!.textEdit as TextEdit).newText).toBe('"final"');
  });

  test('resourceType values, with a snippet filling required elements', async () => {
    const text = '{ "resourceType": "Obs" }';
    const items = await complete(text, '"Obs"', 4);
    expect(labels(items)).toContain('Observation');
    const snippet = items.find((i) => i.label === 'Observation (required elements)')!;
    expect((snippet.textEdit as TextEdit).newText).toBe('"Observation",\n  "status": "$1",\n  "code": {$2}');
  });

  test('identifier systems and core extension URLs', async () => {
    const text =
      '{ "resourceType": "Patient", "identifier": [{ "system": "" }], "extension": [{ "url": "" }] }';
    const systems = await complete(text, '""', 1);
    expect(labels(systems)).toContain('https://fhir.nhs.uk/Id/nhs-number');
    session?.dispose();
    const ext = await complete(text, '"url": ""', 8);
    expect(labels(ext)).toContain('http://hl7.org/fhir/StructureDefinition/patient-birthPlace');
  });

  test('without snippet support the text has no tab stops', async () => {
    const items = await complete('{ "resourceType": "Patient", "bi', '"bi', 3, {
      textDocument: { completion: { completionItem: { snippetSupport: false } } },
    });
    expect((items.find((i) => i.label === 'birthDate')!.textEdit as TextEdit).newText).toBe(
      '"birthDate": ""',
    );
    expect(items.find((i) => i.label === 'birthDate')!.insertTextFormat).toBe(1);
  });
});
