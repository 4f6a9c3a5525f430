/** Usage analytics for a period: totals, top items (opens, uses in calls, people), items nobody used. */
import { Card, Group, Loader, SegmentedControl, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from '../../lib/navigate';
import { Bar, BarChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useApi } from '../../lib/api';
import { fmtDate, fmtNumber } from '../../lib/format';
import { KindIcon } from './common';
import { clickable } from '../../lib/clickable';

const iso = (d: Date) => d.toISOString().slice(0, 10);

export function Analytics() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [days, setDays] = useState('90');
  const to = iso(new Date());
  const from = iso(new Date(Date.now() - Number(days) * 86400000));
  const q = useApi('library.analytics', { from, to, limit: 15 });
  const a = q.data;
  return (
    <Stack gap="lg" data-testid="library-analytics">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t('library.analytics.period', { from: fmtDate(from), to: fmtDate(to) })}
        </Text>
        <SegmentedControl
          size="xs"
          value={days}
          onChange={setDays}
          data={['30', '90', '365'].map((d) => ({ value: d, label: t('library.analytics.days', { n: Number(d) }) }))}
        />
      </Group>
      {!a ? (
        <Loader />
      ) : (
        <>
          <SimpleGrid cols={{ base: 2, md: 5 }}>
            {(
              [
                ['opens', a.totals.opens],
                ['copies', a.totals.copies],
                ['downloads', a.totals.downloads],
                ['callUses', a.totals.callUses],
                ['activePeople', a.totals.activePeople],
              ] as const
            ).map(([k, v]) => (
              <Card withBorder padding="sm" key={k}>
                <Text size="xs" c="dimmed">
                  {t(`library.analytics.${k}`)}
                </Text>
                <Text size="xl" fw={700}>
                  {fmtNumber(v)}
                </Text>
              </Card>
            ))}
          </SimpleGrid>
          <Title order={4}>{t('library.analytics.top')}</Title>
          {a.top.length > 0 && (
            <div style={{ height: 260 }}>
              <ResponsiveContainer>
                <BarChart
                  data={a.top
                    .slice(0, 10)
                    .map((r) => ({ name: r.title.length > 28 ? r.title.slice(0, 27) + '…' : r.title, uses: r.uses, calls: r.callUses }))}
                  layout="vertical"
                  margin={{ left: 40 }}
                >
                  <XAxis type="number" allowDecimals={false} />
                  <YAxis type="category" dataKey="name" width={220} tick={{ fontSize: 11 }} />
                  <Tooltip />
                  <Bar dataKey="uses" name={t('library.analytics.uses')} fill="#1c7ed6" isAnimationActive={false} />
                  <Bar dataKey="calls" name={t('library.analytics.callUses')} fill="#40c057" isAnimationActive={false} />
                </BarChart>
              </ResponsiveContainer>
            </div>
          )}
          <Table striped highlightOnHover data-testid="analytics-top">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('library.meta.title')}</Table.Th>
                <Table.Th ta="right">{t('library.analytics.uses')}</Table.Th>
                <Table.Th ta="right">{t('library.analytics.opens')}</Table.Th>
                <Table.Th ta="right">{t('library.analytics.callUses')}</Table.Th>
                <Table.Th ta="right">{t('library.analytics.people')}</Table.Th>
                <Table.Th>{t('library.usage.lastUsed')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {a.top.map((r) => (
                <Table.Tr key={r.id} {...clickable(() => navigate(`/library/${r.id}`))}>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <KindIcon kind={r.kind} fileKind={r.fileKind} size={16} />
                      <Text size="sm">{r.title}</Text>
                    </Group>
                  </Table.Td>
                  <Table.Td ta="right">{fmtNumber(r.uses)}</Table.Td>
                  <Table.Td ta="right">{fmtNumber(r.opens)}</Table.Td>
                  <Table.Td ta="right">{fmtNumber(r.callUses)}</Table.Td>
                  <Table.Td ta="right">{fmtNumber(r.people)}</Table.Td>
                  <Table.Td>{fmtDate(r.lastUsedAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Title order={4}>{t('library.analytics.neverUsed', { n: a.neverUsedTotal })}</Title>
          {a.neverUsed.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('library.analytics.allUsed')}
            </Text>
          ) : (
            <Table data-testid="analytics-never">
              <Table.Tbody>
                {a.neverUsed.map((r) => (
                  <Table.Tr key={r.id} {...clickable(() => navigate(`/library/${r.id}`))}>
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        <KindIcon kind={r.kind} fileKind={r.fileKind} size={16} />
                        <Text size="sm">{r.title}</Text>
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Text size="xs" c="dimmed">
                        {r.lastUsedAt ? t('library.analytics.lastEver', { date: fmtDate(r.lastUsedAt) }) : t('library.analytics.neverEver')}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </>
      )}
    </Stack>
  );
}
