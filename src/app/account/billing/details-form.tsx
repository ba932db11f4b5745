import type { BillingDetails } from '@/modules/billing/service';
import { ActionForm, Field } from '@/ui/action-form';
import { saveDetailsAction } from './actions';

/** Who the invoices are made out to: email, legal name and address. */
export function DetailsForm({ details, editable, syncing }: { details: BillingDetails; editable: boolean; syncing: boolean }) {
  const address = details.address;
  const readOnly = !editable;
  const fields = (
    <>
      <div className="row">
        <Field label="Billing email" name="billingEmail" type="email" autoComplete="email" defaultValue={details.billingEmail ?? ''} hint="Invoices and receipts go here." fieldClassName="grow" readOnly={readOnly} />
        <Field label="Company legal name" name="companyName" autoComplete="organization" defaultValue={details.companyName ?? ''} hint="As it should appear on invoices." fieldClassName="grow" readOnly={readOnly} />
      </div>
      <fieldset className="stack stack-sm">
        <legend className="label">Billing address</legend>
        <Field label="Address line 1" name="address.line1" autoComplete="address-line1" defaultValue={address?.line1 ?? ''} readOnly={readOnly} />
        <Field label="Address line 2 (optional)" name="address.line2" autoComplete="address-line2" defaultValue={address?.line2 ?? ''} readOnly={readOnly} />
        <div className="row">
          <Field label="City" name="address.city" autoComplete="address-level2" defaultValue={address?.city ?? ''} fieldClassName="grow" readOnly={readOnly} />
          <Field label="Postal code" name="address.postalCode" autoComplete="postal-code" defaultValue={address?.postalCode ?? ''} readOnly={readOnly} />
        </div>
        <div className="row">
          <Field label="State or region (optional)" name="address.state" autoComplete="address-level1" defaultValue={address?.state ?? ''} fieldClassName="grow" readOnly={readOnly} />
          <Field label="Country" name="address.country" autoComplete="country" defaultValue={address?.country ?? ''} maxLength={2} hint="Two-letter code, e.g. DE" className="input-country" readOnly={readOnly} />
        </div>
      </fieldset>
    </>
  );
  return (
    <section className="card stack" aria-labelledby="details-heading">
      <h2 id="details-heading">Billing details</h2>
      <p className="muted">Your invoices are made out to these details.</p>
      {syncing ? (
        <p className="muted" role="status">
          Syncing with Stripe…
        </p>
      ) : null}
      {editable ? (
        <ActionForm action={saveDetailsAction} submitLabel="Save billing details" label="Billing details">
          {fields}
        </ActionForm>
      ) : (
        <div className="stack">{fields}</div>
      )}
    </section>
  );
}
