/**
 * Adding content: several files at once (drag and drop or picker) with a
 * progress bar per file, then server-side checks and text extraction; a file
 * that is already in the library is offered as such. Links and Markdown notes too.
 */
import { Alert, Anchor, Badge, Button, Group, Modal, Progress, Stack, Tabs, Text } from '@mantine/core';
import { Dropzone } from '@mantine/dropzone';
import { notifications } from '@mantine/notifications';
import { IconCloudUpload, IconFolderOpen } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from '../../lib/navigate';
import type { LibraryItem } from '../../../shared/api/library';
import type { UploadRef } from '../../../shared/api/session';
import { api, isElectron, uploadFile, useApi } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { fmtBytes } from '../../lib/format';
import { MetaForm } from './MetaForm';

interface Entry {
  key: string;
  name: string;
  size: number;
  progress: number;
  state: 'waiting' | 'uploading' | 'processing' | 'done' | 'duplicate' | 'error';
  message?: string;
  item?: LibraryItem;
  uploadId?: string;
}

export function AddContent({ opened, onClose, onAdded }: { opened: boolean; onClose: () => void; onAdded: () => void }) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<string | null>('files');
  const navigate = useNavigate();
  return (
    <Modal opened={opened} onClose={onClose} title={t('library.add.title')} size="xl" data-testid="add-content">
      <Tabs value={tab} onChange={setTab}>
        <Tabs.List mb="md">
          <Tabs.Tab value="files">{t('library.add.files')}</Tabs.Tab>
          <Tabs.Tab value="link" data-testid="add-tab-link">
            {t('library.add.link')}
          </Tabs.Tab>
          <Tabs.Tab value="note" data-testid="add-tab-note">
            {t('library.add.note')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="files">
          <FileUploads onAdded={onAdded} />
        </Tabs.Panel>
        <Tabs.Panel value="link">
          <MetaForm
            kind="link"
            submitLabel={t('library.add.saveLink')}
            onSubmit={async ({ url, bodyMd: _b, ...meta }) => {
              const item = await api('library.addLink', { ...meta, url: url ?? '' });
              notifications.show({ color: 'green', message: t('library.add.added', { title: item.title }) });
              onAdded();
              onClose();
              navigate(`/library/${item.id}`);
            }}
          />
        </Tabs.Panel>
        <Tabs.Panel value="note">
          <MetaForm
            kind="note"
            submitLabel={t('library.add.saveNote')}
            onSubmit={async ({ bodyMd, url: _u, ...meta }) => {
              const item = await api('library.addNote', { ...meta, bodyMd: bodyMd ?? '' });
              notifications.show({ color: 'green', message: t('library.add.added', { title: item.title }) });
              onAdded();
              onClose();
              navigate(`/library/${item.id}`);
            }}
          />
        </Tabs.Panel>
      </Tabs>
    </Modal>
  );
}

