/**
 * Header: which workspace is in use — the local one, or a team server with the
 * signed-in person (the account menu beside it names them in the UI language) —
 * and one click to switch between them. Offline and ended
 * sessions show as a badge beside it. Nothing is shown where this host cannot
 * connect to team servers.
 */
import { Badge, Group, SegmentedControl, Tooltip } from '@mantine/core';
import { IconCloud, IconCloudOff, IconDeviceDesktop } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifications } from '@mantine/notifications';
import { errorText } from '../../lib/errors';
import { clock, serverName, useTeamConnection } from './connection';

export function WorkspaceSwitch() {
  const { t, i18n } = useTranslation();
  const { state, active, use } = useTeamConnection();
  const [busy, setBusy] = useState(false);
  if (!state || !state.servers.length) return null;
  const data = [
    {
      value: '',
      label: (
        <Group gap={4} wrap="nowrap">
          <IconDeviceDesktop size={14} />
          <span>{t('teamClient.headerLocal')}</span>
        </Group>
      ),
    },
    ...state.servers.map((s) => ({
      value: s.url,
      label: (
        <Group gap={4} wrap="nowrap">
          {s.state === 'online' ? <IconCloud size={14} /> : <IconCloudOff size={14} />}
          <span>{serverName(s.url)}</span>
        </Group>
      ),
    })),
  ];
  const offline = active && active.state !== 'online';
  return (
    <Group gap={6} wrap="nowrap" data-testid="workspace-switch" data-active={state.active ?? ''} data-state={active?.state ?? 'local'}>
      <SegmentedControl
        size="xs"
        aria-label={t('teamClient.header')}
        data={data}
        value={state.active ?? ''}
        disabled={busy}
        onChange={(v) => {
          setBusy(true);
          use(v || null)
            .catch((e: unknown) => notifications.show({ color: 'red', message: errorText(t, e) }))
            .finally(() => setBusy(false));
        }}
        data-testid="workspace-switch-control"
      />
      {offline && (
        <Tooltip
          label={
            active.state === 'offline'
              ? t('teamClient.offline', { time: clock(active.lastSyncAt, i18n.language) })
              : t(`teamClient.${active.state === 'signedOut' ? 'expired' : active.state}`, { server: serverName(active.url) })
          }
          multiline
          w={300}
        >
          <Badge
            color={active.state === 'offline' ? 'gray' : 'orange'}
            variant="filled"
            size="sm"
            leftSection={<IconCloudOff size={12} />}
            data-testid="team-offline-indicator"
          >
            {active.state === 'offline' ? t('teamClient.offlineShort') : t(`teamClient.state.${active.state}`)}
          </Badge>
        </Tooltip>
      )}
    </Group>
  );
}
