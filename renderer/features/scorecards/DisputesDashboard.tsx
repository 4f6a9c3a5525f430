/** Disputes at a glance for managers: what waits, whose scores, which criteria, and for how long. */
import { Card, Group, Progress, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DisputeDashboard } from '../../../shared/api/scorecards';
import { useApi } from '../../lib/api';
import { fmtNumber, personName } from '../../lib/format';
import { loc } from './util';

function Stat({ label, value, hint, testId }: { label: string; value: string; hint?: string; testId?: string }) {
  return (
    <Card withBorder padding="sm" data-testid={testId}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="xl">
        {value}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Card>
  );
}

export function DisputesDashboardView() {
  const { t } = useTranslation();
  const dash = useApi('scorecards.disputes.dashboard', {});
  const d = dash.data;
  if (!d) return null;
  const days = (n: number | null) => (n === null ? '—' : t('scorecards.disputes.days', { count: n }));
  if (d.open + d.resolved === 0) {
    return (
      <Text c="dimmed" size="sm" data-testid="disputes-dashboard">
        {t('scorecards.disputes.dash.none')}
      </Text>
    );
  }
  const maxAge = Math.max(1, ...d.age.map((a) => a.n));
  return (
    <Stack gap="sm" data-testid="disputes-dashboard">
      <Title order={4}>{t('scorecards.disputes.dash.title')}</Title>
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
        <Stat label={t('scorecards.disputes.dash.open')} value={fmtNumber(d.open)} testId="dash-open" />
        <Stat label={t('scorecards.disputes.dash.oldest')} value={days(d.oldestOpenDays)} testId="dash-oldest" />
        <Stat label={t('scorecards.disputes.dash.median')} value={d.medianOpenDays === null ? '—' : days(Math.round(d.medianOpenDays))} />
        <Stat
          label={t('scorecards.disputes.dash.changed')}
          value={fmtNumber(d.changed)}
          hint={t('scorecards.disputes.dash.changedOf', { changed: d.changed, resolved: d.resolved })}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, lg: 3 }} spacing="sm">
        <Card withBorder padding="sm">
          <Text fw={600} size="sm" mb={6}>
            {t('scorecards.disputes.dash.ageTitle')}
          </Text>
          <Stack gap={6} data-testid="dash-age">
            {d.age.map((a) => (
              <div key={a.bucket}>
                <Group justify="space-between" gap={4}>
                  <Text size="xs">{t(`scorecards.disputes.dash.bucket.${a.bucket}`)}</Text>
                  <Text size="xs" fw={600}>
                    {fmtNumber(a.n)}
                  </Text>
                </Group>
                <Progress
                  value={(a.n / maxAge) * 100}
                  color={a.bucket === '15+' ? 'red' : a.bucket === '8-14' ? 'orange' : 'blue'}
                  size="sm"
                  aria-hidden
                />
              </div>
            ))}
          </Stack>
        </Card>
        <GraderTable d={d} days={days} />
        <CriterionTable d={d} />
      </SimpleGrid>
    </Stack>
  );
}

function GraderTable({ d, days }: { d: DisputeDashboard; days: (n: number | null) => string }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="sm">
      <Text fw={600} size="sm" mb={6}>
        {t('scorecards.disputes.dash.byGrader')}
      </Text>
      <Table verticalSpacing={4} fz="xs" data-testid="dash-graders">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('scorecards.disputes.grader')}</Table.Th>
            <Table.Th ta="right">{t('scorecards.disputes.dash.waitingCol')}</Table.Th>
            <Table.Th ta="right">{t('scorecards.disputes.dash.totalCol')}</Table.Th>
            <Table.Th ta="right">{t('scorecards.disputes.dash.oldestCol')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {d.byGrader.map((g) => (
            <Table.Tr key={g.grader?.id ?? 0}>
              <Table.Td>{personName(g.grader)}</Table.Td>
              <Table.Td ta="right" fw={g.open ? 700 : undefined}>
                {fmtNumber(g.open)}
              </Table.Td>
              <Table.Td ta="right">{fmtNumber(g.total)}</Table.Td>
              <Table.Td ta="right">{days(g.oldestOpenDays)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}

function CriterionTable({ d }: { d: DisputeDashboard }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="sm">
      <Text fw={600} size="sm" mb={6}>
        {t('scorecards.disputes.dash.byCriterion')}
      </Text>
      <Table verticalSpacing={4} fz="xs" data-testid="dash-criteria">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('scorecards.disputes.criterion')}</Table.Th>
            <Table.Th ta="right">{t('scorecards.disputes.dash.waitingCol')}</Table.Th>
            <Table.Th ta="right">{t('scorecards.disputes.dash.totalCol')}</Table.Th>
            <Table.Th ta="right">{t('scorecards.disputes.dash.changedCol')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {d.byCriterion.map((c) => (
            <Table.Tr key={c.criterionId}>
              <Table.Td>{loc(c.label)}</Table.Td>
              <Table.Td ta="right" fw={c.open ? 700 : undefined}>
                {fmtNumber(c.open)}
              </Table.Td>
              <Table.Td ta="right">{fmtNumber(c.total)}</Table.Td>
              <Table.Td ta="right">{fmtNumber(c.changed)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}
