/** A rep takes a course: lessons (safe Markdown + linked library content) and quizzes; progress is saved per item. */
import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Grid,
  Group,
  NavLink,
  Progress,
  Radio,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowDown, IconArrowLeft, IconArrowUp, IconBook, IconCertificate, IconCheck, IconListCheck, IconX } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { LearnerCourse, LearnerItem, QuizResult, QuizStart } from '../../../shared/api/training';
import { Attachments } from '../../app/slots';
import { api, useApi } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { Markdown } from './util';

export function CoursePlayer() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const q = useApi('training.learn.course', Number.isInteger(id) && id > 0 ? { courseId: id } : null);
  const [course, setCourse] = useState<LearnerCourse | null>(null);
  const [current, setCurrent] = useState<number | null>(null);
  const c = course ?? q.data ?? null;
  useEffect(() => {
    if (q.data) {
      setCourse(q.data);
      setCurrent((cur) => cur ?? q.data!.nextItemId ?? q.data!.modules[0]?.items[0]?.id ?? null);
    }
  }, [q.data]);
  if (q.error) return <Alert color="red">{errorText(t, q.error)}</Alert>;
  if (!c) return null;
  const items = c.modules.flatMap((m) => m.items);
  const item = items.find((i) => i.id === current) ?? null;
  const reload = async () => {
    const fresh = await api('training.learn.course', { courseId: c.id });
    setCourse(fresh);
    return fresh;
  };
  return (
    <Stack data-testid="course-player">
      <Anchor component={Link} to="/training?tab=my" size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} /> {t('training.player.back')}
        </Group>
      </Anchor>
      <Group justify="space-between">
        <div>
          <Title order={2}>{c.title}</Title>
          <Text size="sm" c="dimmed" maw={760}>
            {c.description}
          </Text>
        </div>
        <Stack gap={4} w={260}>
          <Text size="xs" c="dimmed">
            {t('training.player.progress', { pct: Math.round(c.progress * 100) })}
          </Text>
          <Progress value={c.progress * 100} color={c.completedAt ? 'green' : 'blue'} data-testid="course-progress" />
        </Stack>
      </Group>
      {c.completedAt && (
        <Alert color="green" icon={<IconCertificate />} data-testid="course-complete">
          <Group justify="space-between">
            <Text size="sm">{t('training.player.completed')}</Text>
            {c.certificateId && (
              <Button
                size="xs"
                variant="light"
                color="green"
                component={Link}
                to={`/training/certificates/${c.certificateId}`}
                data-testid="open-certificate"
              >
                {t('training.player.certificate')}
              </Button>
            )}
          </Group>
        </Alert>
      )}
      <Grid>
        <Grid.Col span={3}>
          <Card withBorder p="xs">
            {c.modules.map((m) => (
              <div key={m.id}>
                <Text size="xs" fw={700} c="dimmed" tt="uppercase" mt="xs" mb={4}>
                  {m.title}
                </Text>
                {m.items.map((it) => (
                  <NavLink
                    key={it.id}
                    active={it.id === current}
                    label={it.title}
                    onClick={() => setCurrent(it.id)}
                    leftSection={it.kind === 'lesson' ? <IconBook size={16} /> : <IconListCheck size={16} />}
                    rightSection={it.done ? <IconCheck size={16} color="var(--mantine-color-green-6)" /> : null}
                    data-testid={`nav-item-${it.id}`}
                  />
                ))}
              </div>
            ))}
          </Card>
        </Grid.Col>
        <Grid.Col span={9}>
          {item?.kind === 'lesson' && (
            <LessonView
              key={item.id}
              item={item}
              onDone={async () => {
                try {
                  const fresh = await api('training.learn.completeLesson', { itemId: item.id });
                  setCourse(fresh);
                  const idx = items.findIndex((i) => i.id === item.id);
                  setCurrent(items[idx + 1]?.id ?? item.id);
                } catch (e) {
                  notifications.show({ color: 'red', message: errorText(t, e) });
                }
              }}
            />
          )}
          {item?.kind === 'quiz' && <QuizView key={item.id} item={item} onSubmitted={() => void reload()} />}
          {!item && <Text c="dimmed">{t('training.player.empty')}</Text>}
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

