/** Home page widgets: reps see the content their colleagues use most; managers and trainers see library health. */
import { Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from '../../lib/navigate';
import { useApi } from '../../lib/api';
import { fmtNumber } from '../../lib/format';
import { KindIcon } from './common';
import { clickable } from '../../lib/clickable';

const iso = (d: Date) => d.toISOString().slice(0, 10);

export function PopularContentWidget() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const q = useApi('library.analytics', { from: iso(new Date(Date.now() - 30 * 86400000)), to: iso(new Date()), limit: 6 });
  return (
    <Card withBorder data-testid="widget-library-popular">
      <Group justify="space-between" mb="xs">
        <Title order={5}>{t('library.widget.popular')}</Title>
        <Anchor size="sm" onClick={() => navigate('/library')}>
          {t('library.widget.openLibrary')}
        </Anchor>
      </Group>
      <Stack gap={4}>
        {(q.data?.top ?? []).map((r) => (
          <Group key={r.id} gap={6} wrap="nowrap" {...clickable(() => navigate(`/library/${r.id}`))}>
            <KindIcon kind={r.kind} fileKind={r.fileKind} size={16} />
            <Text size="sm" truncate style={{ flex: 1 }}>
              {r.title}
            </Text>
            <Text size="xs" c="dimmed">
              {t('library.widget.uses', { n: fmtNumber(r.uses) })}
            </Text>
          </Group>
        ))}
        {q.data && q.data.top.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('library.usage.none')}
          </Text>
        )}
      </Stack>
    </Card>
  );
}

export function LibraryHealthWidget() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const q = useApi('library.governance', {});
  const c = q.data?.counts;
  return (
    <Card withBorder data-testid="widget-library-health">
      <Group justify="space-between" mb="xs">
        <Title order={5}>{t('library.widget.health')}</Title>
        <Anchor size="sm" onClick={() => navigate('/library?tab=governance')}>
          {t('library.widget.review')}
        </Anchor>
      </Group>
      <Group gap="xl">
        {(
          [
            ['expired', c?.expired, 'red'],
            ['verifyDue', c?.verifyDue, 'yellow'],
            ['duplicates', c?.duplicates, 'grape'],
          ] as const
        ).map(([k, n, color]) => (
          <div key={k}>
            <Text size="xl" fw={700} c={n ? color : undefined}>
              {n == null ? '—' : fmtNumber(n)}
            </Text>
            <Text size="xs" c="dimmed">
              {t(`library.gov.${k}`)}
            </Text>
          </div>
        ))}
      </Group>
    </Card>
  );
}
