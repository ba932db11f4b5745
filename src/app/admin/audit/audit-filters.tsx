import Form from 'next/form';
import Link from 'next/link';
import { actorFilters, knownAuditActions, type StaffAuditQuery } from '@/modules/audit/service';
import { Button } from '@/ui/button';
import { FormField } from '@/ui/form-field';

const actorLabels = { customer: 'A customer (member or API key)', staff: 'Support staff', host: 'The product (integration)', system: 'Deflect itself' } as const;

type Asked = Partial<Record<keyof StaffAuditQuery, string>>;

/** The audit view's filters, a plain GET form: who acted, which customer, which action. */
export function AuditFilters({ asked, errors, organizationName }: { asked: Asked; errors: Record<string, string>; organizationName: string | null }) {
  return (
    <Form action="/admin/audit" className="card stack" aria-label="Filter the audit trail">
      <div className="row stack-start">
        <FormField label="Who acted" name="actorType" error={errors.actorType} fieldClassName="grow">
          <select className="input" name="actorType" defaultValue={asked.actorType ?? ''}>
            <option value="">Anyone</option>
            {actorFilters.map((a) => (
              <option key={a} value={a}>
                {actorLabels[a]}
              </option>
            ))}
          </select>
        </FormField>
        <FormField
          label="Organization id"
          name="organizationId"
          defaultValue={asked.organizationId ?? ''}
          error={errors.organizationId}
          hint={organizationName ? `Showing ${organizationName}` : undefined}
          fieldClassName="grow"
          autoComplete="off"
          spellCheck={false}
        />
        <FormField label="Action" name="action" list="audit-actions" defaultValue={asked.action ?? ''} error={errors.action} placeholder="team.invite" fieldClassName="grow" autoComplete="off" spellCheck={false} />
        <datalist id="audit-actions">
          {knownAuditActions.map((a) => (
            <option key={a} value={a} />
          ))}
        </datalist>
      </div>
      <div className="row">
        <Button type="submit" variant="secondary">
          Filter
        </Button>
        <Link href="/admin/audit">Clear filters</Link>
      </div>
    </Form>
  );
}
