/** The rep's side: evaluations and criterion trends (person profile tab), coaching notes and recent scores on the rep home, open disputes for managers. */
import {
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Modal,
  MultiSelect,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useNavigate } from '../../lib/navigate';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { api, useApi } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { fmtDate, fmtDateTime, fmtNumber, personName } from '../../lib/format';
import { useSession } from '../../app/session';
import { fmtScore, loc, scoreColor } from './util';
import { clickable } from '../../lib/clickable';
import { DateField } from '../../lib/DateField';

const COLORS = ['#228be6', '#40c057', '#fa5252', '#fab005', '#7950f2', '#15aabf', '#fd7e14', '#e64980', '#82c91e', '#868e96', '#12b886'];

export function RepScorecardPanel({ personId }: { personId: number }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { session } = useSession();
  const trend = useApi('scorecards.evaluations.trend', { repId: personId, months: 12 });
  const evals = useApi('scorecards.evaluations.list', { repId: personId, status: 'submitted', offset: 0, limit: 20 });
  const [shown, setShown] = useState<string[]>([]);
  const [coaching, setCoaching] = useState(false);
  const monthLabel = (m: string) =>
    new Intl.DateTimeFormat(undefined, { month: 'short', year: '2-digit' }).format(new Date(`${m}-01T00:00:00Z`));
  const crit = trend.data?.criteria ?? [];
  // Bonus items are rarely earned by design, so they never count as "weakest".
  const ranked = crit.filter((c) => !c.bonus).sort((a, b) => (a.avg ?? 0) - (b.avg ?? 0));
  const visible = shown.length ? crit.filter((c) => shown.includes(String(c.criterionId))) : ranked.slice(0, 3);
  const data = (trend.data?.totals ?? []).map((p, i) => ({
    month: monthLabel(p.month),
    total: p.avg === null ? null : Math.round(p.avg * 10) / 10,
    n: p.n,
    ...Object.fromEntries(
      visible.map((c) => [String(c.criterionId), c.points[i].avg === null ? null : Math.round(c.points[i].avg * 10) / 10]),
    ),
  }));
  return (
    <Stack gap="md" data-testid="rep-scorecards">
      <Card withBorder padding="sm">
        <Group justify="space-between" mb="xs">
          <Title order={5}>{t('scorecards.rep.trend')}</Title>
          <Group>
            <MultiSelect
              size="xs"
              w={360}
              placeholder={t('scorecards.rep.weakest')}
              data={crit.map((c) => ({ value: String(c.criterionId), label: loc(c.label) }))}
              value={shown}
              onChange={setShown}
              clearable
            />
            {session?.role !== 'rep' && (
              <Button size="xs" onClick={() => setCoaching(true)} data-testid="add-coaching">
                {t('scorecards.coaching.add')}
              </Button>
            )}
          </Group>
        </Group>
        <div style={{ height: 260 }}>
          <ResponsiveContainer>
            <LineChart data={data}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="month" fontSize={11} />
              <YAxis domain={[0, 100]} fontSize={11} />
              <Tooltip />
              <Legend />
              <Line dataKey="total" name={t('scorecards.rep.total')} stroke="#000" strokeWidth={2} connectNulls isAnimationActive={false} />
              {visible.map((c, i) => (
                <Line
                  key={c.criterionId}
                  dataKey={String(c.criterionId)}
                  name={loc(c.label)}
                  stroke={COLORS[i % COLORS.length]}
                  connectNulls
                  dot={false}
                  isAnimationActive={false}
                />
              ))}
            </LineChart>
          </ResponsiveContainer>
        </div>
        <Text size="xs" c="dimmed">
          {t('scorecards.rep.trendN', { n: (trend.data?.totals ?? []).reduce((s, p) => s + p.n, 0) })}
        </Text>
      </Card>
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        {[...ranked, ...crit.filter((c) => c.bonus)].map((c) => (
          <Card key={c.criterionId} withBorder padding="xs">
            <Text size="xs" lineClamp={2}>
              {loc(c.label)}
              {c.bonus && (
                <Badge size="xs" color="grape" ml={4}>
                  {t('scorecards.kind.bonus')}
                </Badge>
              )}
            </Text>
            <Text fw={700} c={scoreColor(c.avg)}>
              {c.avg === null ? '—' : `${fmtNumber(c.avg, 0)}%`}
            </Text>
            <Text size="xs" c="dimmed">
              n = {c.n}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
      <Card withBorder padding="sm">
        <Title order={5} mb="xs">
          {t('scorecards.rep.evaluations')}
        </Title>
        <Table highlightOnHover>
          <Table.Tbody>
            {(evals.data?.rows ?? []).map((e) => (
              <Table.Tr key={e.id} {...clickable(() => navigate(`/calls/${e.callId}`))}>
                <Table.Td>{fmtDateTime(e.callAt)}</Table.Td>
                <Table.Td>{e.customer}</Table.Td>
                <Table.Td>{personName(e.grader)}</Table.Td>
                <Table.Td>
                  <Badge color={scoreColor(e.score)}>{fmtScore(e.score)}</Badge>
                  {e.openDisputes > 0 && (
                    <Badge ml={4} color="orange">
                      {t('scorecards.rep.disputed')}
                    </Badge>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
      {coaching && (
        <CoachingModal
          repId={personId}
          criteria={crit.map((c) => ({ value: String(c.criterionId), label: loc(c.label) }))}
          onClose={() => setCoaching(false)}
        />
      )}
    </Stack>
  );
}

function CoachingModal({ repId, criteria, onClose }: { repId: number; criteria: { value: string; label: string }[]; onClose: () => void }) {
  const { t } = useTranslation();
  const [body, setBody] = useState('');
  const [action, setAction] = useState('');
  const [due, setDue] = useState('');
  const [crit, setCrit] = useState<string[]>([]);
  const save = async () => {
    try {
      await api('scorecards.coaching.add', { repId, body, action, due: due || null, criterionIds: crit.map(Number) });
      notifications.show({ color: 'green', message: t('scorecards.coaching.saved') });
      onClose();
    } catch (e) {
      notifications.show({ color: 'red', message: errorText(t, e) });
    }
  };
  return (
    <Modal opened onClose={onClose} title={t('scorecards.coaching.add')}>
      <Stack>
        <MultiSelect label={t('scorecards.coaching.criteria')} data={criteria} value={crit} onChange={setCrit} />
        <Textarea
          label={t('scorecards.coaching.note')}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          autosize
          minRows={3}
          maxLength={4000}
          data-testid="coaching-body"
        />
        <TextInput
          label={t('scorecards.coaching.action')}
          value={action}
          onChange={(e) => setAction(e.currentTarget.value)}
          maxLength={500}
        />
        <DateField label={t('scorecards.coaching.due')} value={due} onChange={(v) => setDue(v)} />
        <Group justify="flex-end">
          <Button onClick={() => void save()} disabled={!body.trim()} data-testid="coaching-save">
            {t('actions.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Rep home: coaching notes to act on and the latest scored calls. */
export function RepHomeWidget() {
  const { t } = useTranslation();
  const { session } = useSession();
  const me = session?.person?.id ?? null;
  const notes = useApi('scorecards.coaching.list', me ? { repId: me, includeDone: false } : null);
  const evals = useApi('scorecards.evaluations.list', me ? { repId: me, status: 'submitted', offset: 0, limit: 5 } : null);
  if (!me) return null;
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} data-testid="rep-home-scorecards">
      <Card withBorder>
        <Title order={5} mb="xs">
          {t('scorecards.coaching.title')}
        </Title>
        <Stack gap="xs">
          {(notes.data ?? []).map((n) => (
            <div key={n.id} data-testid="coaching-note">
              <Group gap={4}>
                {n.criteria.map((c) => (
                  <Badge key={c.id} size="xs" variant="light">
                    {loc(c.label)}
                  </Badge>
                ))}
              </Group>
              <Text size="sm">{n.body}</Text>
              {n.action && (
                <Text size="sm" fw={500}>
                  → {n.action}
                  {n.due ? ` (${t('scorecards.coaching.dueBy', { date: fmtDate(n.due) })})` : ''}
                </Text>
              )}
              <Group justify="space-between">
                <Text size="xs" c="dimmed">
                  {personName(n.author)} · {fmtDate(n.createdAt)}
                  {n.callId && (
                    <>
                      {' · '}
                      <Anchor component={Link} to={`/calls/${n.callId}`} size="xs">
                        {t('scorecards.coaching.openCall')}
                      </Anchor>
                    </>
                  )}
                </Text>
                <Checkbox
                  size="xs"
                  label={t('scorecards.coaching.done')}
                  onChange={() => void api('scorecards.coaching.setDone', { id: n.id, done: true }).then(notes.reload)}
                />
              </Group>
            </div>
          ))}
          {!notes.loading && !notes.data?.length && (
            <Text size="sm" c="dimmed">
              {t('scorecards.coaching.none')}
            </Text>
          )}
        </Stack>
      </Card>
      <Card withBorder>
        <Title order={5} mb="xs">
          {t('scorecards.rep.latest')}
        </Title>
        <Stack gap={4}>
          {(evals.data?.rows ?? []).map((e) => (
            <Group key={e.id} justify="space-between">
              <Anchor component={Link} to={`/calls/${e.callId}`} size="sm">
                {fmtDate(e.callAt)} · {e.customer}
              </Anchor>
              <Badge color={scoreColor(e.score)}>{fmtScore(e.score)}</Badge>
            </Group>
          ))}
          {!evals.loading && !evals.data?.rows.length && (
            <Text size="sm" c="dimmed">
              {t('scorecards.eval.none')}
            </Text>
          )}
        </Stack>
      </Card>
    </SimpleGrid>
  );
}

/** Manager home: disputes waiting for a decision. */
export function DisputesWidget() {
  const { t } = useTranslation();
  const list = useApi('scorecards.feedback.list', { status: 'open', repId: null, offset: 0, limit: 5 });
  if (!list.data?.total) return null;
  return (
    <Card withBorder data-testid="disputes-widget">
      <Group justify="space-between">
        <Title order={5}>{t('scorecards.disputes.waiting', { count: list.data.total })}</Title>
        <Anchor component={Link} to="/calls?tab=disputes" size="sm">
          {t('scorecards.disputes.review')}
        </Anchor>
      </Group>
    </Card>
  );
}
