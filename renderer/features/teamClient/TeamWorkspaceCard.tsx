/**
 * Settings → Team workspace: the server address, its certificate (a self-signed
 * one is trusted only by fingerprint), password sign-in or single sign-on in
 * the system browser (when the server offers it), the remembered servers
 * and one click between the local workspace and a team workspace. The browser
 * host has no such ability: the card says where it is done.
 */
import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Code,
  Divider,
  Group,
  Loader,
  PasswordInput,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconKey } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TeamConnectionsState, TeamProbe } from '../../../shared/api/teamClient';
import { api, useApi } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { fmtDateTime } from '../../lib/format';
import { fireAndForget } from '../../lib/events';
import { useTeamConnection } from './connection';

const STATE_COLOR = {
  online: 'green',
  offline: 'gray',
  expired: 'orange',
  revoked: 'red',
  otherWorkspace: 'red',
  signedOut: 'gray',
} as const;

export function TeamWorkspaceCard() {
  const { t, i18n } = useTranslation();
  const q = useApi('teamClient.state', {});
  const conn = useTeamConnection();
  const [state, setLocalState] = useState<TeamConnectionsState | null>(null);
  // the header and every screen follow what changes here (switching reloads them)
  const setState = (s: TeamConnectionsState) => {
    setLocalState(s);
    conn.set(s);
  };
  const [url, setUrl] = useState('');
  const [probe, setProbe] = useState<TeamProbe | null>(null);
  const [trust, setTrust] = useState(false);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const current = state ?? q.data ?? null;

  // handlers report their own errors on the card, so the click itself never waits
  const run = (key: string, fn: () => Promise<void>) =>
    fireAndForget(async () => {
      setError(null);
      setBusy(key);
      try {
        await fn();
      } catch (e) {
        setError(errorText(t, e));
      } finally {
        setBusy(null);
      }
    });

  if (q.loading && !q.data) return null;
  if (!current) {
    return (
      <Card withBorder data-testid="team-workspace-card">
        <Title order={4} mb="sm">
          {t('teamClient.title')}
        </Title>
        <Text size="sm" mb="xs">
          {t('teamClient.intro')}
        </Text>
        <Alert color="blue" data-testid="team-workspace-desktop-only">
          {t('teamClient.browserOnly')}
        </Alert>
      </Card>
    );
  }

  const needsTrust = !!probe?.tls && !probe.systemTrusted;
  const lang = (['en', 'ru', 'zh'] as const).find((l) => i18n.language.startsWith(l)) ?? 'en';
  return (
    <Card withBorder data-testid="team-workspace-card">
      <Title order={4} mb="sm">
        {t('teamClient.title')}
      </Title>
      <Stack gap="sm">
        <Text size="sm">{t('teamClient.intro')}</Text>
        {error && (
          <Alert color="red" withCloseButton onClose={() => setError(null)} data-testid="team-workspace-error">
            {error}
          </Alert>
        )}
        <Group align="flex-end">
          <TextInput
            label={t('teamClient.address')}
            description={t('teamClient.addressHint')}
            value={url}
            onChange={(e) => {
              setUrl(e.currentTarget.value);
              setProbe(null);
              setTrust(false);
            }}
            style={{ flex: 1 }}
            data-testid="team-server-address"
          />
          <Button
            variant="default"
            loading={busy === 'probe'}
            disabled={!url.trim()}
            onClick={run('probe', async () => setProbe(await api('teamClient.probe', { url })))}
          >
            {t('teamClient.check')}
          </Button>
        </Group>
        {probe?.tls && (
          <Alert color={probe.systemTrusted ? 'green' : 'yellow'} data-testid="team-server-certificate">
            <Text size="sm">{probe.systemTrusted ? t('teamClient.certTrusted') : t('teamClient.certUntrusted')}</Text>
            {!probe.systemTrusted && (
              <>
                <Code block my="xs">
                  {probe.fingerprint}
                </Code>
                <Checkbox label={t('teamClient.trust')} checked={trust} onChange={(e) => setTrust(e.currentTarget.checked)} />
              </>
            )}
          </Alert>
        )}
        {probe && (
          <Group align="flex-end">
            <TextInput
              label={t('teamClient.email')}
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              autoComplete="username"
            />
            <PasswordInput
              w={220}
              label={t('teamClient.password')}
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              autoComplete="current-password"
            />
            <Button
              loading={busy === 'connect'}
              disabled={!email || !password || (needsTrust && !trust)}
              onClick={run('connect', async () => {
                setState(
                  await api('teamClient.connect', {
                    url: probe.url,
                    email,
                    password,
                    trustFingerprint: needsTrust ? probe.fingerprint : null,
                  }),
                );
                setPassword('');
                setProbe(null);
              })}
            >
              {t('teamClient.connect')}
            </Button>
          </Group>
        )}
        {probe?.sso && (
          <>
            <Divider label={t('teamClient.or')} labelPosition="center" />
            <Group align="center">
              <Button
                variant="default"
                leftSection={<IconKey size={16} />}
                disabled={busy === 'sso' || (needsTrust && !trust)}
                onClick={run('sso', async () => {
                  setState(
                    await api('teamClient.connectSso', { url: probe.url, trustFingerprint: needsTrust ? probe.fingerprint : null, lang }),
                  );
                  setProbe(null);
                })}
                data-testid="team-sso"
              >
                {t('teamClient.sso')}
              </Button>
              <Text size="xs" c="dimmed" style={{ flex: 1 }}>
                {t('teamClient.ssoHint')}
              </Text>
            </Group>
            {busy === 'sso' && (
              <Alert color="blue" data-testid="team-sso-waiting">
                <Group gap="sm">
                  <Loader size="xs" />
                  <Text size="sm" style={{ flex: 1 }}>
                    {t('teamClient.ssoWaiting')}
                  </Text>
                  <Button
                    size="xs"
                    variant="default"
                    onClick={fireAndForget(() => api('teamClient.cancelSso', {}))}
                    data-testid="team-sso-cancel"
                  >
                    {t('teamClient.ssoCancel')}
                  </Button>
                </Group>
              </Alert>
            )}
          </>
        )}
        <Title order={5}>{t('teamClient.servers')}</Title>
        <Table data-testid="team-servers">
          <Table.Tbody>
            <Table.Tr>
              <Table.Td>{t('teamClient.local')}</Table.Td>
              <Table.Td />
              <Table.Td>
                {current.active === null ? (
                  <Badge>{t('teamClient.inUse')}</Badge>
                ) : (
                  <Button size="xs" variant="light" onClick={run('use', async () => setState(await api('teamClient.use', { url: null })))}>
                    {t('teamClient.use')}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
            {current.servers.map((s) => (
              <Table.Tr key={s.url}>
                <Table.Td>
                  <Text size="sm">{s.url}</Text>
                  <Text size="xs" c="dimmed">
                    {s.person ?? s.email} · {s.lastSyncAt ? fmtDateTime(s.lastSyncAt) : t('teamClient.never')}
                    {s.fingerprint ? ` · ${s.fingerprint.slice(0, 23)}…` : ''}
                  </Text>
                  {s.notice && (
                    <Text size="xs" c="red.9" data-testid="team-server-notice">
                      {t(`teamClient.notice.${s.notice}`)}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Badge color={STATE_COLOR[s.state]} variant="light">
                    {t(`teamClient.state.${s.state}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Group gap="xs">
                    {current.active === s.url ? (
                      <Badge>{t('teamClient.inUse')}</Badge>
                    ) : (
                      <Button
                        size="xs"
                        variant="light"
                        onClick={run('use', async () => setState(await api('teamClient.use', { url: s.url })))}
                      >
                        {t('teamClient.use')}
                      </Button>
                    )}
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      loading={busy === `out-${s.url}`}
                      onClick={run(`out-${s.url}`, async () => setState(await api('teamClient.signOut', { url: s.url })))}
                    >
                      {t('teamClient.signOut')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Card>
  );
}
