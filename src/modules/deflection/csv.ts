import { stringify } from 'csv-stringify/sync';
import type { DeflectionFigures, DeflectionReport } from './figures';

/** The CSV's columns, in order: the same figures as the JSON, one row per category and the total. */
export const csvColumns = [
  'category',
  'label',
  'screen',
  'launched_at',
  'tickets_before',
  'tickets_after',
  'weeks_before',
  'weeks_after',
  'tickets_per_week_before',
  'tickets_per_week_after',
  'before_after_rate',
  'deflection_rate',
  'deflection_rate_low',
  'deflection_rate_high',
  'self_service_completions',
  'point_of_contact_deflections',
  'auto_answer_deflections',
  'median_resolution_hours',
  'hours_saved',
  'money_saved',
  'currency',
  'holdout_attempts',
  'holdout_ticket_rate',
  'treated_attempts',
  'treated_ticket_rate',
  'repeat_contacts',
  'abandoned',
] as const;

const row = (f: DeflectionFigures): Record<(typeof csvColumns)[number], string | number | null> => ({
  category: f.category,
  label: f.label,
  screen: f.screen,
  launched_at: f.launchedAt,
  tickets_before: f.ticketsBefore,
  tickets_after: f.ticketsAfter,
  weeks_before: f.weeksBefore,
  weeks_after: f.weeksAfter,
  tickets_per_week_before: f.ticketsPerWeekBefore,
  tickets_per_week_after: f.ticketsPerWeekAfter,
  before_after_rate: f.beforeAfterRate,
  deflection_rate: f.deflectionRate,
  deflection_rate_low: f.deflectionRateInterval?.[0] ?? null,
  deflection_rate_high: f.deflectionRateInterval?.[1] ?? null,
  self_service_completions: f.selfServiceCompletions,
  point_of_contact_deflections: f.pointOfContactDeflections,
  auto_answer_deflections: f.autoAnswerDeflections,
  median_resolution_hours: f.medianResolutionHours,
  hours_saved: f.hoursSaved,
  money_saved: f.moneySaved,
  currency: f.currency,
  holdout_attempts: f.holdout.attempts,
  holdout_ticket_rate: f.holdout.ticketRate,
  treated_attempts: f.treated.attempts,
  treated_ticket_rate: f.treated.ticketRate,
  repeat_contacts: f.repeatContacts,
  abandoned: f.abandoned,
});

/** Empty cells for unknown figures (null); money in minor units, as in the JSON. */
export function deflectionCsv(report: DeflectionReport): string {
  return stringify([...report.categories, report.total].map(row), { header: true, columns: [...csvColumns] });
}
