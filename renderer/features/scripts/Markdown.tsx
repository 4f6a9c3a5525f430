/** Markdown for talking points: marked renders, DOMPurify sanitises, so HTML/script in user text stays inert. */
import DOMPurify from 'dompurify';
import { marked } from 'marked';
import { useMemo } from 'react';
import { Typography } from '@mantine/core';

// An image written without a description is decorative to a screen reader (alt=""), never an unnamed image.
DOMPurify.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'IMG' && !node.hasAttribute('alt')) node.setAttribute('alt', '');
});

export function renderMarkdown(md: string): string {
  const html = marked.parse(md, { async: false, gfm: true, breaks: true });
  return DOMPurify.sanitize(html, { FORBID_TAGS: ['style', 'form', 'input', 'iframe'], FORBID_ATTR: ['style'] });
}

export function Markdown({ text, size, testId }: { text: string; size?: string; testId?: string }) {
  const html = useMemo(() => renderMarkdown(text), [text]);
  return (
    <Typography style={size ? { fontSize: size } : undefined}>
      <div dangerouslySetInnerHTML={{ __html: html }} data-testid={testId} />
    </Typography>
  );
}
