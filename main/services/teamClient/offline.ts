/**
 * What the live-call screen needs, answered from the offline cache when the
 * team server cannot be reached (or the session ended): live search, the
 * published scripts and their steps, objection cards, linked library items,
 * and usage events (queued, sent once on reconnect). Each answer has the shape
 * of the team server's own answer, so the screen does not know the difference.
 */
import { AppError } from '../../../shared/api/contract';
import type { Contract } from '../../../shared/api';
import type { ParsedInputOf, ResultOf } from '../../../shared/api/contract';
import type { LibraryItem } from '../../../shared/api/library';
import type { ScriptDetail, SearchHit } from '../../../shared/api/scripts';
import type { SyncLibraryItem, SyncObjection, SyncScript } from '../../../shared/api/sync';
import { fold, highlight, parseQuery } from '../../../shared/search/text';
import type { TeamClient } from './client';

type Answer<K extends keyof Contract> = (input: ParsedInputOf<Contract[K]>, c: TeamClient) => ResultOf<Contract[K]>;
type OfflineTable = { [K in keyof Contract]?: Answer<K> };

const NO_TAGS = { products: [], channels: [], funnelStages: [], segments: [] };

const notOffline = () =>
  new AppError('not_found', 'This is not in the offline copy: it can be opened once the team server is reachable again.', undefined, {
    key: 'teamClient.notOffline',
  });

const card = (o: SyncObjection) => ({
  id: o.id,
  objection: o.objection,
  responses: o.responses,
  tags: o.tags,
  language: o.language,
  triggers: o.triggers,
  usedInScripts: 0,
  updatedAt: o.updatedAt,
});

function detail(s: SyncScript, cards: Map<number, SyncObjection>): ScriptDetail {
  const linked = new Set(s.steps.flatMap((st) => st.choices.map((ch) => ch.toObjectionId)).filter((x): x is number => x !== null));
  return {
    id: s.id,
    title: s.title,
    description: '',
    language: s.language,
    tags: NO_TAGS,
    status: 'published',
    revision: s.revision,
    publishedRevision: s.revision,
    steps: s.steps.map((st) => ({
      id: st.id,
      key: st.key,
      stage: st.stage as ScriptDetail['steps'][number]['stage'],
      title: st.title,
      talkingPointsMd: st.talkingPointsMd,
      sayIt: st.sayIt,
      listenFor: st.listenFor,
      mustSay: st.mustSay,
      choices: st.choices,
    })),
    updatedAt: '',
    pinned: false,
    objections: [...linked].flatMap((id) => {
      const o = cards.get(id);
      return o ? [{ id, objection: o.objection }] : [];
    }),
  };
}

function libraryItem(i: SyncLibraryItem): LibraryItem {
  return {
    id: i.id,
    kind: i.kind,
    title: i.title,
    description: i.description,
    tags: [],
    stage: null,
    channel: '',
    product: '',
    audience: '',
    language: i.language,
    ownerId: null,
    ownerName: null,
    validUntil: i.validUntil,
    verifyEveryDays: null,
    verifiedAt: null,
    url: i.url,
    bodyMd: i.bodyMd,
    status: 'ok',
    current: i.sha256
      ? {
          id: i.id,
          version: 1,
          fileName: i.fileName ?? '',
          sha256: i.sha256,
          mime: i.mime ?? 'application/octet-stream',
          size: i.size ?? 0,
          fileKind: null,
          pageCount: null,
          extractStatus: 'none',
          extractNote: '',
          changeNote: '',
          createdAt: i.updatedAt,
          createdById: null,
          createdByName: null,
        }
      : null,
    versionCount: i.sha256 ? 1 : 0,
    opens: 0,
    lastUsedAt: null,
    createdAt: i.updatedAt,
    updatedAt: i.updatedAt,
  };
}

const matches = (text: string, q: string) =>
  fold(q)
    .split(/\s+/)
    .filter(Boolean)
    .every((w) => fold(text).includes(w));

