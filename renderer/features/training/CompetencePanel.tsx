/**
 * Competence on the person profile: bar chart vs role target, trend over the
 * last year, click a score for its explanation (evidence, weights, decay, n),
 * gaps -> suggested courses, manager assessments.
 */
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { CompetenceRow } from '../../../shared/api/training';
import { MIN_EFFECTIVE_EVIDENCE, SOURCE_WEIGHTS } from '../../../shared/domain/competence';
import { api, useApi } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { fmtDate, fmtNumber, fmtPercent, localName } from '../../lib/format';
import { PlanForm } from './PlanForm';
import { l3 } from './util';
import { AccessDenied } from '../access/AccessDenied';
import { useCan } from '../access/useCan';
import { DateField } from '../../lib/DateField';

const COLORS = ['#1c7ed6', '#e8590c', '#2f9e44', '#9c36b5', '#c2255c', '#0c8599', '#5c940d', '#f08c00'];

export function CompetencePanel({ personId }: { personId: number }) {
  const { t } = useTranslation();
  const p = useApi('training.competence.profile', { personId });
  const model = useApi('competencies.model', { includeArchived: false });
  const [explain, setExplain] = useState<CompetenceRow | null>(null);
  const [assign, setAssign] = useState<{ courseId: number; title: string } | null>(null);
  const can = useCan();
  if (p.error?.code === 'forbidden') return <AccessDenied error={p.error} />;
  if (p.error) return <Alert color="red">{errorText(t, p.error)}</Alert>;
  if (!p.data) return null;
  const d = p.data;
  const chart = d.rows.map((r) => ({ name: localName(r), score: r.score, target: r.targetScore, cid: r.competencyId }));
  const trend = d.trend.map((pt) => ({
    date: fmtDate(pt.date),
    ...Object.fromEntries(d.rows.map((r) => [localName(r), pt.scores[r.competencyId]])),
  }));
  const setRole = async (v: string | null) => {
    try {
      await api('competencies.setJobRole', { personId, jobRoleId: v ? Number(v) : null });
      p.reload();
    } catch (e) {
      notifications.show({ color: 'red', message: errorText(t, e) });
    }
  };
  return (
    <Stack data-testid="competence-panel">
      <Group justify="space-between">
        <Group>
          <Title order={4}>{t('training.comp.title')}</Title>
          <Badge size="lg" variant="light" data-testid="overall-score">
            {d.overall == null ? t('training.comp.notEnough') : t('training.comp.overall', { score: fmtNumber(d.overall) })}
          </Badge>
        </Group>
        <Select
          w={260}
          label={t('training.comp.jobRole')}
          data={(model.data?.jobRoles ?? []).map((r) => ({ value: String(r.id), label: localName(r) }))}
          value={d.jobRoleId ? String(d.jobRoleId) : null}
          onChange={(v) => void setRole(v)}
        />
      </Group>
      <Text size="xs" c="dimmed">
        {t('training.comp.formula', {
          call: SOURCE_WEIGHTS.call * 100,
          assessment: SOURCE_WEIGHTS.assessment * 100,
          quiz: SOURCE_WEIGHTS.quiz * 100,
          drill: SOURCE_WEIGHTS.drill * 100,
          min: MIN_EFFECTIVE_EVIDENCE,
        })}
      </Text>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <Card withBorder>
          <Text fw={600} size="sm" mb="xs">
            {t('training.comp.vsTarget')}
          </Text>
          <div style={{ width: '100%', height: 280 }}>
            <ResponsiveContainer>
              <BarChart data={chart} layout="vertical" margin={{ left: 20 }}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis type="number" domain={[0, 100]} />
                <YAxis type="category" dataKey="name" width={170} tick={{ fontSize: 11 }} />
                <Tooltip />
                <Legend />
                <Bar
                  isAnimationActive={false}
                  dataKey="score"
                  name={t('training.comp.score')}
                  fill="#1c7ed6"
                  onClick={(x) =>
                    setExplain(d.rows.find((r) => r.competencyId === (x.payload as { cid?: number } | undefined)?.cid) ?? null)
                  }
                  cursor="pointer"
                />
                <Bar isAnimationActive={false} dataKey="target" name={t('training.comp.target')} fill="#ced4da" />
              </BarChart>
            </ResponsiveContainer>
          </div>
        </Card>
        <Card withBorder>
          <Text fw={600} size="sm" mb="xs">
            {t('training.comp.trend')}
          </Text>
          <div style={{ width: '100%', height: 280 }}>
            <ResponsiveContainer>
              <LineChart data={trend}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="date" tick={{ fontSize: 10 }} />
                <YAxis domain={[0, 100]} />
                <Tooltip />
                <Legend wrapperStyle={{ fontSize: 11 }} />
                {d.rows.map((r, i) => (
                  <Line
                    key={r.competencyId}
                    dataKey={localName(r)}
                    stroke={COLORS[i % COLORS.length]}
                    dot={{ r: 2 }}
                    isAnimationActive={false}
                    connectNulls={false}
                  />
                ))}
              </LineChart>
            </ResponsiveContainer>
          </div>
          <Text size="xs" c="dimmed">
            {t('training.comp.trendHint')}
          </Text>
        </Card>
      </SimpleGrid>
      <Table data-testid="competence-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('training.model.competency')}</Table.Th>
            <Table.Th>{t('training.comp.score')}</Table.Th>
            <Table.Th ta="right">n</Table.Th>
            <Table.Th>{t('training.comp.target')}</Table.Th>
            <Table.Th>{t('training.comp.gap')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {d.rows.map((r) => (
            <Table.Tr key={r.competencyId} data-testid={`comp-row-${r.competencyId}`}>
              <Table.Td>{localName(r)}</Table.Td>
              <Table.Td>
                {r.sufficient && r.score != null ? (
                  <Text fw={600}>{fmtNumber(r.score)}</Text>
                ) : (
                  <Badge color="gray" variant="light">
                    {t('training.comp.notEnough')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td ta="right">{r.n}</Table.Td>
              <Table.Td>{r.targetLevel ? t('training.comp.targetLevel', { n: r.targetLevel, score: r.targetScore }) : '—'}</Table.Td>
              <Table.Td>
                {r.gap == null ? (
                  '—'
                ) : r.gap > 0 ? (
                  <Text c="red" size="sm">
                    {t('training.comp.below', { n: fmtNumber(r.gap) })}
                  </Text>
                ) : (
                  <Text c="green" size="sm">
                    {t('training.comp.meets')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td ta="right">
                <Button size="compact-xs" variant="subtle" onClick={() => setExplain(r)} data-testid={`explain-${r.competencyId}`}>
                  {t('training.comp.why')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <Card withBorder>
          <Text fw={600} size="sm" mb="xs">
            {t('training.comp.suggested')}
          </Text>
          {!d.suggestions.length && (
            <Text size="sm" c="dimmed">
              {t('training.comp.noSuggestions')}
            </Text>
          )}
          <Stack gap={4} data-testid="suggestions">
            {d.suggestions.map((s) => (
              <Group key={`${s.competencyId}-${s.courseId}`} justify="space-between">
                <Anchor component={Link} to={`/training/learn/${s.courseId}`} size="sm">
                  {s.title}
                </Anchor>
                <Group gap={4}>
                  <Badge size="xs" variant="outline">
                    {localName(d.rows.find((r) => r.competencyId === s.competencyId))}
                  </Badge>
                  {s.assigned ? (
                    <Badge size="xs" color="blue">
                      {t('training.comp.assigned')}
                    </Badge>
                  ) : (
                    can('training.plans.save') && (
                      <Button
                        size="compact-xs"
                        variant="light"
                        onClick={() => setAssign({ courseId: s.courseId, title: s.title })}
                        data-testid={`assign-suggested-${s.courseId}`}
                      >
                        {t('training.editor.assign')}
                      </Button>
                    )
                  )}
                </Group>
              </Group>
            ))}
          </Stack>
        </Card>
        {can('competencies.assess') && <AssessmentCard personId={personId} onSaved={p.reload} />}
      </SimpleGrid>
      <ExplainModal personId={personId} row={explain} onClose={() => setExplain(null)} />
      {assign && (
        <PlanForm
          opened
          onClose={() => setAssign(null)}
          initialCourseIds={[assign.courseId]}
          initialPersonIds={[personId]}
          initialName={t('training.comp.gapPlan', { title: assign.title })}
          onSaved={() => p.reload()}
        />
      )}
    </Stack>
  );
}

function ExplainModal({ personId, row, onClose }: { personId: number; row: CompetenceRow | null; onClose: () => void }) {
  const { t } = useTranslation();
  const e = useApi('training.competence.explain', row ? { personId, competencyId: row.competencyId } : null);
  const x = row && e.data?.competencyId === row.competencyId ? e.data : null;
  return (
    <Modal opened={!!row} onClose={onClose} size="xl" title={row ? t('training.comp.explainTitle', { name: localName(row) }) : ''}>
      {x && (
        <Stack data-testid="explanation">
          <Group>
            <Badge size="lg" color={x.sufficient ? 'blue' : 'gray'}>
              {x.sufficient && x.score != null ? fmtNumber(x.score, 1) : t('training.comp.notEnough')}
            </Badge>
            <Text size="sm">{t('training.comp.evidenceN', { n: x.n, eff: fmtNumber(x.effective, 1), half: x.halfLifeDays })}</Text>
          </Group>
          {!x.sufficient && (
            <Alert color="gray">
              {x.rawScore != null
                ? t('training.comp.insufficientWithRaw', { raw: fmtNumber(x.rawScore), min: MIN_EFFECTIVE_EVIDENCE })
                : t('training.comp.noEvidence')}
            </Alert>
          )}
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('training.comp.source')}</Table.Th>
                <Table.Th ta="right">n</Table.Th>
                <Table.Th ta="right">{t('training.comp.sourceScore')}</Table.Th>
                <Table.Th ta="right">{t('training.comp.weight')}</Table.Th>
                <Table.Th ta="right">{t('training.comp.confidence')}</Table.Th>
                <Table.Th ta="right">{t('training.comp.share')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {x.sources.map((s) => (
                <Table.Tr key={s.source}>
                  <Table.Td>{t(`training.comp.src.${s.source}`)}</Table.Td>
                  <Table.Td ta="right">{s.n}</Table.Td>
                  <Table.Td ta="right">{fmtNumber(s.score)}</Table.Td>
                  <Table.Td ta="right">{fmtPercent(s.weight)}</Table.Td>
                  <Table.Td ta="right">{fmtPercent(s.confidence)}</Table.Td>
                  <Table.Td ta="right">{fmtPercent(s.share)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Text fw={600} size="sm">
            {t('training.comp.evidence')}
          </Text>
          <Table striped data-testid="evidence-list">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('training.comp.date')}</Table.Th>
                <Table.Th>{t('training.comp.source')}</Table.Th>
                <Table.Th>{t('training.comp.what')}</Table.Th>
                <Table.Th ta="right">{t('training.comp.value')}</Table.Th>
                <Table.Th ta="right">{t('training.comp.decay')}</Table.Th>
                <Table.Th ta="right">{t('training.comp.share')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {x.evidence.map((ev, i) => (
                <Table.Tr key={i} data-testid="evidence-row">
                  <Table.Td>{fmtDate(ev.at)}</Table.Td>
                  <Table.Td>
                    <Badge size="xs" variant="light">
                      {t(`training.comp.src.${ev.source}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs">
                      {ev.source === 'drill' ? t('training.comp.drillLabel', { count: Number(ev.label) || 0 }) : ev.label}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">{fmtNumber(ev.value)}</Table.Td>
                  <Table.Td ta="right">{fmtPercent(ev.decay)}</Table.Td>
                  <Table.Td ta="right">{fmtPercent(ev.share, 1)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      )}
    </Modal>
  );
}

function AssessmentCard({ personId, onSaved }: { personId: number; onSaved: () => void }) {
  const { t } = useTranslation();
  const model = useApi('competencies.model', { includeArchived: false });
  const list = useApi('competencies.assessments', { repId: personId });
  const [competencyId, setCompetencyId] = useState<string | null>(null);
  const [level, setLevel] = useState('3');
  const [note, setNote] = useState('');
  const [date, setDate] = useState(new Date().toISOString().slice(0, 10));
  const comp = model.data?.competencies.find((c) => String(c.id) === competencyId);
  const save = async () => {
    try {
      await api('competencies.assess', { repId: personId, competencyId: Number(competencyId), level: Number(level), note, date });
      notifications.show({ message: t('training.saved') });
      setNote('');
      list.reload();
      onSaved();
    } catch (e) {
      notifications.show({ color: 'red', message: errorText(t, e) });
    }
  };
  return (
    <Card withBorder data-testid="assessment-card">
      <Text fw={600} size="sm" mb="xs">
        {t('training.comp.assess')}
      </Text>
      <Stack gap="xs">
        <Group grow>
          <Select
            aria-label={t('training.model.competency')}
            placeholder={t('training.model.competency')}
            data={(model.data?.competencies ?? []).map((c) => ({ value: String(c.id), label: localName(c) }))}
            value={competencyId}
            onChange={setCompetencyId}
            data-testid="assess-competency"
          />
          <DateField aria-label={t('common.date')} value={date} onChange={(v) => setDate(v)} />
        </Group>
        <SegmentedControl value={level} onChange={setLevel} data={['1', '2', '3', '4', '5']} data-testid="assess-level" />
        {comp && (
          <Text size="xs" c="dimmed">
            {l3(comp.levels[Number(level) - 1])}
          </Text>
        )}
        <Textarea
          aria-label={t('training.comp.note')}
          placeholder={t('training.comp.note')}
          autosize
          minRows={1}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
        <Group justify="flex-end">
          <Button size="xs" disabled={!competencyId} onClick={() => void save()} data-testid="assess-save">
            {t('training.comp.saveAssessment')}
          </Button>
        </Group>
        {(list.data ?? []).slice(0, 5).map((a) => (
          <Text key={a.id} size="xs" c="dimmed">
            {fmtDate(a.assessedAt)} · {localName(model.data?.competencies.find((c) => c.id === a.competencyId))} ·{' '}
            {t('training.model.level', { n: a.level })}
            {a.assessorName ? ` · ${a.assessorName}` : ''}
            {a.note ? ` · ${a.note}` : ''}
          </Text>
        ))}
      </Stack>
    </Card>
  );
}
