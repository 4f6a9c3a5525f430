/**
 * The workspace's search synonyms: one group per line, entries separated by commas
 * (Chinese and Russian commas too). Managers edit; reps see the list read-only.
 */
import { Alert, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, useApi } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { useIsRep } from './ScriptsPage';
import { ForbiddenPhrases } from '../guidance/ForbiddenPhrases';

const SEPARATORS = /[,，、;；]/;

/** Lines to groups; a line with fewer than two entries is reported by its number (blank lines are skipped). */
export function parseSynonymLines(text: string): { groups: string[][]; badLine: number | null } {
  const groups: string[][] = [];
  let badLine: number | null = null;
  text.split('\n').forEach((line, i) => {
    const entries = line
      .split(SEPARATORS)
      .map((x) => x.trim())
      .filter(Boolean);
    if (!entries.length) return;
    if (new Set(entries.map((x) => x.toLocaleLowerCase())).size < 2) badLine ??= i + 1;
    groups.push(entries);
  });
  return { groups, badLine };
}

export function SynonymsEditor() {
  const { t } = useTranslation();
  const rep = useIsRep();
  const list = useApi('scripts.synonyms.get', {});
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (list.data) setText(list.data.map((g) => g.join(', ')).join('\n'));
  }, [list.data]);
  const save = async () => {
    const { groups, badLine } = parseSynonymLines(text);
    if (badLine != null) return setError(t('scripts.synonyms.lineError', { n: badLine }));
    setError(null);
    setSaving(true);
    try {
      const saved = await api('scripts.synonyms.save', { groups });
      setText(saved.map((g) => g.join(', ')).join('\n'));
      notifications.show({ color: 'green', message: t('scripts.synonyms.saved', { count: saved.length }) });
    } catch (e) {
      setError(errorText(t, e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Stack gap="md">
      <Paper withBorder p="md" maw={760} data-testid="synonyms">
        <Stack gap="sm">
          <Title order={4}>{t('scripts.synonyms.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('scripts.synonyms.hint')}
          </Text>
          {error && (
            <Alert color="red" data-testid="synonyms-error">
              {error}
            </Alert>
          )}
          <Textarea
            label={t('scripts.synonyms.label')}
            autosize
            minRows={8}
            maxRows={24}
            value={text}
            readOnly={rep}
            onChange={(e) => setText(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !rep) {
                e.preventDefault();
                void save();
              }
            }}
            data-testid="synonyms-text"
          />
          <Group justify="space-between">
            <Text size="xs" c="dimmed">
              {rep ? t('scripts.synonyms.readOnly') : 'Ctrl+Enter'}
            </Text>
            {!rep && (
              <Button onClick={() => void save()} loading={saving} data-testid="synonyms-save">
                {t('scripts.synonyms.save')}
              </Button>
            )}
          </Group>
        </Stack>
      </Paper>
      <ForbiddenPhrases readOnly={rep} />
    </Stack>
  );
}
