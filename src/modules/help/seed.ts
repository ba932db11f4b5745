import { z } from 'zod';
import { defineAction } from '@/platform/actions/define';
import { demoArticles } from './demo-articles';
import { helpArticles } from './schema';

/** The demo's published help articles; an article a lead already wrote under the same slug is kept. */
export const seedHelpArticles = defineAction({
  name: 'system.seed_help_articles',
  input: z.object({}),
  async run({ tx }) {
    const now = new Date();
    const rows = await tx
      .insert(helpArticles)
      .values(demoArticles.map((a) => ({ id: crypto.randomUUID(), ...a, locale: 'en', published: true, publishedAt: now, createdAt: now, updatedAt: now })))
      .onConflictDoNothing()
      .returning({ id: helpArticles.id });
    return { result: { seeded: rows.length }, audit: { entityType: 'help_article', entityId: 'demo_seed', after: { seeded: rows.length } } };
  },
});
