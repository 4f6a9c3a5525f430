/** "My training": the rep's assignments with due dates, progress and what to do next; also the rep home widget. */
import { Anchor, Button, Card, Group, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { IconCards } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../app/session';
import { useApi } from '../../lib/api';
import { fmtDate, personName } from '../../lib/format';
import { StatusBadge } from './util';

export function MyTraining({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const { session } = useSession();
  const personId = session?.person?.id ?? null;
  const my = useApi('training.my', personId ? { personId } : null);
  const drills = useApi('training.drills.session', personId && compact ? { limit: 1 } : null);
  if (!personId) return <Text c="dimmed">{t('training.my.choosePerson')}</Text>;
  const rows = my.data ?? [];
  const open = rows.filter((r) => r.status !== 'completed');
  const shown = compact ? open.slice(0, 5) : rows;
  const body = (
    <Table data-testid="my-training">
      <Table.Tbody>
        {shown.map((r) => (
          <Table.Tr key={r.id} data-testid={`my-row-${r.courseId}`}>
            <Table.Td>
              <Anchor component={Link} to={`/training/learn/${r.courseId}`} fw={500} size="sm">
                {r.courseTitle}
              </Anchor>
              <Text size="xs" c="dimmed">
                {r.status === 'completed'
                  ? t('training.my.completedOn', { date: fmtDate(r.completedAt) })
                  : r.nextItemTitle
                    ? t('training.my.next', { title: r.nextItemTitle })
                    : r.planName}
              </Text>
            </Table.Td>
            <Table.Td w={130}>
              <Text size="xs" c={r.status === 'overdue' ? 'red' : 'dimmed'}>
                {r.dueDate ? t('training.dueOn', { date: fmtDate(r.dueDate) }) : t('training.noDue')}
              </Text>
            </Table.Td>
            <Table.Td w={140}>
              <Progress value={r.progress * 100} color={r.status === 'completed' ? 'green' : r.status === 'overdue' ? 'red' : 'blue'} />
            </Table.Td>
            <Table.Td w={150}>
              <StatusBadge status={r.status} />
            </Table.Td>
            <Table.Td w={110} ta="right">
              {r.status === 'completed' && r.certificateId ? (
                <Button size="compact-xs" variant="subtle" component={Link} to={`/training/certificates/${r.certificateId}`}>
                  {t('training.player.certificate')}
                </Button>
              ) : r.status !== 'completed' ? (
                <Button size="compact-xs" component={Link} to={`/training/learn/${r.courseId}`} data-testid={`continue-${r.courseId}`}>
                  {r.progress > 0 ? t('training.my.continue') : t('training.my.start')}
                </Button>
              ) : null}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
  if (!compact)
    return (
      <Stack>
        {!rows.length && <Text c="dimmed">{t('training.my.empty')}</Text>}
        {body}
      </Stack>
    );
  return (
    <Card withBorder data-testid="widget-my-training">
      <Group justify="space-between" mb="xs">
        <Title order={5}>{t('training.my.title')}</Title>
        <Group gap="xs">
          {drills.data && drills.data.dueCount + drills.data.newCount > 0 && (
            <Button size="xs" variant="light" leftSection={<IconCards size={14} />} component={Link} to="/training?tab=drills">
              {t('training.my.drillsDue', { count: drills.data.dueCount + Math.min(drills.data.newCount, 10) })}
            </Button>
          )}
          <Anchor component={Link} to="/training?tab=my" size="sm">
            {t('training.my.all')}
          </Anchor>
        </Group>
      </Group>
      {open.length ? body : <Text c="dimmed">{t('training.my.allDone')}</Text>}
    </Card>
  );
}

export function MyTrainingWidget() {
  return <MyTraining compact />;
}

/** Trainer / manager home: assignment status at a glance and the most overdue. */
export function TrainerWidget() {
  const { t } = useTranslation();
  const d = useApi('training.dashboard', { teamId: null });
  if (!d.data) return null;
  const c = d.data.counts;
  return (
    <Card withBorder data-testid="widget-training">
      <Group justify="space-between" mb="xs">
        <Title order={5}>{t('training.widget.title')}</Title>
        <Anchor component={Link} to="/training" size="sm">
          {t('training.widget.open')}
        </Anchor>
      </Group>
      <Group gap="lg">
        {(['overdue', 'in_progress', 'not_started', 'completed'] as const).map((s) => (
          <div key={s}>
            <Text fz={22} fw={700} c={s === 'overdue' ? 'red' : undefined}>
              {c[s]}
            </Text>
            <StatusBadge status={s} />
          </div>
        ))}
      </Group>
      {d.data.overdue.slice(0, 3).map((r) => (
        <Text key={r.id} size="xs" c="dimmed" mt={4}>
          {personName({ name: r.personName, names: r.personNames })} — {r.courseTitle} (
          {t('training.daysOverdue', { count: r.daysOverdue })})
        </Text>
      ))}
    </Card>
  );
}
