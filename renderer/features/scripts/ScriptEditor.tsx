/**
 * The script editor: react-hook-form over the contract schema, steps with
 * nested answers (branches), a live outline that flags broken links before
 * saving, draft → publish, revisions, Markdown export.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Drawer,
  Grid,
  Group,
  Loader,
  MultiSelect,
  Paper,
  ScrollArea,
  Select,
  Stack,
  Tabs,
  TagsInput,
  Text,
  TextInput,
  Textarea,
  Title,
  Tooltip,
} from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import {
  IconAlertTriangle,
  IconArrowDown,
  IconCircleX,
  IconArrowUp,
  IconCornerDownRight,
  IconDownload,
  IconHistory,
  IconPlayerPlay,
  IconPlus,
  IconTrash,
} from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import {
  Controller,
  useFieldArray,
  useForm,
  useWatch,
  type Control,
  type UseFormRegister,
  type FieldErrors,
  type UseFormSetValue,
} from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useNavigate } from '../../lib/navigate';
import type { z } from 'zod';
import { CHANNELS, FUNNEL_STAGES, SCRIPT_LANGUAGES, SEGMENTS, STAGES, scriptInput, type ScriptDetail } from '../../../shared/api/scripts';
import { validateFlow } from '../../../shared/domain/scriptFlow';
import { ApiCallError, api, useApi } from '../../lib/api';
import { errorText, translateValidation } from '../../lib/errors';
import { Attachments } from '../../app/slots';
import { Markdown } from './Markdown';
import { PlaceholderList } from './PlaceholderList';
import { PlaceholderChip, PlaceholderText } from './live/placeholders';
import { ObjectionForm } from './ObjectionBank';
import { RevisionsPanel } from './RevisionsPanel';
import { statusColor } from './ScriptsPage';
import { flowIssueText, languageOptions, newStepKey } from './util';
import { fireAndForget } from '../../lib/events';
import { downloadText } from '../../lib/download';

type FormIn = z.input<typeof scriptInput>;
type FormOut = z.output<typeof scriptInput>;

const emptyStep = (stage: FormOut['steps'][number]['stage'] = 'opening') => ({
  key: newStepKey(),
  stage,
  title: '',
  talkingPointsMd: '',
  sayIt: '',
  listenFor: '',
  mustSay: [],
  choices: [],
});

function toForm(d: ScriptDetail): FormIn {
  return {
    title: d.title,
    description: d.description,
    language: d.language,
    tags: d.tags,
    steps: d.steps.map(({ id: _id, ...s }) => s),
  };
}

export function ScriptEditor() {
  const { id } = useParams();
  const isNew = id === 'new';
  const detail = useApi('scripts.get', isNew ? null : { id: Number(id), view: 'draft' });
  if (!isNew && !detail.data) {
    return detail.error ? <Alert color="red">{detail.error.message}</Alert> : <Loader />;
  }
  return <EditorForm key={`${id}-${detail.data?.revision ?? 0}`} detail={isNew ? null : detail.data!} />;
}

function EditorForm({ detail: initial }: { detail: ScriptDetail | null }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [detail, setDetail] = useState(initial);
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [revisionsOpen, setRevisionsOpen] = useState(false);
  const [newCardOpen, setNewCardOpen] = useState(false);
  const lang0 = (SCRIPT_LANGUAGES as readonly string[]).includes(i18n.language) ? (i18n.language as FormOut['language']) : 'en';
  const form = useForm<FormIn, unknown, FormOut>({
    resolver: zodResolver(scriptInput),
    defaultValues: detail
      ? toForm(detail)
      : {
          title: '',
          description: '',
          language: lang0,
          tags: { products: [], channels: ['phone'], funnelStages: [], segments: [] },
          steps: [emptyStep()],
        },
  });
  const { control, register, handleSubmit, setError, reset, setValue, formState } = form;
  const steps = useFieldArray({ control, name: 'steps', keyName: 'fid' });
  const watched = useWatch({ control, name: 'steps' }) as FormOut['steps'] | undefined;
  const language: FormOut['language'] = useWatch({ control, name: 'language' });
  const objections = useApi('scripts.objections.list', { query: '', language, offset: 0, limit: 200 });
  const objectionOptions = useMemo(() => {
    const all = new Map<number, string>();
    for (const o of detail?.objections ?? []) all.set(o.id, o.objection);
    for (const o of objections.data?.rows ?? []) all.set(o.id, o.objection);
    return [...all].map(([oid, text]) => ({ value: `obj:${oid}`, label: `«${text}»` }));
  }, [detail, objections.data]);
  const objectionIds = useMemo(() => new Set(objectionOptions.map((o) => Number(o.value.slice(4)))), [objectionOptions]);
  const issues = useMemo(
    () =>
      validateFlow(
        (watched ?? []).map((s) => ({ key: s.key, title: s.title, choices: s.choices ?? [] })),
        (oid) => objectionIds.has(oid),
      ),
    [watched, objectionIds],
  );
  const blocking = issues.filter((i) => i.severity === 'error');
  const err = (m?: string) => translateValidation(t, m);

  const save = async (data: FormOut, publish: boolean) => {
    setFormError(null);
    setBusy(true);
    try {
      let saved = detail
        ? await api('scripts.save', { id: detail.id, data, expectedRevision: detail.revision })
        : await api('scripts.create', data);
      if (publish) saved = await api('scripts.publish', { id: saved.id });
      setDetail(saved);
      reset(toForm(saved));
      notifications.show({
        color: 'green',
        message: publish ? t('scripts.editor.published') : t('scripts.editor.saved', { rev: saved.revision }),
      });
      if (!detail) navigate(`/scripts/${saved.id}`, { replace: true });
    } catch (e) {
      if (e instanceof ApiCallError && e.error.field?.startsWith('steps.')) {
        setError(e.error.field as never, { message: errorText(t, e) });
      }
      setFormError(errorText(t, e));
    } finally {
      setBusy(false);
    }
  };
  const onInvalid = () => setFormError(t('scripts.editor.fixErrors'));
  // Ctrl+S saves the draft from any field.
  useHotkeys([['mod+S', () => void handleSubmit((d) => save(d, false), onInvalid)()]], []);

  const action = async (fn: () => Promise<ScriptDetail>, message: string) => {
    try {
      const d = await fn();
      setDetail(d);
      reset(toForm(d));
      notifications.show({ color: 'green', message });
    } catch (e) {
      notifications.show({ color: 'red', message: errorText(t, e), autoClose: false });
    }
  };

  const exportMd = async () => {
    if (!detail) return;
    try {
      const f = await api('scripts.exportMarkdown', { id: detail.id });
      downloadText(f.fileName, f.text, 'text/markdown');
    } catch (e) {
      notifications.show({ color: 'red', message: errorText(t, e) });
    }
  };
  const remove = () =>
    detail &&
    modals.openConfirmModal({
      title: t('scripts.editor.deleteTitle'),
      children: <Text size="sm">{t('scripts.editor.deleteText', { title: detail.title })}</Text>,
      labels: { confirm: t('scripts.delete'), cancel: t('scripts.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: fireAndForget(async () => {
        try {
          await api('scripts.remove', { id: detail.id });
          navigate('/scripts');
        } catch (e) {
          notifications.show({ color: 'red', message: errorText(t, e) });
        }
      }),
    });

  const stepOptions = (watched ?? []).map((s, i) => ({
    value: `step:${s.key}`,
    label: `${i + 1}. ${s.title || t('scripts.editor.untitled')}`,
  }));

  return (
    <form onSubmit={(e) => e.preventDefault()} noValidate data-testid="script-editor">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start">
          <div>
            <Anchor component={Link} to="/scripts" size="sm">
              ← {t('scripts.title')}
            </Anchor>
            <Group gap="xs">
              <Title order={2}>{detail ? detail.title : t('scripts.new')}</Title>
              {detail && (
                <Badge color={statusColor[detail.status]} variant="light" data-testid="script-status">
                  {t(`scripts.status.${detail.status}`)}
                </Badge>
              )}
              {detail && (
                <Text size="sm" c="dimmed">
                  {t('scripts.editor.revision', { rev: detail.revision })}
                  {detail.publishedRevision != null && ` · ${t('scripts.editor.publishedRev', { rev: detail.publishedRevision })}`}
                </Text>
              )}
            </Group>
          </div>
          <Group gap="xs">
            {detail && (
              <>
                <Button
                  variant="default"
                  leftSection={<IconHistory size={16} />}
                  onClick={() => setRevisionsOpen(true)}
                  data-testid="script-revisions"
                >
                  {t('scripts.editor.revisions')}
                </Button>
                <Button
                  variant="default"
                  leftSection={<IconDownload size={16} />}
                  onClick={() => void exportMd()}
                  data-testid="script-export-md"
                >
                  {t('scripts.editor.exportMd')}
                </Button>
                {detail.publishedRevision != null && (
                  <Button
                    variant="default"
                    leftSection={<IconPlayerPlay size={16} />}
                    onClick={() => navigate(`/live?script=${detail.id}`)}
                  >
                    {t('scripts.editor.tryLive')}
                  </Button>
                )}
              </>
            )}
            <Button
              variant="default"
              loading={busy}
              onClick={fireAndForget(handleSubmit((d) => save(d, false), onInvalid))}
              data-testid="script-save"
            >
              {t('scripts.editor.saveDraft')}
            </Button>
            <Button
              loading={busy}
              disabled={blocking.length > 0}
              onClick={fireAndForget(handleSubmit((d) => save(d, true), onInvalid))}
              data-testid="script-publish"
            >
              {t('scripts.editor.publish')}
            </Button>
          </Group>
        </Group>
        {formError && (
          <Alert color="red" data-testid="script-error" withCloseButton onClose={() => setFormError(null)}>
            {formError}
          </Alert>
        )}
        <Grid gap="md">
          <Grid.Col span={{ base: 12, lg: 8 }}>
            <Stack gap="md">
              <Card withBorder>
                <Stack gap="sm">
                  <TextInput
                    label={t('scripts.editor.title')}
                    placeholder={t('scripts.editor.titlePh')}
                    required
                    {...register('title')}
                    error={err(formState.errors.title?.message)}
                    data-testid="script-title"
                  />
                  <Textarea
                    label={t('scripts.editor.description')}
                    autosize
                    minRows={2}
                    {...register('description')}
                    error={err(formState.errors.description?.message)}
                  />
                  <Group grow align="flex-start">
                    <Controller
                      control={control}
                      name="language"
                      render={({ field }) => (
                        <Select
                          label={t('scripts.language')}
                          allowDeselect={false}
                          data={languageOptions(t)}
                          value={field.value}
                          onChange={(v) => v && field.onChange(v)}
                          data-testid="script-language"
                        />
                      )}
                    />
                    <Controller
                      control={control}
                      name="tags.products"
                      render={({ field }) => (
                        <TagsInput label={t('scripts.editor.products')} value={field.value ?? []} onChange={field.onChange} />
                      )}
                    />
                  </Group>
                  <Group grow align="flex-start">
                    <Controller
                      control={control}
                      name="tags.channels"
                      render={({ field }) => (
                        <MultiSelect
                          label={t('scripts.editor.channels')}
                          data={CHANNELS.map((c) => ({ value: c, label: t(`scripts.channel.${c}`) }))}
                          value={field.value ?? []}
                          onChange={field.onChange as (v: string[]) => void}
                        />
                      )}
                    />
                    <Controller
                      control={control}
                      name="tags.funnelStages"
                      render={({ field }) => (
                        <MultiSelect
                          label={t('scripts.editor.funnel')}
                          data={FUNNEL_STAGES.map((c) => ({ value: c, label: t(`scripts.funnel.${c}`) }))}
                          value={field.value ?? []}
                          onChange={field.onChange as (v: string[]) => void}
                        />
                      )}
                    />
                    <Controller
                      control={control}
                      name="tags.segments"
                      render={({ field }) => (
                        <MultiSelect
                          label={t('scripts.editor.segments')}
                          data={SEGMENTS.map((c) => ({ value: c, label: t(`scripts.segment.${c}`) }))}
                          value={field.value ?? []}
                          onChange={field.onChange as (v: string[]) => void}
                        />
                      )}
                    />
                  </Group>
                </Stack>
              </Card>
              {steps.fields.map((f, i) => (
                <StepCard
                  key={f.fid}
                  index={i}
                  count={steps.fields.length}
                  control={control}
                  register={register}
                  setValue={setValue}
                  errors={formState.errors}
                  stepOptions={stepOptions}
                  objectionOptions={objectionOptions}
                  stepId={detail?.steps.find((s) => s.key === watched?.[i]?.key)?.id ?? null}
                  onMove={(to) => steps.move(i, to)}
                  onRemove={() => steps.remove(i)}
                  onNewObjection={() => setNewCardOpen(true)}
                />
              ))}
              <Group>
                <Button
                  variant="light"
                  leftSection={<IconPlus size={16} />}
                  onClick={() => steps.append(emptyStep(watched?.length ? 'discovery' : 'opening'))}
                  data-testid="step-add"
                >
                  {t('scripts.editor.addStep')}
                </Button>
                {detail && (
                  <>
                    {detail.publishedRevision != null && (
                      <Button
                        variant="subtle"
                        onClick={() => void action(() => api('scripts.unpublish', { id: detail.id }), t('scripts.editor.unpublished'))}
                      >
                        {t('scripts.editor.unpublish')}
                      </Button>
                    )}
                    <Button variant="subtle" color="red" onClick={remove}>
                      {t('scripts.delete')}
                    </Button>
                  </>
                )}
              </Group>
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 4 }}>
            <Paper withBorder p="sm" style={{ position: 'sticky', top: 70 }} data-testid="script-outline">
              <PlaceholderList steps={watched ?? []} />
              <Title order={5} mb={6} mt="sm">
                {t('scripts.editor.outline')}
              </Title>
              <ScrollArea.Autosize mah="calc(100vh - 160px)">
                <Stack gap={6}>
                  {issues.length > 0 && (
                    <Alert color={blocking.length ? 'red' : 'yellow'} p="xs" data-testid="flow-issues">
                      <Stack gap={2}>
                        {issues.map((iss, k) => (
                          <Group key={k} gap={4} wrap="nowrap" align="flex-start">
                            {iss.severity === 'error' ? (
                              <IconCircleX size={14} color="var(--mantine-color-red-7)" style={{ flexShrink: 0 }} />
                            ) : (
                              <IconAlertTriangle size={14} color="var(--mantine-color-yellow-8)" style={{ flexShrink: 0 }} />
                            )}
                            <Text size="xs" c={iss.severity === 'error' ? 'red' : 'yellow'}>
                              {flowIssueText(t, iss, watched ?? [])}
                            </Text>
                          </Group>
                        ))}
                      </Stack>
                    </Alert>
                  )}
                  {(watched ?? []).map((s, i) => (
                    <div key={s.key}>
                      <Text size="sm" fw={600}>
                        {i + 1}. {s.title || t('scripts.editor.untitled')}{' '}
                        <Text span size="xs" c="dimmed">
                          {t(`scripts.stage.${s.stage}`)}
                        </Text>
                      </Text>
                      {(s.choices ?? []).map((c, j) => {
                        const target = c.toStepKey ? (watched ?? []).findIndex((x) => x.key === c.toStepKey) : -2;
                        const broken =
                          (c.toStepKey && target < 0) ||
                          c.toStepKey === s.key ||
                          (c.toObjectionId != null && !objectionIds.has(c.toObjectionId));
                        const to =
                          target >= 0
                            ? `${target + 1}. ${(watched ?? [])[target].title}`
                            : c.toObjectionId != null
                              ? (objectionOptions.find((o) => o.value === `obj:${c.toObjectionId}`)?.label ?? t('scripts.editor.missing'))
                              : c.toStepKey
                                ? t('scripts.editor.missing')
                                : t('scripts.editor.endCall');
                        return (
                          <Group key={j} gap={4} pl="md" wrap="nowrap">
                            <IconCornerDownRight size={12} />
                            <Text size="xs" c={broken ? 'red' : undefined} data-testid={broken ? 'outline-broken' : undefined}>
                              «{c.label || '…'}» → {to}
                            </Text>
                          </Group>
                        );
                      })}
                    </div>
                  ))}
                </Stack>
              </ScrollArea.Autosize>
            </Paper>
          </Grid.Col>
        </Grid>
      </Stack>
      <Drawer
        opened={revisionsOpen}
        onClose={() => setRevisionsOpen(false)}
        position="right"
        size="xl"
        title={t('scripts.revisions.title')}
      >
        {detail && revisionsOpen && (
          <RevisionsPanel
            scriptId={detail.id}
            current={detail.revision}
            published={detail.publishedRevision}
            onRestored={(d) => {
              setDetail(d);
              reset(toForm(d));
              setRevisionsOpen(false);
            }}
          />
        )}
      </Drawer>
      <Drawer opened={newCardOpen} onClose={() => setNewCardOpen(false)} position="right" size="lg" title={t('scripts.objections.new')}>
        {newCardOpen && (
          <ObjectionForm
            card={null}
            defaultLanguage={language}
            onDone={() => {
              setNewCardOpen(false);
              objections.reload();
            }}
          />
        )}
      </Drawer>
    </form>
  );
}

interface StepCardProps {
  index: number;
  count: number;
  control: Control<FormIn, unknown, FormOut>;
  register: UseFormRegister<FormIn>;
  setValue: UseFormSetValue<FormIn>;
  errors: FieldErrors<FormIn>;
  stepOptions: { value: string; label: string }[];
  objectionOptions: { value: string; label: string }[];
  stepId: number | null;
  onMove: (to: number) => void;
  onRemove: () => void;
  onNewObjection: () => void;
}

function StepCard({
  index: i,
  count,
  control,
  register,
  setValue,
  errors,
  stepOptions,
  objectionOptions,
  stepId,
  onMove,
  onRemove,
  onNewObjection,
}: StepCardProps) {
  const { t } = useTranslation();
  const choices = useFieldArray({ control, name: `steps.${i}.choices`, keyName: 'fid' });
  const step = useWatch({ control, name: `steps.${i}` }) as FormOut['steps'][number];
  const e = errors.steps?.[i];
  const err = (m?: string) => translateValidation(t, m);
  const [tab, setTab] = useState<string | null>('write');
  useEffect(() => {
    if (!step?.talkingPointsMd) setTab('write');
  }, [step?.talkingPointsMd]);
  return (
    <Card withBorder data-testid={`step-${i}`}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Group gap="xs">
            <Badge variant="filled" size="lg" circle>
              {i + 1}
            </Badge>
            <Controller
              control={control}
              name={`steps.${i}.stage`}
              render={({ field }) => (
                <Select
                  size="xs"
                  w={190}
                  allowDeselect={false}
                  aria-label={t('scripts.editor.stage')}
                  data={STAGES.map((s) => ({ value: s, label: t(`scripts.stage.${s}`) }))}
                  value={field.value}
                  onChange={(v) => v && field.onChange(v)}
                  data-testid={`step-${i}-stage`}
                />
              )}
            />
          </Group>
          <Group gap={4}>
            <Tooltip label={t('scripts.editor.moveUp')}>
              <ActionIcon variant="subtle" disabled={i === 0} onClick={() => onMove(i - 1)} aria-label={t('scripts.editor.moveUp')}>
                <IconArrowUp size={16} />
              </ActionIcon>
            </Tooltip>
            <Tooltip label={t('scripts.editor.moveDown')}>
              <ActionIcon
                variant="subtle"
                disabled={i === count - 1}
                onClick={() => onMove(i + 1)}
                aria-label={t('scripts.editor.moveDown')}
              >
                <IconArrowDown size={16} />
              </ActionIcon>
            </Tooltip>
            <Tooltip label={t('scripts.editor.removeStep')}>
              <ActionIcon
                variant="subtle"
                color="red"
                onClick={onRemove}
                aria-label={t('scripts.editor.removeStep')}
                data-testid={`step-${i}-remove`}
              >
                <IconTrash size={16} />
              </ActionIcon>
            </Tooltip>
          </Group>
        </Group>
        <TextInput
          label={t('scripts.editor.stepTitle')}
          required
          {...register(`steps.${i}.title`)}
          error={err(e?.title?.message)}
          data-testid={`step-${i}-title`}
        />
        <Tabs value={tab} onChange={setTab} variant="outline">
          <Tabs.List>
            <Tabs.Tab value="write">{t('scripts.editor.talkingPoints')}</Tabs.Tab>
            <Tabs.Tab value="preview" data-testid={`step-${i}-preview-tab`}>
              {t('scripts.editor.preview')}
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="write" pt={6}>
            <Textarea
              aria-label={t('scripts.editor.talkingPoints')}
              autosize
              minRows={3}
              maxRows={14}
              description={t('scripts.editor.markdownHint')}
              {...register(`steps.${i}.talkingPointsMd`)}
              error={err(e?.talkingPointsMd?.message)}
              data-testid={`step-${i}-points`}
            />
          </Tabs.Panel>
          <Tabs.Panel value="preview" pt={6}>
            <Paper withBorder p="sm" data-testid={`step-${i}-preview`}>
              <Markdown text={step?.talkingPointsMd || ''} placeholder={(name) => <PlaceholderChip name={name} />} />
            </Paper>
          </Tabs.Panel>
        </Tabs>
        <Group grow align="flex-start">
          <Textarea
            label={t('scripts.editor.sayIt')}
            autosize
            minRows={1}
            {...register(`steps.${i}.sayIt`)}
            // the fields in the line, highlighted as the rep will see them
            description={
              step?.sayIt && step.sayIt.includes('{') ? (
                <span data-testid={`step-${i}-sayit-fields`}>
                  <PlaceholderText text={step.sayIt} chips />
                </span>
              ) : undefined
            }
            error={err(e?.sayIt?.message)}
            data-testid={`step-${i}-sayit`}
          />
          <Textarea
            label={t('scripts.editor.listenFor')}
            autosize
            minRows={1}
            {...register(`steps.${i}.listenFor`)}
            error={err(e?.listenFor?.message)}
          />
        </Group>
        <Controller
          control={control}
          name={`steps.${i}.mustSay`}
          render={({ field }) => (
            <TagsInput
              label={t('scripts.editor.mustSay')}
              description={t('scripts.editor.mustSayHint')}
              value={field.value ?? []}
              onChange={field.onChange}
              maxTags={20}
              data-testid={`step-${i}-mustsay`}
            />
          )}
        />
        <Stack gap={6}>
          <Text size="sm" fw={500}>
            {t('scripts.editor.answers')}{' '}
            <Text span size="xs" c="dimmed">
              {t('scripts.editor.answersHint')}
            </Text>
          </Text>
          {choices.fields.map((c, j) => {
            const ch = step?.choices?.[j];
            const value = ch?.toStepKey ? `step:${ch.toStepKey}` : ch?.toObjectionId != null ? `obj:${ch.toObjectionId}` : 'end';
            const ce = e?.choices?.[j];
            const known = value === 'end' || stepOptions.some((o) => o.value === value) || objectionOptions.some((o) => o.value === value);
            return (
              <Group key={c.fid} align="flex-start" wrap="nowrap" data-testid={`step-${i}-answer-${j}`}>
                <TextInput
                  style={{ flex: 1 }}
                  placeholder={t('scripts.editor.answerPh')}
                  aria-label={t('scripts.editor.answer')}
                  {...register(`steps.${i}.choices.${j}.label`)}
                  error={err(ce?.label?.message)}
                  data-testid={`step-${i}-answer-${j}-label`}
                />
                <Select
                  style={{ flex: 1 }}
                  searchable
                  allowDeselect={false}
                  aria-label={t('scripts.editor.leadsTo')}
                  data={[
                    { group: t('scripts.editor.toStep'), items: stepOptions.filter((o) => o.value !== `step:${step?.key}`) },
                    { group: t('scripts.editor.toObjection'), items: objectionOptions },
                    {
                      group: t('scripts.editor.other'),
                      items: [
                        { value: 'end', label: t('scripts.editor.endCall') },
                        ...(known ? [] : [{ value, label: t('scripts.editor.missing') }]),
                      ],
                    },
                  ]}
                  value={value}
                  error={ce?.toStepKey?.message || ce?.toObjectionId?.message || (!known ? t('scripts.editor.brokenLink') : undefined)}
                  onChange={(v) => {
                    const opts = { shouldDirty: true, shouldValidate: false };
                    setValue(`steps.${i}.choices.${j}.toStepKey`, v?.startsWith('step:') ? v.slice(5) : null, opts);
                    setValue(`steps.${i}.choices.${j}.toObjectionId`, v?.startsWith('obj:') ? Number(v.slice(4)) : null, opts);
                  }}
                  data-testid={`step-${i}-answer-${j}-target`}
                />
                <ActionIcon variant="subtle" color="red" mt={6} onClick={() => choices.remove(j)} aria-label={t('scripts.remove')}>
                  <IconTrash size={16} />
                </ActionIcon>
              </Group>
            );
          })}
          <Group gap="xs">
            <Button
              variant="subtle"
              size="xs"
              leftSection={<IconPlus size={14} />}
              onClick={() => choices.append({ label: '', toStepKey: null, toObjectionId: null })}
              disabled={choices.fields.length >= 12}
              data-testid={`step-${i}-add-answer`}
            >
              {t('scripts.editor.addAnswer')}
            </Button>
            <Button variant="subtle" size="xs" onClick={onNewObjection} data-testid={`step-${i}-new-objection`}>
              {t('scripts.editor.newObjection')}
            </Button>
          </Group>
        </Stack>
        {stepId != null && <Attachments targetKind="script_step" targetId={stepId} mode="edit" context="script" />}
      </Stack>
    </Card>
  );
}
