/**
 * Live guidance on the live-call screen: listens to a transcript source (the local
 * softphone feed, a replay of a recorded call at 1–8×, or Listen: the microphone and
 * system sound recognised on this computer, whose words arrive through the same feed), runs the guidance engine
 * (shared/guidance) in the page, and hands its events to the screen: cards open,
 * checklist items tick, nudges appear. After a replayed call, "Keep with the call"
 * stores the transcript and guidance events with the call record.
 * Keys: G starts/stops listening (when not typing).
 */
import { Alert, Badge, Button, Group, Paper, ScrollArea, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconEar } from '@tabler/icons-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GuidanceEngine, replay, transcriptEvents, type GuidanceEvent, type TranscriptEvent } from '../../../shared/guidance';
import { api, useApi } from '../../lib/api';
import { errorText } from '../../lib/errors';
import type { ScriptLanguage } from '../../../shared/api/scripts';
import { ListenControls } from './ListenControls';
import { useSpeechCapture, type CaptureProblem } from './useSpeechCapture';
import type { TFunction } from 'i18next';

type Source = 'off' | 'feed' | 'replay' | 'mic';
const LANGS: readonly string[] = ['en', 'ru', 'zh'];
type Nudge = Extract<GuidanceEvent, { kind: 'nudge' }>;
interface Turn {
  speaker: TranscriptEvent['speaker'];
  text: string;
  atMs: number;
}

const clock = {
  now: () => performance.now(),
  setTimeout: (f: () => void, ms: number) => window.setTimeout(f, ms),
  clearTimeout: (h: unknown) => window.clearTimeout(h as number),
};
const isCjk = (s: string) => /[\u3400-\u9fff]/.test(s);
const mmss = (ms: number) => `${Math.floor(ms / 60000)}:${String(Math.floor((ms % 60000) / 1000)).padStart(2, '0')}`;

export function nudgeText(t: TFunction, n: Nudge) {
  if (n.nudge === 'talk_share') return t('guidance.nudge.talk_share', { pct: Math.round(n.value * 100) });
  if (n.nudge === 'monologue') return t('guidance.nudge.monologue', { s: n.value });
  return t('guidance.nudge.forbidden', { phrase: n.phrase ?? '' });
}

