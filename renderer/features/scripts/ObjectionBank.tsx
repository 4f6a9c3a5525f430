/** The shared objection bank: search (same index as live-call mode), edit cards in a drawer. */
import { zodResolver } from '@hookform/resolvers/zod';
import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Card,
  Drawer,
  Group,
  Pagination,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconSearch, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { z } from 'zod';
import { objectionInput, SCRIPT_LANGUAGES, type ObjectionCard, type ScriptLanguage } from '../../../shared/api/scripts';
import { ApiCallError, api, useApi } from '../../lib/api';
import { errorText, translateValidation } from '../../lib/errors';
import { Attachments } from '../../app/slots';
import { LanguageFilter } from './LanguageFilter';
import { languageOptions } from './util';
import { useIsRep } from './ScriptsPage';
import { clickable } from '../../lib/clickable';
import { fireAndForget } from '../../lib/events';
import { PlaceholderText } from './live/placeholders';

const PAGE = 30;

export function ObjectionBank() {
  const { t } = useTranslation();
  const rep = useIsRep();
  // opened from Ctrl+K search with the card's words (?q=)
  const [params] = useSearchParams();
  const [query, setQuery] = useState(params.get('q') ?? '');
  const [q] = useDebouncedValue(query, 120);
  const [language, setLanguage] = useState<ScriptLanguage | null>(null);
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<ObjectionCard | 'new' | null>(null);
  const list = useApi('scripts.objections.list', { query: q, language, offset: (page - 1) * PAGE, limit: PAGE });
  const total = list.data?.total ?? 0;
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Group>
          <TextInput
            leftSection={<IconSearch size={16} />}
            placeholder={t('scripts.objections.search')}
            value={query}
            onChange={(e) => {
              setQuery(e.currentTarget.value);
              setPage(1);
            }}
            w={320}
            data-testid="objections-search"
          />
          <LanguageFilter value={language} onChange={setLanguage} />
          <Text size="sm" c="dimmed">
            {t('scripts.objections.count', { count: total })}
          </Text>
        </Group>
        {!rep && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')} data-testid="objection-new">
            {t('scripts.objections.new')}
          </Button>
        )}
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }}>
        {(list.data?.rows ?? []).map((c) => (
          <Card
            key={c.id}
            withBorder
            padding="sm"
            data-testid={`objection-card-${c.id}`}
            {...(rep ? {} : clickable(() => setEditing(c), c.objection))}
          >
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Text fw={600}>
                «<PlaceholderText text={c.objection} chips />»
              </Text>
              <Badge size="xs" variant="light">
                {t(`scripts.lang.${c.language}`)}
              </Badge>
            </Group>
            <Stack gap={4} mt={6}>
              {c.responses.map((r, i) => (
                <Text key={i} size="sm" lineClamp={3}>
                  {i + 1}. <PlaceholderText text={r} chips />
                </Text>
              ))}
            </Stack>
            {[...c.triggers.en, ...c.triggers.ru, ...c.triggers.zh].length > 0 && (
              <Text size="xs" c="dimmed" mt={6} lineClamp={2} data-testid="objection-card-triggers">
                {t('scripts.objections.triggers')}: {[...c.triggers.en, ...c.triggers.ru, ...c.triggers.zh].map((x) => `«${x}»`).join(' ')}
              </Text>
            )}
            <Group gap={4} mt={8}>
              {c.tags.map((tg) => (
                <Badge key={tg} size="xs" color="gray" variant="light">
                  {tg}
                </Badge>
              ))}
              {c.usedInScripts > 0 && (
                <Text size="xs" c="dimmed">
                  {t('scripts.objections.usedIn', { count: c.usedInScripts })}
                </Text>
              )}
            </Group>
            <div onClick={(e) => e.stopPropagation()}>
              <Attachments targetKind="objection" targetId={c.id} mode="view" context="script" />
            </div>
          </Card>
        ))}
      </SimpleGrid>
      {list.data && !list.data.rows.length && <Text c="dimmed">{t('scripts.objections.empty')}</Text>}
      {total > PAGE && <Pagination value={page} onChange={setPage} total={Math.ceil(total / PAGE)} />}
      <Drawer
        opened={editing !== null}
        onClose={() => setEditing(null)}
        position="right"
        size="lg"
        title={editing === 'new' ? t('scripts.objections.new') : t('scripts.objections.edit')}
      >
        {editing !== null && (
          <ObjectionForm
            card={editing === 'new' ? null : editing}
            onDone={() => {
              setEditing(null);
              list.reload();
            }}
          />
        )}
      </Drawer>
    </Stack>
  );
}

type FormIn = z.input<typeof objectionInput>;
type FormOut = z.output<typeof objectionInput>;