function FileUploads({ onAdded }: { onAdded: () => void }) {
  const { t } = useTranslation();
  const settings = useApi('library.settings', {});
  const [entries, setEntries] = useState<Entry[]>([]);
  const queue = useRef(Promise.resolve());
  const navigate = useNavigate();
  const patch = (key: string, p: Partial<Entry>) => setEntries((es) => es.map((e) => (e.key === key ? { ...e, ...p } : e)));
  const limit = (settings.data?.uploadLimitMb ?? 500) * 1048576;

  const process = async (key: string, ref: UploadRef, allowDuplicate = false) => {
    patch(key, { state: 'processing', progress: 1, uploadId: ref.id });
    try {
      const r = await api('library.addFile', { uploadId: ref.id, allowDuplicate, meta: {} });
      patch(key, { state: r.status === 'added' ? 'done' : 'duplicate', item: r.item });
      if (r.status === 'added') onAdded();
    } catch (e) {
      patch(key, { state: 'error', message: errorText(t, e) });
    }
  };

  const addFiles = (files: File[]) => {
    const fresh: Entry[] = files.map((f, i) => ({
      key: `${Date.now()}-${i}-${f.name}`,
      name: f.name,
      size: f.size,
      progress: 0,
      state: 'waiting',
    }));
    setEntries((es) => [...fresh, ...es]);
    files.forEach((f, i) => {
      const key = fresh[i].key;
      // One upload at a time keeps progress readable and the disk calm; extraction runs server-side in a worker.
      queue.current = queue.current.then(async () => {
        if (f.size > limit) {
          patch(key, { state: 'error', message: t('library.add.tooLarge', { size: fmtBytes(f.size), limit: fmtBytes(limit) }) });
          return;
        }
        patch(key, { state: 'uploading' });
        try {
          const ref = await uploadFile(f, (p) => patch(key, { progress: p }));
          await process(key, ref);
        } catch (e) {
          patch(key, { state: 'error', message: errorText(t, e) });
        }
      });
    });
  };

  const pick = async () => {
    try {
      const refs = await api('files.pick', { multiple: true, filters: [] });
      const fresh: Entry[] = refs.map((r) => ({ key: r.id, name: r.name, size: r.size, progress: 1, state: 'processing' }));
      setEntries((es) => [...fresh, ...es]);
      for (const r of refs) await process(r.id, r);
    } catch (e) {
      notifications.show({ color: 'red', message: errorText(t, e) });
    }
  };

  return (
    <Stack>
      {isElectron() ? (
        <Button leftSection={<IconFolderOpen size={16} />} onClick={() => void pick()} data-testid="pick-files">
          {t('library.add.pick')}
        </Button>
      ) : (
        <Dropzone onDrop={addFiles} multiple data-testid="library-dropzone">
          <Group justify="center" gap="md" mih={110} style={{ pointerEvents: 'none' }}>
            <IconCloudUpload size={40} stroke={1.4} />
            <div>
              <Text size="md">{t('library.add.drop')}</Text>
              <Text size="xs" c="dimmed">
                {t('library.add.dropHint', { limit: fmtBytes(limit) })}
              </Text>
            </div>
          </Group>
        </Dropzone>
      )}
      {entries.map((e) => (
        <Stack key={e.key} gap={4} data-testid="upload-entry" data-state={e.state}>
          <Group justify="space-between" wrap="nowrap">
            <Text size="sm" fw={500} truncate>
              {e.name}{' '}
              <Text span c="dimmed" size="xs">
                {fmtBytes(e.size)}
              </Text>
            </Text>
            <Badge
              variant="light"
              color={e.state === 'done' ? 'green' : e.state === 'error' ? 'red' : e.state === 'duplicate' ? 'yellow' : 'blue'}
            >
              {t(`library.add.state.${e.state}`)}
            </Badge>
          </Group>
          {(e.state === 'uploading' || e.state === 'processing' || e.state === 'waiting') && (
            <Progress
              value={e.state === 'processing' ? 100 : e.progress * 100}
              animated={e.state === 'processing'}
              size="sm"
              data-testid="upload-progress"
            />
          )}
          {e.state === 'done' && e.item && (
            <Text size="xs" c="dimmed">
              {e.item.current?.extractStatus === 'ok'
                ? t('library.add.extracted', { n: e.item.current.pageCount ?? 0 })
                : e.item.current?.extractNote || t('library.add.storedNoText')}{' '}
              <Anchor size="xs" onClick={() => navigate(`/library/${e.item!.id}`)}>
                {t('actions.open')}
              </Anchor>
            </Text>
          )}
          {e.state === 'duplicate' && e.item && (
            <Alert color="yellow" p="xs" data-testid="duplicate-alert">
              <Group justify="space-between">
                <Text size="sm">{t('library.add.duplicate', { title: e.item.title })}</Text>
                <Group gap="xs">
                  <Button size="compact-sm" variant="default" onClick={() => navigate(`/library/${e.item!.id}`)}>
                    {t('library.add.openExisting')}
                  </Button>
                  <Button
                    size="compact-sm"
                    onClick={() => e.uploadId && void process(e.key, { id: e.uploadId, name: e.name, size: e.size }, true)}
                  >
                    {t('library.add.addAnyway')}
                  </Button>
                </Group>
              </Group>
            </Alert>
          )}
          {e.state === 'error' && (
            <Text size="xs" c="red" data-testid="upload-error">
              {e.message}
            </Text>
          )}
        </Stack>
      ))}
    </Stack>
  );
}
