import { supportCategories, supportCategoryIds, type SupportCategoryId } from '@config/support-categories';

// PLACEHOLDER: the classifier's interface, with a phrase count standing in until the real one lands.

export type LabeledExample = { text: string; category: SupportCategoryId };
export type Classification = { category: SupportCategoryId; confidence: number };
export type TicketClassifier = { classify(text: string): Classification };

/** The text a ticket is classified by. */
export function ticketText(ticket: { subject: string; body: string; tags?: string }): string {
  return [ticket.subject, ticket.body, ticket.tags ?? ''].join('\n');
}

/** A classifier over the taxonomy's phrases and examples, taught further by the staff's corrections. */
export function trainClassifier(corrections: readonly LabeledExample[] = []): TicketClassifier {
  void corrections;
  return {
    classify(text) {
      const lower = text.toLowerCase();
      let best: Classification = { category: 'other', confidence: 0 };
      for (const id of supportCategoryIds) {
        const hits = supportCategories[id].phrases.filter((p) => lower.includes(p)).length;
        if (hits > best.confidence) best = { category: id, confidence: hits };
      }
      return { category: best.category, confidence: Math.min(1, best.confidence / 3) };
    },
  };
}
