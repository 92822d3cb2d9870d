/** Edits manifest YAML text in place, keeping comments, the schema modeline and key order. */
import { parseDocument } from 'yaml';
import type { CrawlFacts } from './schema.js';

/** Returns `text` with its `crawl` block replaced by `facts` (added at the end if absent). */
export function setCrawlFacts(text: string, facts: CrawlFacts): string {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) throw new Error(`cannot update crawl facts: ${doc.errors[0]?.message ?? 'YAML error'}`);
  doc.setIn(['crawl'], doc.createNode(facts));
  return doc.toString({ lineWidth: 0 });
}
