/** A horizontal bar of how much of a limit is used; past `warnAt` percent it turns to a warning. */
export function ProgressBar({ label, percent, warnAt = 80 }: { label: string; percent: number; warnAt?: number }) {
  const shown = Math.min(100, Math.max(0, percent));
  const color = percent >= 100 ? 'var(--color-danger)' : percent >= warnAt ? 'var(--color-warning-text)' : 'var(--color-primary)';
  return (
    <div role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={shown} style={{ height: 10, borderRadius: 'var(--radius-full)', background: 'var(--color-border)', overflow: 'hidden' }}>
      <div style={{ width: `${shown}%`, height: '100%', background: color }} />
    </div>
  );
}
