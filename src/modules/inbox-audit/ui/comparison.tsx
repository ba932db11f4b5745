import { supportCategories, supportCategoryIds } from '@config/support-categories';
import { Table } from '@/ui/table';

const change = (now: number, before: number) => (now === before ? '—' : `${now > before ? '+' : ''}${(now - before).toLocaleString('en')}`);

/** Tickets per category in this run beside the run before it: this quarter against the last. */
export function Comparison({ label, previousLabel, now, before }: { label: string; previousLabel: string; now: Map<string, number>; before: Map<string, number> }) {
  const rows = supportCategoryIds
    .filter((id) => (now.get(id) ?? 0) + (before.get(id) ?? 0) > 0)
    .toSorted((a, b) => (now.get(b) ?? 0) - (now.get(a) ?? 0))
    .map((id) => ({
      key: id,
      category: supportCategories[id].label,
      now: (now.get(id) ?? 0).toLocaleString('en'),
      before: (before.get(id) ?? 0).toLocaleString('en'),
      change: change(now.get(id) ?? 0, before.get(id) ?? 0),
    }));
  return (
    <Table
      caption={`Tickets per category: ${label} against ${previousLabel}`}
      hideCaption
      columns={[
        { key: 'category', header: 'Category', rowHeader: true },
        { key: 'now', header: label, align: 'right' },
        { key: 'before', header: previousLabel, align: 'right' },
        { key: 'change', header: 'Change', align: 'right' },
      ]}
      rows={rows}
    />
  );
}
