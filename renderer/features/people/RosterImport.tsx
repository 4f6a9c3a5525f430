/** Roster CSV import: choose a file, see the preview with row-level errors, then import in one transaction. */
import { Alert, Badge, Button, Group, Modal, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { Dropzone } from '@mantine/dropzone';
import { notifications } from '@mantine/notifications';
import { IconFileTypeCsv } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RosterPreview } from '../../../shared/api/people';
import { api, fileToBase64 } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { RowErrorsTable } from '../../app/RowErrorsTable';
import { fireAndForget } from '../../lib/events';

export function RosterImport({ opened, onClose, onDone }: { opened: boolean; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<{ name: string; b64: string } | null>(null);
  const [preview, setPreview] = useState<RosterPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const reset = () => {
    setFile(null);
    setPreview(null);
    setError(null);
  };
  const choose = async (f: File) => {
    reset();
    setBusy(true);
    try {
      const b64 = await fileToBase64(f);
      setFile({ name: f.name, b64 });
      setPreview(await api('people.rosterPreview', { contentBase64: b64, fileName: f.name }));
    } catch (e) {
      setError(errorText(t, e));
    } finally {
      setBusy(false);
    }
  };
  const run = async () => {
    if (!file) return;
    setBusy(true);
    try {
      const r = await api('people.rosterImport', { contentBase64: file.b64, fileName: file.name });
      notifications.show({ color: 'green', message: t('people.roster.done', r) });
      onDone();
      reset();
      onClose();
    } catch (e) {
      setError(errorText(t, e));
    } finally {
      setBusy(false);
    }
  };
  const importable = preview ? preview.counts.create + preview.counts.update : 0;

  return (
    <Modal opened={opened} onClose={() => (reset(), onClose())} title={t('people.roster.title')} size="xl">
      <Stack>
        <Text size="sm" c="dimmed">
          {t('people.roster.help')}
        </Text>
        <Dropzone
          onDrop={(files) => files[0] && void choose(files[0])}
          maxFiles={1}
          multiple={false}
          loading={busy}
          data-testid="roster-dropzone"
        >
          <Group justify="center" py="md" style={{ pointerEvents: 'none' }}>
            <IconFileTypeCsv size={32} stroke={1.5} />
            <Text>{file ? file.name : t('people.roster.drop')}</Text>
          </Group>
        </Dropzone>
        {error && (
          <Alert color="red" data-testid="roster-error">
            {error}
          </Alert>
        )}
        {preview && (
          <>
            <Text size="sm">
              {t('people.roster.detected', { encoding: preview.encoding, delimiter: preview.delimiter, total: preview.counts.total })}
            </Text>
            <Group gap="xs" data-testid="roster-counts">
              <Badge color="green">{t('people.roster.willCreate', { count: preview.counts.create })}</Badge>
              <Badge color="blue">{t('people.roster.willUpdate', { count: preview.counts.update })}</Badge>
              <Badge color="gray">{t('people.roster.unchanged', { count: preview.counts.unchanged })}</Badge>
              {preview.counts.invalid > 0 && <Badge color="red">{t('people.roster.invalid', { count: preview.counts.invalid })}</Badge>}
              {preview.counts.newTeams > 0 && (
                <Badge color="grape">{t('people.roster.newTeams', { count: preview.counts.newTeams })}</Badge>
              )}
            </Group>
            {preview.errors.length > 0 && (
              <>
                <Text fw={500} size="sm">
                  {t('people.roster.errorsTitle')}
                </Text>
                <RowErrorsTable errors={preview.errors.map((e) => ({ ...e, column: e.field }))} maxHeight={180} testId="roster-errors" />
              </>
            )}
            <ScrollArea.Autosize mah={260}>
              <Table striped data-testid="roster-preview">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('people.roster.row')}</Table.Th>
                    <Table.Th>{t('people.col.name')}</Table.Th>
                    <Table.Th>{t('people.col.email')}</Table.Th>
                    <Table.Th>{t('people.col.team')}</Table.Th>
                    <Table.Th>{t('people.col.roles')}</Table.Th>
                    <Table.Th>{t('people.roster.action')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {preview.rows.map((r) => (
                    <Table.Tr key={r.row}>
                      <Table.Td>{r.row}</Table.Td>
                      <Table.Td>{r.name}</Table.Td>
                      <Table.Td>{r.email}</Table.Td>
                      <Table.Td>{r.team}</Table.Td>
                      <Table.Td>{r.roles.map((x) => t(`roles.${x}`)).join(', ')}</Table.Td>
                      <Table.Td>{t(`people.roster.actions.${r.action}`)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea.Autosize>
          </>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={() => (reset(), onClose())}>
            {t('actions.cancel')}
          </Button>
          <Button onClick={fireAndForget(run)} disabled={!preview || importable === 0} loading={busy} data-testid="roster-run">
            {importable ? t('people.roster.run', { count: importable }) : t('people.roster.nothing')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
