import { trainClassifier, type TicketClassifier } from './index';
import { readLabeledTickets, type LabeledTicket } from './labeled-file';
import { formatScores, scoreOutcomes, type Outcome } from './scores';

/** Each labeled ticket's label beside what the classifier says. */
export function classifyLabeled(tickets: readonly LabeledTicket[], classifier: TicketClassifier): Outcome[] {
  return tickets.map(({ category, text }) => {
    const { category: predicted, confidence } = classifier.classify(text);
    return { expected: category, predicted, confidence };
  });
}

/** How the classifier, taught by the taxonomy alone, does on a labeled file: the table the command prints. */
export async function evaluateLabeledFile(labeledPath: string, exportPath?: string): Promise<string> {
  const tickets = await readLabeledTickets(labeledPath, exportPath);
  return formatScores(scoreOutcomes(classifyLabeled(tickets, trainClassifier())));
}
