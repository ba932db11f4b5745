import { formatDate } from '@/ui/date';
import { formatMoney } from '@/ui/money';
import type { InvoiceLine } from './schema';

const day = (iso: string | null) => (iso ? formatDate(iso) : null);

function span(line: InvoiceLine): string {
  const from = day(line.periodStart);
  const to = day(line.periodEnd);
  return from && to ? ` (${from} – ${to})` : '';
}

/**
 * "Why was I charged this much", in words: what each kind of line means, prorations above all,
 * which are the usual reason a bill differs from the plan's price.
 */
export function explainInvoice(input: { lines: InvoiceLine[]; currency: string; subtotal: bigint; tax: bigint; total: bigint }): string[] {
  const money = (amount: bigint | number) => formatMoney(amount, input.currency);
  const regular = input.lines.filter((l) => !l.proration);
  const charges = input.lines.filter((l) => l.proration && l.amount > 0);
  const credits = input.lines.filter((l) => l.proration && l.amount < 0);
  const sentences: string[] = [];
  for (const line of regular) {
    sentences.push(`${line.description}${span(line)}: ${line.quantity} × ${money(line.unitAmount)} = ${money(line.amount)}.`);
  }
  if (charges.length > 0 || credits.length > 0) {
    sentences.push('Your subscription changed during a billing period, so this invoice includes prorations: you pay only for the time each plan was in use.');
  }
  for (const line of charges) {
    sentences.push(`Charge for the rest of the period on the new plan${span(line)}: ${money(line.amount)} (${line.description}).`);
  }
  for (const line of credits) {
    sentences.push(`Credit for the unused time on the previous plan${span(line)}: ${money(line.amount)} (${line.description}).`);
  }
  if (input.tax !== 0n) sentences.push(`Tax: ${money(input.tax)} on a subtotal of ${money(input.subtotal)}.`);
  sentences.push(`Total: ${money(input.total)}.`);
  return sentences;
}
