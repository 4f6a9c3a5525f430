/**
 * fast-check arbitraries generated from a zod 4 schema (read through its
 * `_zod.def`), for fuzzing every contract method. Values are mostly valid, so
 * they reach the handlers, with hostile strings (markup, paths, impossible
 * dates, control and CJK characters) and, now and then, a value of the wrong
 * type, so validation is fuzzed too. Only JSON-representable values: what a
 * host can actually receive.
 */
import fc from 'fast-check';
import type { z } from 'zod';

interface Def {
  type: string;
  checks?: { _zod: { def: Record<string, unknown> } }[];
  [k: string]: unknown;
}
const defOf = (s: unknown): Def => (s as { _zod: { def: Def } })._zod.def;

export const HOSTILE_STRINGS = [
  '',
  ' ',
  '<img src=x onerror="window.__xss=1">',
  '<script>window.__xss=1</script>',
  '[x](javascript:window.__xss=1)',
  '<svg onload=window.__xss=1>',
  '<style>body{display:none}</style>',
  '../../../../etc/passwd',
  '/',
  '.',
  'C:\\Windows\\System32',
  '%E0%A4%A',
  '__proto__',
  'constructor',
  '9999-99-99',
  '2025-13-45',
  '2025-02-30',
  '2025-02-28',
  '1900-01-01',
  '2200-12-31',
  '2025-06',
  '2025-06-15T10:30',
  "'; DROP TABLE people; --",
  '=HYPERLINK("http://evil")',
  '\u0000\u0007\u001b[31m',
  'Анна Петрова',
  '张伟',
  '"quoted" \\ back\\slash',
  'a'.repeat(300),
  'https://example.org/page',
  'a@b.co',
];

interface Range {
  min?: number;
  max?: number;
  int: boolean;
}

function numberRange(d: Def): Range {
  const r: Range = { int: false };
  for (const c of d.checks ?? []) {
    const cd = c._zod.def;
    if (cd.check === 'number_format') r.int = true;
    if (cd.check === 'greater_than') r.min = (cd.value as number) + (cd.inclusive ? 0 : r.int ? 1 : 1e-9);
    if (cd.check === 'less_than') r.max = (cd.value as number) - (cd.inclusive ? 0 : r.int ? 1 : 1e-9);
  }
  return r;
}

function stringShape(d: Def) {
  let min = 0;
  let max = Infinity;
  let pattern: RegExp | undefined = d.pattern instanceof RegExp ? d.pattern : undefined;
  for (const c of d.checks ?? []) {
    const cd = c._zod.def;
    if (cd.check === 'max_length') max = cd.maximum as number;
    if (cd.check === 'min_length') min = cd.minimum as number;
    if (cd.check === 'length_equals') min = max = cd.length as number;
    if (cd.check === 'string_format' && cd.pattern instanceof RegExp) pattern = cd.pattern;
  }
  return { min, max, pattern, format: typeof d.format === 'string' ? d.format : undefined };
}

const wrongType = fc.oneof(fc.constant(null), fc.integer(), fc.boolean(), fc.string({ maxLength: 5 }), fc.constant([]), fc.constant({}));

/** Strings that match `pattern`. fast-check cannot generate from lookaheads, so
 *  strip them for generation and keep only what the full pattern accepts. */
function matching(pattern: RegExp, max: number): fc.Arbitrary<string> {
  const simple = new RegExp(pattern.source.replace(/\(\?[=!][^()]*\)/g, ''), pattern.flags);
  return fc.stringMatching(simple).filter((s) => s.length <= max && pattern.test(s));
}

