import { defineAction } from '@/platform/actions/define';
import { forbidden } from '@/platform/http/errors';
import { feedbackInput } from './inputs';
import { insertFeedback } from './store';

/**
 * A member's bug, idea or question about a portal page. Stored for the console and emitted as
 * `feedback.submitted` (the host's issue tracker can take it from an outbound webhook). The audit row
 * keeps the kind, page and length only: the message is free text and may be personal.
 */
export const submitFeedback = defineAction({
  name: 'feedback.submit',
  input: feedbackInput,
  async run({ actor, tx, emit }, input) {
    if (actor.type !== 'user') throw forbidden();
    const saved = await insertFeedback(tx, { organizationId: actor.organizationId, userId: actor.userId }, input);
    emit('feedback.submitted', { organizationId: actor.organizationId, feedbackId: saved.id, userId: actor.userId, kind: saved.kind, page: saved.page, message: saved.message });
    return {
      result: { feedback: saved },
      audit: { entityType: 'feedback', entityId: saved.id, after: { kind: saved.kind, page: saved.page, messageLength: saved.message.length } },
    };
  },
});
