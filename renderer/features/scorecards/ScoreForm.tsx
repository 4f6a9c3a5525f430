/**
 * The grader's scorecard beside the player: live score (shared scoring rules),
 * autosave, evidence timestamps, and keyboard scoring (↑/↓ or J/K move between
 * criteria, digits score, N marks N/A, C comments at the playback time, E marks
 * the moment, Ctrl+Enter submits). Comment and feedback boxes are uncontrolled
 * inputs registered with react-hook-form, so typing never round-trips through
 * React state and no keystroke is lost while the rest of the form re-renders.
 */
import { Alert, Badge, Button, Card, Group, Paper, SegmentedControl, Stack, Text, Textarea, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconClockPin, IconInfoCircle } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { AnswerData, EvaluationDetail } from '../../../shared/api/scorecards';
import type { Suggestion } from '../../../shared/domain/coverage';
import { allCriteria, isFailing, needsEvidence, scaleRange, scoreEvaluation } from '../../../shared/domain/scoring';
import { fmtClock } from '../../../shared/domain/transcript';
import { api } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { fmtScore, loc, scoreColor, versionLabel } from './util';
import { clickable } from '../../lib/clickable';

interface FormValues {
  answers: Record<string, AnswerData>;
  summary: string;
}

export function ScoreForm(props: {
  detail: EvaluationDetail;
  timeMs: number;
  onSeek: (ms: number) => void;
  onSaved: (d: EvaluationDetail) => void;
  suggestions: Suggestion[];
  onCurrent?: (criterionId: number) => void;
}) {
  const { t } = useTranslation();
  const { detail } = props;
  const def = detail.version.definition;
  const [error, setError] = useState<{ message: string; criterion: number | null } | null>(null);
  const [saveState, setSaveState] = useState<'idle' | 'saving' | 'saved'>('idle');
  const [busy, setBusy] = useState(false);
  const locked = detail.evaluation.status === 'submitted';
  const initial = useMemo(() => {
    const answers: Record<string, AnswerData> = {};
    for (const c of allCriteria(def))
      answers[String(c.id)] = detail.answers[c.id] ?? { value: null, na: false, comment: '', evidenceMs: null };
    return { answers, summary: detail.summary };
  }, [def, detail.answers, detail.summary]);
  const { control, getValues, setValue, register, watch } = useForm<FormValues>({ defaultValues: initial });
  // Values and N/A drive the live score; the free text does not, so it is not watched for rendering.
  const answers = useWatch({ control, name: 'answers' });
  const live = scoreEvaluation(def, Object.fromEntries(Object.entries(answers).map(([k, a]) => [Number(k), a])));
  const suggestion = new Map(props.suggestions.map((s) => [s.criterionId, s]));
  const flat = useMemo(() => allCriteria(def), [def]);
  const [cur, setCur] = useState(0);
  const rowRefs = useRef(new Map<number, HTMLDivElement>());
  const timeRef = useRef(props.timeMs);
  timeRef.current = props.timeMs;

  // Autosave drafts a moment after the last change (a subscription, not a render dependency).
  const saveTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    if (locked) return;
    const sub = watch(() => {
      setSaveState('saving');
      if (saveTimer.current) clearTimeout(saveTimer.current);
      saveTimer.current = setTimeout(() => {
        void api('scorecards.evaluations.save', { id: detail.evaluation.id, ...getValues() })
          .then(() => setSaveState('saved'))
          .catch((e) => setError({ message: errorText(t, e), criterion: null }));
      }, 800);
    });
    return () => {
      sub.unsubscribe();
      if (saveTimer.current) clearTimeout(saveTimer.current);
    };
  }, [watch, detail.evaluation.id, getValues, locked, t]);

  const focusRow = useCallback(
    (i: number) => {
      const c = flat[Math.max(0, Math.min(flat.length - 1, i))];
      if (!c) return;
      setCur(flat.indexOf(c));
      rowRefs.current.get(c.id)?.focus();
    },
    [flat],
  );

  const submit = async () => {
    setError(null);
    // The same checks as the server, first here so the message is in the UI language and points at the criterion.
    const current = Object.fromEntries(Object.entries(getValues().answers).map(([k, a]) => [Number(k), a]));
    const missing = scoreEvaluation(def, current).missing;
    const noEvidence = needsEvidence(def, current);
    const bad = missing[0] ?? noEvidence[0];
    if (bad !== undefined) {
      const label = loc(allCriteria(def).find((c) => c.id === bad)?.prompt);
      setError({
        message: missing.length
          ? t('scorecards.score.missing', { n: missing.length, criterion: label })
          : t('scorecards.score.needEvidence', { criterion: label }),
        criterion: bad,
      });
      document.querySelector(`[data-criterion="${bad}"]`)?.scrollIntoView({ block: 'center' });
      return;
    }
    setBusy(true);
    try {
      const d = await api(locked ? 'scorecards.evaluations.save' : 'scorecards.evaluations.submit', {
        id: detail.evaluation.id,
        ...getValues(),
      });
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

  const onCurrent = props.onCurrent;
  useEffect(() => {
    if (flat[cur]) onCurrent?.(flat[cur].id);
  }, [cur, flat, onCurrent]);
  const submitRef = useRef(submit);
  submitRef.current = submit;
  const pending = useRef<{ digit: number; at: number } | null>(null);
  // Keyboard scoring. Keys typed into a text box stay text: only Esc (back to the criterion) is taken there.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const el = e.target as HTMLElement | null;
      const typing =
        !!el &&
        (el.tagName === 'TEXTAREA' ||
          el.isContentEditable ||
          (el.tagName === 'INPUT' && !['radio', 'checkbox', 'button'].includes((el as HTMLInputElement).type)));
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        void submitRef.current();
        return;
      }
      if (typing) {
        if (e.key === 'Escape' && el.closest('[data-testid="score-form"]')) {
          e.preventDefault();
          focusRow(cur);
        }
        return;
      }
      if (e.ctrlKey || e.metaKey || e.altKey || document.querySelector('[role="dialog"]')) return;
      const c = flat[cur];
      if (!c) return;
      const key = String(c.id);
      const a = getValues(`answers.${key}`);
      const k = e.key.toLowerCase();
      if (e.key === 'ArrowDown' || k === 'j') {
        e.preventDefault();
        focusRow(cur + 1);
      } else if (e.key === 'ArrowUp' || k === 'k') {
        e.preventDefault();
        focusRow(cur - 1);
      } else if (/^[0-9]$/.test(e.key)) {
        e.preventDefault();
        let v = Number(e.key);
        const { values } = scaleRange(c.scale);
        // 0–10 scale: "1" then "0" within a moment is 10.
        if (c.scale === '0_10' && v === 0 && pending.current && pending.current.digit === 1 && Date.now() - pending.current.at < 900)
          v = 10;
        pending.current = { digit: v, at: Date.now() };
        if (!values.includes(v)) return;
        setValue(`answers.${key}`, { ...a, value: v, na: false }, { shouldDirty: true });
        if (c.scale === '0_10' && v === 1) return; // maybe the start of 10: stay
        focusRow(cur + 1);
      } else if (k === 'n' && c.naAllowed) {
        e.preventDefault();
        setValue(`answers.${key}`, { ...a, value: null, na: true }, { shouldDirty: true });
        focusRow(cur + 1);
      } else if (k === 'e') {
        e.preventDefault();
        setValue(`answers.${key}`, { ...a, evidenceMs: timeRef.current }, { shouldDirty: true });
      } else if (k === 'c') {
        e.preventDefault();
        // A comment belongs to the moment being heard: mark it, then type.
        setValue(`answers.${key}`, { ...a, evidenceMs: timeRef.current }, { shouldDirty: true });
        document.querySelector<HTMLTextAreaElement>(`[data-testid="comment-${c.id}"]`)?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [cur, flat, focusRow, getValues, setValue]);

  return (
    <Stack gap="sm" data-testid="score-form">
      {/* Above the segmented controls' own stacking (their labels sit at z-index 1–2) so nothing shows through it. */}
      <Paper
        withBorder
        p="sm"
        style={{ position: 'sticky', top: 0, zIndex: 20, background: 'var(--mantine-color-body)' }}
        data-testid="score-header"
      >
        <Group justify="space-between">
          <div>
            <Text size="xs" c="dimmed">
              {versionLabel(detail.version)}
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
              {locked
                ? t('scorecards.score.lockedHint')
                : saveState === 'saving'
                  ? t('scorecards.score.saving')
                  : saveState === 'saved'
                    ? t('scorecards.score.draftSaved')
                    : t('scorecards.score.draft')}
            </Text>
          </Stack>
        </Group>
      </Paper>
      <Text size="xs" c="dimmed" data-testid="score-keys">
        {t('scorecards.keys.hint')}
      </Text>
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
              const index = flat.findIndex((x) => x.id === c.id);
              const isCur = index === cur;
              return (
                <div
                  key={c.id}
                  data-criterion={c.id}
                  data-current={isCur ? '1' : '0'}
                  tabIndex={isCur ? 0 : -1}
                  ref={(el) => {
                    if (el) rowRefs.current.set(c.id, el);
                    else rowRefs.current.delete(c.id);
                  }}
                  onFocus={() => !isCur && setCur(index)}
                  aria-label={t('scorecards.keys.current', { criterion: loc(c.prompt) })}
                  style={{
                    borderRadius: 4,
                    padding: 4,
                    // Scrolled to or focused below the sticky score header, never under it.
                    scrollMarginTop: 120,
                    outline:
                      error?.criterion === c.id
                        ? '2px solid var(--mantine-color-red-5)'
                        : isCur
                          ? '2px solid var(--mantine-color-blue-4)'
                          : undefined,
                  }}
                >
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
                          onChange={(v) =>
                            field.onChange({ ...field.value, na: v === 'na', value: v === 'na' || v === '' ? null : Number(v) })
                          }
                          data={[
                            ...values.map((v) => ({
                              value: String(v),
                              label: c.scale === 'yes_no' ? (v ? t('common.yes') : t('common.no')) : String(v),
                            })),
                            ...(c.naAllowed ? [{ value: 'na', label: t('scorecards.criterion.na') }] : []),
                          ]}
                          color={failing ? 'red' : undefined}
                        />
                      )}
                    />

                    <Button
                      size="compact-xs"
                      variant={a.evidenceMs !== null ? 'light' : failing ? 'filled' : 'subtle'}
                      color={failing && a.evidenceMs === null ? 'red' : 'blue'}
                      leftSection={<IconClockPin size={14} />}
                      onClick={() => setValue(`answers.${key}`, { ...a, evidenceMs: props.timeMs }, { shouldDirty: true })}
                      data-testid={`evidence-${c.id}`}
                    >
                      {t('scorecards.criterion.markEvidence')}
                    </Button>
                    {a.evidenceMs !== null && (
                      <Badge variant="outline" {...clickable(() => props.onSeek(a.evidenceMs!))} data-testid={`evidence-time-${c.id}`}>
                        ▶ {fmtClock(a.evidenceMs)}
                      </Badge>
                    )}
                  </Group>
                  {sug && sug.evidence.length > 0 && (
                    <Paper withBorder p={6} mt={4} bg="var(--mantine-color-teal-light)" data-testid={`suggest-${c.id}`}>
                      <Group gap={6} justify="space-between" wrap="nowrap">
                        <Text size="xs" fw={500}>
                          {t('scorecards.evidence.suggestedFrom', {
                            value: c.scale === 'yes_no' ? (sug.value ? t('common.yes') : t('common.no')) : sug.value,
                          })}
                        </Text>
                        <Button
                          size="compact-xs"
                          variant="light"
                          color="teal"
                          onClick={() => setValue(`answers.${key}`, { ...a, value: sug.value, na: false }, { shouldDirty: true })}
                          data-testid={`suggest-use-${c.id}`}
                        >
                          {t('scorecards.evidence.use', {
                            value: c.scale === 'yes_no' ? (sug.value ? t('common.yes') : t('common.no')) : sug.value,
                          })}
                        </Button>
                      </Group>
                      {sug.evidence.slice(0, 3).map((ev, i) => (
                        <Group key={i} gap={6} wrap="nowrap" align="flex-start">
                          <Badge
                            size="xs"
                            variant="outline"
                            component="button"
                            type="button"
                            style={{ cursor: 'pointer', flexShrink: 0 }}
                            onClick={() => props.onSeek(ev.atMs)}
                            aria-label={t('scorecards.evidence.said', { time: fmtClock(ev.atMs) })}
                          >
                            ▶ {fmtClock(ev.atMs)}
                          </Badge>
                          <Text size="xs" data-testid="suggest-snippet">
                            “{ev.snippet}”
                          </Text>
                        </Group>
                      ))}
                    </Paper>
                  )}
                  <Textarea
                    mt={4}
                    size="xs"
                    autosize
                    minRows={1}
                    maxRows={4}
                    placeholder={t('scorecards.criterion.comment')}
                    {...register(`answers.${key}.comment`)}
                    data-testid={`comment-${c.id}`}
                    maxLength={2000}
                  />
                </div>
              );
            })}
          </Stack>
        </Card>
      ))}
      <Textarea
        label={t('scorecards.score.summary')}
        autosize
        minRows={2}
        maxRows={8}
        maxLength={4000}
        {...register('summary')}
        data-testid="summary"
      />
    </Stack>
  );
}
