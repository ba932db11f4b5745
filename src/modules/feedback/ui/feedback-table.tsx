import Link from 'next/link';
import { formatDateTime } from '@/ui/date';
import { EmptyState } from '@/ui/empty-state';
import { Table } from '@/ui/table';
import type { StaffFeedbackView } from '../store';

const kindLabels = { bug: 'Bug', idea: 'Idea', question: 'Question' } as const;

/** The console's feedback list: one row each (a block of labelled cells on a narrow screen). */
export function FeedbackTable({ feedback }: { feedback: StaffFeedbackView[] }) {
  return (
    <Table
      caption="Feedback, newest first"
      hideCaption
      columns={[
        { key: 'kind', header: 'Kind', rowHeader: true },
        { key: 'message', header: 'Message' },
        { key: 'page', header: 'Page' },
        { key: 'customer', header: 'Customer' },
        { key: 'sent', header: 'Sent' },
      ]}
      rows={feedback.map((f) => ({
        key: f.id,
        kind: kindLabels[f.kind],
        message: <span className="feedback-message">{f.message}</span>,
        page: <code>{f.page}</code>,
        customer: (
          <>
            <Link href={`/admin/customers/${encodeURIComponent(f.organization.id)}`}>{f.organization.name}</Link>
            {f.from ? <span className="small muted"> · {f.from}</span> : null}
          </>
        ),
        sent: formatDateTime(f.createdAt),
      }))}
      empty={<EmptyState title="No feedback yet" description="What customers send with the portal’s Feedback button shows here." />}
    />
  );
}
