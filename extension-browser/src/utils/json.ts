// Readers for untrusted JSON (linked OCDS data, GitHub's embedded page data): each returns a safe empty value
// for anything of the wrong type, so a changed or hostile shape reads as "not there".
import { cleanText } from './text';

export type JsonObject = Record<string, unknown>;

export const jsonObject = (v: unknown): JsonObject | undefined =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as JsonObject) : undefined;
export const jsonArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
/** A string field, whitespace collapsed; '' for anything else. */
export const jsonText = (v: unknown): string => (typeof v === 'string' ? cleanText(v) : '');
