import { MIN_TICKETS_BEFORE, MIN_WEEKS_PER_SIDE } from './figures';

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
  deflectionRate: {
    name: 'Deflection rate',
    text: `(before − after) ÷ before, shown once there are at least ${MIN_TICKETS_BEFORE} tickets before the launch and ${MIN_WEEKS_PER_SIDE} weeks on each side of it.`,
  },
  selfServiceCompletions: {
    name: 'Self-service',
    text: 'Audit-log entries in the range of customers doing one of the category’s self-service actions (config/support-categories.ts) themselves.',
  },
  pointOfContactDeflections: {
    name: 'Point of contact',
    text: 'Contact-form visits in the range that left for a suggested screen or article instead of sending a ticket, except those answered “No” to “Did this solve it?”.',
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
  holdout: {
    name: 'Holdout',
    text: 'Contact-form visits in the range shown no suggestions on purpose, and the share of them that ended in a ticket.',
  },
  treated: {
    name: 'Shown suggestions',
    text: 'Contact-form visits in the range shown suggestions, and the share of them that ended in a ticket.',
  },
  abandoned: {
    name: 'Abandoned',
    text: 'Contact-form visits in the range that ended neither in a suggestion followed nor in a ticket.',
  },
} as const;

export type FigureKey = keyof typeof figureDefinitions;
