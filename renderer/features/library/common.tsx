/** Small shared pieces of the library UI: kind icons, status badges, highlighted text, usage + open helpers. */
import { Badge, Mark, Text, Tooltip } from '@mantine/core';
import {
  IconFile,
  IconFileSpreadsheet,
  IconFileText,
  IconFileTypeDocx,
  IconFileTypePdf,
  IconFileTypePpt,
  IconLink,
  IconMovie,
  IconMusic,
  IconNote,
  IconPhoto,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { FileKind, ItemKind, ItemStatus, LinkTarget, UsageAction, UsageContext } from '../../../shared/api/library';
import type { Segment } from '../../../shared/search/text';
import { api, fileUrl } from '../../lib/api';
import { fmtDate } from '../../lib/format';
import { downloadUrl } from '../../lib/download';

export function KindIcon({ kind, fileKind, size = 18 }: { kind: ItemKind; fileKind: FileKind | null; size?: number }) {
  const p = { size, stroke: 1.6 };
  if (kind === 'link') return <IconLink {...p} color="var(--mantine-color-blue-6)" />;
  if (kind === 'note') return <IconNote {...p} color="var(--mantine-color-yellow-7)" />;
  switch (fileKind) {
    case 'pdf':
      return <IconFileTypePdf {...p} color="var(--mantine-color-red-6)" />;
    case 'docx':
      return <IconFileTypeDocx {...p} color="var(--mantine-color-blue-7)" />;
    case 'pptx':
      return <IconFileTypePpt {...p} color="var(--mantine-color-orange-6)" />;
    case 'xlsx':
      return <IconFileSpreadsheet {...p} color="var(--mantine-color-green-7)" />;
    case 'image':
      return <IconPhoto {...p} color="var(--mantine-color-grape-6)" />;
    case 'audio':
      return <IconMusic {...p} color="var(--mantine-color-teal-6)" />;
    case 'video':
      return <IconMovie {...p} color="var(--mantine-color-indigo-6)" />;
    case 'text':
      return <IconFileText {...p} color="var(--mantine-color-gray-7)" />;
    default:
      return <IconFile {...p} color="var(--mantine-color-gray-6)" />;
  }
}

export function StatusBadge({ status, validUntil }: { status: ItemStatus; validUntil: string | null }) {
  const { t } = useTranslation();
  if (status === 'ok') return null;
  if (status === 'expired')
    return (
      <Tooltip label={t('library.status.expiredReason', { date: fmtDate(validUntil) })}>
        <Badge color="red" variant="light" size="sm" data-testid="status-expired" style={{ flexShrink: 0 }} maw="100%">
          {t('library.status.expired')}
        </Badge>
      </Tooltip>
    );
  return (
    // never squeezed by a long title beside it (the compact live-call window is 460 px wide); the full text on hover
    <Badge color="yellow" variant="light" size="sm" style={{ flexShrink: 0 }} maw="100%" title={t('library.status.verify_due')}>
      {t('library.status.verify_due')}
    </Badge>
  );
}

export function Highlighted({
  segments,
  fallback,
  size = 'sm',
  c,
  lineClamp,
}: {
  segments: Segment[] | null;
  fallback: string;
  size?: string;
  c?: string;
  lineClamp?: number;
}) {
  if (!segments)
    return (
      <Text size={size} c={c} lineClamp={lineClamp}>
        {fallback}
      </Text>
    );
  return (
    <Text size={size} c={c} lineClamp={lineClamp}>
      {segments.map((s, i) => (s.hit ? <Mark key={i}>{s.text}</Mark> : <span key={i}>{s.text}</span>))}
    </Text>
  );
}

export interface UseCtx {
  context: UsageContext;
  targetKind?: LinkTarget | null;
  targetId?: number | null;
}

export function recordUse(id: number, action: UsageAction, ctx: UseCtx = { context: 'library' }) {
  void api('library.recordUsage', {
    id,
    action,
    context: ctx.context,
    targetKind: ctx.targetKind ?? null,
    targetId: ctx.targetId ?? null,
  }).catch(() => undefined);
}

/** What "copy link" puts on the clipboard: the web address for links, otherwise a reference people can search for. */
export function copyText(item: { kind: ItemKind; title: string; fileName: string }, url: string) {
  if (item.kind === 'link' && url) return url;
  return item.fileName ? `${item.title} (${item.fileName})` : item.title;
}

/** Downloads a stored file with its original name. */
export function downloadFile(sha256: string, fileName: string) {
  downloadUrl(fileUrl(sha256), fileName);
}

export const isExpiredForRep = (status: ItemStatus, role: string | undefined) => status === 'expired' && role === 'rep';
