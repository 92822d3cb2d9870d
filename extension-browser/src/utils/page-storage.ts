// Storage the content script reads directly (kept free of zod so the content script stays small).
import { storage } from '#imports';

export interface Dismissed {
  /** Page keys (origin + path) where the user chose "Hide on this page". */
  pages: string[];
  /** Host names where the user chose "Hide on this site". */
  hosts: string[];
}
export const dismissedItem = storage.defineItem<Dismissed>('local:dismissed', { fallback: { pages: [], hosts: [] } });
export const collapsedItem = storage.defineItem<boolean>('local:overlayCollapsed', { fallback: false });

/** The bits of storage the page check needs, injected so it can run against fakes. */
export interface PageStore {
  getDismissed(): Promise<Dismissed>;
  setDismissed(value: Dismissed): Promise<void>;
  getCollapsed(): Promise<boolean>;
  setCollapsed(value: boolean): Promise<void>;
}

export const browserPageStore: PageStore = {
  getDismissed: () => dismissedItem.getValue(),
  setDismissed: (value) => dismissedItem.setValue(value),
  getCollapsed: () => collapsedItem.getValue(),
  setCollapsed: (value) => collapsedItem.setValue(value),
};
