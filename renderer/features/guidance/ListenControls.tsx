/**
 * What the rep sees while the app listens: a level meter per channel (so it is plain the
 * microphone works), whether the customer is a separate channel or everything is one mixed
 * channel, the recogniser's state, and any problem with what to do about it — a missing
 * model links to Settings → Speech.
 */
import { Alert, Anchor, Checkbox, Group, Progress, Stack, Text } from '@mantine/core';
import { useEffect, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaptureStatus, RecognizerState, SystemAudio } from '../../../shared/api/speech';
import { useNavigate } from '../../lib/navigate';
import type { CaptureNote, CaptureProblem } from './useSpeechCapture';
import { dynamicKey } from '../../app/keys';
import { speechText } from './speechText';

/** RMS → 0–100 on a speech-friendly (log) scale: −60 dBFS is empty, 0 dBFS full. */
const meter = (rms: number | undefined) => (rms ? Math.max(0, Math.min(100, ((20 * Math.log10(rms) + 60) / 60) * 100)) : 0);

function LevelMeter(props: { levels: RefObject<Partial<Record<'rep' | 'customer', number>>>; channel: 'rep' | 'customer'; label: string }) {
  const [v, setV] = useState(0);
  useEffect(() => {
    const id = window.setInterval(() => setV(meter(props.levels.current?.[props.channel])), 100);
    return () => window.clearInterval(id);
  }, [props.levels, props.channel]);
  return (
    <Stack gap={2}>
      <Text size="xs">{props.label}</Text>
      <Progress.Root size="md" transitionDuration={80} data-testid={`listen-level-${props.channel}`} data-value={Math.round(v)}>
        <Progress.Section value={v} color={v > 85 ? 'red' : 'teal'} aria-label={props.label} />
      </Progress.Root>
    </Stack>
  );
}

export function problemText(t: Parameters<typeof speechText>[0], p: CaptureProblem): string {
  if (p.kind === 'api') return speechText(t, p.error);
  if (p.kind === 'failed') return t('speech.listen.failed', { reason: p.reason });
  return t(dynamicKey(`speech.listen.${p.kind}`));
}

function RecognizerLine({ state }: { state: RecognizerState }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  if (state.state === 'starting')
    return (
      <Text size="xs" c="dimmed">
        {t('speech.listen.starting')}
      </Text>
    );
  if (state.state === 'ready')
    return (
      <Text size="xs" c="teal">
        {t('speech.listen.ready')}
      </Text>
    );
  const settingsProblem = ['no_model_set', 'no_folder', 'not_a_folder', 'no_model', 'bad_model', 'wrong_language'].includes(
    state.problem.code,
  );
  return (
    <Alert color={state.state === 'failed' ? 'red' : 'orange'} p={6} data-testid="listen-recognizer-problem">
      <Text size="xs">{speechText(t, state.problem)}</Text>
      <Text size="xs" c="dimmed">
        {t('speech.listen.off')}
      </Text>
      {settingsProblem && (
        <Anchor
          component="button"
          type="button"
          size="xs"
          c="dark"
          underline="always"
          onClick={() => navigate('/settings#speech')}
          data-testid="listen-open-settings"
        >
          {t('speech.listen.openSettings')}
        </Anchor>
      )}
    </Alert>
  );
}

export function ListenControls(props: {
  systemAudio: SystemAudio | null;
  share: boolean;
  onShare: (v: boolean) => void;
  running: boolean;
  levels: RefObject<Partial<Record<'rep' | 'customer', number>>>;
  status: CaptureStatus | null;
  note: CaptureNote;
  problem: CaptureProblem | null;
}) {
  const { t } = useTranslation();
  const s = props.status;
  const mixed = s ? s.mixed : props.systemAudio === 'none';
  return (
    <Stack gap={6} data-testid="listen" data-session={props.running ? props.status?.sessionId : undefined}>
      {props.systemAudio === 'share' && !props.running && (
        <Checkbox
          size="xs"
          checked={props.share}
          onChange={(e) => props.onShare(e.currentTarget.checked)}
          label={t('speech.listen.share')}
          data-testid="listen-share"
        />
      )}
      {props.problem && (
        <Alert color="red" p={6} data-testid="listen-problem">
          <Text size="xs">{problemText(t, props.problem)}</Text>
        </Alert>
      )}
      {props.running && s && (
        <>
          <Group grow gap="xs" align="flex-start">
            <LevelMeter levels={props.levels} channel="rep" label={t('speech.listen.mic')} />
            {!s.mixed && <LevelMeter levels={props.levels} channel="customer" label={t('speech.listen.system')} />}
          </Group>
          <Text size="xs" fw={mixed ? 600 : undefined} c={mixed ? undefined : 'dimmed'} data-testid="listen-channels">
            {props.note ? t(`speech.listen.${props.note}`) + ' ' : ''}
            {mixed ? t('speech.listen.mixed') : t('speech.listen.separate')}
          </Text>
          <RecognizerLine state={s.recognizer} />
          <Text size="xs" c="dimmed" data-testid="listen-sent">
            {t('speech.listen.sent', { s: ((s.channels.rep?.ms ?? 0) / 1000).toFixed(1) })}
          </Text>
        </>
      )}
    </Stack>
  );
}
