// Typed messages between the content script / popup and the background. Declared once here.
import type { PageNeed } from '../adapters/types';
import type { Suggestion } from './suggestion';

export type WheelhouseRequest =
  | { type: 'wheelhouse/match'; need: PageNeed }
  | { type: 'wheelhouse/search'; query: string }
  | { type: 'wheelhouse/check-tab'; tabId: number }
  | { type: 'wheelhouse/refresh' }
  | { type: 'wheelhouse/status' };

export interface MatchResponse {
  /** The adapter was switched off remotely (kill switch) or in the options. */
  disabled: boolean;
  suggestions: Suggestion[];
}

export interface CatalogueStatus {
  source: 'bundled' | 'remote';
  components: number;
  version: string;
  fetchedAt?: string;
  lastError?: string;
  disabledAdapters: string[];
}

export interface ResponseMap {
  'wheelhouse/match': MatchResponse;
  'wheelhouse/search': Suggestion[];
  'wheelhouse/check-tab': { ok: boolean; error?: string };
  'wheelhouse/refresh': CatalogueStatus;
  'wheelhouse/status': CatalogueStatus;
}

export type ResponseFor<R extends WheelhouseRequest> = ResponseMap[R['type']];

/** A function that sends one request to the background (injected so features test without a browser). */
export type SendMessage = <R extends WheelhouseRequest>(request: R) => Promise<ResponseFor<R>>;

export function isWheelhouseRequest(value: unknown): value is WheelhouseRequest {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { type?: unknown }).type === 'string' &&
    (value as { type: string }).type.startsWith('wheelhouse/')
  );
}
