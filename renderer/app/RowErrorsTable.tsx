/** Row-level import errors (row, column, value, problem), shared by every import preview. */
import { ScrollArea, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { rowErrorText } from '../lib/errors';

export interface RowError {
  row: number;
  column: string;
  value: string;
  message: string;
  key?: string;
  params?: Record<string, string | number>;
}

export function RowErrorsTable({
  errors,
  labels,
  maxHeight,
  testId,
}: {
  errors: RowError[];
  labels: { row: string; column: string; value: string; problem: string };
  maxHeight: number;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <ScrollArea.Autosize mah={maxHeight}>
      <Table fz="xs" withTableBorder data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{labels.row}</Table.Th>
            <Table.Th>{labels.column}</Table.Th>
            <Table.Th>{labels.value}</Table.Th>
            <Table.Th>{labels.problem}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {errors.map((e, i) => (
            <Table.Tr key={i}>
              <Table.Td>{e.row}</Table.Td>
              <Table.Td>{e.column}</Table.Td>
              <Table.Td>{e.value}</Table.Td>
              <Table.Td>{rowErrorText(t, e)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea.Autosize>
  );
}
