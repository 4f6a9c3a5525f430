/** Small shared pieces of the training UI: safe Markdown, language picks, status badges. */
import { Badge, Typography } from '@mantine/core';
import i18n from 'i18next';
import { safeMarkdownHtml } from '../../lib/markdown';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocalizedText } from '../../../shared/api/training';
import type { AssignmentStatus } from '../../../shared/domain/assignment';

/** Markdown -> sanitised HTML (user text: scripts, handlers and javascript: URLs are stripped). */
export function Markdown({ source, testId }: { source: string; testId?: string }) {
  const html = useMemo(() => safeMarkdownHtml(source), [source]);
  return (
    <Typography>
      <div data-testid={testId} dangerouslySetInnerHTML={{ __html: html }} />
    </Typography>
  );
}

/** The text in the UI language, falling back to English. */
export const l3 = (v: LocalizedText | undefined | null) => {
  if (!v) return '';
  return v[i18n.language] || v.en || '';
};

const STATUS_COLOR: Record<AssignmentStatus, string> = { not_started: 'gray', in_progress: 'blue', completed: 'green', overdue: 'red' };
export function StatusBadge({ status }: { status: AssignmentStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOR[status]} variant="light" style={{ overflow: 'visible' }} miw="fit-content" data-testid={`status-${status}`}>
      {t(`training.status.${status}`)}
    </Badge>
  );
}

export const pct = (x: number | null | undefined) => (x == null ? '—' : `${Math.round(x * 100)} %`);
