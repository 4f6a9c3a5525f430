/** Calibration sessions: create (calls + graders, blind), score each call, then the agreement report. */
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  MultiSelect,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconDownload, IconPlus, IconPrinter } from '@tabler/icons-react';
import { alphaBand, discussFirst, lowAlphaHighAgreement } from '../../../shared/domain/calibrationVerdict';
import { round, type CsvValue } from '../../../shared/domain/csv';
import { downloadCsv } from './exporting';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useNavigate } from '../../lib/navigate';
import type { CalibrationReport } from '../../../shared/api/scorecards';
import { api, useApi } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { fmtDate, fmtDateTime, fmtNumber, personName } from '../../lib/format';
import { fmtScore, loc, scoreColor } from './util';
import { clickable } from '../../lib/clickable';
import { DateField } from '../../lib/DateField';
import type { TFunction } from 'i18next';

const fmtAlpha = (a: number | null) => (a === null ? '—' : fmtNumber(a, 2));

export function CalibrationPanel() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const list = useApi('scorecards.calibration.list', {});
  const [creating, setCreating] = useState(false);
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t('scorecards.calibration.help')}
        </Text>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)} data-testid="new-calibration">
          {t('scorecards.calibration.new')}
        </Button>
      </Group>
      <Table verticalSpacing={6} highlightOnHover data-testid="calibration-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('scorecards.calibration.titleCol')}</Table.Th>
            <Table.Th>{t('scorecards.calibration.calls')}</Table.Th>
            <Table.Th>{t('scorecards.calibration.graders')}</Table.Th>
            <Table.Th>{t('scorecards.calibration.progress')}</Table.Th>
            <Table.Th>{t('scorecards.calibration.deadline')}</Table.Th>
            <Table.Th>{t('common.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(list.data ?? []).map((s) => (
            <Table.Tr key={s.id} {...clickable(() => navigate(`/calls/calibration/${s.id}`))} data-testid="calibration-row">
              <Table.Td>{s.title}</Table.Td>
              <Table.Td>{s.calls}</Table.Td>
              <Table.Td>{s.graders}</Table.Td>
              <Table.Td>
                {s.submitted} / {s.expected}
              </Table.Td>
              <Table.Td>{fmtDate(s.deadline)}</Table.Td>
              <Table.Td>
                <Badge color={s.status === 'open' ? 'blue' : 'gray'}>{t(`scorecards.calibration.status.${s.status}`)}</Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {creating && <CreateCalibration onClose={() => setCreating(false)} onCreated={(id) => navigate(`/calls/calibration/${id}`)} />}
    </Stack>
  );
}

