// The per-page choices ("hide on this page/site", collapsed) in extension storage. Only the background reads
// and writes them (see features/background-service.ts): the content script never touches extension storage,
// which keeps its start-up cheap. Keys and defaults are declared once here.
import { browser } from '#imports';

export interface Dismissed {
  /** Page keys (origin + path) where the user chose "Hide on this page". */
  pages: string[];
  /** Host names where the user chose "Hide on this site". */
  hosts: string[];
}

export const DISMISSED_KEY = 'dismissed';
export const COLLAPSED_KEY = 'overlayCollapsed';

/** The bits of storage the page choices need, injected so the background service runs against fakes. */
export interface PageStore {
  getDismissed(): Promise<Dismissed>;
  setDismissed(value: Dismissed): Promise<void>;
  getCollapsed(): Promise<boolean>;
  setCollapsed(value: boolean): Promise<void>;
}

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

export const browserPageStore: PageStore = {
  async getDismissed() {
    const raw = (await browser.storage.local.get(DISMISSED_KEY))[DISMISSED_KEY] as Partial<Dismissed> | undefined;
    return { pages: strings(raw?.pages), hosts: strings(raw?.hosts) };
  },
  setDismissed: (value) => browser.storage.local.set({ [DISMISSED_KEY]: value }),
  async getCollapsed() {
    return (await browser.storage.local.get(COLLAPSED_KEY))[COLLAPSED_KEY] === true;
  },
  setCollapsed: (value) => browser.storage.local.set({ [COLLAPSED_KEY]: value }),
};
