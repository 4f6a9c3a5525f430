import { Alert, Badge, Button, Card, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, useApi } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { fmtBytes, fmtDateTime } from '../../lib/format';
import { useSession } from '../../app/session';
import { AboutCard } from './AboutCard';
import { AuditLog } from '../access/AuditLog';
import { useCan } from '../access/useCan';
import { TeamSettings } from '../auth/TeamSettings';
import { TeamWorkspaceCard } from '../teamClient/TeamWorkspaceCard';
import { fireAndForget } from '../../lib/events';
import { SpeechSettings } from '../guidance/SpeechSettings';

export function SettingsPage() {
  const { t } = useTranslation();
  const { workspace, refresh } = useSession();
  const can = useCan();
  const list = useApi('workspace.list', {});
  const backups = useApi('workspace.listBackups', {});
  const [newName, setNewName] = useState('');
  const [openPath, setOpenPath] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const run = (key: string, fn: () => Promise<unknown>, ok?: (v: unknown) => string) =>
    fireAndForget(async () => {
      setError(null);
      setBusy(key);
      try {
        const v = await fn();
        const message = ok?.(v);
        if (message) notifications.show({ color: 'green', message });
        await refresh();
      } catch (e) {
        setError(errorText(t, e));
      } finally {
        setBusy(null);
      }
    });
  const switched = (v: unknown) =>
    t('settings.switched', {
      name: (v as { isDemo: boolean; name: string }).isDemo ? t('settings.demoName') : (v as { name: string }).name,
    });
  if (!workspace) return null;

  return (
    <Stack gap="lg" maw={980}>
      <Title order={2}>{t('settings.title')}</Title>
      {error && (
        <Alert color="red" withCloseButton onClose={() => setError(null)} data-testid="settings-error">
          {error}
        </Alert>
      )}
      <Card withBorder>
        <Title order={4} mb="sm">
          {t('settings.current')}
        </Title>
        <Table variant="vertical" withTableBorder>
          <Table.Tbody>
            <Table.Tr>
              <Table.Th w={180}>{t('common.name')}</Table.Th>
              <Table.Td>
                {workspace.isDemo ? t('settings.demoName') : workspace.name}{' '}
                {workspace.isDemo && <Badge color="orange">{t('app.demo')}</Badge>}
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('settings.file')}</Table.Th>
              <Table.Td>
                <Text size="sm" ff="monospace">
                  {workspace.path}
                </Text>
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('settings.dataDir')}</Table.Th>
              <Table.Td>
                <Text size="sm" ff="monospace">
                  {workspace.dataDir}
                </Text>
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('settings.schema')}</Table.Th>
              <Table.Td>{workspace.schemaVersion}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('settings.host')}</Table.Th>
              <Table.Td>{t(`settings.hosts.${workspace.host}`)}</Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </Card>
      <TeamSettings />

      <Card withBorder>
        <Title order={4}>{t('settings.workspaces')}</Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t('settings.workspacesHelp')}
        </Text>
        <Table striped data-testid="workspace-list">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('common.name')}</Table.Th>
              <Table.Th>{t('settings.size')}</Table.Th>
              <Table.Th>{t('settings.modified')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(list.data ?? []).map((w) => (
              <Table.Tr key={w.path}>
                <Table.Td>
                  {w.isDemo ? t('settings.demoName') : w.name} {w.current && <Badge size="sm">{t('settings.current_')}</Badge>}
                </Table.Td>
                <Table.Td>{fmtBytes(w.sizeBytes)}</Table.Td>
                <Table.Td>{fmtDateTime(w.modifiedAt)}</Table.Td>
                <Table.Td>
                  {!w.current && (
                    <Button
                      size="xs"
                      variant="light"
                      loading={busy === w.path}
                      onClick={run(w.path, () => api('workspace.open', { path: w.path }), switched)}
                    >
                      {t('settings.open')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Group mt="md" align="flex-end">
          <TextInput
            label={t('settings.newName')}
            value={newName}
            onChange={(e) => setNewName(e.currentTarget.value)}
            w={260}
            data-testid="new-workspace-name"
          />
          <Button
            disabled={!newName.trim()}
            loading={busy === 'new'}
            onClick={run('new', () => api('workspace.createEmpty', { name: newName.trim() }), switched)}
            data-testid="create-workspace"
          >
            {t('settings.newEmpty')}
          </Button>
          {!workspace.isDemo && (
            <Button
              variant="light"
              color="orange"
              loading={busy === 'demo'}
              onClick={run('demo', () => api('workspace.openDemo', { reset: false }), switched)}
              data-testid="open-demo"
            >
              {t('settings.openDemo')}
            </Button>
          )}
          <Button
            variant="subtle"
            color="orange"
            onClick={() =>
              modals.openConfirmModal({
                title: t('settings.resetDemo'),
                children: <Text size="sm">{t('settings.resetDemoConfirm')}</Text>,
                labels: { confirm: t('settings.resetDemo'), cancel: t('actions.cancel') },
                onConfirm: run('reset', () => api('workspace.openDemo', { reset: true }), switched),
              })
            }
          >
            {t('settings.resetDemo')}
          </Button>
        </Group>
        <Group mt="md" align="flex-end">
          <TextInput
            label={t('settings.openPath')}
            value={openPath}
            onChange={(e) => setOpenPath(e.currentTarget.value)}
            w={480}
            data-testid="open-path"
          />
          <Button
            variant="default"
            disabled={!openPath.trim()}
            loading={busy === 'path'}
            onClick={run('path', () => api('workspace.open', { path: openPath.trim() }), switched)}
            data-testid="open-path-button"
          >
            {t('settings.open')}
          </Button>
          {workspace.host === 'electron' && (
            <Button variant="default" onClick={run('dialog', () => api('workspace.openDialog', {}))}>
              {t('settings.browse')}
            </Button>
          )}
        </Group>
      </Card>

      <Card withBorder>
        <Group justify="space-between">
          <Title order={4}>{t('settings.backups')}</Title>
          <Button
            loading={busy === 'backup'}
            data-testid="backup-now"
            onClick={run(
              'backup',
              async () => {
                const b = await api('workspace.backup', {});
                backups.reload();
                return b;
              },
              (b) => t('settings.backedUp', { name: (b as { name: string }).name }),
            )}
          >
            {t('settings.backupNow')}
          </Button>
        </Group>
        {workspace.host === 'electron' && (
          <Group justify="flex-end" mt={4}>
            <Button
              size="xs"
              variant="subtle"
              onClick={run(
                'backupAs',
                () => api('workspace.backupAs', {}),
                (b) => (b ? t('settings.backedUp', { name: (b as { name: string }).name }) : ''),
              )}
            >
              {t('settings.backupAs')}
            </Button>
          </Group>
        )}
        <Text size="sm" c="dimmed" mb="sm">
          {t('settings.backupsHelp')}
        </Text>
        {backups.data?.length === 0 && <Text c="dimmed">{t('settings.noBackups')}</Text>}
        <Table striped data-testid="backup-list">
          <Table.Tbody>
            {(backups.data ?? []).map((b) => (
              <Table.Tr key={b.path}>
                <Table.Td>
                  <Text size="sm" ff="monospace">
                    {b.name}
                  </Text>
                </Table.Td>
                <Table.Td>{fmtDateTime(b.createdAt)}</Table.Td>
                <Table.Td>{fmtBytes(b.sizeBytes)}</Table.Td>
                <Table.Td>
                  <Button
                    size="xs"
                    variant="light"
                    data-testid="restore-backup"
                    onClick={() =>
                      modals.openConfirmModal({
                        title: t('settings.restore'),
                        children: <Text size="sm">{t('settings.restoreConfirm', { date: fmtDateTime(b.createdAt) })}</Text>,
                        labels: { confirm: t('settings.restore'), cancel: t('actions.cancel') },
                        confirmProps: { 'data-testid': 'confirm-restore' },
                        onConfirm: run(
                          'restore',
                          async () => {
                            await api('workspace.restore', { path: b.path });
                            backups.reload();
                          },
                          () => t('settings.restored'),
                        ),
                      })
                    }
                  >
                    {t('settings.restore')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
      <TeamWorkspaceCard />
      <SpeechSettings />
      <AboutCard />
      {can('audit.list') && <AuditLog />}
    </Stack>
  );
}