function LessonView({ item, onDone }: { item: LearnerItem; onDone: () => Promise<void> }) {
  const { t } = useTranslation();
  return (
    <Card withBorder data-testid="lesson-view">
      <Title order={3} mb="sm">
        {item.title}
      </Title>
      <Markdown source={item.bodyMd} testId="lesson-body-view" />
      <Attachments targetKind="lesson" targetId={item.id} mode="view" context="course" />
      <Group justify="flex-end" mt="md">
        {item.done ? (
          <Badge color="green" leftSection={<IconCheck size={12} />}>
            {t('training.player.done')}
          </Badge>
        ) : (
          <Button onClick={() => void onDone()} data-testid="lesson-done">
            {t('training.player.markDone')}
          </Button>
        )}
      </Group>
    </Card>
  );
}

function QuizView({ item, onSubmitted }: { item: LearnerItem; onSubmitted: () => void }) {
  const { t } = useTranslation();
  const [quiz, setQuiz] = useState<QuizStart | null>(null);
  const [answers, setAnswers] = useState<Record<string, string[]>>({});
  const [result, setResult] = useState<QuizResult | null>(null);
  const [busy, setBusy] = useState(false);
  const start = async () => {
    try {
      const s = await api('training.learn.startQuiz', { itemId: item.id });
      setQuiz(s);
      setResult(null);
      setAnswers(
        Object.fromEntries(s.questions.filter((q) => q.kind === 'ordering').map((q) => [String(q.id), q.options.map((o) => o.id)])),
      );
    } catch (e) {
      notifications.show({ color: 'red', message: errorText(t, e) });
    }
  };
  const submit = async () => {
    if (!quiz) return;
    setBusy(true);
    try {
      const r = await api('training.learn.submitQuiz', { itemId: item.id, answers });
      setResult(r);
      setQuiz(null);
      onSubmitted();
    } catch (e) {
      notifications.show({ color: 'red', message: errorText(t, e) });
    } finally {
      setBusy(false);
    }
  };
  const unanswered = quiz ? quiz.questions.filter((q) => !(answers[String(q.id)]?.length ?? 0)).length : 0;
  const left = item.attemptsAllowed ? item.attemptsAllowed - item.attemptsUsed : null;

  if (result)
    return (
      <Card withBorder data-testid="quiz-result">
        <Alert color={result.passed ? 'green' : 'red'} icon={result.passed ? <IconCheck /> : <IconX />} mb="md">
          <Text fw={600} data-testid="quiz-score">
            {t(result.passed ? 'training.quiz.passed' : 'training.quiz.failed', {
              score: result.score,
              pass: item.passMark,
              correct: result.correctCount,
              total: result.total,
            })}
          </Text>
          {!result.passed && (
            <Text size="sm">
              {result.attemptsLeft == null ? t('training.quiz.unlimited') : t('training.quiz.attemptsLeft', { count: result.attemptsLeft })}
            </Text>
          )}
        </Alert>
        <Stack>
          {result.questions.map((q, i) => (
            <Card
              key={q.id}
              withBorder
              padding="sm"
              style={{ borderColor: q.correct ? 'var(--mantine-color-green-4)' : 'var(--mantine-color-red-4)' }}
            >
              <Group gap="xs" wrap="nowrap" align="flex-start">
                {q.correct ? <IconCheck color="var(--mantine-color-green-6)" /> : <IconX color="var(--mantine-color-red-6)" />}
                <div>
                  <Text size="sm" fw={500}>
                    {i + 1}. {q.prompt}
                  </Text>
                  {!q.correct && (
                    <Text size="xs">
                      {t('training.quiz.rightAnswer')}: {q.correctAnswer.map((id) => q.options.find((o) => o.id === id)?.text).join(' → ')}
                    </Text>
                  )}
                  {q.explanation && (
                    <Text size="xs" c="dimmed">
                      {q.explanation}
                    </Text>
                  )}
                </div>
              </Group>
            </Card>
          ))}
        </Stack>
        <Group justify="flex-end" mt="md">
          {result.certificateId && (
            <Button variant="light" color="green" component={Link} to={`/training/certificates/${result.certificateId}`}>
              {t('training.player.certificate')}
            </Button>
          )}
          {!result.passed && result.attemptsLeft !== 0 && (
            <Button onClick={() => void start()} data-testid="quiz-retry">
              {t('training.quiz.retry')}
            </Button>
          )}
        </Group>
      </Card>
    );

  if (!quiz)
    return (
      <Card withBorder data-testid="quiz-intro">
        <Title order={3}>{item.title}</Title>
        <Text size="sm" mt="xs">
          {t('training.quiz.intro', { count: item.questionCount, pass: item.passMark })}
        </Text>
        <Text size="sm" c="dimmed">
          {left == null ? t('training.quiz.unlimited') : t('training.quiz.attemptsLeft', { count: Math.max(0, left) })}
          {item.bestScore != null && ` · ${t('training.quiz.best', { score: item.bestScore })}`}
        </Text>
        <Group justify="flex-end" mt="md">
          {item.passed ? (
            <Badge color="green">{t('training.quiz.alreadyPassed')}</Badge>
          ) : (
            <Button onClick={() => void start()} disabled={left === 0} data-testid="quiz-start">
              {t('training.quiz.start')}
            </Button>
          )}
        </Group>
      </Card>
    );

  return (
    <Card withBorder data-testid="quiz-take">
      <Group justify="space-between" mb="sm">
        <Title order={3}>{quiz.title}</Title>
        <Text size="sm" c="dimmed">
          {t('training.quiz.attemptN', { n: quiz.attemptNo })}
        </Text>
      </Group>
      <Stack>
        {quiz.questions.map((q, i) => {
          const key = String(q.id);
          const a = answers[key] ?? [];
          return (
            <Card key={q.id} withBorder padding="sm" data-testid={`take-q-${i}`}>
              <Text fw={500} size="sm" mb="xs">
                {i + 1}. {q.prompt}
              </Text>
              {(q.kind === 'single' || q.kind === 'truefalse') && (
                <Radio.Group value={a[0] ?? null} onChange={(v) => setAnswers({ ...answers, [key]: [v] })}>
                  <Stack gap={6}>
                    {q.options.map((o) => (
                      <Radio key={o.id} value={o.id} label={o.text} />
                    ))}
                  </Stack>
                </Radio.Group>
              )}
              {q.kind === 'multiple' && (
                <Stack gap={6}>
                  <Text size="xs" c="dimmed">
                    {t('training.quiz.chooseAll')}
                  </Text>
                  {q.options.map((o) => (
                    <Checkbox
                      key={o.id}
                      label={o.text}
                      checked={a.includes(o.id)}
                      onChange={(e) =>
                        setAnswers({ ...answers, [key]: e.currentTarget.checked ? [...a, o.id] : a.filter((x) => x !== o.id) })
                      }
                    />
                  ))}
                </Stack>
              )}
              {q.kind === 'ordering' && (
                <Stack gap={4}>
                  <Text size="xs" c="dimmed">
                    {t('training.quiz.putInOrder')}
                  </Text>
                  {a.map((oid, oi) => (
                    <Group key={oid} gap="xs">
                      <Text size="sm" w={18}>
                        {oi + 1}.
                      </Text>
                      <Text size="sm" style={{ flex: 1 }}>
                        {q.options.find((o) => o.id === oid)?.text}
                      </Text>
                      <ActionIcon
                        size="sm"
                        variant="subtle"
                        disabled={oi === 0}
                        onClick={() => setAnswers({ ...answers, [key]: move(a, oi, oi - 1) })}
                        aria-label="up"
                      >
                        <IconArrowUp size={14} />
                      </ActionIcon>
                      <ActionIcon
                        size="sm"
                        variant="subtle"
                        disabled={oi === a.length - 1}
                        onClick={() => setAnswers({ ...answers, [key]: move(a, oi, oi + 1) })}
                        aria-label="down"
                      >
                        <IconArrowDown size={14} />
                      </ActionIcon>
                    </Group>
                  ))}
                </Stack>
              )}
            </Card>
          );
        })}
      </Stack>
      <Group justify="flex-end" mt="md">
        {unanswered > 0 && (
          <Text size="xs" c="dimmed">
            {t('training.quiz.unanswered', { count: unanswered })}
          </Text>
        )}
        <Button onClick={() => void submit()} loading={busy} data-testid="quiz-submit">
          {t('training.quiz.submit')}
        </Button>
      </Group>
    </Card>
  );
}

function move<T>(arr: T[], a: number, b: number): T[] {
  const out = [...arr];
  [out[a], out[b]] = [out[b], out[a]];
  return out;
}
