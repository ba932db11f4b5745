import { supportCategories, supportCategoryIds, type SupportCategoryId } from '@config/support-categories';
import { featureReader } from './feature-reader';
import { textFeatures } from './features';
import { trainNaiveBayes, type TrainingDocument } from './naive-bayes';

export type LabeledExample = { text: string; category: SupportCategoryId };
export type Classification = { category: SupportCategoryId; confidence: number };
export type TicketClassifier = { classify(text: string): Classification };

/** A phrase is a keyword chosen for its category, and weighs more than a word of an example. */
const PHRASE_WEIGHT = 3;
/** A staff correction outweighs one seed example: it is this inbox's own wording. */
const CORRECTION_WEIGHT = 3;
/** Below it the best category is a guess, and the ticket is left as `other`. */
export const MIN_CONFIDENCE = 0.3;

/** The text a ticket is classified by. */
export function ticketText(ticket: { subject: string; body: string; tags?: string }): string {
  return [ticket.subject, ticket.body, ticket.tags ?? ''].join('\n');
}

function document(text: string, label: SupportCategoryId, weight: number): TrainingDocument<SupportCategoryId> {
  return { features: textFeatures(text), label, weight };
}

/** The taxonomy's phrases and examples, each a labeled text. */
function seedDocuments(): TrainingDocument<SupportCategoryId>[] {
  return supportCategoryIds.flatMap((category) => {
    const { phrases, examples } = supportCategories[category];
    return [...phrases.map((text) => document(text, category, PHRASE_WEIGHT)), ...examples.map((text) => document(text, category, 1))];
  });
}

/** A classifier over the taxonomy's phrases and examples, taught further by the staff's corrections. */
export function trainClassifier(corrections: readonly LabeledExample[] = []): TicketClassifier {
  const model = trainNaiveBayes(supportCategoryIds, [
    ...seedDocuments(),
    ...corrections.map(({ text, category }) => document(text, category, CORRECTION_WEIGHT)),
  ]);
  const readFeatures = featureReader(model.featureIndex);
  return {
    classify(text) {
      const { label, probabilities } = model.classify(readFeatures(text));
      const confidence = probabilities.get(label)!;
      if (confidence < MIN_CONFIDENCE) return { category: 'other', confidence: probabilities.get('other')! };
      return { category: label, confidence };
    },
  };
}
