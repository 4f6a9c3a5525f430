/**
 * The library's ATTACHMENT_SLOTS component: content linked to a script step,
 * objection card, lesson or course. edit: search-as-you-type picker to link,
 * unlink; view: list that opens items; live: compact numbered list where
 * Alt+1..9 opens item N and Alt+Shift+1..9 copies its link — every open and
 * copy is recorded as a usage event with its context. Links always show the
 * item's current version.
 */
import { ActionIcon, Badge, Combobox, Group, Kbd, Loader, Modal, Paper, Stack, Text, TextInput, Tooltip, useCombobox } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconCopy, IconExternalLink, IconLinkOff, IconPaperclip, IconSearch } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LinkedItem } from '../../../shared/api/library';
import type { AttachmentSlotProps } from '../../app/slots';
import { api, useApi } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { useCopy } from '../../lib/clipboard';
import { copyText, Highlighted, KindIcon, recordUse, StatusBadge, type UseCtx } from './common';
import { Preview } from './Preview';
import { clickable } from '../../lib/clickable';

export function LinkedContent({ targetKind, targetId, mode, context }: AttachmentSlotProps) {
  const { t } = useTranslation();
  const links = useApi('library.links', { targetKind, targetId });
  const [opened, setOpened] = useState<LinkedItem | null>(null);
  const [rows, setRows] = useState<LinkedItem[] | null>(null);
  useEffect(() => setRows(links.data ?? null), [links.data]);
  const use = useMemo<UseCtx>(
    () => ({
      context: context ?? (mode === 'live' ? 'call' : targetKind === 'lesson' || targetKind === 'course' ? 'course' : 'script'),
      targetKind,
      targetId,
    }),
    [context, mode, targetKind, targetId],
  );

  const open = useCallback(
    (l: LinkedItem) => {
      recordUse(l.item.id, 'open', use);
      if (l.item.kind === 'link' && l.url) window.open(l.url, '_blank', 'noopener,noreferrer');
      else setOpened(l);
    },
    [use],
  );
  const copyItem = useCopy<LinkedItem>((ok, l) => {
    if (ok) recordUse(l.item.id, 'copy', use);
    notifications.show({
      color: ok ? undefined : 'red',
      message: ok ? t('library.actions.copiedItem', { title: l.item.title }) : t('scripts.live.copyFailed'),
      autoClose: 1500,
    });
  });
  const copy = useCallback(
    (l: LinkedItem) => copyItem(copyText({ kind: l.item.kind, title: l.item.title, fileName: l.item.fileName }, l.url), l),
    [copyItem],
  );

  useEffect(() => {
    if (mode !== 'live' || !rows?.length) return;
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey) return;
      const m = /^Digit([1-9])$/.exec(e.code);
      if (!m) return;
      const l = rows[Number(m[1]) - 1];
      if (!l) return;
      e.preventDefault();
      if (e.shiftKey) copy(l);
      else open(l);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [mode, rows, open, copy]);

  if (!rows) return links.loading ? <Loader size="xs" /> : null;
  if (mode !== 'edit' && rows.length === 0) return null;

  const unlink = async (itemId: number) => {
    try {
      setRows(await api('library.unlink', { targetKind, targetId, itemId }));
    } catch (e) {
      notifications.show({ color: 'red', message: errorText(t, e) });
    }
  };

  return (
    <Stack gap={mode === 'live' ? 2 : 6} data-testid={`linked-content-${mode}`}>
      <Group gap={6}>
        <IconPaperclip size={14} />
        <Text size="xs" fw={600} c="dimmed" tt="uppercase">
          {t('library.linked.title')}
        </Text>
        {mode === 'live' && rows.length > 0 && (
          <Text size="xs" c="dimmed">
            <Kbd size="xs">Alt</Kbd>+<Kbd size="xs">1…{Math.min(9, rows.length)}</Kbd> {t('library.linked.liveHint')}
          </Text>
        )}
      </Group>
      {rows.map((l, i) => (
        <Paper key={l.linkId} withBorder px="xs" py={mode === 'live' ? 2 : 6} data-testid="linked-item">
          <Group gap="xs" wrap="nowrap" justify="space-between">
            <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }} {...clickable(() => open(l))}>
              {mode === 'live' && i < 9 && (
                <Badge size="xs" variant="filled" color="dark" style={{ flexShrink: 0 }}>
                  {i + 1}
                </Badge>
              )}
              <KindIcon kind={l.item.kind} fileKind={l.item.fileKind} size={16} />
              <Text size="sm" truncate>
                {l.item.title}
              </Text>
              <StatusBadge status={l.item.status} validUntil={l.item.validUntil} />
            </Group>
            <Group gap={2} wrap="nowrap">
              <Tooltip label={t('library.actions.open')}>
                <ActionIcon size="sm" variant="subtle" onClick={() => open(l)} aria-label={t('library.actions.open')}>
                  <IconExternalLink size={14} />
                </ActionIcon>
              </Tooltip>
              <Tooltip label={t('library.actions.copy')}>
                <ActionIcon size="sm" variant="subtle" onClick={() => copy(l)} aria-label={t('library.actions.copy')}>
                  <IconCopy size={14} />
                </ActionIcon>
              </Tooltip>
              {mode === 'edit' && (
                <Tooltip label={t('library.linked.unlink')}>
                  <ActionIcon
                    size="sm"
                    variant="subtle"
                    color="red"
                    onClick={() => void unlink(l.item.id)}
                    aria-label={t('library.linked.unlink')}
                    data-testid="unlink"
                  >
                    <IconLinkOff size={14} />
                  </ActionIcon>
                </Tooltip>
              )}
            </Group>
          </Group>
        </Paper>
      ))}
      {mode === 'edit' && (
        <LinkPicker
          exclude={rows.map((r) => r.item.id)}
          onPick={async (itemId) => setRows(await api('library.link', { targetKind, targetId, itemId }))}
        />
      )}
      <Modal opened={!!opened} onClose={() => setOpened(null)} title={opened?.item.title} size="xl" data-testid="linked-preview">
        {opened && <OpenedItem id={opened.item.id} />}
      </Modal>
    </Stack>
  );
}

