/** Settings → About and updates: the app's version, its log folder (desktop) and the update feed. */
import { Alert, Button, Card, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { updateFeedUrl, type AppAbout } from '../../../shared/api/app';
import { api, useApi } from '../../lib/api';
import { errorText, translateValidation } from '../../lib/errors';
import { fmtDateTime } from '../../lib/format';
import { fireAndForget } from '../../lib/events';

const feedForm = z.object({ url: z.union([z.literal(''), updateFeedUrl]) });
type FeedForm = z.infer<typeof feedForm>;

function UpdateStatus({ about }: { about: AppAbout }) {
  const { t } = useTranslation();
  const u = about.updates;
  const text =
    u.state === 'idle'
      ? u.checkedAt
        ? t('about.state.idleAt', { at: fmtDateTime(u.checkedAt) })
        : t('about.state.idle')
      : u.state === 'available' || u.state === 'downloaded'
        ? t(`about.state.${u.state}`, { version: u.version })
        : u.state === 'error'
          ? t('about.state.error', { message: u.message })
          : t(`about.state.${u.state}`);
  return <Text data-testid="update-state">{text}</Text>;
}

export function AboutCard() {
  const { t } = useTranslation();
  const q = useApi('app.about', {});
  const [about, setAbout] = useState<AppAbout | undefined>();
  const [error, setError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<FeedForm>({ resolver: zodResolver(feedForm), defaultValues: { url: '' } });
  useEffect(() => {
    if (q.data) {
      setAbout(q.data);
      reset({ url: q.data.updateFeed ?? '' });
    }
  }, [q.data, reset]);

  const save = handleSubmit(async ({ url }) => {
    setError(null);
    try {
      setAbout(await api('app.setUpdateFeed', { url: url || null }));
      notifications.show({ color: 'green', message: t('about.saved') });
    } catch (e) {
      setError(errorText(t, e));
    }
  });
  const act = (fn: () => Promise<AppAbout | { opened: true }>) =>
    fireAndForget(async () => {
      setError(null);
      try {
        const v = await fn();
        if ('version' in v) setAbout(v);
      } catch (e) {
        setError(errorText(t, e));
      }
    });
  if (!about) return null;
  const desktop = about.host === 'electron';

  return (
    <Card withBorder data-testid="about-card">
      <Title order={4} mb="sm">
        {t('about.title')}
      </Title>
      <Stack gap="sm">
        {error && (
          <Alert color="red" withCloseButton onClose={() => setError(null)}>
            {error}
          </Alert>
        )}
        <Table variant="vertical" withTableBorder>
          <Table.Tbody>
            <Table.Tr>
              <Table.Th w={180}>{t('about.version')}</Table.Th>
              <Table.Td data-testid="app-version">{about.version}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('about.logs')}</Table.Th>
              <Table.Td>
                {desktop && about.logDir ? (
                  <Group gap="sm">
                    <Text size="sm" ff="monospace">
                      {about.logDir}
                    </Text>
                    <Button size="xs" variant="light" onClick={act(() => api('app.openLogFolder', {}))}>
                      {t('about.openLogs')}
                    </Button>
                  </Group>
                ) : (
                  <Text size="sm">{t('about.logsBrowser')}</Text>
                )}
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('about.feed')}</Table.Th>
              <Table.Td>
                <Text size="sm">{t(`about.feedFrom.${about.feedSource}`)}</Text>
                {desktop ? (
                  <UpdateStatus about={about} />
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('about.browserUpdates')}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
        {desktop && (
          <form onSubmit={(e) => void save(e)}>
            <Group align="flex-end" gap="sm">
              <TextInput
                style={{ flex: 1 }}
                label={t('about.feed')}
                description={t('about.feedHelp')}
                placeholder="https://updates.example.com/sales-workbench"
                {...register('url')}
                error={translateValidation(t, errors.url?.message)}
              />
              <Button type="submit" loading={isSubmitting}>
                {t('about.saveFeed')}
              </Button>
              <Button variant="light" disabled={about.feedSource === 'none'} onClick={act(() => api('app.checkForUpdates', {}))}>
                {t('about.check')}
              </Button>
            </Group>
          </form>
        )}
      </Stack>
    </Card>
  );
}
