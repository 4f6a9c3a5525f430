/**
 * The live-call screen's banner while the team server in use cannot be reached
 * ("Offline — last updated 14:05") or refuses the session: what is shown comes
 * from the copy on this computer.
 */
import { Alert } from '@mantine/core';
import { IconCloudOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { clock, serverName, useTeamConnection } from './connection';

export function TeamOfflineBanner() {
  const { t, i18n } = useTranslation();
  const { active } = useTeamConnection();
  if (!active || active.state === 'online') return null;
  const text =
    active.state === 'offline'
      ? t('teamClient.offlineBanner', { time: clock(active.lastSyncAt, i18n.language) })
      : `${t(`teamClient.${active.state === 'signedOut' ? 'expired' : active.state}`, { server: serverName(active.url) })} ${t('teamClient.refusedBanner')}`;
  return (
    <Alert
      color={active.state === 'offline' ? 'gray' : 'orange'}
      icon={<IconCloudOff size={18} />}
      py={6}
      data-testid="team-offline-banner"
      data-state={active.state}
    >
      {text}
    </Alert>
  );
}

/**
 * Every other screen, above its content: the team server in use can't be reached (or refuses
 * the session), said plainly — whatever the screen itself does with its failed loads.
 */
export function TeamStatusNotice() {
  const { t } = useTranslation();
  const { active } = useTeamConnection();
  if (!active || active.state === 'online') return null;
  const server = serverName(active.url);
  const text =
    active.state === 'offline'
      ? t('errors.teamClient.serverUnreachable', { server })
      : t(`teamClient.${active.state === 'signedOut' ? 'expired' : active.state}`, { server });
  return (
    <Alert
      color={active.state === 'offline' ? 'gray' : 'orange'}
      icon={<IconCloudOff size={18} />}
      py={6}
      mb="sm"
      data-testid="team-status-notice"
      data-state={active.state}
    >
      {text}
    </Alert>
  );
}
