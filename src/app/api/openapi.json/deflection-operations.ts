import { z } from 'zod';
import { csvColumns, deflectionRangeInput, MIN_ATTEMPTS_PER_SIDE, MIN_TICKETS_BEFORE, MIN_WEEKS_PER_SIDE } from '@/modules/deflection/service';
import type { OperationSpec } from '@/platform/http/openapi/operation';

const staff = { type: 'staffSession' } as const;
const rate = z.number().nullable();
const share = z.object({ attempts: z.int(), ticketRate: rate.describe('The share of the attempts that ended in a ticket or a repeat contact; null without attempts.') });

const figures = z.object({
  category: z.string().describe('A category id of the taxonomy, or `total`.'),
  label: z.string(),
  screen: z.string().nullable().describe('The portal screen that absorbs the category; null: it stays with support.'),
  launchedAt: z.iso.datetime().nullable().describe('When the screen’s section was first shown to customers; for the total, the first launch of any section.'),
  ticketsBefore: z.int(),
  ticketsAfter: z.int(),
  weeksBefore: z.number(),
  weeksAfter: z.number(),
  ticketsPerWeekBefore: rate.describe('Tickets per week per 100 organizations before the launch; null when no organization-week lies on that side.'),
  ticketsPerWeekAfter: rate,
  beforeAfterRate: rate.describe(`(before − after) / before; null ("not enough data") below ${MIN_TICKETS_BEFORE} tickets before the launch or ${MIN_WEEKS_PER_SIDE} weeks on either side.`),
  deflectionRate: rate.describe(`The holdout's ticket rate minus the treated attempts' (an absolute difference of shares); null ("not enough data") below ${MIN_ATTEMPTS_PER_SIDE} attempts on either side.`),
  selfServiceCompletions: z.int(),
  pointOfContactDeflections: z.int(),
  autoAnswerDeflections: z.int(),
  medianResolutionHours: rate,
  hoursSaved: rate.describe('(point-of-contact + auto-answer deflections) × the median resolution hours; null when no median is known.'),
  moneySaved: z.int().nullable().describe('Hours saved at the configured cost of a support hour, in minor units of `currency`.'),
  currency: z.string(),
  holdout: share,
  treated: share,
  deflectionRateInterval: z.array(z.number()).length(2).nullable().describe('[low, high]: the 95 % interval of the deflection rate by Newcombe’s hybrid score method; null with the rate.'),
  repeatContacts: z.int().describe('Failed deflections: attempts that left for a suggestion then answered "No" or whose organization filed a ticket in the category within the repeat window, and auto-answered tickets reopened.'),
  abandoned: z.int().describe('Attempts that ended neither in a suggestion followed nor in a ticket.'),
  weekly: z.array(z.object({ start: z.iso.datetime(), tickets: z.int(), ticketsPerWeek: rate })),
});

/** The deflection dashboard's figures, as JSON and as CSV (any staff role). */
export const deflectionOperations: OperationSpec[] = [
  {
    method: 'get',
    path: '/api/admin/deflection',
    tag: 'Staff console',
    summary: 'Deflection figures per category and in total',
    description: '`from` and `to` are UTC days (`YYYY-MM-DD`), the range `[from, to)`: by default the last 90 days, today included; at most 731 days. The README’s “Deflection figures” defines each figure.',
    auth: staff,
    query: deflectionRangeInput,
    success: {
      status: 200,
      description: 'One entry per category of the taxonomy, and the total.',
      data: z.object({
        from: z.iso.date(),
        to: z.iso.date(),
        currency: z.string(),
        minimums: z.object({ ticketsBefore: z.int(), weeksPerSide: z.int(), attemptsPerSide: z.int() }),
        hasData: z.boolean(),
        categories: z.array(figures),
        total: figures,
      }),
    },
  },
  {
    method: 'get',
    path: '/api/admin/deflection.csv',
    tag: 'Staff console',
    summary: 'The deflection figures as CSV',
    auth: staff,
    query: deflectionRangeInput,
    success: { status: 200, description: `Header \`${csvColumns.join(',')}\`; one row per category, then \`total\`. An unknown figure is an empty cell.`, mediaType: 'text/csv', schema: z.string() },
  },
];
