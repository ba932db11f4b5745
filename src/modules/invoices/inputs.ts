import { z } from 'zod';
import { isWithinBounds } from '@/platform/money/minor-units';

const day = z.iso.date('A date as YYYY-MM-DD.');
const instant = z.union([z.iso.datetime({ offset: true }), z.iso.date()], 'An ISO 8601 date or time.').transform((v) => new Date(v.length === 10 ? `${v}T00:00:00Z` : v));

/** A range of issue dates, both ends inclusive (UTC days). */
export const invoiceRangeInput = z
  .object({ from: day.optional(), to: day.optional() })
  .refine((r) => !r.from || !r.to || r.from <= r.to, { message: 'The start date must be on or before the end date.', path: ['from'] });
export type InvoiceRange = z.infer<typeof invoiceRangeInput>;

const contractInvoiceFields = z
  .object({
    externalId: z.string().trim().min(1).max(200),
    number: z.string().trim().min(1).max(64),
    issuedAt: instant,
    dueAt: instant,
    periodStart: instant,
    periodEnd: instant,
    currency: z.string().regex(/^[a-z]{3}$/, 'A lowercase ISO currency code, e.g. "eur".'),
    lines: z
      .array(
        z.object({
          description: z.string().trim().min(1).max(500),
          quantity: z.number().int().positive().max(1_000_000),
          unitAmount: z.number().int('An integer amount in the smallest currency unit, e.g. cents.'),
        }),
      )
      .min(1, 'An invoice needs at least one line.')
      .max(200),
  })
  .refine((i) => i.periodStart <= i.periodEnd, { message: 'The period must start before it ends.', path: ['periodEnd'] })
  .refine((i) => i.issuedAt <= i.dueAt, { message: 'The due date cannot be before the issue date.', path: ['dueAt'] });

const TOO_LARGE = `Amounts are limited to ${Number.MAX_SAFE_INTEGER} in the smallest currency unit.`;

/** Each line's amount and the total, computed exactly; one that a JSON number cannot carry is refused. */
function withAmounts(input: z.infer<typeof contractInvoiceFields>, ctx: z.RefinementCtx) {
  const lines = input.lines.map((line) => ({ ...line, amount: BigInt(line.quantity) * BigInt(line.unitAmount) }));
  lines.forEach((line, index) => {
    if (!isWithinBounds(line.amount)) ctx.addIssue({ code: 'custom', message: `quantity × unitAmount is too large. ${TOO_LARGE}`, path: ['lines', index, 'unitAmount'] });
  });
  const total = lines.reduce((sum, line) => sum + line.amount, 0n);
  if (!isWithinBounds(total)) ctx.addIssue({ code: 'custom', message: `The invoice total is too large. ${TOO_LARGE}`, path: ['lines'] });
  return { ...input, lines, total };
}

export const contractInvoiceInput = contractInvoiceFields.transform(withAmounts);

export const reportPaymentInput = z.object({
  invoiceId: z.string().min(1).max(100),
  reference: z.string().trim().min(1, 'Enter the transfer reference.').max(200),
  // "Today" anywhere on Earth: the latest time zone is UTC+14.
  paidAt: day.refine((d) => d <= new Date(Date.now() + 14 * 3_600_000).toISOString().slice(0, 10), 'The payment date cannot be in the future.'),
  amount: z.number({ error: 'Enter the amount paid.' }).int('The amount in the smallest currency unit, e.g. cents.').positive('The amount must be more than zero.'),
});

export const markPaidInput = z.object({ externalId: z.string().trim().min(1).max(200), invoiceId: z.string().min(1).max(100) });

/** The body of `POST /api/admin/invoices/{id}/mark-paid`, with the id: what support confirms. */
export const staffMarkPaidInput = z.object({
  invoiceId: z.string().min(1).max(100),
  reference: z.string().trim().max(200, 'At most 200 characters.').optional().transform((r) => r || undefined),
});

export const invoiceIdInput = z.object({ invoiceId: z.string().min(1).max(256) });

/** `?revision=N` picks an issued version of the PDF; without it, the latest. */
export const invoicePdfInput = invoiceIdInput.extend({ revision: z.coerce.number<string>().int().positive().max(10_000).optional() });

/** `POST /api/account/invoices/{id}/corrections` `{}`: reissue with the bill-to details on file now. */
export const correctionRequestInput = invoiceIdInput;

export const correctionStatuses = ['issued', 'awaiting_approval', 'ticket', 'completed'] as const;

export const correctionIdInput = z.object({ correctionId: z.string().min(1).max(256) });

/** `GET /api/admin/invoice-corrections?status=` */
export const staffCorrectionsInput = z.object({ status: z.enum(correctionStatuses).optional() });
export type StaffCorrectionsQuery = z.infer<typeof staffCorrectionsInput>;
