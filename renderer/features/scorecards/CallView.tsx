/** One call: player + transcript + comments + talk metrics on the left, the scorecard (or the rep's view of it) on the right. */
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Grid,
  Group,
  Loader,
  Progress,
  ScrollArea,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconFileText, IconMicrophoneOff } from '@tabler/icons-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import type { CallDetail, EvaluationDetail } from '../../../shared/api/scorecards';
import { fmtClock, segmentAt } from '../../../shared/domain/transcript';
import { api, useApi } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { AccessDenied } from '../access/AccessDenied';
import { fmtDateTime, fmtPercent, personName } from '../../lib/format';
import { useSession } from '../../app/session';
import { EvaluationView } from './EvaluationView';
import { Player, type Marker } from './Player';
import { ScoreForm } from './ScoreForm';
import { CallCoachingModal } from './CallCoaching';
import { fmtScore, scoreColor } from './util';
import { clickable } from '../../lib/clickable';
import { dynamicKey } from '../../app/keys';

/**
 * Keyed by the call id: moving from one call to another (Back, another person's call, a typed address)
 * starts from clean state, so one call's evaluation or comment can never show on another.
 */
export function CallView() {
  const { id } = useParams();
  return <CallScreen key={id} callId={Number(id)} />;
}

function CallScreen({ callId }: { callId: number }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const calibrationId = params.get('calibration') ? Number(params.get('calibration')) : null;
  const { session } = useSession();
  const role = session?.role ?? 'manager';
  const me = session?.person?.id ?? null;
  const call = useApi('scorecards.calls.get', { id: callId });
  const audioRef = useRef<HTMLAudioElement>(null);
  const [timeMs, setTimeMs] = useState(0);
  const [evaluation, setEvaluation] = useState<EvaluationDetail | null>(null);
  const [viewId, setViewId] = useState<number | null>(null);
  const [commentAt, setCommentAt] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [coachOpen, setCoachOpen] = useState(false);
  const [curCriterion, setCurCriterion] = useState<number | null>(null);
  const commentRef = useRef<HTMLInputElement>(null);
  const transcriptRef = useRef<HTMLDivElement>(null);
  // Data for this call only (a response for another id is never shown here).
  const c = call.data && call.data.id === callId ? call.data : undefined;
  const coverage = useApi('scorecards.calls.coverage', c ? { callId, versionId: evaluation?.version.id ?? null } : null);
  const scripts = useApi('scorecards.scripts', {});
  const viewing = useApi('scorecards.evaluations.get', viewId ? { id: viewId } : null);

  const seek = (ms: number) => {
    setTimeMs(ms);
    if (audioRef.current) {
      audioRef.current.currentTime = ms / 1000;
      void audioRef.current.play().catch(() => undefined);
    }
  };

  // Managers in a calibration session go straight to their blind evaluation.
  useEffect(() => {
    if (calibrationId && me)
      void api('scorecards.evaluations.start', { callId, calibrationId }).then(
        (d) => d.evaluation.callId === callId && setEvaluation(d),
        (e) => setError(errorText(t, e)),
      );
  }, [calibrationId, callId, me, t]);
  // Reps see their latest submitted evaluation.
  useEffect(() => {
    if (!c || viewId) return;
    const sub = c.evaluationsList.find((e) => e.status === 'submitted');
    if (role === 'rep' && sub) setViewId(sub.id);
  }, [c, role, viewId]);

  const markers: Marker[] = useMemo(() => {
    const m: Marker[] = (c?.comments ?? []).map((x) => ({ atMs: x.atMs, color: '#f59f00', label: x.body }));
    for (const a of Object.values(evaluation?.answers ?? viewing.data?.answers ?? {}))
      if (a.evidenceMs !== null) m.push({ atMs: a.evidenceMs, color: '#e03131', label: '' });
    return m;
  }, [c?.comments, evaluation?.answers, viewing.data?.answers]);

  const active = c?.transcript ? segmentAt(c.transcript, timeMs) : -1;
  // Follow playback inside the transcript box only: scrollIntoView would also scroll the page (and the
  // scorecard) under the grader's cursor while they type.
  useEffect(() => {
    const box = transcriptRef.current;
    const row = box?.querySelector<HTMLElement>('[data-active="1"]');
    const viewport = row?.closest<HTMLElement>('.mantine-ScrollArea-viewport');
    if (!row || !viewport) return;
    const top = row.offsetTop - viewport.offsetTop;
    if (top < viewport.scrollTop || top + row.offsetHeight > viewport.scrollTop + viewport.clientHeight)
      viewport.scrollTop = Math.max(0, top - 40);
  }, [active]);

  if (call.error?.code === 'forbidden') return <AccessDenied error={call.error} onBack={() => window.history.back()} />;
  if (call.error) return <Alert color="red">{errorText(t, call.error)}</Alert>;
  if (!c) return <Loader />;

  const startScoring = async () => {
    setError(null);
    try {
      const d = await api('scorecards.evaluations.start', { callId });
      if (d.evaluation.callId === callId) setEvaluation(d);
    } catch (e) {
      setError(errorText(t, e));
    }
  };
  const addComment = async () => {
    try {
      await api('scorecards.comments.add', { callId, atMs: commentAt ?? timeMs, body: comment });
      setComment('');
      setCommentAt(null);
      call.reload();
    } catch (e) {
      notifications.show({ color: 'red', message: errorText(t, e) });
    }
  };
  const uploadTranscript = async (f: File) => {
    try {
      await api('scorecards.calls.setTranscript', { callId, text: await f.text() });
      call.reload();
    } catch (e) {
      notifications.show({ color: 'red', message: errorText(t, e) });
    }
  };

  return (
    <Stack gap="md" data-testid="call-view">
      {coachOpen && (
        <CallCoachingModal
          call={c}
          atMs={commentAt ?? timeMs}
          evaluationId={evaluation?.evaluation.id ?? null}
          version={evaluation?.version ?? null}
          criterionId={evaluation ? curCriterion : null}
          onClose={() => setCoachOpen(false)}
        />
      )}
      <Group justify="space-between">
        <Group gap="xs">
          <Anchor component={Link} to={calibrationId ? `/calls/calibration/${calibrationId}` : '/calls'} size="sm">
            <Group gap={4}>
              <IconArrowLeft size={14} />
              {calibrationId ? t('scorecards.calibration.back') : t('scorecards.calls.back')}
            </Group>
          </Anchor>
        </Group>
        <Group gap="xs">
          {calibrationId && <Badge color="violet">{t('scorecards.calibration.blindBadge')}</Badge>}
          {role !== 'rep' && !calibrationId && (
            <Button size="xs" variant="light" onClick={() => setCoachOpen(true)} data-testid="call-coaching">
              {t('scorecards.callCoaching.add')} · {fmtClock(commentAt ?? timeMs)}
            </Button>
          )}
        </Group>
      </Group>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{c.customer || t('scorecards.calls.noCustomer')}</Title>
          <Text c="dimmed" size="sm">
            <Anchor component={Link} to={`/people/${c.rep.id}`} size="sm" data-testid="call-rep">
              {personName(c.rep)}
            </Anchor>{' '}
            · {fmtDateTime(c.at)} · {t(dynamicKey(`scorecards.channel.${c.channel}`))} · {t(`scorecards.direction.${c.direction}`)}
            {c.durationMs ? ` · ${fmtClock(c.durationMs)}` : ''}
            {c.outcome ? ` · ${t(dynamicKey(`scorecards.outcome.${c.outcome}`))}` : ''}
          </Text>
        </div>
        {c.score !== null && !calibrationId && (
          <Badge size="xl" color={scoreColor(c.score)} data-testid="call-score">
            {fmtScore(c.score)}
          </Badge>
        )}
      </Group>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="md">
            <Card withBorder padding="sm">
              {c.audio ? (
                <Player
                  callId={c.id}
                  audio={c.audio}
                  durationMs={c.durationMs}
                  hasPeaks={c.hasPeaks}
                  audioRef={audioRef}
                  timeMs={timeMs}
                  onTime={setTimeMs}
                  onWaveClick={(ms) => {
                    // Clicking the waveform starts a comment at that moment: the box takes the typing.
                    setCommentAt(ms);
                    commentRef.current?.focus();
                  }}
                  markers={markers}
                />
              ) : (
                <Alert icon={<IconMicrophoneOff size={18} />} color="gray" data-testid="no-audio">
                  {t('scorecards.player.noAudio')}
                </Alert>
              )}
            </Card>
            {c.metrics && <Metrics c={c} onSeek={seek} />}
            <Card withBorder padding="sm">
              <Group justify="space-between" mb={6}>
                <Text fw={600}>{t('scorecards.transcript.title')}</Text>
                <Button component="label" size="compact-xs" variant="subtle" leftSection={<IconFileText size={14} />}>
                  {c.transcript ? t('scorecards.transcript.replace') : t('scorecards.transcript.upload')}
                  <input
                    type="file"
                    hidden
                    accept=".vtt,.srt,.txt,text/vtt,text/plain"
                    onChange={(e) => e.currentTarget.files?.[0] && void uploadTranscript(e.currentTarget.files[0])}
                    data-testid="transcript-file"
                  />
                </Button>
              </Group>
              {c.transcript ? (
                <ScrollArea h={260} data-testid="transcript" ref={transcriptRef}>
                  <Stack gap={2}>
                    {c.transcript.map((s, i) => (
                      <Group
                        key={i}
                        gap="xs"
                        wrap="nowrap"
                        align="flex-start"
                        onClick={() => seek(s.startMs)}
                        onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && (e.preventDefault(), seek(s.startMs))}
                        role="button"
                        tabIndex={0}
                        data-active={i === active ? '1' : '0'}
                        style={{
                          cursor: 'pointer',
                          padding: '2px 6px',
                          borderRadius: 4,
                          background: i === active ? 'var(--mantine-color-blue-light)' : undefined,
                        }}
                      >
                        <Text size="xs" c="dimmed" ff="monospace" w={40}>
                          {fmtClock(s.startMs)}
                        </Text>
                        <Badge
                          size="xs"
                          variant="light"
                          color={s.speaker === 'rep' ? 'blue' : s.speaker === 'customer' ? 'orange' : 'gray'}
                          w={86}
                          style={{ flexShrink: 0 }}
                        >
                          {s.speaker === 'other' ? s.label : t(`scorecards.transcript.${s.speaker}`)}
                        </Badge>
                        <Text size="sm">{s.text}</Text>
                      </Group>
                    ))}
                  </Stack>
                </ScrollArea>
              ) : (
                <Text size="sm" c="dimmed">
                  {t('scorecards.transcript.none')}
                </Text>
              )}
            </Card>
            <Card withBorder padding="sm">
              <Text fw={600} mb={6}>
                {t('scorecards.comments.title')}
              </Text>
              <Stack gap={4}>
                {c.comments.map((x) => (
                  <Group key={x.id} gap="xs" wrap="nowrap" align="flex-start">
                    <Badge
                      variant="outline"
                      color="yellow"
                      component="button"
                      type="button"
                      style={{ cursor: 'pointer', flexShrink: 0 }}
                      onClick={() => seek(x.atMs)}
                    >
                      ▶ {fmtClock(x.atMs)}
                    </Badge>
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="comment-body">
                      <b>{personName(x.author)}:</b> {x.body}
                    </Text>
                  </Group>
                ))}
                {!c.comments.length && (
                  <Text size="sm" c="dimmed">
                    {t('scorecards.comments.empty')}
                  </Text>
                )}
                <Group gap="xs" mt={4} wrap="nowrap">
                  <Badge variant="light">{fmtClock(commentAt ?? timeMs)}</Badge>
                  <TextInput
                    ref={commentRef}
                    style={{ flex: 1 }}
                    size="xs"
                    aria-label={t('scorecards.comments.placeholder')}
                    placeholder={t('scorecards.comments.placeholder')}
                    value={comment}
                    onChange={(e) => setComment(e.currentTarget.value)}
                    onKeyDown={(e) => {
                      if (e.key === 'Enter' && comment.trim()) void addComment();
                      if (e.key === 'Escape') {
                        setCommentAt(null);
                        e.currentTarget.blur();
                      }
                    }}
                    maxLength={2000}
                    data-testid="comment-input"
                  />
                  <Button size="xs" disabled={!comment.trim()} onClick={() => void addComment()} data-testid="comment-add">
                    {t('actions.add')}
                  </Button>
                </Group>
              </Stack>
            </Card>
            <CoverageCard
              c={c}
              scripts={scripts.data ?? []}
              coverage={coverage.data}
              onSeek={seek}
              onChanged={() => (call.reload(), coverage.reload())}
            />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          {/* The scorecard scrolls on its own so the player and transcript stay in view while grading. */}
          <ScrollArea.Autosize mah="calc(100vh - 190px)" offsetScrollbars type="auto" style={{ position: 'sticky', top: 0 }}>
            <Stack gap="sm">
              {error && <Alert color="red">{error}</Alert>}
              {evaluation && evaluation.evaluation.grader.id === me ? (
                <ScoreForm
                  key={evaluation.evaluation.id + evaluation.evaluation.status}
                  detail={evaluation}
                  timeMs={timeMs}
                  onSeek={seek}
                  suggestions={coverage.data?.suggestions ?? []}
                  onCurrent={setCurCriterion}
                  onSaved={(d) => {
                    setEvaluation(d);
                    call.reload();
                  }}
                />
              ) : viewing.data ? (
                <>
                  <Button variant="subtle" size="xs" onClick={() => setViewId(null)}>
                    {t('scorecards.eval.backToList')}
                  </Button>
                  <EvaluationView
                    detail={viewing.data}
                    canRespond={role === 'rep' && me === viewing.data.evaluation.rep.id}
                    onSeek={seek}
                    onChanged={() => (viewing.reload(), call.reload())}
                  />
                </>
              ) : (
                <Card withBorder padding="sm">
                  <Text fw={600} mb="xs">
                    {t('scorecards.eval.title')}
                  </Text>
                  <Stack gap={4}>
                    {c.evaluationsList.map((e) => (
                      <Group
                        key={e.id}
                        justify="space-between"
                        {...clickable(() => (e.grader.id === me && role !== 'rep' ? void startScoring() : setViewId(e.id)))}
                      >
                        <Text size="sm">
                          {personName(e.grader)} · {e.status === 'draft' ? t('scorecards.eval.draft') : fmtDateTime(e.submittedAt)}
                        </Text>
                        <Badge color={scoreColor(e.score)}>{fmtScore(e.score)}</Badge>
                      </Group>
                    ))}
                    {!c.evaluationsList.length && (
                      <Text size="sm" c="dimmed">
                        {t('scorecards.eval.none')}
                      </Text>
                    )}
                  </Stack>
                  {role !== 'rep' && (
                    <Button mt="sm" fullWidth onClick={() => void startScoring()} data-testid="start-scoring">
                      {c.evaluationsList.some((e) => e.grader.id === me) ? t('scorecards.eval.openMine') : t('scorecards.eval.score')}
                    </Button>
                  )}
                </Card>
              )}
            </Stack>
          </ScrollArea.Autosize>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

function Metrics({ c, onSeek }: { c: CallDetail; onSeek: (ms: number) => void }) {
  const { t } = useTranslation();
  const m = c.metrics!;
  return (
    <Card withBorder padding="sm" data-testid="metrics">
      <Group grow align="flex-start">
        <div>
          <Text size="xs" c="dimmed">
            {t('scorecards.metrics.talkRatio')}
          </Text>
          {m.talkRatio === null ? (
            <Text size="sm">—</Text>
          ) : (
            <>
              <Text fw={600} data-testid="talk-ratio">
                {fmtPercent(m.talkRatio)} / {fmtPercent(1 - m.talkRatio)}
              </Text>
              <Progress.Root size="sm">
                <Progress.Section value={m.talkRatio * 100} color="blue" />
                <Progress.Section value={(1 - m.talkRatio) * 100} color="orange" />
              </Progress.Root>
              <Text size="xs" c="dimmed">
                {t('scorecards.metrics.repCustomer')}
              </Text>
            </>
          )}
        </div>
        <div>
          <Text size="xs" c="dimmed">
            {t('scorecards.metrics.longest')}
          </Text>
          <Text fw={600} {...(m.longestMonologueAt !== null ? clickable(() => onSeek(m.longestMonologueAt!)) : {})}>
            {fmtClock(m.longestMonologueMs)}
          </Text>
        </div>
        <div>
          <Text size="xs" c="dimmed">
            {t('scorecards.metrics.interruptions')}
          </Text>
          <Text fw={600}>{m.interruptions}</Text>
          <Group gap={2}>
            {m.interruptionsAt.slice(0, 6).map((at) => (
              <Badge key={at} size="xs" variant="outline" {...clickable(() => onSeek(at))}>
                {fmtClock(at)}
              </Badge>
            ))}
          </Group>
        </div>
      </Group>
    </Card>
  );
}

function CoverageCard(props: {
  c: CallDetail;
  scripts: { id: number; title: string }[];
  coverage:
    | { script: { id: number; title: string } | null; steps: import('../../../shared/domain/coverage').StepCoverage[]; reason: string }
    | undefined;
  onSeek: (ms: number) => void;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const setScript = async (v: string | null) => {
    await api('scorecards.calls.setScript', { callId: props.c.id, scriptId: v ? Number(v) : null });
    props.onChanged();
  };
  const cov = props.coverage;
  return (
    <Card withBorder padding="sm" data-testid="coverage">
      <Group justify="space-between" mb={6}>
        <Text fw={600}>{t('scorecards.coverage.title')}</Text>
        {props.scripts.length > 0 && (
          <Select
            size="xs"
            w={240}
            placeholder={t('scorecards.coverage.chooseScript')}
            data={props.scripts.map((s) => ({ value: String(s.id), label: s.title }))}
            value={props.c.scriptId ? String(props.c.scriptId) : null}
            onChange={(v) => void setScript(v)}
            clearable
          />
        )}
      </Group>
      {!props.scripts.length && !props.c.scriptId && (
        <Text size="sm" c="dimmed">
          {t('scorecards.coverage.noScripts')}
        </Text>
      )}
      {cov && cov.reason !== 'ok' && props.scripts.length > 0 && (
        <Text size="sm" c="dimmed">
          {t(dynamicKey(`scorecards.coverage.reason.${cov.reason}`))}
        </Text>
      )}
      {cov?.reason === 'ok' && (
        <Stack gap={6}>
          <Text size="xs" c="dimmed">
            {t('scorecards.coverage.hint')}
          </Text>
          {cov.steps.map((s) => (
            <div key={s.stepId}>
              <Group gap="xs">
                <Badge color={s.covered ? 'green' : 'red'} variant="light">
                  {fmtPercent(s.ratio)}
                </Badge>
                <Text size="sm" fw={500}>
                  {s.title}
                </Text>
              </Group>
              {s.items.map((it, i) => (
                <Group key={i} gap={6} ml="md" wrap="nowrap">
                  <Text size="xs" c={it.covered ? 'green' : 'dimmed'}>
                    {it.covered ? '✓' : '○'} {it.text}
                  </Text>
                  {it.atMs !== null && it.covered && (
                    <Badge size="xs" variant="outline" {...clickable(() => props.onSeek(it.atMs!))}>
                      {fmtClock(it.atMs)}
                    </Badge>
                  )}
                </Group>
              ))}
            </div>
          ))}
        </Stack>
      )}
    </Card>
  );
}
