import { forEachWord, PAIR_SEPARATOR, stemOf } from './features';

/** Words whose feature index is kept; past it the memo starts again, so a big import's names and numbers don't pile up. */
const MEMO_LIMIT = 50_000;
/** A word the model never learned: the words on either side of it are no pair. */
const UNKNOWN = -1;
/** A word that says nothing (a stop word): skipped, as textFeatures skips it. */
const SKIPPED = -2;

/**
 * Reads a text as a model's feature indices: its known stems and known pairs of neighbouring stems, as
 * textFeatures names them. A pair is looked up by the numbers of its two stems, so reading a ticket
 * builds no strings beyond its words.
 */
export function featureReader(featureIndex: ReadonlyMap<string, number>): (text: string) => number[] {
  const stemIds = new Map<string, number>();
  for (const [feature, index] of featureIndex) if (!feature.includes(PAIR_SEPARATOR)) stemIds.set(feature, index);
  const size = featureIndex.size;
  const pairIds = new Map<number, number>();
  for (const [feature, index] of featureIndex) {
    const [first, second] = feature.split(PAIR_SEPARATOR);
    // Both stems of a learned pair were learned on their own too.
    if (second !== undefined) pairIds.set(stemIds.get(first!)! * size + stemIds.get(second)!, index);
  }
  const wordIds = new Map<string, number>();
  function idOf(word: string): number {
    let id = wordIds.get(word);
    if (id === undefined) {
      const stem = stemOf(word);
      id = stem === null ? SKIPPED : (stemIds.get(stem) ?? UNKNOWN);
      if (wordIds.size >= MEMO_LIMIT) wordIds.clear();
      wordIds.set(word, id);
    }
    return id;
  }
  return (text) => {
    const features: number[] = [];
    let previous = UNKNOWN;
    forEachWord(text, (word) => {
      const id = idOf(word);
      if (id === SKIPPED) return;
      if (id === UNKNOWN) {
        previous = UNKNOWN;
        return;
      }
      features.push(id);
      const pair = previous === UNKNOWN ? undefined : pairIds.get(previous * size + id);
      if (pair !== undefined) features.push(pair);
      previous = id;
    });
    return features;
  };
}
