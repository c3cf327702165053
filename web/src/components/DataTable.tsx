import { Table } from '@mantine/core';
import type { ReactNode } from 'react';

// A striped, horizontally scrolling table of items: the column headers, a caption and test id if
// given, and one row per item from `row` (which returns the <Table.Tr>, with its key). With no
// items it shows `empty` instead of the table if given, or `emptyRow` as the table's only row
// (headers and caption stay), or else the bare table.

export function DataTable<T>({
  columns,
  items,
  row,
  caption,
  testId,
  empty,
  emptyRow,
}: {
  columns: ReactNode[];
  items: readonly T[];
  row: (item: T, index: number) => ReactNode;
  caption?: ReactNode;
  testId?: string;
  empty?: ReactNode;
  emptyRow?: ReactNode;
}) {
  if (items.length === 0 && empty !== undefined) return <>{empty}</>;
  return (
    <div className="table-scroll">
      <Table striped data-testid={testId}>
        {caption !== undefined && <Table.Caption>{caption}</Table.Caption>}
        <Table.Thead>
          <Table.Tr>
            {columns.map((c, i) => (
              <Table.Th key={i}>{c}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.length === 0 && emptyRow !== undefined && (
            <Table.Tr>
              <Table.Td colSpan={columns.length}>{emptyRow}</Table.Td>
            </Table.Tr>
          )}
          {items.map((item, i) => row(item, i))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
