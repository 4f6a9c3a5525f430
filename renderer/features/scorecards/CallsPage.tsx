/** Calls: list with filters, scoring queue, disputes, calibration sessions and scorecard templates. */
import {
  Badge,
  Button,
  Group,
  Menu,
  Pagination,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconFileImport, IconMicrophone, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useSearchParams } from 'react-router';
import { useNavigate } from '../../lib/navigate';
import { CHANNELS, type CallRow } from '../../../shared/api/scorecards';
import { fmtClock } from '../../../shared/domain/transcript';
import { api, useApi } from '../../lib/api';
import { errorText } from '../../lib/errors';
import type { CsvValue } from '../../../shared/domain/csv';
import { downloadCsv } from './exporting';
import { fmtDateTime, fmtNumber, personName } from '../../lib/format';
import { useSession } from '../../app/session';
import { CalibrationPanel, CalibrationView } from './Calibration';
import { CallView } from './CallView';
import { DisputesPanel } from './Disputes';
import { ImportCalls } from './ImportCalls';
import { QueuePanel } from './Queue';
import { TemplatesPanel } from './Templates';
import { fmtScore, loc, scoreColor } from './util';
import { clickable } from '../../lib/clickable';
import { DateField } from '../../lib/DateField';
import { dynamicKey } from '../../app/keys';

const PAGE = 50;

export function CallsPage() {
  return (
    <Routes>
      <Route index element={<CallsHome />} />
      <Route path="calibration/:id" element={<CalibrationView />} />
      <Route path=":id" element={<CallView />} />
    </Routes>
  );
}

function CallsHome() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const { session } = useSession();
  const isRep = session?.role === 'rep';
  const tab = params.get('tab') ?? 'calls';
  return (
    <Stack gap="md">
      <div>
        <Title order={2}>{t('scorecards.title')}</Title>
        <Text c="dimmed" size="sm">
          {t('scorecards.subtitle')}
        </Text>
      </div>
      <Tabs value={tab} onChange={(v) => setParams(v && v !== 'calls' ? { tab: v } : {})}>
        <Tabs.List>
          <Tabs.Tab value="calls">{t('scorecards.tabs.calls')}</Tabs.Tab>
          {!isRep && (
            <Tabs.Tab value="queue" data-testid="tab-queue">
              {t('scorecards.tabs.queue')}
            </Tabs.Tab>
          )}
          <Tabs.Tab value="disputes" data-testid="tab-disputes">
            {t('scorecards.tabs.disputes')}
          </Tabs.Tab>
          {!isRep && (
            <Tabs.Tab value="calibration" data-testid="tab-calibration">
              {t('scorecards.tabs.calibration')}
            </Tabs.Tab>
          )}
          {!isRep && (
            <Tabs.Tab value="templates" data-testid="tab-templates">
              {t('scorecards.tabs.templates')}
            </Tabs.Tab>
          )}
        </Tabs.List>
      </Tabs>
      {tab === 'calls' && <CallsList />}
      {tab === 'queue' && <QueuePanel />}
      {tab === 'disputes' && <DisputesPanel />}
      {tab === 'calibration' && <CalibrationPanel />}
      {tab === 'templates' && <TemplatesPanel />}
    </Stack>
  );
}

