/** Admin screen: the workspace's audit log with filters (who, area, action, dates), pages and CSV export. */
import { Badge, Button, Card, Group, Pagination, Select, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditFilters } from '../../../shared/api/audit';
import { api, useApi } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { fmtDateTime } from '../../lib/format';
import { downloadBlob } from '../../lib/download';

const PAGE = 25;
const EMPTY: Required<AuditFilters> = { actorId: null, entity: null, action: null, from: null, to: null };

export function AuditLog() {
  const { t } = useTranslation();
  const [f, setF] = useState(EMPTY);
  const [page, setPage] = useState(1);
  const facets = useApi('audit.facets', {});
  const list = useApi('audit.list', { ...f, offset: (page - 1) * PAGE, limit: PAGE });
  const set = (patch: Partial<typeof f>) => {
    setF((x) => ({ ...x, ...patch }));
    setPage(1);
  };
  const date = (v: string) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? v : null);
  const exportCsv = async () => {
    try {
      const r = await api('audit.exportCsv', f);
      // a BOM so spreadsheet programs read the names in Cyrillic and Chinese as UTF-8
      downloadBlob(new Blob(['\ufeff', r.text], { type: 'text/csv;charset=utf-8' }), r.fileName);
      notifications.show({ color: 'green', message: t('audit.exported', { count: r.rows }) });
    } catch (e) {
      notifications.show({ color: 'red', message: errorText(t, e) });
    }
  };
  const total = list.data?.total ?? 0;

  return (
    <Card withBorder data-testid="audit-log">
      <Group justify="space-between" mb={4}>
        <Title order={4}>{t('audit.title')}</Title>
        <Button
          size="xs"
          variant="light"
          leftSection={<IconDownload size={14} />}
          onClick={() => void exportCsv()}
          data-testid="audit-export"
        >
          {t('audit.exportCsv')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        {t('audit.subtitle')}
      </Text>
      <Group align="flex-end" gap="sm" mb="sm" wrap="wrap">
        <Select
          label={t('audit.who')}
          placeholder={t('audit.anyone')}
          clearable
          searchable
          w={200}
          data={(facets.data?.actors ?? []).map((a) => ({ value: String(a.id), label: a.name }))}
          value={f.actorId ? String(f.actorId) : null}
          onChange={(v) => set({ actorId: v ? Number(v) : null })}
          data-testid="audit-who"
        />
        <Select
          label={t('audit.entity')}
          placeholder={t('audit.anyEntity')}
          clearable
          searchable
          w={200}
          data={facets.data?.entities ?? []}
          value={f.entity}
          onChange={(v) => set({ entity: v })}
          data-testid="audit-entity"
        />
        <Select
          label={t('audit.action')}
          placeholder={t('audit.anyAction')}
          clearable
          searchable
          w={180}
          data={facets.data?.actions ?? []}
          value={f.action}
          onChange={(v) => set({ action: v })}
          data-testid="audit-action"
        />
        <TextInput
          type="date"
          label={t('audit.from')}
          w={150}
          value={f.from ?? ''}
          onChange={(e) => set({ from: date(e.currentTarget.value) })}
          data-testid="audit-from"
        />
        <TextInput
          type="date"
          label={t('audit.to')}
          w={150}
          value={f.to ?? ''}
          onChange={(e) => set({ to: date(e.currentTarget.value) })}
          data-testid="audit-to"
        />
        <Button variant="subtle" size="sm" onClick={() => set(EMPTY)}>
          {t('audit.clear')}
        </Button>
      </Group>
      <Text size="xs" c="dimmed" mb={4} data-testid="audit-total">
        {t('audit.total', { count: total })}
      </Text>
      {list.data && total === 0 ? (
        <Text c="dimmed">{t('audit.empty')}</Text>
      ) : (
        <Table striped highlightOnHover stickyHeader fz="sm" data-testid="audit-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={170}>{t('audit.col.at')}</Table.Th>
              <Table.Th w={160}>{t('audit.col.who')}</Table.Th>
              <Table.Th w={150}>{t('audit.col.entity')}</Table.Th>
              <Table.Th w={70}>{t('audit.col.record')}</Table.Th>
              <Table.Th w={120}>{t('audit.col.action')}</Table.Th>
              <Table.Th>{t('audit.col.summary')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(list.data?.rows ?? []).map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>{fmtDateTime(r.at)}</Table.Td>
                <Table.Td>
                  {r.actorName ?? (
                    <Text span c="dimmed" size="sm">
                      {t('audit.system')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text span ff="monospace" size="xs">
                    {r.entity}
                  </Text>
                </Table.Td>
                <Table.Td>{r.entityId ?? ''}</Table.Td>
                <Table.Td>
                  {r.action === 'refused' ? (
                    <Badge color="red" variant="light">
                      {t('audit.refused')}
                    </Badge>
                  ) : (
                    r.action
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="xs" lineClamp={2} title={r.summary}>
                    {r.summary}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {total > PAGE && <Pagination mt="sm" total={Math.ceil(total / PAGE)} value={page} onChange={setPage} />}
    </Card>
  );
}
