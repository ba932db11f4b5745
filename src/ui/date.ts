// Month names by hand: ICU's en-GB abbreviation of September changed from "Sep" to "Sept", and the
// screens, the words of an invoice and its PDF must write a date the same way.
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

type DateLike = string | Date;

function utc(value: DateLike): Date {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not a date: ${String(value)}`);
  return date;
}

const two = (n: number) => String(n).padStart(2, '0');

/** "5 Dec 2026", in UTC; accepts an ISO time or a YYYY-MM-DD day. */
export function formatDate(value: DateLike): string {
  const date = utc(value);
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** "1 Oct 2026", in UTC; accepts an ISO time or a YYYY-MM-DD day. */
export const formatUtcDay = formatDate;

/** "5 Dec 2026, 14:05" (24-hour clock, UTC), with the seconds when asked ("14:05:09"). */
export function formatDateTime(value: DateLike, options: { seconds?: boolean } = {}): string {
  const date = utc(value);
  const time = `${two(date.getUTCHours())}:${two(date.getUTCMinutes())}${options.seconds ? `:${two(date.getUTCSeconds())}` : ''}`;
  return `${formatDate(date)}, ${time}`;
}
