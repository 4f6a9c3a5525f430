/** Shown instead of the app when the workspace file is damaged or not a workspace. */
import { Alert, Button, Card, Center, Code, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkspaceProblem } from '../../shared/api/workspace';
import { api } from '../lib/api';
import { errorText } from '../lib/errors';
import { fmtBytes, fmtDateTime } from '../lib/format';
import { useSession } from './session';
import { fireAndForget } from '../lib/events';

export function WorkspaceProblemScreen({ problem }: { problem: WorkspaceProblem }) {
  const { t } = useTranslation();
  const { refresh } = useSession();
  const [error, setError] = useState<string | null>(null);
  const run = (fn: () => Promise<unknown>) =>
    fireAndForget(async () => {
      try {
        setError(null);
        await fn();
        await refresh();
      } catch (e) {
        setError(errorText(t, e));
      }
    });
  return (
    <Center mih="100vh" p="xl">
      <Card withBorder maw={760} w="100%" p="xl" data-testid="workspace-problem">
        <Stack>
          <Title order={3}>{t('workspace.problemTitle')}</Title>
          <Alert color="red">{problem.message}</Alert>
          <Text size="sm">{t('workspace.problemHelp')}</Text>
          <Code>{problem.path}</Code>
          {error && <Alert color="red">{error}</Alert>}
          {problem.backups.length ? (
            <Table>
              <Table.Tbody>
                {problem.backups.map((b) => (
                  <Table.Tr key={b.path}>
                    <Table.Td>{b.name}</Table.Td>
                    <Table.Td>{fmtDateTime(b.createdAt)}</Table.Td>
                    <Table.Td>{fmtBytes(b.sizeBytes)}</Table.Td>
                    <Table.Td>
                      <Button size="xs" onClick={run(() => api('workspace.restore', { path: b.path }))}>
                        {t('workspace.restoreThis')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          ) : (
            <Text c="dimmed">{t('workspace.noBackups')}</Text>
          )}
          <Group>
            <Button variant="light" onClick={run(() => api('workspace.openDemo', { reset: false }))}>
              {t('settings.openDemo')}
            </Button>
            <Button variant="default" onClick={run(() => api('workspace.createEmpty', { name: 'Workspace' }))}>
              {t('settings.newEmpty')}
            </Button>
          </Group>
        </Stack>
      </Card>
    </Center>
  );
}
