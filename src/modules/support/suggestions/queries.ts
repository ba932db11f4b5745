import type { Actor } from '@/platform/actions/actor';
import { defineQuery } from '@/platform/actions/define-query';
import { forbidden } from '@/platform/http/errors';
import { suggestArticles, type ArticleSuggestion } from './articles';
import { attemptFor, recordShown, type Asker } from './attempts';
import { suggestionsInput } from './inputs';
import { suggestScreens } from './screens';
import { sectionsOpenTo } from '@/modules/rollout/service';
import type { Db } from '@/platform/db/types';
import { supportCategories, supportCategoryIds, type SupportCategoryId } from '@config/support-categories';
import { z } from 'zod';
import { permits } from '@/platform/actions/authorize';

/** Help articles are written per locale; the portal reads in this one until people choose theirs. */
export const READER_LOCALE = 'en';

/** Only a signed-in member writes in through the form. */
export function askerOf(actor: Actor): Asker {
  if (actor.type !== 'user') throw forbidden();
  return { organizationId: actor.organizationId, userId: actor.userId };
}

/**
 * The engine: the screens and the help articles that answer the text, without any bookkeeping. Neither
 * points into a section that is not rolled out to the asker's organization.
 */
export async function suggest(db: Db, actor: Actor, text: string, category?: SupportCategoryId, locale = READER_LOCALE) {
  const open = await sectionsOpenTo(askerOf(actor).organizationId);
  const screens = suggestScreens(actor, open, text, category);
  const articles: ArticleSuggestion[] = (await suggestArticles(db, text, locale)).filter((a) => open.has(a.section));
  return { screens, articles };
}

/** `GET /api/account/support/suggestions`: what the contact form shows as the customer writes. */
export const suggestionsQuery = defineQuery({
  name: 'support.read',
  input: suggestionsInput,
  async run({ actor, db }, input) {
    const asker = askerOf(actor);
    const category = input.category as SupportCategoryId | undefined;
    const attempt = await attemptFor(db, asker, input.attemptId, category);
    if (attempt.holdout) return { screens: [], articles: [], attemptId: attempt.id, holdout: true };
    const { screens, articles } = await suggest(db, actor, input.q, category);
    await recordShown(db, attempt.id, { screens: screens.map((s) => ({ category: s.category, path: s.path })), articles: articles.map((a) => a.id) }, category);
    return {
      screens: screens.map(({ title, path, why }) => ({ title, path, why })),
      articles,
      attemptId: attempt.id,
      holdout: false,
    };
  },
});

/** The contact form's page: the categories to choose from, and whether the reader may send a ticket. */
export const contactFormQuery = defineQuery({
  name: 'support.read',
  input: z.object({}).optional(),
  async run({ actor }) {
    askerOf(actor);
    return {
      categories: supportCategoryIds.map((id) => ({ id, label: supportCategories[id].label })),
      canSend: permits(actor, 'support.create_ticket'),
    };
  },
});
