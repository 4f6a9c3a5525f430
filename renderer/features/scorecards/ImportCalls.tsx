/** Import recordings singly or as a batch: each file gets rep/date/customer (or from a CSV manifest); transcripts are matched by file name. */
import { Alert, Button, Group, Modal, ScrollArea, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { Dropzone } from '@mantine/dropzone';
import { notifications } from '@mantine/notifications';
import { IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AUDIO_EXTENSIONS, CHANNELS, DIRECTIONS } from '../../../shared/api/scorecards';
import type { UploadRef } from '../../../shared/api/session';
import { api, fileToBase64, isElectron, uploadFile, useApi } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { personName } from '../../lib/format';

/** A file from the dropzone (browser host: uploaded over HTTP) or one staged by Electron's native picker. */
type Source = { kind: 'file'; file: File; name: string } | { kind: 'staged'; ref: UploadRef; name: string };
const fromFile = (file: File): Source => ({ kind: 'file', file, name: file.name });

interface Row {
  file: Source;
  transcript: Source | null;
  repId: string | null;
  at: string;
  customer: string;
  channel: string;
  direction: string;
  status: 'ready' | 'uploading' | 'done' | 'error';
  message: string;
}

const base = (n: string) => n.replace(/\.[^.]+$/, '').toLowerCase();
const isAudio = (n: string) => (AUDIO_EXTENSIONS as readonly string[]).includes((/\.([a-z0-9]+)$/i.exec(n)?.[1] ?? '').toLowerCase());
const nowLocal = () => new Date(Date.now() - new Date().getTimezoneOffset() * 60000).toISOString().slice(0, 16);

export function ImportCalls({ opened, onClose, onDone }: { opened: boolean; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const reps = useApi('people.list', { query: '', teamId: null, role: 'rep', includeInactive: false, sort: 'name', offset: 0, limit: 500 });
  const [rows, setRows] = useState<Row[]>([]);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const repData = (reps.data?.rows ?? []).map((p) => ({ value: String(p.id), label: personName(p) }));

  const add = async (files: Source[]) => {
    const audio = files.filter((f) => !/\.(vtt|srt|txt|csv)$/i.test(f.name));
    const texts = files.filter((f) => /\.(vtt|srt|txt)$/i.test(f.name));
    const manifestSrc = files.find((f) => /\.csv$/i.test(f.name));
    const manifest = manifestSrc?.kind === 'file' ? manifestSrc.file : null;
    let meta: Awaited<ReturnType<typeof readManifest>> | null = null;
    async function readManifest(f: File) {
      return api('scorecards.calls.manifest', { contentBase64: await fileToBase64(f) });
    }
    if (manifest) {
      try {
        meta = await readManifest(manifest);
        setNote(
          meta.errors.length
            ? meta.errors.map((e) => t('scorecards.import.manifestError', e)).join('\n')
            : t('scorecards.import.manifestOk', { count: meta.rows.length }),
        );
      } catch (e) {
        setNote(errorText(t, e));
      }
    }
    setRows((old) => {
      const next = [...old];
      for (const f of audio) {
        const m = meta?.rows.find((r) => r.file.toLowerCase() === f.name.toLowerCase());
        next.push({
          file: f,
          transcript: texts.find((x) => base(x.name) === base(f.name)) ?? null,
          repId: m ? String(m.repId) : (old[old.length - 1]?.repId ?? null),
          at: m ? m.at.slice(0, 16) : nowLocal(),
          customer: m?.customer ?? '',
          channel: m?.channel ?? 'phone',
          direction: m?.direction ?? 'outbound',
          status: isAudio(f.name) ? 'ready' : 'error',
          message: isAudio(f.name) ? '' : t('scorecards.import.notAudio'),
        });
      }
      // A transcript dropped on its own attaches to the matching recording already in the list.
      for (const x of texts) {
        const r = next.find((r) => base(r.file.name) === base(x.name));
        if (r) r.transcript = x;
      }
      return next;
    });
  };
  const patch = (i: number, p: Partial<Row>) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...p } : r)));

  const pick = async () => {
    try {
      const refs = await api('files.pick', {
        multiple: true,
        filters: [{ name: t('scorecards.import.filter'), extensions: [...AUDIO_EXTENSIONS, 'vtt', 'srt', 'txt'] }],
      });
      await add(refs.map((ref) => ({ kind: 'staged', ref, name: ref.name })));
    } catch (e) {
      setNote(errorText(t, e));
    }
  };

  const run = async () => {
    setBusy(true);
    let ok = 0;
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i];
      if (r.status === 'done' || (r.status === 'error' && !isAudio(r.file.name))) continue;
      if (!r.repId) {
        patch(i, { status: 'error', message: t('scorecards.import.chooseRep') });
        continue;
      }
      patch(i, { status: 'uploading', message: '' });
      try {
        const ref = r.file.kind === 'staged' ? r.file.ref : await uploadFile(r.file.file);
        const tr = r.transcript;
        const res = await api('scorecards.calls.import', {
          items: [
            {
              uploadId: ref.id,
              fileName: r.file.name,
              repId: Number(r.repId),
              at: new Date(r.at).toISOString(),
              customer: r.customer,
              channel: r.channel as (typeof CHANNELS)[number],
              direction: r.direction as (typeof DIRECTIONS)[number],
              transcript: tr?.kind === 'file' ? await tr.file.text() : null,
              transcriptUploadId: tr?.kind === 'staged' ? tr.ref.id : null,
            },
          ],
        });
        if (res.errors.length) patch(i, { status: 'error', message: res.errors[0].message });
        else {
          ok++;
          patch(i, { status: 'done', message: t('scorecards.import.done') });
        }
      } catch (e) {
        patch(i, { status: 'error', message: errorText(t, e) });
      }
    }
    setBusy(false);
    if (ok) {
      notifications.show({ color: 'green', message: t('scorecards.import.imported', { count: ok }) });
      onDone();
    }
  };

  return (
    <Modal opened={opened} onClose={() => (setRows([]), setNote(null), onClose())} title={t('scorecards.import.title')} size="90%">
      <Stack>
        <Text size="sm" c="dimmed">
          {t('scorecards.import.help')}
        </Text>
        {isElectron() && (
          <Button variant="light" onClick={() => void pick()} data-testid="calls-pick">
            {t('scorecards.import.pick')}
          </Button>
        )}
        <Dropzone onDrop={(f) => void add(f.map(fromFile))} multiple data-testid="calls-dropzone">
          <Group justify="center" gap="sm" mih={70}>
            <IconUpload size={28} />
            <Text>{t('scorecards.import.drop')}</Text>
          </Group>
        </Dropzone>
        {note && (
          <Alert color="blue" style={{ whiteSpace: 'pre-wrap' }}>
            {note}
          </Alert>
        )}
        {rows.length > 0 && (
          <ScrollArea.Autosize mah={380}>
            <Table verticalSpacing={4} data-testid="import-rows">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('scorecards.import.file')}</Table.Th>
                  <Table.Th>{t('scorecards.col.rep')}</Table.Th>
                  <Table.Th>{t('scorecards.col.date')}</Table.Th>
                  <Table.Th>{t('scorecards.col.customer')}</Table.Th>
                  <Table.Th>{t('scorecards.col.channel')}</Table.Th>
                  <Table.Th>{t('scorecards.col.direction')}</Table.Th>
                  <Table.Th>{t('common.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r, i) => (
                  <Table.Tr key={i} data-testid="import-row">
                    <Table.Td>
                      <Text size="sm">{r.file.name}</Text>
                      <Text size="xs" c="dimmed">
                        {r.transcript
                          ? t('scorecards.import.withTranscript', { name: r.transcript.name })
                          : t('scorecards.import.noTranscript')}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Select
                        size="xs"
                        w={160}
                        data={repData}
                        value={r.repId}
                        onChange={(v) => patch(i, { repId: v })}
                        searchable
                        aria-label={t('scorecards.col.rep')}
                        data-testid="import-rep"
                      />
                    </Table.Td>
                    <Table.Td>
                      <TextInput
                        size="xs"
                        type="datetime-local"
                        value={r.at}
                        onChange={(e) => patch(i, { at: e.currentTarget.value })}
                        aria-label={t('scorecards.col.date')}
                      />
                    </Table.Td>
                    <Table.Td>
                      <TextInput
                        size="xs"
                        w={170}
                        value={r.customer}
                        onChange={(e) => patch(i, { customer: e.currentTarget.value })}
                        maxLength={200}
                        aria-label={t('scorecards.col.customer')}
                        data-testid="import-customer"
                      />
                    </Table.Td>
                    <Table.Td>
                      <Select
                        size="xs"
                        w={100}
                        data={CHANNELS.map((c) => ({ value: c, label: t(`scorecards.channel.${c}`) }))}
                        value={r.channel}
                        onChange={(v) => v && patch(i, { channel: v })}
                        allowDeselect={false}
                        aria-label={t('scorecards.col.channel')}
                      />
                    </Table.Td>
                    <Table.Td>
                      <Select
                        size="xs"
                        w={110}
                        data={DIRECTIONS.map((c) => ({ value: c, label: t(`scorecards.direction.${c}`) }))}
                        value={r.direction}
                        onChange={(v) => v && patch(i, { direction: v })}
                        allowDeselect={false}
                        aria-label={t('scorecards.col.direction')}
                      />
                    </Table.Td>
                    <Table.Td miw={220} maw={320}>
                      <Text
                        size="xs"
                        c={r.status === 'error' ? 'red' : r.status === 'done' ? 'green' : 'dimmed'}
                        data-testid="import-status"
                      >
                        {r.status === 'uploading' ? t('scorecards.import.uploading') : r.message || t('scorecards.import.ready')}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={() => (setRows([]), setNote(null), onClose())}>
            {t('actions.close')}
          </Button>
          <Button
            onClick={() => void run()}
            loading={busy}
            disabled={!rows.some((r) => r.status === 'ready' || (r.status === 'error' && isAudio(r.file.name)))}
            data-testid="import-run"
          >
            {t('scorecards.import.run')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
