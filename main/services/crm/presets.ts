/**
 * What the six CRMs' exports look like: their column names, stage names (with
 * status and 5-stage funnel position) and the values that mark repeat business.
 * Unknown exports get a suggestion from synonyms in English, Russian and Chinese.
 */
import type { CrmPreset, DealField, StageRule } from '../../../shared/api/crm';
import { dateShare, valueKey } from '../../../shared/domain/crmParse';

type FieldMap = Partial<Record<DealField, string>>;

export const PRESET_FIELDS: Record<Exclude<CrmPreset, 'generic'>, FieldMap> = {
  zoho: {
    externalId: 'Record Id',
    name: 'Deal Name',
    customer: 'Account Name',
    owner: 'Deal Owner',
    amount: 'Amount',
    currency: 'Currency',
    stage: 'Stage',
    closedAt: 'Closing Date',
    createdAt: 'Created Time',
    channel: 'Lead Source',
    type: 'Type',
  },
  salesforce: {
    externalId: 'Opportunity ID',
    name: 'Opportunity Name',
    customer: 'Account Name',
    owner: 'Opportunity Owner',
    amount: 'Amount',
    currency: 'Opportunity Currency',
    stage: 'Stage',
    closedAt: 'Close Date',
    createdAt: 'Created Date',
    channel: 'Lead Source',
    type: 'Type',
    won: 'Won',
    closed: 'Closed',
  },
  hubspot: {
    externalId: 'Record ID',
    name: 'Deal Name',
    customer: 'Associated Company',
    owner: 'Deal owner',
    amount: 'Amount',
    stage: 'Deal Stage',
    closedAt: 'Close Date',
    createdAt: 'Create Date',
    channel: 'Original Source',
    type: 'Deal Type',
  },
  amocrm: {
    externalId: 'ID',
    name: 'Название сделки',
    customer: 'Компания',
    owner: 'Ответственный',
    amount: 'Бюджет',
    stage: 'Этап сделки',
    closedAt: 'Дата закрытия',
    createdAt: 'Дата создания',
    channel: 'Источник',
    type: 'Тип сделки',
  },
  bitrix24: {
    externalId: 'ID',
    name: 'Название',
    customer: 'Компания',
    owner: 'Ответственный',
    amount: 'Сумма',
    currency: 'Валюта',
    stage: 'Стадия сделки',
    closedAt: 'Дата закрытия',
    createdAt: 'Дата создания',
    channel: 'Источник',
    type: 'Тип',
  },
  fxiaoke: {
    externalId: '商机编号',
    name: '商机名称',
    customer: '客户名称',
    owner: '负责人',
    amount: '商机金额',
    currency: '币种',
    stage: '销售阶段',
    closedAt: '结单日期',
    createdAt: '创建时间',
    channel: '来源',
    type: '商机类型',
  },
};

/** Header synonyms (case-folded) for exports without a preset. */
const SYNONYMS: Record<DealField, string[]> = {
  externalId: ['id', 'deal id', 'record id', 'opportunity id', 'external id', 'ид', 'номер', '编号', '商机编号'],
  name: ['name', 'deal name', 'deal', 'title', 'opportunity name', 'название', 'сделка', '名称', '商机名称'],
  customer: ['customer', 'account', 'account name', 'company', 'client', 'компания', 'клиент', 'контрагент', '客户', '客户名称', '公司'],
  owner: ['owner', 'deal owner', 'sales rep', 'rep', 'responsible', 'assigned to', 'ответственный', 'менеджер', '负责人', '销售'],
  ownerEmail: ['owner email', 'owner e-mail', 'email', 'e-mail', 'почта ответственного', '负责人邮箱'],
  amount: ['amount', 'value', 'deal value', 'sum', 'budget', 'сумма', 'бюджет', '金额', '商机金额'],
  currency: ['currency', 'валюта', '币种', '货币'],
  stage: ['stage', 'deal stage', 'status', 'pipeline stage', 'этап', 'этап сделки', 'стадия', 'стадия сделки', '阶段', '销售阶段'],
  won: ['won', 'is won', 'выиграна'],
  closed: ['closed', 'is closed', 'закрыта'],
  createdAt: ['created', 'created at', 'created date', 'create date', 'created time', 'дата создания', '创建时间', '创建日期'],
  closedAt: [
    'closed at',
    'closed on',
    'close date',
    'closing date',
    'closed date',
    'date closed',
    'дата закрытия',
    'закрыта дата',
    '结单日期',
    '成交日期',
    '关闭日期',
    '关闭时间',
  ],
  channel: ['source', 'lead source', 'channel', 'original source', 'источник', 'канал', '来源', '渠道'],
  type: ['type', 'deal type', 'business type', 'тип', 'тип сделки', '类型', '商机类型'],
  product: ['product', 'products', 'product line', 'продукт', 'товар', '产品'],
  csat: ['csat', 'satisfaction', 'rating', 'оценка', 'оценка клиента', '满意度', '客户评分'],
  nps: ['nps', 'nps score', 'likelihood to recommend', '推荐值'],
  churnedAt: ['churned at', 'churn date', 'lost customer date', 'дата оттока', '流失日期'],
};

