import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { computePeaks, parseTranscript, segmentAt, talkMetrics, TranscriptError } from '../../shared/domain/transcript';
import { scriptCoverage, suggestFromCoverage, type CoverageStep } from '../../shared/domain/coverage';
import type { CriterionDef } from '../../shared/domain/scoring';

const fixture = (f: string) => fs.readFileSync(path.join(__dirname, '../fixtures/calls', f), 'utf8');

describe('transcript parsing', () => {
  it('reads the English WebVTT sample with <v> speakers', () => {
    const { format, segments } = parseTranscript(fixture('call-en-northwind.vtt'));
    expect(format).toBe('vtt');
    expect(segments).toHaveLength(9);
    expect(segments[0]).toMatchObject({ startMs: 0, endMs: 6788, speaker: 'rep', label: 'Rep' });
    expect(segments[1]).toMatchObject({ speaker: 'customer', startMs: 7388 });
    expect(segments[8].text).toMatch(/^Great\. I will send it within an hour/);
  });
  it('reads SRT with "Name: text" speakers (Russian labels) and comma milliseconds', () => {
    const srt = '1\n00:00:01,000 --> 00:00:04,500\nМенеджер: Добрый день!\n\n2\n00:00:05,000 --> 00:00:07,250\nКлиент: Здравствуйте.\n';
    const { format, segments } = parseTranscript(srt);
    expect(format).toBe('srt');
    expect(segments.map((s) => [s.speaker, s.startMs, s.endMs, s.text])).toEqual([
      ['rep', 1000, 4500, 'Добрый день!'],
      ['customer', 5000, 7250, 'Здравствуйте.'],
    ]);
  });
  it('reads plain text lines, spreading time over the call duration', () => {
    const { format, segments } = parseTranscript('Rep: Hello there\nCustomer: Hi\n客户：价格太贵了', 10_000);
    expect(format).toBe('text');
    expect(segments.map((s) => s.speaker)).toEqual(['rep', 'customer', 'customer']);
    expect(segments[2].endMs).toBe(10_000);
  });
  it('refuses empty files and broken times with a message', () => {
    expect(() => parseTranscript('  ')).toThrow(TranscriptError);
    expect(() => parseTranscript('WEBVTT\n\n00:00:xx --> 00:00:02.000\n<v Rep>hi')).toThrow(/Cannot read the time/);
  });
  it('finds the segment playing at a time', () => {
    const { segments } = parseTranscript(fixture('call-en-northwind.vtt'));
    expect(segmentAt(segments, 0)).toBe(0);
    expect(segmentAt(segments, 7000)).toBe(0);
    expect(segmentAt(segments, 7388)).toBe(1);
    expect(segmentAt(segments, 99_000)).toBe(8);
  });
});

describe('talk metrics', () => {
  it('computes the talk ratio and longest monologue of the English sample', () => {
    const { segments } = parseTranscript(fixture('call-en-northwind.vtt'));
    const m = talkMetrics(segments);
    const rep = [6788, 19893 - 11747, 35721 - 26767, 49879 - 41789, 61113 - 53663].reduce((a, b) => a + b, 0);
    const cust = [11147 - 7388, 26167 - 20493, 41189 - 36321, 53063 - 50479].reduce((a, b) => a + b, 0);
    expect(m.repMs).toBe(rep);
    expect(m.customerMs).toBe(cust);
    expect(m.talkRatio!).toBeCloseTo(rep / (rep + cust), 6);
    expect(m.longestMonologueMs).toBe(35721 - 26767);
    expect(m.interruptions).toBe(0);
  });
  it('joins consecutive rep lines into one monologue and counts interruptions', () => {
    const seg = (speaker: 'rep' | 'customer', startMs: number, endMs: number) => ({ speaker, startMs, endMs, label: speaker, text: 'x' });
    const m = talkMetrics([
      seg('rep', 0, 10_000),
      seg('rep', 10_500, 30_000),
      seg('customer', 30_500, 40_000),
      seg('rep', 38_000, 45_000),
      seg('customer', 46_000, 50_000),
    ]);
    expect(m.longestMonologueMs).toBe(30_000);
    expect(m.longestMonologueAt).toBe(0);
    expect(m.interruptions).toBe(1);
    expect(m.interruptionsAt).toEqual([38_000]);
  });
  it('has no ratio without speaker tags', () => {
    expect(talkMetrics([{ speaker: 'other', startMs: 0, endMs: 1000, label: 'A', text: 'x' }]).talkRatio).toBeNull();
  });
  it('reduces samples to normalised peaks', () => {
    const s = new Float32Array(1000);
    s[10] = -0.5;
    s[990] = 0.25;
    const p = computePeaks(s, 10);
    expect(p).toHaveLength(10);
    expect(p[0]).toBe(1);
    expect(p[9]).toBe(0.5);
    expect(p[5]).toBe(0);
  });
});

