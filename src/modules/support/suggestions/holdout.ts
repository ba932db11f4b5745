import { createHash } from 'node:crypto';
import { suggestionHoldoutShare } from '@config/support-categories';

/** Whether an attempt is in the holdout: a fixed function of its id, so every call of the visit agrees. */
export function isHoldout(attemptId: string, share: number = suggestionHoldoutShare): boolean {
  const bucket = createHash('sha256').update(attemptId).digest().readUInt32BE(0) / 0x1_0000_0000;
  return bucket < share;
}
