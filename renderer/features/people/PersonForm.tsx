/** Create/edit a person: react-hook-form with the contract's zod schema; server errors land on their field. */
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Chip, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import i18n from 'i18next';
import type { z } from 'zod';
import { ROLES, personInput, type Person } from '../../../shared/api/people';
import { ApiCallError, api, useApi } from '../../lib/api';
import { errorText, translateValidation } from '../../lib/errors';
import { DateField } from '../../lib/DateField';
import { fireAndForget } from '../../lib/events';
import { LANGUAGES } from '../../app/i18n';

type FormIn = z.input<typeof personInput>;
type FormOut = z.output<typeof personInput>;

/** A language's name in the UI language ("Russian", "русский", "俄语"): a new language needs no translation for it. */
const languageName = (code: string) => new Intl.DisplayNames([i18n.language], { type: 'language' }).of(code) ?? code;

export function PersonForm({ person, onSaved, onCancel }: { person: Person | null; onSaved: (p: Person) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const teams = useApi('teams.list', { includeEmpty: true });
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<FormIn, unknown, FormOut>({
    resolver: zodResolver(personInput),
    defaultValues: person
      ? { name: person.name, names: person.names, email: person.email, teamId: person.teamId, roles: person.roles, hiredAt: person.hiredAt }
      : { name: '', names: {}, email: '', teamId: null, roles: ['rep'], hiredAt: null },
  });
  const err = (m?: string) => translateValidation(t, m);

  const submit = handleSubmit(async (data) => {
    setFormError(null);
    try {
      const saved = person ? await api('people.update', { id: person.id, data }) : await api('people.create', data);
      notifications.show({ color: 'green', message: person ? t('people.form.updated') : t('people.form.created', { name: saved.name }) });
      onSaved(saved);
    } catch (e) {
      if (e instanceof ApiCallError && e.error.field && ['name', 'email', 'teamId', 'roles', 'hiredAt'].includes(e.error.field)) {
        setError(e.error.field as keyof FormIn, { message: errorText(t, e) });
      } else setFormError(errorText(t, e));
    }
  });

  return (
    <form onSubmit={fireAndForget(submit)} noValidate data-testid="person-form">
      <Stack>
        {formError && <Alert color="red">{formError}</Alert>}
        <TextInput
          label={t('people.form.name')}
          description={t('people.form.nameHint')}
          required
          {...register('name')}
          error={err(errors.name?.message)}
          data-testid="person-name"
        />
        <TextInput
          label={t('people.form.email')}
          required
          type="email"
          {...register('email')}
          error={err(errors.email?.message)}
          data-testid="person-email"
        />
        <Group grow>
          {/* one spelling per UI language besides English (a new language in LANGUAGES gets its field) */}
          {LANGUAGES.filter((l) => l.code !== 'en').map((l) => (
            <TextInput
              key={l.code}
              label={t('people.form.nameIn', { language: languageName(l.code) })}
              {...register(`names.${l.code}`)}
              error={err(errors.names?.[l.code]?.message)}
              data-testid={`person-name-${l.code}`}
            />
          ))}
        </Group>
        <Text size="xs" c="dimmed" mt={-8}>
          {t('people.form.spellingsHint')}
        </Text>
        <Controller
          control={control}
          name="teamId"
          render={({ field }) => (
            <Select
              label={t('people.form.team')}
              clearable
              placeholder={t('people.noTeam')}
              data={(teams.data ?? []).map((tm) => ({ value: String(tm.id), label: tm.name }))}
              value={field.value ? String(field.value) : null}
              onChange={(v) => field.onChange(v ? Number(v) : null)}
              error={err(errors.teamId?.message)}
              data-testid="person-team"
            />
          )}
        />
        <Controller
          control={control}
          name="roles"
          render={({ field }) => (
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                {t('people.form.roles')}
              </Text>
              <Chip.Group multiple value={field.value} onChange={(v) => field.onChange(v)}>
                <Group gap="xs">
                  {ROLES.map((r) => (
                    <Chip key={r} value={r} size="sm" data-testid={`role-${r}`}>
                      {t(`roles.${r}`)}
                    </Chip>
                  ))}
                </Group>
              </Chip.Group>
              {errors.roles && (
                <Text size="xs" c="red">
                  {err(errors.roles.message)}
                </Text>
              )}
            </Stack>
          )}
        />
        <Controller
          control={control}
          name="hiredAt"
          render={({ field }) => (
            <DateField
              label={t('people.form.hiredAt')}

              value={field.value ?? ''}
              onChange={(v) => field.onChange(v || null)}
              error={err(errors.hiredAt?.message)}
            />
          )}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('actions.cancel')}
          </Button>
          <Button type="submit" loading={isSubmitting} data-testid="person-save">
            {t('actions.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
