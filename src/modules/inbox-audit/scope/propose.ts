import { sectionIdOfPage, sections } from '@config/sections';
import { isSupportCategory, supportCategories } from '@config/support-categories';
import type { ScopeContent } from '../schema';
import type { TopReason } from '../top';

/** What the scope reads of an audit's ranked reasons. */
export type ScopeReason = Pick<TopReason, 'category' | 'tickets' | 'share' | 'portalScreen'>;

/** What a lead decides on a draft: the sections that launch, and the words of the document. */
export type ScopeChoice = {
  /** The sections to launch; all that absorb a reason when absent. */
  launch?: readonly string[];
  sectionNotes?: Readonly<Partial<Record<string, string>>>;
  reasons?: Readonly<Partial<Record<string, string>>>;
  notes?: string;
};

type Launch = ScopeContent['launch'][number];
type Stay = ScopeContent['staysWithSupport'][number];


const labelOf = (category: string) => (isSupportCategory(category) ? supportCategories[category].label : category);

/** Why a reason stays with support when the lead has not said. */
export function defaultStayReason(category: string, absorbable: boolean): string {
  return absorbable ? `${labelOf(category)}: its screen is not in this launch.` : `${labelOf(category)}: no portal screen does this, so a person answers it.`;
}

// Shares are sums of fractions: rounded so that the stored document reads 0.3, not 0.30000000000000004.
const roundShare = (share: number) => Math.round(share * 10_000) / 10_000;
const sectionOrder = (id: string) => sections.findIndex((s) => s.id === id);

/**
 * The scope an audit's ranked reasons call for: each section whose screens absorb reasons, with those
 * reasons, ranked by the tickets it absorbs; the reasons no screen absorbs stay with support.
 */
export function proposeScope(reasons: readonly ScopeReason[]): ScopeContent {
  return arrangeScope(reasons, {});
}

/**
 * The lead's choice applied to an audit's reasons: the chosen sections launch; the reasons of the others
 * stay with support beside those no screen absorbs, most tickets first. Notes and reasons as written.
 */
export function arrangeScope(reasons: readonly ScopeReason[], choice: ScopeChoice): ScopeContent {
  const launching = choice.launch ? new Set(choice.launch) : null;
  const bySection = new Map<string, Launch>();
  const stays: Stay[] = [];
  for (const reason of reasons) {
    const section = reason.portalScreen === null ? null : sectionIdOfPage(reason.portalScreen);
    if (section === null || (launching && !launching.has(section))) {
      const written = choice.reasons?.[reason.category]?.trim();
      stays.push({ category: reason.category, tickets: reason.tickets, reason: written || defaultStayReason(reason.category, section !== null) });
      continue;
    }
    const item = bySection.get(section) ?? { section, categories: [], tickets: 0, share: 0, note: choice.sectionNotes?.[section]?.trim() ?? '' };
    item.categories.push(reason.category);
    item.tickets += reason.tickets;
    item.share = roundShare(item.share + reason.share);
    bySection.set(section, item);
  }
  return {
    launch: [...bySection.values()].sort((a, b) => b.tickets - a.tickets || sectionOrder(a.section) - sectionOrder(b.section)),
    staysWithSupport: stays.sort((a, b) => b.tickets - a.tickets || a.category.localeCompare(b.category)),
    notes: choice.notes?.trim() ?? '',
  };
}

/** The words of a choice written into a document whose arrangement stays as it is (its audit is gone). */
export function rewordScope(content: ScopeContent, choice: ScopeChoice): ScopeContent {
  return {
    launch: content.launch.map((item) => ({ ...item, note: choice.sectionNotes?.[item.section]?.trim() ?? item.note })),
    staysWithSupport: content.staysWithSupport.map((item) => ({ ...item, reason: choice.reasons?.[item.category]?.trim() || item.reason })),
    notes: choice.notes?.trim() ?? content.notes,
  };
}
