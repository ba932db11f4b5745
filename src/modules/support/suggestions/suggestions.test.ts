import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { rejectionOf } from '../../../../tests/support/errors';
import { seedOrg, useTestDatabase, userActor, type SeededOrg } from '../../../../tests/support/test-db';
import { executeAction } from '@/platform/actions/execute';
import { executeQuery } from '@/platform/actions/execute-query';
import { auditLog } from '@/platform/actions/schema';
import { AppError } from '@/platform/http/errors';
import { helpArticles } from '@/modules/help/schema';
import { contactAttempts } from '../schema';
import { answerAttemptFeedback, resolveAttempt } from './actions';
import { suggestionHoldoutShare } from '@config/support-categories';
import { isHoldout } from './holdout';
import { suggest, suggestionsQuery } from './queries';
import { suggestScreens } from './screens';
import { seedStaff } from '../../../../tests/support/staff-fixtures';
import { switchSection } from '@/modules/rollout/service';
import { sections } from '@config/sections';

const t = useTestDatabase();
const CARD_QUESTION = 'I need to change the credit card we pay with';
const everySection = new Set(sections.map((s) => s.id));

// Articles are not per organization: each test starts from none.
beforeEach(async () => {
  await t.db.delete(helpArticles);
});

async function article(values: { slug: string; title: string; body: string; section?: string; locale?: string; published?: boolean }) {
  const [row] = await t.db
    .insert(helpArticles)
    .values({ id: crypto.randomUUID(), section: 'billing', locale: 'en', published: true, ...values })
    .returning({ id: helpArticles.id });
  return row!.id;
}

async function attemptRow(id: string) {
  const [row] = await t.db.select().from(contactAttempts).where(eq(contactAttempts.id, id));
  return row!;
}

