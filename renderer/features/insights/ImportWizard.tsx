/** CRM import wizard: upload -> mapping (fields, formats, stages, owners) -> dry run -> import with progress/cancel; history with undo. */
import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  MultiSelect,
  Progress,
  Radio,
  ScrollArea,
  Select,
  SimpleGrid,
  Stack,
  Stepper,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { Dropzone } from '@mantine/dropzone';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DATE_FORMATS,
  DEAL_FIELDS,
  DEAL_STATUSES,
  NUMBER_FORMATS,
  REQUIRED_FIELDS,
  type CrmDryRun,
  type CrmJob,
  type CrmMapping,
  type CrmSniff,
  type DateReading,
  type DealField,
  type DealStatus,
} from '../../../shared/api/crm';
import { ISO_CURRENCIES } from '../../../shared/domain/currency';
import { currencyLabel } from './format';
import { api, invoke, isElectron, uploadFile, useApi } from '../../lib/api';
import type { UploadRef } from '../../../shared/api/session';
import { errorText } from '../../lib/errors';
import { RowErrorsTable } from '../../app/RowErrorsTable';
import { fmtDate, fmtDateTime, fmtNumber, fmtPercent, personName } from '../../lib/format';
import { dynamicKey } from '../../app/keys';

export function ImportTab() {
  const [nonce, setNonce] = useState(0);
  return (
    <Stack>
      <ImportWizard onImported={() => setNonce((n) => n + 1)} />
      <Batches key={nonce} />
    </Stack>
  );
}

