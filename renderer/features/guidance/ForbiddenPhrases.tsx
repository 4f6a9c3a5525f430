/** The workspace's phrases to avoid: the rep gets a nudge when saying one during a call. Managers edit. */
import { Alert, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, useApi } from '../../lib/api';
import { errorText } from '../../lib/errors';

export function ForbiddenPhrases({ readOnly }: { readOnly: boolean }) {
  const { t } = useTranslation();
  const list = useApi('guidance.forbidden.get', {});
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (list.data) setText(list.data.join('\n'));
  }, [list.data]);
  const save = async () => {
    setError(null);
    try {
      const saved = await api('guidance.forbidden.save', {
        phrases: text
          .split('\n')
          .map((l) => l.trim())
          .filter(Boolean),
      });
      setText(saved.join('\n'));
      notifications.show({ color: 'green', message: t('guidance.forbiddenSaved', { count: saved.length }) });
    } catch (e) {
      setError(errorText(t, e));
    }
  };
  return (
    <Paper withBorder p="md" maw={760} data-testid="forbidden-phrases">
      <Stack gap="sm">
        <Title order={4}>{t('guidance.forbiddenTitle')}</Title>
        <Text size="sm" c="dimmed">
          {t('guidance.forbiddenHint')}
        </Text>
        {error && <Alert color="red">{error}</Alert>}
        <Textarea
          autosize
          minRows={4}
          maxRows={16}
          value={text}
          readOnly={readOnly}
          onChange={(e) => setText(e.currentTarget.value)}
          aria-label={t('guidance.forbiddenTitle')}
          data-testid="forbidden-text"
        />
        {!readOnly && (
          <Group justify="flex-end">
            <Button onClick={() => void save()} data-testid="forbidden-save">
              {t('scripts.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
