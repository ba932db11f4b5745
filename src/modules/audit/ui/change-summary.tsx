function show(value: unknown): string {
  if (value === null || value === undefined) return '—';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Before → after, field by field. */
export function ChangeSummary({ before, after }: { before: unknown; after: unknown }) {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  if (keys.length === 0) return <span className="muted">—</span>;
  return (
    <dl className="change-list small">
      {keys.map((key) => (
        <div key={key}>
          <dt className="muted">{key}</dt>
          <dd>
            {key in b ? (
              <>
                <del>{show(b[key])}</del> →{' '}
              </>
            ) : null}
            <ins>{show(a[key])}</ins>
          </dd>
        </div>
      ))}
    </dl>
  );
}
