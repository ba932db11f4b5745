import { formatMoney } from '@/ui/money';

const oneDecimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 });

/** An unknown figure reads as a dash; the definitions say when a figure is unknown. */
export const UNKNOWN = '—';

export const formatRate = (value: number | null) => (value === null ? UNKNOWN : oneDecimal.format(value));
export const formatShare = (value: number | null) => (value === null ? UNKNOWN : percent.format(value));
/** A difference of two shares, in percentage points. */
export const formatPoints = (value: number) => `${oneDecimal.format(value * 100)} pts`;
export const formatCount = (value: number) => oneDecimal.format(value);
export const formatAmount = (minor: number | null, currency: string) => (minor === null ? UNKNOWN : formatMoney(minor, currency));
