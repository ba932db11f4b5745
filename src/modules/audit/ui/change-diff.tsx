import { diffJson } from '../diff';

function show(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** An audit entry's change, field by field: changed ones as before → after, added and removed marked. */
export function ChangeDiff({ before, after }: { before: unknown; after: unknown }) {
  const { changes, unchanged } = diffJson(before, after);
  if (changes.length === 0) return <span className="muted">{unchanged > 0 ? 'No field changed' : '—'}</span>;
  // A thing created or deleted whole says so once, rather than on each of its fields.
  const whole = changes.every((c) => c.change === 'added') ? 'Created' : changes.every((c) => c.change === 'removed') ? 'Removed' : null;
  if (whole && unchanged === 0) {
    return (
      <dl className="change-list small">
        <div className="muted">{whole}</div>
        {changes.map((c) => (
          <div key={c.path}>
            <dt className="muted mono">{c.path}</dt>
            <dd>{c.change === 'added' ? <ins>{show(c.after)}</ins> : <del>{show(c.before)}</del>}</dd>
          </div>
        ))}
      </dl>
    );
  }
  return (
    <dl className="change-list small">
      {changes.map((c) => (
        <div key={c.path}>
          <dt className="muted mono">{c.path}</dt>
          <dd>
            {c.change === 'removed' ? (
              <>
                <del>{show(c.before)}</del> <span className="badge">removed</span>
              </>
            ) : c.change === 'added' ? (
              <>
                <ins>{show(c.after)}</ins> <span className="badge">added</span>
              </>
            ) : (
              <>
                <del>{show(c.before)}</del> → <ins>{show(c.after)}</ins>
              </>
            )}
          </dd>
        </div>
      ))}
      {unchanged > 0 ? <div className="muted">{unchanged === 1 ? '1 field unchanged' : `${unchanged} fields unchanged`}</div> : null}
    </dl>
  );
}
