/** The Insights page: filters on top, every chart below, all from one `insights.page` call. */
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Loader,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  Tooltip as MTooltip,
} from '@mantine/core';
import { IconAlertTriangle, IconPrinter, IconTrophy } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useNavigate } from '../../lib/navigate';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  ErrorBar,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
  ZAxis,
} from 'recharts';
import type { Correlation, InsightsFilters, InsightsPage, RepRow, ScatterPoint } from '../../../shared/api/insights';
import { useApi } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { collator, fmtDate, fmtNumber, personName } from '../../lib/format';
import { ChartCard } from './ChartCard';
import { ChannelGroups } from './ChannelGroups';
import { DEFAULT_FILTERS, num2, pct } from './format';
import { TrendChart } from './TrendChart';
import { clickable } from '../../lib/clickable';
import { DateField } from '../../lib/DateField';
import { dynamicKey } from '../../app/keys';

const COLORS = ['#1c7ed6', '#e8590c', '#2f9e44', '#ae3ec9', '#f08c00', '#0c8599', '#c2255c'];

/** recharts passes the clicked point in different shapes across versions */
function repIdOf(d: unknown): number | null {
  const o = d as { repId?: number; payload?: { repId?: number } } | null;
  return o?.repId ?? o?.payload?.repId ?? null;
}

export function Dashboard() {
  const { t } = useTranslation();
  const [f, setF] = useState<InsightsFilters>(DEFAULT_FILTERS);
  const q = useApi('insights.page', f);
  const set = (p: Partial<InsightsFilters>) => setF((x) => ({ ...x, ...p }));
  const d = q.data;

  return (
    <Stack gap="md">
      <style>{PRINT_CSS}</style>
      {/* a period problem (start after end) shows on the date field; anything else above the charts */}
      <Filters
        f={f}
        set={set}
        reset={() => setF(DEFAULT_FILTERS)}
        data={d}
        loading={q.loading}
        fromError={q.error?.field === 'from' ? errorText(t, q.error) : undefined}
      />
      {q.error && q.error.field !== 'from' && <Alert color="red">{errorText(t, q.error)}</Alert>}
      {!d && q.loading && <Loader />}
      {d && d.dealsTotal === 0 && (
        <Alert color="blue" data-testid="insights-empty">
          {t('insights.empty')}
        </Alert>
      )}
      {d && d.dealsTotal > 0 && <Charts d={d} f={f} set={set} reload={q.reload} />}
    </Stack>
  );
}

function Filters({
  f,
  set,
  reset,
  data,
  loading,
  fromError,
}: {
  f: InsightsFilters;
  set: (p: Partial<InsightsFilters>) => void;
  reset: () => void;
  data?: InsightsPage;
  loading: boolean;
  fromError?: string;
}) {
  const { t } = useTranslation();
  const o = data?.options;
  const channelData = [
    {
      group: t('insights.filters.channel'),
      items: (['direct', 'indirect', 'online', 'offline'] as const).map((g) => ({ value: g, label: t(`insights.filters.groups.${g}`) })),
    },
    ...(o?.channels.length ? [{ group: '—', items: o.channels.map((c) => ({ value: c, label: c })) }] : []),
  ];
  return (
    <Stack gap={6} className="insights-noprint">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <Select
          label={t('insights.filters.team')}
          placeholder={t('insights.filters.allTeams')}
          clearable
          w={170}
          data={(o?.teams ?? []).map((x) => ({ value: String(x.id), label: x.name }))}
          value={f.teamId ? String(f.teamId) : null}
          onChange={(v) => set({ teamId: v ? Number(v) : null })}
          data-testid="filter-team"
        />
        <DateField
          label={t('insights.filters.from')}
          w={150}
          value={f.from ?? data?.period.from ?? ''}
          onChange={(v) => set({ from: v || null })}
          error={fromError}
          data-testid="filter-from"
        />
        <DateField
          label={t('insights.filters.to')}
          w={150}
          value={f.to ?? data?.period.to ?? ''}
          onChange={(v) => set({ to: v || null })}
          data-testid="filter-to"
        />
        <Select
          label={t('insights.filters.channel')}
          placeholder={t('insights.filters.allChannels')}
          clearable
          w={190}
          data={channelData}
          value={f.channel ?? null}
          onChange={(v) => set({ channel: v })}
          data-testid="filter-channel"
        />
        <Select
          label={t('insights.filters.product')}
          placeholder={t('insights.filters.allProducts')}
          clearable
          w={190}
          data={o?.products ?? []}
          value={f.product ?? null}
          onChange={(v) => set({ product: v })}
          data-testid="filter-product"
        />
        <SegmentedControl
          data={(['all', 'new', 'repeat'] as const).map((b) => ({ value: b, label: t(`insights.filters.business.${b}`) }))}
          value={f.business ?? 'all'}
          onChange={(v) => set({ business: v })}
          data-testid="filter-business"
        />
        <MTooltip label={t('insights.filters.lagHint')}>
          <Switch
            label={t('insights.filters.lag')}
            checked={!!f.lag}
            onChange={(e) => set({ lag: e.currentTarget.checked })}
            data-testid="filter-lag"
            mb={6}
          />
        </MTooltip>
        <Button variant="default" onClick={reset}>
          {t('insights.filters.reset')}
        </Button>
        <Button variant="light" leftSection={<IconPrinter size={16} />} onClick={() => window.print()} data-testid="insights-print">
          {t('insights.actions.print')}
        </Button>
        {loading && <Loader size="sm" />}
      </Group>
      {data && (
        <Text size="sm" c="dimmed" data-testid="insights-period">
          {t('insights.period', { from: fmtDate(data.period.from), to: fmtDate(data.period.to), deals: fmtNumber(data.dealsTotal) })}
        </Text>
      )}
    </Stack>
  );
}

