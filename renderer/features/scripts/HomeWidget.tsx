/** Rep home: a big "Start live call" button, pinned and recently used scripts. */
import { Anchor, Button, Card, Group, Kbd, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconPhoneCall } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useNavigate } from '../../lib/navigate';
import { useApi } from '../../lib/api';
import { fmtDateTime } from '../../lib/format';

export function RepScriptsWidget() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const usage = useApi('scripts.usage', {});
  const u = usage.data;
  const list = (items: { id: number; title: string; at?: string }[], empty: string, testId: string) => (
    <Stack gap={4} data-testid={testId}>
      {items.map((s) => (
        <Group key={s.id} justify="space-between" wrap="nowrap">
          <Anchor component={Link} to={`/live?script=${s.id}`} lineClamp={1}>
            {s.title}
          </Anchor>
          {s.at && (
            <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
              {fmtDateTime(s.at)}
            </Text>
          )}
        </Group>
      ))}
      {u && !items.length && (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      )}
    </Stack>
  );
  return (
    <Card withBorder data-testid="home-scripts">
      <Group justify="space-between" mb="sm">
        <Title order={4}>{t('scripts.home.title')}</Title>
        <Button
          size="lg"
          color="red"
          leftSection={<IconPhoneCall size={22} />}
          rightSection={<Kbd>Ctrl L</Kbd>}
          onClick={() => navigate('/live')}
          data-testid="home-start-live"
        >
          {t('scripts.home.startLive')}
        </Button>
      </Group>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <div>
          <Text fw={600} size="sm" mb={4}>
            {t('scripts.home.pinned')}
          </Text>
          {list(u?.pinned ?? [], t('scripts.home.noPinned'), 'home-pinned')}
        </div>
        <div>
          <Text fw={600} size="sm" mb={4}>
            {t('scripts.home.recent')}
          </Text>
          {list(u?.recent ?? [], t('scripts.home.noRecent'), 'home-recent')}
        </div>
        <div>
          <Text fw={600} size="sm" mb={4}>
            {t('scripts.home.myScripts')}
          </Text>
          {list(u?.published ?? [], t('scripts.home.noScripts'), 'home-published')}
          <Anchor component={Link} to="/scripts" size="sm">
            {t('scripts.home.all')}
          </Anchor>
        </div>
      </SimpleGrid>
    </Card>
  );
}
