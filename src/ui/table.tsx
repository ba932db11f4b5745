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
};

function alignClass(align: TableColumn['align']): string | undefined {
  return align === 'right' ? 'align-right' : align === 'center' ? 'align-center' : undefined;
}

/** Semantic data table, horizontally scrollable on narrow screens. Server-safe. */
export function Table({ caption, hideCaption = false, columns, rows, empty }: TableProps) {
  if (rows.length === 0) {
    return <>{empty ?? <EmptyState title="Nothing here yet" />}</>;
  }

  return (
    <div className="table-wrap">
      <table className="table">
        {caption ? (
          <caption className={hideCaption ? 'sr-only' : undefined}>{caption}</caption>
        ) : null}
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.key} scope="col" className={alignClass(column.align)}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={typeof row.key === 'string' ? row.key : index}>
              {columns.map((column) =>
                column.rowHeader ? (
                  <th key={column.key} scope="row" className={alignClass(column.align)}>
                    {row[column.key]}
                  </th>
                ) : (
                  <td key={column.key} className={alignClass(column.align)}>
                    {row[column.key]}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
