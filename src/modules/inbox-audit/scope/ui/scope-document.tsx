import { formatDateTime } from '@/ui/date';
import { Table } from '@/ui/table';
import type { ScopeVersion } from '../store';
import { categoryLabel, categoryLabels, formatShare, sectionLabel, stateLabel } from './labels';

/** Who made a version, from which audit, and who signed it off when. */
export function ScopeProvenance({ document }: { document: ScopeVersion }) {
  return (
    <p className="muted small">
      <span className={document.state === 'signed' ? 'badge badge-success' : 'badge'}>{stateLabel[document.state]}</span> Version {document.version}
      {document.audit ? ` · from the audit “${document.audit.label}”` : ''} · drafted {document.createdBy ? `by ${document.createdBy.name} ` : ''}on{' '}
      {formatDateTime(document.createdAt)}
      {document.signedAt ? ` · signed off ${document.signedBy ? `by ${document.signedBy.name} ` : ''}on ${formatDateTime(document.signedAt)}` : ''}
    </p>
  );
}

/** A version of the scope, read-only: what launches, what stays with support and why, and the notes. */
export function ScopeDocument({ document }: { document: ScopeVersion }) {
  const { content } = document;
  return (
    <div className="stack">
      <ScopeProvenance document={document} />
      <h3>Sections to launch</h3>
      <Table
        caption={`Sections to launch, version ${document.version}`}
        hideCaption
        columns={[
          { key: 'section', header: 'Section', rowHeader: true },
          { key: 'categories', header: 'Reasons it absorbs' },
          { key: 'tickets', header: 'Tickets', align: 'right' },
          { key: 'share', header: 'Share', align: 'right' },
          { key: 'note', header: 'Note' },
        ]}
        rows={content.launch.map((s) => ({ key: s.section, section: sectionLabel(s.section), categories: categoryLabels(s.categories), tickets: s.tickets, share: formatShare(s.share), note: s.note }))}
        empty={<p className="muted">No section launches in this version.</p>}
      />
      <h3>Stays with support</h3>
      <Table
        caption={`Stays with support, version ${document.version}`}
        hideCaption
        columns={[
          { key: 'category', header: 'Reason for contact', rowHeader: true },
          { key: 'tickets', header: 'Tickets', align: 'right' },
          { key: 'reason', header: 'Why it stays' },
        ]}
        rows={content.staysWithSupport.map((s) => ({ key: s.category, category: categoryLabel(s.category), tickets: s.tickets, reason: s.reason }))}
        empty={<p className="muted">Nothing stays with support in this version.</p>}
      />
      <h3>Notes</h3>
      {content.notes ? <p style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{content.notes}</p> : <p className="muted">No notes.</p>}
    </div>
  );
}