export function ObjectionForm({
  card,
  onDone,
  defaultLanguage = 'en',
}: {
  card: ObjectionCard | null;
  onDone: (c: ObjectionCard | null) => void;
  defaultLanguage?: ScriptLanguage;
}) {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    control,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<FormIn, unknown, FormOut>({
    resolver: zodResolver(objectionInput),
    defaultValues: card
      ? { objection: card.objection, responses: card.responses, tags: card.tags, language: card.language, triggers: card.triggers }
      : { objection: '', responses: [''], tags: [], language: defaultLanguage, triggers: { en: [], ru: [], zh: [] } },
  });
  const err = (m?: string) => translateValidation(t, m);
  const submit = handleSubmit(async (data) => {
    setFormError(null);
    try {
      const saved = card ? await api('scripts.objections.update', { id: card.id, data }) : await api('scripts.objections.create', data);
      notifications.show({ color: 'green', message: t('scripts.objections.saved') });
      onDone(saved);
    } catch (e) {
      setFormError(errorText(t, e));
    }
  });
  const remove = () =>
    card &&
    modals.openConfirmModal({
      title: t('scripts.objections.deleteTitle'),
      children: <Text size="sm">{t('scripts.objections.deleteText', { text: card.objection })}</Text>,
      labels: { confirm: t('scripts.delete'), cancel: t('scripts.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: fireAndForget(async () => {
        try {
          await api('scripts.objections.remove', { id: card.id });
          onDone(null);
        } catch (e) {
          notifications.show({ color: 'red', message: e instanceof ApiCallError ? errorText(t, e) : String(e), autoClose: false });
        }
      }),
    });
  return (
    <form onSubmit={fireAndForget(submit)} noValidate data-testid="objection-form">
      <Stack>
        {formError && <Alert color="red">{formError}</Alert>}
        <Textarea
          label={t('scripts.objections.objection')}
          description={t('scripts.objections.objectionHint')}
          autosize
          minRows={2}
          required
          {...register('objection')}
          error={err(errors.objection?.message)}
          data-testid="objection-text"
        />
        <Controller
          control={control}
          name="responses"
          render={({ field }) => {
            const value = field.value ?? [];
            return (
              <Stack gap={6}>
                <Text size="sm" fw={500}>
                  {t('scripts.objections.responses')}
                </Text>
                {value.map((r, i) => (
                  <Group key={i} align="flex-start" wrap="nowrap">
                    <Textarea
                      style={{ flex: 1 }}
                      autosize
                      minRows={2}
                      aria-label={t('scripts.objections.response', { n: i + 1 })}
                      placeholder={t('scripts.objections.response', { n: i + 1 })}
                      value={r}
                      onChange={(e) => field.onChange(value.map((x, j) => (j === i ? e.currentTarget.value : x)))}
                      // the fields in the answer, highlighted as the rep will see them
                      description={
                        r.includes('{') ? (
                          <span data-testid={`objection-response-${i}-fields`}>
                            <PlaceholderText text={r} chips />
                          </span>
                        ) : undefined
                      }
                      error={err((errors.responses as unknown as { message?: string }[] | undefined)?.[i]?.message)}
                      data-testid={`objection-response-${i}`}
                    />
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={t('scripts.remove')}
                      disabled={value.length <= 1}
                      onClick={() => field.onChange(value.filter((_, j) => j !== i))}
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Group>
                ))}
                {errors.responses?.message && (
                  <Text c="red" size="xs">
                    {err(errors.responses.message)}
                  </Text>
                )}
                {value.length < 3 && (
                  <Button
                    variant="subtle"
                    size="xs"
                    w="fit-content"
                    leftSection={<IconPlus size={14} />}
                    onClick={() => field.onChange([...value, ''])}
                    data-testid="objection-add-response"
                  >
                    {t('scripts.objections.addResponse')}
                  </Button>
                )}
              </Stack>
            );
          }}
        />
        <Stack gap={4} data-testid="objection-triggers">
          <Text size="sm" fw={500}>
            {t('scripts.objections.triggers')}
          </Text>
          <Text size="xs" c="dimmed">
            {t('scripts.objections.triggersHint')}
          </Text>
          {SCRIPT_LANGUAGES.map((lang) => (
            <Controller
              key={lang}
              control={control}
              name={`triggers.${lang}`}
              render={({ field }) => (
                <TagsInput
                  label={t(`scripts.objections.triggersLang.${lang}`)}
                  size="sm"
                  value={field.value ?? []}
                  onChange={field.onChange}
                  maxTags={30}
                  splitChars={[',', '，', '、', ';', '；']}
                  error={err((errors.triggers?.[lang] as { message?: string } | undefined)?.message)}
                  data-testid={`objection-triggers-${lang}`}
                />
              )}
            />
          ))}
        </Stack>
        <Controller
          control={control}
          name="tags"
          render={({ field }) => (
            <TagsInput
              label={t('scripts.objections.tags')}
              value={field.value ?? []}
              onChange={field.onChange}
              maxTags={15}
              data-testid="objection-tags"
            />
          )}
        />
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
            />
          )}
        />
        {card && <Attachments targetKind="objection" targetId={card.id} mode="edit" context="script" />}
        <Group justify="space-between">
          {card ? (
            <Button variant="subtle" color="red" onClick={remove}>
              {t('scripts.delete')}
            </Button>
          ) : (
            <span />
          )}
          <Button type="submit" loading={isSubmitting} data-testid="objection-save">
            {t('scripts.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
