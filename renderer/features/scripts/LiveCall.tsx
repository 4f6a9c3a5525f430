/**
 * Live-call mode: the rep's screen during a call. Keyboard first:
 *   type in the search box (focused by "/" or Ctrl+F), ↑/↓ pick, Enter open, Ctrl+Enter copy;
 *   →/← next/previous step, 1–9 the customer's answer, Esc close / clear, S change script.
 * Alt+1..9 and L are left free for the linked-content slot (library).
 * `?compact=1` renders the narrow layout used by the always-on-top Electron window.
 */
import { TeamOfflineBanner } from '../teamClient/OfflineBanner';
import {
  ActionIcon,
  Badge,
  Box,
  Button,
  Checkbox,
  Group,
  Kbd,
  Modal,
  Paper,
  Portal,
  ScrollArea,
  Stack,
  Text,
  TextInput,
  Title,
  Tooltip,
  UnstyledButton,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowsExchange, IconCopy, IconEar, IconExternalLink, IconPin, IconPinFilled, IconSearch, IconX } from '@tabler/icons-react';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useNavigate } from '../../lib/navigate';
import type { ObjectionCard, SearchHit, StepView } from '../../../shared/api/scripts';
import type { Segment } from '../../../shared/search/text';
import { api, useApi } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { Attachments, ContentPreview } from '../../app/slots';
import { useSession } from '../../app/session';
import { Markdown } from './Markdown';
import { GuidancePanel } from '../guidance/GuidancePanel';
import type { GuidanceEvent } from '../../../shared/guidance';
import { useCopy } from '../../lib/clipboard';
import { useLiveScript } from './live/useLiveScript';
import { useUsageLog } from './live/useUsageLog';
import { useCardPopups } from './live/useCardPopups';
import { useLiveSearch } from './live/useLiveSearch';
import { useLiveKeys } from './live/useLiveKeys';
import { handoffPending, takeHandoff } from './live/handoff';
import { PlaceholderField, PlaceholderProvider, PlaceholderText, usePlaceholderValues } from './live/placeholders';
import { fillPlaceholders } from '../../../shared/scripts/placeholders';
import { personName } from '../../lib/format';
import { isTyping } from './util';

export function Highlighted({ segments }: { segments: Segment[] }) {
  return (
    <>
      {segments.map((s, i) =>
        s.hit ? (
          <mark key={i} style={{ background: 'var(--mantine-color-yellow-2)', padding: 0 }}>
            <PlaceholderText text={s.text} chips />
          </mark>
        ) : (
          <span key={i}>
            <PlaceholderText text={s.text} chips />
          </span>
        ),
      )}
    </>
  );
}

/** The compact window is an overlay at z-index 250 over the app shell: cards and previews must open above it. */
const COMPACT_Z = 250;
const LIVE_MODAL_Z = COMPACT_Z + 50;

export function LiveCallPage() {
  const [params] = useSearchParams();
  const compact = params.get('compact') === '1';
  const { session } = useSession();
  // placeholders are filled once per call; the rep's own name is there already, as the UI language writes it
  const me = session?.person ? personName(session.person) : '';
  const body = (
    <PlaceholderProvider initial={me ? { rep_name: me } : {}}>
      <LiveCall
        compact={compact}
        initialScript={params.get('script') ? Number(params.get('script')) : null}
        initialStep={params.get('step')}
      />
    </PlaceholderProvider>
  );
  // Compact: above the app shell, full window (the always-on-top window is narrow).
  return compact ? (
    <Portal>
      <Box
        pos="fixed"
        inset={0}
        bg="var(--mantine-color-body)"
        style={{ zIndex: COMPACT_Z, overflow: 'auto' }}
        p="xs"
        data-testid="live-compact"
      >
        {body}
      </Box>
    </Portal>
  ) : (
    body
  );
}

