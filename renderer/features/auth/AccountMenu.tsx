/** Team mode header: the signed-in person, a switch among their own roles (home page), sign out and sign out everywhere. */
import { Alert, Button, Group, Menu, Modal, PasswordInput, Select, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { modals } from '@mantine/modals';
import { IconChevronDown, IconKey, IconLogout, IconUserCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN } from '../../../shared/api/auth';
import { ROLES } from '../../../shared/api/people';
import { useSession } from '../../app/session';
import { api } from '../../lib/api';
import { personName } from '../../lib/format';
import { errorText } from '../../lib/errors';
import { NewPasswordFields } from './NewPasswordFields';

/** Current password, then the new one twice; the server ends the person's other sessions. */
function ChangePassword({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setMismatch(next !== repeat);
    if (next !== repeat) return;
    setBusy(true);
    setError(null);
    try {
      const r = await api('auth.changePassword', { current, next });
      notifications.show({ color: 'green', message: t('auth.passwordChanged', { count: r.revoked }) });
      onClose();
    } catch (e) {
      setError(errorText(t, e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened onClose={onClose} title={t('auth.changePassword')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack gap="sm">
          {error && (
            <Alert color="red" data-testid="change-password-error">
              {error}
            </Alert>
          )}
          <PasswordInput
            label={t('auth.currentPassword')}
            autoComplete="current-password"
            required
            value={current}
            onChange={(e) => setCurrent(e.currentTarget.value)}
            data-testid="current-password"
          />
          <NewPasswordFields
            password={next}
            repeat={repeat}
            onPassword={setNext}
            onRepeat={setRepeat}
            mismatch={mismatch}
            description={t('auth.ruleLength', { min: PASSWORD_MIN })}
          />
          <Button type="submit" loading={busy} data-testid="change-password-submit">
            {t('auth.changePassword')}
          </Button>
        </Stack>
      </form>
    </Modal>
  );
}

export function AccountMenu() {
  const { t } = useTranslation();
  const { session, setActor, refresh } = useSession();
  const [changing, setChanging] = useState(false);
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
          onChange={(r) => r && void setActor(person.id, r)}
        />
      )}
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button
            variant="default"
            size="xs"
            leftSection={<IconUserCircle size={16} />}
            rightSection={<IconChevronDown size={14} />}
            data-testid="account-menu"
            maw={220}
          >
            {personName(person)}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>
            {person.email} · {session.roles.map((r) => t(`roles.${r}`)).join(', ')}
          </Menu.Label>
          <Menu.Item leftSection={<IconKey size={14} />} onClick={() => setChanging(true)} data-testid="change-password">
            {t('auth.changePassword')}
          </Menu.Item>
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
      {changing && <ChangePassword onClose={() => setChanging(false)} />}
    </Group>
  );
}
