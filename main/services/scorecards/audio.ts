/**
 * Validates an uploaded recording with music-metadata (container, codec, duration)
 * before it enters the store. A truncated file often still has a header that
 * claims the full duration, so the size is checked against bitrate × duration.
 */
import { parseFile } from 'music-metadata';
import { AUDIO_EXTENSIONS } from '../../../shared/api/scorecards';

export interface AudioInfo {
  durationMs: number;
  mime: string;
  codec: string;
}

export class AudioError extends Error {}

const MIME: Record<string, string> = {
  mp3: 'audio/mpeg',
  wav: 'audio/wav',
  ogg: 'audio/ogg',
  oga: 'audio/ogg',
  opus: 'audio/ogg',
  m4a: 'audio/mp4',
  mp4: 'audio/mp4',
  aac: 'audio/aac',
  webm: 'audio/webm',
};

export const extOf = (name: string) => (/\.([a-z0-9]{1,5})$/i.exec(name)?.[1] ?? '').toLowerCase();

export async function probeAudio(file: string, name: string, size: number): Promise<AudioInfo> {
  const ext = extOf(name);
  if (!(AUDIO_EXTENSIONS as readonly string[]).includes(ext)) {
    throw new AudioError(`"${name}" is not a supported recording. Use MP3, WAV, OGG/Opus, M4A/AAC or WebM.`);
  }
  let meta;
  try {
    meta = await parseFile(file, { duration: true, skipCovers: true });
  } catch {
    // The parser's message names the temp file; say what matters instead.
    throw new AudioError(`"${name}" is not an audio recording or is damaged: its format could not be recognised.`);
  }
  const f = meta.format;
  if (!f.container || !f.duration || !Number.isFinite(f.duration) || f.duration <= 0) {
    throw new AudioError(`"${name}" is not an audio recording or is damaged: no audio stream with a duration was found.`);
  }
  if (f.bitrate && f.bitrate > 0) {
    const expected = (f.bitrate * f.duration) / 8;
    if (size < expected * 0.5) {
      throw new AudioError(
        `"${name}" is cut off: it holds ${Math.round(size / 1024)} KB, but a ${Math.round(f.duration)} s recording at this quality needs about ${Math.round(expected / 1024)} KB. Export it again.`,
      );
    }
  }
  return {
    durationMs: Math.round(f.duration * 1000),
    mime: MIME[ext] ?? 'audio/mpeg',
    codec: [f.container, f.codec].filter(Boolean).join(' / '),
  };
}
