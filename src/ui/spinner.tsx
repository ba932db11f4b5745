export type SpinnerProps = {
  /** Announced to screen readers. Default 'Loading…'. */
  label?: string;
  /** Show the label next to the spinner instead of only to screen readers. */
  showLabel?: boolean;
};

/** CSS-only loading indicator with role="status". Server-safe. */
export function Spinner({ label = 'Loading…', showLabel = false }: SpinnerProps) {
  return (
    <span role="status" className="spinner-wrap">
      <span className="spinner" aria-hidden="true" />
      <span className={showLabel ? undefined : 'sr-only'}>{label}</span>
    </span>
  );
}

/** Centered page-level loading state for `loading.tsx` files (fades in after 300 ms). */
export function PageLoading({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="page-loading">
      <Spinner label={label} showLabel />
    </div>
  );
}
