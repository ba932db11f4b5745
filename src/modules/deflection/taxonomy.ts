import { sectionIdOfPage } from '@config/sections';
import { supportCategories, supportCategoryIds, type SupportCategoryId } from '@config/support-categories';

/** Where a contact whose category is missing or unknown is counted. */
export const FALLBACK_CATEGORY: SupportCategoryId = 'other';

/** A category as the SQL reads it: its place in the taxonomy, its screen, the section that screen is in. */
export type CategoryRow = { id: SupportCategoryId; ord: number; path: string | null; section: string | null };

export const categoryRows: readonly CategoryRow[] = supportCategoryIds.map((id, ord) => {
  const path = supportCategories[id].screen?.path ?? null;
  return { id, ord, path, section: path ? sectionIdOfPage(path) : null };
});

/** Each audit action that counts as a category's self-service completion (an action may count for two). */
export const selfServiceRows: readonly { category: SupportCategoryId; action: string }[] = supportCategoryIds.flatMap((category) =>
  supportCategories[category].selfServiceActions.map((action) => ({ category, action })),
);
