import { supportCategories, type SupportCategoryId } from '@config/support-categories';
import type { Actor } from '@/platform/actions/actor';
import { permits } from '@/platform/actions/authorize';
import { sectionOfPath } from '@/platform/config/sections';

export type ScreenSuggestion = { category: SupportCategoryId; title: string; path: string; why: string };

const MAX_SCREENS = 3;
/** What choosing the category in the form's select weighs, against a matched phrase's word count. */
const CHOSEN_CATEGORY_WEIGHT = 3;

function phrasePattern(phrase: string): RegExp {
  const words = phrase.split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  // Word start only, so "charge" finds "charged" and "seat" finds "seats".
  return new RegExp(`(^|[^\\p{L}\\p{N}])${words.join('\\s+')}`, 'u');
}

const patterns = new Map<string, RegExp>();
function matches(text: string, phrase: string): boolean {
  let pattern = patterns.get(phrase);
  if (!pattern) patterns.set(phrase, (pattern = phrasePattern(phrase)));
  return pattern.test(text);
}

/** How strongly the text speaks of the category: the words of its phrases found, longer phrases weighing more. */
export function categoryScore(text: string, id: SupportCategoryId, chosen?: SupportCategoryId): number {
  const found = supportCategories[id].phrases.filter((phrase) => matches(text, phrase));
  return found.reduce((sum, phrase) => sum + phrase.split(/\s+/).length, 0) + (id === chosen ? CHOSEN_CATEGORY_WEIGHT : 0);
}

/** Whether the actor can use the screen: its section open to their organization and their role allowed in it. */
function canOpen(actor: Actor, open: ReadonlySet<string>, path: string): boolean {
  const section = sectionOfPath(path.split('?')[0]!);
  return !section || (open.has(section.id) && (!section.permission || permits(actor, section.permission)));
}

/**
 * The portal screens that answer what the customer is writing, best first. A category without a screen
 * (a refund) suggests none; nor is a screen of a section not `open` to the organization (see the rollout
 * module's `sectionsOpenTo`), or one the actor's role cannot open.
 */
export function suggestScreens(actor: Actor, open: ReadonlySet<string>, text: string, chosen?: SupportCategoryId): ScreenSuggestion[] {
  const lower = text.toLowerCase();
  return (Object.keys(supportCategories) as SupportCategoryId[])
    .map((id) => ({ id, score: categoryScore(lower, id, chosen) }))
    .filter(({ id, score }) => score > 0 && supportCategories[id].screen !== null)
    .sort((a, b) => b.score - a.score)
    .map(({ id }) => ({ category: id, ...supportCategories[id].screen! }))
    .filter((screen) => canOpen(actor, open, screen.path))
    .slice(0, MAX_SCREENS);
}