export function CallsTable({ rows, onOpen }: { rows: CallRow[]; onOpen: (id: number) => void }) {
  const { t } = useTranslation();
  return (
    <Table striped highlightOnHover stickyHeader verticalSpacing={6} data-testid="calls-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('scorecards.col.date')}</Table.Th>
          <Table.Th>{t('scorecards.col.rep')}</Table.Th>
          <Table.Th>{t('scorecards.col.customer')}</Table.Th>
          <Table.Th>{t('scorecards.col.channel')}</Table.Th>
          <Table.Th>{t('scorecards.col.duration')}</Table.Th>
          <Table.Th>{t('scorecards.col.outcome')}</Table.Th>
          <Table.Th>{t('scorecards.col.recording')}</Table.Th>
          <Table.Th ta="right">{t('scorecards.col.score')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((c) => (
          <Table.Tr key={c.id} {...clickable(() => onOpen(c.id))} data-testid="call-row">
            <Table.Td>
              <Text size="sm">{fmtDateTime(c.at)}</Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{personName(c.rep)}</Text>
              <Text size="xs" c="dimmed">
                {c.teamName ?? ''}
              </Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{c.customer || '—'}</Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm">
                {t(dynamicKey(`scorecards.channel.${c.channel}`))} · {t(`scorecards.direction.${c.direction}`)}
              </Text>
            </Table.Td>
            <Table.Td>{c.durationMs ? fmtClock(c.durationMs) : '—'}</Table.Td>
            <Table.Td>{c.outcome ? t(dynamicKey(`scorecards.outcome.${c.outcome}`)) : '—'}</Table.Td>
            <Table.Td>
              {c.hasAudio ? (
                <Badge size="sm" variant="light" leftSection={<IconMicrophone size={12} />}>
                  {c.hasTranscript ? t('scorecards.calls.audioTranscript') : t('scorecards.calls.audio')}
                </Badge>
              ) : (
                <Text size="xs" c="dimmed">
                  {t('scorecards.calls.noAudio')}
                </Text>
              )}
            </Table.Td>
            <Table.Td ta="right">
              {c.score === null ? (
                <Text size="xs" c="dimmed">
                  {t('scorecards.calls.unscored')}
                </Text>
              ) : (
                <Badge color={scoreColor(c.score)}>{fmtScore(c.score)}</Badge>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function CallsList() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { session } = useSession();
  const isRep = session?.role === 'rep';
  const [query, setQuery] = useState('');
  const [q] = useDebouncedValue(query, 200);
  const [repId, setRepId] = useState<string | null>(null);
  const [teamId, setTeamId] = useState<string | null>(null);
  const [channel, setChannel] = useState<string | null>(null);
  const [scored, setScored] = useState<'all' | 'scored' | 'unscored'>('all');
  const [band, setBand] = useState<string | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [page, setPage] = useState(1);
  const [importing, setImporting] = useState(false);
  const teams = useApi('teams.list', { includeEmpty: false });
  const reps = useApi('people.list', { query: '', teamId: null, role: 'rep', includeInactive: false, sort: 'name', offset: 0, limit: 500 });
  const effectiveRep = isRep ? (session?.person?.id ?? null) : repId ? Number(repId) : null;
  const list = useApi('scorecards.calls.list', {
    query: q,
    repId: effectiveRep,
    teamId: teamId ? Number(teamId) : null,
    channel: channel as (typeof CHANNELS)[number] | null,
    scored,
    band: band as 'low' | 'mid' | 'high' | null,
    from: /^\d{4}-\d{2}-\d{2}$/.test(from) ? from : null,
    to: /^\d{4}-\d{2}-\d{2}$/.test(to) ? to : null,
    offset: (page - 1) * PAGE,
    limit: PAGE,
  });
  const total = list.data?.total ?? 0;
  const reset =
    <T,>(fn: (v: T) => void) =>
    (v: T) => {
      fn(v);
      setPage(1);
    };
  // Results in the chosen date range, per criterion or per rep (0–100 points, one decimal).
  const exportResults = async (kind: 'criteria' | 'reps') => {
    try {
      const r = await api('scorecards.results.export', {
        from: /^\d{4}-\d{2}-\d{2}$/.test(from) ? from : null,
        to: /^\d{4}-\d{2}-\d{2}$/.test(to) ? to : null,
      });
      const crit = r.criteria.map((c) => ({ id: c.criterionId, label: loc(c.label) }));
      const rows: CsvValue[][] =
        kind === 'criteria'
          ? [[t('scorecards.disputes.criterion'), t('scorecards.col.score'), 'n'], ...r.criteria.map((c) => [loc(c.label), c.avg, c.n])]
          : [
              [t('scorecards.col.rep'), t('scorecards.calls.team'), 'n', t('scorecards.col.score'), ...crit.map((c) => c.label)],
              ...r.reps.map((x) => [personName(x.rep), x.teamName, x.n, x.avgScore, ...crit.map((c) => x.criteria[c.id] ?? null)]),
            ];
      downloadCsv(rows, kind === 'criteria' ? t('scorecards.results.csvCriteria') : t('scorecards.results.csvReps'));
    } catch (e) {
      notifications.show({ color: 'red', message: errorText(t, e) });
    }
  };
  return (
    <Stack gap="sm">
      <Group gap="sm" wrap="wrap" align="flex-end">
        <TextInput
          placeholder={t('scorecards.calls.search')}
          leftSection={<IconSearch size={16} />}
          value={query}
          onChange={(e) => reset(setQuery)(e.currentTarget.value)}
          w={220}
          data-testid="calls-search"
        />
        {!isRep && (
          <Select
            placeholder={t('scorecards.calls.allReps')}
            clearable
            searchable
            data={(reps.data?.rows ?? []).map((p) => ({ value: String(p.id), label: personName(p) }))}
            value={repId}
            onChange={reset(setRepId)}
            w={180}
            aria-label={t('scorecards.col.rep')}
          />
        )}
        {!isRep && (
          <Select
            placeholder={t('scorecards.calls.allTeams')}
            clearable
            data={(teams.data ?? []).map((tm) => ({ value: String(tm.id), label: tm.name }))}
            value={teamId}
            onChange={reset(setTeamId)}
            w={140}
            aria-label={t('scorecards.calls.team')}
          />
        )}
        <Select
          placeholder={t('scorecards.calls.allChannels')}
          clearable
          data={CHANNELS.map((c) => ({ value: c, label: t(`scorecards.channel.${c}`) }))}
          value={channel}
          onChange={reset(setChannel)}
          w={140}
          aria-label={t('scorecards.col.channel')}
        />
        <DateField value={from} onChange={(v) => reset(setFrom)(v)} aria-label={t('scorecards.calls.from')} w={150} />
        <DateField value={to} onChange={(v) => reset(setTo)(v)} aria-label={t('scorecards.calls.to')} w={150} />
        <SegmentedControl
          value={scored}
          onChange={(v) => reset(setScored)(v)}
          data={[
            { value: 'all', label: t('common.all') },
            { value: 'scored', label: t('scorecards.calls.scored') },
            { value: 'unscored', label: t('scorecards.calls.unscored') },
          ]}
          data-testid="scored-filter"
        />
        <Select
          placeholder={t('scorecards.calls.anyScore')}
          clearable
          data={(['low', 'mid', 'high'] as const).map((b) => ({ value: b, label: t(`scorecards.band.${b}`) }))}
          value={band}
          onChange={reset(setBand)}
          w={150}
          aria-label={t('scorecards.col.score')}
        />
        <div style={{ flex: 1 }} />
        {!isRep && (
          <Menu position="bottom-end">
            <Menu.Target>
              <Button variant="default" leftSection={<IconDownload size={16} />} data-testid="results-export">
                CSV
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item onClick={() => void exportResults('criteria')} data-testid="results-csv-criteria">
                {t('scorecards.results.csvCriteria')}
              </Menu.Item>
              <Menu.Item onClick={() => void exportResults('reps')} data-testid="results-csv-reps">
                {t('scorecards.results.csvReps')}
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        )}
        {!isRep && (
          <Button leftSection={<IconFileImport size={16} />} onClick={() => setImporting(true)} data-testid="import-calls">
            {t('scorecards.import.open')}
          </Button>
        )}
      </Group>
      <CallsTable rows={list.data?.rows ?? []} onOpen={(id) => navigate(`/calls/${id}`)} />
      {!list.loading && total === 0 && (
        <Text c="dimmed" ta="center" py="lg">
          {t('scorecards.calls.empty')}
        </Text>
      )}
      <Group justify="space-between">
        <Text size="sm" c="dimmed" data-testid="calls-count">
          {total > 0 &&
            t('common.showing', {
              from: fmtNumber((page - 1) * PAGE + 1),
              to: fmtNumber(Math.min(page * PAGE, total)),
              total: fmtNumber(total),
            })}
        </Text>
        {total > PAGE && <Pagination total={Math.ceil(total / PAGE)} value={page} onChange={setPage} size="sm" />}
      </Group>
      <ImportCalls opened={importing} onClose={() => setImporting(false)} onDone={() => list.reload()} />
    </Stack>
  );
}
