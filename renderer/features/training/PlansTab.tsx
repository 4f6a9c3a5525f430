/** Plans (versioned) and every assignment with its status, filterable and paged. */
import { Anchor, Badge, Button, Card, Group, Pagination, Progress, Select, Stack, Table, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Plan } from '../../../shared/api/training';
import { ASSIGNMENT_STATUSES, type AssignmentStatus } from '../../../shared/domain/assignment';
import { useApi } from '../../lib/api';
import { fmtDate, personName } from '../../lib/format';
import { PlanForm } from './PlanForm';
import { StatusBadge } from './util';

const PAGE = 50;

export function PlansTab() {
  const { t } = useTranslation();
  const plans = useApi('training.plans.list', {});
  const [editing, setEditing] = useState<Plan | 'new' | null>(null);
  const [status, setStatus] = useState<AssignmentStatus | null>(null);
  const [teamId, setTeamId] = useState<number | null>(null);
  const [page, setPage] = useState(1);
  const teams = useApi('teams.list', { includeEmpty: false });
  const list = useApi('training.assignments.list', { status, teamId, courseId: null, offset: (page - 1) * PAGE, limit: PAGE });
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={4}>{t('training.plans.title')}</Title>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')} data-testid="new-plan">
          {t('training.plans.new')}
        </Button>
      </Group>
      <Card withBorder p={0}>
        <Table data-testid="plan-list">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('training.plans.name')}</Table.Th>
              <Table.Th>{t('training.plans.assignTo')}</Table.Th>
              <Table.Th>{t('training.plans.due')}</Table.Th>
              <Table.Th ta="right">{t('training.plans.assigned')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(plans.data ?? []).map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {p.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t('training.plans.meta', { count: p.courseIds.length, version: p.version })}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Badge variant="outline" size="sm">
                    {t(`training.plans.target.${p.target.kind}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{fmtDate(p.dueDate)}</Text>
                  {p.recurrenceMonths && (
                    <Text size="xs" c="dimmed">
                      {p.recurrenceMonths === 12
                        ? t('training.plans.yearly')
                        : t('training.plans.everyMonths', { count: p.recurrenceMonths })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right">{p.assignedCount}</Table.Td>
                <Table.Td ta="right">
                  <Button size="compact-xs" variant="subtle" onClick={() => setEditing(p)}>
                    {t('actions.edit')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {plans.data && !plans.data.length && (
          <Text c="dimmed" p="md">
            {t('training.plans.empty')}
          </Text>
        )}
      </Card>
      <Group justify="space-between" mt="md">
        <Title order={4}>{t('training.plans.assignments', { count: list.data?.total ?? 0 })}</Title>
        <Group>
          <Select
            w={200}
            clearable
            placeholder={t('training.dash.allTeams')}
            data={(teams.data ?? []).map((tm) => ({ value: String(tm.id), label: tm.name }))}
            value={teamId ? String(teamId) : null}
            onChange={(v) => {
              setTeamId(v ? Number(v) : null);
              setPage(1);
            }}
          />
          <Select
            w={200}
            clearable
            placeholder={t('training.plans.allStatuses')}
            data={ASSIGNMENT_STATUSES.map((s) => ({ value: s, label: t(`training.status.${s}`) }))}
            value={status}
            onChange={(v) => {
              setStatus(v);
              setPage(1);
            }}
            data-testid="assignment-status-filter"
          />
        </Group>
      </Group>
      <Table data-testid="assignment-list">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('training.plans.person')}</Table.Th>
            <Table.Th>{t('training.course')}</Table.Th>
            <Table.Th>{t('training.plans.due')}</Table.Th>
            <Table.Th w={160}>{t('training.progress')}</Table.Th>
            <Table.Th>{t('training.courses.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(list.data?.rows ?? []).map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td>
                <Anchor component={Link} to={`/people/${a.personId}`} size="sm">
                  {personName({ name: a.personName, names: a.personNames })}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {a.teamName ?? ''}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{a.courseTitle}</Text>
                <Text size="xs" c="dimmed">
                  {a.planName}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{fmtDate(a.dueDate)}</Text>
              </Table.Td>
              <Table.Td>
                <Progress value={a.progress * 100} color={a.status === 'completed' ? 'green' : 'blue'} />
              </Table.Td>
              <Table.Td>
                <StatusBadge status={a.status} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {(list.data?.total ?? 0) > PAGE && <Pagination total={Math.ceil((list.data?.total ?? 0) / PAGE)} value={page} onChange={setPage} />}
      {editing && (
        <PlanForm
          opened
          plan={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            plans.reload();
            list.reload();
          }}
        />
      )}
    </Stack>
  );
}
