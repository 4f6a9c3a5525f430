/**
 * Captures the call's audio for on-device recognition: the microphone is the rep
 * (getUserMedia); the system/softphone sound is the customer where the host can give
 * it (Electron's loopback on Windows/macOS, or a shared tab/window in a browser), else
 * one mixed channel. An AudioWorklet turns each source into 100 ms frames of 16 kHz mono
 * 16-bit PCM; they go to the main side over the API (IPC in the desktop app, POST on
 * 127.0.0.1 in the browser host) four times a second, into this person's session.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ScriptLanguage } from '../../../shared/api/scripts';
import type { CaptureStatus, SystemAudio } from '../../../shared/api/speech';
import { api } from '../../lib/api';

type Channel = 'rep' | 'customer';
export type CaptureProblem =
  | { kind: 'permissionDenied' | 'noDevice' | 'deviceBusy' | 'deviceLost' }
  | { kind: 'failed'; reason: string }
  | { kind: 'api'; error: unknown };
export type CaptureNote = 'shareNoAudio' | 'systemLost' | null;

interface Frame {
  channel: Channel;
  atMs: number;
  sampleRate: number;
  pcm: string;
}

const FLUSH_MS = 250;
const TARGET_RATE = 16_000;

function base64(buf: ArrayBuffer): string {
  const bytes = new Uint8Array(buf);
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** The browser's reason for a refused microphone, as one of the messages the rep can act on. */
export function micProblem(e: unknown): CaptureProblem {
  const name = (e as { name?: string })?.name ?? '';
  if (name === 'NotAllowedError' || name === 'SecurityError' || name === 'PermissionDeniedError') return { kind: 'permissionDenied' };
  if (name === 'NotFoundError' || name === 'OverconstrainedError' || name === 'DevicesNotFoundError') return { kind: 'noDevice' };
  if (name === 'NotReadableError' || name === 'TrackStartError' || name === 'AbortError') return { kind: 'deviceBusy' };
  return { kind: 'failed', reason: (e as Error)?.message ?? String(e) };
}

export function useSpeechCapture(onProblem: (p: CaptureProblem) => void) {
  const [running, setRunning] = useState(false);
  // levels change ten times a second: kept in a ref the meter reads, so the panel does not re-render for them
  const levels = useRef<Partial<Record<Channel, number>>>({});
  const [status, setStatus] = useState<CaptureStatus | null>(null);
  const [note, setNote] = useState<CaptureNote>(null);
  const teardown = useRef<(() => void) | null>(null);
  const problemRef = useRef(onProblem);
  useEffect(() => {
    problemRef.current = onProblem;
  }, [onProblem]);

  const stop = useCallback(() => {
    teardown.current?.();
    teardown.current = null;
    setRunning(false);
    levels.current = {};
  }, []);

  const start = useCallback(
    async (o: { language: ScriptLanguage; systemAudio: SystemAudio; share: boolean }): Promise<boolean> => {
      stop();
      setNote(null);
      setStatus(null);
      if (!navigator.mediaDevices?.getUserMedia) {
        problemRef.current({ kind: 'noDevice' });
        return false;
      }
      let mic: MediaStream;
      try {
        mic = await navigator.mediaDevices.getUserMedia({
          audio: { channelCount: 1, echoCancellation: true, noiseSuppression: false, autoGainControl: false },
          video: false,
        });
      } catch (e) {
        problemRef.current(micProblem(e));
        return false;
      }
      // the customer's side, where this host can give it
      let system: MediaStream | null = null;
      if (o.systemAudio === 'loopback' || (o.systemAudio === 'share' && o.share)) {
        try {
          const s = await navigator.mediaDevices.getDisplayMedia({ audio: true, video: true });
          for (const v of s.getVideoTracks()) v.stop();
          if (s.getAudioTracks().length) system = new MediaStream(s.getAudioTracks());
          else if (o.systemAudio === 'share') setNote('shareNoAudio');
        } catch {
          if (o.systemAudio === 'share') setNote('shareNoAudio');
        }
      }
      const tracks = [...mic.getTracks(), ...(system?.getTracks() ?? [])];
      let ctx: AudioContext;
      try {
        try {
          ctx = new AudioContext({ sampleRate: TARGET_RATE });
        } catch {
          ctx = new AudioContext(); // the main side resamples what is not 16 kHz
        }
        await ctx.audioWorklet.addModule(new URL('pcm-capture-worklet.js', document.baseURI).href);
      } catch (e) {
        for (const tr of tracks) tr.stop();
        problemRef.current({ kind: 'failed', reason: (e as Error)?.message ?? String(e) });
        return false;
      }
      const channels: Channel[] = system ? ['rep', 'customer'] : ['rep'];
      let session: CaptureStatus;
      try {
        session = await api('speech.capture.start', { language: o.language, channels });
      } catch (e) {
        for (const tr of tracks) tr.stop();
        void ctx.close();
        problemRef.current({ kind: 'api', error: e });
        return false;
      }
      setStatus(session);

      const queue: Frame[] = [];
      const samples: Record<Channel, number> = { rep: 0, customer: 0 };
      const mute = ctx.createGain();
      mute.gain.value = 0;
      mute.connect(ctx.destination);
      const nodes: AudioNode[] = [mute];
      const attach = (stream: MediaStream, channel: Channel) => {
        const src = ctx.createMediaStreamSource(stream);
        const node = new AudioWorkletNode(ctx, 'pcm-capture', { numberOfInputs: 1, numberOfOutputs: 1, outputChannelCount: [1] });
        node.port.onmessage = (ev: MessageEvent<{ pcm: ArrayBuffer; rate: number; rms: number; peak: number }>) => {
          const { pcm, rate, rms } = ev.data;
          queue.push({ channel, atMs: Math.round((samples[channel] / rate) * 1000), sampleRate: rate, pcm: base64(pcm) });
          samples[channel] += pcm.byteLength / 2;
          levels.current = { ...levels.current, [channel]: rms };
        };
        src.connect(node);
        node.connect(mute);
        nodes.push(src, node);
      };
      attach(mic, 'rep');
      if (system) attach(system, 'customer');

      let live = true;
      let inFlight = false;
      const flush = async () => {
        if (!live || inFlight || !queue.length) return;
        inFlight = true;
        const frames = queue.splice(0, 64);
        try {
          setStatus(await api('speech.capture.push', { sessionId: session.sessionId, frames }));
        } catch (e) {
          if (live) {
            problemRef.current({ kind: 'api', error: e });
            stop();
          }
        } finally {
          inFlight = false;
        }
      };
      const timer = window.setInterval(() => void flush(), FLUSH_MS);
      const micTrack = mic.getAudioTracks()[0];
      const onMicEnded = () => {
        if (!live) return;
        problemRef.current({ kind: 'deviceLost' });
        stop();
      };
      micTrack?.addEventListener('ended', onMicEnded);
      const sysTrack = system?.getAudioTracks()[0];
      const onSysEnded = () => setNote('systemLost');
      sysTrack?.addEventListener('ended', onSysEnded);

      teardown.current = () => {
        live = false;
        window.clearInterval(timer);
        micTrack?.removeEventListener('ended', onMicEnded);
        sysTrack?.removeEventListener('ended', onSysEnded);
        for (const n of nodes) n.disconnect();
        for (const tr of tracks) tr.stop();
        void ctx.close();
        void api('speech.capture.stop', { sessionId: session.sessionId }).catch(() => undefined);
      };
      setRunning(true);
      return true;
    },
    [stop],
  );

  useEffect(() => stop, [stop]);
  return { running, levels, status, note, start, stop };
}
