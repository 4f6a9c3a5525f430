/** The role home page: a greeting, the features' widgets for this role, the team at a glance. */
import { Anchor, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApi } from '../../lib/api';
import { personName } from '../../lib/format';
import { HOME_WIDGETS } from '../../app/sections';
import { useSession } from '../../app/session';

export function HomePage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const role = session?.role ?? 'manager';
  const person = session?.person ?? null;
  const teams = useApi('teams.list', { includeEmpty: false });
  const widgets = HOME_WIDGETS.filter((w) => w.roles.includes(role)).sort((a, b) => a.order - b.order);
  const myTeam = teams.data?.find((tm) => tm.id === person?.teamId);
  return (
    <Stack gap="lg" data-testid={`home-${role}`}>
      <div>
        <Title order={2}>{person ? t('home.greeting', { name: personName(person) }) : t('home.greetingNoName')}</Title>
        <Text c="dimmed">{person ? t(`home.${role}Intro`) : t('home.chooseRole')}</Text>
      </div>
      {widgets.map((w) => (
        <w.element key={w.id} />
      ))}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder>
          <Title order={5} mb="xs">
            {myTeam ? t('home.team') : t('home.teams')}
          </Title>
          <Stack gap={4}>
            {(myTeam ? [myTeam] : (teams.data ?? [])).map((tm) => (
              <Group key={tm.id} justify="space-between">
                <Anchor component={Link} to={`/people?team=${tm.id}`}>
                  {tm.name}
                </Anchor>
                <Text size="sm" c="dimmed">
                  {t('home.peopleCount', { count: tm.memberCount })}
                </Text>
              </Group>
            ))}
          </Stack>
        </Card>
        <Card withBorder>
          <Title order={5} mb="xs">
            {t('home.quickLinks')}
          </Title>
          <Stack gap={4}>
            <Anchor component={Link} to="/people">
              {t('home.managePeople')}
            </Anchor>
            <Anchor component={Link} to="/settings">
              {t('home.openSettings')}
            </Anchor>
          </Stack>
        </Card>
      </SimpleGrid>
    </Stack>
  );
}