function LiveCall({ compact, initialScript, initialStep }: { compact: boolean; initialScript: number | null; initialStep: string | null }) {
  const { t } = useTranslation();
  const { workspace } = useSession();
  const navigate = useNavigate();
  const [pickQuery, setPickQuery] = useState('');
  const searchRef = useRef<HTMLInputElement>(null);
  const pickRef = useRef<HTMLInputElement>(null);
  const surfaceRef = useRef<HTMLDivElement>(null);
  // Opened by Ctrl+L: the search box gets the keys (and those typed while this page loaded), not the picker.
  const [openedBySearchKey] = useState(handoffPending);
  const log = useUsageLog();
  const {
    scriptId,
    setScriptId,
    script,
    setScript,
    loadError,
    history,
    byKey,
    currentKey,
    current,
    checked,
    setChecked,
    ended,
    setEnded,
    goTo,
    next,
    back,
    restart,
    close,
  } = useLiveScript(initialScript, initialStep, log, t);
  const onCardOpened = useCallback(
    (objectionId: number) => log('open_card', { scriptId: script?.id ?? null, stepId: current?.step.id ?? null, objectionId }),
    [log, script, current],
  );
  const { card, closeCard, openCard, libraryItem, setLibraryItem, anyOpen } = useCardPopups(t, onCardOpened);

  const fieldValues = usePlaceholderValues();
  const copy = useCopy<number | null>((ok, objectionId) => {
    notifications.show({
      color: ok ? 'green' : 'red',
      message: ok ? t('scripts.live.copied') : t('scripts.live.copyFailed'),
      autoClose: 1500,
    });
    if (ok) log('copy_response', { scriptId: script?.id ?? null, stepId: current?.step.id ?? null, objectionId });
  });
  const choose = useCallback(
    (n: number) => {
      if (!current) return;
      const c = current.step.choices[n];
      if (!c) return;
      log('choose', { scriptId: script?.id ?? null, stepId: current.step.id, objectionId: c.toObjectionId });
      if (c.toStepKey) goTo(c.toStepKey);
      else if (c.toObjectionId != null) void openCard(c.toObjectionId);
      else setEnded(true);
    },
    [current, goTo, openCard, log, script, setEnded],
  );
  const focusSearch = useCallback(() => searchRef.current?.focus(), []);
  const changeScript = useCallback(() => {
    close();
    setTimeout(() => pickRef.current?.focus(), 0);
  }, [close]);
  /** Esc out of the picker: focus rests on the page itself, where the single-key shortcuts work. */
  const focusSurface = useCallback(() => surfaceRef.current?.focus(), []);
  useLiveKeys({ paused: anyOpen, focusSearch, next, back, choose, changeScript });

  const {
    query,
    setQuery,
    sel,
    setSel,
    hits,
    loading: searching,
    onKeyDown: onSearchKey,
  } = useLiveSearch(
    (h) => openHit(h),
    (h) => {
      if (h.kind === 'objection' && h.responses[0]) copy(fillPlaceholders(h.responses[0], fieldValues), h.id);
    },
  );
  useLayoutEffect(() => {
    const typed = takeHandoff();
    if (!typed) return;
    if (typed.text) setQuery(typed.text);
    if (typed.focused || typed.text) searchRef.current?.focus();
  }, [setQuery]);
  const openHit = (h: SearchHit) => {
    // Cards and library items open over whatever is on screen, with or without a script running.
    if (h.kind === 'objection') void openCard(h.id);
    else if (h.kind === 'library') setLibraryItem({ id: h.id, title: h.title.map((x) => x.text).join('') });
    else if (h.scriptId === script?.id && h.stepKey) goTo(h.stepKey);
    else if (h.scriptId) {
      navigate(`/live?script=${h.scriptId}&step=${h.stepKey ?? ''}${compact ? '&compact=1' : ''}`, { replace: true });
      setScriptId(h.scriptId);
    }
    setQuery('');
    searchRef.current?.blur();
  };

  const searchBox = (
    <Stack gap={6}>
      <TextInput
        ref={searchRef}
        size={compact ? 'sm' : 'md'}
        leftSection={<IconSearch size={18} />}
        rightSection={
          query ? (
            <ActionIcon variant="subtle" aria-label={t('scripts.live.clear')} onClick={() => setQuery('')}>
              <IconX size={14} />
            </ActionIcon>
          ) : (
            <Kbd size="xs">/</Kbd>
          )
        }
        placeholder={t('scripts.live.searchPh')}
        value={query}
        onChange={(e) => setQuery(e.currentTarget.value)}
        onKeyDown={onSearchKey}
        aria-label={t('scripts.live.searchPh')}
        data-testid="live-search"
      />
      {query.trim() && (
        <Paper withBorder p={4} data-testid="live-results">
          <ScrollArea.Autosize mah={compact ? 260 : 420}>
            {hits.length === 0 && !searching && (
              <Text size="sm" c="dimmed" p="xs">
                {t('scripts.live.noResults')}
              </Text>
            )}
            {hits.map((h, i) => (
              <UnstyledButton
                key={`${h.kind}-${h.id}`}
                onClick={() => openHit(h)}
                onMouseEnter={() => setSel(i)}
                p={6}
                w="100%"
                style={{
                  borderRadius: 4,
                  background: i === sel ? 'var(--mantine-color-indigo-0)' : undefined,
                  outline: i === sel ? '1px solid var(--mantine-color-indigo-3)' : undefined,
                }}
                data-testid={`live-hit-${i}`}
                data-kind={h.kind}
              >
                <Group gap={6} wrap="nowrap" align="flex-start">
                  <Badge
                    size="xs"
                    variant="light"
                    color={h.kind === 'objection' ? 'orange' : h.kind === 'library' ? 'teal' : 'indigo'}
                    style={{ flexShrink: 0 }}
                    maw={compact ? 110 : 140}
                    title={
                      h.kind === 'objection'
                        ? t('scripts.live.objection')
                        : h.kind === 'library'
                          ? t('scripts.live.library')
                          : t('scripts.live.step')
                    }
                  >
                    {h.kind === 'objection'
                      ? t('scripts.live.objection')
                      : h.kind === 'library'
                        ? t('scripts.live.library')
                        : t('scripts.live.step')}
                  </Badge>
                  <div style={{ minWidth: 0 }}>
                    <Text size="sm" fw={600}>
                      <Highlighted segments={h.title} />
                    </Text>
                    {h.scriptTitle && (
                      <Text size="xs" c="dimmed">
                        {h.scriptTitle}
                      </Text>
                    )}
                    <Text size="xs" lineClamp={2}>
                      <Highlighted segments={h.snippet} />
                    </Text>
                  </div>
                </Group>
              </UnstyledButton>
            ))}
          </ScrollArea.Autosize>
          <Text size="xs" c="dimmed" px={6} pt={4}>
            {t('scripts.live.searchKeys')}
          </Text>
        </Paper>
      )}
    </Stack>
  );

  const header = (
    <Group justify="space-between" wrap="nowrap">
      <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
        <Badge color="red" variant="dot" size="lg" style={{ flexShrink: 0 }}>
          {compact ? '' : t('scripts.live.title')}
        </Badge>
        {script && (
          <Title order={compact ? 5 : 3} lineClamp={1} data-testid="live-script-title">
            {script.title}
          </Title>
        )}
      </Group>
      <Group gap="xs" wrap="nowrap">
        {script && (
          <>
            <Tooltip label={script.pinned ? t('scripts.unpin') : t('scripts.pin')}>
              <ActionIcon
                variant="subtle"
                aria-label={script.pinned ? t('scripts.unpin') : t('scripts.pin')}
                onClick={() =>
                  void api('scripts.pin', { id: script.id, pinned: !script.pinned }).then((r) => setScript({ ...script, pinned: r.pinned }))
                }
                data-testid="live-pin"
              >
                {script.pinned ? <IconPinFilled size={18} /> : <IconPin size={18} />}
              </ActionIcon>
            </Tooltip>
            {compact ? (
              <Tooltip label={`${t('scripts.live.change')} (S)`}>
                <ActionIcon variant="default" aria-label={t('scripts.live.change')} onClick={close}>
                  <IconArrowsExchange size={16} />
                </ActionIcon>
              </Tooltip>
            ) : (
              <Button size="compact-sm" variant="default" onClick={close} rightSection={<Kbd size="xs">S</Kbd>}>
                {t('scripts.live.change')}
              </Button>
            )}
          </>
        )}
        {workspace?.host === 'electron' && !compact && (
          <Button
            size="compact-sm"
            variant="light"
            leftSection={<IconExternalLink size={14} />}
            onClick={() =>
              void api('scripts.openLiveWindow', {}).catch((e) => notifications.show({ color: 'red', message: errorText(t, e) }))
            }
            data-testid="live-open-window"
          >
            {t('scripts.live.compactWindow')}
          </Button>
        )}
      </Group>
    </Group>
  );

  // Live guidance: cards pop up (Esc closes), must-say items tick themselves.
  const onGuidanceTick = useCallback(
    (e: Extract<GuidanceEvent, { kind: 'tick' }>) => {
      if (e.itemKind === 'must_say') setChecked((c) => ({ ...c, [`${e.stepKey}:${e.index}`]: true }));
    },
    [setChecked],
  );
  const onGuidanceCard = useCallback((id: number) => void openCard(id), [openCard]);
  const guidance = (
    <GuidancePanel
      scriptId={script?.id ?? null}
      language={script?.language}
      stepTitle={(key) => byKey.get(key)?.step.title ?? null}
      onCard={onGuidanceCard}
      onTick={onGuidanceTick}
      compact={compact}
    />
  );

  const overlays = (
    <>
      <CardModal card={card} onClose={closeCard} onCopy={(text) => card && copy(fillPlaceholders(text, fieldValues), card.id)} />
      <Modal
        opened={!!libraryItem}
        onClose={() => setLibraryItem(null)}
        title={libraryItem?.title}
        size="xl"
        zIndex={LIVE_MODAL_Z}
        data-testid="live-library-item"
      >
        {libraryItem && (
          <div data-testid="live-library-body">
            <ContentPreview id={libraryItem.id} />
          </div>
        )}
      </Modal>
    </>
  );

  if (scriptId == null || (!script && !loadError)) {
    return (
      <Stack gap="md" maw={compact ? undefined : 900} data-testid="live-call" ref={surfaceRef} tabIndex={-1} style={{ outline: 'none' }}>
        {header}
        <TeamOfflineBanner />
        {scriptId == null ? (
          <ScriptPicker
            inputRef={pickRef}
            query={pickQuery}
            setQuery={setPickQuery}
            onPick={(id) => setScriptId(id)}
            compact={compact}
            autoFocus={!openedBySearchKey}
            onSearch={focusSearch}
            onLeave={focusSurface}
          />
        ) : (
          <Text c="dimmed">{t('scripts.live.loading')}</Text>
        )}
        {searchBox}
        {guidance}
        {overlays}
      </Stack>
    );
  }

  const stepView = current && (
    <StepPanel
      step={current.step}
      index={current.index}
      total={script?.steps.length ?? 0}
      compact={compact}
      checked={checked}
      onCheck={(k, v) => setChecked((c) => ({ ...c, [k]: v }))}
      onChoose={choose}
      onCopy={(text) => copy(fillPlaceholders(text, fieldValues), null)}
      objections={script?.objections ?? []}
      stepTitle={(key) => byKey.get(key)?.step.title ?? '?'}
    />
  );

  return (
    <Stack gap="sm" data-testid="live-call" data-compact={compact ? '1' : '0'} ref={surfaceRef} tabIndex={-1} style={{ outline: 'none' }}>
      {header}
      <TeamOfflineBanner />
      {loadError && <Text c="red">{loadError}</Text>}
      {compact ? (
        <>
          {searchBox}
          {ended ? <Ended onRestart={restart} /> : stepView}
          {guidance}
        </>
      ) : (
        <Group align="flex-start" wrap="nowrap" gap="md">
          <Paper withBorder p="xs" w={240} style={{ flexShrink: 0 }}>
            <ScrollArea.Autosize mah="calc(100vh - 180px)">
              <Stack gap={2} data-testid="live-outline">
                {/* Plain buttons: a 60-step outline must stay cheap to render. */}
                {(script?.steps ?? []).map((s, i) => (
                  <button
                    key={s.key}
                    type="button"
                    onClick={() => goTo(s.key)}
                    data-testid={`live-outline-${i}`}
                    style={{
                      all: 'unset',
                      cursor: 'pointer',
                      padding: 4,
                      borderRadius: 4,
                      fontSize: 12,
                      whiteSpace: 'nowrap',
                      overflow: 'hidden',
                      textOverflow: 'ellipsis',
                      fontWeight: s.key === currentKey ? 700 : 400,
                      background: s.key === currentKey ? 'var(--mantine-color-indigo-1)' : undefined,
                      color: history.includes(s.key) && s.key !== currentKey ? 'var(--mantine-color-dimmed)' : undefined,
                    }}
                  >
                    {i + 1}. <PlaceholderText text={s.title} chips />
                  </button>
                ))}
              </Stack>
            </ScrollArea.Autosize>
          </Paper>
          <Box style={{ flex: 1, minWidth: 0 }}>{ended ? <Ended onRestart={restart} /> : stepView}</Box>
          <Box w={360} style={{ flexShrink: 0 }}>
            {searchBox}
            <Box mt="sm">{guidance}</Box>
            <Text size="xs" c="dimmed" mt="sm">
              {t('scripts.live.keys')}
            </Text>
          </Box>
        </Group>
      )}
      {overlays}
    </Stack>
  );
}