function CreateCalibration({ onClose, onCreated }: { onClose: () => void; onCreated: (id: number) => void }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const [callIds, setCallIds] = useState<string[]>([]);
  const [graders, setGraders] = useState<string[]>([]);
  const [reference, setReference] = useState<string | null>(null);
  const [deadline, setDeadline] = useState('');
  const [error, setError] = useState<string | null>(null);
  const managers = useApi('people.list', {
    query: '',
    teamId: null,
    role: 'manager',
    includeInactive: false,
    sort: 'name',
    offset: 0,
    limit: 200,
  });
  const recent = useApi('scorecards.calls.list', {
    repId: null,
    teamId: null,
    from: null,
    to: null,
    channel: null,
    scored: 'all',
    band: null,
    query: '',
    offset: 0,
    limit: 60,
  });
  const create = async () => {
    setError(null);
    try {
      const s = await api('scorecards.calibration.create', {
        title,
        callIds: callIds.map(Number),
        graderIds: graders.map(Number),
        referenceGraderId: reference ? Number(reference) : null,
        deadline: deadline || null,
      });
      notifications.show({ color: 'green', message: t('scorecards.calibration.created') });
      onCreated(s.id);
    } catch (e) {
      setError(errorText(t, e));
    }
  };
  return (
    <Modal opened onClose={onClose} title={t('scorecards.calibration.new')} size="lg">
      <Stack>
        <TextInput
          label={t('scorecards.calibration.titleCol')}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          required
          maxLength={200}
          data-testid="cal-title"
        />
        <MultiSelect
          label={t('scorecards.calibration.calls')}
          searchable
          data={(recent.data?.rows ?? []).map((c) => ({
            value: String(c.id),
            label: `${fmtDateTime(c.at)} · ${personName(c.rep)} · ${c.customer}${c.hasAudio ? ' 🎧' : ''}`,
          }))}
          value={callIds}
          onChange={setCallIds}
          data-testid="cal-calls"
        />
        <MultiSelect
          label={t('scorecards.calibration.graders')}
          data={(managers.data?.rows ?? []).map((p) => ({ value: String(p.id), label: personName(p) }))}
          value={graders}
          onChange={setGraders}
          data-testid="cal-graders"
        />
        <Group grow>
          <MultiSelect
            label={t('scorecards.calibration.reference')}
            description={t('scorecards.calibration.referenceHelp')}
            data={graders.map((g) => ({ value: g, label: personName(managers.data?.rows.find((p) => String(p.id) === g)) }))}
            value={reference ? [reference] : []}
            onChange={(v) => setReference(v[v.length - 1] ?? null)}
          />
          <DateField label={t('scorecards.calibration.deadline')} value={deadline} onChange={(v) => setDeadline(v)} />
        </Group>
        {error && <Alert color="red">{error}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('actions.cancel')}
          </Button>
          <Button onClick={() => void create()} data-testid="cal-create">
            {t('actions.create')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function CalibrationView() {
  const { t } = useTranslation();
  const { id } = useParams();
  const sid = Number(id);
  const s = useApi('scorecards.calibration.get', { id: sid });
  const report = useApi('scorecards.calibration.report', s.data?.canSeeReport ? { id: sid } : null);
  if (s.error) return <Alert color="red">{s.error.message}</Alert>;
  if (!s.data) return null;
  const d = s.data;
  return (
    <Stack gap="md" data-testid="calibration-view">
      <Anchor component={Link} to="/calls?tab=calibration" size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} />
          {t('scorecards.tabs.calibration')}
        </Group>
      </Anchor>
      <Group justify="space-between">
        <div>
          <Title order={2}>{d.title}</Title>
          <Text size="sm" c="dimmed">
            {t('scorecards.calibration.summary', { calls: d.calls, graders: d.graders, submitted: d.submitted, expected: d.expected })}
            {d.deadline ? ` · ${t('scorecards.calibration.due', { date: fmtDate(d.deadline) })}` : ''}
            {d.reference ? ` · ${t('scorecards.calibration.referenceIs', { name: personName(d.reference) })}` : ''}
          </Text>
        </div>
        <Group>
          <Badge size="lg" color={d.status === 'open' ? 'blue' : 'gray'}>
            {t(`scorecards.calibration.status.${d.status}`)}
          </Badge>
          {d.status === 'open' && (
            <Button variant="default" onClick={() => void api('scorecards.calibration.close', { id: sid }).then(s.reload)}>
              {t('scorecards.calibration.close')}
            </Button>
          )}
        </Group>
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {d.isGrader && (
          <Card withBorder padding="sm">
            <Title order={5} mb="xs">
              {t('scorecards.calibration.yourCalls')}
            </Title>
            <Stack gap={4}>
              {d.callList.map((c) => {
                const mine = d.mine.find((m) => m.callId === c.id);
                return (
                  <Group key={c.id} justify="space-between">
                    <Anchor component={Link} to={`/calls/${c.id}?calibration=${sid}`} size="sm" data-testid="cal-call">
                      {fmtDateTime(c.at)} · {personName(c.rep)} · {c.customer}
                    </Anchor>
                    <Badge color={mine?.status === 'submitted' ? 'green' : mine?.status === 'draft' ? 'yellow' : 'gray'}>
                      {t(`scorecards.calibration.mine.${mine?.status ?? 'todo'}`)}
                    </Badge>
                  </Group>
                );
              })}
            </Stack>
          </Card>
        )}
        <Card withBorder padding="sm">
          <Title order={5} mb="xs">
            {t('scorecards.calibration.graders')}
          </Title>
          {d.graderList.map((g) => (
            <Group key={g.person.id} justify="space-between">
              <Text size="sm">{personName(g.person)}</Text>
              <Text size="sm" c="dimmed">
                {g.submitted} / {d.calls}
              </Text>
            </Group>
          ))}
        </Card>
      </SimpleGrid>
      {!d.canSeeReport && <Alert color="violet">{t('scorecards.calibration.blind')}</Alert>}
      {report.error && <Alert color="red">{report.error.message}</Alert>}
      {report.data && <Report r={report.data} title={d.title} />}
    </Stack>
  );
}

function Stat({ label, value, n, hint }: { label: string; value: string; n: string; hint?: string }) {
  return (
    <Card withBorder padding="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Tooltip label={hint} disabled={!hint} multiline w={300}>
        <Text fw={700} size="xl">
          {value}
        </Text>
      </Tooltip>
      <Text size="xs" c="dimmed">
        {n}
      </Text>
    </Card>
  );
}

const pctOrDash = (p: number | null) => (p === null ? '—' : `${fmtNumber(p, 0)}%`);

const BAND_COLOR = { reliable: 'green', tentative: 'yellow', unreliable: 'red', unknown: 'gray' } as const;

function reportCsv(r: CalibrationReport, title: string, t: TFunction): CsvValue[][] {
  const rows: CsvValue[][] = [
    [title],
    [t('scorecards.verdict.method')],
    [
      t('scorecards.report.alphaTotals'),
      round(r.alphaTotals.alpha, 3),
      t(`scorecards.verdict.band.${alphaBand(r.alphaTotals.alpha)}`),
      `n=${r.alphaTotals.n}`,
    ],
  ];
  // one line per scale: yes/no and point criteria are never pooled
  for (const g of r.byScale)
    rows.push([
      `${t(`scorecards.scale.${g.scale}`)} (${g.criteria})`,
      round(g.alpha.alpha, 3),
      t(`scorecards.verdict.band.${alphaBand(g.alpha.alpha)}`),
      `n=${g.alpha.n}`,
      round(g.agreement.percent, 0),
      '%',
      t(`scorecards.report.rule.${g.agreement.rule}`),
    ]);
  rows.push(
    [],
    [t('scorecards.disputes.criterion'), 'alpha', t('scorecards.report.agreement') + ' %', 'SD', t('scorecards.report.ambiguous'), 'n'],
  );
  for (const c of r.criteria)
    rows.push([
      loc(c.label),
      round(c.alpha.alpha, 3),
      round(c.agreement.percent, 0),
      round(c.spread.sd, 2),
      c.ambiguous.ambiguous ? 1 : 0,
      c.alpha.n,
    ]);
  rows.push([], [t('scorecards.report.bias'), 'bias', 'n']);
  for (const b of r.bias) rows.push([personName(b.person), round(b.bias, 1), b.n]);
  return rows;
}

function Report({ r, title }: { r: CalibrationReport; title: string }) {
  const { t } = useTranslation();
  const graders = r.totals[0]?.scores.map((s) => r.bias.find((b) => b.person.id === s.graderId)?.person) ?? [];
  // the plain-words verdict is about the call score people see (α of the graders' totals)
  const band = alphaBand(r.alphaTotals.alpha);
  const first = discussFirst(r.criteria);
  return (
    <Stack gap="md" data-testid="calibration-report" className="print-area">
      <Group justify="space-between">
        <Title order={3}>{t('scorecards.report.title')}</Title>
        <Group gap="xs" className="no-print">
          <Button
            size="xs"
            variant="light"
            leftSection={<IconDownload size={14} />}
            onClick={() => downloadCsv(reportCsv(r, title, t), title)}
            data-testid="report-csv"
          >
            {t('scorecards.verdict.csv')}
          </Button>
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPrinter size={14} />}
            onClick={() => window.print()}
            data-testid="report-print"
          >
            {t('scorecards.verdict.print')}
          </Button>
        </Group>
      </Group>
      <Alert color={BAND_COLOR[band]} title={t(`scorecards.verdict.band.${band}`)} data-testid="calibration-verdict" data-band={band}>
        {t(`scorecards.verdict.${band}`, { alpha: fmtAlpha(r.alphaTotals.alpha) })}
        <Text size="xs" c="dimmed" mt={4}>
          {t('scorecards.verdict.method')}
        </Text>
      </Alert>
      <Card withBorder padding="sm" data-testid="discuss-first">
        <Title order={5} mb="xs">
          {t('scorecards.verdict.discussFirst')}
        </Title>
        {first.length ? (
          <Stack gap={4}>
            {first.map((c, i) => (
              <Group key={c.criterionId} gap="xs" wrap="nowrap">
                <Text size="sm" fw={600} w={20}>
                  {i + 1}.
                </Text>
                <Text size="sm" style={{ flex: 1 }}>
                  {loc(c.label)}
                </Text>
                <Badge color={BAND_COLOR[alphaBand(c.alpha.alpha)]} variant="light" tt="none">
                  α {fmtAlpha(c.alpha.alpha)}
                </Badge>
              </Group>
            ))}
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            {t('scorecards.verdict.none')}
          </Text>
        )}
      </Card>
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        {/* one pair of figures per scale: yes/no and point criteria are never pooled */}
        {r.byScale.map((g) => (
          <Fragment key={g.scale}>
            <Stat
              label={t('scorecards.report.alphaScale', {
                scale: t(`scorecards.scale.${g.scale}`),
                metric: t(`scorecards.report.metric.${g.metric}`),
              })}
              value={fmtAlpha(g.alpha.alpha)}
              n={t('scorecards.report.nValues', { n: g.alpha.n, units: g.alpha.units })}
              hint={t('scorecards.report.alphaHint')}
            />
            <Stat
              label={t('scorecards.report.agreeScale', { scale: t(`scorecards.scale.${g.scale}`) })}
              value={pctOrDash(g.agreement.percent)}
              n={`${t(`scorecards.report.rule.${g.agreement.rule}`)} · ${t('scorecards.report.nPairs', { n: g.agreement.pairs })}`}
            />
          </Fragment>
        ))}
        <Stat
          label={t('scorecards.report.alphaTotals')}
          value={fmtAlpha(r.alphaTotals.alpha)}
          n={t('scorecards.report.nValues', { n: r.alphaTotals.n, units: r.alphaTotals.units })}
        />
        <Stat
          label={t('scorecards.report.scores')}
          value={`${r.n.scores}`}
          n={t('scorecards.report.nGraders', { graders: r.n.graders, calls: r.n.calls })}
        />
      </SimpleGrid>
      <Card withBorder padding="sm">
        <Title order={5} mb="xs">
          {t('scorecards.report.bias')}
        </Title>
        <Text size="xs" c="dimmed" mb={4}>
          {r.reference ? t('scorecards.report.biasVsRef', { name: personName(r.reference) }) : t('scorecards.report.biasVsGroup')}
        </Text>
        <Table data-testid="bias-table">
          <Table.Tbody>
            {r.bias.map((b) => (
              <Table.Tr key={b.person.id}>
                <Table.Td>{personName(b.person)}</Table.Td>
                <Table.Td>{b.bias === null ? '—' : `${b.bias > 0 ? '+' : ''}${fmtNumber(b.bias, 1)}`}</Table.Td>
                <Table.Td>
                  <Badge color={b.label === 'lenient' ? 'green' : b.label === 'harsh' ? 'red' : 'gray'}>
                    {t(`scorecards.report.label.${b.label}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="xs" c="dimmed">
                    n = {b.n}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
      <Card withBorder padding="sm">
        <Title order={5} mb="xs">
          {t('scorecards.report.perCall')}
        </Title>
        <Table data-testid="per-call">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('scorecards.col.customer')}</Table.Th>
              {graders.map((g, i) => (
                <Table.Th key={i}>{personName(g)}</Table.Th>
              ))}
              <Table.Th>{t('scorecards.report.spread')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {r.totals.map((c) => (
              <Table.Tr key={c.callId}>
                <Table.Td>
                  <Anchor component={Link} to={`/calls/${c.callId}`} size="sm">
                    {c.customer}
                  </Anchor>
                </Table.Td>
                {c.scores.map((s) => (
                  <Table.Td key={s.graderId}>
                    <Badge variant="light" color={scoreColor(s.score)}>
                      {fmtScore(s.score)}
                    </Badge>
                  </Table.Td>
                ))}
                <Table.Td>
                  {c.spread.range === null
                    ? '—'
                    : t('scorecards.report.spreadValue', {
                        range: fmtNumber(c.spread.range, 1),
                        sd: fmtNumber(c.spread.sd ?? 0, 1),
                        n: c.spread.n,
                      })}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
      <Card withBorder padding="sm">
        <Title order={5} mb="xs">
          {t('scorecards.report.perCriterion')}
        </Title>
        <Table data-testid="per-criterion">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('scorecards.disputes.criterion')}</Table.Th>
              <Table.Th>α</Table.Th>
              <Table.Th>{t('scorecards.report.agreement')}</Table.Th>
              <Table.Th>{t('scorecards.report.spread')}</Table.Th>
              <Table.Th>{t('scorecards.report.ambiguous')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {r.criteria.map((c) => (
              <Table.Tr key={c.criterionId}>
                <Table.Td>
                  <Text size="sm">{loc(c.label)}</Text>
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" tt="none" color={BAND_COLOR[alphaBand(c.alpha.alpha)]}>
                    {fmtAlpha(c.alpha.alpha)}
                  </Badge>{' '}
                  <Text span size="xs" c="dimmed">
                    (n={c.alpha.n})
                  </Text>
                  {lowAlphaHighAgreement(c) && (
                    <Text size="xs" c="dimmed" maw={360} data-testid="alpha-why">
                      {t('scorecards.verdict.lowAlphaWhy', { within: fmtNumber(c.agreement.percent ?? 0, 0) })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {pctOrDash(c.agreement.percent)}{' '}
                  <Text span size="xs" c="dimmed">
                    ({t(`scorecards.report.rule.${c.agreement.rule}`)}, {t('scorecards.report.nPairs', { n: c.agreement.pairs })})
                  </Text>
                </Table.Td>
                <Table.Td>{c.spread.sd === null ? '—' : `SD ${fmtNumber(c.spread.sd, 2)}`}</Table.Td>
                <Table.Td>
                  {c.ambiguous.ambiguous ? (
                    <Badge color="orange" data-testid="ambiguous">
                      {t(c.agreement.rule === 'exact' ? 'scorecards.report.ambiguousYesExact' : 'scorecards.report.ambiguousYes', {
                        share: fmtNumber((c.ambiguous.share ?? 0) * 100, 0),
                        units: c.ambiguous.units,
                      })}
                    </Badge>
                  ) : (
                    <Text size="xs" c="dimmed">
                      {t(c.agreement.rule === 'exact' ? 'scorecards.report.ambiguousNoExact' : 'scorecards.report.ambiguousNo', {
                        d: c.ambiguous.disagreeing,
                        units: c.ambiguous.units,
                      })}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
    </Stack>
  );
}
