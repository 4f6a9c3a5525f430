/**
 * Scorecard templates: versions (draft → published → archived), the builder
 * (sections of kind standard / bonus / auto-fail; criteria with scale, weight,
 * N/A, critical, competency, script stage; texts per language) and the
 * "what if" preview of a draft against recent evaluations.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { Controller, useFieldArray, useForm, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { requiredText } from '../../../shared/api/contract';
import { definitionInput, type TemplateVersion } from '../../../shared/api/scorecards';
import { SCALES, SECTION_KINDS } from '../../../shared/domain/scoring';
import { api, useApi } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { fmtDate, fmtNumber, personName } from '../../lib/format';
import i18n from 'i18next';
import { templateName, versionLabel } from './util';
import { dynamicKey } from '../../app/keys';

const formSchema = z.object({ name: requiredText(120), definition: definitionInput });
type FormIn = z.input<typeof formSchema>;
type FormOut = z.output<typeof formSchema>;
type Lang = 'en' | 'ru' | 'zh';
const STAGES = ['opening', 'discovery', 'presentation', 'objection_handling', 'closing', 'follow_up'];

export function TemplatesPanel() {
  const { t } = useTranslation();
  const list = useApi('scorecards.templates.list', {});
  const [editing, setEditing] = useState<TemplateVersion | null>(null);
  const [whatIf, setWhatIf] = useState<{ id: number; data: Awaited<ReturnType<typeof runWhatIf>> } | null>(null);
  async function runWhatIf(id: number) {
    return api('scorecards.versions.whatIf', { id, lastN: 200 });
  }
  const open = async (id: number) => setEditing(await api('scorecards.versions.get', { id }));
  const act = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      list.reload();
    } catch (e) {
      notifications.show({ color: 'red', message: errorText(t, e) });
    }
  };
  if (editing) return <Builder version={editing} onClose={() => (setEditing(null), list.reload())} />;
  return (
    <Stack gap="sm" data-testid="templates">
      {(list.data ?? []).map((tp) => (
        <Card key={tp.id} withBorder padding="sm">
          <Group justify="space-between" mb="xs">
            <div>
              <Title order={4}>{templateName(tp.name)}</Title>
              <Text size="xs" c="dimmed">
                {tp.description}
              </Text>
            </div>
            {!tp.versions.some((v) => v.status === 'draft') && (
              <Button
                variant="light"
                onClick={() => {
                  const pub = tp.versions.find((v) => v.status === 'published') ?? tp.versions[0];
                  void act(async () => {
                    const base = await api('scorecards.versions.get', { id: pub.id });
                    const d = await api('scorecards.versions.saveDraft', { templateId: tp.id, name: tp.name, definition: base.definition });
                    setEditing(d);
                  });
                }}
                data-testid="new-version"
              >
                {t('scorecards.templates.newVersion')}
              </Button>
            )}
          </Group>
          <Table verticalSpacing={4}>
            <Table.Tbody>
              {tp.versions.map((v) => (
                <Table.Tr key={v.id}>
                  <Table.Td w={60}>v{v.version}</Table.Td>
                  <Table.Td>
                    <Badge color={v.status === 'published' ? 'green' : v.status === 'draft' ? 'blue' : 'gray'}>
                      {t(`scorecards.templates.status.${v.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{t('scorecards.templates.criteriaCount', { n: v.criteria })}</Table.Td>
                  <Table.Td>{t('scorecards.templates.evaluationsCount', { n: v.evaluations })}</Table.Td>
                  <Table.Td>{fmtDate(v.publishedAt ?? v.createdAt)}</Table.Td>
                  <Table.Td>
                    <Group gap={4} justify="flex-end">
                      <Button size="compact-xs" variant="subtle" onClick={() => void open(v.id)}>
                        {v.status === 'draft' ? t('actions.edit') : t('actions.open')}
                      </Button>
                      {v.status === 'draft' && (
                        <>
                          <Button
                            size="compact-xs"
                            variant="subtle"
                            onClick={() =>
                              void runWhatIf(v.id).then(
                                (data) => setWhatIf({ id: v.id, data }),
                                (e) => notifications.show({ color: 'red', message: errorText(t, e) }),
                              )
                            }
                            data-testid="what-if"
                          >
                            {t('scorecards.templates.whatIf')}
                          </Button>
                          <Button
                            size="compact-xs"
                            onClick={() => void act(() => api('scorecards.versions.publish', { id: v.id }))}
                            data-testid="publish"
                          >
                            {t('scorecards.templates.publish')}
                          </Button>
                        </>
                      )}
                      {v.status === 'published' && (
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          color="gray"
                          onClick={() => void act(() => api('scorecards.versions.archive', { id: v.id }))}
                        >
                          {t('scorecards.templates.archive')}
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {whatIf && tp.versions.some((v) => v.id === whatIf.id) && (
            <Alert
              color="blue"
              mt="sm"
              title={t('scorecards.templates.whatIfTitle', { n: whatIf.data.n })}
              data-testid="what-if-result"
              withCloseButton
              onClose={() => setWhatIf(null)}
            >
              <Text size="sm">
                {t('scorecards.templates.whatIfLine', {
                  before: whatIf.data.before === null ? '—' : fmtNumber(whatIf.data.before, 1),
                  after: whatIf.data.after === null ? '—' : fmtNumber(whatIf.data.after, 1),
                  delta: whatIf.data.delta === null ? '—' : `${whatIf.data.delta >= 0 ? '+' : ''}${fmtNumber(whatIf.data.delta, 1)}`,
                  count: whatIf.data.changed,
                })}
              </Text>
              <Group gap={4} mt={4}>
                {whatIf.data.byRep
                  .filter((r) => r.before !== null && r.after !== null && Math.abs(r.after - r.before) >= 1)
                  .slice(0, 12)
                  .map((r) => (
                    <Badge key={r.rep.id} variant="light" color={r.after! > r.before! ? 'green' : 'red'}>
                      {personName(r.rep)} {r.after! > r.before! ? '+' : ''}
                      {fmtNumber(r.after! - r.before!, 1)} (n={r.n})
                    </Badge>
                  ))}
              </Group>
            </Alert>
          )}
        </Card>
      ))}
    </Stack>
  );
}

function Builder({ version, onClose }: { version: TemplateVersion; onClose: () => void }) {
  const { t } = useTranslation();
  const readOnly = version.status !== 'draft';
  const [lang, setLang] = useState<Lang>((['en', 'ru', 'zh'].includes(i18n.language) ? i18n.language : 'en') as Lang);
  const [error, setError] = useState<string | null>(null);
  const competencies = useApi('scorecards.competencies', {});
  const compData = (competencies.data ?? []).map((c) => ({ value: String(c.id), label: c.names[lang] || c.name }));
  const { control, register, handleSubmit, formState } = useForm<FormIn, unknown, FormOut>({
    resolver: zodResolver(formSchema),
    defaultValues: { name: version.name, definition: version.definition },
  });
  const sections = useFieldArray({ control, name: 'definition.sections' });
  const save = handleSubmit(async (v) => {
    setError(null);
    try {
      await api('scorecards.versions.saveDraft', { templateId: version.templateId, name: v.name, definition: v.definition });
      notifications.show({ color: 'green', message: t('scorecards.templates.saved') });
      onClose();
    } catch (e) {
      setError(errorText(t, e));
    }
  });
  return (
    <Stack gap="sm" data-testid="builder">
      <Group justify="space-between">
        <Title order={3}>
          {versionLabel(version)} <Badge>{t(`scorecards.templates.status.${version.status}`)}</Badge>
        </Title>
        <Group>
          <SegmentedControl
            value={lang}
            onChange={(v) => setLang(v as Lang)}
            data={['en', 'ru', 'zh'].map((l) => ({ value: l, label: l.toUpperCase() }))}
            aria-label={t('scorecards.templates.textLanguage')}
          />
          <Button variant="default" onClick={onClose}>
            {t('actions.back')}
          </Button>
          {!readOnly && (
            <Button onClick={() => void save()} loading={formState.isSubmitting} data-testid="builder-save">
              {t('actions.save')}
            </Button>
          )}
        </Group>
      </Group>
      {readOnly && <Alert color="gray">{t('scorecards.templates.readOnly')}</Alert>}
      {error && <Alert color="red">{error}</Alert>}
      {Object.keys(formState.errors).length > 0 && <Alert color="red">{t('scorecards.templates.fixErrors')}</Alert>}
      <Group>
        <TextInput label={t('common.name')} {...register('name')} disabled={readOnly} error={formState.errors.name?.message} w={320} />
        <Controller
          control={control}
          name="definition.bonusCap"
          render={({ field }) => (
            <NumberInput
              label={t('scorecards.templates.bonusCap')}
              min={0}
              max={50}
              value={field.value}
              onChange={(v) => field.onChange(Number(v) || 0)}
              disabled={readOnly}
              w={160}
            />
          )}
        />
      </Group>
      {sections.fields.map((s, si) => (
        <Card key={s.id} withBorder padding="sm">
          <Group align="flex-end" mb="xs">
            <TextInput
              label={t('scorecards.templates.sectionTitle')}
              {...register(`definition.sections.${si}.title.${lang}`)}
              disabled={readOnly}
              w={260}
            />
            <Controller
              control={control}
              name={`definition.sections.${si}.kind`}
              render={({ field }) => (
                <Select
                  label={t('scorecards.templates.kind')}
                  data={SECTION_KINDS.map((k) => ({ value: k, label: t(`scorecards.kind.${k}`) }))}
                  value={field.value}
                  onChange={(v) => v && field.onChange(v)}
                  disabled={readOnly}
                  w={160}
                  allowDeselect={false}
                />
              )}
            />
            <Controller
              control={control}
              name={`definition.sections.${si}.weight`}
              render={({ field }) => (
                <NumberInput
                  label={t('scorecards.templates.weight')}
                  min={0}
                  max={100}
                  value={field.value}
                  onChange={(v) => field.onChange(Number(v) || 0)}
                  disabled={readOnly}
                  w={100}
                />
              )}
            />
            {!readOnly && (
              <Button variant="subtle" color="red" leftSection={<IconTrash size={14} />} onClick={() => sections.remove(si)}>
                {t('scorecards.templates.removeSection')}
              </Button>
            )}
          </Group>
          <CriteriaEditor control={control} si={si} lang={lang} readOnly={readOnly} compData={compData} register={register} />
        </Card>
      ))}
      {!readOnly && (
        <Button
          variant="light"
          leftSection={<IconPlus size={14} />}
          onClick={() =>
            sections.append({
              key: '',
              title: { en: '', ru: '', zh: '' },
              kind: 'standard',
              weight: 1,
              criteria: [
                {
                  id: null,
                  prompt: { en: '', ru: '', zh: '' },
                  guideline: { en: '', ru: '', zh: '' },
                  scale: '1_5',
                  weight: 1,
                  naAllowed: false,
                  critical: false,
                  competencyId: null,
                  scriptStage: null,
                },
              ],
            })
          }
        >
          {t('scorecards.templates.addSection')}
        </Button>
      )}
    </Stack>
  );
}

function CriteriaEditor(props: {
  control: Control<FormIn, unknown, FormOut>;
  si: number;
  lang: Lang;
  readOnly: boolean;
  compData: { value: string; label: string }[];
  register: ReturnType<typeof useForm<FormIn, unknown, FormOut>>['register'];
}) {
  const { t } = useTranslation();
  const { control, si, lang, readOnly, register } = props;
  const criteria = useFieldArray({ control, name: `definition.sections.${si}.criteria` });
  return (
    <Stack gap="xs">
      {criteria.fields.map((c, ci) => (
        <Card key={c.id} withBorder padding="xs" bg="var(--mantine-color-default-hover)">
          <Group align="flex-end" wrap="wrap" gap="xs">
            <TextInput
              label={t('scorecards.templates.prompt')}
              {...register(`definition.sections.${si}.criteria.${ci}.prompt.${lang}`)}
              disabled={readOnly}
              style={{ flex: 1, minWidth: 260 }}
            />
            <Controller
              control={control}
              name={`definition.sections.${si}.criteria.${ci}.scale`}
              render={({ field }) => (
                <Select
                  label={t('scorecards.templates.scale')}
                  data={SCALES.map((s) => ({ value: s, label: t(`scorecards.scale.${s}`) }))}
                  value={field.value}
                  onChange={(v) => v && field.onChange(v)}
                  disabled={readOnly}
                  w={110}
                  allowDeselect={false}
                />
              )}
            />
            <Controller
              control={control}
              name={`definition.sections.${si}.criteria.${ci}.weight`}
              render={({ field }) => (
                <NumberInput
                  label={t('scorecards.templates.weight')}
                  min={0}
                  max={100}
                  value={field.value}
                  onChange={(v) => field.onChange(Number(v) || 0)}
                  disabled={readOnly}
                  w={80}
                />
              )}
            />
            <Controller
              control={control}
              name={`definition.sections.${si}.criteria.${ci}.competencyId`}
              render={({ field }) => (
                <Select
                  label={t('scorecards.templates.competency')}
                  data={props.compData}
                  value={field.value ? String(field.value) : null}
                  onChange={(v) => field.onChange(v ? Number(v) : null)}
                  disabled={readOnly}
                  w={200}
                  clearable
                />
              )}
            />
            <Controller
              control={control}
              name={`definition.sections.${si}.criteria.${ci}.scriptStage`}
              render={({ field }) => (
                <Select
                  label={t('scorecards.templates.stage')}
                  data={STAGES.map((s) => ({ value: s, label: t(dynamicKey(`scorecards.stage.${s}`)) }))}
                  value={field.value ?? null}
                  onChange={(v) => field.onChange(v)}
                  disabled={readOnly}
                  w={170}
                  clearable
                />
              )}
            />
            <Controller
              control={control}
              name={`definition.sections.${si}.criteria.${ci}.naAllowed`}
              render={({ field }) => (
                <Switch
                  label={t('scorecards.criterion.na')}
                  checked={!!field.value}
                  onChange={(e) => field.onChange(e.currentTarget.checked)}
                  disabled={readOnly}
                />
              )}
            />
            <Controller
              control={control}
              name={`definition.sections.${si}.criteria.${ci}.critical`}
              render={({ field }) => (
                <Switch
                  label={t('scorecards.criterion.critical')}
                  color="red"
                  checked={!!field.value}
                  onChange={(e) => field.onChange(e.currentTarget.checked)}
                  disabled={readOnly}
                />
              )}
            />
            {!readOnly && (
              <Button variant="subtle" color="red" size="xs" onClick={() => criteria.remove(ci)} aria-label={t('actions.remove')}>
                <IconTrash size={14} />
              </Button>
            )}
          </Group>
          <Textarea
            mt={4}
            size="xs"
            autosize
            minRows={1}
            label={t('scorecards.templates.guideline')}
            {...register(`definition.sections.${si}.criteria.${ci}.guideline.${lang}`)}
            disabled={readOnly}
          />
        </Card>
      ))}
      {!readOnly && (
        <Button
          size="xs"
          variant="subtle"
          leftSection={<IconPlus size={14} />}
          onClick={() =>
            criteria.append({
              id: null,
              prompt: { en: '', ru: '', zh: '' },
              guideline: { en: '', ru: '', zh: '' },
              scale: '1_5',
              weight: 1,
              naAllowed: false,
              critical: false,
              competencyId: null,
              scriptStage: null,
            })
          }
          w={180}
        >
          {t('scorecards.templates.addCriterion')}
        </Button>
      )}
    </Stack>
  );
}
