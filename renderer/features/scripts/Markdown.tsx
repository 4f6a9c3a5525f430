/** Markdown for talking points: marked renders, DOMPurify sanitises, so HTML/script in user text stays inert. */
import { safeMarkdownHtml } from '../../lib/markdown';
import { useMemo } from 'react';
import { Typography } from '@mantine/core';

export function renderMarkdown(md: string): string {
  return safeMarkdownHtml(md, { breaks: true });
}

export function Markdown({ text, size, testId }: { text: string; size?: string; testId?: string }) {
  const html = useMemo(() => renderMarkdown(text), [text]);
  return (
    <Typography style={size ? { fontSize: size } : undefined}>
      <div dangerouslySetInnerHTML={{ __html: html }} data-testid={testId} />
    </Typography>
  );
}