export function arbitraryFor(schema: z.ZodType, depth = 0): fc.Arbitrary<unknown> {
  const d = defOf(schema);
  const inner = (s: unknown) => arbitraryFor(s as z.ZodType, depth + 1);
  const base = ((): fc.Arbitrary<unknown> => {
    switch (d.type) {
      case 'string': {
        const { min, max, pattern, format } = stringShape(d);
        const cap = Math.min(max, 80);
        const opts: fc.Arbitrary<string>[] = [
          fc.string({ minLength: Math.min(min, cap), maxLength: cap, unit: 'grapheme' }),
          fc.constantFrom(...HOSTILE_STRINGS),
        ];
        if (format === 'email') opts.push(fc.emailAddress());
        if (format === 'url') opts.push(fc.webUrl());
        if (pattern) opts.push(matching(pattern, max), matching(pattern, max));
        return fc.oneof(...opts);
      }
      case 'number': {
        const r = numberRange(d);
        const lo = Math.max(r.min ?? -1e6, -1e9);
        const hi = Math.min(r.max ?? 1e6, 1e9);
        if (r.int) {
          // small ids hit real rows of the demo workspace
          const small = fc.integer({ min: Math.ceil(Math.max(lo, -2)), max: Math.floor(Math.max(Math.min(hi, 60), Math.max(lo, -2))) });
          return fc.oneof(
            small,
            fc.integer({ min: Math.ceil(lo), max: Math.floor(hi) }),
            fc.constantFrom(0, -1, 2 ** 31, Number.MAX_SAFE_INTEGER),
          );
        }
        return fc.oneof(fc.double({ min: lo, max: hi, noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0, -0.5, 1e308));
      }
      case 'boolean':
        return fc.boolean();
      case 'null':
        return fc.constant(null);
      case 'enum':
        return fc.constantFrom(...Object.values(d.entries as Record<string, string | number>));
      case 'literal':
        return fc.constantFrom(...(d.values as unknown[]));
      case 'object': {
        const shape = d.shape as Record<string, z.ZodType>;
        const model: Record<string, fc.Arbitrary<unknown>> = {};
        const required: string[] = [];
        for (const [k, v] of Object.entries(shape)) {
          model[k] = inner(v);
          const t = defOf(v).type;
          if (t !== 'optional' && t !== 'default' && t !== 'prefault') required.push(k);
        }
        return fc.record(model, { requiredKeys: required });
      }
      case 'array': {
        let min = 0;
        let max = 6;
        for (const c of d.checks ?? []) {
          const cd = c._zod.def;
          if (cd.check === 'max_length') max = Math.min(max, cd.maximum as number);
          if (cd.check === 'min_length') min = cd.minimum as number;
          if (cd.check === 'length_equals') min = max = cd.length as number; // e.g. a competency's five levels
        }
        return depth > 6 ? fc.constant([]) : fc.array(inner(d.element), { minLength: min, maxLength: Math.max(min, max) });
      }
      case 'record': {
        const key = defOf(d.keyType);
        if (key.type === 'enum') {
          const keys = Object.values(key.entries as Record<string, string>);
          return fc.record(Object.fromEntries(keys.map((k) => [k, inner(d.valueType)])), { requiredKeys: d.partial ? [] : keys });
        }
        // keys with a pattern (locale codes…) mostly match it, so that records of many such maps (a competency's
        // names, description and five levels) still parse often enough for the service to be reached
        const shape = key.type === 'string' ? stringShape(key) : undefined;
        const keys = shape?.pattern
          ? fc.oneof(
              { arbitrary: matching(shape.pattern, shape.max), weight: 9 },
              { arbitrary: inner(d.keyType) as fc.Arbitrary<string>, weight: 1 },
            )
          : (inner(d.keyType) as fc.Arbitrary<string>);
        return fc.dictionary(keys, inner(d.valueType), { maxKeys: 4 });
      }
      case 'tuple':
        return fc.tuple(...(d.items as z.ZodType[]).map(inner));
      case 'union':
        return fc.oneof(...(d.options as z.ZodType[]).map(inner));
      case 'optional':
        return fc.oneof({ arbitrary: inner(d.innerType), weight: 4 }, { arbitrary: fc.constant(undefined), weight: 1 });
      case 'nullable':
        return fc.oneof({ arbitrary: inner(d.innerType), weight: 3 }, { arbitrary: fc.constant(null), weight: 1 });
      case 'default':
      case 'prefault':
      case 'catch':
      case 'readonly':
      case 'nonoptional':
        return fc.oneof({ arbitrary: inner(d.innerType), weight: 4 }, { arbitrary: fc.constant(undefined), weight: 1 });
      case 'pipe':
        return inner(d.in);
      case 'lazy':
        return depth > 6 ? fc.constant(null) : inner((d.getter as () => z.ZodType)());
      case 'intersection':
        return inner(d.left);
      default:
        return fc.jsonValue({ maxDepth: 2 });
    }
  })();
  // now and then a value of the wrong type, so validation paths are fuzzed too
  return depth === 0 ? base : fc.oneof({ arbitrary: base, weight: 19 }, { arbitrary: wrongType, weight: 1 });
}
