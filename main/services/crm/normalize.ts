/** Turns one exported row into a deal as it will be stored, or row-level errors (row, column, value, why). */
import { AppError } from '../../../shared/api/contract';
import {
  REQUIRED_FIELDS,
  type CrmMapping,
  type CrmRowError,
  type DealField,
  type DealStatus,
  type StageRule,
} from '../../../shared/api/crm';
import { nameKey, parseCrmDate, parseCrmNumber, valueKey, type ParseError } from '../../../shared/domain/crmParse';
import { normalizeCurrency } from '../../../shared/domain/currency';
import type { OwnerIndex } from './owners';

export interface NormalDeal {
  externalId: string;
  name: string;
  customer: string;
  ownerValue: string;
  repId: number;
  amount: number | null;
  currency: string;
  stage: string;
  status: DealStatus;
  position: number;
  createdAt: string;
  closedAt: string | null;
  channel: string;
  product: string;
  isRepeat: boolean;
  csat: number | null;
  nps: number | null;
  churnedAt: string | null;
}

export type NormalResult =
  { ok: true; deal: NormalDeal } | { ok: false; errors: CrmRowError[]; ownerUnknown?: string; stageUnmapped?: string; skipped?: boolean };

const TRUE = new Set(['1', 'true', 'yes', 'y', 'да', '是', 'won', 'closed']);

/** Checks the mapping against the file's header; throws a clear invalid_input error naming the field. */
export function columnIndex(header: string[], mapping: CrmMapping): Partial<Record<DealField, number>> {
  const idx: Partial<Record<DealField, number>> = {};
  const seen = new Map<string, DealField>();
  for (const [field, col] of Object.entries(mapping.fields) as [DealField, string][]) {
    if (!col) continue;
    const i = header.findIndex((h) => h.trim() === col.trim());
    if (i < 0)
      throw new AppError('invalid_input', `The column "${col}" mapped to ${field} is not in the file.`, `mapping.fields.${field}`, {
        key: 'columnMissing',
        params: { column: col, field },
      });
    const other = seen.get(col);
    if (other)
      throw new AppError(
        'invalid_input',
        `The column "${col}" is mapped twice (${other} and ${field}); map each column to one field.`,
        `mapping.fields.${field}`,
        { key: 'mappedTwice', params: { column: col, a: other, b: field } },
      );
    seen.set(col, field);
    idx[field] = i;
  }
  for (const f of REQUIRED_FIELDS)
    if (idx[f] === undefined)
      throw new AppError('invalid_input', `Map a column to the required field ${f}.`, `mapping.fields.${f}`, {
        key: 'fieldRequired',
        params: { field: f },
      });
  return idx;
}

