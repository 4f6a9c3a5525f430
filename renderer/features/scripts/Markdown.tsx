/** Markdown for talking points: marked renders, DOMPurify sanitises, so HTML/script in user text stays inert. */
import { safeMarkdownHtml } from '../../lib/markdown';
import { useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { Typography } from '@mantine/core';
import { markPlaceholders, SLOT_PATTERN } from '../../../shared/scripts/placeholders';

export function renderMarkdown(md: string): string {
  return safeMarkdownHtml(md, { breaks: true });
}

/**
 * `placeholder` given: each `{name}` becomes what it returns (an input in live-call mode, a highlight in the
 * editor's preview). The Markdown is rendered with private-use markers in their place, then each marker in the
 * rendered text becomes an empty span the element is portalled into; a marker that landed in an attribute (a
 * link address) is dropped.
 */
export function Markdown({
  text,
  size,
  testId,
  placeholder,
}: {
  text: string;
  size?: string;
  testId?: string;
  placeholder?: (name: string) => ReactNode;
}) {
  const withSlots = !!placeholder;
  const prepared = useMemo(() => (withSlots ? markPlaceholders(text) : { md: text, slots: [] as string[] }), [text, withSlots]);
  const html = useMemo(() => renderMarkdown(prepared.md), [prepared]);
  const ref = useRef<HTMLDivElement>(null);
  const [targets, setTargets] = useState<{ el: HTMLElement; name: string }[]>([]);
  useLayoutEffect(() => {
    const root = ref.current;
    if (!root || !prepared.slots.length) return setTargets([]);
    const found: { el: HTMLElement; name: string }[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const texts: Text[] = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) if (/\uE000\d+\uE001/.test((n as Text).data)) texts.push(n as Text);
    for (const node of texts) {
      const frag = document.createDocumentFragment();
      let last = 0;
      for (const m of node.data.matchAll(SLOT_PATTERN)) {
        if (m.index > last) frag.append(node.data.slice(last, m.index));
        const name = prepared.slots[Number(m[1])];
        if (name) {
          const span = document.createElement('span');
          span.dataset.placeholderSlot = name;
          frag.append(span);
          found.push({ el: span, name });
        }
        last = m.index + m[0].length;
      }
      if (last < node.data.length) frag.append(node.data.slice(last));
      node.replaceWith(frag);
    }
    for (const el of root.querySelectorAll('*'))
      for (const a of [...el.attributes])
        if (/[\uE000\uE001]/.test(a.value)) el.setAttribute(a.name, a.value.replace(/\uE000\d*\uE001?/g, ''));
    setTargets(found);
  }, [html, prepared]);
  return (
    <Typography style={size ? { fontSize: size } : undefined}>
      <div ref={ref} dangerouslySetInnerHTML={{ __html: html }} data-testid={testId} />
      {placeholder && targets.map((s, i) => createPortal(placeholder(s.name), s.el, `${i}-${s.name}`))}
    </Typography>
  );
}
