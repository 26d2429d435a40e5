/**
 * The floor of the leader review benchmark: the least a virtualized table of the same rows
 * can cost. The same virtualizer (@tanstack/react-virtual), the same row height and overscan,
 * the same nine columns as plain text in divs with table roles; no Fluent, no badges, no links.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';

export interface BareRow {
  id: string;
  cells: readonly string[];
}

const ROW_HEIGHT = 76;

export function BareTable({ rows, height }: { rows: readonly BareRow[]; height: number }) {
  const ref = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => ref.current, estimateSize: () => ROW_HEIGHT, overscan: 8 });
  return (
    <div ref={ref} role="table" aria-rowcount={rows.length} data-bench-scroller style={{ height, overflow: 'auto', position: 'relative' }}>
      <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index];
          if (row === undefined) return null;
          return (
            <div
              key={row.id}
              role="row"
              aria-rowindex={item.index + 1}
              data-decision-id={row.id}
              style={{
                position: 'absolute',
                top: 0,
                left: 0,
                width: '100%',
                height: ROW_HEIGHT,
                transform: `translateY(${item.start}px)`,
                display: 'grid',
                gridTemplateColumns: '6.5rem 8.5rem minmax(14rem, 3fr) minmax(7rem, 1.2fr) minmax(7rem, 1fr) 6.5rem 10rem 7.5rem 6.5rem',
              }}
            >
              {row.cells.map((c, i) => (
                <div key={i} role="cell" style={{ overflow: 'hidden', padding: 8 }}>
                  {c}
                </div>
              ))}
            </div>
          );
        })}
      </div>
    </div>
  );
}