export const offlineAnswers: OfflineTable = {
  'scripts.search': ({ query, language, kinds, limit }, c) => {
    const scripts = c.scripts();
    const steps = new Map(scripts.flatMap((s) => s.steps.map((st) => [st.id, { script: s, step: st }] as const)));
    const cards = new Map(c.objections().map((o) => [o.id, o]));
    const terms = parseQuery(query).terms;
    const hits: SearchHit[] = [];
    for (const h of c.search(query, { language, limit })) {
      if (!kinds.includes(h.kind)) continue;
      if (h.kind === 'step') {
        const s = steps.get(h.id);
        if (!s) continue;
        hits.push({
          kind: 'step',
          id: h.id,
          scriptId: s.script.id,
          scriptTitle: s.script.title,
          stepKey: s.step.key,
          title: h.title,
          snippet: highlight(s.step.sayIt || s.step.talkingPointsMd.slice(0, 200), terms),
          responses: [],
          language: s.script.language,
          score: 0,
        });
      } else {
        const o = cards.get(h.id);
        if (!o) continue;
        hits.push({
          kind: 'objection',
          id: h.id,
          scriptId: null,
          scriptTitle: null,
          stepKey: null,
          title: h.title,
          snippet: highlight(o.responses[0] ?? '', terms),
          responses: o.responses,
          language: o.language,
          score: 0,
        });
      }
    }
    if (kinds.includes('library')) {
      for (const i of c.library()) {
        if ((language && i.language !== language) || !matches(`${i.title} ${i.description}`, query)) continue;
        hits.push({
          kind: 'library',
          id: i.id,
          scriptId: null,
          scriptTitle: null,
          stepKey: null,
          title: highlight(i.title, terms),
          snippet: highlight(i.description, terms),
          responses: [],
          language: (['en', 'ru', 'zh'].includes(i.language) ? i.language : 'en') as SearchHit['language'],
          score: 0,
        });
      }
    }
    // the cache's own order (best first) stands in for the server's score
    return hits.slice(0, limit).map((h, n) => ({ ...h, score: hits.length - n }));
  },
  'scripts.list': ({ query, language, offset, limit }, c) => {
    const rows = c
      .scripts()
      .filter((s) => (!language || s.language === language) && (!query || matches(s.title, query)))
      .map((s) => ({
        id: s.id,
        title: s.title,
        language: s.language,
        status: 'published' as const,
        stepCount: s.steps.length,
        tags: NO_TAGS,
        updatedAt: '',
        updatedBy: null,
        pinned: false,
      }));
    return { rows: rows.slice(offset, offset + limit), total: rows.length, offset, limit };
  },
  'scripts.get': ({ id }, c) => {
    const s = c.scripts().find((x) => x.id === id);
    if (!s) throw notOffline();
    return detail(s, new Map(c.objections().map((o) => [o.id, o])));
  },
  'scripts.usage': (_i, c) => ({
    pinned: [],
    recent: [],
    published: c.scripts().map((s) => ({ id: s.id, title: s.title, language: s.language, stepCount: s.steps.length })),
  }),
  'scripts.objections.get': ({ id }, c) => {
    const o = c.objections().find((x) => x.id === id);
    if (!o) throw notOffline();
    return card(o);
  },
  'scripts.objections.list': ({ query, language, offset, limit }, c) => {
    const rows = c
      .objections()
      .filter((o) => (!language || o.language === language) && (!query || matches(`${o.objection} ${o.responses.join(' ')}`, query)))
      .map(card);
    return { rows: rows.slice(offset, offset + limit), total: rows.length, offset, limit };
  },
  'scripts.logUsage': (e, c) => {
    c.logUsage({ sessionKey: e.sessionKey, action: e.action, scriptId: e.scriptId, stepId: e.stepId, objectionId: e.objectionId });
    return { logged: true };
  },
  'guidance.bank': ({ scriptId }, c) => ({
    cards: c.objections().map((o) => ({ id: o.id, objection: o.objection, triggers: o.triggers })),
    scripts: c
      .scripts()
      .filter((s) => scriptId === null || s.id === scriptId)
      .map((s) => ({
        id: s.id,
        steps: s.steps.map((st) => ({ key: st.key, title: st.title, mustSay: st.mustSay, talkingPointsMd: st.talkingPointsMd })),
      })),
    forbidden: [],
  }),
  'guidance.forbidden.get': () => [],
  'library.get': ({ id }, c) => {
    const i = c.library().find((x) => x.id === id);
    if (!i) throw notOffline();
    return libraryItem(i);
  },
  // the shell polls these; offline there is nothing new to count
  'notifications.unreadCount': () => ({ unread: 0 }),
};

export const hasOfflineAnswer = (method: string): method is keyof OfflineTable =>
  Object.prototype.hasOwnProperty.call(offlineAnswers, method);

/** The cached answer for a live-call method (throws AppError when the item is not cached). */
export function answerOffline<K extends keyof Contract>(
  method: K,
  input: ParsedInputOf<Contract[K]>,
  c: TeamClient,
): ResultOf<Contract[K]> {
  const f = offlineAnswers[method] as Answer<K>;
  return f(input, c);
}
