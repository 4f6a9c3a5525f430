/**
 * `{name}` placeholders in script text (talking points, step text, objection answers): `{customer_name}`,
 * `{company}`, `{rep_name}`, `{product}`, or any name of letters, digits and underscores in any script
 * (`{имя_клиента}`, `{客户}`). The rep fills each one once per call; the values replace every occurrence.
 * Anything else with braces is plain text: a lone `{`, `{}`, `{ x }`, and doubled braces `{{x}}` (the way to
 * write braces that must stay).
 */
export type Piece = { kind: 'text'; text: string } | { kind: 'field'; name: string; raw: string };

/** The placeholders the app knows and labels; others are shown by their own name. */
export const KNOWN_PLACEHOLDERS = ['customer_name', 'company', 'rep_name', 'product'] as const;

// not part of a doubled brace on either side; a name of 1–40 letters/digits/underscores
const PLACEHOLDER = /(?<!\{)\{([\p{L}\p{N}_]{1,40})\}(?!\})/gu;

/** The same placeholder whatever its case: `{Company}` and `{company}` are one field. */
export const placeholderKey = (name: string) => name.toLocaleLowerCase('en');

/** Text and placeholders in order; adjacent text is merged, so no piece is empty. */
export function parsePlaceholders(text: string): Piece[] {
  const out: Piece[] = [];
  let last = 0;
  for (const m of text.matchAll(PLACEHOLDER)) {
    if (m.index > last) out.push({ kind: 'text', text: text.slice(last, m.index) });
    out.push({ kind: 'field', name: placeholderKey(m[1]), raw: m[0] });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ kind: 'text', text: text.slice(last) });
  return out;
}

/** Every placeholder the texts use, once each, in order of first use. */
export function placeholderNames(texts: Iterable<string>): string[] {
  const seen = new Set<string>();
  for (const t of texts) for (const p of parsePlaceholders(t)) if (p.kind === 'field') seen.add(p.name);
  return [...seen];
}

export type PlaceholderValues = Readonly<Record<string, string>>;

/** A value counts when it has more than spaces; it is used as typed (trimmed). */
export function filledValue(values: PlaceholderValues, name: string): string | null {
  const v = values[placeholderKey(name)]?.trim();
  return v ? v : null;
}

/**
 * Plain text with the filled values (for the clipboard and anything shown as text); a placeholder without a
 * value stays `{name}`, so a pasted answer shows what is still missing.
 */
export function fillPlaceholders(text: string, values: PlaceholderValues): string {
  return parsePlaceholders(text)
    .map((p) => (p.kind === 'text' ? p.text : (filledValue(values, p.name) ?? p.raw)))
    .join('');
}

/** Private-use characters around a slot number: Markdown leaves them alone and no typed text contains them. */
export const SLOT_OPEN = '\uE000';
export const SLOT_CLOSE = '\uE001';
export const SLOT_PATTERN = /\uE000(\d+)\uE001/g;

/**
 * Markdown source with each placeholder swapped for a numbered slot marker, and the slot names in order: the
 * renderer renders the Markdown, then puts an input where each marker's text landed (never the value into the
 * source, so nothing a rep types is ever read as Markdown or HTML). Private-use characters already in the text
 * are dropped so they cannot fake a slot.
 */
export function markPlaceholders(md: string): { md: string; slots: string[] } {
  const slots: string[] = [];
  const marked = parsePlaceholders(md.replace(/[\uE000\uE001]/g, ''))
    .map((p) => {
      if (p.kind === 'text') return p.text;
      slots.push(p.name);
      return `${SLOT_OPEN}${slots.length - 1}${SLOT_CLOSE}`;
    })
    .join('');
  return { md: marked, slots };
}