function Ended({ onRestart }: { onRestart: () => void }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="lg" data-testid="live-ended">
      <Title order={4}>{t('scripts.live.ended')}</Title>
      <Text c="dimmed" size="sm" mb="sm">
        {t('scripts.live.endedHint')}
      </Text>
      <Button variant="light" onClick={onRestart}>
        {t('scripts.live.restart')}
      </Button>
    </Paper>
  );
}

function StepPanel(props: {
  step: StepView;
  index: number;
  total: number;
  compact: boolean;
  checked: Record<string, boolean>;
  onCheck: (key: string, v: boolean) => void;
  onChoose: (n: number) => void;
  /** Copies script text with the call's placeholder values filled in. */
  onCopy: (text: string) => void;
  objections: { id: number; objection: string }[];
  stepTitle: (key: string) => string;
}) {
  const { t } = useTranslation();
  const { step, compact } = props;
  return (
    <Paper withBorder p={compact ? 'sm' : 'lg'} data-testid="live-step" data-step-key={step.key}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            {t('scripts.live.stepOf', { n: props.index + 1, total: props.total })} · {t(`scripts.stage.${step.stage}`)}
          </Text>
        </Group>
        <Title order={compact ? 3 : 2} data-testid="live-step-title">
          <PlaceholderText text={step.title} chips />
        </Title>
        {step.sayIt && (
          <Paper bg="indigo.0" p="sm" radius="sm">
            <Group justify="space-between" wrap="nowrap" gap={4}>
              <Text size="xs" fw={700} c="indigo.8" tt="uppercase">
                {t('scripts.live.sayIt')}
              </Text>
              <Tooltip label={t('scripts.live.copy')}>
                <ActionIcon
                  size="sm"
                  variant="subtle"
                  aria-label={`${t('scripts.live.copy')}: ${t('scripts.live.sayIt')}`}
                  onClick={() => props.onCopy(step.sayIt)}
                  data-testid="live-copy-sayit"
                >
                  <IconCopy size={14} />
                </ActionIcon>
              </Tooltip>
            </Group>
            <Text size={compact ? 'md' : 'xl'} fw={500} data-testid="live-sayit">
              <PlaceholderText text={step.sayIt} />
            </Text>
          </Paper>
        )}
        {step.talkingPointsMd && (
          <Box pos="relative">
            <Tooltip label={t('scripts.live.copyPoints')}>
              <ActionIcon
                size="sm"
                variant="subtle"
                pos="absolute"
                top={0}
                right={0}
                aria-label={t('scripts.live.copyPoints')}
                onClick={() => props.onCopy(step.talkingPointsMd)}
                data-testid="live-copy-points"
              >
                <IconCopy size={14} />
              </ActionIcon>
            </Tooltip>
            <Markdown
              text={step.talkingPointsMd}
              size={compact ? '1rem' : '1.2rem'}
              testId="live-points"
              placeholder={(name) => <PlaceholderField name={name} />}
            />
          </Box>
        )}
        {step.listenFor && (
          <Text size="sm">
            <IconEar size={16} style={{ verticalAlign: 'text-bottom' }} />{' '}
            <Text span fw={700}>
              {t('scripts.live.listenFor')}:
            </Text>{' '}
            <PlaceholderText text={step.listenFor} />
          </Text>
        )}
        {step.mustSay.length > 0 && (
          <Stack gap={4} data-testid="live-checklist">
            <Text size="xs" fw={700} tt="uppercase" c="dimmed">
              {t('scripts.live.mustSay')}
            </Text>
            {step.mustSay.map((m, i) => {
              const k = `${step.key}:${i}`;
              return (
                <Checkbox
                  key={k}
                  label={<PlaceholderText text={m} chips />}
                  checked={!!props.checked[k]}
                  onChange={(e) => props.onCheck(k, e.currentTarget.checked)}
                  size="md"
                />
              );
            })}
          </Stack>
        )}
        {step.choices.length > 0 && (
          <Stack gap={6} data-testid="live-choices">
            <Text size="xs" fw={700} tt="uppercase" c="dimmed">
              {t('scripts.live.customerSays')}
            </Text>
            {step.choices.map((c, i) => (
              <Button
                key={i}
                variant={c.toObjectionId != null ? 'light' : 'default'}
                color={c.toObjectionId != null ? 'orange' : undefined}
                justify="flex-start"
                size={compact ? 'sm' : 'md'}
                leftSection={<Kbd>{i + 1}</Kbd>}
                onClick={() => props.onChoose(i)}
                data-testid={`live-choice-${i}`}
                styles={{ label: { whiteSpace: 'normal', textAlign: 'left' } }}
              >
                <PlaceholderText text={c.label} chips />
                <Text span size="xs" c="dimmed" ml={8}>
                  →{' '}
                  {c.toStepKey ? (
                    <PlaceholderText text={props.stepTitle(c.toStepKey)} chips />
                  ) : c.toObjectionId != null ? (
                    <PlaceholderText
                      text={props.objections.find((o) => o.id === c.toObjectionId)?.objection ?? t('scripts.live.objection')}
                      chips
                    />
                  ) : (
                    t('scripts.editor.endCall')
                  )}
                </Text>
              </Button>
            ))}
          </Stack>
        )}
        <Attachments targetKind="script_step" targetId={step.id} mode="live" context="call" />
        <Text size="xs" c="dimmed">
          {t('scripts.live.stepKeys')}
        </Text>
      </Stack>
    </Paper>
  );
}

