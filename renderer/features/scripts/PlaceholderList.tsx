/** The script editor's list of the `{name}` fields a script uses (filled by the rep once per call in live-call mode). */
import { Badge, Code, Group, Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { parsePlaceholders } from '../../../shared/scripts/placeholders';
import { placeholderLabel } from './live/placeholders';

interface StepText {
  title?: string;
  talkingPointsMd?: string;
  sayIt?: string;
  listenFor?: string;
  mustSay?: string[];
  choices?: { label?: string }[];
}

export function PlaceholderList({ steps }: { steps: StepText[] }) {
  const { t } = useTranslation();
  const counts = useMemo(() => {
    const m = new Map<string, number>();
    for (const s of steps)
      for (const text of [s.title, s.talkingPointsMd, s.sayIt, s.listenFor, ...(s.mustSay ?? []), ...(s.choices ?? []).map((c) => c.label)])
        for (const p of parsePlaceholders(text ?? '')) if (p.kind === 'field') m.set(p.name, (m.get(p.name) ?? 0) + 1);
    return [...m];
  }, [steps]);
  return (
    <Stack gap={4} data-testid="script-placeholders">
      <Text size="sm" fw={700}>
        {t('scripts.placeholders.title')}
      </Text>
      {counts.length === 0 && (
        <Text size="xs" c="dimmed">
          {t('scripts.placeholders.none')}
        </Text>
      )}
      {counts.map(([name, n]) => (
        <Group key={name} gap={6} wrap="nowrap" data-testid={`script-placeholder-${name}`}>
          <Code style={{ background: 'var(--mantine-color-orange-0)', color: '#8a3300', flexShrink: 0 }}>{`{${name}}`}</Code>
          <Text size="xs" style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
            {placeholderLabel(t, name)}
          </Text>
          <Badge size="xs" variant="light" color="gray" style={{ flexShrink: 0 }}>
            {t('scripts.placeholders.uses', { count: n })}
          </Badge>
        </Group>
      ))}
      <Text size="xs" c="dimmed">
        {t('scripts.placeholders.hint')}
      </Text>
    </Stack>
  );
}
