// The billing details form, as the module's input: blanks mean "none", and an address left entirely
// blank is no address (a partly filled one goes through, so each missing part is named by its field).
const addressParts = ['line1', 'line2', 'city', 'postalCode', 'state', 'country'] as const;

const orNull = (value: string | undefined) => (value?.trim() ? value : null);

export function billingDetailsOf(form: Record<string, string>) {
  const address = Object.fromEntries(addressParts.map((part) => [part, form[`address.${part}`] ?? '']));
  const blank = addressParts.every((part) => !address[part]?.trim());
  return {
    billingEmail: orNull(form.billingEmail),
    companyName: orNull(form.companyName),
    address: blank ? null : address,
  };
}
