/**
 * Guidance on the host: the live-transcript feed (loopback HTTP, needs the token), the bank
 * the engine listens for (demo triggers), forbidden phrases, and each call's transcript and
 * events kept with the call record — and read by scoring's coverage when the call has no transcript file.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../main/app';
import type { ApiContext } from '../../main/api/context';
import { dispatch } from '../../main/api/dispatch';
import { createServer } from '../../main/server/server';
import { parseTranscript } from '../../shared/domain/transcript';
import { GuidanceEngine, transcriptEvents, type GuidanceBank } from '../../shared/guidance';
import { tempDir } from './helpers/db';

let dir: string;
let ctx: ApiContext;
let srv: ReturnType<typeof createServer>;
let port: number;
const TOKEN = 'guidance-test-token';

beforeAll(async () => {
  dir = tempDir();
  const staticDir = path.join(dir, 'static');
  fs.mkdirSync(staticDir);
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>t</title>');
  ctx = createApp({ dataDir: path.join(dir, 'data'), demo: true, host: { kind: 'browser' } });
  srv = createServer({ ctx, token: TOKEN, staticDir });
  port = (await srv.listen()).port;
}, 120_000);
afterAll(async () => {
  await srv.close();
  ctx.ws.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function post(method: string, body: unknown, headers: Record<string, string> = { authorization: `Bearer ${TOKEN}` }) {
  const data = JSON.stringify(body);
  return new Promise<{ status: number; json: { ok: boolean; value?: unknown; error?: { code: string } } }>((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: `/api/${method}`,
        method: 'POST',
        headers: {
          host: `127.0.0.1:${port}`,
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(data)),
          ...headers,
        },
      },
      (res) => {
        let s = '';
        res.on('data', (c) => (s += c));
        res.on('end', () => resolve({ status: res.statusCode!, json: JSON.parse(s) as { ok: boolean } }));
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}
const call = async <T>(method: string, input: unknown) => {
  const r = await dispatch(method, input, ctx);
  if (!r.ok) throw new Error(r.error.message);
  return r.value as T;
};

describe('live-transcript feed', () => {
  it('takes JSON transcript events with the token over loopback; the screen polls them in order', async () => {
    const start = (await call<{ cursor: number }>('guidance.feed.poll', { after: 0 })).cursor;
    const r = await post('guidance.feed.push', {
      events: [
        { text: 'Hello, this is Anna', atMs: 0, endMs: 1500, speaker: 'rep', final: true },
        { text: 'It is too expensive', atMs: 2000, speaker: 'customer' },
      ],
    });
    expect(r.status).toBe(200);
    expect(r.json.value).toEqual({ accepted: 2, cursor: start + 2 });
    const polled = await call<{ events: { text: string; seq: number; final: boolean }[] }>('guidance.feed.poll', { after: start });
    expect(polled.events.map((e) => [e.text, e.seq, e.final])).toEqual([
      ['Hello, this is Anna', start + 1, true],
      ['It is too expensive', start + 2, true],
    ]);
    expect((await call<{ events: unknown[] }>('guidance.feed.poll', { after: start + 2 })).events).toEqual([]);
  });
  it('refuses a missing token, a foreign Host header and malformed events', async () => {
    expect((await post('guidance.feed.push', { events: [{ text: 'x', atMs: 0, speaker: 'rep' }] }, {})).status).toBe(401);
    expect(
      (
        await post(
          'guidance.feed.push',
          { events: [{ text: 'x', atMs: 0, speaker: 'rep' }] },
          { authorization: `Bearer ${TOKEN}`, host: 'evil.example' },
        )
      ).status,
    ).toBe(421);
    const bad = await post('guidance.feed.push', { events: [{ text: 'x', atMs: -5, speaker: 'boss' }] });
    expect(bad.json.ok).toBe(false);
    expect(bad.json.error?.code).toBe('invalid_input');
  });
});

describe('bank, forbidden phrases, the call record', () => {
  it('the bank holds the demo cards with trigger phrases and the chosen script', async () => {
    const scripts = await call<{ rows: { id: number; title: string }[] }>('scripts.list', { status: 'published', limit: 50 });
    const inbound = scripts.rows.find((s) => s.title === 'Inbound price request')!;
    await call('guidance.forbidden.save', { phrases: ['trust me', ' trust me ', 'честно говоря'] });
    const bank = await call<GuidanceBank>('guidance.bank', { scriptId: inbound.id });
    expect(bank.forbidden).toEqual(['trust me', 'честно говоря']);
    expect(bank.scripts[0].steps.map((s) => s.key)).toContain('greet');
    const zh = bank.cards.find((c) => c.objection === '你们的价格太高了')!;
    expect(zh.triggers.zh).toContain('太贵');
    // the demo bank hears the demo objection in each language
    const e = new GuidanceEngine(bank);
    expect(e.push({ text: 'Это, честно, дороговато', atMs: 0, speaker: 'customer', final: true }).map((x) => x.kind)).toEqual(['card']);
    expect(e.push({ text: '你们太贵了', atMs: 1000, speaker: 'customer', final: true })).toMatchObject([
      { kind: 'card', objectionId: zh.id },
    ]);
  });
  it("keeps a replayed call's transcript and events with the call; coverage reads them when the call has no transcript file", async () => {
    const calls = await call<{ rows: { id: number; hasTranscript: boolean }[] }>('scorecards.calls.list', { limit: 200 });
    const bare = calls.rows.find((c) => !c.hasTranscript)!;
    const scripts = await call<{ rows: { id: number; title: string }[] }>('scripts.list', { status: 'published', limit: 50 });
    const inbound = scripts.rows.find((s) => s.title === 'Inbound price request')!;
    ctx.db.prepare('UPDATE calls SET script_id = ? WHERE id = ?').run(inbound.id, bare.id);
    expect((await call<{ reason: string }>('scorecards.calls.coverage', { callId: bare.id })).reason).toBe('no_transcript');

    const vtt = `WEBVTT\n\n00:00:00.000 --> 00:00:05.000\n<v Rep>Thank you for calling Northflow Pumps, dear customer, let me introduce myself: I am Anna.\n\n00:00:05.500 --> 00:00:08.000\n<v Customer>It is too expensive anyway.\n`;
    const bank = await call<GuidanceBank>('guidance.bank', { scriptId: inbound.id });
    const engine = new GuidanceEngine(bank);
    for (const ev of transcriptEvents(parseTranscript(vtt).segments)) engine.push(ev);
    expect(engine.events.some((e) => e.kind === 'card')).toBe(true);
    const saved = await call<{ transcript: unknown[]; events: unknown[] }>('guidance.save', {
      callId: bare.id,
      source: 'replay',
      scriptId: inbound.id,
      transcript: engine.transcript,
      events: engine.events,
    });
    expect(saved.transcript.length).toBe(engine.transcript.length);
    const again = await call<{ events: { kind: string }[]; source: string }>('guidance.get', { callId: bare.id });
    expect(again.source).toBe('replay');
    expect(again.events.map((e) => e.kind)).toEqual(engine.events.map((e) => e.kind));

    const cov = await call<{ reason: string; steps: { title: string; items: { covered: boolean; atMs: number | null }[] }[] }>(
      'scorecards.calls.coverage',
      { callId: bare.id },
    );
    expect(cov.reason).toBe('ok');
    const greet = cov.steps.find((s) => s.title === 'Greeting')!;
    expect(greet.items.some((i) => i.covered && i.atMs === 0)).toBe(true);

    const missing = await dispatch('guidance.save', { callId: 999_999, source: 'feed', transcript: [], events: [] }, ctx);
    expect(missing.ok ? null : missing.error.key).toBe('guidance.callNotFound');
  });
});
