import { and, eq, isNull, ne, or } from 'drizzle-orm';
import { defineAction } from '@/platform/actions/define';
import type { Db } from '@/platform/db/types';
import { notFound } from '@/platform/http/errors';
import { contactAttempts } from '../schema';
import type { Asker } from './attempts';
import { attemptFeedbackInput, resolvedInput } from './inputs';
import { askerOf } from './queries';

function ownAttempt(asker: Asker, attemptId: string) {
  return and(eq(contactAttempts.id, attemptId), eq(contactAttempts.organizationId, asker.organizationId), eq(contactAttempts.userId, asker.userId));
}

async function requireOwnAttempt(tx: Db, asker: Asker, attemptId: string) {
  const [found] = await tx.select({ id: contactAttempts.id }).from(contactAttempts).where(ownAttempt(asker, attemptId));
  if (!found) throw notFound('Contact attempt');
}

/** The customer left the form for a suggestion: a point-of-contact deflection (unless a ticket was already sent). */
export const resolveAttempt = defineAction({
  name: 'support.record_attempt',
  input: resolvedInput,
  async run({ actor, tx }, input) {
    const asker = askerOf(actor);
    await requireOwnAttempt(tx, asker, input.attemptId);
    await tx
      .update(contactAttempts)
      .set({ outcome: input.via, outcomeTarget: input.target, resolvedAt: new Date() })
      .where(and(ownAttempt(asker, input.attemptId), or(isNull(contactAttempts.outcome), ne(contactAttempts.outcome, 'ticket'))));
    return { result: null, audit: { entityType: 'contact_attempt', entityId: input.attemptId, after: { outcome: input.via, target: input.target } } };
  },
});

/** "Did this solve it?" after following a suggestion. */
export const answerAttemptFeedback = defineAction({
  name: 'support.record_attempt',
  input: attemptFeedbackInput,
  async run({ actor, tx }, input) {
    const asker = askerOf(actor);
    await requireOwnAttempt(tx, asker, input.attemptId);
    await tx.update(contactAttempts).set({ solved: input.solved }).where(ownAttempt(asker, input.attemptId));
    return { result: null, audit: { entityType: 'contact_attempt', entityId: input.attemptId, after: { solved: input.solved } } };
  },
});
