import { z } from 'zod';
import { sections } from '@config/sections';

export const HELP_LOCALES = ['en', 'de', 'fr', 'es', 'nl'] as const;
export const DEFAULT_HELP_LOCALE = 'en';

const sectionIds = sections.map((s) => s.id) as [string, ...string[]];
export const helpSection = z.enum(sectionIds, `One of: ${sectionIds.join(', ')}.`);
export const helpLocale = z.enum(HELP_LOCALES, `One of: ${HELP_LOCALES.join(', ')}.`);

/** `GET /api/account/help`: `section` and `q` narrow the list; `locale` is the reader's (the route fills it). */
export const helpQueryInput = z.object({
  section: helpSection.optional(),
  q: z.string().trim().max(200).optional(),
  locale: z.string().trim().max(35).optional(),
});

export const voteInput = z.object({ id: z.string().min(1).max(100), helpful: z.boolean('Say true or false.') });

const slug = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Lowercase letters, digits and single hyphens.');

export const articleFields = {
  section: helpSection,
  slug,
  title: z.string().trim().min(1, 'Give a title.').max(200),
  body: z.string().max(50_000).refine((b) => b.trim().length > 0, 'Write the article.'),
  locale: helpLocale.default(DEFAULT_HELP_LOCALE),
  published: z.boolean().default(false),
};

export const createArticleInput = z.object(articleFields);

export const updateArticleInput = z
  .object({
    id: z.string().min(1).max(100),
    section: articleFields.section.optional(),
    slug: articleFields.slug.optional(),
    title: articleFields.title.optional(),
    body: articleFields.body.optional(),
    locale: helpLocale.optional(),
    published: z.boolean().optional(),
  })
  .refine((v) => Object.keys(v).length > 1, { path: ['body'], message: 'Give at least one field to change.' });

export const articleIdInput = z.object({ id: z.string().min(1).max(100) });

export const adminListInput = z.object({
  section: helpSection.optional(),
  locale: helpLocale.optional(),
  published: z.enum(['true', 'false']).optional(),
});