function ImportWizard({ onImported }: { onImported: () => void }) {
  const { t } = useTranslation();
  const [step, setStep] = useState(0);
  const [busy, setBusy] = useState(false);
  const [uploadPct, setUploadPct] = useState<number | null>(null);
  const [dryProgress, setDryProgress] = useState<{ fraction: number; rows: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [sniff, setSniff] = useState<CrmSniff | null>(null);
  const [mapping, setMapping] = useState<CrmMapping | null>(null);
  const [source, setSource] = useState('');
  const [dry, setDry] = useState<CrmDryRun | null>(null);
  const [job, setJob] = useState<CrmJob | null>(null);
  /** the user's answer to "day or month first?" for this file (asked when its slash dates are ambiguous) */
  const [datesAnswered, setDatesAnswered] = useState(false);
  const people = useApi('people.list', { limit: 500, sort: 'name' });
  const peopleOptions = useMemo(
    () => [
      { value: '0', label: t('insights.import.skip') },
      ...(people.data?.rows ?? []).map((p) => ({ value: String(p.id), label: `${personName(p)} · ${p.email}` })),
    ],
    [people.data, t],
  );

  const reset = () => {
    setStep(0);
    setSniff(null);
    setMapping(null);
    setDry(null);
    setJob(null);
    setError(null);
    setDatesAnswered(false);
  };

  const choose = async (file: File | null) => {
    reset();
    setBusy(true);
    try {
      let ref: UploadRef | undefined;
      if (file) {
        setUploadPct(0);
        ref = await uploadFile(file, (f) => setUploadPct(f));
        setUploadPct(null);
      } else {
        // Electron: the native picker stages the file by path (no upload)
        ref = (await api('files.pick', { multiple: false, filters: [{ name: 'CSV / XLSX', extensions: ['csv', 'txt', 'xlsx'] }] }))[0];
        if (!ref) return;
      }
      const s = await api('crm.sniff', { uploadId: ref.id, source: '' });
      setSniff(s);
      setMapping(s.mapping);
      setSource(s.source);
      setStep(1);
    } catch (e) {
      setError(errorText(t, e));
      setUploadPct(null);
    } finally {
      setBusy(false);
    }
  };

  // the dry run waits for the answers only the user can give: the order of day and month, the file's currency
  const datesOpen = !!sniff?.formats.ambiguousDates && !datesAnswered;
  const currencyOpen = !!mapping && !!mapping.fields.amount && !mapping.fields.currency && !mapping.fileCurrency;
  const runDry = async () => {
    if (!sniff || !mapping || datesOpen || currencyOpen) return;
    setBusy(true);
    setError(null);
    // a big file takes seconds to check: show how far the check is
    const poll = setInterval(() => {
      void invoke('crm.dryRunProgress', { uploadId: sniff.uploadId }).then((r) => r.ok && r.value && setDryProgress(r.value));
    }, 400);
    try {
      const r = await api('crm.dryRun', { uploadId: sniff.uploadId, source, mapping, fileName: sniff.fileName });
      setDry(r);
      // stages first seen past the sniffed head: pre-fill the suggestion so the user only reviews it
      if (r.unmappedStages.length)
        setMapping((m) =>
          m
            ? {
                ...m,
                stages: { ...m.stages, ...Object.fromEntries(r.unmappedStages.filter((x) => x.value).map((x) => [x.value, x.suggested])) },
              }
            : m,
        );
      setStep(2);
    } catch (e) {
      setError(errorText(t, e));
    } finally {
      clearInterval(poll);
      setDryProgress(null);
      setBusy(false);
    }
  };

  const start = async () => {
    if (!sniff || !mapping) return;
    setError(null);
    try {
      setJob(await api('crm.startImport', { uploadId: sniff.uploadId, source, mapping, fileName: sniff.fileName }));
      setStep(3);
    } catch (e) {
      setError(errorText(t, e));
    }
  };

  // poll the running job
  const jobId = job?.state === 'running' ? job.jobId : null;
  useEffect(() => {
    if (!jobId) return;
    const timer = setInterval(() => {
      void api('crm.job', { jobId })
        .then((j) => {
          setJob(j);
          if (j.state === 'done') onImported();
        })
        .catch((e) => setError(errorText(t, e)));
    }, 300);
    return () => clearInterval(timer);
  }, [jobId, onImported, t]);

  const setOwner = (value: string, personId: number) => setMapping((m) => (m ? { ...m, owners: { ...m.owners, [value]: personId } } : m));

  return (
    <Card withBorder radius="md" padding="md">
      <Title order={4}>{t('insights.import.title')}</Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('insights.import.help')}
      </Text>
      <Stepper active={step} size="sm" mb="md">
        <Stepper.Step label={t('insights.import.steps.file')} />
        <Stepper.Step label={t('insights.import.steps.mapping')} />
        <Stepper.Step label={t('insights.import.steps.dryRun')} />
        <Stepper.Step label={t('insights.import.steps.import')} />
      </Stepper>
      {error && (
        <Alert color="red" mb="sm" data-testid="import-error">
          {error}
        </Alert>
      )}
      {step === 0 && (
        <Dropzone
          onDrop={(files) => files[0] && void choose(files[0])}
          maxFiles={1}
          multiple={false}
          loading={busy}
          data-testid="crm-dropzone"
          activateOnClick={!isElectron()}
          onClick={() => isElectron() && void choose(null)}
        >
          <Group justify="center" py="lg" style={{ pointerEvents: 'none' }}>
            <IconFileSpreadsheet size={36} stroke={1.5} />
            <Text>{uploadPct !== null ? t('insights.import.uploading', { pct: fmtPercent(uploadPct) }) : t('insights.import.drop')}</Text>
          </Group>
        </Dropzone>
      )}
      {step === 1 && sniff && mapping && (
        <MappingStep
          sniff={sniff}
          mapping={mapping}
          setMapping={setMapping}
          source={source}
          setSource={setSource}
          peopleOptions={peopleOptions}
          setOwner={setOwner}
          datesAnswered={datesAnswered}
          answerDates={(f) => {
            setMapping((m) => (m ? { ...m, dateFormat: f } : m));
            setDatesAnswered(true);
          }}
        />
      )}
      {busy && dryProgress && (
        <Stack gap={4} mb="sm" data-testid="dry-progress">
          <Text size="sm">{t('insights.import.checking', { rows: fmtNumber(dryProgress.rows) })}</Text>
          <Progress value={dryProgress.fraction * 100} animated />
        </Stack>
      )}
      {step === 2 && dry && mapping && (
        <DryRunStep dry={dry} mapping={mapping} peopleOptions={peopleOptions} setOwner={setOwner} setMapping={setMapping} />
      )}
      {step === 3 && job && (
        <Stack data-testid="import-progress">
          {job.state === 'running' && (
            <>
              <Text>{t('insights.import.running', { rows: fmtNumber(job.rows) })}</Text>
              <Progress value={job.fraction * 100} animated />
              <Group>
                <Button
                  color="red"
                  variant="light"
                  onClick={() => void api('crm.cancelImport', { jobId: job.jobId }).then(setJob)}
                  data-testid="import-cancel"
                >
                  {t('insights.import.cancel')}
                </Button>
              </Group>
            </>
          )}
          {job.state === 'cancelled' && <Alert color="yellow">{t('insights.import.cancelled')}</Alert>}
          {job.state === 'failed' && (
            <Alert color="red">
              {errorText(t, { code: 'bad_file', message: job.error ?? '', key: job.errorKey, params: job.errorParams })}
            </Alert>
          )}
          {job.state === 'done' && job.counts && (
            <Alert color="green" data-testid="import-done">
              {t('insights.import.done', { ...job.counts })}
            </Alert>
          )}
          {job.state !== 'running' && (
            <Group>
              <Button variant="default" onClick={reset} data-testid="import-again">
                {t('insights.import.again')}
              </Button>
            </Group>
          )}
        </Stack>
      )}
      {(step === 1 || step === 2) && (
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={step === 1 ? reset : () => setStep(1)}>
            {t('actions.back')}
          </Button>
          {step === 1 && (datesOpen || currencyOpen) && (
            <Text size="sm" c="orange" data-testid="dry-blocked">
              {datesOpen ? t('insights.ambiguous.answerFirst') : t('insights.fileCurrency.hint')}
            </Text>
          )}
          <Button
            variant={step === 2 ? 'default' : 'filled'}
            onClick={() => void runDry()}
            loading={busy}
            disabled={datesOpen || currencyOpen}
            data-testid="run-dry"
          >
            {t('insights.import.runDry')}
          </Button>
          {step === 2 && dry && (
            <Button
              onClick={() => void start()}
              disabled={dry.counts.valid === 0 || dry.unknownOwners.length > 0 || dry.unmappedStages.length > 0}
              data-testid="run-import"
            >
              {t('insights.import.confirm', { count: dry.counts.valid })}
            </Button>
          )}
        </Group>
      )}
    </Card>
  );
}

