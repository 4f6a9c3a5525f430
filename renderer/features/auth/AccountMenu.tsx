/** Team mode header: the signed-in person, a switch among their own roles (home page), sign out and sign out everywhere. */
import { Button, Group, Menu, Select } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconChevronDown, IconLogout, IconUserCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../../shared/api/people';
import { useSession } from '../../app/session';
import { api } from '../../lib/api';
import { personName } from '../../lib/format';

export function AccountMenu() {
  const { t } = useTranslation();
  const { session, setActor, refresh } = useSession();
  if (!session?.person) return null;
  const person = session.person;
  const signOut = async (everywhere: boolean) => {
    await (everywhere ? api('auth.signOutEverywhere', {}) : api('auth.signOut', {})).catch(() => null);
    await refresh();
  };
  return (
    <Group gap="xs" wrap="nowrap">
      {session.roles.length > 1 && (
        <Select
          aria-label={t('auth.homeRole')}
          size="xs"
          w={130}
          data={ROLES.filter((r) => session.roles.includes(r)).map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          value={session.role}
          allowDeselect={false}
          data-testid="role-picker"
          onChange={(r) => r && void setActor(person.id, r as Role)}
        />
      )}
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button variant="default" size="xs" leftSection={<IconUserCircle size={16} />} rightSection={<IconChevronDown size={14} />} data-testid="account-menu" maw={220}>
            {personName(person)}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>
            {person.email} · {session.roles.map((r) => t(`roles.${r}`)).join(', ')}
          </Menu.Label>
          <Menu.Item leftSection={<IconLogout size={14} />} onClick={() => void signOut(false)} data-testid="sign-out">
            {t('auth.signOut')}
          </Menu.Item>
          <Menu.Item
            color="red"
            leftSection={<IconLogout size={14} />}
            data-testid="sign-out-everywhere"
            onClick={() =>
              modals.openConfirmModal({
                title: t('auth.signOutEverywhere'),
                children: t('auth.signOutEverywhereConfirm'),
                labels: { confirm: t('auth.signOutEverywhere'), cancel: t('actions.cancel') },
                confirmProps: { color: 'red', 'data-testid': 'confirm-sign-out-everywhere' },
                onConfirm: () => void signOut(true),
              })
            }
          >
            {t('auth.signOutEverywhere')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
    </Group>
  );
}
