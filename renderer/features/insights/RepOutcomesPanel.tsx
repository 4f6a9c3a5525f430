/**
 * CRM outcomes on a person's profile: the last 12 months of their deals (won, lost,
 * close rate, retention of their customers) beside their competence, month by month.
 */
import { Alert, Anchor, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApi } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { fmtNumber, fmtPercent } from '../../lib/format';
import { DEFAULT_FILTERS } from './format';
import { TrendChart } from './TrendChart';

function Stat({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <Card withBorder padding="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600} size="lg" data-testid={testId}>
        {value}
      </Text>
    </Card>
  );
}

export function RepOutcomesPanel({ personId }: { personId: number }) {
  const { t } = useTranslation();
  const q = useApi('insights.repTrend', { ...DEFAULT_FILTERS, repId: personId });
  if (q.error) return <Alert color="red">{errorText(t, q.error)}</Alert>;
  if (!q.data) return null;
  const points = q.data;
  const won = points.reduce((a, p) => a + p.won, 0);
  const lost = points.reduce((a, p) => a + p.lost, 0);
  const lastOf = (f: (p: (typeof points)[number]) => number | null) =>
    [...points]
      .reverse()
      .map(f)
      .find((v) => v !== null) ?? null;
  const retention = lastOf((p) => p.retention);
  const competence = lastOf((p) => p.competence);
  if (won + lost === 0)
    return (
      <Alert color="blue" data-testid="outcomes-empty">
        {t('insights.profile.none')}
      </Alert>
    );
  return (
    <Stack gap="sm" data-testid="outcomes-panel">
      <Text size="sm" c="dimmed">
        {t('insights.profile.intro', { from: points[0]?.month ?? '', to: points[points.length - 1]?.month ?? '' })}
      </Text>
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        <Stat
          label={t('insights.profile.closed')}
          value={t('insights.profile.wonLost', { won: fmtNumber(won), lost: fmtNumber(lost) })}
          testId="outcomes-closed"
        />
        <Stat label={t('insights.charts.trends.closeRate')} value={fmtPercent(won / (won + lost), 1)} testId="outcomes-close-rate" />
        <Stat
          label={t('insights.charts.trends.retention')}
          value={retention === null ? '—' : fmtPercent(retention, 0)}
          testId="outcomes-retention"
        />
        <Stat
          label={t('insights.charts.trends.competenceRep')}
          value={competence === null ? '—' : fmtNumber(competence, 0)}
          testId="outcomes-competence"
        />
      </SimpleGrid>
      {won + lost < 20 && (
        <Text size="xs" c="orange">
          {t('insights.profile.few', { n: won + lost })}
        </Text>
      )}
      <Card withBorder>
        <TrendChart points={points} oneRep height={240} />
        <Text size="xs" c="dimmed" mt="xs">
          {t('insights.charts.trends.def')}
        </Text>
      </Card>
      <Group>
        <Anchor component={Link} to="/insights" size="sm">
          {t('insights.profile.open')}
        </Anchor>
      </Group>
    </Stack>
  );
}
