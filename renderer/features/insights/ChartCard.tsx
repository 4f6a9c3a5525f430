/** A chart's frame: title, the definition it uses (always on screen), PNG/CSV export. */
import { Button, Card, Group, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconPhoto } from '@tabler/icons-react';
import { useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { exportCsv, exportPng } from './exporting';

export function ChartCard(props: {
  id: string;
  title: string;
  definition: ReactNode;
  csv?: () => Record<string, unknown>[];
  png?: boolean;
  children: ReactNode;
  extra?: ReactNode;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const def = useRef<HTMLParagraphElement>(null);
  const png = async () => {
    try {
      // the definition and caveats travel with the image (a slide without them misleads)
      await exportPng(ref.current!, props.title, [def.current?.innerText ?? '']);
    } catch (e) {
      notifications.show({ color: 'red', message: (e as Error).message });
    }
  };
  return (
    <Card withBorder padding="md" radius="md" data-testid={`chart-${props.id}`} className="insights-card">
      <Group justify="space-between" align="flex-start" wrap="nowrap" mb={4}>
        <Title order={4}>{props.title}</Title>
        <Group gap={4} wrap="nowrap" className="insights-noprint">
          {props.extra}
          {props.png !== false && (
            <Button
              size="compact-xs"
              variant="subtle"
              leftSection={<IconPhoto size={14} />}
              onClick={() => void png()}
              data-testid={`png-${props.id}`}
            >
              {t('insights.actions.png')}
            </Button>
          )}
          {props.csv && (
            <Button
              size="compact-xs"
              variant="subtle"
              leftSection={<IconDownload size={14} />}
              onClick={() => exportCsv(props.csv!(), props.title)}
              data-testid={`csv-${props.id}`}
            >
              {t('insights.actions.csv')}
            </Button>
          )}
        </Group>
      </Group>
      <Text ref={def} size="xs" c="dimmed" mb="sm" data-testid={`def-${props.id}`}>
        {props.definition}
      </Text>
      <div ref={ref}>{props.children}</div>
    </Card>
  );
}
