/** The grader's scorecard beside the player: live score (shared scoring rules), autosave, evidence timestamps. */
import { Alert, Badge, Button, Card, Group, Paper, SegmentedControl, Stack, Text, Textarea, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconClockPin, IconInfoCircle } from '@tabler/icons-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { AnswerData, EvaluationDetail } from '../../../shared/api/scorecards';
import type { Suggestion } from '../../../shared/domain/coverage';
import { allCriteria, isFailing, needsEvidence, scaleRange, scoreEvaluation } from '../../../shared/domain/scoring';
import { fmtClock } from '../../../shared/domain/transcript';
import { api } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { fmtScore, loc, scoreColor } from './util';

interface FormValues {
  answers: Record<string, AnswerData>;
  summary: string;
}

export function ScoreForm(props: { detail: EvaluationDetail; timeMs: number; onSeek: (ms: number) => void; onSaved: (d: EvaluationDetail) => void; suggestions: Suggestion[] }) {
  const { t } = useTranslation();
  const { detail } = props;
  const def = detail.version.definition;
  const [error, setError] = useState<{ message: string; criterion: number | null } | null>(null);
  const [saveState, setSaveState] = useState<'idle' | 'saving' | 'saved'>('idle');
  const [busy, setBusy] = useState(false);
  const locked = detail.evaluation.status === 'submitted';
  const initial = useMemo(() => {
    const answers: Record<string, AnswerData> = {};
    for (const c of allCriteria(def)) answers[String(c.id)] = detail.answers[c.id] ?? { value: null, na: false, comment: '', evidenceMs: null };
    return { answers, summary: detail.summary };
  }, [def, detail.answers, detail.summary]);
  const { control, getValues, setValue } = useForm<FormValues>({ defaultValues: initial });
  const answers = useWatch({ control, name: 'answers' });
  const summary = useWatch({ control, name: 'summary' });
  const live = scoreEvaluation(def, Object.fromEntries(Object.entries(answers).map(([k, a]) => [Number(k), a])));
  const suggestion = new Map(props.suggestions.map((s) => [s.criterionId, s]));

  // Autosave drafts a moment after the last change.
  const first = useRef(true);
  useEffect(() => {
    if (first.current || locked) {
      first.current = false;
      return;
    }
    setSaveState('saving');
    const h = setTimeout(() => {
      void api('scorecards.evaluations.save', { id: detail.evaluation.id, ...getValues() })
        .then(() => setSaveState('saved'))
        .catch((e) => setError({ message: errorText(t, e), criterion: null }));
    }, 800);
    return () => clearTimeout(h);
  }, [answers, summary, detail.evaluation.id, getValues, locked, t]);

  const submit = async () => {
    setError(null);
    // The same checks as the server, first here so the message is in the UI language and points at the criterion.
    const current = Object.fromEntries(Object.entries(getValues().answers).map(([k, a]) => [Number(k), a]));
    const missing = scoreEvaluation(def, current).missing;
    const noEvidence = needsEvidence(def, current);
    const bad = missing[0] ?? noEvidence[0];
    if (bad !== undefined) {
      const label = loc(allCriteria(def).find((c) => c.id === bad)?.prompt);
      setError({ message: missing.length ? t('scorecards.score.missing', { n: missing.length, criterion: label }) : t('scorecards.score.needEvidence', { criterion: label }), criterion: bad });
      document.querySelector(`[data-criterion="${bad}"]`)?.scrollIntoView({ block: 'center' });
      return;
    }
    setBusy(true);
    try {
      const d = await api(locked ? 'scorecards.evaluations.save' : 'scorecards.evaluations.submit', { id: detail.evaluation.id, ...getValues() });
      notifications.show({ color: 'green', message: t('scorecards.score.submitted', { score: fmtScore(d.evaluation.score) }) });
      props.onSaved(d);
    } catch (e) {
      const field = (e as { error?: { field?: string } }).error?.field ?? '';
      const m = /^answers\.(\d+)/.exec(field);
      setError({ message: errorText(t, e), criterion: m ? Number(m[1]) : null });
      if (m) document.querySelector(`[data-criterion="${m[1]}"]`)?.scrollIntoView({ block: 'center' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="sm" data-testid="score-form">
      <Paper withBorder p="sm" style={{ position: 'sticky', top: 0, zIndex: 2, background: 'var(--mantine-color-body)' }}>
        <Group justify="space-between">
          <div>
            <Text size="xs" c="dimmed">
              {detail.version.name} · v{detail.version.version}
            </Text>
            <Group gap="xs">
              <Title order={3} c={scoreColor(live.score)} data-testid="live-score">
                {fmtScore(live.score)}
              </Title>
              {live.bonus > 0 && !live.autoFailed && <Badge color="grape">{t('scorecards.score.bonus', { n: live.bonus })}</Badge>}
            </Group>
            <Text size="xs" c="dimmed">
              {t('scorecards.score.answered', { n: live.answered, total: live.required })}
            </Text>
          </div>
          <Stack gap={4} align="flex-end">
            <Button onClick={() => void submit()} loading={busy} data-testid="submit-evaluation">
              {locked ? t('scorecards.score.saveChanges') : t('scorecards.score.submit')}
            </Button>
            <Text size="xs" c="dimmed" data-testid="save-state">
              {locked ? t('scorecards.score.lockedHint') : saveState === 'saving' ? t('scorecards.score.saving') : saveState === 'saved' ? t('scorecards.score.draftSaved') : t('scorecards.score.draft')}
            </Text>
          </Stack>
        </Group>
      </Paper>
      {live.autoFailed && (
        <Alert color="red" p="xs" data-testid="autofail">
          {t('scorecards.score.zeroBecause', { what: live.failedBy.map((f) => loc(f.prompt)).join('; ') })}
        </Alert>
      )}
      {error && (
        <Alert color="red" data-testid="score-error">
          {error.message}
        </Alert>
      )}
      {def.sections.map((s) => (
        <Card key={s.key} withBorder padding="sm">
          <Group justify="space-between" mb={6}>
            <Text fw={600}>{loc(s.title)}</Text>
            <Group gap={4}>
              {s.kind !== 'standard' && <Badge color={s.kind === 'bonus' ? 'grape' : 'red'}>{t(`scorecards.kind.${s.kind}`)}</Badge>}
              {s.kind === 'standard' && (
                <Text size="xs" c="dimmed">
                  {fmtScore(live.sections.find((x) => x.key === s.key)?.percent)}
                </Text>
              )}
            </Group>
          </Group>
          <Stack gap="md">
            {s.criteria.map((c) => {
              const key = String(c.id);
              const a = answers[key];
              const failing = isFailing(c, a, s.kind);
              const sug = suggestion.get(c.id);
              const { values } = scaleRange(c.scale);
              return (
                <div key={c.id} data-criterion={c.id} style={error?.criterion === c.id ? { outline: '2px solid var(--mantine-color-red-5)', borderRadius: 4, padding: 4 } : undefined}>
                  <Group gap={6} wrap="nowrap" align="flex-start">
                    <Text size="sm" fw={500} style={{ flex: 1 }}>
                      {loc(c.prompt)}
                      {c.critical && (
                        <Badge size="xs" color="red" ml={6}>
                          {t('scorecards.criterion.critical')}
                        </Badge>
                      )}
                    </Text>
                    {loc(c.guideline) && (
                      <Tooltip label={loc(c.guideline)} multiline w={320} withArrow>
                        <IconInfoCircle size={16} color="var(--mantine-color-dimmed)" />
                      </Tooltip>
                    )}
                  </Group>
                  {loc(c.guideline) && (
                    <Text size="xs" c="dimmed" lineClamp={2}>
                      {loc(c.guideline)}
                    </Text>
                  )}
                  <Group gap="xs" mt={4} wrap="wrap">
                    <Controller
                      control={control}
                      name={`answers.${key}`}
                      render={({ field }) => (
                        <SegmentedControl
                          size="xs"
                          data-testid={`answer-${c.id}`}
                          value={field.value.na ? 'na' : field.value.value === null ? '' : String(field.value.value)}
                          onChange={(v) => field.onChange({ ...field.value, na: v === 'na', value: v === 'na' || v === '' ? null : Number(v) })}
                          data={[
                            ...values.map((v) => ({ value: String(v), label: c.scale === 'yes_no' ? (v ? t('common.yes') : t('common.no')) : String(v) })),
                            ...(c.naAllowed ? [{ value: 'na', label: t('scorecards.criterion.na') }] : []),
                          ]}
                          color={failing ? 'red' : undefined}
                        />
                      )}
                    />
                    {sug && (
                      <Tooltip label={t('scorecards.coverage.because', { steps: sug.because.map((b) => `${b.title} ${Math.round(b.ratio * 100)}%`).join(', ') })}>
                        <Button size="compact-xs" variant="light" color="teal" onClick={() => setValue(`answers.${key}`, { ...a, value: sug.value, na: false })} data-testid={`suggest-${c.id}`}>
                          {t('scorecards.coverage.suggested', { value: c.scale === 'yes_no' ? (sug.value ? t('common.yes') : t('common.no')) : sug.value })}
                        </Button>
                      </Tooltip>
                    )}
                    <Button
                      size="compact-xs"
                      variant={a.evidenceMs !== null ? 'light' : failing ? 'filled' : 'subtle'}
                      color={failing && a.evidenceMs === null ? 'red' : 'blue'}
                      leftSection={<IconClockPin size={14} />}
                      onClick={() => setValue(`answers.${key}`, { ...a, evidenceMs: props.timeMs })}
                      data-testid={`evidence-${c.id}`}
                    >
                      {t('scorecards.criterion.markEvidence')}
                    </Button>
                    {a.evidenceMs !== null && (
                      <Badge variant="outline" style={{ cursor: 'pointer' }} onClick={() => props.onSeek(a.evidenceMs!)} data-testid={`evidence-time-${c.id}`}>
                        ▶ {fmtClock(a.evidenceMs)}
                      </Badge>
                    )}
                  </Group>
                  <Controller
                    control={control}
                    name={`answers.${key}.comment`}
                    render={({ field }) => (
                      <Textarea mt={4} size="xs" autosize minRows={1} maxRows={4} placeholder={t('scorecards.criterion.comment')} {...field} data-testid={`comment-${c.id}`} maxLength={2000} />
                    )}
                  />
                </div>
              );
            })}
          </Stack>
        </Card>
      ))}
      <Controller
        control={control}
        name="summary"
        render={({ field }) => <Textarea label={t('scorecards.score.summary')} autosize minRows={2} maxRows={8} maxLength={4000} {...field} data-testid="summary" />}
      />
    </Stack>
  );
}
