/** Previews of every kind: PDF pages (pdf.js on a canvas), images, audio/video, extracted text, Markdown notes. */
import { Alert, Anchor, Button, Group, Image, Loader, ScrollArea, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconChevronLeft, IconChevronRight, IconDownload, IconExternalLink } from '@tabler/icons-react';
import { safeMarkdownHtml } from '../../lib/markdown';
import * as pdfjs from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LibraryItem, LibraryVersion } from '../../../shared/api/library';
import { fileUrl, useApi } from '../../lib/api';
import { downloadFile } from './common';

pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;

function PdfPreview({ url, pages }: { url: string; pages: number | null }) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const [doc, setDoc] = useState<pdfjs.PDFDocumentProxy | null>(null);
  const [page, setPage] = useState(1);
  const [error, setError] = useState<string | null>(null);
  const [rendered, setRendered] = useState(false);
  useEffect(() => {
    let cancelled = false;
    const task = pdfjs.getDocument({ url, isEvalSupported: false });
    task.promise.then(
      (d) => !cancelled && setDoc(d),
      (e: Error) =>
        !cancelled && setError(e.name === 'PasswordException' ? t('library.preview.pdfLocked') : t('library.preview.pdfBroken')),
    );
    return () => {
      cancelled = true;
      void task.destroy();
    };
  }, [url, t]);
  useEffect(() => {
    if (!doc || !canvas.current) return;
    let task: pdfjs.RenderTask | null = null;
    setRendered(false);
    void doc.getPage(page).then((p) => {
      const el = canvas.current;
      if (!el) return;
      const base = p.getViewport({ scale: 1 });
      const scale = Math.min(2, (el.parentElement?.clientWidth ?? 700) / base.width) * (window.devicePixelRatio || 1);
      const vp = p.getViewport({ scale });
      el.width = vp.width;
      el.height = vp.height;
      el.style.width = `${vp.width / (window.devicePixelRatio || 1)}px`;
      task = p.render({ canvas: el, viewport: vp });
      task.promise.then(
        () => setRendered(true),
        () => undefined,
      );
    });
    return () => task?.cancel();
  }, [doc, page]);
  if (error)
    return (
      <Alert color="orange" icon={<IconAlertTriangle size={16} />}>
        {error}
      </Alert>
    );
  if (!doc) return <Loader size="sm" />;
  const n = doc.numPages || pages || 1;
  return (
    <Stack gap={6} data-testid="pdf-preview" data-rendered={rendered ? '1' : '0'}>
      <Group gap="xs">
        <Button
          size="compact-sm"
          variant="default"
          disabled={page <= 1}
          onClick={() => setPage(page - 1)}
          aria-label={t('library.preview.prev')}
        >
          <IconChevronLeft size={14} />
        </Button>
        <Text size="sm">{t('library.preview.page', { page, total: n })}</Text>
        <Button
          size="compact-sm"
          variant="default"
          disabled={page >= n}
          onClick={() => setPage(page + 1)}
          aria-label={t('library.preview.next')}
        >
          <IconChevronRight size={14} />
        </Button>
      </Group>
      {/* focusable so the page can be scrolled with the keyboard */}
      <div
        tabIndex={0}
        role="region"
        aria-label={t('library.preview.page', { page, total: n })}
        style={{ border: '1px solid var(--mantine-color-gray-3)', background: '#fff', maxHeight: 640, overflow: 'auto' }}
      >
        <canvas ref={canvas} />
      </div>
    </Stack>
  );
}

function TextPreview({ version }: { version: LibraryVersion }) {
  const { t } = useTranslation();
  const q = useApi('library.text', { versionId: version.id, maxChars: 60_000 });
  if (!q.data) return <Loader size="sm" />;
  if (!q.data.text)
    return (
      <Text c="dimmed" size="sm">
        {t('library.preview.noText')}
      </Text>
    );
  return (
    <ScrollArea.Autosize mah={560} type="auto" data-testid="text-preview">
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {q.data.text}
        {q.data.truncated ? '\n…' : ''}
      </Text>
    </ScrollArea.Autosize>
  );
}

export function Markdown({ md }: { md: string }) {
  // Sanitised: HTML or script typed into a note stays inert.
  const html = useMemo(() => safeMarkdownHtml(md), [md]);
  return <div className="markdown" style={{ fontSize: 14, lineHeight: 1.55 }} dangerouslySetInnerHTML={{ __html: html }} />;
}

export function Preview({
  item,
  version,
  onOpenExternal,
}: {
  item: Pick<LibraryItem, 'kind' | 'url' | 'bodyMd'>;
  version: LibraryVersion | null;
  onOpenExternal?: () => void;
}) {
  const { t } = useTranslation();
  if (item.kind === 'note') return <Markdown md={item.bodyMd} />;
  if (item.kind === 'link')
    return (
      <Anchor href={item.url} target="_blank" rel="noopener noreferrer" onClick={onOpenExternal}>
        <Group gap={4}>
          <IconExternalLink size={16} />
          {item.url}
        </Group>
      </Anchor>
    );
  if (!version?.sha256) return null;
  const note =
    version.extractStatus === 'failed' || version.extractStatus === 'empty' ? (
      <Alert color="orange" icon={<IconAlertTriangle size={16} />} data-testid="extract-note">
        {t('library.preview.notSearchable')} {version.extractNote}
      </Alert>
    ) : null;
  const url = fileUrl(version.sha256);
  let body: React.ReactNode;
  switch (version.fileKind) {
    case 'pdf':
      body = version.extractStatus === 'failed' ? null : <PdfPreview url={url} pages={version.pageCount} />;
      break;
    case 'image':
      body = <Image src={url} alt={version.fileName} mah={560} fit="contain" />;
      break;
    case 'audio':
      body = <audio controls src={url} style={{ width: '100%' }} />;
      break;
    case 'video':
      body = <video controls src={url} style={{ width: '100%', maxHeight: 520 }} />;
      break;
    case 'docx':
    case 'pptx':
    case 'xlsx':
    case 'text':
      body = <TextPreview version={version} />;
      break;
    default:
      body = (
        <Stack gap="xs" align="flex-start">
          <Text size="sm" c="dimmed">
            {t('library.preview.none')}
          </Text>
          <Button
            variant="default"
            leftSection={<IconDownload size={16} />}
            onClick={() => downloadFile(version.sha256!, version.fileName)}
          >
            {t('library.actions.download')}
          </Button>
        </Stack>
      );
  }
  return (
    <Stack gap="sm">
      {note}
      {body}
    </Stack>
  );
}
