/**
 * Call player: waveform from peaks (decoded once in the renderer with WebAudio at
 * 8 kHz, then cached through the API so the next open is instant), play/pause,
 * ±5 s, speed, keyboard shortcuts, and markers for comments and evidence.
 */
import { ActionIcon, Group, Loader, SegmentedControl, Text, Tooltip } from '@mantine/core';
import { IconPlayerPauseFilled, IconPlayerPlayFilled, IconRewindBackward5, IconRewindForward5 } from '@tabler/icons-react';
import { useEffect, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { computePeaks, fmtClock } from '../../../shared/domain/transcript';
import { api, fileUrl } from '../../lib/api';

export const SPEEDS = [0.75, 1, 1.25, 1.5, 2];

export interface Marker {
  atMs: number;
  color: string;
  label: string;
}

const BUCKETS = 1200;
const CHUNK = 2 * 1024 * 1024;

/**
 * Decodes a recording at 8 kHz (plenty for a waveform, and a 60-minute call is ~115 MB of samples instead of
 * ~600 MB) and reduces it to peaks. MP3 frames decode independently, so a long MP3 is decoded in 2 MB slices
 * and the waveform fills in as each slice is done (`onPartial`); other formats are decoded whole.
 */
async function decodePeaks(url: string, type: string, onPartial: (peaks: number[]) => void): Promise<number[]> {
  const buf = await (await fetch(url)).arrayBuffer();
  const decode = (b: ArrayBuffer) => new OfflineAudioContext(1, 1, 8000).decodeAudioData(b);
  if (type !== 'audio/mpeg' || buf.byteLength <= CHUNK * 1.5) return computePeaks((await decode(buf)).getChannelData(0), BUCKETS);
  const slices = Math.ceil(buf.byteLength / CHUNK);
  const parts: (Float32Array | null)[] = new Array<Float32Array | null>(slices).fill(null);
  for (let i = 0; i < slices; i++) {
    try {
      parts[i] = (await decode(buf.slice(i * CHUNK, Math.min(buf.byteLength, (i + 1) * CHUNK)))).getChannelData(0);
    } catch {
      parts[i] = new Float32Array(0); // a slice without a whole frame: leave a gap rather than fail
    }
    // Until every slice is decoded, place each by its byte share (exact for constant bit rate).
    const partial = new Array<number>(BUCKETS).fill(0);
    parts.forEach((p, j) => {
      if (!p) return;
      const from = Math.floor((j / slices) * BUCKETS);
      const to = Math.floor(((j + 1) / slices) * BUCKETS);
      computePeaks(p, Math.max(1, to - from)).forEach((v, k) => (partial[from + k] = v));
    });
    if (i < slices - 1) onPartial(partial);
  }
  const total = parts.reduce((n, p) => n + (p?.length ?? 0), 0);
  const all = new Float32Array(total);
  let at = 0;
  for (const p of parts) {
    all.set(p!, at);
    at += p!.length;
  }
  return computePeaks(all, BUCKETS);
}

export function Player(props: {
  callId: number;
  audio: { sha256: string; type: string };
  durationMs: number | null;
  hasPeaks: boolean;
  audioRef: RefObject<HTMLAudioElement | null>;
  timeMs: number;
  onTime: (ms: number) => void;
  onWaveClick?: (ms: number) => void;
  markers: Marker[];
}) {
  const { t } = useTranslation();
  const { audioRef, timeMs } = props;
  const [peaks, setPeaks] = useState<number[] | null>(null);
  const [peakState, setPeakState] = useState<'loading' | 'ready' | 'failed'>('loading');
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState(1);
  const [dur, setDur] = useState(props.durationMs ?? 0);
  const canvas = useRef<HTMLCanvasElement>(null);
  const src = fileUrl(props.audio.sha256);

  useEffect(() => {
    let live = true;
    setPeakState('loading');
    (async () => {
      let p = props.hasPeaks ? await api('scorecards.calls.peaks', { callId: props.callId }) : null;
      if (!p) {
        p = await decodePeaks(src, props.audio.type, (partial) => {
          if (!live) return;
          setPeaks(partial);
          setPeakState('ready');
        });
        void api('scorecards.calls.savePeaks', { callId: props.callId, peaks: p }).catch(() => undefined);
      }
      if (live) {
        setPeaks(p);
        setPeakState('ready');
      }
    })().catch(() => live && setPeakState('failed'));
    return () => {
      live = false;
    };
  }, [props.callId, props.hasPeaks, props.audio.type, src]);

  useEffect(() => {
    const c = canvas.current;
    if (!c || !peaks) return;
    const w = c.clientWidth;
    const h = c.clientHeight;
    const dpr = window.devicePixelRatio || 1;
    c.width = w * dpr;
    c.height = h * dpr;
    const g = c.getContext('2d')!;
    g.scale(dpr, dpr);
    g.clearRect(0, 0, w, h);
    const played = dur ? timeMs / dur : 0;
    const bar = w / peaks.length;
    peaks.forEach((p, i) => {
      const x = i * bar;
      const bh = Math.max(1, p * (h - 4));
      g.fillStyle = x / w < played ? '#228be6' : '#adb5bd';
      g.fillRect(x, (h - bh) / 2, Math.max(1, bar - 0.5), bh);
    });
    for (const m of props.markers) {
      if (!dur) break;
      const x = (m.atMs / dur) * w;
      g.fillStyle = m.color;
      g.fillRect(x - 1, 0, 2, h);
    }
  }, [peaks, timeMs, dur, props.markers]);

  const toggle = () => {
    const a = audioRef.current;
    if (!a) return;
    if (a.paused) void a.play();
    else a.pause();
  };
  const skip = (s: number) => {
    const a = audioRef.current;
    if (a) a.currentTime = Math.max(0, Math.min(a.duration || Infinity, a.currentTime + s));
  };
  const setRate = (r: number) => {
    setSpeed(r);
    if (audioRef.current) audioRef.current.playbackRate = r;
  };
  const step = (dir: 1 | -1) => setRate(SPEEDS[Math.max(0, Math.min(SPEEDS.length - 1, SPEEDS.indexOf(speed) + dir))]);
  const keys = useRef({ toggle, skip, step });
  keys.current = { toggle, skip, step };
  // Matched on `event.key` (the character typed), so "<" and ">" work on any layout; a hotkey spec like
  // shift+period never matches ">". Keys typed into a text box, or aimed at a button/radio, stay theirs.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
      const el = e.target as HTMLElement | null;
      if (el && (el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable || el.tagName === 'INPUT')) return;
      if (document.querySelector('[role="dialog"]')) return;
      if (e.key === ' ' && el && el.closest('button, a, [role="button"], [role="radio"], [role="option"]')) return;
      const k = keys.current;
      if (e.key === ' ') k.toggle();
      else if (e.key === 'ArrowLeft') k.skip(-5);
      else if (e.key === 'ArrowRight') k.skip(5);
      else if (e.key === '<' || e.key === ',') k.step(-1);
      else if (e.key === '>' || e.key === '.') k.step(1);
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div data-testid="player">
      <audio
        ref={audioRef}
        src={src}
        preload="metadata"
        onTimeUpdate={(e) => props.onTime(Math.round(e.currentTarget.currentTime * 1000))}
        onPlay={() => setPlaying(true)}
        onPause={() => setPlaying(false)}
        onLoadedMetadata={(e) => Number.isFinite(e.currentTarget.duration) && setDur(e.currentTarget.duration * 1000)}
      />
      <div style={{ position: 'relative', height: 72, cursor: 'pointer' }}>
        {peakState !== 'ready' && (
          <Group justify="center" h={72}>
            {peakState === 'loading' ? (
              <Loader size="sm" />
            ) : (
              <Text c="dimmed" size="sm">
                {t('scorecards.player.noWave')}
              </Text>
            )}
          </Group>
        )}
        <canvas
          ref={canvas}
          role="button"
          tabIndex={0}
          onKeyDown={(e) => {
            if (e.key !== 'Enter') return;
            e.preventDefault();
            props.onWaveClick?.(timeMs);
          }}
          data-testid="waveform"
          data-ready={peakState === 'ready' ? '1' : '0'}
          style={{ width: '100%', height: 72, display: peakState === 'ready' ? 'block' : 'none' }}
          onClick={(e) => {
            const r = e.currentTarget.getBoundingClientRect();
            const ms = Math.round(((e.clientX - r.left) / r.width) * dur);
            if (audioRef.current) audioRef.current.currentTime = ms / 1000;
            props.onTime(ms);
            props.onWaveClick?.(ms);
          }}
          aria-label={t('scorecards.player.waveform')}
        />
      </div>
      <Group justify="space-between" mt={6}>
        <Group gap={4}>
          <Tooltip label={t('scorecards.player.back5')}>
            <ActionIcon variant="default" onClick={() => skip(-5)} aria-label={t('scorecards.player.back5')}>
              <IconRewindBackward5 size={18} />
            </ActionIcon>
          </Tooltip>
          <ActionIcon
            size="lg"
            onClick={toggle}
            aria-label={playing ? t('scorecards.player.pause') : t('scorecards.player.play')}
            data-testid="play"
          >
            {playing ? <IconPlayerPauseFilled size={18} /> : <IconPlayerPlayFilled size={18} />}
          </ActionIcon>
          <Tooltip label={t('scorecards.player.fwd5')}>
            <ActionIcon variant="default" onClick={() => skip(5)} aria-label={t('scorecards.player.fwd5')}>
              <IconRewindForward5 size={18} />
            </ActionIcon>
          </Tooltip>
          <Text size="sm" ff="monospace" ml="xs" data-testid="clock">
            {fmtClock(timeMs)} / {fmtClock(dur)}
          </Text>
        </Group>
        <SegmentedControl
          size="xs"
          data-testid="speed"
          value={String(speed)}
          onChange={(v) => setRate(Number(v))}
          data={SPEEDS.map((s) => ({ value: String(s), label: `${s}×` }))}
          aria-label={t('scorecards.player.speed')}
        />
      </Group>
      <Text size="xs" c="dimmed" mt={4}>
        {t('scorecards.player.shortcuts')}
      </Text>
    </div>
  );
}
