/** A printable certificate (print CSS hides the app chrome; the browser's "Save as PDF" exports it). */
import { Alert, Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconPrinter } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useApi } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { fmtDate, fmtNumber, personName } from '../../lib/format';

const PRINT_CSS = `
@media print {
  body * { visibility: hidden !important; }
  .swb-certificate, .swb-certificate * { visibility: visible !important; }
  .swb-certificate { position: fixed; inset: 0; margin: 0; border: 12px double #1c7ed6 !important; }
  .swb-no-print { display: none !important; }
  @page { size: A4 landscape; margin: 12mm; }
}`;

export function CertificatePage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const c = useApi('training.certificates.get', Number.isInteger(id) && id > 0 ? { id } : null);
  if (c.error) return <Alert color="red">{errorText(t, c.error)}</Alert>;
  if (!c.data) return null;
  const d = c.data;
  return (
    <Stack>
      <style>{PRINT_CSS}</style>
      <Group justify="space-between" className="swb-no-print">
        <Anchor component={Link} to="/training?tab=my" size="sm">
          <Group gap={4}>
            <IconArrowLeft size={14} /> {t('training.player.back')}
          </Group>
        </Anchor>
        <Button leftSection={<IconPrinter size={16} />} onClick={() => window.print()} data-testid="print-certificate">
          {t('training.certificate.print')}
        </Button>
      </Group>
      <div
        className="swb-certificate"
        data-testid="certificate"
        style={{
          border: '8px double var(--mantine-color-blue-6)',
          borderRadius: 8,
          padding: '56px 64px',
          textAlign: 'center',
          background: 'white',
          maxWidth: 960,
          margin: '0 auto',
        }}
      >
        <Text tt="uppercase" fw={700} c="blue" style={{ letterSpacing: 4 }}>
          {t('training.certificate.heading')}
        </Text>
        <Text mt="lg" c="dimmed">
          {t('training.certificate.certifies')}
        </Text>
        <Title order={1} mt="sm" data-testid="certificate-name">
          {personName({ name: d.personName, names: d.personNames })}
        </Title>
        <Text mt="md" c="dimmed">
          {t('training.certificate.completed')}
        </Text>
        <Title order={2} mt="xs">
          {d.courseTitle}
        </Title>
        {d.score != null && <Text mt="md">{t('training.certificate.score', { score: fmtNumber(d.score) })}</Text>}
        <Group justify="space-between" mt={56}>
          <Text size="sm">{t('training.certificate.date', { date: fmtDate(d.issuedAt) })}</Text>
          <Text size="sm" ff="monospace">
            {t('training.certificate.number', { number: d.number })}
          </Text>
        </Group>
      </div>
    </Stack>
  );
}