function MappingStep(p: {
  sniff: CrmSniff;
  mapping: CrmMapping;
  setMapping: (f: (m: CrmMapping | null) => CrmMapping | null) => void;
  source: string;
  setSource: (s: string) => void;
  peopleOptions: { value: string; label: string }[];
  setOwner: (value: string, personId: number) => void;
  datesAnswered: boolean;
  answerDates: (f: 'dmy' | 'mdy') => void;
}) {
  const { t, i18n } = useTranslation();
  const { sniff, mapping } = p;
  const currencyOptions = useMemo(() => ISO_CURRENCIES.map((c) => ({ value: c, label: currencyLabel(c, i18n.language) })), [i18n.language]);
  const saved = sniff.formats.saved;
  const upd = (patch: Partial<CrmMapping>) => p.setMapping((m) => (m ? { ...m, ...patch } : m));
  const setField = (f: DealField, col: string | null) => {
    const fields = { ...mapping.fields };
    if (col) fields[f] = col;
    else delete fields[f];
    const patch: Partial<CrmMapping> = { fields };
    if (f === 'stage' && col) {
      const stages = { ...mapping.stages };
      for (const v of sniff.values[col] ?? []) stages[v.value] ??= { status: 'open', position: 1 };
      patch.stages = stages;
    }
    upd(patch);
  };
  const stageValues = mapping.fields.stage ? (sniff.values[mapping.fields.stage] ?? []) : [];
  const typeValues = mapping.fields.type ? (sniff.values[mapping.fields.type] ?? []).map((v) => v.value) : [];
  const cols = sniff.columns.map((c) => ({ value: c, label: c }));
  return (
    <Stack gap="md" data-testid="mapping-step">
      <Text size="sm" data-testid="sniff-detected">
        {t('insights.import.detected', {
          kind: sniff.kind.toUpperCase(),
          encoding: sniff.encoding,
          delimiter: sniff.delimiter === '\t' ? 'Tab' : sniff.delimiter,
          row: sniff.headerRow,
          preset: t(`insights.import.presets.${sniff.preset}`),
        })}
      </Text>
      {sniff.savedMapping && <Alert color="blue">{t('insights.import.saved')}</Alert>}
      {saved && sniff.formats.detectedDate && saved.dateFormat !== sniff.formats.detectedDate && (
        <Alert color="yellow" data-testid="saved-date-differs">
          {t('insights.formats.savedDate', {
            saved: t(`insights.import.dateFormats.${saved.dateFormat}`),
            detected: t(`insights.import.dateFormats.${sniff.formats.detectedDate}`),
          })}
        </Alert>
      )}
      {saved && sniff.formats.detectedNumber && saved.numberFormat !== sniff.formats.detectedNumber && (
        <Alert color="yellow" data-testid="saved-number-differs">
          {t('insights.formats.savedNumber', {
            saved: t(`insights.import.numberFormats.${saved.numberFormat}`),
            detected: t(`insights.import.numberFormats.${sniff.formats.detectedNumber}`),
          })}
        </Alert>
      )}
      {sniff.formats.ambiguousDates && (
        <AmbiguousDates
          readings={sniff.formats.ambiguousDates}
          value={p.datesAnswered ? mapping.dateFormat : null}
          onChange={p.answerDates}
        />
      )}
      <TextInput
        label={t('insights.import.source')}
        value={p.source}
        onChange={(e) => p.setSource(e.currentTarget.value)}
        w={320}
        maxLength={80}
      />
      <div>
        <Text fw={500} size="sm" mb={4}>
          {t('insights.import.columns')}
        </Text>
        <SimpleGrid cols={{ base: 2, md: 3, lg: 4 }} spacing="xs">
          {DEAL_FIELDS.map((f) => (
            <Select
              key={f}
              size="xs"
              label={`${t(`insights.import.fields.${f}`)}${REQUIRED_FIELDS.includes(f) ? ` (${t('insights.import.required')})` : ''}`}
              placeholder={t('insights.import.notMapped')}
              data={cols}
              value={mapping.fields[f] ?? null}
              onChange={(v) => setField(f, v)}
              clearable={!REQUIRED_FIELDS.includes(f)}
              data-testid={`map-${f}`}
            />
          ))}
        </SimpleGrid>
      </div>
      <Group>
        <Select
          size="xs"
          label={t('insights.import.dateFormat')}
          data={DATE_FORMATS.map((d) => ({ value: d, label: t(`insights.import.dateFormats.${d}`) }))}
          value={mapping.dateFormat}
          onChange={(v) => v && upd({ dateFormat: v })}
        />
        <Select
          size="xs"
          label={t('insights.import.numberFormat')}
          data={NUMBER_FORMATS.map((d) => ({ value: d, label: t(`insights.import.numberFormats.${d}`) }))}
          value={mapping.numberFormat}
          onChange={(v) => v && upd({ numberFormat: v })}
        />
        {mapping.fields.amount && !mapping.fields.currency && (
          <Select
            size="xs"
            w={300}
            searchable
            required
            label={t('insights.fileCurrency.label')}
            description={t('insights.fileCurrency.hint')}
            placeholder={t('insights.fileCurrency.placeholder')}
            data={currencyOptions}
            value={mapping.fileCurrency}
            onChange={(v) => upd({ fileCurrency: v })}
            error={mapping.fileCurrency ? undefined : ' '}
            data-testid="file-currency"
          />
        )}
      </Group>
      {stageValues.length > 0 && <StagesTable values={stageValues} mapping={mapping} upd={upd} />}
      {typeValues.length > 0 && (
        <MultiSelect
          size="xs"
          label={t('insights.import.repeat')}
          data={typeValues}
          value={mapping.repeatValues.filter((v) => typeValues.includes(v))}
          onChange={(v) => upd({ repeatValues: v })}
          w={480}
        />
      )}
      {sniff.owners.length > 0 && (
        <div>
          <Text fw={500} size="sm" mb={4}>
            {t('insights.import.owners')}
          </Text>
          <OwnersTable owners={sniff.owners} mapping={mapping} peopleOptions={p.peopleOptions} setOwner={p.setOwner} />
        </div>
      )}
      <div>
        <ScrollArea>
          <Table fz="xs" withTableBorder>
            <Table.Thead>
              <Table.Tr>
                {sniff.columns.map((c) => (
                  <Table.Th key={c}>{c}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sniff.sample.slice(0, 5).map((r, i) => (
                <Table.Tr key={i}>
                  {sniff.columns.map((_c, j) => (
                    <Table.Td key={j}>{r[j]}</Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      </div>
    </Stack>
  );
}

/** "Day or month first?": two rows of the file read both ways; the user's answer sets the date format. */
function AmbiguousDates({
  readings,
  value,
  onChange,
}: {
  readings: DateReading[];
  value: string | null;
  onChange: (f: 'dmy' | 'mdy') => void;
}) {
  const { t } = useTranslation();
  return (
    <Alert color="orange" title={t('insights.ambiguous.title')} data-testid="ambiguous-dates">
      <Stack gap="xs">
        <Text size="sm">{t('insights.ambiguous.body')}</Text>
        <Table fz="xs" withTableBorder maw={720}>
          <Table.Tbody>
            {readings.map((r) => (
              <Table.Tr key={r.row} data-testid="ambiguous-sample">
                <Table.Td>{t('insights.ambiguous.sample', { row: r.row, column: r.column, value: r.value })}</Table.Td>
                <Table.Td>{t('insights.ambiguous.asDmy', { date: fmtDate(r.dmy) })}</Table.Td>
                <Table.Td>{t('insights.ambiguous.asMdy', { date: fmtDate(r.mdy) })}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Radio.Group value={value} onChange={(v) => onChange(v as 'dmy' | 'mdy')} data-testid="ambiguous-choice">
          <Group>
            <Radio value="dmy" label={t('insights.ambiguous.dmy')} data-testid="ambiguous-dmy" />
            <Radio value="mdy" label={t('insights.ambiguous.mdy')} data-testid="ambiguous-mdy" />
          </Group>
        </Radio.Group>
      </Stack>
    </Alert>
  );
}

function StagesTable({
  values,
  mapping,
  upd,
}: {
  values: { value: string; rows: number }[];
  mapping: CrmMapping;
  upd: (p: Partial<CrmMapping>) => void;
}) {
  const { t } = useTranslation();
  const set = (v: string, status: DealStatus, position: number) =>
    upd({ stages: { ...mapping.stages, [v]: { status, position: status === 'won' ? 5 : position } } });
  return (
    <div>
      <Text fw={500} size="sm" mb={4}>
        {t('insights.import.stages')}
      </Text>
      <Table fz="xs" withTableBorder data-testid="stages-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('insights.import.stageValue')}</Table.Th>
            <Table.Th>{t('common.status')}</Table.Th>
            <Table.Th>{t('insights.import.position')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {values.map(({ value, rows }) => {
            const r = mapping.stages[value] ?? { status: 'open', position: 1 };
            return (
              <Table.Tr key={value}>
                <Table.Td>
                  {value}{' '}
                  <Text span size="xs" c="dimmed">
                    ({t('insights.import.rows', { count: rows })})
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Select
                    aria-label={`${value}: ${t('common.status')}`}
                    size="xs"
                    w={140}
                    data={DEAL_STATUSES.map((s) => ({ value: s, label: t(`insights.import.status.${s}`) }))}
                    value={r.status}
                    onChange={(v) => v && set(value, v, r.position)}
                  />
                </Table.Td>
                <Table.Td>
                  <Select
                    aria-label={`${value}: ${t('insights.import.position')}`}
                    size="xs"
                    w={80}
                    data={['1', '2', '3', '4', '5']}
                    value={String(r.position)}
                    onChange={(v) => v && set(value, r.status, Number(v))}
                    disabled={r.status === 'won'}
                  />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </div>
  );
}

function OwnersTable({
  owners,
  mapping,
  peopleOptions,
  setOwner,
}: {
  owners: CrmSniff['owners'];
  mapping: CrmMapping;
  peopleOptions: { value: string; label: string }[];
  setOwner: (v: string, id: number) => void;
}) {
  const { t } = useTranslation();
  return (
    <Table fz="xs" withTableBorder data-testid="owners-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('insights.import.ownerValue')}</Table.Th>
          <Table.Th>{t('insights.import.person')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {owners.map((o) => {
          const chosen = mapping.owners[o.value];
          const matched = o.personId !== null && chosen === undefined;
          return (
            <Table.Tr key={o.value} data-testid={`owner-row-${o.value}`}>
              <Table.Td>
                {o.value}{' '}
                <Text span size="xs" c="dimmed">
                  ({t('insights.import.rows', { count: o.rows })})
                </Text>
              </Table.Td>
              <Table.Td>
                {matched && o.how !== 'saved' ? (
                  <Group gap={6}>
                    <Text size="xs">{o.personName}</Text>
                    <Badge size="xs" variant="light" color="green">
                      {t(dynamicKey(`insights.import.matchedBy.${o.how}`))}
                    </Badge>
                  </Group>
                ) : (
                  <Select
                    aria-label={o.value}
                    size="xs"
                    w={320}
                    searchable
                    placeholder={t('insights.import.unknown')}
                    error={chosen === undefined && o.personId === null ? t('insights.import.unknown') : undefined}
                    data={peopleOptions}
                    value={chosen !== undefined ? String(chosen) : o.personId !== null ? String(o.personId) : null}
                    onChange={(v) => v !== null && setOwner(o.value, Number(v))}
                    data-testid={`owner-select-${o.value}`}
                  />
                )}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

function DryRunStep({
  dry,
  mapping,
  peopleOptions,
  setOwner,
  setMapping,
}: {
  dry: CrmDryRun;
  mapping: CrmMapping;
  peopleOptions: { value: string; label: string }[];
  setOwner: (v: string, id: number) => void;
  setMapping: (f: (m: CrmMapping | null) => CrmMapping | null) => void;
}) {
  const { t } = useTranslation();
  const unresolved = dry.unknownOwners.length > 0 || dry.unmappedStages.length > 0;
  return (
    <Stack gap="sm" data-testid="dry-run">
      <Text size="sm" fw={500} data-testid="dry-counts">
        {t('insights.import.dryCounts', { ...dry.counts })}
      </Text>
      {unresolved && <Alert color="yellow">{t('insights.import.unresolved')}</Alert>}
      {dry.formatWarnings.map((w) => {
        const name = (v: string) =>
          t(dynamicKey(w.kind === 'dateFormat' ? `insights.import.dateFormats.${v}` : `insights.import.numberFormats.${v}`));
        const key = dynamicKey(
          `insights.formats.${w.kind === 'dateFormat' ? 'warnDate' : 'warnNumber'}${w.saved !== null && w.saved !== w.detected ? 'Saved' : ''}`,
        );
        return (
          <Alert key={w.kind} color="yellow" data-testid={`format-warning-${w.kind}`}>
            {t(key, { detected: name(w.detected), used: name(w.used), saved: w.saved ? name(w.saved) : '' })}
          </Alert>
        );
      })}
      {dry.currencies.length > 0 && (
        <Text size="sm" data-testid="dry-currencies">
          {t('insights.formats.currencies', { list: dry.currencies.map((c) => `${c.currency} (${fmtNumber(c.rows)})`).join(', ') })}
        </Text>
      )}
      {dry.unknownOwners.length > 0 && (
        <OwnersTable owners={dry.unknownOwners} mapping={mapping} peopleOptions={peopleOptions} setOwner={setOwner} />
      )}
      {dry.unmappedStages.length > 0 && (
        <StagesTable values={dry.unmappedStages} mapping={mapping} upd={(p) => setMapping((m) => (m ? { ...m, ...p } : m))} />
      )}
      {dry.errors.length > 0 && (
        <>
          <Text fw={500} size="sm">
            {t('insights.import.errorsTitle', { count: dry.counts.invalid })}
          </Text>
          <RowErrorsTable errors={dry.errors} maxHeight={220} testId="dry-errors" />
        </>
      )}
      <Text fw={500} size="sm">
        {t('insights.import.previewTitle')}
      </Text>
      <ScrollArea>
        <Table fz="xs" striped withTableBorder data-testid="dry-preview">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('insights.import.row')}</Table.Th>
              <Table.Th>{t('insights.import.fields.externalId')}</Table.Th>
              <Table.Th>{t('insights.import.fields.customer')}</Table.Th>
              <Table.Th>{t('insights.import.fields.owner')}</Table.Th>
              <Table.Th>{t('insights.import.fields.amount')}</Table.Th>
              <Table.Th>{t('insights.import.fields.stage')}</Table.Th>
              <Table.Th>{t('common.status')}</Table.Th>
              <Table.Th>{t('insights.import.fields.createdAt')}</Table.Th>
              <Table.Th>{t('insights.import.fields.closedAt')}</Table.Th>
              <Table.Th>{t('insights.import.fields.channel')}</Table.Th>
              <Table.Th>{t('insights.filters.business.repeat')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {dry.preview.map((r) => (
              <Table.Tr key={r.row}>
                <Table.Td>{r.row}</Table.Td>
                <Table.Td>{r.externalId}</Table.Td>
                <Table.Td>{r.customer}</Table.Td>
                <Table.Td>{r.ownerName}</Table.Td>
                <Table.Td>{r.amount === null ? '—' : `${fmtNumber(r.amount, 2)} ${r.currency}`}</Table.Td>
                <Table.Td>
                  {r.stage} ({r.position})
                </Table.Td>
                <Table.Td>{t(`insights.import.status.${r.status}`)}</Table.Td>
                <Table.Td>{fmtDateTime(r.createdAt)}</Table.Td>
                <Table.Td>{fmtDateTime(r.closedAt)}</Table.Td>
                <Table.Td>{r.channel}</Table.Td>
                <Table.Td>{r.isRepeat ? t('common.yes') : t('common.no')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
    </Stack>
  );
}

function Batches() {
  const { t } = useTranslation();
  const q = useApi('crm.batches', {});
  const busy = useRef(false);
  const undo = (id: number) =>
    modals.openConfirmModal({
      title: t('insights.import.undo'),
      children: <Text size="sm">{t('insights.import.undoConfirm')}</Text>,
      labels: { confirm: t('insights.import.undo'), cancel: t('actions.cancel') },
      confirmProps: { color: 'red', 'data-testid': 'confirm-undo' },
      onConfirm: () => {
        if (busy.current) return;
        busy.current = true;
        void api('crm.undoBatch', { id })
          .then((r) => notifications.show({ color: 'green', message: t('insights.import.undoDone', r) }))
          .catch((e) => notifications.show({ color: 'red', message: errorText(t, e) }))
          .finally(() => {
            busy.current = false;
            q.reload();
          });
      },
    });
  return (
    <Card withBorder radius="md" padding="md">
      <Title order={5} mb="xs">
        {t('insights.import.batches')}
      </Title>
      {q.data && q.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('insights.import.noBatches')}
        </Text>
      ) : (
        <Table fz="sm" data-testid="batches">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('insights.import.batchCols.when')}</Table.Th>
              <Table.Th>{t('insights.import.batchCols.file')}</Table.Th>
              <Table.Th>{t('insights.import.batchCols.source')}</Table.Th>
              <Table.Th>{t('insights.import.batchCols.counts')}</Table.Th>
              <Table.Th>{t('insights.import.batchCols.by')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(q.data ?? []).map((b) => (
              <Table.Tr key={b.id}>
                <Table.Td>{fmtDateTime(b.createdAt)}</Table.Td>
                <Table.Td>
                  {b.fileName}
                  {b.fileSha256 && (
                    <Text size="xs" c="dimmed" ff="monospace">
                      {b.fileSha256.slice(0, 12)}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{b.source}</Table.Td>
                <Table.Td>
                  {t('insights.import.batchCounts', {
                    create: b.counts.create ?? 0,
                    update: b.counts.update ?? 0,
                    invalid: b.counts.invalid ?? 0,
                  })}
                </Table.Td>
                <Table.Td>{b.createdBy ?? '—'}</Table.Td>
                <Table.Td>
                  {b.undoneAt ? (
                    <Badge color="gray">{t('insights.import.undone')}</Badge>
                  ) : (
                    <>
                      {b.canUndo && (
                        <Button size="compact-xs" variant="light" color="red" onClick={() => undo(b.id)} data-testid={`undo-${b.id}`}>
                          {t('insights.import.undo')}
                        </Button>
                      )}
                      {b.blockedBy && (
                        <Text size="xs" c="dimmed" maw={220} data-testid={`undo-blocked-${b.id}`}>
                          {t('insights.import.blockedBy', { file: b.blockedBy.fileName })}
                        </Text>
                      )}
                    </>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}