/** Asks until the attempt drawn is (or is not) in the holdout; each ask is a new form visit. */
async function askUntil(owner: SeededOrg, holdout: boolean, q: string) {
  for (let i = 0; i < 300; i++) {
    const answer = await executeQuery(userActor(owner), suggestionsQuery, { q });
    if (answer.holdout === holdout) return answer;
  }
  throw new Error('no attempt of that kind drawn');
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await rejectionOf(promise);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('screen ranking', () => {
  it('puts the card screen first for the card question, deep-linked to the update-card flow', async () => {
    const owner = await seedOrg(t.db, { role: 'owner' });
    const [first] = suggestScreens(userActor(owner), everySection, CARD_QUESTION);
    expect(first).toMatchObject({ category: 'card', title: 'Update your card', path: '/account/billing?flow=payment_method_update' });
  });

  it('suggests no screen for a refund, a category that stays with a person', async () => {
    const owner = await seedOrg(t.db, { role: 'owner' });
    expect(suggestScreens(userActor(owner), everySection, 'Please refund the last payment')).toEqual([]);
    expect(suggestScreens(userActor(owner), everySection, 'hello', 'refund')).toEqual([]);
  });

  it('counts the category chosen in the form', async () => {
    const owner = await seedOrg(t.db, { role: 'owner' });
    expect(suggestScreens(userActor(owner), everySection, 'question about our account')).toEqual([]);
    expect(suggestScreens(userActor(owner), everySection, 'question about our account', 'invoices')[0]).toMatchObject({ category: 'invoices' });
    const mixed = 'our invoice shows a charge'; // both invoices and charge match one word each
    expect(suggestScreens(userActor(owner), everySection, mixed, 'charge')[0]).toMatchObject({ category: 'charge' });
    expect(suggestScreens(userActor(owner), everySection, mixed, 'invoices')[0]).toMatchObject({ category: 'invoices' });
  });

  it('leaves out screens the person’s role cannot open', async () => {
    const member = await seedOrg(t.db, { role: 'member' });
    const screens = suggestScreens(userActor(member), everySection, `${CARD_QUESTION}, and add a teammate`);
    expect(screens.map((s) => s.category)).toEqual(['team']);
  });
});

describe('help articles by full-text search', () => {
  it('finds published articles in the reader’s locale, best first, with a plain-text snippet', async () => {
    const owner = await seedOrg(t.db, { role: 'owner' });
    const card = await article({ slug: 'update-card', title: 'Update the card you pay with', body: 'Open **Billing** and choose <script>alert(1)</script> [Update card](/account/billing). Your new credit card is charged from the next invoice.' });
    const other = await article({ slug: 'invoices', title: 'Download invoices', body: 'Every invoice is a PDF; the card used is printed on it.' });
    await article({ slug: 'draft-card', title: 'Credit card draft', body: 'A draft about changing the credit card.', published: false });
    await article({ slug: 'karte', title: 'Credit card ändern', body: 'Change the credit card in German.', locale: 'de' });

    const { articles } = await suggest(t.db, userActor(owner), CARD_QUESTION);
    expect(articles.map((a) => a.id)).toEqual([card, other]);
    expect(articles[0]).toMatchObject({ slug: 'update-card', title: 'Update the card you pay with', section: 'billing' });
    expect(articles[0]!.snippet).toContain('credit card');
    expect(articles[0]!.snippet).not.toMatch(/[<>*[\]]/);
  });

  it('returns nothing for text without words, and survives odd input', async () => {
    const owner = await seedOrg(t.db, { role: 'owner' });
    await article({ slug: 'a', title: 'Card', body: 'card' });
    expect((await suggest(t.db, userActor(owner), '   !!! ')).articles).toEqual([]);
    expect((await suggest(t.db, userActor(owner), `card' & | ! ( <-> :* "x`)).articles).toHaveLength(1);
  });
});

describe('the rollout', () => {
  it('suggests no screen and no article of a section not rolled out to the asker’s organization', async () => {
    const listed = await seedOrg(t.db, { role: 'owner' });
    const other = await seedOrg(t.db, { role: 'owner' });
    await article({ slug: 'rollout-card', title: 'Update the card you pay with', body: 'Change the credit card under Billing.' });
    const lead = await seedStaff(t.db, 'lead');
    await executeAction(lead, switchSection, { section: 'billing', mode: 'allowlist', organizations: [listed.organizationId] }, { db: t.db });
    try {
      const shown = await suggest(t.db, userActor(listed), CARD_QUESTION);
      expect(shown.screens[0]).toMatchObject({ category: 'card' });
      expect(shown.articles.map((a) => a.slug)).toEqual(['rollout-card']);
      const hidden = await suggest(t.db, userActor(other), CARD_QUESTION);
      expect(hidden.screens.filter((s) => s.path.startsWith('/account/billing'))).toEqual([]);
      expect(hidden.articles).toEqual([]);
    } finally {
      await executeAction(lead, switchSection, { section: 'billing', mode: 'on' }, { db: t.db });
    }
  });
});

describe('contact attempts', () => {
  it('records the first call’s attempt in the person’s organization, and what later calls showed', async () => {
    const owner = await seedOrg(t.db, { role: 'owner' });
    const id = await article({ slug: 'update-card', title: 'Update the card', body: 'Change your credit card.' });
    const first = await askUntil(owner, false, 'hello there');
    expect(first).toMatchObject({ screens: [], articles: [] });
    const second = await executeQuery(userActor(owner), suggestionsQuery, { q: CARD_QUESTION, attemptId: first.attemptId, category: 'card' });
    expect(second).toMatchObject({ attemptId: first.attemptId, holdout: false, screens: [{ title: 'Update your card', path: '/account/billing?flow=payment_method_update' }] });
    expect(second.articles.map((a) => a.id)).toEqual([id]);
    const row = await attemptRow(first.attemptId);
    expect(row).toMatchObject({ organizationId: owner.organizationId, userId: owner.userId, category: 'card', holdout: false, outcome: null });
    expect(row.shown.articles).toEqual([id]);
    expect(row.shown.screens).toContainEqual({ category: 'card', path: '/account/billing?flow=payment_method_update' });
  });

  it('shows a holdout attempt nothing, and still records it', async () => {
    const owner = await seedOrg(t.db, { role: 'owner' });
    await article({ slug: 'update-card', title: 'Update the card', body: 'Change your credit card.' });
    const answer = await askUntil(owner, true, CARD_QUESTION);
    expect(answer).toMatchObject({ screens: [], articles: [], holdout: true });
    const again = await executeQuery(userActor(owner), suggestionsQuery, { q: CARD_QUESTION, attemptId: answer.attemptId });
    expect(again).toMatchObject({ screens: [], articles: [], holdout: true });
    const row = await attemptRow(answer.attemptId);
    expect(row).toMatchObject({ holdout: true, shown: { screens: [], articles: [] } });
    expect(isHoldout(row.id)).toBe(true);
  });

  it('draws the holdout from the attempt id alone, within a point of the configured 5 % over 10,000 attempts', () => {
    expect(suggestionHoldoutShare).toBe(0.05);
    const ids = Array.from({ length: 10_000 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    expect(ids.map((id) => isHoldout(id))).toEqual(ids.map((id) => isHoldout(id)));
    const share = ids.filter((id) => isHoldout(id)).length / ids.length;
    expect(share).toBeGreaterThan(0.04);
    expect(share).toBeLessThan(0.06);
    expect(ids.filter((id) => isHoldout(id, 0.2)).length / ids.length).toBeCloseTo(0.2, 1);
    expect(ids.some((id) => isHoldout(id, 0))).toBe(false);
  });

  it('answers not_found for another organization’s or another person’s attempt', async () => {
    const owner = await seedOrg(t.db, { role: 'owner' });
    const { attemptId } = await executeQuery(userActor(owner), suggestionsQuery, { q: 'card' });
    const stranger = await seedOrg(t.db, { role: 'owner' });
    const teammate = await seedOrg(t.db, { role: 'admin', organizationId: owner.organizationId });
    const elsewhere = await seedOrg(t.db, { userId: owner.userId, role: 'owner' }); // the same person, another organization
    for (const other of [stranger, teammate, elsewhere]) {
      expect((await refusal(executeQuery(userActor(other), suggestionsQuery, { q: 'card', attemptId }))).code).toBe('not_found');
      expect((await refusal(executeAction(userActor(other), resolveAttempt, { attemptId, via: 'screen', target: '/account/billing' }))).code).toBe('not_found');
      expect((await refusal(executeAction(userActor(other), answerAttemptFeedback, { attemptId, solved: true }))).code).toBe('not_found');
    }
    expect(await attemptRow(attemptId)).toMatchObject({ outcome: null, solved: null });
  });

  it('records leaving for a suggestion and the answer to “did this solve it?”, audited', async () => {
    const owner = await seedOrg(t.db, { role: 'viewer' });
    const { attemptId } = await executeQuery(userActor(owner), suggestionsQuery, { q: CARD_QUESTION });
    await executeAction(userActor(owner), resolveAttempt, { attemptId, via: 'screen', target: '/account/billing?flow=payment_method_update' });
    await executeAction(userActor(owner), answerAttemptFeedback, { attemptId, solved: true });
    const row = await attemptRow(attemptId);
    expect(row).toMatchObject({ outcome: 'screen', outcomeTarget: '/account/billing?flow=payment_method_update', solved: true, resolvedAt: expect.any(Date) });
    const audited = await t.db.select({ action: auditLog.action, entityId: auditLog.entityId }).from(auditLog).where(eq(auditLog.organizationId, owner.organizationId));
    expect(audited).toEqual([
      { action: 'support.record_attempt', entityId: attemptId },
      { action: 'support.record_attempt', entityId: attemptId },
    ]);
  });

  it('answers 422 with field errors for odd input', async () => {
    const owner = await seedOrg(t.db, { role: 'owner' });
    const { attemptId } = await executeQuery(userActor(owner), suggestionsQuery, { q: 'x' });
    expect((await refusal(executeQuery(userActor(owner), suggestionsQuery, { q: 'x', category: 'nope' }))).code).toBe('validation_failed');
    expect((await refusal(executeAction(userActor(owner), resolveAttempt, { attemptId, via: 'ticket', target: 'x' }))).code).toBe('validation_failed');
    expect((await refusal(executeAction(userActor(owner), answerAttemptFeedback, { attemptId, solved: 'yes' }))).code).toBe('validation_failed');
  });
});
