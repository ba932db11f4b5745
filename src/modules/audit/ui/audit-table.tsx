import type { ReactNode } from 'react';
import { formatDateTime } from '@/ui/date';
import { Table } from '@/ui/table';
import type { AuditEntry } from '../entries';
import { ChangeDiff } from './change-diff';

type Row = Pick<AuditEntry, 'id' | 'createdAt' | 'action' | 'entityType' | 'entityId' | 'before' | 'after'>;

/**
 * Audited changes, newest first, as the customer's Activity and the staff audit view show them: when,
 * who (in the reader's words), optionally which customer, what, and the change field by field.
 */
export function AuditTable<E extends Row>({ entries, who, customer, empty }: { entries: E[]; who: (entry: E) => ReactNode; customer?: (entry: E) => ReactNode; empty: ReactNode }) {
  return (
    <Table
      caption="Audit trail"
      hideCaption
      columns={[
        { key: 'when', header: 'When (UTC)' },
        { key: 'who', header: 'Who' },
        ...(customer ? [{ key: 'customer', header: 'Customer' }] : []),
        { key: 'what', header: 'What', rowHeader: true },
        { key: 'change', header: 'Change' },
      ]}
      rows={entries.map((e) => ({
        key: e.id,
        when: <time dateTime={e.createdAt}>{formatDateTime(e.createdAt, { seconds: true })}</time>,
        who: who(e),
        ...(customer ? { customer: customer(e) } : {}),
        what: (
          <span className="stack stack-sm">
            <code className="mono">{e.action}</code>
            <span className="small muted">
              {e.entityType}{' '}
              <span className="mono" title={e.entityId}>
                {e.entityId.slice(0, 8)}
              </span>
            </span>
          </span>
        ),
        change: <ChangeDiff before={e.before} after={e.after} />,
      }))}
      empty={empty}
    />
  );
}
