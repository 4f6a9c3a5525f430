/** Assign courses to people, a team or a role with a due date and optional recurrence (bulk); editing makes a new plan version. */
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, Modal, MultiSelect, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Controller, useForm, type FieldPath } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ROLES } from '../../../shared/api/people';
import { planInput, type Plan, type PlanSaveResult } from '../../../shared/api/training';
import { isPastDue } from '../../../shared/domain/assignment';
import { api, ApiCallError, useApi } from '../../lib/api';
import { errorText, translateValidation } from '../../lib/errors';
import { personName } from '../../lib/format';
import { DateField } from '../../lib/DateField';
import { dynamicKey } from '../../app/keys';

const today = () => new Date().toISOString().slice(0, 10);

type FormIn = z.input<typeof planInput>;
type FormOut = z.output<typeof planInput>;
/** Fields the form shows; a server error on one of them lands under it, any other in the alert. */
const FIELDS = [
  'name',
  'courseIds',
  'target',
  'target.personIds',
  'target.teamIds',
  'target.roles',
  'dueDate',
  'recurrenceMonths',
] as const;
const isField = (f: string | undefined): f is (typeof FIELDS)[number] => !!f && (FIELDS as readonly string[]).includes(f);

export function PlanForm({
  opened,
  onClose,
  plan,
  initialCourseIds = [],
  initialPersonIds,
  initialName = '',
  onSaved,
}: {
  opened: boolean;
  onClose: () => void;
  plan?: Plan;
  initialCourseIds?: number[];
  /** Pre-selects people (e.g. assigning a suggested course from a profile). */
  initialPersonIds?: number[];
  initialName?: string;
  onSaved?: (r: PlanSaveResult) => void;
}) {
  const { t, i18n } = useTranslation();
  // Until the author types a name, the plan is named after its courses, who gets them, and the month.
  const [nameEdited, setNameEdited] = useState(!!(plan?.name ?? initialName));
  const [formError, setFormError] = useState<string | null>(null);
  const {
    control,
    handleSubmit,
    setError,
    setValue,
    watch,
    formState: { errors, isSubmitting },
  } = useForm<FormIn, unknown, FormOut>({
    resolver: zodResolver(planInput),
    defaultValues: {
      name: plan?.name ?? initialName,
      courseIds: plan?.courseIds ?? initialCourseIds,
      target: {
        kind: plan?.target.kind ?? (initialPersonIds ? 'people' : 'team'),
        personIds: plan?.target.personIds ?? initialPersonIds ?? [],
        teamIds: plan?.target.teamIds ?? [],
        roles: plan?.target.roles ?? ['rep'],
      },
      dueDate: plan?.dueDate ?? null,
      recurrenceMonths: plan?.recurrenceMonths ?? null,
    },
  });
  const err = (m?: string) => translateValidation(t, m);
  const name = watch('name');
  const courseIds = (watch('courseIds') ?? []).map(String);
  const kind = watch('target.kind');
  const personIds = (watch('target.personIds') ?? []).map(String);
  const teamIds = (watch('target.teamIds') ?? []).map(String);
  const roles = watch('target.roles') ?? [];
  const dueDate = watch('dueDate') ?? '';
  const targetError = err(
    errors.target?.message ?? errors.target?.personIds?.message ?? errors.target?.teamIds?.message ?? errors.target?.roles?.message,
  );
  const courses = useApi('training.courses.list', opened ? { query: '', status: 'published', offset: 0, limit: 500 } : null);
  const teams = useApi('teams.list', opened ? { includeEmpty: false } : null);
  const people = useApi(
    'people.list',
    opened && kind === 'people'
      ? { query: '', teamId: null, role: null, includeInactive: true, sort: 'name', offset: 0, limit: 500 }
      : null,
  );
  const suggestedName = (() => {
    const titles = (courses.data?.rows ?? []).filter((c) => courseIds.includes(String(c.id))).map((c) => c.title);
    if (!titles.length) return '';
    const target =
      kind === 'team'
        ? (teams.data ?? [])
            .filter((tm) => teamIds.includes(String(tm.id)))
            .map((tm) => tm.name)
            .join(', ')
        : kind === 'role'
          ? roles.map((r) => t(dynamicKey(`roles.${r}`))).join(', ')
          : t('training.plans.defaultTargetPeople', { count: personIds.length });
    const month = new Intl.DateTimeFormat(i18n.language === 'zh' ? 'zh-CN' : i18n.language === 'ru' ? 'ru-RU' : 'en-GB', {
      month: 'long',
      year: 'numeric',
    }).format(new Date());
    const courses_ = titles.length > 2 ? `${titles.slice(0, 2).join(', ')} +${titles.length - 2}` : titles.join(', ');
    return t('training.plans.defaultName', { courses: courses_, target: target || '—', month }).slice(0, 200);
  })();
  const effectiveName = nameEdited ? name : suggestedName;
  const pastDue = isPastDue(dueDate || null, today());
  const inactiveChosen = kind === 'people' ? (people.data?.rows ?? []).filter((p) => !p.active && personIds.includes(String(p.id))) : [];

  const submit = handleSubmit(async (data) => {
    setFormError(null);
    try {
      const r = await api('training.plans.save', { id: plan?.id, data });
      notifications.show({
        message: [
          r.assigned ? t('training.plans.savedNew', { count: r.assigned }) : t('training.plans.savedNone'),
          r.kept ? t('training.plans.savedKept', { count: r.kept }) : '',
          r.retired ? t('training.plans.savedRetired', { count: r.retired }) : '',
        ]
          .filter(Boolean)
          .join(' '),
      });
      for (const w of r.warnings) notifications.show({ color: 'yellow', message: w, autoClose: 10_000 });
      onSaved?.(r);
      onClose();
    } catch (e) {
      if (!(e instanceof ApiCallError)) return setFormError(errorText(t, e));
      const issues = e.error.issues ?? [];
      const onFields = issues.filter((i) => isField(i.field));
      for (const i of onFields) setError(i.field as FieldPath<FormIn>, { message: translateValidation(t, i.message) });
      if (isField(e.error.field) && !issues.length) setError(e.error.field, { message: errorText(t, e) });
      else if (onFields.length < issues.length || !issues.length) setFormError(errorText(t, e));
    }
  });
  const save = () => {
    // the suggested name is what the author sees in the field, so it is what gets validated and saved
    if (!nameEdited) setValue('name', suggestedName);
    void submit();
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size="lg"
      title={plan ? t('training.plans.edit', { version: plan.version }) : t('training.plans.new')}
    >
      <Stack data-testid="plan-form">
        <Controller
          control={control}
          name="name"
          render={({ field }) => (
            <TextInput
              label={t('training.plans.name')}
              description={nameEdited ? undefined : t('training.plans.defaultNameHint')}
              value={effectiveName}
              onChange={(e) => (setNameEdited(true), field.onChange(e.currentTarget.value))}
              onBlur={field.onBlur}
              error={err(errors.name?.message)}
              required
              data-testid="plan-name"
            />
          )}
        />
        <Controller
          control={control}
          name="courseIds"
          render={({ field }) => (
            <MultiSelect
              label={t('training.plans.courses')}
              searchable
              data={(courses.data?.rows ?? []).map((c) => ({ value: String(c.id), label: c.title }))}
              value={courseIds}
              onChange={(v) => field.onChange(v.map(Number))}
              error={err(errors.courseIds?.message)}
              data-testid="plan-courses"
            />
          )}
        />
        <div>
          <Text size="sm" fw={500} mb={4}>
            {t('training.plans.assignTo')}
          </Text>
          <Controller
            control={control}
            name="target.kind"
            render={({ field }) => (
              <SegmentedControl
                value={field.value}
                onChange={field.onChange}
                data={(['people', 'team', 'role'] as const).map((k) => ({ value: k, label: t(`training.plans.target.${k}`) }))}
                data-testid="plan-target-kind"
              />
            )}
          />
        </div>
        {kind === 'people' && (
          <Controller
            control={control}
            name="target.personIds"
            render={({ field }) => (
              <MultiSelect
                searchable
                label={t('training.plans.target.people')}
                data={(people.data?.rows ?? []).map((p) => ({
                  value: String(p.id),
                  label: p.active ? personName(p) : `${personName(p)} (${t('common.inactive')})`,
                }))}
                value={personIds}
                onChange={(v) => field.onChange(v.map(Number))}
                error={targetError}
                errorProps={{ 'data-testid': 'plan-error' }}
                data-testid="plan-people"
              />
            )}
          />
        )}
        {kind === 'team' && (
          <Controller
            control={control}
            name="target.teamIds"
            render={({ field }) => (
              <MultiSelect
                label={t('training.plans.target.team')}
                data={(teams.data ?? []).map((tm) => ({ value: String(tm.id), label: `${tm.name} (${tm.memberCount})` }))}
                value={teamIds}
                onChange={(v) => field.onChange(v.map(Number))}
                error={targetError}
                errorProps={{ 'data-testid': 'plan-error' }}
                data-testid="plan-teams"
              />
            )}
          />
        )}
        {kind === 'role' && (
          <Controller
            control={control}
            name="target.roles"
            render={({ field }) => (
              <MultiSelect
                label={t('training.plans.target.role')}
                data={ROLES.map((r) => ({ value: r, label: t(dynamicKey(`roles.${r}`)) }))}
                value={roles}
                onChange={field.onChange}
                error={targetError}
                errorProps={{ 'data-testid': 'plan-error' }}
              />
            )}
          />
        )}
        <Group grow align="flex-start">
          <Controller
            control={control}
            name="dueDate"
            render={({ field }) => (
              <DateField
                label={t('training.plans.due')}
                value={field.value}
                onChange={(v) => field.onChange(v || null)}
                onBlur={field.onBlur}
                error={err(errors.dueDate?.message)}
                data-testid="plan-due"
              />
            )}
          />
          <Controller
            control={control}
            name="recurrenceMonths"
            render={({ field }) => (
              <Select
                label={t('training.plans.recurrence')}
                value={field.value ? String(field.value) : ''}
                onChange={(v) => field.onChange(v ? Number(v) : null)}
                error={err(errors.recurrenceMonths?.message)}
                data={[
                  { value: '', label: t('training.plans.noRecurrence') },
                  { value: '3', label: t('training.plans.everyMonths', { count: 3 }) },
                  { value: '6', label: t('training.plans.everyMonths', { count: 6 }) },
                  { value: '12', label: t('training.plans.yearly') },
                ]}
              />
            )}
          />
        </Group>
        {pastDue && (
          <Alert color="yellow" data-testid="past-due-warning">
            {t('training.plans.pastDue')}
          </Alert>
        )}
        {inactiveChosen.length > 0 && (
          <Alert color="yellow" data-testid="inactive-warning">
            {t('training.plans.inactiveChosen', { names: inactiveChosen.map((p) => personName(p)).join(', ') })}
          </Alert>
        )}
        {plan && (
          <Text size="xs" c="dimmed">
            {t('training.plans.versionNote')}
          </Text>
        )}
        {formError && (
          <Alert color="red" data-testid="plan-error">
            {formError}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('actions.cancel')}
          </Button>
          <Button onClick={save} loading={isSubmitting} disabled={!effectiveName.trim() || !courseIds.length} data-testid="plan-save">
            {t('training.plans.assign')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
