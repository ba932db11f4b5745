import { repeatContactDays, suggestionHoldoutShare } from '@config/support-categories';
import { MIN_ATTEMPTS_PER_SIDE, MIN_TICKETS_BEFORE, MIN_WEEKS_PER_SIDE } from './figures';

/** Each figure of the dashboard in one sentence: the table's headers and the page's definitions read them. */
export const figureDefinitions = {
  launchedAt: {
    name: 'Launched',
    text: 'The first time a rollout switch showed the screen’s portal section to customers; with none recorded, every week of the range counts as before.',
  },
  ticketsPerWeekBefore: {
    name: 'Tickets / week before',
    text: 'Tickets created in the range before the launch (imported help-desk tickets once each, portal and host tickets) × 100 ÷ the organization-weeks before it, each organization counting from its creation.',
  },
  ticketsPerWeekAfter: {
    name: 'Tickets / week after',
    text: 'The same rate from the launch on, per week per 100 organizations; empty when no part of the range is after the launch.',
  },
  beforeAfterRate: {
    name: 'Fall since launch',
    text: `(before − after) ÷ before, shown once there are at least ${MIN_TICKETS_BEFORE} tickets before the launch and ${MIN_WEEKS_PER_SIDE} weeks on each side of it; other changes over time count in it too.`,
  },
  deflectionRate: {
    name: 'Deflection rate',
    text: `The holdout’s ticket rate minus the ticket rate of visits shown suggestions, in percentage points of visits (an absolute difference); “not enough data yet” below ${MIN_ATTEMPTS_PER_SIDE} visits on either side.`,
  },
  deflectionRateInterval: {
    name: '95 % interval',
    text: 'The 95 % confidence interval of the deflection rate by Newcombe’s hybrid score method: each side’s Wilson score interval, combined as the square root of the summed squared distances.',
  },
  selfServiceCompletions: {
    name: 'Self-service',
    text: 'Audit-log entries in the range of customers doing one of the category’s self-service actions (config/support-categories.ts) themselves.',
  },
  pointOfContactDeflections: {
    name: 'Point of contact',
    text: 'Contact-form visits in the range that left for a suggested screen or article instead of sending a ticket, except repeat contacts.',
  },
  autoAnswerDeflections: {
    name: 'Auto-answer',
    text: 'Tickets created in the range that the customer marked solved from the automatic answer, without dismissing it and with no staff reply.',
  },
  hoursSaved: {
    name: 'Hours saved',
    text: '(Point-of-contact + auto-answer deflections) × the median hours from creation to close of the category’s imported tickets.',
  },
  moneySaved: {
    name: 'Money saved',
    text: 'Hours saved × the cost of a support hour (SUPPORT_COST_PER_HOUR).',
  },
  repeatContacts: {
    name: 'Repeat contacts',
    text: `Failed deflections: visits that left for a suggestion and were answered “Still need help”, or whose organization filed a ticket in the same category within ${repeatContactDays} days; plus auto-answered tickets created in the range whose customer dismissed the answer or replied to reopen.`,
  },
  holdout: {
    name: 'Holdout',
    text: `Contact-form visits in the range shown no suggestions on purpose (${suggestionHoldoutShare * 100} % of visits, drawn from a hash of the visit’s id), and the share that ended in a ticket or a repeat contact.`,
  },
  treated: {
    name: 'Shown suggestions',
    text: 'Contact-form visits in the range outside the holdout, and the share that ended in a ticket or a repeat contact.',
  },
  abandoned: {
    name: 'Abandoned',
    text: 'Contact-form visits in the range that ended neither in a suggestion followed nor in a ticket: never counted as deflections.',
  },
} as const;

export type FigureKey = keyof typeof figureDefinitions;
