import { AppShell, Badge, Button, Group, Kbd, NavLink, ScrollArea, Select, Text, Title, Tooltip } from '@mantine/core';
import { spotlight } from '@mantine/spotlight';
import { IconSearch } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { ROLES, type Role } from '../../shared/api/people';
import { LANGUAGES, setLanguage, type Lang } from './i18n';
import { PersonPicker } from './PersonPicker';
import { SECTIONS } from './sections';
import { useSession } from './session';
import { AccountMenu } from '../features/auth/AccountMenu';
import { NotificationsBell } from '../features/notifications/Bell';
import { WorkspaceSwitch } from '../features/teamClient/WorkspaceSwitch';
import { useTeamConnection } from '../features/teamClient/connection';
import { TeamStatusNotice } from '../features/teamClient/OfflineBanner';

export function Shell({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const { workspace, session, setActor } = useSession();
  const location = useLocation();
  // a team workspace in use: the header names it instead of the local workspace file
  const team = useTeamConnection().active;
  const person = session?.person ?? null;
  const roleOptions = (person ? (person.roles.includes('admin') ? [...ROLES] : person.roles) : [...ROLES]).map((r) => ({
    value: r,
    label: t(`roles.${r}`),
  }));

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 210, breakpoint: 0 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Title order={4} style={{ whiteSpace: 'nowrap' }}>
              {t('app.name')}
            </Title>
            {workspace && !team && (
              <Text size="sm" c="dimmed" truncate maw={220} data-testid="workspace-name">
                {workspace.isDemo ? t('settings.demoName') : workspace.name}
              </Text>
            )}
            {workspace?.isDemo && !team && (
              <Tooltip label={t('app.demoHint')} multiline w={280}>
                <Badge color="orange" variant="light" data-testid="demo-badge">
                  {t('app.demo')}
                </Badge>
              </Tooltip>
            )}
            <WorkspaceSwitch />
          </Group>
          <Group gap="xs" wrap="nowrap">
            <Button
              variant="default"
              size="xs"
              leftSection={<IconSearch size={14} />}
              rightSection={<Kbd size="xs">Ctrl K</Kbd>}
              onClick={() => spotlight.open()}
              data-testid="open-palette"
            >
              {t('header.search')}
            </Button>
            <NotificationsBell />
            {session?.mode === 'team' ? (
              <AccountMenu />
            ) : (
              <>
                <PersonPicker
                  aria-label={t('header.person')}
                  placeholder={t('header.noPerson')}
                  size="xs"
                  w={210}
                  value={person?.id ?? null}
                  current={person}
                  data-testid="person-picker"
                  onChange={(id, p) => {
                    const role: Role = p && session && p.roles.includes(session.role) ? session.role : (p?.roles[0] ?? 'manager');
                    void setActor(id, role);
                  }}
                />
                <Select
                  aria-label={t('header.role')}
                  size="xs"
                  w={130}
                  data={roleOptions}
                  value={session?.role ?? null}
                  allowDeselect={false}
                  data-testid="role-picker"
                  onChange={(r) => r && void setActor(person?.id ?? null, r)}
                />
              </>
            )}
            <Select
              aria-label={t('header.language')}
              size="xs"
              w={110}
              data={LANGUAGES.map((l) => ({ value: l.code, label: l.label }))}
              value={i18n.language}
              allowDeselect={false}
              data-testid="language-picker"
              onChange={(v) => v && void setLanguage(v as Lang)}
            />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs">
        <AppShell.Section grow component={ScrollArea}>
          {SECTIONS.filter((s) => !s.hidden).map((s) => {
            const active = s.href === '/' ? location.pathname === '/' : location.pathname.startsWith(s.href);
            return (
              <NavLink
                key={s.id}
                component={Link}
                to={s.href}
                label={t(s.labelKey)}
                leftSection={<s.icon size={18} stroke={1.6} />}
                active={active}
                data-testid={`nav-${s.id}`}
              />
            );
          })}
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main>
        {/* the live-call screen has its own banner (it works from the offline copy) */}
        {!location.pathname.startsWith('/live') && <TeamStatusNotice />}
        {children}
      </AppShell.Main>
    </AppShell>
  );
}
