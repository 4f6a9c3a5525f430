/** Governance: what is expired, due for verification, unopened for N days, or duplicated — with one-click verify. */
import { Badge, Button, Card, Group, Loader, NumberInput, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCircleCheck } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from '../../lib/navigate';
import type { GovernanceRow } from '../../../shared/api/library';
import { useSession } from '../../app/session';
import { api, useApi } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { fmtDate, fmtNumber } from '../../lib/format';
import { KindIcon } from './common';
import { clickable } from '../../lib/clickable';

export function Governance() {
  const { t } = useTranslation();
  const q = useApi('library.governance', {});
  const g = q.data;
  const { session } = useSession();
  const navigate = useNavigate();
  const verify = async (id: number) => {
    try {
      await api('library.verify', { id });
      notifications.show({ color: 'green', message: t('library.actions.verified') });
      q.reload();
    } catch (e) {
      notifications.show({ color: 'red', message: errorText(t, e) });
    }
  };
  if (!g) return <Loader />;
  const me = session?.person?.id;

  const table = (
    rows: GovernanceRow[],
    extra: (r: GovernanceRow) => React.ReactNode,
    extraHead: string,
    testid: string,
    showVerify = false,
  ) =>
    rows.length === 0 ? (
      <Text size="sm" c="dimmed">
        {t('library.gov.nothing')}
      </Text>
    ) : (
      <Table striped highlightOnHover data-testid={testid}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('library.meta.title')}</Table.Th>
            <Table.Th>{t('library.meta.owner')}</Table.Th>
            <Table.Th>{extraHead}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td {...clickable(() => navigate(`/library/${r.id}`))}>
                <Group gap={6} wrap="nowrap">
                  <KindIcon kind={r.kind} fileKind={r.fileKind} size={16} />
                  <Text size="sm">{r.title}</Text>
                  {r.ownerId === me && (
                    <Badge size="xs" variant="light">
                      {t('library.gov.mine')}
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{r.ownerName ?? t('library.gov.noOwner')}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{extra(r)}</Text>
              </Table.Td>
              <Table.Td>
                {showVerify && (
                  <Button
                    size="compact-xs"
                    color="green"
                    variant="light"
                    leftSection={<IconCircleCheck size={12} />}
                    onClick={() => void verify(r.id)}
                    data-testid="gov-verify"
                  >
                    {t('library.actions.verify')}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    );

  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        <Count label={t('library.gov.expired')} n={g.counts.expired} color="red" />
        <Count label={t('library.gov.verifyDue')} n={g.counts.verifyDue} color="yellow" />
        <Count label={t('library.gov.stale', { days: 90 })} n={g.counts.stale} color="gray" />
        <Count label={t('library.gov.duplicates')} n={g.counts.duplicates} color="grape" />
      </SimpleGrid>
      <Stack gap="xs">
        <Title order={4}>{t('library.gov.verifyDue')}</Title>
        <Text size="sm" c="dimmed">
          {t('library.gov.verifyDueHelp')}
        </Text>
        {table(
          g.verifyDue,
          (r) =>
            t('library.gov.dueSince', { date: fmtDate(r.verifyDueOn), last: r.verifiedAt ? fmtDate(r.verifiedAt) : t('library.never') }),
          t('library.gov.due'),
          'gov-verify-due',
          true,
        )}
      </Stack>
      <Stack gap="xs">
        <Title order={4}>{t('library.gov.expired')}</Title>
        <Text size="sm" c="dimmed">
          {t('library.gov.expiredHelp')}
        </Text>
        {table(
          g.expired,
          (r) => t('library.status.expiredReason', { date: fmtDate(r.validUntil) }),
          t('library.gov.reason'),
          'gov-expired',
        )}
      </Stack>
      <Stack gap="xs">
        <Title order={4}>{t('library.gov.stale', { days: 90 })}</Title>
        {table(
          g.stale,
          (r) => (r.lastOpenedAt ? t('library.gov.lastOpened', { date: fmtDate(r.lastOpenedAt) }) : t('library.gov.neverOpened')),
          t('library.gov.lastOpenedHead'),
          'gov-stale',
          true,
        )}
      </Stack>
      <Stack gap="xs">
        <Title order={4}>{t('library.gov.duplicates')}</Title>
        {g.duplicates.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('library.gov.nothing')}
          </Text>
        )}
        {g.duplicates.map((d) => (
          <Paper key={d.reason + d.key} withBorder p="sm" data-testid="gov-duplicate">
            <Badge size="sm" color={d.reason === 'same_file' ? 'grape' : 'gray'} mb={6}>
              {t(`library.gov.dup.${d.reason}`)}
            </Badge>
            {d.items.map((i) => (
              <Group key={i.id} justify="space-between" {...clickable(() => navigate(`/library/${i.id}`))}>
                <Text size="sm">{i.title}</Text>
                <Text size="xs" c="dimmed">
                  {i.ownerName ?? '—'} · {fmtDate(i.updatedAt)}
                </Text>
              </Group>
            ))}
          </Paper>
        ))}
      </Stack>
      <LibrarySettings onSaved={q.reload} />
    </Stack>
  );
}

function Count({ label, n, color }: { label: string; n: number; color: string }) {
  return (
    <Card withBorder padding="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="xl" fw={700} c={n ? color : undefined}>
        {fmtNumber(n)}
      </Text>
    </Card>
  );
}

function LibrarySettings({ onSaved }: { onSaved: () => void }) {
  const { t } = useTranslation();
  const q = useApi('library.settings', {});
  const [limit, setLimit] = useState<number>(500);
  const [stale, setStale] = useState<number>(90);
  useEffect(() => {
    if (q.data) {
      setLimit(q.data.uploadLimitMb);
      setStale(q.data.staleDays);
    }
  }, [q.data]);
  const save = async () => {
    try {
      await api('library.saveSettings', { uploadLimitMb: limit, staleDays: stale });
      notifications.show({ color: 'green', message: t('common.saved') });
      onSaved();
    } catch (e) {
      notifications.show({ color: 'red', message: errorText(t, e) });
    }
  };
  return (
    <Paper withBorder p="md" maw={640}>
      <Title order={5} mb="xs">
        {t('library.settings.title')}
      </Title>
      <Group align="flex-end">
        <NumberInput
          label={t('library.settings.uploadLimit')}
          min={1}
          max={500}
          value={limit}
          onChange={(v) => setLimit(Number(v) || 1)}
          w={200}
          data-testid="upload-limit"
        />
        <NumberInput
          label={t('library.settings.staleDays')}
          min={7}
          max={3650}
          value={stale}
          onChange={(v) => setStale(Number(v) || 90)}
          w={200}
        />
        <Button onClick={() => void save()}>{t('actions.save')}</Button>
      </Group>
    </Paper>
  );
}
