import { forEachStem, PAIR_SEPARATOR } from './features';

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
  return (text) => {
    const features: number[] = [];
    let previous = -1;
    forEachStem(text, (stem) => {
      const id = stemIds.get(stem);
      if (id === undefined) {
        previous = -1;
        return;
      }
      features.push(id);
      const pair = previous < 0 ? undefined : pairIds.get(previous * size + id);
      if (pair !== undefined) features.push(pair);
      previous = id;
    });
    return features;
  };
}
