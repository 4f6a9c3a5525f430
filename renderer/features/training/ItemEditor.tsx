/** Edits one lesson (Markdown with live preview, linked library content) or quiz (questions, options, correct answers, explanations). */
import {
  ActionIcon,
  Alert,
  Button,
  Card,
  Checkbox,
  Group,
  NumberInput,
  Radio,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { notifications } from '@mantine/notifications';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { itemInput, type CourseDetail, type CourseItem, type QuestionData } from '../../../shared/api/training';
import { QUESTION_KINDS, validateQuiz, type QuestionKind } from '../../../shared/domain/quiz';
import { Attachments } from '../../app/slots';
import { api, ApiCallError } from '../../lib/api';
import { errorText, translateValidation } from '../../lib/errors';
import { Markdown } from './util';

/** The contract's item schema without what the editor is opened for (module and kind). */
const itemForm = itemInput.omit({ moduleId: true, kind: true });
type FormIn = z.input<typeof itemForm>;
type FormOut = z.output<typeof itemForm>;
/** Fields with their own input: a server error on one lands under it, any other in the alert. */
const FIELDS = ['title', 'bodyMd', 'passMark', 'attemptsAllowed'] as const;
const isField = (f: string | undefined): f is (typeof FIELDS)[number] => !!f && (FIELDS as readonly string[]).includes(f);
/** A NumberInput's value for the form: empty means "not set" (the schema's default), never 0. */
const num = (v: number | string) => (v === '' ? undefined : Number(v));

const newId = (opts: { id: string }[]) => {
  for (let i = 0; ; i++) {
    const id = String.fromCharCode(97 + (i % 26)) + (i >= 26 ? String(i) : '');
    if (!opts.some((o) => o.id === id)) return id;
  }
};

export function ItemEditor({
  moduleId,
  item,
  kind,
  onSaved,
}: {
  moduleId: number;
  item: CourseItem | null;
  kind: 'lesson' | 'quiz';
  onSaved: (c: CourseDetail) => void;
}) {
  const { t } = useTranslation();
  const {
    control,
    handleSubmit,
    setError,
    setValue,
    getValues,
    watch,
    formState: { errors, isSubmitting },
  } = useForm<FormIn, unknown, FormOut>({
    resolver: zodResolver(itemForm),
    defaultValues: {
      title: item?.title ?? '',
      bodyMd: item?.bodyMd ?? '',
      passMark: item?.passMark ?? 80,
      attemptsAllowed: item?.attemptsAllowed ?? 3,
      shuffle: item?.shuffle ?? true,
      questions: item?.questions ?? [],
    },
  });
  const err = (m?: string) => translateValidation(t, m);
  const title = watch('title');
  const bodyMd = watch('bodyMd') ?? '';
  const passMark = watch('passMark');
  const attempts = watch('attemptsAllowed');
  const watchedQuestions = watch('questions');
  const questions = useMemo(() => (watchedQuestions ?? []) as QuestionData[], [watchedQuestions]);
  const setQuestions = (f: (qs: QuestionData[]) => QuestionData[]) =>
    setValue('questions', f((getValues('questions') ?? []) as QuestionData[]), { shouldDirty: true });
  const [serverError, setServerError] = useState<string | null>(null);
  const [tab, setTab] = useState<'write' | 'preview'>('write');

  const problems = useMemo(
    () =>
      kind === 'quiz'
        ? validateQuiz({
            passMark: Number(passMark ?? 80),
            attemptsAllowed: Number(attempts ?? 3),
            questions: questions.map((q, i) => ({ ...q, id: q.id ?? i })),
          })
        : [],
    [kind, passMark, attempts, questions],
  );
  // A server error describes the quiz as it was sent; editing makes it stale.
  useEffect(() => setServerError(null), [questions, passMark, attempts, title]);
  // Question problems show from the first save attempt on (then live as they are fixed), never on a quiz nobody has finished
  // typing; showing them on blur would move the Save button under the pointer.
  const [triedSave, setTriedSave] = useState(false);
  const visible = problems.filter((p) => triedSave || p.field === 'passMark');
  const problemText = (p: (typeof problems)[number]) => t(`training.quizProblem.${p.code}`, { n: p.question + 1 });

  const setQ = (i: number, patch: Partial<QuestionData>) => setQuestions((qs) => qs.map((q, j) => (j === i ? { ...q, ...patch } : q)));
  const addQuestion = (k: QuestionKind) =>
    setQuestions((qs) => [
      ...qs,
      {
        kind: k,
        prompt: '',
        options:
          k === 'truefalse'
            ? [
                { id: 't', text: t('training.quiz.true') },
                { id: 'f', text: t('training.quiz.false') },
              ]
            : [
                { id: 'a', text: '' },
                { id: 'b', text: '' },
              ],
        correct: k === 'ordering' ? ['a', 'b'] : [],
        explanation: '',
      },
    ]);

  const submit = handleSubmit(
    async (data) => {
      setServerError(null);
      try {
        const saved = await api('training.items.save', {
          ...data,
          id: item?.id,
          moduleId,
          kind,
          questions: data.questions.map((q) => ({ ...q, correct: q.kind === 'ordering' ? q.options.map((o) => o.id) : q.correct })),
        });
        notifications.show({ message: t('training.saved') });
        onSaved(saved);
      } catch (e) {
        const field = e instanceof ApiCallError ? e.error.field : undefined;
        if (isField(field)) setError(field, { message: errorText(t, e) });
        else setServerError(errorText(t, e));
      }
    },
    (invalid) => {
      // question problems have no input of their own to sit under: the first one goes to the alert
      if (invalid.questions) setServerError(err(firstMessage(invalid.questions)) ?? null);
    },
  );
  const save = () => {
    // The server refuses the same problems; checking here first gives the message in the UI language.
    setTriedSave(true);
    if (problems.length) return setServerError(problemText(problems[0]));
    void submit();
  };

  return (
    <Stack data-testid="item-editor">
      <Controller
        control={control}
        name="title"
        render={({ field }) => (
          <TextInput label={t('training.form.title')} {...field} error={err(errors.title?.message)} data-testid="item-title" required />
        )}
      />
      {kind === 'lesson' && (
        <>
          <SegmentedControl
            w={240}
            size="xs"
            value={tab}
            onChange={(v) => setTab(v)}
            data={[
              { value: 'write', label: t('training.editor.write') },
              { value: 'preview', label: t('training.editor.previewTab') },
            ]}
          />
          {tab === 'write' ? (
            <Controller
              control={control}
              name="bodyMd"
              render={({ field }) => (
                <Textarea
                  aria-label={t('training.editor.write')}
                  autosize
                  minRows={12}
                  maxRows={30}
                  {...field}
                  value={field.value ?? ''}
                  error={err(errors.bodyMd?.message)}
                  description={t('training.editor.markdownHint')}
                  styles={{ input: { fontFamily: 'monospace' } }}
                  data-testid="lesson-body"
                />
              )}
            />
          ) : (
            <Card withBorder>
              <Markdown source={bodyMd || t('training.editor.nothingYet')} />
            </Card>
          )}
          {item && <Attachments targetKind="lesson" targetId={item.id} mode="edit" context="course" />}
        </>
      )}
      {kind === 'quiz' && (
        <>
          <SimpleGrid cols={3}>
            <Controller
              control={control}
              name="passMark"
              render={({ field }) => (
                <NumberInput
                  label={t('training.quiz.passMark')}
                  suffix=" %"
                  value={field.value ?? ''}
                  onChange={(v) => field.onChange(num(v))}
                  onBlur={field.onBlur}
                  data-testid="pass-mark"
                  error={
                    problems.find((p) => p.field === 'passMark') ? t('training.quizProblem.pass_mark_range') : err(errors.passMark?.message)
                  }
                />
              )}
            />
            <Controller
              control={control}
              name="attemptsAllowed"
              render={({ field }) => (
                <NumberInput
                  label={t('training.quiz.attempts')}
                  description={t('training.quiz.attemptsHint')}
                  min={0}
                  max={100}
                  value={field.value ?? ''}
                  onChange={(v) => field.onChange(num(v))}
                  onBlur={field.onBlur}
                  error={err(errors.attemptsAllowed?.message)}
                  data-testid="attempts"
                />
              )}
            />
            <Controller
              control={control}
              name="shuffle"
              render={({ field }) => (
                <Switch
                  mt="lg"
                  label={t('training.quiz.shuffle')}
                  checked={field.value ?? true}
                  onChange={(e) => field.onChange(e.currentTarget.checked)}
                />
              )}
            />
          </SimpleGrid>
          {questions.map((q, i) => {
            const qProblems = visible.filter((p) => p.question === i);
            return (
              <Card withBorder key={i} data-testid={`question-${i}`}>
                <Stack gap="xs">
                  <Group justify="space-between">
                    <Text fw={600} size="sm">
                      {t('training.quiz.questionN', { n: i + 1 })}
                    </Text>
                    <Group gap={4}>
                      <Select
                        aria-label={t('training.quiz.questionN', { n: i + 1 })}
                        size="xs"
                        w={170}
                        allowDeselect={false}
                        value={q.kind}
                        data={QUESTION_KINDS.map((k) => ({ value: k, label: t(`training.kind.${k}`) }))}
                        onChange={(v) =>
                          v &&
                          setQ(i, {
                            kind: v,
                            correct: v === 'ordering' ? q.options.map((o) => o.id) : q.correct.slice(0, v === 'multiple' ? 12 : 1),
                          })
                        }
                      />
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        onClick={() => setQuestions((qs) => qs.filter((_, j) => j !== i))}
                        aria-label={t('training.editor.remove')}
                      >
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Group>
                  </Group>
                  <Textarea
                    aria-label={t('training.quiz.prompt')}
                    autosize
                    minRows={1}
                    placeholder={t('training.quiz.prompt')}
                    value={q.prompt}
                    onChange={(e) => setQ(i, { prompt: e.currentTarget.value })}
                    data-testid={`q${i}-prompt`}
                  />
                  {q.kind === 'ordering' && (
                    <Text size="xs" c="dimmed">
                      {t('training.quiz.orderingHint')}
                    </Text>
                  )}
                  <Radio.Group
                    value={q.kind === 'single' || q.kind === 'truefalse' ? (q.correct[0] ?? null) : null}
                    onChange={(v) => setQ(i, { correct: [v] })}
                  >
                    <Stack gap={4}>
                      {q.options.map((o, oi) => (
                        <Group key={o.id} gap="xs" wrap="nowrap">
                          {(q.kind === 'single' || q.kind === 'truefalse') && (
                            <Radio value={o.id} aria-label={t('training.quiz.markCorrect')} data-testid={`q${i}-correct-${oi}`} />
                          )}
                          {q.kind === 'multiple' && (
                            <Checkbox
                              checked={q.correct.includes(o.id)}
                              aria-label={t('training.quiz.markCorrect')}
                              data-testid={`q${i}-correct-${oi}`}
                              onChange={(e) =>
                                setQ(i, { correct: e.currentTarget.checked ? [...q.correct, o.id] : q.correct.filter((c) => c !== o.id) })
                              }
                            />
                          )}
                          {q.kind === 'ordering' && <Text w={18}>{oi + 1}.</Text>}
                          <TextInput
                            style={{ flex: 1 }}
                            size="xs"
                            value={o.text}
                            placeholder={t('training.quiz.option', { n: oi + 1 })}
                            aria-label={t('training.quiz.option', { n: oi + 1 })}
                            onChange={(e) => {
                              const text = e.currentTarget.value;
                              setQ(i, { options: q.options.map((x) => (x.id === o.id ? { ...x, text } : x)) });
                            }}
                            data-testid={`q${i}-option-${oi}`}
                          />
                          {q.kind === 'ordering' && (
                            <>
                              <ActionIcon
                                size="sm"
                                variant="subtle"
                                disabled={oi === 0}
                                onClick={() => setQ(i, { options: swap(q.options, oi, oi - 1) })}
                                aria-label="up"
                              >
                                <IconArrowUp size={14} />
                              </ActionIcon>
                              <ActionIcon
                                size="sm"
                                variant="subtle"
                                disabled={oi === q.options.length - 1}
                                onClick={() => setQ(i, { options: swap(q.options, oi, oi + 1) })}
                                aria-label="down"
                              >
                                <IconArrowDown size={14} />
                              </ActionIcon>
                            </>
                          )}
                          {q.kind !== 'truefalse' && q.options.length > 2 && (
                            <ActionIcon
                              size="sm"
                              variant="subtle"
                              color="gray"
                              onClick={() =>
                                setQ(i, { options: q.options.filter((x) => x.id !== o.id), correct: q.correct.filter((c) => c !== o.id) })
                              }
                              aria-label={t('training.editor.remove')}
                            >
                              <IconTrash size={14} />
                            </ActionIcon>
                          )}
                        </Group>
                      ))}
                    </Stack>
                  </Radio.Group>
                  {q.kind !== 'truefalse' && q.options.length < 12 && (
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      w="fit-content"
                      leftSection={<IconPlus size={12} />}
                      onClick={() => setQ(i, { options: [...q.options, { id: newId(q.options), text: '' }] })}
                      data-testid={`q${i}-add-option`}
                    >
                      {t('training.quiz.addOption')}
                    </Button>
                  )}
                  <Textarea
                    aria-label={t('training.quiz.explanation')}
                    autosize
                    minRows={1}
                    placeholder={t('training.quiz.explanation')}
                    value={q.explanation}
                    onChange={(e) => setQ(i, { explanation: e.currentTarget.value })}
                    data-testid={`q${i}-explanation`}
                  />
                  {qProblems.map((p) => (
                    <Text key={p.code} size="xs" c="red" data-testid="quiz-problem">
                      {problemText(p)}
                    </Text>
                  ))}
                </Stack>
              </Card>
            );
          })}
          <Group gap="xs">
            {QUESTION_KINDS.map((k) => (
              <Button
                key={k}
                size="xs"
                variant="light"
                leftSection={<IconPlus size={12} />}
                onClick={() => addQuestion(k)}
                data-testid={`add-question-${k}`}
              >
                {t(`training.kind.${k}`)}
              </Button>
            ))}
          </Group>
        </>
      )}
      {serverError && (
        <Alert color="red" data-testid="item-error">
          {serverError}
        </Alert>
      )}
      <Group justify="flex-end">
        {kind === 'quiz' && visible.length > 0 && (
          <Text size="xs" c="red">
            {t('training.quiz.problems', { count: visible.length })}
          </Text>
        )}
        <Button onClick={save} loading={isSubmitting} disabled={!title.trim()} data-testid="item-save">
          {t('actions.save')}
        </Button>
      </Group>
    </Stack>
  );
}

/** The first message in a nested react-hook-form error tree (arrays of question and option errors). */
function firstMessage(e: unknown): string | undefined {
  if (!e || typeof e !== 'object') return undefined;
  if ('message' in e && typeof e.message === 'string') return e.message;
  for (const v of Object.values(e)) {
    const m = firstMessage(v);
    if (m) return m;
  }
  return undefined;
}

function swap<T>(arr: T[], a: number, b: number): T[] {
  const out = [...arr];
  [out[a], out[b]] = [out[b], out[a]];
  return out;
}
