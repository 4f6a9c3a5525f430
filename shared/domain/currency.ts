/**
 * Currencies of CRM deals as ISO 4217 codes: the names, symbols and abbreviations real exports
 * use (人民币, RMB, ¥, 元, руб., ₽, $, €…) mapped to codes, and conversion of an amount to the
 * workspace's reporting currency with a rate for the deal's month. Pure functions.
 */

/** Active ISO 4217 codes (without funds and precious metals). */
export const ISO_CURRENCIES = (
  'AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP BYN BZD CAD CDF CHF CLP CNY COP CRC CUP CVE CZK ' +
  'DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF ' +
  'KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK ' +
  'PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX ' +
  'USD UYU UZS VES VND VUV WST XAF XCD XOF XPF YER ZAR ZMW ZWG'
).split(' ');
const ISO = new Set(ISO_CURRENCIES);

/** Names, symbols and local abbreviations (case-folded, without spaces and final dots) -> ISO code. */
const ALIASES: Record<string, string> = {
  // Chinese yuan
  人民币: 'CNY',
  人民幣: 'CNY',
  rmb: 'CNY',
  元: 'CNY',
  '¥': 'CNY',
  '￥': 'CNY',
  'cn¥': 'CNY',
  yuan: 'CNY',
  人民币元: 'CNY',
  юань: 'CNY',
  юани: 'CNY',
  // Russian rouble
  '₽': 'RUB',
  руб: 'RUB',
  р: 'RUB',
  рубль: 'RUB',
  рубли: 'RUB',
  рублей: 'RUB',
  rur: 'RUB',
  'рубль рф': 'RUB',
  卢布: 'RUB',
  rouble: 'RUB',
  ruble: 'RUB',
  // US dollar
  $: 'USD',
  us$: 'USD',
  доллар: 'USD',
  долл: 'USD',
  'доллар сша': 'USD',
  美元: 'USD',
  dollar: 'USD',
  'us dollar': 'USD',
  // euro
  '€': 'EUR',
  euro: 'EUR',
  евро: 'EUR',
  欧元: 'EUR',
  // others seen in exports
  '£': 'GBP',
  '₸': 'KZT',
  тенге: 'KZT',
  '₴': 'UAH',
  грн: 'UAH',
  гривна: 'UAH',
  br: 'BYN',
  'бел. руб': 'BYN',
  'бел.руб': 'BYN',
  '₹': 'INR',
  '₩': 'KRW',
  円: 'JPY',
  日元: 'JPY',
  hk$: 'HKD',
  港币: 'HKD',
  港元: 'HKD',
  a$: 'AUD',
  c$: 'CAD',
  chf: 'CHF',
  '₺': 'TRY',
};

const fold = (s: string) => s.normalize('NFKC').trim().toLowerCase().replace(/ё/g, 'е').replace(/\.+$/, '').replace(/\s+/g, ' ');

/** The ISO code of a currency as an export writes it, or null when it is not a currency we know. */
export function normalizeCurrency(raw: string): string | null {
  const s = raw.trim();
  if (!s) return null;
  const upper = s.toUpperCase();
  if (ISO.has(upper)) return upper;
  const f = fold(s);
  return ALIASES[f] ?? ALIASES[f.replace(/\s/g, '')] ?? (upper === 'RUR' ? 'RUB' : null);
}

export const isIsoCurrency = (code: string) => ISO.has(code);

/** "YYYY-MM" of y*12 + month0 (the dataset's month index). */
export const monthKeyOf = (m: number) => `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
/** y*12 + month0 of "YYYY-MM". */
export const monthIndexOf = (key: string) => Number(key.slice(0, 4)) * 12 + Number(key.slice(5, 7)) - 1;
