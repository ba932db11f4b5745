import { sections } from '@config/sections';
import { isSupportCategory, supportCategories } from '@config/support-categories';
import type { ScopeState } from '../store';

export const sectionLabel = (id: string) => sections.find((s) => s.id === id)?.label ?? id;
export const categoryLabel = (id: string) => (isSupportCategory(id) ? supportCategories[id].label : id);
export const categoryLabels = (ids: readonly string[]) => ids.map(categoryLabel).join(', ');
export const formatShare = (share: number) => `${(share * 100).toFixed(1)} %`;
export const stateLabel: Record<ScopeState, string> = { draft: 'Draft', signed: 'Signed', superseded: 'Superseded' };