function CardModal({ card, onClose, onCopy }: { card: ObjectionCard | null; onClose: () => void; onCopy: (text: string) => void }) {
  const { t } = useTranslation();
  const [sel, setSel] = useState(0);
  useEffect(() => setSel(0), [card]);
  useEffect(() => {
    if (!card) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.metaKey || isTyping(e)) return; // typing into a placeholder field
      if (e.key === 'ArrowDown') setSel((s) => Math.min(s + 1, card.responses.length - 1));
      else if (e.key === 'ArrowUp') setSel((s) => Math.max(0, s - 1));
      else if (/^[1-3]$/.test(e.key) && card.responses[Number(e.key) - 1]) onCopy(card.responses[Number(e.key) - 1]);
      else if (e.key === 'c' || e.key === 'C' || e.key === 'с' || e.key === 'С' || (e.key === 'Enter' && (e.ctrlKey || e.metaKey)))
        onCopy(card.responses[sel]);
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [card, sel, onCopy]);
  return (
    <Modal
      opened={!!card}
      onClose={onClose}
      size="lg"
      zIndex={LIVE_MODAL_Z}
      title={<Text fw={700}>{t('scripts.live.objection')}</Text>}
      data-testid="live-card"
    >
      {card && (
        <Stack gap="sm" data-testid="live-card-body">
          <Title order={3}>
            «<PlaceholderText text={card.objection} chips />»
          </Title>
          {card.responses.map((r, i) => (
            <Paper
              key={i}
              withBorder
              p="sm"
              style={{ borderColor: i === sel ? 'var(--mantine-color-indigo-5)' : undefined, borderWidth: i === sel ? 2 : 1 }}
              data-testid={`live-card-response-${i}`}
            >
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <Text size="lg">
                  <PlaceholderText text={r} />
                </Text>
                <Tooltip label={t('scripts.live.copyKey', { n: i + 1 })}>
                  <ActionIcon
                    variant="light"
                    onClick={() => onCopy(r)}
                    aria-label={t('scripts.live.copy')}
                    data-testid={`live-card-copy-${i}`}
                  >
                    <IconCopy size={16} />
                  </ActionIcon>
                </Tooltip>
              </Group>
            </Paper>
          ))}
          <Group gap={4} wrap="wrap">
            {card.tags.map((tg) => (
              <Badge key={tg} size="xs" variant="light" color="gray" maw="100%" title={tg}>
                {tg}
              </Badge>
            ))}
          </Group>
          <Attachments targetKind="objection" targetId={card.id} mode="live" context="call" />
          <Text size="xs" c="dimmed">
            {t('scripts.live.cardKeys')}
          </Text>
        </Stack>
      )}
    </Modal>
  );
}