export function GuidancePanel(props: {
  scriptId: number | null;
  stepTitle: (key: string) => string | null;
  onCard: (objectionId: number) => void;
  onTick: (e: Extract<GuidanceEvent, { kind: 'tick' }>) => void;
  compact?: boolean;
  /** The call's language (the script's); Listen uses its speech model. Default: the UI language. */
  language?: ScriptLanguage;
}) {
  const { t, i18n } = useTranslation();
  const language: ScriptLanguage = props.language ?? (LANGS.includes(i18n.language) ? (i18n.language as ScriptLanguage) : 'en');
  const [source, setSource] = useState<Source>('off');
  const [callId, setCallId] = useState<string | null>(null);
  const [speed, setSpeed] = useState('4');
  const [running, setRunning] = useState(false);
  const [turns, setTurns] = useState<Turn[]>([]);
  const [nudges, setNudges] = useState<Nudge[]>([]);
  const [said, setSaid] = useState<Extract<GuidanceEvent, { kind: 'tick' }>[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const engine = useRef<GuidanceEngine | null>(null);
  const stopper = useRef<(() => void) | null>(null);
  const bank = useApi('guidance.bank', { scriptId: props.scriptId });
  const calls = useApi('scorecards.calls.list', source === 'replay' ? { limit: 100 } : null);
  const withTranscript = (calls.data?.rows ?? []).filter((c) => c.hasTranscript);
  const { onCard, onTick } = props;
  const speech = useApi('speech.settings.get', source === 'mic' ? {} : null);
  const [share, setShare] = useState(false);
  const [problem, setProblem] = useState<CaptureProblem | null>(null);
  const onProblem = useCallback((p: CaptureProblem) => {
    // the microphone is gone or refused: listening stops with the message
    setProblem(p);
    stopper.current?.();
    stopper.current = null;
    setRunning(false);
  }, []);
  const capture = useSpeechCapture(onProblem);
  const stopCapture = capture.stop;
  const startCapture = capture.start;

  const handle = useCallback(
    (ev: TranscriptEvent) => {
      const e = engine.current;
      if (!e) return;
      const out = e.push(ev);
      if (ev.final) {
        setTurns((ts) => {
          const last = ts[ts.length - 1];
          if (last && last.speaker === ev.speaker)
            return [...ts.slice(0, -1), { ...last, text: last.text + (isCjk(ev.text) ? '' : ' ') + ev.text }];
          return [...ts.slice(-30), { speaker: ev.speaker, text: ev.text, atMs: ev.atMs }];
        });
      }
      for (const g of out) {
        if (g.kind === 'card') onCard(g.objectionId);
        else if (g.kind === 'tick') {
          onTick(g);
          setSaid((s) => [...s, g]);
        } else {
          setNudges((n) => [...n.slice(-4), g]);
          notifications.show({ color: 'yellow', message: nudgeText(t, g), autoClose: 6000 });
        }
      }
    },
    [onCard, onTick, t],
  );

  const stop = useCallback(() => {
    stopper.current?.();
    stopper.current = null;
    stopCapture();
    setRunning(false);
  }, [stopCapture]);

  const start = useCallback(async () => {
    if (!bank.data || source === 'off') return;
    stop();
    setError(null);
    setDone(false);
    setTurns([]);
    setNudges([]);
    setSaid([]);
    engine.current = new GuidanceEngine(bank.data);
    try {
      if (source === 'replay') {
        if (!callId) return;
        const call = await api('scorecards.calls.get', { id: Number(callId) });
        const h = replay(transcriptEvents(call.transcript ?? []), { speed: Number(speed), clock, onEvent: (ev) => handle(ev) });
        stopper.current = () => h.stop();
        setRunning(true);
        void h.done.then(() => {
          setRunning(false);
          setDone(true);
        });
      } else {
        if (source === 'mic') {
          setProblem(null);
          const ok = await startCapture({ language, systemAudio: speech.data?.systemAudio ?? 'none', share });
          if (!ok) return;
        }
        // the feed (a softphone's, or the recogniser's words for Listen): only what arrives from now on
        let cursor = (await api('guidance.feed.poll', { after: 0 })).cursor;
        let live = true;
        const poll = async () => {
          while (live) {
            try {
              const r = await api('guidance.feed.poll', { after: cursor });
              cursor = r.cursor;
              for (const ev of r.events) handle(ev);
            } catch (e) {
              setError(errorText(t, e));
            }
            await new Promise((res) => window.setTimeout(res, 250));
          }
        };
        stopper.current = () => {
          live = false;
        };
        setRunning(true);
        void poll();
      }
    } catch (e) {
      setError(errorText(t, e));
      setRunning(false);
    }
  }, [bank.data, source, callId, speed, handle, stop, t, startCapture, language, speech.data, share]);

  useEffect(() => stop, [stop]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const el = e.target as HTMLElement | null;
      if (e.ctrlKey || e.altKey || e.metaKey || (el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.isContentEditable)))
        return;
      if (e.key !== 'g' && e.key !== 'G' && e.key !== 'п' && e.key !== 'П') return;
      if (document.querySelector('[role="dialog"]')) return;
      e.preventDefault();
      if (running) stop();
      else void start();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [running, start, stop]);

  const save = async () => {
    const e = engine.current;
    if (!e || !callId) return;
    try {
      await api('guidance.save', {
        callId: Number(callId),
        source: 'replay',
        scriptId: props.scriptId,
        transcript: e.transcript,
        events: e.events,
      });
      notifications.show({ color: 'green', message: t('guidance.saved') });
    } catch (err) {
      setError(errorText(t, err));
    }
  };

  const lastTick = said[said.length - 1];
  const now = lastTick ? props.stepTitle(lastTick.stepKey) : null;
  return (
    <Paper withBorder p="xs" data-testid="guidance">
      <Stack gap={6}>
        <Group gap={6} justify="space-between" wrap="nowrap">
          <Group gap={6} wrap="nowrap">
            <IconEar size={16} />
            <Text size="sm" fw={700}>
              {t('guidance.title')}
            </Text>
            {running && (
              <Badge size="xs" color="red" variant="dot" data-testid="guidance-running">
                {mmss(turns[turns.length - 1]?.atMs ?? 0)}
              </Badge>
            )}
          </Group>
        </Group>
        <SegmentedControl
          size="xs"
          fullWidth
          // four sources in a narrow column: long labels (ru) wrap instead of being cut off
          styles={{
            label: {
              whiteSpace: 'normal',
              lineHeight: 1.25,
              height: '100%',
              display: 'flex',
              alignItems: 'center',
              justifyContent: 'center',
            },
          }}
          value={source}
          onChange={(v) => {
            stop();
            setSource(v);
          }}
          data={(['off', 'feed', 'replay', 'mic'] as const).map((s) => ({
            value: s,
            label: s === 'mic' ? t('speech.listen.source') : t(`guidance.source.${s}`),
          }))}
          data-testid="guidance-source"
        />
        {source === 'replay' && (
          <Group gap={6} wrap="nowrap" align="flex-end">
            <Select
              size="xs"
              style={{ flex: 1 }}
              label={t('guidance.pickCall')}
              placeholder={withTranscript.length ? undefined : t('guidance.noCalls')}
              data={withTranscript.map((c) => ({
                value: String(c.id),
                label: `${c.customer || '#' + c.id} · ${c.rep.name} · ${c.at.slice(0, 10)}`,
              }))}
              value={callId}
              onChange={setCallId}
              searchable
              data-testid="guidance-call"
            />
            <Select
              size="xs"
              w={70}
              label={t('guidance.speed')}
              data={['1', '2', '4', '8'].map((v) => ({ value: v, label: `${v}×` }))}
              value={speed}
              onChange={(v) => v && setSpeed(v)}
              allowDeselect={false}
              data-testid="guidance-speed"
            />
          </Group>
        )}
        {source !== 'off' && (
          <Group gap={6}>
            <Button
              size="compact-sm"
              onClick={() => (running ? stop() : void start())}
              disabled={!bank.data || (source === 'replay' && !callId)}
              data-testid="guidance-start"
            >
              {running ? t('guidance.stop') : t('guidance.start')} (G)
            </Button>
            {source === 'replay' && done && (
              <Button size="compact-sm" variant="light" onClick={() => void save()} data-testid="guidance-save">
                {t('guidance.save')}
              </Button>
            )}
          </Group>
        )}
        {source === 'mic' && (
          <ListenControls
            systemAudio={speech.data?.systemAudio ?? null}
            share={share}
            onShare={setShare}
            running={running}
            levels={capture.levels}
            status={capture.status}
            note={capture.note}
            problem={problem}
          />
        )}
        {error && <Alert color="red">{error}</Alert>}
        {source === 'feed' && running && !turns.length && (
          <Text size="xs" c="dimmed">
            {t('guidance.feedWaiting')}
          </Text>
        )}
        {now && (
          <Text size="sm" fw={600} data-testid="guidance-now">
            {t('guidance.now', { step: now })}
          </Text>
        )}
        {nudges.map((n, i) => (
          <Alert key={i} color="yellow" p={6} data-testid="guidance-nudge">
            <Text size="xs">
              {mmss(n.atMs)} · {nudgeText(t, n)}
            </Text>
          </Alert>
        ))}
        {said.length > 0 && (
          <Stack gap={2} data-testid="guidance-said">
            <Text size="xs" fw={700} c="dimmed" tt="uppercase">
              {t('guidance.said')}
            </Text>
            {said.slice(-6).map((s, i) => (
              <Text key={i} size="xs">
                ✓ {s.item}
              </Text>
            ))}
          </Stack>
        )}
        {source !== 'off' && (
          <>
            <Text size="xs" fw={700} c="dimmed" tt="uppercase">
              {t('guidance.transcript')}
            </Text>
            <ScrollArea.Autosize mah={props.compact ? 120 : 200} data-testid="guidance-transcript">
              {turns.length === 0 && (
                <Text size="xs" c="dimmed">
                  {t('guidance.nothingYet')}
                </Text>
              )}
              {turns.slice(-8).map((l, i) => (
                <Text key={i} size="xs">
                  <Text span fw={700} c={l.speaker === 'customer' ? 'orange' : 'indigo'}>
                    {l.speaker === 'customer' ? t('guidance.customer') : t('guidance.rep')}:
                  </Text>{' '}
                  {l.text}
                </Text>
              ))}
            </ScrollArea.Autosize>
          </>
        )}
        <Text size="xs" c="dimmed">
          {t('guidance.keys')}
        </Text>
      </Stack>
    </Paper>
  );
}
