import { supportCategories } from '@config/support-categories';
import { costOfHours, type SupportCost } from '@/platform/config/support-cost';
import { toJsonAmount } from '@/platform/money/minor-units';
import { isoDay, type DeflectionRange } from './inputs';
import { newcombeDifference } from './interval';
import type { AttemptRow, AutoAnswerRow, CountRow, MedianRow, SideRow, WeekRow } from './sql';
import { categoryRows } from './taxonomy';

/** Below this many tickets before the launch, a fall in the rate says nothing yet. */
export const MIN_TICKETS_BEFORE = 10;
/** Each side of the launch needs at least this many weeks in range for the fall since launch. */
export const MIN_WEEKS_PER_SIDE = 4;
/** The holdout and the attempts shown suggestions each need at least this many attempts for a deflection rate. */
export const MIN_ATTEMPTS_PER_SIDE = 30;

export type Share = { attempts: number; ticketRate: number | null };
export type WeekPoint = { start: string; tickets: number; ticketsPerWeek: number | null };

export type DeflectionFigures = {
  category: string;
  label: string;
  screen: string | null;
  launchedAt: string | null;
  ticketsBefore: number;
  ticketsAfter: number;
  weeksBefore: number;
  weeksAfter: number;
  ticketsPerWeekBefore: number | null;
  ticketsPerWeekAfter: number | null;
  beforeAfterRate: number | null;
  deflectionRate: number | null;
  selfServiceCompletions: number;
  pointOfContactDeflections: number;
  autoAnswerDeflections: number;
  medianResolutionHours: number | null;
  hoursSaved: number | null;
  moneySaved: number | null;
  currency: string;
  holdout: Share;
  treated: Share;
  deflectionRateInterval: [number, number] | null;
  repeatContacts: number;
  abandoned: number;
  weekly: WeekPoint[];
};

export type DeflectionReport = {
  from: string;
  to: string;
  currency: string;
  minimums: { ticketsBefore: number; weeksPerSide: number; attemptsPerSide: number };
  /** Whether anything at all was counted in range: the dashboard's empty state. */
  hasData: boolean;
  categories: DeflectionFigures[];
  total: DeflectionFigures;
};

export type Counts = { sides: SideRow[]; weeks: WeekRow[]; attempts: AttemptRow[]; selfService: CountRow[]; autoAnswered: AutoAnswerRow[]; medians: MedianRow[] };

const TOTAL_KEY = 'total';
const keyOf = (category: string | null) => category ?? TOTAL_KEY;
const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());
/** Tickets per week per 100 organizations: null without organization-weeks to divide by. */
const perHundred = (tickets: number, orgWeeks: number) => (orgWeeks > 0 ? (tickets * 100) / orgWeeks : null);
const share = (attempts: number, tickets: number): Share => ({ attempts, ticketRate: attempts > 0 ? tickets / attempts : null });

function beforeAfterRate(side: SideRow, before: number | null, after: number | null): number | null {
  const enough = side.tickets_before >= MIN_TICKETS_BEFORE && side.weeks_before >= MIN_WEEKS_PER_SIDE && side.weeks_after >= MIN_WEEKS_PER_SIDE;
  return enough && before !== null && after !== null && before > 0 ? (before - after) / before : null;
}

type Holdout = { rate: number | null; interval: [number, number] | null };

/** The holdout's ticket rate minus the treated one's, with Newcombe's interval, once both sides have enough attempts. */
function holdoutRate(attempt: AttemptRow | undefined): Holdout {
  if (!attempt || attempt.holdout_attempts < MIN_ATTEMPTS_PER_SIDE || attempt.treated_attempts < MIN_ATTEMPTS_PER_SIDE) return { rate: null, interval: null };
  const rate = attempt.holdout_tickets / attempt.holdout_attempts - attempt.treated_tickets / attempt.treated_attempts;
  return { rate, interval: newcombeDifference(attempt.holdout_tickets, attempt.holdout_attempts, attempt.treated_tickets, attempt.treated_attempts) };
}