function ScriptPicker(props: {
  query: string;
  setQuery: (q: string) => void;
  onPick: (id: number) => void;
  compact: boolean;
  inputRef: React.RefObject<HTMLInputElement | null>;
  autoFocus: boolean;
  /** "/" in the picker: to the search box, as everywhere else on the page. */
  onSearch: () => void;
  /** Esc: close the list and leave the picker. */
  onLeave: () => void;
}) {
  const { query, setQuery, onPick, compact, inputRef, autoFocus, onSearch, onLeave } = props;
  const { t } = useTranslation();
  // the list under the box, closed by Esc and opened again by focusing or typing
  const [listOpen, setListOpen] = useState(true);
  const list = useApi('scripts.list', { query, language: null, status: 'published', offset: 0, limit: 12 });
  const usage = useApi('scripts.usage', {});
  const [sel, setSel] = useState(0);
  const rows = useMemo(() => list.data?.rows ?? [], [list.data]);
  useEffect(() => setSel(0), [query]);
  useEffect(() => {
    if (autoFocus) inputRef.current?.focus();
  }, [inputRef, autoFocus]);
  // A rep who types and presses Enter before the results arrive gets the first match when they do.
  const pendingEnter = useRef(false);
  useEffect(() => {
    if (pendingEnter.current && !list.loading && rows[0]) {
      pendingEnter.current = false;
      onPick(rows[0].id);
    }
  }, [rows, list.loading, onPick]);
  const recent = new Set((usage.data?.recent ?? []).map((r) => r.id));
  return (
    <Paper withBorder p={compact ? 'xs' : 'md'} data-testid="live-picker">
      <Stack gap="xs">
        <TextInput
          ref={inputRef}
          size="md"
          autoFocus={autoFocus}
          placeholder={t('scripts.live.pickPh')}
          value={query}
          onChange={(e) => {
            setQuery(e.currentTarget.value);
            setListOpen(true);
          }}
          onFocus={() => setListOpen(true)}
          onKeyDown={(e) => {
            if (e.key === '/' && !e.ctrlKey && !e.altKey && !e.metaKey) {
              e.preventDefault();
              onSearch();
            } else if (e.key === 'Escape') {
              e.preventDefault();
              setListOpen(false);
              onLeave();
            } else if (e.key === 'ArrowDown') {
              setListOpen(true);
              e.preventDefault();
              setSel((s) => Math.min(s + 1, rows.length - 1));
            } else if (e.key === 'ArrowUp') {
              e.preventDefault();
              setSel((s) => Math.max(0, s - 1));
            } else if (e.key === 'Enter') {
              e.preventDefault();
              if (list.loading || !rows[sel]) pendingEnter.current = true;
              else onPick(rows[sel].id);
            }
          }}
          aria-label={t('scripts.live.pickPh')}
          data-testid="live-pick-input"
          data-list-open={listOpen ? '1' : '0'}
        />
        {listOpen &&
          rows.map((s, i) => (
            <UnstyledButton
              key={s.id}
              onClick={() => onPick(s.id)}
              p={6}
              style={{ borderRadius: 4, background: i === sel ? 'var(--mantine-color-indigo-0)' : undefined }}
              data-testid={`live-pick-${i}`}
            >
              {/* the badges go under the title when the window is narrow, never squeezed or cut */}
              <Group justify="space-between" wrap="wrap" gap={4}>
                <Text fw={i === sel ? 700 : 500} style={{ flex: '1 1 180px', minWidth: 0, overflowWrap: 'anywhere' }}>
                  {s.pinned && '📌 '}
                  {s.title}
                </Text>
                <Group gap={4} wrap="wrap" style={{ maxWidth: '100%' }}>
                  {recent.has(s.id) && (
                    <Badge size="xs" variant="light" color="teal" maw="100%" title={t('scripts.live.recent')}>
                      {t('scripts.live.recent')}
                    </Badge>
                  )}
                  <Badge size="xs" variant="light" maw="100%" title={t(`scripts.lang.${s.language}`)}>
                    {t(`scripts.lang.${s.language}`)}
                  </Badge>
                  <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                    {t('scripts.live.steps', { count: s.stepCount })}
                  </Text>
                </Group>
              </Group>
            </UnstyledButton>
          ))}
        {listOpen && list.data && !rows.length && <Text c="dimmed">{t('scripts.live.noScripts')}</Text>}
        <Text size="xs" c="dimmed">
          {t('scripts.live.pickKeys')}
        </Text>
      </Stack>
    </Paper>
  );
}
