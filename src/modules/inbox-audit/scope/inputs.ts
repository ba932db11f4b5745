import { z } from 'zod';
import { sections } from '@config/sections';
import { supportCategories, supportCategoryIds } from '@config/support-categories';
import { sectionIdOfPage } from '@config/sections';

const sectionIds = sections.map((s) => s.id) as [string, ...string[]];
const sectionId = z.enum(sectionIds, `One of: ${sectionIds.join(', ')}.`);
const categoryId = z.enum(supportCategoryIds, `One of: ${supportCategoryIds.join(', ')}.`);
const text = (max: number) => z.string().trim().max(max, `At most ${max} characters.`);
const tickets = z.int('A whole number of tickets.').min(0).max(1_000_000_000);

/** A version number as a path segment or a field. */
export const scopeVersion = z.coerce.number('A version number.').int('A version number.').min(1, 'A version number.').max(1_000_000);

/** What a scope document says; every category at most once, each launched one under its screen's section. */
export const scopeContentInput = z
  .object({
    launch: z
      .array(
        z.object({
          section: sectionId,
          categories: z.array(categoryId).min(1, 'Name the reasons this section absorbs.').max(supportCategoryIds.length),
          tickets,
          share: z.number().min(0).max(1, 'A share between 0 and 1.'),
          note: text(2_000),
        }),
      )
      .max(sections.length),
    staysWithSupport: z
      .array(z.object({ category: categoryId, tickets, reason: text(2_000).min(1, 'Say why it stays with support.') }))
      .max(supportCategoryIds.length),
    notes: text(20_000),
  })
  .superRefine((content, ctx) => {
    const seenSections = new Set<string>();
    const seenCategories = new Set<string>();
    const once = (category: string, path: (string | number)[]) => {
      if (seenCategories.has(category)) ctx.addIssue({ code: 'custom', path, message: `“${category}” is in the document twice.` });
      seenCategories.add(category);
    };
    content.launch.forEach((item, i) => {
      if (seenSections.has(item.section)) ctx.addIssue({ code: 'custom', path: ['launch', i, 'section'], message: `“${item.section}” is in the document twice.` });
      seenSections.add(item.section);
      item.categories.forEach((category, j) => {
        const screen = supportCategories[category].screen;
        if (!screen || sectionIdOfPage(screen.path) !== item.section) {
          ctx.addIssue({ code: 'custom', path: ['launch', i, 'categories', j], message: `No screen of the ${item.section} section absorbs “${category}”.` });
        }
        once(category, ['launch', i, 'categories', j]);
      });
    });
    content.staysWithSupport.forEach((item, i) => once(item.category, ['staysWithSupport', i, 'category']));
  });

/** `POST /api/admin/scope`: a new draft, proposed from a ready audit or copied from an earlier version. */
export const newScopeDraftInput = z
  .object({ auditId: z.string().trim().min(1, 'Pick an audit.').max(100).optional(), fromVersion: scopeVersion.optional() })
  .refine((v) => (v.auditId === undefined) !== (v.fromVersion === undefined), { path: ['auditId'], message: 'Give either an audit to propose from or a version to start from.' });

/** `PATCH /api/admin/scope/{version}`: the draft's whole content. */
export const editScopeInput = z.object({ version: scopeVersion, content: scopeContentInput });

export const signScopeInput = z.object({ version: scopeVersion });

/** The draft form: the sections ticked to launch, and the words written beside them. */
export const scopeChoiceInput = z.object({
  launch: z.array(sectionId).max(sections.length),
  sectionNotes: z.partialRecord(sectionId, text(2_000)),
  reasons: z.partialRecord(categoryId, text(2_000)),
  notes: text(20_000),
});
