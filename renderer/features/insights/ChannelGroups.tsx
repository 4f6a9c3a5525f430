/** Configures how each source value is grouped: direct/indirect and online/offline. */
import { SegmentedControl, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { api, useApi } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { fmtNumber } from '../../lib/format';

export function ChannelGroups({ onChange }: { onChange?: () => void }) {
  const { t } = useTranslation();
  const q = useApi('crm.channels', {});
  const save = async (value: string, kind: 'direct' | 'indirect', mode: 'online' | 'offline') => {
    try {
      await api('crm.setChannel', { value, kind, mode });
      q.reload();
      onChange?.();
    } catch (e) {
      notifications.show({ color: 'red', message: errorText(t, e) });
    }
  };
  return (
    <>
      <Text size="sm" fw={500} mt="sm">
        {t('insights.charts.channels.groupsTitle')}
      </Text>
      <Table fz="xs" data-testid="channel-groups">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('insights.cols.channel')}</Table.Th>
            <Table.Th>{t('insights.cols.deals')}</Table.Th>
            <Table.Th>{t('insights.charts.channels.kind')}</Table.Th>
            <Table.Th>{t('insights.charts.channels.mode')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(q.data ?? []).map((c) => (
            <Table.Tr key={c.value}>
              <Table.Td>{c.value}</Table.Td>
              <Table.Td>{fmtNumber(c.deals)}</Table.Td>
              <Table.Td>
                <SegmentedControl
                  size="xs"
                  value={c.kind}
                  onChange={(v) => void save(c.value, v, c.mode)}
                  data={[
                    { value: 'direct', label: t('insights.charts.channels.direct') },
                    { value: 'indirect', label: t('insights.charts.channels.indirect') },
                  ]}
                />
              </Table.Td>
              <Table.Td>
                <SegmentedControl
                  size="xs"
                  value={c.mode}
                  onChange={(v) => void save(c.value, c.kind, v)}
                  data={[
                    { value: 'online', label: t('insights.charts.channels.online') },
                    { value: 'offline', label: t('insights.charts.channels.offline') },
                  ]}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}
