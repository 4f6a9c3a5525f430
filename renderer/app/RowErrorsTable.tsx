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

export function RowErrorsTable({ errors, maxHeight, testId }: { errors: RowError[]; maxHeight: number; testId: string }) {
  const { t } = useTranslation();
  return (
    <ScrollArea.Autosize mah={maxHeight}>
      <Table fz="xs" withTableBorder data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('common.rowErrors.row')}</Table.Th>
            <Table.Th>{t('common.rowErrors.column')}</Table.Th>
            <Table.Th>{t('common.rowErrors.value')}</Table.Th>
            <Table.Th>{t('common.rowErrors.problem')}</Table.Th>
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
