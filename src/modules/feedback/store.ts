import { desc, eq } from 'drizzle-orm';
import type { Db } from '@/platform/db/types';
import { user } from '@/platform/auth/schema';
import { organization } from '@/platform/tenancy/schema';
import type { FeedbackInput, FeedbackKind, StaffFeedbackQuery } from './inputs';
import { feedback } from './schema';

export type FeedbackView = { id: string; kind: FeedbackKind; message: string; page: string; createdAt: string };
export type StaffFeedbackView = FeedbackView & { organization: { id: string; name: string }; from: string | null };

type Row = typeof feedback.$inferSelect;
const viewOf = (row: Row): FeedbackView => ({ id: row.id, kind: row.kind as FeedbackKind, message: row.message, page: row.page, createdAt: row.createdAt.toISOString() });

export async function insertFeedback(tx: Db, author: { organizationId: string; userId: string }, input: FeedbackInput): Promise<FeedbackView> {
  const [row] = await tx
    .insert(feedback)
    .values({ id: crypto.randomUUID(), ...author, ...input })
    .returning();
  return viewOf(row!);
}

/** Every customer's feedback, newest first, with the organization's name and who sent it. */
export async function listFeedback(db: Db, query: StaffFeedbackQuery): Promise<{ feedback: StaffFeedbackView[] }> {
  const rows = await db
    .select({ row: feedback, organizationName: organization.name, from: user.email })
    .from(feedback)
    .innerJoin(organization, eq(organization.id, feedback.organizationId))
    .leftJoin(user, eq(user.id, feedback.userId))
    .where(query.kind ? eq(feedback.kind, query.kind) : undefined)
    .orderBy(desc(feedback.createdAt), desc(feedback.id))
    .limit(query.limit);
  return {
    feedback: rows.map(({ row, organizationName, from }) => ({ ...viewOf(row), organization: { id: row.organizationId, name: organizationName }, from })),
  };
}
