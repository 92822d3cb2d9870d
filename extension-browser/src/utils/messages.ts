// Typed messages between the content script / popup and the background. Declared once here.
import type { PageNeed } from '../adapters/types';
import type { Suggestion } from './suggestion';

/** The page a check runs on, for "hide on this page/site" (kept in extension storage by the background). */
export interface PageRef {
  /** Origin + path of the real location (utils/site-url.ts pageKey). */
  key: string;
  host: string;
}

export type WheelhouseRequest =
  /**
   * One round trip per check: the background answers whether the page is hidden, whether the overlay starts
   * collapsed, and the suggestions, so the content script touches no extension storage itself. `linked`: where
   * the page's own linked data is served, when the markup left a field of the need empty (features/linked-data.ts);
   * the background reads it before matching.
   */
  | { type: 'wheelhouse/match'; need: PageNeed; page: PageRef; ignoreDismissed?: boolean; linked?: string }
  | { type: 'wheelhouse/hide'; scope: 'page' | 'site'; page: PageRef }
  | { type: 'wheelhouse/collapse'; collapsed: boolean }
  | { type: 'wheelhouse/search'; query: string }
  | { type: 'wheelhouse/check-tab'; tabId: number }
  | { type: 'wheelhouse/refresh' }
  | { type: 'wheelhouse/status' };

export interface MatchResponse {
  /** The adapter was switched off remotely (kill switch) or in the options. */
  disabled: boolean;
  /** The user chose "Hide on this page/site" here (nothing else is filled in). */
  dismissed: boolean;
  /** The overlay starts collapsed (the user's last choice). */
  collapsed: boolean;
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
  'wheelhouse/hide': { ok: true };
  'wheelhouse/collapse': { ok: true };
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
