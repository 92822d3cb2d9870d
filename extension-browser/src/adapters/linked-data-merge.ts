// How each adapter's linked data (adapter.linkedData) fills the need. Used by the background only, which reads
// the data (features/linked-data.ts): the site content scripts never carry these readers.
import type { LinkedMerge } from '../features/linked-data';
import { needFromOcds } from './ocds';
import type { AdapterId } from './types';

export const LINKED_DATA_MERGE: Partial<Record<AdapterId, LinkedMerge>> = {
  'find-a-tender': needFromOcds,
};
