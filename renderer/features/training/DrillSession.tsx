/** Spaced-repetition drill: see the objection or question, answer in your head or type, reveal, rate recall (FSRS schedules the next time). */
import { Alert, Badge, Button, Card, Group, NumberInput, Progress, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useHotkeys } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { DrillSession as Session } from '../../../shared/api/training';
import { useSession } from '../../app/session';
import { api } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { fmtDate, fmtPercent } from '../../lib/format';
import { dynamicKey } from '../../app/keys';

const RATINGS = [
  { r: 1 as const, key: 'again', color: 'red' },
  { r: 2 as const, key: 'hard', color: 'orange' },
  { r: 3 as const, key: 'good', color: 'green' },
  { r: 4 as const, key: 'easy', color: 'blue' },
];

function interval(iso: string, t: TFunction) {
  const mins = Math.max(1, Math.round((Date.parse(iso) - Date.now()) / 60000));
  if (mins < 60) return t('training.drill.minutes', { count: mins });
  const hours = Math.round(mins / 60);
  if (hours < 24) return t('training.drill.hours', { count: hours });
  return t('training.drill.days', { count: Math.round(hours / 24) });
}

export function DrillSession() {
  const { t } = useTranslation();
  const { session: who } = useSession();
  const [s, setS] = useState<Session | null>(null);
  const [idx, setIdx] = useState(0);
  const [revealed, setRevealed] = useState(false);
  const [typed, setTyped] = useState('');
  const [done, setDone] = useState(0);
  const [retention, setRetention] = useState<number | string>(90);
  const load = async () => {
    try {
      const x = await api('training.drills.session', { limit: 20 });
      setS(x);
      setIdx(0);
      setRevealed(false);
      setTyped('');
      setRetention(Math.round(x.desiredRetention * 100));
    } catch (e) {
      notifications.show({ color: 'red', message: errorText(t, e) });
    }
  };
  const personId = who?.person?.id;
  useEffect(() => {
    if (personId) void load();
    // once per person: a language change (a new `t`, so a new `load`) must not restart a drill in progress
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [personId]);
  const card = s?.cards[idx];
  // Keyboard: Space reveals, 1–4 rate (Again, Hard, Good, Easy) once revealed.
  useHotkeys(
    [
      ['space', () => card && !revealed && setRevealed(true)],
      ...([1, 2, 3, 4] as const).map((r) => [String(r), () => card && revealed && void rate(r)] as [string, () => void]),
    ],
    ['INPUT', 'TEXTAREA'],
  );
  if (!who?.person) return <Text c="dimmed">{t('training.my.choosePerson')}</Text>;
  if (!s) return null;
  async function rate(rating: 1 | 2 | 3 | 4) {
    if (!s || !card) return;
    try {
      await api('training.drills.review', { cardId: card.id, rating, typed });
      setDone((d) => d + 1);
      setRevealed(false);
      setTyped('');
      if (idx + 1 < s.cards.length) setIdx(idx + 1);
      else void load();
    } catch (e) {
      notifications.show({ color: 'red', message: errorText(t, e) });
    }
  }
  return (
    <Stack maw={820} data-testid="drill-session">
      <SimpleGrid cols={4}>
        <Stat label={t('training.drill.due')} value={String(s.dueCount)} />
        <Stat label={t('training.drill.new')} value={String(s.newCount)} />
        <Stat label={t('training.drill.today')} value={String(s.reviewedToday)} />
        <Stat label={t('training.drill.retention30')} value={s.retention30d == null ? '—' : fmtPercent(s.retention30d)} />
      </SimpleGrid>
      {!card ? (
        <Alert color="green" data-testid="drill-empty">
          {t(done ? 'training.drill.finished' : 'training.drill.nothingDue', { count: done })}
        </Alert>
      ) : (
        <Card withBorder padding="lg" data-testid="drill-card">
          <Group justify="space-between" mb="sm">
            <Badge variant="light" color={card.source === 'objection' ? 'grape' : 'cyan'}>
              {t(`training.drill.source.${card.source}`)}
            </Badge>
            <Text size="xs" c="dimmed">
              {t('training.drill.position', { n: idx + 1, total: s.cards.length })} ·{' '}
              {card.isNew ? t('training.drill.newCard') : t('training.drill.lastDue', { date: fmtDate(card.due) })}
            </Text>
          </Group>
          <Progress value={(idx / s.cards.length) * 100} size="xs" mb="md" />
          <Title order={3} data-testid="drill-prompt">
            {card.prompt}
          </Title>
          <Textarea
            mt="md"
            autosize
            minRows={2}
            placeholder={t('training.drill.typeHint')}
            value={typed}
            onChange={(e) => setTyped(e.currentTarget.value)}
            disabled={revealed}
            data-testid="drill-typed"
          />
          {!revealed ? (
            <Group justify="flex-end" mt="md">
              <Button onClick={() => setRevealed(true)} data-testid="drill-reveal">
                {t('training.drill.reveal')}
              </Button>
            </Group>
          ) : (
            <>
              <Card bg="var(--mantine-color-green-0)" mt="md" data-testid="drill-answer">
                <Text size="xs" c="dimmed" mb={4}>
                  {t('training.drill.model')}
                </Text>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {card.answer}
                </Text>
              </Card>
              <Text size="sm" mt="md" mb={4}>
                {t('training.drill.howWell')}{' '}
                <Text span size="xs" c="dimmed">
                  {t('training.drill.keys')}
                </Text>
              </Text>
              <SimpleGrid cols={4}>
                {RATINGS.map((x) => (
                  <Button key={x.r} color={x.color} variant="light" onClick={() => void rate(x.r)} data-testid={`drill-rate-${x.key}`}>
                    <Stack gap={0} align="center">
                      <span>{t(dynamicKey(`training.drill.${x.key}`))}</span>
                      <Text size="xs">{interval(card.intervals[x.r], t)}</Text>
                    </Stack>
                  </Button>
                ))}
              </SimpleGrid>
            </>
          )}
        </Card>
      )}
      <Group align="flex-end">
        <NumberInput
          w={220}
          label={t('training.drill.desired')}
          description={t('training.drill.desiredHint')}
          min={70}
          max={97}
          suffix=" %"
          value={retention}
          onChange={setRetention}
        />
        <Button
          variant="default"
          onClick={() =>
            void api('training.drills.settings', { desiredRetention: Number(retention) / 100 })
              .then(() => notifications.show({ message: t('training.saved') }))
              .then(load)
              .catch((e: unknown) => notifications.show({ color: 'red', message: errorText(t, e) }))
          }
        >
          {t('actions.save')}
        </Button>
      </Group>
    </Stack>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <Card withBorder padding="xs">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} fz={20}>
        {value}
      </Text>
    </Card>
  );
}
