/** Revision history: who saved when, a line diff (jsdiff) between any two revisions, restore. */
import { Alert, Badge, Box, Button, Code, Group, Select, Stack, Table, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScriptDetail } from '../../../shared/api/scripts';
import { api, useApi } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { fmtDateTime } from '../../lib/format';
import { fireAndForget } from '../../lib/events';

export function RevisionsPanel({
  scriptId,
  current,
  published,
  onRestored,
}: {
  scriptId: number;
  current: number;
  published: number | null;
  onRestored: (d: ScriptDetail) => void;
}) {
  const { t } = useTranslation();
  const revs = useApi('scripts.revisions', { id: scriptId });
  const [from, setFrom] = useState<number | null>(null);
  const [to, setTo] = useState<number | null>(null);
  useEffect(() => {
    if (revs.data && revs.data.length > 1 && from == null) {
      setTo(revs.data[0].rev);
      setFrom(revs.data[1].rev);
    }
  }, [revs.data, from]);
  const diff = useApi('scripts.diff', from != null && to != null && from !== to ? { id: scriptId, fromRev: from, toRev: to } : null);
  const options = (revs.data ?? []).map((r) => ({
    value: String(r.rev),
    label: `${t('scripts.revisions.rev', { rev: r.rev })} · ${fmtDateTime(r.at)}`,
  }));
  const restore = (rev: number) =>
    modals.openConfirmModal({
      title: t('scripts.revisions.restoreTitle', { rev }),
      children: <Text size="sm">{t('scripts.revisions.restoreText', { rev, next: current + 1 })}</Text>,
      labels: { confirm: t('scripts.revisions.restore'), cancel: t('scripts.cancel') },
      onConfirm: fireAndForget(async () => {
        try {
          const d = await api('scripts.restore', { id: scriptId, rev });
          notifications.show({ color: 'green', message: t('scripts.revisions.restored', { rev, next: d.revision }) });
          onRestored(d);
        } catch (e) {
          notifications.show({ color: 'red', message: errorText(t, e), autoClose: false });
        }
      }),
    });
  return (
    <Stack data-testid="revisions">
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('scripts.revisions.revCol')}</Table.Th>
            <Table.Th>{t('scripts.revisions.when')}</Table.Th>
            <Table.Th>{t('scripts.revisions.who')}</Table.Th>
            <Table.Th>{t('scripts.revisions.what')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(revs.data ?? []).map((r) => (
            <Table.Tr key={r.id} data-testid={`revision-${r.rev}`}>
              <Table.Td>
                <Group gap={4}>
                  {r.rev}
                  {r.rev === current && <Badge size="xs">{t('scripts.revisions.current')}</Badge>}
                  {r.rev === published && (
                    <Badge size="xs" color="green">
                      {t('scripts.status.published')}
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>{fmtDateTime(r.at)}</Table.Td>
              <Table.Td>{r.authorName ?? '—'}</Table.Td>
              <Table.Td>
                {t(`scripts.revisions.kind.${r.kind}`)} · {t('scripts.revisions.steps', { count: r.stepCount })}
              </Table.Td>
              <Table.Td>
                {r.rev !== current && (
                  <Button size="compact-xs" variant="light" onClick={() => restore(r.rev)} data-testid={`restore-${r.rev}`}>
                    {t('scripts.revisions.restore')}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {(revs.data?.length ?? 0) > 1 ? (
        <>
          <Group>
            <Select
              label={t('scripts.revisions.from')}
              data={options}
              value={from != null ? String(from) : null}
              onChange={(v) => setFrom(v ? Number(v) : null)}
              allowDeselect={false}
              data-testid="diff-from"
            />
            <Select
              label={t('scripts.revisions.to')}
              data={options}
              value={to != null ? String(to) : null}
              onChange={(v) => setTo(v ? Number(v) : null)}
              allowDeselect={false}
              data-testid="diff-to"
            />
          </Group>
          {diff.error && <Alert color="red">{errorText(t, diff.error)}</Alert>}
          {diff.data && (
            <Code block data-testid="diff" style={{ whiteSpace: 'pre-wrap', maxHeight: 480, overflow: 'auto' }}>
              {diff.data.map((p, k) =>
                p.added || p.removed ? (
                  <Box
                    key={k}
                    component="span"
                    display="block"
                    bg={p.added ? 'green.1' : 'red.1'}
                    c={p.added ? 'green' : 'red'}
                    td={p.removed ? 'line-through' : undefined}
                  >
                    {p.value
                      .replace(/\n$/, '')
                      .split('\n')
                      .map((l) => `${p.added ? '+ ' : '− '}${l}`)
                      .join('\n')}
                  </Box>
                ) : (
                  <Box key={k} component="span" display="block" c="dimmed">
                    {p.value.replace(/\n$/, '')}
                  </Box>
                ),
              )}
              {!diff.data.some((p) => p.added || p.removed) && t('scripts.revisions.same')}
            </Code>
          )}
        </>
      ) : (
        <Text c="dimmed" size="sm">
          {t('scripts.revisions.onlyOne')}
        </Text>
      )}
    </Stack>
  );
}
