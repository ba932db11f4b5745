import { z } from 'zod';
import { defineQuery } from '@/platform/actions/define-query';
import { forbidden } from '@/platform/http/errors';
import { listSessions } from './service';

/** Where the reader is signed in, this session first. */
export const sessionsQuery = defineQuery({
  name: 'account.read',
  input: z.object({}).optional(),
  async run({ actor, db }) {
    if (actor.type !== 'user') throw forbidden();
    return listSessions(db, actor.userId, actor.sessionId ?? '');
  },
});
