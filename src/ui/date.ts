// The one way a screen, a mail or an invoice writes a date: day, month, year, in UTC ("5 Dec 2026").
// Month names by hand: ICU's en-GB abbreviation of September changed from "Sep" to "Sept", and the
// screens, the words of an invoice and its PDF must write a date the same way. Nothing else in src/
// may format a date (eslint.config.mjs refuses Intl.DateTimeFormat and toLocale*String elsewhere).
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

type DateLike = string | Date;

function utc(value: DateLike): Date {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not a date: ${String(value)}`);
  return date;
}

const two = (n: number) => String(n).padStart(2, '0');

/** "5 Dec 2026"; accepts an ISO time or a YYYY-MM-DD day. */
export function formatDate(value: DateLike): string {
  const date = utc(value);
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** "5 Dec 2026, 14:05" (24-hour clock), with the seconds when asked ("14:05:09"). */
export function formatDateTime(value: DateLike, options: { seconds?: boolean } = {}): string {
  const date = utc(value);
  const time = `${two(date.getUTCHours())}:${two(date.getUTCMinutes())}${options.seconds ? `:${two(date.getUTCSeconds())}` : ''}`;
  return `${formatDate(date)}, ${time}`;
}

/** "5 Dec": a day where the year goes without saying (a chart's axis). */
export function formatDayMonth(value: DateLike): string {
  const date = utc(value);
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]}`;
}

/** "Dec 2026". */
export function formatMonth(value: DateLike): string {
  const date = utc(value);
  return `${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** "1 Aug 2026 – 1 Sep 2026". */
export function formatDateRange(start: DateLike, end: DateLike): string {
  return `${formatDate(start)} – ${formatDate(end)}`;
}
