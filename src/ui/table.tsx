import type { ReactNode } from 'react';
import { EmptyState } from './empty-state';

export type TableColumn = {
  /** Property of each row to render in this column. */
  key: string;
  header: ReactNode;
  /** Default 'left'. Use 'right' for numbers and row actions. */
  align?: 'left' | 'center' | 'right';
  /** Render this column's cells as <th scope="row"> (e.g. the name column). */
  rowHeader?: boolean;
};

/** One row: cell contents by column key, plus an optional stable React `key`. */
export type TableRow = { key?: string } & Record<string, ReactNode>;

export type TableProps = {
  caption?: ReactNode;
  /** Keep the caption for screen readers but hide it visually. */
  hideCaption?: boolean;
  columns: TableColumn[];
  rows: TableRow[];
  /** Rendered instead of the table when `rows` is empty. Default: a generic EmptyState. */
  empty?: ReactNode;
  /** On a narrow container each row stacks into a block of labelled cells. Default true. */
  stack?: boolean;
};

function alignClass(align: TableColumn['align']): string | undefined {
  return align === 'right' ? 'align-right' : align === 'center' ? 'align-center' : undefined;
}

const isBlank = (value: ReactNode) => value === null || value === undefined || value === false || value === '';

/**
 * Semantic data table, server-safe. Where its container is narrow, each row becomes a block: the
 * row header on top, then each cell beside its column's label. The explicit roles keep it a table
 * for screen readers once CSS lays the rows out as blocks (some browsers drop the semantics then).
 */
export function Table({ caption, hideCaption = false, columns, rows, empty, stack = true }: TableProps) {
  if (rows.length === 0) {
    return <>{empty ?? <EmptyState title="Nothing here yet" />}</>;
  }
  const role = (name: string) => (stack ? name : undefined);

  return (
    <div className={stack ? 'table-wrap table-stacks' : 'table-wrap'}>
      <table className="table" role={role('table')}>
        {caption ? (
          <caption className={hideCaption ? 'sr-only' : undefined}>{caption}</caption>
        ) : null}
        <thead role={role('rowgroup')}>
          <tr role={role('row')}>
            {columns.map((column) => (
              <th key={column.key} scope="col" role={role('columnheader')} className={alignClass(column.align)}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody role={role('rowgroup')}>
          {rows.map((row, index) => (
            <tr key={typeof row.key === 'string' ? row.key : index} role={role('row')}>
              {columns.map((column) => {
                const value = row[column.key];
                // A text header labels each cell of a stacked row; the row actions' hidden header does not.
                const label = typeof column.header === 'string' ? column.header : undefined;
                const blank = isBlank(value);
                const className = [alignClass(column.align), blank ? 'cell-blank' : null, label ? null : 'cell-unlabelled'].filter(Boolean).join(' ') || undefined;
                const content =
                  stack && label && !blank && !column.rowHeader ? (
                    <>
                      <span className="cell-label" aria-hidden="true">
                        {label}
                      </span>
                      <span className="cell-value">{value}</span>
                    </>
                  ) : (
                    value
                  );
                return column.rowHeader ? (
                  <th key={column.key} scope="row" role={role('rowheader')} className={className}>
                    {content}
                  </th>
                ) : (
                  <td key={column.key} role={role('cell')} className={className}>
                    {content}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
