import { supportCategories, supportCategoryIds } from '@config/support-categories';
import { ActionForm } from '@/ui/action-form';
import type { FormState } from '@/ui/form-state';
import { Table } from '@/ui/table';
import type { TicketView } from '../queries';

const labelOf = (id: string) => (id in supportCategories ? supportCategories[id as keyof typeof supportCategories].label : id);

/** A page of a run's tickets; a lead corrects a ticket's category with its select and Save. */
export function TicketsTable({
  auditId,
  tickets,
  correct,
}: {
  auditId: string;
  tickets: readonly TicketView[];
  correct: ((state: FormState, formData: FormData) => Promise<FormState>) | null;
}) {
  return (
    <Table
      caption="Tickets"
      hideCaption
      columns={[
        { key: 'id', header: 'Ticket', rowHeader: true },
        { key: 'subject', header: 'Subject' },
        { key: 'confidence', header: 'Confidence', align: 'right' },
        { key: 'category', header: 'Category' },
      ]}
      rows={tickets.map((t) => ({
        key: t.id,
        id: t.id,
        subject: t.subject || <span className="muted">(no subject)</span>,
        confidence: t.confidence === 1 ? 'Corrected' : `${Math.round(t.confidence * 100)}%`,
        category: correct ? (
          <ActionForm action={correct} submitLabel="Save" variant="secondary" className="row" label={`Category of ticket ${t.id}`}>
            <input type="hidden" name="id" value={auditId} />
            <input type="hidden" name="ticketId" value={t.id} />
            <select name="category" className="input input-sm" defaultValue={t.category} aria-label={`Category of ticket ${t.id}`}>
              {supportCategoryIds.map((id) => (
                <option key={id} value={id}>
                  {supportCategories[id].label}
                </option>
              ))}
            </select>
          </ActionForm>
        ) : (
          labelOf(t.category)
        ),
      }))}
      empty={<p className="muted">No ticket of this category in this run.</p>}
    />
  );
}
