/** Assign courses to people, a team or a role with a due date and optional recurrence (bulk); editing makes a new plan version. */
import { Alert, Button, Group, Modal, MultiSelect, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../../shared/api/people';
import type { Plan, PlanSaveResult } from '../../../shared/api/training';
import { isPastDue } from '../../../shared/domain/assignment';
import { api, ApiCallError, useApi } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { personName } from '../../lib/format';
import { DateField } from '../../lib/DateField';
import { dynamicKey } from '../../app/keys';

const today = () => new Date().toISOString().slice(0, 10);

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
  const [name, setName] = useState(plan?.name ?? initialName);
  // Until the author types a name, the plan is named after its courses, who gets them, and the month.
  const [nameEdited, setNameEdited] = useState(!!(plan?.name ?? initialName));
  const [courseIds, setCourseIds] = useState<string[]>((plan?.courseIds ?? initialCourseIds).map(String));
  const [kind, setKind] = useState<'people' | 'team' | 'role'>(plan?.target.kind ?? (initialPersonIds ? 'people' : 'team'));
  const [personIds, setPersonIds] = useState<string[]>((plan?.target.personIds ?? initialPersonIds ?? []).map(String));
  const [teamIds, setTeamIds] = useState<string[]>((plan?.target.teamIds ?? []).map(String));
  const [roles, setRoles] = useState<string[]>(plan?.target.roles ?? ['rep']);
  const [dueDate, setDueDate] = useState(plan?.dueDate ?? '');
  const [recurrence, setRecurrence] = useState<string>(plan?.recurrenceMonths ? String(plan.recurrenceMonths) : '');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
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

  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      const r = await api('training.plans.save', {
        id: plan?.id,
        data: {
          name: effectiveName,
          courseIds: courseIds.map(Number),
          target: { kind, personIds: personIds.map(Number), teamIds: teamIds.map(Number), roles: roles as Role[] },
          dueDate: dueDate || null,
          recurrenceMonths: recurrence ? Number(recurrence) : null,
        },
      });
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
      setError(
        e instanceof ApiCallError && e.error.issues?.length
          ? e.error.issues.map((i) => `${i.field}: ${i.message}`).join('; ')
          : errorText(t, e),
      );
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size="lg"
      title={plan ? t('training.plans.edit', { version: plan.version }) : t('training.plans.new')}
    >
      <Stack data-testid="plan-form">
        <TextInput
          label={t('training.plans.name')}
          description={nameEdited ? undefined : t('training.plans.defaultNameHint')}
          value={effectiveName}
          onChange={(e) => (setNameEdited(true), setName(e.currentTarget.value))}
          required
          data-testid="plan-name"
        />
        <MultiSelect
          label={t('training.plans.courses')}
          searchable
          data={(courses.data?.rows ?? []).map((c) => ({ value: String(c.id), label: c.title }))}
          value={courseIds}
          onChange={setCourseIds}
          data-testid="plan-courses"
        />
        <div>
          <Text size="sm" fw={500} mb={4}>
            {t('training.plans.assignTo')}
          </Text>
          <SegmentedControl
            value={kind}
            onChange={(v) => setKind(v)}
            data={(['people', 'team', 'role'] as const).map((k) => ({ value: k, label: t(`training.plans.target.${k}`) }))}
            data-testid="plan-target-kind"
          />
        </div>
        {kind === 'people' && (
          <MultiSelect
            searchable
            label={t('training.plans.target.people')}
            data={(people.data?.rows ?? []).map((p) => ({
              value: String(p.id),
              label: p.active ? personName(p) : `${personName(p)} (${t('common.inactive')})`,
            }))}
            value={personIds}
            onChange={setPersonIds}
            data-testid="plan-people"
          />
        )}
        {kind === 'team' && (
          <MultiSelect
            label={t('training.plans.target.team')}
            data={(teams.data ?? []).map((tm) => ({ value: String(tm.id), label: `${tm.name} (${tm.memberCount})` }))}
            value={teamIds}
            onChange={setTeamIds}
            data-testid="plan-teams"
          />
        )}
        {kind === 'role' && (
          <MultiSelect
            label={t('training.plans.target.role')}
            data={ROLES.map((r) => ({ value: r, label: t(dynamicKey(`roles.${r}`)) }))}
            value={roles}
            onChange={setRoles}
          />
        )}
        <Group grow align="flex-start">
          <DateField label={t('training.plans.due')} value={dueDate} onChange={(v) => setDueDate(v)} data-testid="plan-due" />
          <Select
            label={t('training.plans.recurrence')}
            value={recurrence}
            onChange={(v) => setRecurrence(v ?? '')}
            data={[
              { value: '', label: t('training.plans.noRecurrence') },
              { value: '3', label: t('training.plans.everyMonths', { count: 3 }) },
              { value: '6', label: t('training.plans.everyMonths', { count: 6 }) },
              { value: '12', label: t('training.plans.yearly') },
            ]}
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
        {error && (
          <Alert color="red" data-testid="plan-error">
            {error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('actions.cancel')}
          </Button>
          <Button
            onClick={() => void save()}
            loading={saving}
            disabled={!effectiveName.trim() || !courseIds.length}
            data-testid="plan-save"
          >
            {t('training.plans.assign')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
