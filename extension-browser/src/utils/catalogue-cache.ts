import { storage } from '#imports';
import type { CachedCatalogue, CatalogueCache } from '../features/catalogue-store';

const cachedItem = storage.defineItem<CachedCatalogue | null>('local:catalogueCache', { fallback: null });
const disabledItem = storage.defineItem<string[]>('local:disabledAdapters', { fallback: [] });

/** The last good remote catalogue and the remote kill switch, in extension storage. */
export const browserCatalogueCache: CatalogueCache = {
  get: () => cachedItem.getValue(),
  set: (value) => cachedItem.setValue(value),
  getDisabledAdapters: () => disabledItem.getValue(),
  setDisabledAdapters: (value) => disabledItem.setValue(value),
};
