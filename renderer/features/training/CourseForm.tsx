/** Course details (title, description, language, competencies) with the contract's schema. */
import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, MultiSelect, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { courseInput, type CourseDetail } from '../../../shared/api/training';
import { api, useApi } from '../../lib/api';
import { errorText, translateValidation } from '../../lib/errors';
import { localName } from '../../lib/format';

type Form = z.input<typeof courseInput>;

export function CourseForm({
  course,
  onSaved,
  onCancel,
}: {
  course?: CourseDetail;
  onSaved: (c: CourseDetail) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const model = useApi('competencies.model', { includeArchived: false });
  const { register, handleSubmit, control, formState } = useForm<Form, unknown, z.output<typeof courseInput>>({
    resolver: zodResolver(courseInput),
    defaultValues: {
      title: course?.title ?? '',
      description: course?.description ?? '',
      language: (course?.language as 'en') ?? 'en',
      competencyIds: course?.competencyIds ?? [],
    },
  });
  const submit = handleSubmit(async (data) => {
    try {
      const saved = course ? await api('training.courses.update', { id: course.id, data }) : await api('training.courses.create', data);
      notifications.show({ message: t('training.saved') });
      onSaved(saved);
    } catch (e) {
      notifications.show({ color: 'red', message: errorText(t, e) });
    }
  });
  const err = (m?: string) => translateValidation(t, m);
  return (
    <form onSubmit={(e) => void submit(e)}>
      <Stack>
        <TextInput
          label={t('training.form.title')}
          {...register('title')}
          error={err(formState.errors.title?.message)}
          data-testid="course-title"
        />
        <Textarea
          label={t('training.form.description')}
          autosize
          minRows={2}
          {...register('description')}
          error={err(formState.errors.description?.message)}
        />
        <Group grow>
          <Controller
            control={control}
            name="language"
            render={({ field }) => (
              <Select
                label={t('training.form.language')}
                data={[
                  { value: 'en', label: 'English' },
                  { value: 'ru', label: 'Русский' },
                  { value: 'zh', label: '中文' },
                ]}
                value={field.value ?? 'en'}
                onChange={(v) => field.onChange(v ?? 'en')}
                allowDeselect={false}
              />
            )}
          />
          <Controller
            control={control}
            name="competencyIds"
            render={({ field }) => (
              <MultiSelect
                label={t('training.form.competencies')}
                data={(model.data?.competencies ?? []).map((c) => ({ value: String(c.id), label: localName(c) }))}
                value={(field.value ?? []).map(String)}
                onChange={(v) => field.onChange(v.map(Number))}
                data-testid="course-competencies"
              />
            )}
          />
        </Group>
        <Group justify="flex-end">
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              {t('actions.cancel')}
            </Button>
          )}
          <Button type="submit" loading={formState.isSubmitting} data-testid="course-save">
            {t('actions.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