function weeklySeries(weeks: WeekRow[], key: string): WeekPoint[] {
  const byWeek = new Map<number, WeekPoint & { orgWeeks: number }>();
  for (const row of weeks) {
    const point = byWeek.get(row.week) ?? { start: iso(row.start)!, tickets: 0, ticketsPerWeek: null, orgWeeks: Number(row.org_weeks) };
    if (row.category !== null && (key === TOTAL_KEY || row.category === key)) point.tickets += row.tickets;
    byWeek.set(row.week, point);
  }
  return [...byWeek.values()].map(({ orgWeeks, ...point }) => ({ ...point, ticketsPerWeek: perHundred(point.tickets, orgWeeks) }));
}

function index<R extends { category: string | null }>(rows: R[]): Map<string, R> {
  return new Map(rows.map((row) => [keyOf(row.category), row]));
}

/** Hours saved: deflections × the median resolution hours (unknown without a median, none without deflections). */
function hoursSavedOf(deflections: number, medianHours: number | null): number | null {
  if (deflections === 0) return 0;
  return medianHours === null ? null : deflections * medianHours;
}

const sum = (values: (number | null)[]) => values.reduce<number>((total, value) => total + (value ?? 0), 0);

/** The figures of each category and in total, from the counts of `sql.ts`. */
export function figuresOf(counts: Counts, range: DeflectionRange, cost: SupportCost): DeflectionReport {
  const attempts = index(counts.attempts);
  const selfService = index(counts.selfService);
  const autoAnswered = index(counts.autoAnswered);
  const medians = index(counts.medians);
  const sides = new Map(counts.sides.map((row) => [row.id, row]));

  const build = (key: string, label: string, screen: string | null): DeflectionFigures => {
    const side = sides.get(key)!;
    const before = perHundred(side.tickets_before, Number(side.org_weeks_before));
    const after = perHundred(side.tickets_after, Number(side.org_weeks_after));
    const attempt = attempts.get(key);
    const median = medians.get(key)?.median_hours ?? null;
    const pointOfContact = attempt?.point_of_contact ?? 0;
    const auto = autoAnswered.get(key)?.solved ?? 0;
    const holdout = holdoutRate(attempt);
    const hours = hoursSavedOf(pointOfContact + auto, median === null ? null : Number(median));
    return {
      category: key,
      label,
      screen,
      launchedAt: iso(side.launched_at),
      ticketsBefore: side.tickets_before,
      ticketsAfter: side.tickets_after,
      weeksBefore: Number(side.weeks_before),
      weeksAfter: Number(side.weeks_after),
      ticketsPerWeekBefore: before,
      ticketsPerWeekAfter: after,
      beforeAfterRate: beforeAfterRate(side, before, after),
      deflectionRate: holdout.rate,
      selfServiceCompletions: selfService.get(key)?.n ?? 0,
      pointOfContactDeflections: pointOfContact,
      autoAnswerDeflections: auto,
      medianResolutionHours: median === null ? null : Number(median),
      hoursSaved: hours,
      moneySaved: hours === null ? null : toJsonAmount(costOfHours(hours, cost)),
      currency: cost.currency,
      holdout: share(attempt?.holdout_attempts ?? 0, attempt?.holdout_tickets ?? 0),
      treated: share(attempt?.treated_attempts ?? 0, attempt?.treated_tickets ?? 0),
      deflectionRateInterval: holdout.interval,
      repeatContacts: (attempt?.failed_deflections ?? 0) + (autoAnswered.get(key)?.reopened ?? 0),
      abandoned: attempt?.abandoned ?? 0,
      weekly: weeklySeries(counts.weeks, key),
    };
  };

  const categories = categoryRows.map(({ id, path }) => build(id, supportCategories[id].label, path));
  // The total's savings add up the categories' (each at its own median), so the rows of the CSV sum to it.
  const total = { ...build(TOTAL_KEY, 'All categories', null), hoursSaved: sum(categories.map((c) => c.hoursSaved)), moneySaved: sum(categories.map((c) => c.moneySaved)) };
  const hasData = total.ticketsBefore + total.ticketsAfter + total.holdout.attempts + total.treated.attempts + total.selfServiceCompletions > 0;
  return {
    from: isoDay(range.from),
    to: isoDay(range.to),
    currency: cost.currency,
    minimums: { ticketsBefore: MIN_TICKETS_BEFORE, weeksPerSide: MIN_WEEKS_PER_SIDE, attemptsPerSide: MIN_ATTEMPTS_PER_SIDE },
    hasData,
    categories,
    total,
  };
}