export function makeNormalizer(header: string[], mapping: CrmMapping, owners: OwnerIndex) {
  const idx = columnIndex(header, mapping);
  // amounts in an unknown currency cannot be converted for revenue: the wizard asks for the file's currency
  if (idx.amount !== undefined && idx.currency === undefined && !mapping.fileCurrency)
    throw new AppError('invalid_input', 'This file has no currency column: choose the currency of its amounts.', 'mapping.fileCurrency', {
      key: 'currencyRequired',
    });
  const currencyCache = new Map<string, string | null>();
  const currencyOf = (v: string) => {
    let c = currencyCache.get(v);
    if (c === undefined) currencyCache.set(v, (c = normalizeCurrency(v)));
    return c;
  };
  const stages = new Map<string, StageRule>(Object.entries(mapping.stages).map(([k, v]) => [valueKey(k), v]));
  const repeat = new Set(mapping.repeatValues.map(valueKey));
  const explicitSkip = new Set(
    Object.entries(mapping.owners)
      .filter(([, v]) => v === 0)
      .map(([k]) => nameKey(k)),
  );
  const col = (f: DealField) => mapping.fields[f] ?? f;
  // per-value caches: an export repeats the same few owners and stages a million times
  const skipCache = new Map<string, boolean>();
  const isSkipped = (v: string) => {
    if (explicitSkip.size === 0) return false;
    let r = skipCache.get(v);
    if (r === undefined) skipCache.set(v, (r = explicitSkip.has(nameKey(v))));
    return r;
  };
  const stageCache = new Map<string, StageRule | undefined>();
  const stageRule = (v: string) => {
    if (stageCache.has(v)) return stageCache.get(v);
    const r = stages.get(valueKey(v));
    stageCache.set(v, r);
    return r;
  };
  const repeatCache = new Map<string, boolean>();
  const isRepeat = (v: string) => {
    let r = repeatCache.get(v);
    if (r === undefined) repeatCache.set(v, (r = repeat.has(valueKey(v))));
    return r;
  };
  const get = (cells: string[], f: DealField) => {
    const i = idx[f];
    return i === undefined ? '' : (cells[i] ?? '').trim();
  };

  return (cells: string[], row: number): NormalResult => {
    const errors: CrmRowError[] = [];
    // copied: a slice of the cell would keep its whole parse chunk alive while errors are collected
    const err = (f: DealField, value: string, message: string, key: string, params?: Record<string, string | number>) =>
      errors.push({ row, column: col(f), value: Buffer.from(value.slice(0, 120)).toString(), message, key, ...(params ? { params } : {}) });
    const parseErr = (f: DealField, value: string, e: ParseError) => err(f, value, e.error, e.key, e.params);
    const externalId = get(cells, 'externalId');
    if (!externalId) err('externalId', '', 'the deal has no ID', 'noId');
    else if (externalId.length > 120) err('externalId', externalId, 'the ID is longer than 120 characters', 'idTooLong', { max: 120 });

    const ownerValue = get(cells, 'owner');
    let repId = 0;
    let ownerUnknown: string | undefined;
    if (isSkipped(ownerValue)) return { ok: false, errors: [], skipped: true };
    const owner = ownerValue ? owners.resolve(ownerValue, get(cells, 'ownerEmail')) : null;
    if (!ownerValue) err('owner', '', 'the deal has no owner', 'noOwner');
    else if (!owner) {
      ownerUnknown = ownerValue;
      err('owner', ownerValue, 'the owner is not in the roster: match them to a person or skip their deals', 'ownerUnknown');
    } else repId = owner.personId;

    const stage = get(cells, 'stage');
    let rule = stageRule(stage);
    let stageUnmapped: string | undefined;
    if (idx.won !== undefined && idx.closed !== undefined) {
      const closed = TRUE.has(valueKey(get(cells, 'closed')));
      const won = TRUE.has(valueKey(get(cells, 'won')));
      const status: DealStatus = closed ? (won ? 'won' : 'lost') : 'open';
      rule = { status, position: status === 'won' ? 5 : (rule?.position ?? 1) };
    } else if (!rule) {
      stageUnmapped = stage;
      if (stage) err('stage', stage, 'this stage is not mapped to open/won/lost', 'stageUnmapped');
      else err('stage', '', 'the deal has no stage', 'noStage');
    }

    const created = get(cells, 'createdAt');
    let createdAt = '';
    if (!created) err('createdAt', '', 'the deal has no creation date', 'noCreated');
    else {
      const d = parseCrmDate(created, mapping.dateFormat);
      if ('error' in d) parseErr('createdAt', created, d);
      else createdAt = d.value;
    }
    let closedAt: string | null = null;
    const closedRaw = get(cells, 'closedAt');
    if (rule && rule.status !== 'open') {
      if (!closedRaw) err('closedAt', '', 'a won or lost deal needs a close date', 'needsClose');
      else {
        const d = parseCrmDate(closedRaw, mapping.dateFormat);
        if ('error' in d) parseErr('closedAt', closedRaw, d);
        else closedAt = d.value;
      }
    }

    let amount: number | null = null;
    const amountRaw = get(cells, 'amount');
    if (amountRaw) {
      const a = parseCrmNumber(amountRaw, mapping.numberFormat);
      if ('error' in a) parseErr('amount', amountRaw, a);
      else if (a.value < 0) err('amount', amountRaw, 'the amount is negative', 'negative');
      else amount = a.value;
    }

    // the deal's currency as an ISO 4217 code (人民币 -> CNY, руб. -> RUB, $ -> USD); blank cells take the file's currency
    const currencyRaw = get(cells, 'currency');
    let currency = mapping.fileCurrency ?? '';
    if (currencyRaw) {
      const c = currencyOf(currencyRaw);
      if (c) currency = c;
      else
        err(
          'currency',
          currencyRaw,
          `"${currencyRaw}" is not a currency this app knows: use an ISO 4217 code such as USD, EUR, RUB or CNY`,
          'currencyUnknown',
          { value: currencyRaw },
        );
    } else if (amount !== null && !currency) err('currency', '', 'the deal has an amount but no currency', 'noCurrency');

    const intIn = (f: DealField, min: number, max: number) => {
      const raw = get(cells, f);
      if (!raw) return null;
      const n = Number(raw.replace(',', '.'));
      if (!Number.isInteger(n) || n < min || n > max) {
        err(f, raw, `expected a whole number from ${min} to ${max}`, 'wholeNumber', { min, max });
        return null;
      }
      return n;
    };
    const csat = intIn('csat', 1, 5);
    const nps = intIn('nps', 0, 10);
    let churnedAt: string | null = null;
    const churnRaw = get(cells, 'churnedAt');
    if (churnRaw) {
      const d = parseCrmDate(churnRaw, mapping.dateFormat);
      if ('error' in d) parseErr('churnedAt', churnRaw, d);
      else churnedAt = d.value;
    }

    if (errors.length) return { ok: false, errors, ownerUnknown, stageUnmapped };
    const typeValue = get(cells, 'type');
    return {
      ok: true,
      deal: {
        externalId,
        name: get(cells, 'name').slice(0, 300),
        customer: get(cells, 'customer').slice(0, 300),
        ownerValue,
        repId,
        amount,
        currency,
        stage: stage.slice(0, 120),
        status: rule!.status,
        position: rule!.status === 'won' ? 5 : rule!.position,
        createdAt,
        closedAt,
        channel: get(cells, 'channel').slice(0, 120),
        product: get(cells, 'product').slice(0, 120),
        isRepeat: typeValue ? isRepeat(typeValue) : false,
        csat,
        nps,
        churnedAt,
      },
    };
  };
}
