/** What a page shows when the server refuses its record: a plain message in the UI language, no data. */
import { Alert, Button, Stack, Text } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../shared/api/contract';
import { errorText } from '../../lib/errors';

export function AccessDenied({ error, onBack }: { error: ApiError; onBack?: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="gray" icon={<IconLock size={18} />} title={t('access.deniedTitle')} data-testid="access-denied" maw={640}>
      <Stack gap="xs" align="flex-start">
        <Text fw={500}>{errorText(t, error)}</Text>
        <Text size="sm" c="dimmed">
          {t('access.deniedHint')}
        </Text>
        {onBack && (
          <Button size="xs" variant="default" onClick={onBack}>
            {t('access.back')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}
