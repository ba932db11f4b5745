import { z } from 'zod';

const DAY_MS = 86_400_000;
/** The default range: the last 90 days, today included. */
export const DEFAULT_RANGE_DAYS = 90;
/** The longest range asked for at once (two years and a leap day). */
export const MAX_RANGE_DAYS = 731;

const day = z.iso.date('A date as YYYY-MM-DD.');
const emptyToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);

export type DeflectionRange = { from: Date; to: Date };

const startOfUtcDay = (time: number) => new Date(Math.floor(time / DAY_MS) * DAY_MS);
const dayOf = (value: string) => new Date(`${value}T00:00:00Z`);
export const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/**
 * The dashboard's range `[from, to)` in UTC days: `to` is the first day left out. Without `to` it ends
 * after today; without `from` it starts 90 days before `to`.
 */
export const deflectionRangeInput = z
  .object({ from: z.preprocess(emptyToUndefined, day.optional()), to: z.preprocess(emptyToUndefined, day.optional()) })
  .transform((asked): DeflectionRange => {
    const to = asked.to ? dayOf(asked.to) : startOfUtcDay(Date.now() + DAY_MS);
    const from = asked.from ? dayOf(asked.from) : new Date(to.getTime() - DEFAULT_RANGE_DAYS * DAY_MS);
    return { from, to };
  })
  .superRefine((range, ctx) => {
    if (range.from >= range.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'The end date must be after the start date.' });
    else if (range.to.getTime() - range.from.getTime() > MAX_RANGE_DAYS * DAY_MS) ctx.addIssue({ code: 'custom', path: ['to'], message: `Choose a range of at most ${MAX_RANGE_DAYS} days.` });
  });
