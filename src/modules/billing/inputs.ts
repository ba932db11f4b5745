import { z } from 'zod';
import { checkTaxId, taxIdTypes } from './tax-id-format';

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => (v === '' ? null : v));

export const addressInput = z.object({
  line1: z.string().trim().min(1, 'Enter the street address.').max(200),
  line2: optionalText(200).nullable().optional().transform((v) => v ?? null),
  city: z.string().trim().min(1, 'Enter the city.').max(100),
  postalCode: z.string().trim().min(1, 'Enter the postal code.').max(20),
  state: optionalText(100).nullable().optional().transform((v) => v ?? null),
  country: z
    .string()
    .trim()
    .transform((v) => v.toUpperCase())
    .pipe(z.string().regex(/^[A-Z]{2}$/, 'A two-letter country code, e.g. DE.')),
});

export const billingDetailsInput = z
  .object({
    billingEmail: z
      .string()
      .trim()
      .max(320)
      .pipe(z.email('Enter an email address, e.g. billing@example.com.'))
      .transform((e) => e.toLowerCase())
      .nullable()
      .optional(),
    companyName: z.string().trim().min(1, 'Enter the company name as it should appear on invoices.').max(200).nullable().optional(),
    address: addressInput.nullable().optional(),
  })
  .refine((d) => d.billingEmail !== undefined || d.companyName !== undefined || d.address !== undefined, { message: 'Nothing to change.', path: ['_'] });

export type BillingDetailsInput = z.infer<typeof billingDetailsInput>;

export const addTaxIdInput = z
  .object({ type: z.enum(taxIdTypes, { error: `One of: ${taxIdTypes.join(', ')}.` }), value: z.string().max(64) })
  .transform((input, ctx) => {
    const checked = checkTaxId(input.type, input.value);
    if (!checked.ok) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: checked.message });
      return z.NEVER;
    }
    return { type: input.type, value: checked.value, country: checked.country };
  });

export const removeTaxIdInput = z.object({ taxIdId: z.string().min(1).max(100) });

export const portalFlows = ['payment_method_update', 'subscription_update', 'subscription_cancel'] as const;
export type PortalFlow = (typeof portalFlows)[number];
export const portalSessionInput = z.object({ flow: z.enum(portalFlows).optional() });
