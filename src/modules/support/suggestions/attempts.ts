import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '@/platform/db/types';
import { notFound } from '@/platform/http/errors';
import { contactAttempts } from '../schema';
import { isHoldout } from './holdout';

// Listed in src/platform/actions/outside-pipeline.ts: recording what the form showed is bookkeeping of a
// read, once per debounced keystroke; an audit row each would drown the log. The outcomes (left for a
// suggestion, "did it solve it?") are audited actions.

export type Asker = { organizationId: string; userId: string };
export type Shown = { screens: { category: string; path: string }[]; articles: string[] };

/** The visit's attempt: the one named (the asker's own, else 404), or a new one with its holdout drawn. */
export async function attemptFor(db: Db, asker: Asker, attemptId: string | undefined, category: string | undefined) {
  if (attemptId) {
    const [found] = await db
      .select({ id: contactAttempts.id, holdout: contactAttempts.holdout })
      .from(contactAttempts)
      .where(and(eq(contactAttempts.id, attemptId), eq(contactAttempts.organizationId, asker.organizationId), eq(contactAttempts.userId, asker.userId)));
    if (!found) throw notFound();
    return found;
  }
  const id = crypto.randomUUID();
  const [created] = await db
    .insert(contactAttempts)
    .values({ id, organizationId: asker.organizationId, userId: asker.userId, category: category ?? null, holdout: isHoldout(id) })
    .returning({ id: contactAttempts.id, holdout: contactAttempts.holdout });
  return created!;
}

/** Adds what was just suggested to the attempt's `shown` (each screen and article once) and its latest category. */
export async function recordShown(db: Db, attemptId: string, shown: Shown, category: string | undefined): Promise<void> {
  await db
    .update(contactAttempts)
    .set({
      category: category ?? sql`${contactAttempts.category}`,
      shown: sql`jsonb_build_object(
        'screens', (select coalesce(jsonb_agg(distinct s), '[]'::jsonb) from jsonb_array_elements(${contactAttempts.shown}->'screens' || ${JSON.stringify(shown.screens)}::jsonb) s),
        'articles', (select coalesce(jsonb_agg(distinct a), '[]'::jsonb) from jsonb_array_elements(${contactAttempts.shown}->'articles' || ${JSON.stringify(shown.articles)}::jsonb) a))`,
    })
    .where(eq(contactAttempts.id, attemptId));
}
