import { describe, expect, it } from 'vitest';
import { marked } from 'marked';
import { fillPlaceholders, markPlaceholders, parsePlaceholders, placeholderNames, SLOT_PATTERN } from '../../shared/scripts/placeholders';

const fields = (text: string) =>
  parsePlaceholders(text)
    .filter((p) => p.kind === 'field')
    .map((p) => (p.kind === 'field' ? p.name : ''));

describe('placeholders: parsing', () => {
  it('finds the well-known ones and keeps the text around them', () => {
    expect(parsePlaceholders('Hello {customer_name}, this is {rep_name} from {company}.')).toEqual([
      { kind: 'text', text: 'Hello ' },
      { kind: 'field', name: 'customer_name', raw: '{customer_name}' },
      { kind: 'text', text: ', this is ' },
      { kind: 'field', name: 'rep_name', raw: '{rep_name}' },
      { kind: 'text', text: ' from ' },
      { kind: 'field', name: 'company', raw: '{company}' },
      { kind: 'text', text: '.' },
    ]);
  });
  it('reads Russian and Chinese text and names', () => {
    expect(fields('Здравствуйте, {customer_name}! Меня зовут {rep_name}, компания «{company}».')).toEqual([
      'customer_name',
      'rep_name',
      'company',
    ]);
    expect(fields('您好，{customer_name}，我是{company}的{rep_name}。关于{产品}')).toEqual([
      'customer_name',
      'company',
      'rep_name',
      '产品',
    ]);
    expect(fields('Уточните у {имя_клиента} объём')).toEqual(['имя_клиента']);
  });
  it('handles adjacent and repeated placeholders; one name whatever its case', () => {
    expect(fields('{customer_name}{company}')).toEqual(['customer_name', 'company']);
    expect(placeholderNames(['{Company} and {company}', 'again {COMPANY}, then {product}'])).toEqual(['company', 'product']);
  });
  it('keeps unknown names as fields, and malformed braces as text', () => {
    expect(fields('{budget_2026}')).toEqual(['budget_2026']);
    for (const text of [
      '{',
      '}',
      '{}',
      '{ company }',
      '{{company}}',
      '{{company}',
      '{company}}',
      'a { b } c',
      '{company',
      'company}',
      '{a-b}',
      `{${'x'.repeat(41)}}`,
    ]) {
      expect(parsePlaceholders(text), text).toEqual([{ kind: 'text', text }]);
    }
    expect(parsePlaceholders('')).toEqual([]);
    // doubled braces beside a real one
    expect(fields('{{x}} {product}')).toEqual(['product']);
  });
});

describe('placeholders: filling', () => {
  it('replaces every occurrence; unfilled and blank ones stay as written', () => {
    const v = { customer_name: 'Анна', company: '  ' };
    expect(fillPlaceholders('{customer_name}, {Customer_Name}! {company} {product}', v)).toBe('Анна, Анна! {company} {product}');
    expect(fillPlaceholders('{{customer_name}} {', v)).toBe('{{customer_name}} {');
    expect(fillPlaceholders('您好，{customer_name}', { customer_name: '王伟' })).toBe('您好，王伟');
  });
  it('inserts values literally: braces or $-patterns in a value are not read again', () => {
    expect(fillPlaceholders('{a} {b}', { a: '{b}', b: "$& $1 $'" })).toBe("{b} $& $1 $'");
  });
  it('HTML in a value stays text: the plain fill is never HTML, and Markdown slots never carry values', () => {
    const evil = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
    expect(fillPlaceholders('Hi {customer_name}', { customer_name: evil })).toBe(`Hi ${evil}`);
    // the Markdown the live screen renders holds markers only; the value goes into an input's value
    const { md, slots } = markPlaceholders('**Hi** {customer_name}, about {product} and {customer_name}');
    expect(slots).toEqual(['customer_name', 'product', 'customer_name']);
    const html = marked.parse(md, { async: false });
    expect([...html.matchAll(SLOT_PATTERN)].map((m) => Number(m[1]))).toEqual([0, 1, 2]);
    expect(html).not.toContain('{');
  });
  it('a marker typed into the text cannot fake a slot', () => {
    const { md, slots } = markPlaceholders('x \uE0007\uE001 {company}');
    expect(slots).toEqual(['company']);
    expect([...md.matchAll(SLOT_PATTERN)].map((m) => m[1])).toEqual(['0']);
  });
});
