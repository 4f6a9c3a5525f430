/** One library item: preview, actions (open/copy/download record usage), metadata, versions with restore, usage. */
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Loader,
  Modal,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Tabs,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { Dropzone } from '@mantine/dropzone';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import {
  IconArrowLeft,
  IconCalendarOff,
  IconCircleCheck,
  IconCopy,
  IconDownload,
  IconExternalLink,
  IconHistory,
  IconTrash,
  IconUpload,
} from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useNavigate } from '../../lib/navigate';
import type { LibraryItem } from '../../../shared/api/library';
import { useSession } from '../../app/session';
import { api, isElectron, uploadFile, useApi } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { fmtBytes, fmtDate, fmtDateTime, fmtNumber } from '../../lib/format';
import { useCopy } from '../../lib/clipboard';
import { copyText, downloadFile, KindIcon, recordUse, StatusBadge } from './common';
import { MetaForm } from './MetaForm';
import { Preview } from './Preview';

export function ItemPage() {
  const { t } = useTranslation();
  const copyLink = useCopy<number>((ok, id) => {
    if (ok) recordUse(id, 'copy');
    notifications.show({ color: ok ? undefined : 'red', message: ok ? t('library.actions.copied') : t('scripts.live.copyFailed') });
  });
  const { id } = useParams();
  const itemId = Number(id);
  const navigate = useNavigate();
  const { session, workspace } = useSession();
  const isRep = session?.role === 'rep';
  const q = useApi('library.get', { id: itemId });
  const [tab, setTab] = useState<string | null>('preview');
  const [versionOpen, setVersionOpen] = useState(false);
  const opened = useRef(false);
  const item = q.data;
  useEffect(() => {
    // One "open" per visit of the item page.
    if (item && !opened.current) {
      opened.current = true;
      recordUse(item.id, 'open');
    }
  }, [item]);

  if (q.error)
    return (
      <Stack>
        <Anchor onClick={() => navigate('/library')}>
          <IconArrowLeft size={14} /> {t('library.back')}
        </Anchor>
        <Alert color="red">{q.error.message}</Alert>
      </Stack>
    );
  if (!item) return <Loader />;

  const copy = () => copyLink(copyText({ kind: item.kind, title: item.title, fileName: item.current?.fileName ?? '' }, item.url), item.id);
  const download = () => {
    if (!item.current?.sha256) return;
    downloadFile(item.current.sha256, item.current.fileName);
    recordUse(item.id, 'download');
  };
  const act = async (fn: () => Promise<LibraryItem>, msg: string) => {
    try {
      await fn();
      notifications.show({ color: 'green', message: msg });
      q.reload();
    } catch (e) {
      notifications.show({ color: 'red', message: errorText(t, e) });
    }
  };
  const yesterday = new Date(Date.now() - 86400000).toISOString().slice(0, 10);

  return (
    <Stack gap="md" data-testid="item-page">
      <Anchor size="sm" onClick={() => navigate('/library')}>
        <Group gap={4}>
          <IconArrowLeft size={14} /> {t('library.back')}
        </Group>
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
          <Group gap="xs">
            <KindIcon kind={item.kind} fileKind={item.current?.fileKind ?? null} size={24} />
            <Title order={2} data-testid="item-title">
              {item.title}
            </Title>
            <StatusBadge status={item.status} validUntil={item.validUntil} />
          </Group>
          {item.status === 'expired' && (
            <Alert color="red" variant="light" p="xs" data-testid="expired-alert">
              {t('library.status.expiredLong', { date: fmtDate(item.validUntil) })}
            </Alert>
          )}
          {item.description && <Text c="dimmed">{item.description}</Text>}
          <Group gap={6}>
            {item.tags.map((tg) => (
              <Badge key={tg} variant="light" size="sm">
                {tg}
              </Badge>
            ))}
          </Group>
        </Stack>
        <Group gap="xs">
          <Button variant="default" leftSection={<IconCopy size={16} />} onClick={copy} data-testid="copy-link">
            {t('library.actions.copy')}
          </Button>
          {item.current?.sha256 && workspace?.host === 'electron' && (
            <Button
              variant="default"
              leftSection={<IconExternalLink size={16} />}
              onClick={() =>
                void api('library.openExternal', { id: item.id }).catch((e) =>
                  notifications.show({ color: 'red', message: errorText(t, e) }),
                )
              }
            >
              {t('library.actions.openExternal')}
            </Button>
          )}
          {item.current?.sha256 && (
            <Button variant="default" leftSection={<IconDownload size={16} />} onClick={download} data-testid="download">
              {t('library.actions.saveCopy')}
            </Button>
          )}
          {!isRep && item.kind === 'file' && (
            <Button leftSection={<IconUpload size={16} />} onClick={() => setVersionOpen(true)} data-testid="new-version">
              {t('library.versions.upload')}
            </Button>
          )}
          {!isRep && (
            <Button
              variant="light"
              color="green"
              leftSection={<IconCircleCheck size={16} />}
              onClick={() => void act(() => api('library.verify', { id: item.id }), t('library.actions.verified'))}
              data-testid="verify"
            >
              {t('library.actions.verify')}
            </Button>
          )}
          {!isRep && item.status !== 'expired' && (
            <Button
              variant="light"
              color="red"
              leftSection={<IconCalendarOff size={16} />}
              onClick={() =>
                void act(() => api('library.markExpired', { id: item.id, validUntil: yesterday }), t('library.actions.expiredDone'))
              }
              data-testid="mark-expired"
            >
              {t('library.actions.markExpired')}
            </Button>
          )}
          {!isRep && item.status === 'expired' && (
            <Button
              variant="light"
              onClick={() =>
                void act(() => api('library.markExpired', { id: item.id, validUntil: null }), t('library.actions.reactivated'))
              }
              data-testid="unexpire"
            >
              {t('library.actions.unexpire')}
            </Button>
          )}
        </Group>
      </Group>
      <SimpleGrid cols={{ base: 2, md: 6 }} spacing="xs">
        <Fact label={t('library.meta.stage')} value={item.stage ? t(`library.stage.${item.stage}`) : '—'} />
        <Fact label={t('library.meta.owner')} value={item.ownerName ?? '—'} />
        <Fact label={t('library.meta.validUntil')} value={fmtDate(item.validUntil)} />
        <Fact label={t('library.meta.verifiedAt')} value={item.verifiedAt ? fmtDate(item.verifiedAt) : t('library.never')} />
        <Fact label={t('library.usage.opens')} value={fmtNumber(item.opens)} />
        <Fact label={t('library.usage.lastUsed')} value={item.lastUsedAt ? fmtDate(item.lastUsedAt) : t('library.never')} />
      </SimpleGrid>
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="preview">{t('library.tabs.preview')}</Tabs.Tab>
          {!isRep && (
            <Tabs.Tab value="details" data-testid="tab-details">
              {t('library.tabs.details')}
            </Tabs.Tab>
          )}
          {item.kind === 'file' && (
            <Tabs.Tab value="versions" data-testid="tab-versions">
              {t('library.tabs.versions', { n: item.versionCount })}
            </Tabs.Tab>
          )}
          {!isRep && (
            <Tabs.Tab value="usage" data-testid="tab-usage">
              {t('library.tabs.usage')}
            </Tabs.Tab>
          )}
        </Tabs.List>
        <Tabs.Panel value="preview" pt="md">
          {item.current && (
            <Text size="xs" c="dimmed" mb="xs">
              {t('library.versions.currentLine', {
                version: item.current.version,
                name: item.current.fileName,
                size: fmtBytes(item.current.size),
                date: fmtDateTime(item.current.createdAt),
              })}
            </Text>
          )}
          <Preview item={item} version={item.current} onOpenExternal={() => recordUse(item.id, 'open')} />
        </Tabs.Panel>
        <Tabs.Panel value="details" pt="md">
          <Paper withBorder p="md" maw={900}>
            <MetaForm
              kind={item.kind}
              item={item}
              submitLabel={t('actions.save')}
              onSubmit={async ({ url, bodyMd, ...meta }) => {
                await api('library.update', {
                  id: item.id,
                  meta,
                  ...(item.kind === 'link' ? { url } : {}),
                  ...(item.kind === 'note' ? { bodyMd } : {}),
                });
                notifications.show({ color: 'green', message: t('common.saved') });
                q.reload();
              }}
            />
            <Group justify="flex-end" mt="lg">
              <Button
                color="red"
                variant="subtle"
                leftSection={<IconTrash size={16} />}
                onClick={() =>
                  modals.openConfirmModal({
                    title: t('library.remove.title'),
                    children: <Text size="sm">{t('library.remove.body', { title: item.title })}</Text>,
                    labels: { confirm: t('actions.delete'), cancel: t('actions.cancel') },
                    confirmProps: { color: 'red' },
                    onConfirm: () =>
                      void api('library.remove', { id: item.id }).then(
                        () => navigate('/library'),
                        (e: unknown) => notifications.show({ color: 'red', message: errorText(t, e) }),
                      ),
                  })
                }
              >
                {t('library.remove.button')}
              </Button>
            </Group>
          </Paper>
        </Tabs.Panel>
        <Tabs.Panel value="versions" pt="md">
          <Versions item={item} canEdit={!isRep} onChanged={q.reload} />
        </Tabs.Panel>
        <Tabs.Panel value="usage" pt="md">
          <Usage id={item.id} />
        </Tabs.Panel>
      </Tabs>
      <NewVersion item={item} opened={versionOpen} onClose={() => setVersionOpen(false)} onDone={() => (q.reload(), setTab('versions'))} />
    </Stack>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <Paper withBorder p={8}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={500} truncate>
        {value}
      </Text>
    </Paper>
  );
}