const crit = (id: number, scriptStage: string, scale: CriterionDef['scale'] = '1_5'): CriterionDef => ({
  id,
  prompt: { en: 'x', ru: '', zh: '' },
  guideline: { en: '', ru: '', zh: '' },
  scale,
  weight: 1,
  naAllowed: false,
  critical: false,
  competencyId: null,
  scriptStage,
});

describe('script coverage', () => {
  const en: CoverageStep[] = [
    {
      id: 1,
      stage: 'opening',
      title: 'Greeting',
      talkingPointsMd: '- Introduce yourself and the company\n- Ask if it is a good time to talk',
      mustSay: ['Northwind Supplies'],
    },
    {
      id: 2,
      stage: 'objection_handling',
      title: 'Price',
      talkingPointsMd: '- Compare the warranty: five years with free replacement',
      mustSay: [],
    },
    {
      id: 3,
      stage: 'closing',
      title: 'Close',
      talkingPointsMd: '',
      mustSay: ['Offer a demo at our showroom', 'Mention the loyalty discount'],
    },
  ];
  it('finds covered and missed points in the English call, with the time said', () => {
    const { segments } = parseTranscript(fixture('call-en-northwind.vtt'));
    const cov = scriptCoverage(en, segments);
    expect(cov[0].items.map((i) => i.covered)).toEqual([true, false, true]);
    expect(cov[0].items[0].atMs).toBe(0);
    expect(cov[1].covered).toBe(true);
    expect(cov[1].items[0].atMs).toBe(26767);
    expect(cov[2].covered).toBe(false);
    expect(cov[2].ratio).toBe(0);
    const sug = suggestFromCoverage([crit(10, 'opening'), crit(11, 'closing', 'yes_no'), crit(12, 'discovery')], cov);
    // Closing matched nothing: no suggestion at all rather than a confident "No" without evidence.
    expect(sug.map((s) => [s.criterionId, s.value])).toEqual([[10, 4]]);
    expect(sug[0].evidence[0]).toMatchObject({ atMs: 0, item: 'Northwind Supplies' });
    expect(sug[0].evidence[0].snippet).toContain('this is Anna from Northwind Supplies');
  });
  it("matches the script's talking points and say-it sentences, not the author's instructions", () => {
    const { segments } = parseTranscript(fixture('call-en-northwind.vtt'));
    const step: CoverageStep = {
      id: 1,
      stage: 'closing',
      title: 'Wrap up',
      talkingPointsMd: 'Repeat what was agreed, confirm the contact details and thank them.\n\n- Call back on Thursday',
      sayIt: 'To confirm: I send the offer today to your e-mail and call you on Thursday at 10. Thank you!',
      mustSay: [],
    };
    const [cov] = scriptCoverage([step], segments);
    expect(cov.items.map((i) => i.text)).toEqual([
      'Call back on Thursday',
      'To confirm: I send the offer today to your e-mail and call you on Thursday at 10.',
      'Thank you!',
    ]);
    expect(cov.items.map((i) => i.covered)).toEqual([true, true, true]);
    expect(cov.items[2].snippet).toContain('Thank you for your time');
    // A placeholder is not a word to find, and one shared word out of several is not coverage.
    const [greet] = scriptCoverage(
      [
        {
          id: 2,
          stage: 'opening',
          title: 'Hi',
          talkingPointsMd: '',
          sayIt: 'Good morning, this is {name} from Northflow Pumps.',
          mustSay: [],
        },
      ],
      segments,
    );
    expect(greet.items[0].covered).toBe(false);
    expect(greet.items[0].score).toBeGreaterThan(0);
  });
  it('matches Russian word forms by stem (предложение ~ предложения, отправлю ~ отправить)', () => {
    const { segments } = parseTranscript(fixture('call-ru-vektor.vtt'));
    const cov = scriptCoverage(
      [
        {
          id: 1,
          stage: 'closing',
          title: 'Закрытие',
          talkingPointsMd: '- Отправить коммерческое предложение\n- Договориться о встрече',
          mustSay: ['Склад запчастей в городе клиента'],
        },
      ],
      segments,
    );
    expect(cov[0].items.map((i) => i.covered)).toEqual([true, true, true]);
  });
  it('matches Chinese by character bigrams and ignores customer lines', () => {
    const segs = [
      { speaker: 'rep' as const, startMs: 0, endMs: 1000, label: '销售', text: '您好，我是北风公司的小王，我们的保修期是五年。' },
      { speaker: 'customer' as const, startMs: 1000, endMs: 2000, label: '客户', text: '你们可以提供免费安装吗？' },
    ];
    const cov = scriptCoverage(
      [{ id: 1, stage: 'opening', title: '开场', talkingPointsMd: '- 保修期五年\n- 提供免费安装', mustSay: [] }],
      segs,
    );
    expect(cov[0].items.map((i) => i.covered)).toEqual([true, false]);
  });
});
