/** A labeled text as the model learns it: its features, its label, and how much it counts. */
export type TrainingDocument<Label extends string> = { features: ReadonlySet<string>; label: Label; weight: number };

/** The most probable label, and every label's posterior (zero for all when no feature is known). */
export type Posterior<Label extends string> = { label: Label; probabilities: ReadonlyMap<Label, number> };

/** Additive smoothing: a feature never seen with a label still has a small chance there. */
const SMOOTHING = 0.3;

/**
 * Multinomial naive Bayes over sets of features, with equal priors (the seed's share of each label says
 * nothing about an inbox's). Each feature gets an index, and its log-probability per label is worked
 * out once, so scoring a text is a table look-up and a few additions per feature.
 */
export function trainNaiveBayes<Label extends string>(labels: readonly Label[], documents: readonly TrainingDocument<Label>[]) {
  const counts = new Map<string, Float64Array>();
  const totals = new Float64Array(labels.length);
  const labelIndex = new Map(labels.map((label, i) => [label, i]));
  for (const { features, label, weight } of documents) {
    const i = labelIndex.get(label)!;
    for (const feature of features) {
      let row = counts.get(feature);
      if (!row) counts.set(feature, (row = new Float64Array(labels.length)));
      row[i]! += weight;
      totals[i]! += weight;
    }
  }
  const denominators = Array.from(totals, (total) => Math.log(total + SMOOTHING * counts.size));
  const featureIndex = new Map<string, number>();
  const logProbabilities = new Float64Array(counts.size * labels.length);
  for (const [feature, row] of counts) {
    const offset = featureIndex.size * labels.length;
    featureIndex.set(feature, featureIndex.size);
    row.forEach((count, i) => (logProbabilities[offset + i] = Math.log(count + SMOOTHING) - denominators[i]!));
  }
  // Which call last counted each feature: a text's repeated features count once, without a Set per text.
  const countedIn = new Uint32Array(featureIndex.size);
  let call = 0;

  return {
    featureIndex: featureIndex as ReadonlyMap<string, number>,
    /**
     * The most probable label and the posteriors, from the features' indices. The log-likelihoods are
     * divided by the square root of the number of features: naive Bayes counts each feature as
     * independent evidence, which they are not, and would otherwise be near-certain about any long text.
     */
    classify(features: readonly number[]): Posterior<Label> {
      const scores = new Float64Array(labels.length);
      let known = 0;
      call++;
      for (const feature of features) {
        if (countedIn[feature] === call) continue;
        countedIn[feature] = call;
        known++;
        const offset = feature * labels.length;
        for (let i = 0; i < scores.length; i++) scores[i]! += logProbabilities[offset + i]!;
      }
      const probabilities = new Map(labels.map((label) => [label, 0]));
      if (known === 0) return { label: labels[0]!, probabilities };
      const temperature = Math.sqrt(known);
      let best = 0;
      for (let i = 1; i < scores.length; i++) if (scores[i]! > scores[best]!) best = i;
      const weights = scores.map((score) => Math.exp((score - scores[best]!) / temperature));
      const sum = weights.reduce((a, b) => a + b, 0);
      labels.forEach((label, i) => probabilities.set(label, weights[i]! / sum));
      return { label: labels[best]!, probabilities };
    },
  };
}
