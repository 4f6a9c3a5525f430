// Live-call render of a 60-step script in Chromium against the real browser host
// (dist/main/serve.cjs). Prints one JSON line: {p50, p95, max, n} in ms, measured by the
// page itself (data arrival -> committed DOM -> next frame; window.__liveRender).
/* global fetch, window */
import { chromium } from '@playwright/test';
import { startBrowserHost } from './browserHost.mjs';

const host = await startBrowserHost('live');
const { base, token } = host;
let browser;
try {
  const call = async (method, input) => {
    const r = await (
      await fetch(`${base}/api/${method}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(input),
      })
    ).json();
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };
  const steps = Array.from({ length: 60 }, (_, i) => ({
    key: `s${i}`,
    stage: ['opening', 'discovery', 'presentation', 'objection_handling', 'closing', 'follow_up'][Math.floor(i / 10)],
    title: `Шаг ${i + 1}: уточните объём и адрес доставки`,
    talkingPointsMd: `- Спросите об **объёме** поставки на месяц ${i + 1}\n- Уточните окно доставки и контактное лицо\n- Напомните о гарантии два года и сервисе за 48 часов\n\n> Если клиент говорит «дорого», предложите посчитать стоимость владения.`,
    sayIt: 'Подскажите, сколько единиц вам нужно в месяц и куда доставлять?',
    listenFor: 'Срочность, названия конкурентов, бюджет',
    mustSay: ['Гарантия', 'Срок поставки', 'Следующий шаг'],
    choices:
      i < 59
        ? [
            { label: 'Согласен', toStepKey: `s${i + 1}` },
            { label: 'Дорого', toStepKey: `s${Math.min(59, i + 2)}` },
            { label: 'Конец разговора', toStepKey: null },
          ]
        : [],
  }));
  const made = await call('scripts.create', { title: 'Шестьдесят шагов', language: 'ru', steps });
  await call('scripts.publish', { id: made.id });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  // the build publishes window.__liveRender only when the page asks for it
  await page.addInitScript(() => (window.__measureLive = true));
  await page.goto(`${base}/?token=${token}`);
  await page.waitForSelector('[data-testid="nav-home"]');
  const times = [];
  for (let i = 0; i < 24; i++) {
    await page.goto(`${base}/?token=${token}#/live?script=${made.id}&n=${i}`);
    await page.reload();
    const r = await (await page.waitForFunction(() => window.__liveRender, null, { timeout: 30_000 })).jsonValue();
    if (r.steps !== 60) throw new Error('rendered ' + r.steps + ' steps');
    if (i >= 4) times.push(r.render); // first loads warm up the JIT and caches
  }
  times.sort((a, b) => a - b);
  const pct = (p) => times[Math.min(times.length - 1, Math.ceil((p / 100) * times.length) - 1)];
  console.log(JSON.stringify({ p50: pct(50), p95: pct(95), max: times[times.length - 1], n: times.length }));
} finally {
  await browser?.close();
  await host.stop();
}
