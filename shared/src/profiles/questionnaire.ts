/**
 * QuestionnaireResponse against its Questionnaire (the questionnaire-response rule).
 * https://hl7.org/fhir/R4/questionnaire.html, https://hl7.org/fhir/R4/questionnaireresponse.html
 */
import type { Path } from '../validation/issue.js';
import type { ResourceContext } from '../validation/rule.js';
import { ConformanceStore } from '../packages/store.js';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): Json[] => (Array.isArray(v) ? v.filter(isObject) : []);

export interface QuestionnaireFinding {
  path: Path;
  message: string;
}

/** The Questionnaire named by QuestionnaireResponse.questionnaire: contained ('#id') or loaded. */
export function findQuestionnaire(ctx: Pick<ResourceContext, 'value' | 'conformance'>): Json | undefined {
  const ref = ctx.value['questionnaire'];
  if (typeof ref !== 'string' || ref === '') return undefined;
  if (ref.startsWith('#')) return list(ctx.value['contained']).find((r) => r['resourceType'] === 'Questionnaire' && r['id'] === ref.slice(1));
  const store = ctx.conformance instanceof ConformanceStore ? ctx.conformance : undefined;
  const q = store?.resource(ref, 'Questionnaire') as Json | undefined;
  return q?.['resourceType'] === 'Questionnaire' ? q : undefined;
}

/** Answer value[x] type(s) each item.type takes (R4 questionnaire-answers / item-type). */
const ANSWER_TYPES: Record<string, readonly string[]> = {
  boolean: ['Boolean'],
  decimal: ['Decimal'],
  integer: ['Integer'],
  date: ['Date'],
  dateTime: ['DateTime'],
  time: ['Time'],
  string: ['String'],
  text: ['String'],
  url: ['Uri'],
  choice: ['Coding'],
  'open-choice': ['Coding', 'String'],
  attachment: ['Attachment'],
  reference: ['Reference'],
  quantity: ['Quantity'],
};

const COMPLEX = new Set(['Coding', 'Attachment', 'Reference', 'Quantity']);
/** FHIR type name of a value[x] suffix ('Boolean' -> 'boolean', 'Coding' stays). */
const typeName = (suffix: string): string => (COMPLEX.has(suffix) ? suffix : suffix.charAt(0).toLowerCase() + suffix.slice(1));

const valueKey = (answer: Json): string | undefined => Object.keys(answer).find((k) => k.startsWith('value') && k.length > 5 && /[A-Z]/.test(k[5] ?? ''));

function extensionValue(item: Json, url: string): unknown {
  return list(item['extension']).find((e) => e['url'] === url)?.['valueInteger'];
}

function sameCoding(a: Json, b: Json): boolean {
  return a['code'] === b['code'] && (a['system'] === undefined || b['system'] === undefined || a['system'] === b['system']);
}

/** Findings for the response's items against the questionnaire's items (recursively). */
export function questionnaireResponseFindings(response: Readonly<Json>, questionnaire: Json, sourceText: (path: Path) => string | undefined): QuestionnaireFinding[] {
  const findings: QuestionnaireFinding[] = [];
  const completed = response['status'] === 'completed';
  const walk = (answers: Json[], defs: Json[], path: Path, key: string, hidden: boolean): void => {
    const byLink = new Map(defs.filter((d) => typeof d['linkId'] === 'string').map((d) => [d['linkId'] as string, d]));
    const present = new Set<string>();
    answers.forEach((item, i) => {
      const itemPath = [...path, key, i];
      const linkId = item['linkId'];
      if (typeof linkId !== 'string') return;
      const def = byLink.get(linkId);
      if (!def) {
        findings.push({ path: itemPath, message: `LinkId '${linkId}' not found in questionnaire${path.length ? ' at this level' : ''}` });
        return;
      }
      present.add(linkId);
      checkItem(item, def, itemPath, hidden || list(def['enableWhen']).length > 0);
    });
    // Required items: only where nothing could have hidden them, and only in a completed response.
    if (!completed || hidden) return;
    for (const d of defs) {
      if (d['required'] === true && typeof d['linkId'] === 'string' && !present.has(d['linkId']) && list(d['enableWhen']).length === 0 && d['type'] !== 'display') {
        findings.push({ path: path.length ? path : [], message: `No response answer found for required item '${d['linkId']}'` });
      }
    }
  };
  const checkItem = (item: Json, def: Json, path: Path, hidden: boolean): void => {
    const type = typeof def['type'] === 'string' ? def['type'] : '';
    const answers = list(item['answer']);
    if ((type === 'display' || type === 'group') && answers.length > 0) {
      findings.push({ path, message: `Items of type ${type} should not have answers` });
    }
    if (answers.length > 1 && def['repeats'] !== true) {
      findings.push({ path, message: `Only one answer is allowed for the item '${String(def['linkId'])}' (it does not repeat), found ${answers.length}` });
    }
    if (completed && !hidden && def['required'] === true && answers.length === 0 && type !== 'group' && type !== 'display') {
      findings.push({ path, message: `No response answer found for required item '${String(def['linkId'])}'` });
    }
    const allowed = ANSWER_TYPES[type];
    const maxDecimals = extensionValue(def, 'http://hl7.org/fhir/StructureDefinition/maxDecimalPlaces');
    const options = list(def['answerOption']);
    answers.forEach((answer, j) => {
      const answerPath = [...path, 'answer', j];
      const key = valueKey(answer);
      if (key && allowed && !allowed.includes(key.slice(5))) {
        findings.push({ path: [...answerPath, key], message: `Answer value must be of the type ${allowed.map(typeName).join(' or ')} not ${typeName(key.slice(5))} (item '${String(def['linkId'])}' is of type ${type})` });
        return;
      } else if (key && typeof maxDecimals === 'number') {
        const numberPath = key === 'valueQuantity' ? [...answerPath, key, 'value'] : [...answerPath, key];
        const text = sourceText(numberPath) ?? String(key === 'valueQuantity' ? (answer[key] as Json | undefined)?.['value'] : answer[key]);
        const decimals = /^-?\d+\.(\d+)(?:[eE].*)?$/.exec(text)?.[1]?.length ?? 0;
        if (decimals > maxDecimals) findings.push({ path: numberPath, message: `The value ${text} has too many decimal places (limit = ${maxDecimals})` });
      }
      // answerOption: a choice item's answer is one of the options (open-choice may also be free text).
      if (key && options.length > 0 && def['answerValueSet'] === undefined && (type === 'choice' || (type === 'open-choice' && key === 'valueCoding'))) {
        const value = answer[key];
        const ok = options.some((o) => {
          const ok2 = o[key];
          if (ok2 === undefined) return false;
          return isObject(value) && isObject(ok2) ? sameCoding(value, ok2) : value === ok2;
        });
        if (!ok) findings.push({ path: [...answerPath, key], message: `The answer is not one of the answerOption values of the item '${String(def['linkId'])}'` });
      }
      if (list(answer['item']).length > 0) walk(list(answer['item']), list(def['item']), answerPath, 'item', hidden);
    });
    if (list(item['item']).length > 0 || (type === 'group' && list(def['item']).length > 0)) walk(list(item['item']), list(def['item']), path, 'item', hidden);
  };
  walk(list(response['item']), list(questionnaire['item']), [], 'item', false);
  return findings;
}
