/** Manager home: the team's close rate, retention and sales champion of the month, linking to Insights. */
import { Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconTrophy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { closeRate } from '../../../shared/domain/stats';
import { useSession } from '../../app/session';
import { useApi } from '../../lib/api';
import { fmtPercent, personName } from '../../lib/format';

export function TeamInsightsWidget() {
  const { t } = useTranslation();
  const { session } = useSession();
  const teamId = session?.person?.teamId ?? null;
  const q = useApi('insights.page', { teamId });
  const d = q.data;
  if (!d || d.dealsTotal === 0) return null;
  const won = d.reps.reduce((a, r) => a + r.won, 0);
  const lost = d.reps.reduce((a, r) => a + r.lost, 0);
  const base = d.reps.reduce((a, r) => a + r.retention.base, 0);
  const kept = d.reps.reduce((a, r) => a + r.retention.retained, 0);
  const cr = closeRate(won, lost);
  const champion = d.reps.find((r) => r.repId === d.leaderboard.champion);
  return (
    <Card withBorder data-testid="home-insights">
      <Title order={5} mb="xs">
        {t('insights.widget.title')}
      </Title>
      <Stack gap={4}>
        <Text size="sm">{t('insights.widget.closeRate', { value: cr === null ? '—' : fmtPercent(cr, 1) })}</Text>
        <Text size="sm">{t('insights.widget.retention', { value: base ? fmtPercent(kept / base, 0) : '—' })}</Text>
        <Text size="xs" c="dimmed" data-testid="home-retention-hint">
          {t('insights.widget.retentionHint')}
        </Text>
        {champion && (
          <Group gap={6}>
            <IconTrophy size={16} color="#f08c00" />
            <Text size="sm">{t('insights.charts.leaderboard.champion', { name: personName(champion) })}</Text>
          </Group>
        )}
        <Anchor component={Link} to="/insights" size="sm">
          {t('insights.widget.open')}
        </Anchor>
      </Stack>
    </Card>
  );
}
