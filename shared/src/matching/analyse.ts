/**
 * Text -> index terms. Plain words become their stems; phrases of the synonym dictionary add a
 * concept term `~<id>`. The same analysis runs on manifests (at build) and on pages (at match), so
 * both sides always agree.
 */
import { isContentWord, isGenericWord, stem, words } from './normalise.js';
import { CONCEPTS, type Concept } from './synonyms.js';

/** A term's count in the analysed text and the first way the text wrote it (for reasons). */
export interface TermHit {
  count: number;
  surface: string;
  /** A word nearly every NHS text uses (see `isGenericWord`). */
  generic?: boolean;
}

export type TermCounts = Map<string, TermHit>;

interface TrieNode {
  readonly next: Map<string, TrieNode>;
  concepts: Concept[];
}

/** Phrase matcher built once per concept list; matching is on normalised words, not stems. */
export class Analyser {
  readonly #root: TrieNode = { next: new Map(), concepts: [] };
  readonly #byId = new Map<string, Concept>();

  readonly #consumeAll: boolean;

  /**
   * `consumeAll`: a phrase's words count only through its concept (evidence counted once); otherwise
   * only concepts marked `consume` drop their words.
   */
  constructor(concepts: readonly Concept[] = CONCEPTS, options: { consumeAll?: boolean } = {}) {
    this.#consumeAll = options.consumeAll ?? true;
    for (const concept of concepts) {
      this.#byId.set(concept.id, concept);
      for (const phrase of concept.phrases) {
        const ws = words(phrase);
        if (ws.length === 0) continue;
        let node = this.#root;
        for (const w of ws) {
          let child = node.next.get(w);
          if (!child) {
            child = { next: new Map(), concepts: [] };
            node.next.set(w, child);
          }
          node = child;
        }
        if (!node.concepts.includes(concept)) node.concepts.push(concept);
      }
    }
  }

  concept(id: string): Concept | undefined {
    return this.#byId.get(id);
  }

  /** Terms of the text with counts. `into` accumulates several texts (e.g. all features). */
  analyse(text: string, into: TermCounts = new Map()): TermCounts {
    const ws = words(text);
    const consumed = new Uint8Array(ws.length);
    for (let i = 0; i < ws.length; i++) {
      if (consumed[i]) continue;
      let node: TrieNode | undefined = this.#root;
      let best: { end: number; concepts: Concept[] } | undefined;
      for (let j = i; j < ws.length && node; j++) {
        node = node.next.get(ws[j] as string);
        if (node && node.concepts.length > 0) best = { end: j, concepts: node.concepts };
      }
      if (!best) continue;
      for (const concept of best.concepts) add(into, `~${concept.id}`, concept.label);
      if (this.#consumeAll || best.concepts.some((c) => c.consume)) consumed.fill(1, i, best.end + 1);
    }
    ws.forEach((w, i) => {
      if (consumed[i] || !isContentWord(w)) return;
      const s = this.#stem(w);
      add(into, s, w);
      if (isGenericWord(w)) (into.get(s) as TermHit).generic = true;
    });
    return into;
  }

  /** The distinct terms of a short phrase. */
  phraseTerms(phrase: string): string[] {
    return [...this.analyse(phrase).keys()];
  }

  /** Stems of every word in order, stop words included: what anti-term phrases are found in. */
  stemSequence(text: string): string[] {
    return words(text).map((w) => this.#stem(w));
  }

  // Pages repeat their words: remember stems (bounded, per analyser).
  readonly #stems = new Map<string, string>();
  #stem(word: string): string {
    let s = this.#stems.get(word);
    if (s === undefined) {
      s = stem(word);
      if (this.#stems.size < 50_000) this.#stems.set(word, s);
    }
    return s;
  }
}

function add(into: TermCounts, term: string, surface: string): void {
  const hit = into.get(term);
  if (hit) hit.count++;
  else into.set(term, { count: 1, surface });
}

/** Whether a term is a dictionary concept (`~id`) rather than a word stem. */
export function isConceptTerm(term: string): boolean {
  return term.startsWith('~');
}
