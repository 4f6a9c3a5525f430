/** Trainer dashboard: status counts, completion by team and course, overdue list, who is stuck on which question. */
import { Anchor, Card, Group, Progress, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ASSIGNMENT_STATUSES } from '../../../shared/domain/assignment';
import { useApi } from '../../lib/api';
import { fmtDate, fmtNumber, personName } from '../../lib/format';
import { ItemAnalysisModal } from './ItemAnalysis';
import { StatusBadge, pct } from './util';
import { clickable } from '../../lib/clickable';

export function Dashboard() {
  const { t } = useTranslation();
  const [teamId, setTeamId] = useState<number | null>(null);
  const teams = useApi('teams.list', { includeEmpty: false });
  const d = useApi('training.dashboard', { teamId });
  const [analysis, setAnalysis] = useState<number | null>(null);
  const data = d.data;
  const total = data ? Object.values(data.counts).reduce((a, b) => a + b, 0) : 0;
  return (
    <Stack data-testid="training-dashboard">
      <Group justify="space-between">
        <Select
          w={240}
          clearable
          placeholder={t('training.dash.allTeams')}
          data={(teams.data ?? []).map((tm) => ({ value: String(tm.id), label: tm.name }))}
          value={teamId ? String(teamId) : null}
          onChange={(v) => setTeamId(v ? Number(v) : null)}
          data-testid="dash-team"
        />
        <Text size="sm" c="dimmed">
          {t('training.dash.assignments', { count: total })}
        </Text>
      </Group>
      <SimpleGrid cols={4}>
        {ASSIGNMENT_STATUSES.map((s) => (
          <Card withBorder key={s} padding="sm">
            <StatusBadge status={s} />
            <Text fz={28} fw={700} data-testid={`count-${s}`}>
              {fmtNumber(data?.counts[s] ?? 0)}
            </Text>
            <Text size="xs" c="dimmed">
              {total ? pct((data?.counts[s] ?? 0) / total) : '—'}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <Card withBorder>
          <Title order={5} mb="xs">
            {t('training.dash.byTeam')}
          </Title>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('training.dash.team')}</Table.Th>
                <Table.Th w="45%">{t('training.dash.completion')}</Table.Th>
                <Table.Th ta="right">{t('training.status.overdue')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(data?.byTeam ?? []).map((r) => (
                <Table.Tr key={r.teamId ?? 0}>
                  <Table.Td>{r.teamName ?? t('training.dash.noTeam')}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Progress value={(r.completed / r.total) * 100} w="100%" color="green" />
                      <Text size="xs" w={80} ta="right">
                        {r.completed}/{r.total}
                      </Text>
                    </Group>
                  </Table.Td>
                  <Table.Td ta="right">{r.overdue}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
        <Card withBorder>
          <Title order={5} mb="xs">
            {t('training.dash.byCourse')}
          </Title>
          <Table data-testid="completion-by-course">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('training.course')}</Table.Th>
                <Table.Th w="35%">{t('training.dash.completion')}</Table.Th>
                <Table.Th ta="right">{t('training.dash.avgScore')}</Table.Th>
                <Table.Th ta="right">{t('training.status.overdue')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(data?.byCourse ?? []).map((r) => (
                <Table.Tr key={r.courseId}>
                  <Table.Td>
                    <Anchor component={Link} to={`/training/courses/${r.courseId}`} size="sm">
                      {r.title}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Progress value={(r.completed / r.total) * 100} w="100%" color="green" />
                      <Text size="xs" w={60} ta="right" data-testid={`dash-course-counts-${r.courseId}`}>
                        {r.completed}/{r.total}
                      </Text>
                    </Group>
                  </Table.Td>
                  <Table.Td ta="right">{r.avgScore == null ? '—' : `${fmtNumber(r.avgScore)} %`}</Table.Td>
                  <Table.Td ta="right">{r.overdue}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <Card withBorder>
          <Title order={5} mb="xs">
            {t('training.dash.overdue', { count: data?.overdueTotal ?? 0 })}
          </Title>
          {data && !data.overdue.length && <Text c="dimmed">{t('training.dash.noOverdue')}</Text>}
          <Table data-testid="overdue-list">
            <Table.Tbody>
              {(data?.overdue ?? []).map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/people/${r.personId}`} size="sm">
                      {personName({ name: r.personName, names: r.personNames })}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {r.teamName ?? ''}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{r.courseTitle}</Text>
                    <Text size="xs" c="dimmed">
                      {t('training.dueOn', { date: fmtDate(r.dueDate) })} · {t('training.daysOverdue', { count: r.daysOverdue })}
                    </Text>
                  </Table.Td>
                  <Table.Td w={120}>
                    <Progress value={r.progress * 100} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {data && data.overdueTotal > data.overdue.length && (
            <Text size="xs" c="dimmed" mt="xs">
              {t('training.dash.moreOverdue', { count: data.overdueTotal - data.overdue.length })}
            </Text>
          )}
        </Card>
        <Card withBorder>
          <Title order={5}>{t('training.dash.stuck')}</Title>
          <Text size="xs" c="dimmed" mb="xs">
            {t('training.dash.stuckHint')}
          </Text>
          {data && !data.stuck.length && <Text c="dimmed">{t('training.dash.noStuck')}</Text>}
          <Table data-testid="stuck-list">
            <Table.Tbody>
              {(data?.stuck ?? []).map((s) => (
                <Table.Tr key={s.itemId} {...clickable(() => setAnalysis(s.itemId))}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {s.quizTitle}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {s.courseTitle}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" lineClamp={2}>
                      “{s.prompt}”
                    </Text>
                    <Text size="xs" c="red">
                      {t('training.dash.pctCorrect', { pct: pct(s.pctCorrect) })}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">
                    <Text size="sm">{t('training.dash.peopleStuck', { count: s.attempts })}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      </SimpleGrid>
      <ItemAnalysisModal itemId={analysis} onClose={() => setAnalysis(null)} />
    </Stack>
  );
}
