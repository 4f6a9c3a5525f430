/**
 * Settings → Team (admin): turn a solo workspace into a team workspace,
 * invite people (the link is shown once), pending invitations, sessions per
 * person with revoke, unlocking locked accounts, and session expiry.
 */
import {
  Alert,
  Badge,
  Button,
  Card,
  CopyButton,
  Group,
  Modal,
  NumberInput,
  PasswordInput,
  ScrollArea,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TeamAccount } from '../../../shared/api/auth';
import { PersonPicker } from '../../app/PersonPicker';
import { useSession } from '../../app/session';
import { api, useApi } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { fmtDateTime, personName } from '../../lib/format';
import { fireAndForget } from '../../lib/events';

function SessionsModal({ account, onClose, onChanged }: { account: TeamAccount; onClose: () => void; onChanged: () => void }) {
  const { t } = useTranslation();
  const list = useApi('team.sessions', { personId: account.personId });
  const act = async (fn: () => Promise<unknown>) => {
    await fn();
    list.reload();
    onChanged();
  };
  const rows = list.data ?? [];
  return (
    <Modal opened onClose={onClose} title={t('team.sessionsOf', { name: personName(account) })} size="xl">
      {rows.length === 0 ? (
        <Text c="dimmed">{t('team.noSessions')}</Text>
      ) : (
        <Table striped data-testid="sessions-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('team.device')}</Table.Th>
              <Table.Th>{t('team.address')}</Table.Th>
              <Table.Th>{t('team.started')}</Table.Th>
              <Table.Th>{t('team.lastSeen')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>
                  <Text size="sm">{s.kind === 'bearer' ? t('team.kindBearer') : t('team.kindBrowser')}</Text>
                  <Text size="xs" c="dimmed" lineClamp={1} maw={260} title={s.userAgent}>
                    {s.userAgent}
                  </Text>
                  {s.current && <Badge size="xs">{t('team.thisSession')}</Badge>}
                </Table.Td>
                <Table.Td>{s.ip}</Table.Td>
                <Table.Td>{fmtDateTime(s.createdAt)}</Table.Td>
                <Table.Td>{fmtDateTime(s.lastSeenAt)}</Table.Td>
                <Table.Td>
                  <Button
                    size="compact-xs"
                    variant="light"
                    color="red"
                    onClick={() => void act(() => api('team.revokeSession', { id: s.id }))}
                    data-testid="revoke-session"
                  >
                    {t('team.revoke')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Group justify="space-between" mt="md">
        <Button
          color="red"
          variant="light"
          disabled={rows.length === 0}
          onClick={() => void act(() => api('team.revokePersonSessions', { personId: account.personId }))}
          data-testid="revoke-all-sessions"
        >
          {t('team.revokeAll')}
        </Button>
        <Button variant="default" onClick={onClose}>
          {t('team.close')}
        </Button>
      </Group>
    </Modal>
  );
}

function InviteModal({ invite, onClose }: { invite: { name: string; code: string; expiresAt: string }; onClose: () => void }) {
  const { t } = useTranslation();
  const link = `${window.location.origin}/#/invite/${invite.code}`;
  return (
    <Modal opened onClose={onClose} title={t('team.inviteReady', { name: invite.name })} size="lg">
      <Stack>
        <Text size="sm">{t('team.inviteLinkHelp', { name: invite.name, date: fmtDateTime(invite.expiresAt) })}</Text>
        <TextInput
          readOnly
          value={link}
          data-testid="invite-link"
          onFocus={(e) => e.currentTarget.select()}
          aria-label={t('team.inviteReady', { name: invite.name })}
        />
        <Group justify="space-between">
          <CopyButton value={link}>
            {({ copied, copy }) => (
              <Button onClick={copy} color={copied ? 'teal' : undefined} data-testid="copy-invite">
                {copied ? t('team.copied') : t('team.copy')}
              </Button>
            )}
          </CopyButton>
          <Button variant="default" onClick={onClose} data-testid="close-invite">
            {t('team.close')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function EnableTeam({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const [personId, setPersonId] = useState<number | null>(null);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <Stack gap="sm" maw={520}>
      <Text size="sm">{t('team.soloHelp')}</Text>
      <Text size="sm" c="dimmed">
        {t('team.enableHelp')}
      </Text>
      {error && <Alert color="red">{error}</Alert>}
      <PersonPicker label={t('auth.setupPerson')} value={personId} onChange={(id) => setPersonId(id)} data-testid="enable-person" />
      <PasswordInput
        label={t('auth.choosePassword')}
        description={t('auth.ruleLength', { min: 12 })}
        autoComplete="new-password"
        value={password}
        onChange={(e) => setPassword(e.currentTarget.value)}
        data-testid="enable-password"
      />
      <Button
        w="fit-content"
        loading={busy}
        disabled={!personId || !password}
        data-testid="enable-team"
        onClick={fireAndForget(async () => {
          setBusy(true);
          setError(null);
          try {
            await api('team.enable', { personId: personId!, password });
            setPassword('');
            onDone();
          } catch (e) {
            setError(errorText(t, e));
          } finally {
            setBusy(false);
          }
        })}
      >
        {t('team.enable')}
      </Button>
    </Stack>
  );
}

function ExpirySettings({ initial, onSaved }: { initial: { idleMinutes: number; absoluteHours: number }; onSaved: () => void }) {
  const { t } = useTranslation();
  const [v, setV] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setV(initial), [initial]);
  return (
    <Stack gap="xs">
      <Title order={5}>{t('team.expiry')}</Title>
      <Text size="sm" c="dimmed">
        {t('team.expiryHelp')}
      </Text>
      {error && <Alert color="red">{error}</Alert>}
      <Group align="end">
        <NumberInput
          label={t('team.idleMinutes')}
          min={5}
          max={43200}
          w={200}
          value={v.idleMinutes}
          onChange={(n) => setV({ ...v, idleMinutes: Number(n) || 0 })}
          data-testid="idle-minutes"
        />
        <NumberInput
          label={t('team.absoluteHours')}
          min={1}
          max={8760}
          w={200}
          value={v.absoluteHours}
          onChange={(n) => setV({ ...v, absoluteHours: Number(n) || 0 })}
          data-testid="absolute-hours"
        />
        <Button
          data-testid="save-expiry"
          onClick={fireAndForget(async () => {
            setError(null);
            try {
              await api('team.setSettings', v);
              notifications.show({ color: 'green', message: t('team.saved') });
              onSaved();
            } catch (e) {
              setError(errorText(t, e));
            }
          })}
        >
          {t('team.save')}
        </Button>
      </Group>
    </Stack>
  );
}

export function TeamSettings() {
  const { t } = useTranslation();
  const { session } = useSession();
  const overview = useApi('team.overview', {});
  const [invite, setInvite] = useState<{ name: string; code: string; expiresAt: string } | null>(null);
  const [sessionsOf, setSessionsOf] = useState<TeamAccount | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (!session?.roles.includes('admin')) return null;
  const o = overview.data;
  const act = async (fn: () => Promise<void>) => {
    setError(null);
    try {
      await fn();
      overview.reload();
    } catch (e) {
      setError(errorText(t, e));
    }
  };
  return (
    <Card withBorder data-testid="team-settings">
      <Title order={4} mb="sm">
        {t('team.title')}
      </Title>
      {error && (
        <Alert color="red" mb="sm" withCloseButton onClose={() => setError(null)} data-testid="team-error">
          {error}
        </Alert>
      )}
      {o && !o.enabled && session.mode === 'solo' && <EnableTeam onDone={overview.reload} />}
      {o && o.enabled && (
        <Stack gap="md">
          <Text size="sm">{t('team.enabled')}</Text>
          <Title order={5}>{t('team.people')}</Title>
          <ScrollArea.Autosize mah={420}>
            <Table striped stickyHeader verticalSpacing={4} data-testid="accounts-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('common.name')}</Table.Th>
                  <Table.Th miw={200}>{t('team.status')}</Table.Th>
                  <Table.Th>{t('team.sessions')}</Table.Th>
                  <Table.Th>{t('team.lastSeen')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {o.accounts.map((a) => (
                  <Table.Tr key={a.personId} data-testid={`account-${a.email}`}>
                    <Table.Td>
                      <Text size="sm">{personName(a)}</Text>
                      <Text size="xs" c="dimmed">
                        {a.email}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap" style={{ whiteSpace: 'nowrap' }}>
                        {a.locked && (
                          <Badge color="red" data-testid="locked-badge" style={{ flexShrink: 0 }}>
                            {t('team.locked')}
                          </Badge>
                        )}
                        {a.hasPassword ? (
                          <Badge variant="light" style={{ flexShrink: 0 }}>
                            {t('team.statusActive')}
                          </Badge>
                        ) : a.pendingInvitation ? (
                          <Badge variant="light" color="yellow" style={{ flexShrink: 0 }}>
                            {t('team.statusInvited')}
                          </Badge>
                        ) : (
                          <Text size="sm" c="dimmed">
                            {t('team.statusNone')}
                          </Text>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Button size="compact-xs" variant="subtle" onClick={() => setSessionsOf(a)} data-testid="open-sessions">
                        {a.sessions}
                      </Button>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{a.lastSeenAt ? fmtDateTime(a.lastSeenAt) : '—'}</Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap" justify="end">
                        {a.locked && (
                          <Button
                            size="compact-xs"
                            color="red"
                            variant="light"
                            data-testid="unlock"
                            onClick={() =>
                              void act(async () => {
                                await api('team.unlock', { personId: a.personId });
                                notifications.show({ color: 'green', message: t('team.unlocked', { name: personName(a) }) });
                              })
                            }
                          >
                            {t('team.unlock')}
                          </Button>
                        )}
                        <Button
                          size="compact-xs"
                          variant="light"
                          data-testid="invite"
                          onClick={() =>
                            void act(async () => {
                              const r = await api('team.invite', { personId: a.personId });
                              setInvite({ name: personName(a), code: r.code, expiresAt: r.expiresAt });
                            })
                          }
                        >
                          {a.hasPassword || a.pendingInvitation ? t('team.reinvite') : t('team.invite')}
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
          <Title order={5}>{t('team.pending')}</Title>
          {o.invitations.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('team.noPending')}
            </Text>
          ) : (
            <Table data-testid="pending-invitations">
              <Table.Tbody>
                {o.invitations.map((i) => (
                  <Table.Tr key={i.id}>
                    <Table.Td>{i.name}</Table.Td>
                    <Table.Td>{i.email}</Table.Td>
                    <Table.Td>
                      {t('team.expires')}: {fmtDateTime(i.expiresAt)}
                    </Table.Td>
                    <Table.Td>
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        color="red"
                        onClick={() => void act(async () => void (await api('team.revokeInvitation', { id: i.id })))}
                      >
                        {t('team.revoke')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          <ExpirySettings initial={o.settings} onSaved={overview.reload} />
        </Stack>
      )}
      {invite && (
        <InviteModal
          invite={invite}
          onClose={() => {
            setInvite(null);
            overview.reload();
          }}
        />
      )}
      {sessionsOf && <SessionsModal account={sessionsOf} onClose={() => setSessionsOf(null)} onChanged={overview.reload} />}
    </Card>
  );
}