/** One item's current version, as the linked-content preview shows it (also used by live-call search via app/slots). */
export function OpenedItem({ id }: { id: number }) {
  const q = useApi('library.get', { id });
  if (q.error) return <Text c="red">{q.error.message}</Text>;
  if (!q.data) return <Loader size="sm" />;
  return <Preview item={q.data} version={q.data.current} />;
}

function LinkPicker({ exclude, onPick }: { exclude: number[]; onPick: (id: number) => Promise<void> }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [q] = useDebouncedValue(query, 150);
  const combobox = useCombobox();
  const res = useApi('library.list', q.trim() ? { query: q, limit: 10, showExpired: false } : null);
  const options = (res.data?.rows ?? []).filter((r) => !exclude.includes(r.id));
  return (
    <Combobox
      store={combobox}
      onOptionSubmit={(v) => {
        void onPick(Number(v)).then(() => setQuery(''));
        combobox.closeDropdown();
      }}
    >
      <Combobox.Target>
        <TextInput
          size="xs"
          leftSection={<IconSearch size={14} />}
          placeholder={t('library.linked.search')}
          value={query}
          onChange={(e) => {
            setQuery(e.currentTarget.value);
            combobox.openDropdown();
          }}
          onFocus={() => combobox.openDropdown()}
          onBlur={() => combobox.closeDropdown()}
          data-testid="link-picker"
        />
      </Combobox.Target>
      <Combobox.Dropdown hidden={!q.trim()}>
        <Combobox.Options>
          {res.loading && <Combobox.Empty>{t('common.loading')}</Combobox.Empty>}
          {!res.loading && options.length === 0 && <Combobox.Empty>{t('library.linked.nothing')}</Combobox.Empty>}
          {options.map((r) => (
            <Combobox.Option value={String(r.id)} key={r.id} data-testid="link-option">
              <Group gap={6} wrap="nowrap">
                <KindIcon kind={r.kind} fileKind={r.fileKind} size={14} />
                <Stack gap={0} style={{ minWidth: 0 }}>
                  <Highlighted segments={r.titleSegments} fallback={r.title} size="sm" lineClamp={1} />
                  {r.snippet && <Highlighted segments={r.snippet} fallback="" size="xs" c="dimmed" lineClamp={1} />}
                </Stack>
              </Group>
            </Combobox.Option>
          ))}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}