function NewVersion({ item, opened, onClose, onDone }: { item: LibraryItem; opened: boolean; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [note, setNote] = useState('');
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    if (!file && !isElectron()) return;
    setError(null);
    try {
      setProgress(0);
      // Electron has no upload endpoint: the native picker stages the file instead.
      const ref = isElectron() ? (await api('files.pick', { multiple: false, filters: [] }))[0] : await uploadFile(file!, setProgress);
      if (!ref) return;
      setProgress(1);
      await api('library.addVersion', { id: item.id, uploadId: ref.id, changeNote: note });
      notifications.show({ color: 'green', message: t('library.versions.added') });
      setFile(null);
      setNote('');
      onDone();
      onClose();
    } catch (e) {
      setError(errorText(t, e));
    } finally {
      setProgress(null);
    }
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t('library.versions.uploadTitle', { title: item.title })} size="lg">
      <Stack>
        {error && <Alert color="red">{error}</Alert>}
        {!isElectron() && (
          <Dropzone onDrop={(f) => f[0] && setFile(f[0])} multiple={false} data-testid="version-dropzone">
            <Text ta="center" py="md" size="sm">
              {file ? `${file.name} · ${fmtBytes(file.size)}` : t('library.versions.drop')}
            </Text>
          </Dropzone>
        )}
        <Textarea
          label={t('library.versions.changeNote')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          maxLength={500}
          data-testid="version-note"
        />
        {progress != null && (
          <Text size="xs" c="dimmed">
            {progress < 1 ? t('library.add.state.uploading') : t('library.add.state.processing')} {Math.round(progress * 100)}%
          </Text>
        )}
        <Group justify="flex-end">
          <Button onClick={() => void save()} disabled={!file && !isElectron()} loading={progress != null} data-testid="version-save">
            {t('library.versions.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function Versions({ item, canEdit, onChanged }: { item: LibraryItem; canEdit: boolean; onChanged: () => void }) {
  const { t } = useTranslation();
  const q = useApi('library.versions', { id: item.id });
  const [viewing, setViewing] = useState<number | null>(null);
  const v = q.data?.find((x) => x.id === viewing) ?? null;
  return (
    <Stack>
      <Table striped data-testid="versions-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('library.versions.version')}</Table.Th>
            <Table.Th>{t('library.versions.file')}</Table.Th>
            <Table.Th>{t('library.versions.who')}</Table.Th>
            <Table.Th>{t('library.versions.when')}</Table.Th>
            <Table.Th>{t('library.versions.note')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(q.data ?? []).map((x) => (
            <Table.Tr key={x.id} data-testid="version-row">
              <Table.Td>
                <Group gap={4}>
                  v{x.version}
                  {x.id === item.current?.id && (
                    <Badge size="xs" color="green">
                      {t('library.versions.current')}
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{x.fileName}</Text>
                <Text size="xs" c="dimmed">
                  {fmtBytes(x.size)}
                  {x.extractStatus === 'failed' ? ` · ${t('library.notSearchable')}` : ''}
                </Text>
              </Table.Td>
              <Table.Td>{x.createdByName ?? '—'}</Table.Td>
              <Table.Td>{fmtDateTime(x.createdAt)}</Table.Td>
              <Table.Td>
                <Text size="sm">{x.changeNote}</Text>
              </Table.Td>
              <Table.Td>
                <Group gap={4} justify="flex-end" wrap="nowrap">
                  <Button size="compact-xs" variant="default" onClick={() => setViewing(x.id)}>
                    {t('actions.open')}
                  </Button>
                  {canEdit && x.id !== item.current?.id && (
                    <Button
                      size="compact-xs"
                      variant="light"
                      leftSection={<IconHistory size={12} />}
                      data-testid="restore-version"
                      onClick={() =>
                        void api('library.restoreVersion', { id: item.id, versionId: x.id }).then(
                          () => {
                            notifications.show({ color: 'green', message: t('library.versions.restored', { version: x.version }) });
                            onChanged();
                            q.reload();
                          },
                          (e: unknown) => notifications.show({ color: 'red', message: errorText(t, e) }),
                        )
                      }
                    >
                      {t('library.versions.restore')}
                    </Button>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Modal opened={!!v} onClose={() => setViewing(null)} title={v ? `v${v.version} · ${v.fileName}` : ''} size="xl">
        {v && <Preview item={item} version={v} />}
      </Modal>
    </Stack>
  );
}

function Usage({ id }: { id: number }) {
  const { t } = useTranslation();
  const q = useApi('library.usage', { id });
  const u = q.data;
  if (!u) return <Loader size="sm" />;
  return (
    <Stack>
      <SimpleGrid cols={{ base: 2, md: 5 }} spacing="xs">
        <Fact label={t('library.usage.opens')} value={fmtNumber(u.opens)} />
        <Fact label={t('library.usage.copies')} value={fmtNumber(u.copies)} />
        <Fact label={t('library.usage.downloads')} value={fmtNumber(u.downloads)} />
        <Fact label={t('library.usage.callUses')} value={fmtNumber(u.callUses)} />
        <Fact label={t('library.usage.lastUsed')} value={u.lastUsedAt ? fmtDateTime(u.lastUsedAt) : t('library.never')} />
      </SimpleGrid>
      <Group align="flex-start" grow>
        <Stack gap={4}>
          <Title order={5}>{t('library.usage.byWhom')}</Title>
          {u.people.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('library.usage.none')}
            </Text>
          )}
          {u.people.map((p) => (
            <Group key={String(p.personId)} justify="space-between">
              <Text size="sm">{p.name ?? t('library.usage.unknown')}</Text>
              <Text size="sm" c="dimmed">
                {fmtNumber(p.count)} · {fmtDate(p.lastAt)}
              </Text>
            </Group>
          ))}
          {u.linkedFrom.length > 0 && (
            <>
              <Title order={5} mt="md">
                {t('library.usage.linkedFrom')}
              </Title>
              {u.linkedFrom.map((l) => (
                <Text size="sm" key={`${l.targetKind}-${l.targetId}`}>
                  {t(`library.target.${l.targetKind}`)} #{l.targetId}
                </Text>
              ))}
            </>
          )}
        </Stack>
        <Stack gap={4}>
          <Title order={5}>{t('library.usage.recent')}</Title>
          <Table>
            <Table.Tbody>
              {u.recent.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>{fmtDateTime(e.at)}</Table.Td>
                  <Table.Td>{e.personName ?? t('library.usage.unknown')}</Table.Td>
                  <Table.Td>{t(`library.usage.action.${e.action}`)}</Table.Td>
                  <Table.Td>{t(`library.usage.context.${e.context}`)}</Table.Td>
                  <Table.Td>{e.version ? `v${e.version}` : ''}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      </Group>
    </Stack>
  );
}