function Charts({
  d,
  f,
  set,
  reload,
}: {
  d: InsightsPage;
  f: InsightsFilters;
  set: (p: Partial<InsightsFilters>) => void;
  reload: () => void;
}) {
  const { t, i18n } = useTranslation();
  const reps = useMemo(() => new Map(d.reps.map((r) => [r.repId, r])), [d.reps]);
  const rname = (id: number) => personName(reps.get(id)) || `#${id}`;
  const lang = i18n.language as 'en' | 'ru' | 'zh';
  const money = (v: number) => `${fmtNumber(v)}${d.currency ? ' ' + d.currency : ''}`;
  return (
    <Stack gap="md">
      {d.unconverted.deals > 0 && (
        <Alert color="orange" icon={<IconAlertTriangle size={18} />} data-testid="unconverted-notice">
          {t('insights.unconverted', {
            deals: fmtNumber(d.unconverted.deals),
            currency: d.currency,
            list: d.unconverted.byCurrency
              .map((c) =>
                t('insights.unconvertedItem', {
                  currency: c.currency || t('insights.noCurrency'),
                  deals: fmtNumber(c.deals),
                  months: c.months.slice(0, 3).join(', ') + (c.months.length > 3 ? '…' : ''),
                }),
              )
              .join('; '),
          })}{' '}
          <Anchor
            component={Link}
            to="/insights?tab=currency"
            size="sm"
            c="inherit"
            underline="always"
            fw={600}
            data-testid="unconverted-link"
          >
            {t('insights.tabs.currency')}
          </Anchor>
        </Alert>
      )}
      {d.competenceSource === 'none' && (
        <Alert color="yellow" icon={<IconAlertTriangle size={18} />} data-testid="competence-notice">
          {t('insights.competence.none')}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <ScatterCard
          id="close"
          title={t('insights.charts.close.title')}
          def={t('insights.charts.close.def')}
          yLabel={t('insights.charts.close.y')}
          points={d.closeScatter.points}
          stats={d.closeScatter.stats}
          rname={rname}
        />
        <ScatterCard
          id="retention"
          title={t('insights.charts.retention.title')}
          def={t('insights.charts.retention.def')}
          yLabel={t('insights.charts.retention.y')}
          points={d.retentionScatter.points}
          stats={d.retentionScatter.stats}
          rname={rname}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <PerCompetency d={d} lang={lang} lag={!!f.lag} />
        <Trends d={d} f={f} rname={rname} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <Funnel d={d} rname={rname} />
        <Channels d={d} money={money} reload={reload} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <Leaderboard d={d} rname={rname} money={money} />
        <Training d={d} f={f} set={set} />
      </SimpleGrid>
      <RepsTable d={d} money={money} />
    </Stack>
  );
}

export function StatsLine({ s }: { s: Correlation }) {
  const { t } = useTranslation();
  if (s.pearson === null)
    return (
      <Text size="sm" c="dimmed">
        {t('insights.stats.noData')}
      </Text>
    );
  return (
    <Stack gap={4}>
      <Group gap={6} data-testid="stats-line" data-export-text="parts">
        <Badge variant="light" tt="none">
          {t('insights.stats.n', { n: s.n })}
        </Badge>
        <Badge variant="light" color="indigo" tt="none">
          {t('insights.stats.r', { r: num2(s.pearson) })}
        </Badge>
        {s.ci && (
          <Badge variant="outline" tt="none">
            {t('insights.stats.ci', { lo: num2(s.ci[0]), hi: num2(s.ci[1]) })}
          </Badge>
        )}
        <Badge variant="light" color="grape" tt="none">
          {t('insights.stats.rho', { rho: num2(s.spearman) })}
        </Badge>
      </Group>
      <Text size="sm" data-testid="stats-reading" data-export-text>
        {t('insights.stats.reading', {
          strength: t(dynamicKey(`insights.stats.strength.${s.strength}`)),
          direction: s.strength === 'none' ? '' : t(dynamicKey(`insights.stats.direction.${s.direction}`)),
          n: s.n,
        })}
      </Text>
      {s.warnings.map((w) => (
        <Text key={w} size="xs" c="orange" data-testid={`warn-${w}`} data-export-text>
          ⚠{' '}
          {w === 'smallN'
            ? t('insights.stats.warnSmallN', { n: s.n })
            : w === 'fewClosed'
              ? t('insights.stats.warnFewClosed', { count: s.fewClosedReps })
              : t('insights.stats.warnNoCompetence')}
        </Text>
      ))}
    </Stack>
  );
}

function ScatterCard(p: {
  id: string;
  title: string;
  def: string;
  yLabel: string;
  points: ScatterPoint[];
  stats: Correlation;
  rname: (id: number) => string;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { stats, points } = p;
  const xs = points.map((x) => x.x);
  const line: [{ x: number; y: number }, { x: number; y: number }] | null =
    stats.slope !== null && stats.intercept !== null && xs.length
      ? [
          { x: Math.min(...xs), y: stats.intercept + stats.slope * Math.min(...xs) },
          { x: Math.max(...xs), y: stats.intercept + stats.slope * Math.max(...xs) },
        ]
      : null;
  const data = points.map((x) => ({ ...x, name: p.rname(x.repId) }));
  return (
    <ChartCard
      id={p.id}
      title={p.title}
      definition={p.def}
      csv={() =>
        data.map((x) => ({
          rep: x.name,
          competence: x.x,
          [p.id === 'close' ? 'close_rate' : 'retention_rate']: x.y,
          deals: x.deals,
          evidence: x.evidence,
        }))
      }
    >
      <StatsLine s={stats} />
      <ResponsiveContainer width="100%" height={280}>
        <ScatterChart margin={{ top: 10, right: 16, bottom: 24, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis
            type="number"
            dataKey="x"
            name={t('insights.cols.competence')}
            domain={[(m: number) => Math.max(0, Math.floor(m / 10) * 10), (m: number) => Math.min(100, Math.ceil(m / 10) * 10)]}
            label={{ value: t('insights.charts.close.x'), position: 'insideBottom', offset: -12 }}
          />
          <YAxis
            type="number"
            dataKey="y"
            name={p.yLabel}
            tickFormatter={(v: number) => pct(v)}
            domain={[0, 'auto']}
            label={{ value: p.yLabel, angle: -90, position: 'insideLeft' }}
          />
          <ZAxis type="number" dataKey="deals" range={[40, 360]} name={t('insights.cols.deals')} />
          <Tooltip
            cursor={{ strokeDasharray: '3 3' }}
            formatter={(v, name) => (name === p.yLabel ? pct(Number(v), 1) : fmtNumber(Number(v), 1))}
            labelFormatter={() => ''}
            content={({ payload }) => {
              const pt = payload?.[0]?.payload as (ScatterPoint & { name: string }) | undefined;
              if (!pt) return null;
              return (
                <div style={{ background: 'white', border: '1px solid #ddd', padding: 8, fontSize: 12 }}>
                  <b>{pt.name}</b>
                  <div>
                    {t('insights.cols.competence')}: {fmtNumber(pt.x, 1)} ({t('insights.cols.evidence')}: {pt.evidence})
                  </div>
                  <div>
                    {p.yLabel}: {pct(pt.y, 1)}
                  </div>
                  <div>
                    {t('insights.cols.deals')}: {pt.deals}
                  </div>
                </div>
              );
            }}
          />
          <Scatter
            data={data}
            fill="#1c7ed6"
            fillOpacity={0.7}
            cursor="pointer"
            onClick={(x: unknown) => repIdOf(x) && navigate(`/people/${repIdOf(x)}`)}
          />
          {line && <ReferenceLine segment={line} stroke="#e8590c" strokeWidth={2} ifOverflow="extendDomain" />}
        </ScatterChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}

function PerCompetency({ d, lang, lag }: { d: InsightsPage; lang: 'en' | 'ru' | 'zh'; lag: boolean }) {
  const { t } = useTranslation();
  const data = d.perCompetency
    .filter((c) => c.stats.pearson !== null)
    .map((c) => ({
      name: c.names[lang] || c.name,
      r: c.stats.pearson!,
      err: c.stats.ci ? [c.stats.pearson! - c.stats.ci[0], c.stats.ci[1] - c.stats.pearson!] : [0, 0],
      lo: c.stats.ci?.[0] ?? null,
      hi: c.stats.ci?.[1] ?? null,
      n: c.stats.n,
      rho: c.stats.spearman,
    }));
  return (
    <ChartCard
      id="per-competency"
      title={t('insights.charts.perComp.title')}
      definition={`${t('insights.charts.perComp.def')}${lag ? ' ' + t('insights.charts.perComp.lagOn') : ''}`}
      csv={() => data.map(({ err: _e, ...x }) => x)}
    >
      {data.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('insights.stats.noData')}
        </Text>
      ) : (
        <ResponsiveContainer width="100%" height={Math.max(200, data.length * 40 + 40)}>
          <BarChart data={data} layout="vertical" margin={{ left: 8, right: 24 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis type="number" domain={[-1, 1]} tickFormatter={(v: number) => fmtNumber(v, 1)} />
            <YAxis type="category" dataKey="name" width={190} tick={{ fontSize: 12 }} />
            <Tooltip formatter={(v) => num2(Number(v))} />
            <ReferenceLine x={0} stroke="#888" />
            <Bar dataKey="r" name="r" fill="#4263eb">
              <ErrorBar dataKey="err" direction="x" width={6} stroke="#333" />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      )}
    </ChartCard>
  );
}

function Trends({ d, f, rname }: { d: InsightsPage; f: InsightsFilters; rname: (id: number) => string }) {
  const { t } = useTranslation();
  // whose trend: everyone the filters select, or one rep (fetched under the same filters)
  const [who, setWho] = useState<string>('all');
  const repId = who === 'all' ? null : Number(who);
  const rep = useApi('insights.repTrend', repId === null ? null : { ...f, repId });
  const points = repId === null ? d.trends.team : (rep.data ?? []);
  const teamData = d.trends.team.map((p, k) =>
    Object.fromEntries<string | number | null>([
      ['month', p.month],
      ...d.trends.byTeam.map((tm): [string, number | null] => [tm.name, tm.points[k]?.closeRate ?? null]),
    ]),
  );
  const repOptions = d.reps
    .filter((r) => r.won + r.lost + r.open > 0)
    .map((r) => ({ value: String(r.repId), label: rname(r.repId) }))
    .sort((a, b) => collator().compare(a.label, b.label));
  return (
    <ChartCard
      id="trends"
      title={repId === null ? t('insights.charts.trends.title') : `${t('insights.charts.trends.title')}: ${rname(repId)}`}
      definition={t('insights.charts.trends.def')}
      csv={() => points.map((p) => ({ who: repId === null ? 'all' : rname(repId), ...p }))}
      extra={
        <Select
          size="xs"
          w={200}
          searchable
          aria-label={t('insights.charts.trends.who')}
          value={who}
          onChange={(v) => setWho(v ?? 'all')}
          data={[{ value: 'all', label: t('insights.charts.trends.whoAll') }, ...repOptions]}
          data-testid="trend-who"
        />
      }
    >
      {rep.error && repId !== null && <Alert color="red">{errorText(t, rep.error)}</Alert>}
      {repId !== null && rep.loading && !rep.data && (
        <Text size="xs" c="dimmed">
          {t('insights.charts.trends.repLoading')}
        </Text>
      )}
      <TrendChart points={points} oneRep={repId !== null} />
      {repId === null && d.trends.byTeam.length > 1 && (
        <>
          <Text size="xs" fw={500} mt="xs">
            {t('insights.charts.trends.byTeam')}
          </Text>
          <ResponsiveContainer width="100%" height={160}>
            <LineChart data={teamData} margin={{ right: 16 }}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="month" tick={{ fontSize: 11 }} />
              <YAxis tickFormatter={(v: number) => pct(v)} domain={[0, 1]} />
              <Tooltip formatter={(v) => pct(Number(v), 1)} />
              <Legend />
              {d.trends.byTeam.map((tm, i) => (
                <Line key={tm.teamId} dataKey={tm.name} stroke={COLORS[(i + 4) % COLORS.length]} dot={false} connectNulls />
              ))}
            </LineChart>
          </ResponsiveContainer>
        </>
      )}
    </ChartCard>
  );
}

function Funnel({ d, rname }: { d: InsightsPage; rname: (id: number) => string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [who, setWho] = useState<string>('all');
  const series =
    who === 'all'
      ? d.funnel.total
      : who.startsWith('t')
        ? (d.funnel.byTeam.find((x) => `t${x.teamId}` === who)?.counts ?? d.funnel.total)
        : (d.funnel.byRep.find((x) => `r${x.repId}` === who)?.counts ?? d.funnel.total);
  const data = series.map((n, k) => ({
    stage: t('insights.charts.funnel.stage', { n: k + 1 }),
    n,
    conv: series[0] ? n / series[0] : null,
  }));
  const repRows = d.funnel.byRep
    .map((r) => ({ repId: r.repId, name: rname(r.repId), conv: r.counts[0] ? r.counts[4] / r.counts[0] : 0 }))
    .sort((a, b) => b.conv - a.conv);
  return (
    <ChartCard
      id="funnel"
      title={t('insights.charts.funnel.title')}
      definition={t('insights.charts.funnel.def')}
      csv={() => [
        { who: 'all', ...Object.fromEntries(d.funnel.total.map((n, k) => [`stage_${k + 1}`, n])) },
        ...d.funnel.byTeam.map((x) => ({ who: x.name, ...Object.fromEntries(x.counts.map((n, k) => [`stage_${k + 1}`, n])) })),
        ...d.funnel.byRep.map((x) => ({ who: rname(x.repId), ...Object.fromEntries(x.counts.map((n, k) => [`stage_${k + 1}`, n])) })),
      ]}
      extra={
        <Select
          aria-label={t('insights.charts.funnel.who')}
          size="xs"
          w={170}
          value={who}
          onChange={(v) => setWho(v ?? 'all')}
          data={[
            { value: 'all', label: t('insights.charts.funnel.all') },
            ...d.funnel.byTeam.map((x) => ({ value: `t${x.teamId}`, label: x.name })),
            ...d.funnel.byRep.map((x) => ({ value: `r${x.repId}`, label: rname(x.repId) })),
          ]}
          data-testid="funnel-who"
        />
      }
    >
      <Text size="sm">{t('insights.charts.funnel.conversion', { value: pct(series[0] ? series[4] / series[0] : null, 1) })}</Text>
      <ResponsiveContainer width="100%" height={210}>
        <BarChart data={data} margin={{ right: 16 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="stage" />
          <YAxis />
          <Tooltip formatter={(v, _n, item) => `${fmtNumber(Number(v))} (${pct((item?.payload as { conv: number | null })?.conv, 1)})`} />
          <Bar dataKey="n" name={t('insights.cols.deals')} fill="#1c7ed6" />
        </BarChart>
      </ResponsiveContainer>
      <Text size="xs" fw={500}>
        {t('insights.charts.funnel.byRep')}
      </Text>
      <ResponsiveContainer width="100%" height={Math.max(120, repRows.length * 18)}>
        <BarChart data={repRows} layout="vertical" margin={{ left: 8, right: 24 }}>
          <XAxis type="number" domain={[0, 1]} tickFormatter={(v: number) => pct(v)} />
          <YAxis type="category" dataKey="name" width={140} tick={{ fontSize: 11 }} interval={0} />
          <Tooltip formatter={(v) => pct(Number(v), 1)} />
          <Bar
            dataKey="conv"
            name={t('insights.charts.funnel.conversion', { value: '' })}
            fill="#2f9e44"
            cursor="pointer"
            onClick={(x: unknown) => repIdOf(x) && navigate(`/people/${repIdOf(x)}`)}
          />
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}

function Channels({ d, money, reload }: { d: InsightsPage; money: (v: number) => string; reload: () => void }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  return (
    <ChartCard
      id="channels"
      title={t('insights.charts.channels.title')}
      definition={t('insights.charts.channels.def')}
      csv={() => d.channels.map((c) => ({ ...c }))}
      extra={
        <Button size="compact-xs" variant="subtle" onClick={() => setEditing((x) => !x)} data-testid="channels-configure">
          {t('insights.charts.channels.configure')}
        </Button>
      }
    >
      <ResponsiveContainer width="100%" height={270}>
        <BarChart data={d.channels.map((c) => ({ ...c, label: c.value }))} margin={{ right: 16 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="label" tick={{ fontSize: 11 }} interval={0} angle={-35} textAnchor="end" height={70} />
          <YAxis tickFormatter={(v: number) => pct(v)} domain={[0, 1]} />
          <Tooltip formatter={(v, name) => (name === t('insights.cols.closeRate') ? pct(Number(v), 1) : fmtNumber(Number(v)))} />
          <Bar dataKey="closeRate" name={t('insights.cols.closeRate')}>
            {d.channels.map((c, i) => (
              <Cell
                key={i}
                fill={c.kind === 'direct' ? (c.mode === 'online' ? '#1c7ed6' : '#74c0fc') : c.mode === 'online' ? '#e8590c' : '#ffa94d'}
              />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
      <Table fz="xs" withRowBorders={false} mt={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('insights.cols.group')}</Table.Th>
            <Table.Th>{t('insights.cols.won')}</Table.Th>
            <Table.Th>{t('insights.cols.lost')}</Table.Th>
            <Table.Th>{t('insights.cols.closeRate')}</Table.Th>
            <Table.Th>{t('insights.cols.revenue')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {d.channelGroups.map((g) => (
            <Table.Tr key={g.group}>
              <Table.Td>{t(`insights.charts.channels.${g.group}`)}</Table.Td>
              <Table.Td>{fmtNumber(g.won)}</Table.Td>
              <Table.Td>{fmtNumber(g.lost)}</Table.Td>
              <Table.Td>{pct(g.closeRate, 1)}</Table.Td>
              <Table.Td>{money(g.revenue)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {editing && <ChannelGroups onChange={reload} />}
    </ChartCard>
  );
}

function Leaderboard({ d, rname, money }: { d: InsightsPage; rname: (id: number) => string; money: (v: number) => string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const lb = d.leaderboard;
  const [tab, setTab] = useState<'closeRate' | 'revenue' | 'improved'>('closeRate');
  const rows: { repId: number; value: string; extra?: string }[] =
    tab === 'closeRate'
      ? lb.closeRate.map((r) => ({
          repId: r.repId,
          value: pct(r.value, 0),
          extra: `${r.closed} ${t('insights.cols.deals').toLowerCase()}`,
        }))
      : tab === 'revenue'
        ? lb.revenue.map((r) => ({ repId: r.repId, value: money(r.value) }))
        : lb.improved.map((r) => ({
            repId: r.repId,
            value: `${r.value >= 0 ? '+' : ''}${fmtNumber(r.value * 100, 1)} pp`,
            extra: `${pct(r.before)} → ${pct(r.after)}`,
          }));
  const [y, m] = lb.month.split('-').map(Number);
  const { i18n } = useTranslation();
  const monthLabel = y
    ? new Intl.DateTimeFormat({ en: 'en-GB', ru: 'ru-RU', zh: 'zh-CN' }[i18n.language as 'en'] ?? 'en-GB', {
        year: 'numeric',
        month: 'long',
      }).format(new Date(Date.UTC(y, m - 1, 15)))
    : lb.month;
  return (
    <ChartCard
      id="leaderboard"
      title={t('insights.charts.leaderboard.title', { month: monthLabel })}
      definition={t('insights.charts.leaderboard.def', { min: lb.minDeals })}
      png={false}
      csv={() => [
        ...lb.closeRate.map((r) => ({ board: 'close_rate', rep: rname(r.repId), value: r.value, closed: r.closed })),
        ...lb.revenue.map((r) => ({ board: 'revenue', rep: rname(r.repId), value: r.value, closed: '' })),
        ...lb.improved.map((r) => ({ board: 'improved', rep: rname(r.repId), value: r.value, closed: '' })),
      ]}
    >
      {lb.champion !== null && (
        <Group gap={6} mb="xs" data-testid="champion">
          <IconTrophy size={18} color="#f08c00" />
          <Text fw={700}>{t('insights.charts.leaderboard.champion', { name: rname(lb.champion) })}</Text>
        </Group>
      )}
      <SegmentedControl
        size="xs"
        value={tab}
        onChange={(v) => setTab(v)}
        data={[
          { value: 'closeRate', label: t('insights.charts.leaderboard.closeRate') },
          { value: 'revenue', label: t('insights.charts.leaderboard.revenue') },
          { value: 'improved', label: t('insights.charts.leaderboard.improved') },
        ]}
      />
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed" mt="xs">
          {t('insights.charts.leaderboard.none')}
        </Text>
      ) : (
        <Table fz="sm" highlightOnHover mt="xs">
          <Table.Tbody>
            {rows.map((r, i) => (
              <Table.Tr key={r.repId} {...clickable(() => navigate(`/people/${r.repId}`))}>
                <Table.Td w={30}>{i + 1}</Table.Td>
                <Table.Td>{rname(r.repId)}</Table.Td>
                <Table.Td ta="right" fw={700}>
                  {r.value}
                </Table.Td>
                <Table.Td c="dimmed">{r.extra}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </ChartCard>
  );
}

function Training({ d, f, set }: { d: InsightsPage; f: InsightsFilters; set: (p: Partial<InsightsFilters>) => void }) {
  const { t } = useTranslation();
  const courses = d.training.courses;
  const data = courses
    .filter((c) => c.estimate !== null)
    .map((c) => ({
      name: c.courseTitle,
      effect: c.estimate!,
      spans0: !!c.ci && c.ci[0] < 0 && c.ci[1] > 0,
      err: c.ci ? [c.estimate! - c.ci[0], c.ci[1] - c.estimate!] : [0, 0],
    }));
  return (
    <ChartCard
      id="training"
      title={t('insights.charts.training.title')}
      definition={`${t('insights.charts.training.def', { days: f.windowDays ?? 90 })} ${t('insights.charts.training.caution')}`}
      csv={() => courses.map((c) => ({ ...c, ci: undefined, ci_low: c.ci?.[0] ?? null, ci_high: c.ci?.[1] ?? null }))}
      extra={
        <NumberInput
          size="xs"
          w={110}
          min={14}
          max={365}
          step={15}
          value={f.windowDays ?? 90}
          onChange={(v) => typeof v === 'number' && v >= 14 && v <= 365 && set({ windowDays: v })}
          aria-label={t('insights.charts.training.window')}
          data-testid="training-window"
        />
      }
    >
      {!d.training.available ? (
        <Text size="sm" c="dimmed">
          {t('insights.charts.training.none')}
        </Text>
      ) : (
        <>
          <ResponsiveContainer width="100%" height={Math.max(110, data.length * 46 + 40)}>
            <BarChart data={data} layout="vertical" margin={{ left: 8, right: 24 }}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis type="number" tickFormatter={(v: number) => `${fmtNumber(v * 100, 0)} pp`} domain={['auto', 'auto']} />
              <YAxis type="category" dataKey="name" width={190} tick={{ fontSize: 12 }} />
              <Tooltip formatter={(v) => `${fmtNumber(Number(v) * 100, 1)} pp`} />
              <ReferenceLine x={0} stroke="#888" />
              <Bar dataKey="effect" name={t('insights.charts.training.effect')} fill="#2f9e44">
                {/* a negative effect is drawn red, left of 0; one whose CI spans 0 is grey (no clear effect either way) */}
                {data.map((x) => (
                  <Cell key={x.name} fill={x.spans0 ? '#adb5bd' : x.effect < 0 ? '#e03131' : '#2f9e44'} />
                ))}
                <ErrorBar dataKey="err" direction="x" width={6} stroke="#333" />
              </Bar>
            </BarChart>
          </ResponsiveContainer>
          <Text size="xs" c="dimmed" data-export-text>
            {t('insights.charts.training.colors')}
          </Text>
          <Table fz="xs" mt={4} data-testid="training-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('insights.charts.training.course')}</Table.Th>
                <Table.Th />
                <Table.Th>{t('insights.charts.training.before')}</Table.Th>
                <Table.Th>{t('insights.charts.training.after')}</Table.Th>
                <Table.Th>{t('insights.charts.training.effect')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {courses.map((c) => [
                <Table.Tr key={c.courseId + 't'} data-export-text>
                  <Table.Td rowSpan={2} fw={500}>
                    {c.courseTitle}
                  </Table.Td>
                  <Table.Td>
                    {t('insights.charts.training.trainedRow')} (n={c.treated})
                  </Table.Td>
                  <Table.Td>{pct(c.treatedPre, 1)}</Table.Td>
                  <Table.Td>{pct(c.treatedPost, 1)}</Table.Td>
                  <Table.Td rowSpan={2} fw={700}>
                    {c.estimate === null ? '—' : `${c.estimate >= 0 ? '+' : ''}${fmtNumber(c.estimate * 100, 1)} pp`}
                    {c.ci && (
                      <Text size="xs" c="dimmed">
                        95%: {fmtNumber(c.ci[0] * 100, 1)} … {fmtNumber(c.ci[1] * 100, 1)} pp
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>,
                <Table.Tr key={c.courseId + 'c'} data-export-text>
                  <Table.Td>
                    {t('insights.charts.training.controlRow')} (n={c.controls})
                  </Table.Td>
                  <Table.Td>{pct(c.controlPre, 1)}</Table.Td>
                  <Table.Td>{pct(c.controlPost, 1)}</Table.Td>
                </Table.Tr>,
              ])}
            </Table.Tbody>
          </Table>
        </>
      )}
    </ChartCard>
  );
}

function RepsTable({ d, money }: { d: InsightsPage; money: (v: number) => string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const teams = new Map(d.options.teams.map((x) => [x.id, x.name]));
  const rows = [...d.reps].sort((a, b) => (b.closeRate ?? -1) - (a.closeRate ?? -1));
  const csv = () =>
    rows.map((r: RepRow) => ({
      rep: r.name,
      team: r.teamId ? teams.get(r.teamId) : '',
      won: r.won,
      lost: r.lost,
      open: r.open,
      close_rate: r.closeRate,
      revenue: r.revenue,
      retention: r.retention.rate,
      competence: r.competence?.score ?? null,
      evidence: r.competence?.n ?? 0,
      csat: r.csat?.mean ?? null,
      csat_n: r.csat?.n ?? 0,
      nps: r.nps?.score ?? null,
    }));
  return (
    <ChartCard id="reps" title={t('insights.charts.reps.title')} definition={t('insights.charts.reps.def')} csv={csv} png={false}>
      <Table.ScrollContainer minWidth={800}>
        <Table fz="sm" striped highlightOnHover stickyHeader data-testid="reps-table">
          <Table.Thead>
            <Table.Tr>
              {(
                [
                  'rep',
                  'team',
                  'won',
                  'lost',
                  'open',
                  'closeRate',
                  'revenue',
                  'retention',
                  'competence',
                  'evidence',
                  'csat',
                  'nps',
                ] as const
              ).map((c) => (
                <Table.Th key={c}>{t(`insights.cols.${c}`)}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.repId} {...clickable(() => navigate(`/people/${r.repId}`))}>
                <Table.Td>{personName(r)}</Table.Td>
                <Table.Td>{r.teamId ? teams.get(r.teamId) : '—'}</Table.Td>
                <Table.Td>{fmtNumber(r.won)}</Table.Td>
                <Table.Td>{fmtNumber(r.lost)}</Table.Td>
                <Table.Td>{fmtNumber(r.open)}</Table.Td>
                <Table.Td fw={700}>{pct(r.closeRate, 1)}</Table.Td>
                <Table.Td>{money(r.revenue)}</Table.Td>
                <Table.Td>
                  {pct(r.retention.rate, 0)}{' '}
                  <Text span size="xs" c="dimmed">
                    ({r.retention.retained}/{r.retention.base})
                  </Text>
                </Table.Td>
                <Table.Td>{r.competence?.score != null ? fmtNumber(r.competence.score, 0) : '—'}</Table.Td>
                <Table.Td c={r.competence && !r.competence.sufficient ? 'orange' : undefined}>{r.competence?.n ?? 0}</Table.Td>
                <Table.Td>{r.csat ? `${fmtNumber(r.csat.mean, 1)} (${r.csat.n})` : '—'}</Table.Td>
                <Table.Td>{r.nps ? `${fmtNumber(r.nps.score, 0)} (${r.nps.n})` : '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </ChartCard>
  );
}

/** Print / PDF: only the charts, one card per block, no navigation or filters. */
const PRINT_CSS = `
@media print {
  header, nav, .insights-noprint, .mantine-Tabs-list { display: none !important; }
  main { padding: 0 !important; margin: 0 !important; }
  .insights-card { break-inside: avoid; page-break-inside: avoid; box-shadow: none !important; }
  .mantine-SimpleGrid-root { display: block !important; }
  .mantine-SimpleGrid-root > * { margin-bottom: 12px; }
}`;
