/** Item metadata form (react-hook-form + the contract's zod schema), also used to create links and notes. */
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, NumberInput, Select, Stack, TagsInput, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { CONTENT_LANGS, FUNNEL_STAGES, itemMetaInput, safeUrl, type ItemKind, type LibraryItem } from '../../../shared/api/library';
import { PersonPicker } from '../../app/PersonPicker';
import { ApiCallError, useApi } from '../../lib/api';
import { errorText, translateValidation } from '../../lib/errors';
import { DateField } from '../../lib/DateField';
import { fireAndForget } from '../../lib/events';

const schemas = {
  file: itemMetaInput,
  link: itemMetaInput.extend({ url: safeUrl }),
  note: itemMetaInput.extend({ bodyMd: z.string().max(200_000, { message: 'Must be at most 200000 characters' }) }),
};
type FormIn = z.input<typeof schemas.link> & { bodyMd?: string };
export type MetaOut = z.output<typeof itemMetaInput> & { url?: string; bodyMd?: string };

export function MetaForm({
  kind,
  item,
  onSubmit,
  onCancel,
  submitLabel,
}: {
  kind: ItemKind;
  item?: LibraryItem;
  onSubmit: (v: MetaOut) => Promise<void>;
  onCancel?: () => void;
  submitLabel: string;
}) {
  const { t } = useTranslation();
  const facets = useApi('library.facets', {});
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<FormIn, unknown, MetaOut>({
    resolver: zodResolver(schemas[kind] as typeof schemas.link),
    defaultValues: item
      ? {
          title: item.title,
          description: item.description,
          tags: item.tags,
          stage: item.stage,
          channel: item.channel,
          product: item.product,
          audience: item.audience,
          language: item.language as FormIn['language'],
          ownerId: item.ownerId,
          validUntil: item.validUntil,
          verifyEveryDays: item.verifyEveryDays,
          url: item.url,
          bodyMd: item.bodyMd,
        }
      : {
          title: '',
          description: '',
          tags: [],
          stage: null,
          channel: '',
          product: '',
          audience: '',
          language: 'en',
          ownerId: null,
          validUntil: null,
          verifyEveryDays: null,
          url: '',
          bodyMd: '',
        },
  });
  const err = (m?: string) => translateValidation(t, m);
  const submit = handleSubmit(async (v) => {
    setFormError(null);
    try {
      await onSubmit(v);
    } catch (e) {
      if (e instanceof ApiCallError && e.error.field) setError(e.error.field as keyof FormIn, { message: errorText(t, e) });
      else setFormError(errorText(t, e));
    }
  });
  const suggest = (list: string[] | undefined) => (list ?? []).map((v) => ({ value: v, label: v }));

  return (
    <form onSubmit={fireAndForget(submit)} noValidate data-testid="meta-form">
      <Stack gap="sm">
        {formError && <Alert color="red">{formError}</Alert>}
        <TextInput
          label={t('library.meta.title')}
          required
          {...register('title')}
          error={err(errors.title?.message)}
          data-testid="meta-title"
        />
        {kind === 'link' && (
          <TextInput
            label={t('library.meta.url')}
            required
            placeholder="https://"
            {...register('url')}
            error={err(errors.url?.message)}
            data-testid="meta-url"
          />
        )}
        {kind === 'note' && (
          <Textarea
            label={t('library.meta.body')}
            description={t('library.meta.bodyHint')}
            autosize
            minRows={5}
            maxRows={14}
            {...register('bodyMd')}
            error={err(errors.bodyMd?.message)}
            data-testid="meta-body"
          />
        )}
        <Textarea
          label={t('library.meta.description')}
          autosize
          minRows={2}
          maxRows={6}
          {...register('description')}
          error={err(errors.description?.message)}
        />
        <Controller
          control={control}
          name="tags"
          render={({ field }) => (
            <TagsInput
              label={t('library.meta.tags')}
              value={field.value ?? []}
              onChange={field.onChange}
              data={(facets.data?.tags ?? []).map((x) => x.tag)}
              clearable
              error={err(errors.tags?.message)}
            />
          )}
        />
        <Group grow align="flex-start">
          <Controller
            control={control}
            name="stage"
            render={({ field }) => (
              <Select
                label={t('library.meta.stage')}
                clearable
                data={FUNNEL_STAGES.map((s) => ({ value: s, label: t(`library.stage.${s}`) }))}
                value={field.value ?? null}
                onChange={field.onChange}
              />
            )}
          />
          <Controller
            control={control}
            name="language"
            render={({ field }) => (
              <Select
                label={t('library.meta.language')}
                allowDeselect={false}
                data={CONTENT_LANGS.map((l) => ({ value: l, label: t(`library.lang.${l}`) }))}
                value={field.value ?? 'en'}
                onChange={(v) => field.onChange(v ?? 'en')}
              />
            )}
          />
        </Group>
        <Group grow align="flex-start">
          <Controller
            control={control}
            name="channel"
            render={({ field }) => (
              <FreeSelect
                label={t('library.meta.channel')}
                value={field.value ?? ''}
                onChange={field.onChange}
                data={suggest(facets.data?.channels)}
              />
            )}
          />
          <Controller
            control={control}
            name="product"
            render={({ field }) => (
              <FreeSelect
                label={t('library.meta.product')}
                value={field.value ?? ''}
                onChange={field.onChange}
                data={suggest(facets.data?.products)}
              />
            )}
          />
          <Controller
            control={control}
            name="audience"
            render={({ field }) => (
              <FreeSelect
                label={t('library.meta.audience')}
                value={field.value ?? ''}
                onChange={field.onChange}
                data={suggest(facets.data?.audiences)}
              />
            )}
          />
        </Group>
        <Group grow align="flex-start">
          <Controller
            control={control}
            name="ownerId"
            render={({ field }) => (
              <PersonPicker label={t('library.meta.owner')} clearable value={field.value ?? null} onChange={(id) => field.onChange(id)} />
            )}
          />
          <Controller
            control={control}
            name="validUntil"
            render={({ field }) => (
              <DateField
                label={t('library.meta.validUntil')}
                value={field.value ?? ''}
                onChange={(v) => field.onChange(v || null)}
                error={err(errors.validUntil?.message)}
                data-testid="meta-valid-until"
              />
            )}
          />
          <Controller
            control={control}
            name="verifyEveryDays"
            render={({ field }) => (
              <NumberInput
                label={t('library.meta.verifyEvery')}
                min={1}
                max={3650}
                allowDecimal={false}
                value={field.value ?? ''}
                onChange={(v) => field.onChange(typeof v === 'number' ? v : null)}
                error={err(errors.verifyEveryDays?.message)}
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
          <Button type="submit" loading={isSubmitting} data-testid="meta-save">
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** A text field with suggestions from existing values (free text allowed). */
function FreeSelect({
  label,
  value,
  onChange,
  data,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  data: { value: string; label: string }[];
}) {
  const id = `dl-${label.replace(/\W+/g, '')}`;
  return (
    <>
      <TextInput label={label} value={value} onChange={(e) => onChange(e.currentTarget.value)} list={id} />
      <datalist id={id}>
        {data.map((d) => (
          <option key={d.value} value={d.value} />
        ))}
      </datalist>
    </>
  );
}