export function detectPreset(columns: string[]): CrmPreset {
  const have = new Set(columns.map(valueKey));
  let best: CrmPreset = 'generic';
  let bestScore = 0;
  for (const [preset, fields] of Object.entries(PRESET_FIELDS) as [CrmPreset, FieldMap][]) {
    const cols = Object.values(fields);
    const hit = cols.filter((c) => have.has(valueKey(c))).length;
    const score = hit / cols.length;
    if (score > bestScore) [best, bestScore] = [preset, score];
  }
  return bestScore >= 0.8 ? best : 'generic';
}

/**
 * Suggested field per column. `valuesOf` (a column's sample values) lets a column headed like
 * the closed flag ("closed", "Closed") that holds dates go to the close date instead.
 */
export function suggestFields(columns: string[], preset: CrmPreset, valuesOf?: (column: string) => string[]): FieldMap {
  const byKey = new Map(columns.map((c) => [valueKey(c), c]));
  const out: FieldMap = {};
  const used = new Set<string>();
  if (preset !== 'generic') {
    for (const [f, c] of Object.entries(PRESET_FIELDS[preset]) as [DealField, string][]) {
      const col = byKey.get(valueKey(c));
      if (col) {
        out[f] = col;
        used.add(col);
      }
    }
  }
  for (const [f, syns] of Object.entries(SYNONYMS) as [DealField, string[]][]) {
    if (out[f]) continue;
    const col = syns.map((s) => byKey.get(s)).find((c) => c && !used.has(c));
    if (col) {
      out[f] = col;
      used.add(col);
    }
  }
  // a "closed" column of dates is when the deal closed, not whether it did
  for (const flag of ['closed', 'won'] as const) {
    const col = out[flag];
    if (col && valuesOf && dateShare(valuesOf(col)) >= 0.8) {
      delete out[flag];
      if (flag === 'closed' && !out.closedAt) out.closedAt = col;
    }
  }
  return out;
}

/** Known stage names of the six CRMs' default pipelines: status and position in a 5-stage funnel. */
const KNOWN_STAGES: [string, StageRule][] = [
  ...['closed won', 'closed-won', 'won', 'closedwon', 'успешно реализовано', 'сделка успешна', 'выиграна', '赢单', '成交'].map(
    (s): [string, StageRule] => [s, { status: 'won', position: 5 }],
  ),
  ...['closed lost', 'closed-lost', 'lost', 'closedlost', 'закрыто и не реализовано', 'сделка провалена', 'проиграна', '输单', '丢单'].map(
    (s): [string, StageRule] => [s, { status: 'lost', position: 1 }],
  ),
  ...['qualification', 'prospecting', 'qualified to buy', 'appointment scheduled', 'первичный контакт', 'новая', '验证客户'].map(
    (s): [string, StageRule] => [s, { status: 'open', position: 1 }],
  ),
  ...['needs analysis', 'presentation scheduled', 'переговоры', 'подготовка документов', '需求确定'].map((s): [string, StageRule] => [
    s,
    { status: 'open', position: 2 },
  ]),
  ...['proposal/price quote', 'decision maker bought-in', 'принимают решение', 'счёт на предоплату', 'счет на предоплату', '方案/报价'].map(
    (s): [string, StageRule] => [s, { status: 'open', position: 3 }],
  ),
  ...['negotiation/review', 'contract sent', 'согласование договора', 'в работе', 'финальный счёт', '谈判审核'].map(
    (s): [string, StageRule] => [s, { status: 'open', position: 4 }],
  ),
];
const STAGE_MAP = new Map(KNOWN_STAGES.map(([k, v]) => [valueKey(k), v]));

export function suggestStage(value: string): StageRule {
  return STAGE_MAP.get(valueKey(value)) ?? { status: 'open', position: 1 };
}
export const isKnownStage = (value: string) => STAGE_MAP.has(valueKey(value));

const REPEAT = [
  'existing business',
  'existing customer - upgrade',
  'existing customer - replacement',
  'existing customer - downgrade',
  'existingbusiness',
  'renewal',
  'repeat',
  'upsell',
  'повторная',
  'повторная продажа',
  'продление',
  '老客户复购',
  '续约',
  '复购',
];
const REPEAT_SET = new Set(REPEAT.map(valueKey));
export const isRepeatValue = (v: string) => REPEAT_SET.has(valueKey(v));

/** Default grouping of source values into direct/indirect and online/offline. */
const CHANNEL_GROUPS: [RegExp, 'direct' | 'indirect', 'online' | 'offline'][] = [
  [/marketplace|маркетплейс|电商|ozon|wildberries|tmall|amazon/i, 'indirect', 'online'],
  [/partner|distribut|dealer|reseller|wholesale|партн|дистриб|дилер|опт|渠道|代理|经销/i, 'indirect', 'offline'],
  [/web|site|online|chat|e-?mail|social|ads|seo|сайт|чат|почт|соцсет|реклам|官网|网站|在线|邮件|社交/i, 'direct', 'online'],
];
export function defaultChannelGroup(value: string): { kind: 'direct' | 'indirect'; mode: 'online' | 'offline' } {
  for (const [re, kind, mode] of CHANNEL_GROUPS) if (re.test(value)) return { kind, mode };
  return { kind: 'direct', mode: 'offline' };
}
