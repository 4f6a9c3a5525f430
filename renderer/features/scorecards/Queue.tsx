/** The manager's scoring queue: a fair sample of unscored calls per rep for a month. */
import { Badge, Card, Group, NumberInput, SegmentedControl, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from '../../lib/navigate';
import { fmtClock } from '../../../shared/domain/transcript';
import { useApi } from '../../lib/api';
import { fmtChipDate, personName } from '../../lib/format';
import { useSession } from '../../app/session';
import { clickable } from '../../lib/clickable';

const thisMonth = () => new Date().toISOString().slice(0, 7);

export function QueuePanel({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { session } = useSession();
  const [month, setMonth] = useState(thisMonth());
  const [perRep, setPerRep] = useState(4);
  const [mode, setMode] = useState<'stratified' | 'random'>('stratified');
  const teams = useApi('teams.list', { includeEmpty: false });
  const myTeam = compact ? (teams.data?.find((tm) => tm.managerId === session?.person?.id)?.id ?? null) : null;
  const q = useApi(
    'scorecards.queue',
    /^\d{4}-\d{2}$/.test(month) && (!compact || teams.data) ? { month, perRep, mode, teamId: myTeam } : null,
  );
  const reps = (q.data?.reps ?? []).filter((r) => !compact || r.picks.length);
  const left = reps.reduce((s, r) => s + r.picks.length, 0);
  return (
    <Card withBorder padding="sm" data-testid="scoring-queue">
      <Group justify="space-between" mb="xs">
        <div>
          <Title order={5}>{t('scorecards.queue.title')}</Title>
          <Text size="xs" c="dimmed">
            {t('scorecards.queue.help', { n: perRep })}
          </Text>
        </div>
        {!compact && (
          <Group gap="xs">
            <TextInput
              type="month"
              value={month}
              onChange={(e) => setMonth(e.currentTarget.value)}
              size="xs"
              aria-label={t('scorecards.queue.month')}
            />
            <NumberInput
              size="xs"
              w={90}
              min={1}
              max={20}
              value={perRep}
              onChange={(v) => setPerRep(Number(v) || 4)}
              aria-label={t('scorecards.queue.perRep')}
              suffix={` ${t('scorecards.queue.perRepShort')}`}
            />
            <SegmentedControl
              size="xs"
              value={mode}
              onChange={(v) => setMode(v)}
              data={[
                { value: 'stratified', label: t('scorecards.queue.stratified') },
                { value: 'random', label: t('scorecards.queue.random') },
              ]}
            />
          </Group>
        )}
        {compact && <Badge>{t('scorecards.queue.left', { n: left })}</Badge>}
      </Group>
      {!q.loading && left === 0 && (
        <Text size="sm" c="dimmed">
          {t('scorecards.queue.done')}
        </Text>
      )}
      <Table verticalSpacing={4}>
        <Table.Tbody>
          {reps.slice(0, compact ? 6 : undefined).map((r) => (
            <Table.Tr key={r.rep.id}>
              <Table.Td w={200}>
                <Text size="sm">{personName(r.rep)}</Text>
                <Text size="xs" c="dimmed">
                  {t('scorecards.queue.coverage', { scored: r.scored, calls: r.calls })}
                </Text>
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {r.picks.map((c) => (
                    <Badge key={c.id} variant="light" {...clickable(() => navigate(`/calls/${c.id}`))} data-testid="queue-call">
                      {fmtChipDate(c.at)} · {c.customer} {c.durationMs ? `· ${fmtClock(c.durationMs)}` : ''}
                    </Badge>
                  ))}
                  {!r.picks.length && (
                    <Text size="xs" c="green">
                      {t('scorecards.queue.repDone')}
                    </Text>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}

export function QueueWidget() {
  return (
    <Stack>
      <QueuePanel compact />
    </Stack>
  );
}
