import type { SupportCategoryId } from '@config/support-categories';

export type CategoryScore = { category: SupportCategoryId; precision: number; recall: number; f1: number; support: number };
export type Scores = { categories: CategoryScore[]; macroF1: number; accuracy: number; meanConfidence: number };
export type Outcome = { expected: SupportCategoryId; predicted: SupportCategoryId; confidence: number };

const ratio = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);

/**
 * Precision, recall and F1 per category, over the categories labeled or predicted at least once (a
 * category never predicted has precision 0), and their unweighted mean, the macro-F1.
 */
export function scoreOutcomes(outcomes: readonly Outcome[]): Scores {
  const seen = [...new Set(outcomes.flatMap((o) => [o.expected, o.predicted]))].sort();
  const categories = seen.map((category) => {
    const truePositives = outcomes.filter((o) => o.expected === category && o.predicted === category).length;
    const support = outcomes.filter((o) => o.expected === category).length;
    const precision = ratio(truePositives, outcomes.filter((o) => o.predicted === category).length);
    const recall = ratio(truePositives, support);
    return { category, precision, recall, f1: ratio(2 * precision * recall, precision + recall), support };
  });
  return {
    categories,
    macroF1: ratio(categories.reduce((sum, c) => sum + c.f1, 0), categories.length),
    accuracy: ratio(outcomes.filter((o) => o.expected === o.predicted).length, outcomes.length),
    meanConfidence: ratio(outcomes.reduce((sum, o) => sum + o.confidence, 0), outcomes.length),
  };
}

/** The scores as a plain text table, one category a line, then the macro-F1. */
export function formatScores(scores: Scores): string {
  const width = Math.max('category'.length, ...scores.categories.map((c) => c.category.length));
  const row = (cells: string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(width) : cell.padStart(9))).join('  ');
  const total = scores.categories.reduce((sum, c) => sum + c.support, 0);
  return [
    row(['category', 'precision', 'recall', 'f1', 'support']),
    ...scores.categories.map((c) => row([c.category, c.precision.toFixed(3), c.recall.toFixed(3), c.f1.toFixed(3), String(c.support)])),
    '',
    `macro-F1  ${scores.macroF1.toFixed(3)}`,
    `accuracy  ${scores.accuracy.toFixed(3)} of ${total} tickets, mean confidence ${scores.meanConfidence.toFixed(3)}`,
  ].join('\n');
}
