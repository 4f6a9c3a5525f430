/** The content library: one search box over titles, descriptions, tags and file text, filters for every field, a virtualised list. */
import {
  ActionIcon,
  Badge,
  Button,
  Checkbox,
  Group,
  Loader,
  Modal,
  Select,
  Skeleton,
  Stack,
  Switch,
  Tabs,
  TagsInput,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useVirtualizer } from '@tanstack/react-virtual';
import { IconFilterOff, IconPlus, IconSearch, IconTags } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useSearchParams } from 'react-router';
import { useNavigate } from '../../lib/navigate';
import { CONTENT_LANGS, FILE_KINDS, FUNNEL_STAGES, ITEM_KINDS, type LibraryListRow } from '../../../shared/api/library';
import { useSession } from '../../app/session';
import { PersonPicker } from '../../app/PersonPicker';
import { api, useApi } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { fmtDate, fmtNumber } from '../../lib/format';
import { AddContent } from './AddContent';
import { Analytics } from './Analytics';
import { Highlighted, KindIcon, StatusBadge } from './common';
import { Governance } from './Governance';
import { ItemPage } from './ItemPage';
import { LinkedPage } from './LinkedPage';
import { usePagedList } from './usePagedList';
import { clickable } from '../../lib/clickable';
import { dynamicKey } from '../../app/keys';

export function LibraryPage() {
  return (
    <Routes>
      <Route index element={<LibraryHome />} />
      <Route path=":id" element={<ItemPage />} />
      <Route path="linked/:kind/:id" element={<LinkedPage />} />
    </Routes>
  );
}

function LibraryHome() {
  const { t } = useTranslation();
  const { session } = useSession();
  const isRep = session?.role === 'rep';
  const [params, setParams] = useSearchParams();
  const tab = isRep ? 'content' : (params.get('tab') ?? 'content');
  const [adding, setAdding] = useState(false);
  const [gen, setGen] = useState(0);
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{t('library.title')}</Title>
          <Text c="dimmed" size="sm">
            {isRep ? t('library.subtitleRep') : t('library.subtitle')}
          </Text>
        </div>
        {!isRep && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)} data-testid="add-content-button">
            {t('library.add.button')}
          </Button>
        )}
      </Group>
      {!isRep && (
        <Tabs value={tab} onChange={(v) => setParams(v && v !== 'content' ? { tab: v } : {})}>
          <Tabs.List>
            <Tabs.Tab value="content">{t('library.tabs.content')}</Tabs.Tab>
            <Tabs.Tab value="governance" data-testid="tab-governance">
              {t('library.tabs.governance')}
            </Tabs.Tab>
            <Tabs.Tab value="analytics" data-testid="tab-analytics">
              {t('library.tabs.analytics')}
            </Tabs.Tab>
          </Tabs.List>
        </Tabs>
      )}
      {tab === 'governance' ? <Governance /> : tab === 'analytics' ? <Analytics /> : <ContentList generation={gen} />}
      <AddContent opened={adding} onClose={() => setAdding(false)} onAdded={() => setGen((g) => g + 1)} />
    </Stack>
  );
}

interface Filters {
  kind: string | null;
  fileKind: string | null;
  stage: string | null;
  channel: string | null;
  product: string | null;
  audience: string | null;
  language: string | null;
  ownerId: number | null;
  tag: string | null;
  status: string | null;
}
const NO_FILTERS: Filters = {
  kind: null,
  fileKind: null,
  stage: null,
  channel: null,
  product: null,
  audience: null,
  language: null,
  ownerId: null,
  tag: null,
  status: null,
};

function ContentList({ generation }: { generation: number }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { session } = useSession();
  const isRep = session?.role === 'rep';
  const [query, setQuery] = useState('');
  const [q] = useDebouncedValue(query, 180);
  const [f, setF] = useState<Filters>(NO_FILTERS);
  const [showExpired, setShowExpired] = useState(true);
  const [sort, setSort] = useState<'relevance' | 'updated' | 'title' | 'validUntil'>('relevance');
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [bulk, setBulk] = useState(false);
  const [bump, setBump] = useState(0);
  const facets = useApi('library.facets', {});
  const input = { query: q, ...f, showExpired, sort } as Parameters<typeof usePagedList>[0];
  const list = usePagedList(input, generation + bump);
  const parent = useRef<HTMLDivElement>(null);
  const rowHeight = q.trim() ? 92 : 64;
  const virtualizer = useVirtualizer({
    count: list.total ?? 0,
    getScrollElement: () => parent.current,
    estimateSize: () => rowHeight,
    overscan: 8,
  });
  const items = virtualizer.getVirtualItems();
  for (const v of items) list.ensure(v.index);
  const set = <K extends keyof Filters>(k: K, v: Filters[K]) => setF((x) => ({ ...x, [k]: v }));
  const opt = (vals: readonly string[], prefix: string) => vals.map((v) => ({ value: v, label: t(dynamicKey(`${prefix}.${v}`)) }));
  const plain = (vals: string[] | undefined) => (vals ?? []).map((v) => ({ value: v, label: v }));
  const active = Object.values(f).some((v) => v != null) || query;
  type StringFilter = Exclude<keyof Filters, 'ownerId'>;
  const byKey = (k: StringFilter) => ({ value: f[k], onChange: (v: string | null) => set(k, v) });
  // the filter row, in order; a rep doesn't see the governance status filter
  const filterSelects: {
    label: string;
    w: number;
    data: { value: string; label: string }[];
    value: string | null;
    onChange: (v: string | null) => void;
    searchable?: boolean;
    testId?: string;
  }[] = [
    { label: t('library.filter.kind'), w: 130, data: opt(ITEM_KINDS, 'library.kind'), ...byKey('kind') },
    { label: t('library.filter.fileKind'), w: 130, data: opt(FILE_KINDS, 'library.fileKind'), ...byKey('fileKind') },
    { label: t('library.filter.stage'), w: 150, data: opt(FUNNEL_STAGES, 'library.stage'), ...byKey('stage'), testId: 'filter-stage' },
    { label: t('library.filter.channel'), w: 140, data: plain(facets.data?.channels), ...byKey('channel') },
    { label: t('library.filter.product'), w: 170, data: plain(facets.data?.products), ...byKey('product') },
    { label: t('library.filter.audience'), w: 150, data: plain(facets.data?.audiences), ...byKey('audience') },
    { label: t('library.filter.language'), w: 120, data: opt(CONTENT_LANGS, 'library.lang'), ...byKey('language') },
    {
      label: t('library.filter.tag'),
      w: 140,
      data: (facets.data?.tags ?? []).map((x) => ({ value: x.tag, label: `${x.tag} (${x.count})` })),
      searchable: true,
      ...byKey('tag'),
    },
    {
      label: t('library.filter.owner'),
      w: 160,
      data: (facets.data?.owners ?? []).map((o) => ({ value: String(o.id), label: o.name })),
      value: f.ownerId ? String(f.ownerId) : null,
      onChange: (v) => set('ownerId', v ? Number(v) : null),
    },
    ...(isRep
      ? []
      : [
          {
            label: t('library.filter.status'),
            w: 170,
            data: opt(['ok', 'verify_due', 'expired'], 'library.status'),
            ...byKey('status'),
            testId: 'filter-status',
          },
        ]),
  ];
  const toggle = (id: number) => setSelected((s) => (s.has(id) ? (s.delete(id), new Set(s)) : new Set(s.add(id))));

  return (
    <Stack gap="sm">
      <TextInput
        size="md"
        placeholder={t('library.searchPlaceholder')}
        leftSection={<IconSearch size={18} />}
        rightSection={list.total == null && q ? <Loader size="xs" /> : null}
        value={query}
        onChange={(e) => setQuery(e.currentTarget.value)}
        data-testid="library-search"
        autoFocus
      />
      <Group gap="xs" wrap="wrap">
        {filterSelects.map((x) => (
          <Select
            key={x.label}
            size="xs"
            w={x.w}
            placeholder={x.label}
            clearable
            searchable={x.searchable}
            data={x.data}
            value={x.value}
            onChange={x.onChange}
            aria-label={x.label}
            data-testid={x.testId}
          />
        ))}
        {active && (
          <Tooltip label={t('library.filter.clear')}>
            <ActionIcon variant="subtle" onClick={() => (setF(NO_FILTERS), setQuery(''))} aria-label={t('library.filter.clear')}>
              <IconFilterOff size={16} />
            </ActionIcon>
          </Tooltip>
        )}
      </Group>
      <Group justify="space-between">
        <Group gap="md">
          <Text size="sm" c="dimmed" data-testid="library-count">
            {list.total == null
              ? t('common.loading')
              : list.capped
                ? t('library.countCapped', { n: fmtNumber(list.total) })
                : t('library.count', { n: fmtNumber(list.total) })}
          </Text>
          {!isRep && (
            <Switch
              size="xs"
              label={t('library.showExpired')}
              checked={showExpired}
              onChange={(e) => setShowExpired(e.currentTarget.checked)}
              data-testid="show-expired"
            />
          )}
          {!isRep && selected.size > 0 && (
            <Button
              size="compact-sm"
              variant="light"
              leftSection={<IconTags size={14} />}
              onClick={() => setBulk(true)}
              data-testid="bulk-edit"
            >
              {t('library.bulk.button', { n: selected.size })}
            </Button>
          )}
        </Group>
        <Select
          size="xs"
          w={220}
          allowDeselect={false}
          data={(['relevance', 'updated', 'title', 'validUntil'] as const).map((s) => ({
            value: s,
            label: `${t('library.sort.label')}: ${t(`library.sort.${s}`)}`,
          }))}
          value={sort}
          onChange={(v) => v && setSort(v)}
          aria-label={t('library.sort.label')}
        />
      </Group>
      {list.error && <Text c="red">{list.error}</Text>}
      {list.total === 0 && (
        <Text c="dimmed" ta="center" py="xl" data-testid="library-empty">
          {active ? t('library.emptyFiltered') : isRep ? t('library.emptyRep') : t('library.empty')}
        </Text>
      )}
      <div
        ref={parent}
        style={{
          display: list.total === 0 ? 'none' : undefined,
          height: 'calc(100vh - 330px)',
          minHeight: 320,
          overflow: 'auto',
          border: '1px solid var(--mantine-color-gray-3)',
          borderRadius: 6,
        }}
        data-testid="library-list"
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((v) => {
            const r = list.rowAt(v.index);
            return (
              <div
                key={v.key}
                style={{ position: 'absolute', top: 0, left: 0, right: 0, height: v.size, transform: `translateY(${v.start}px)` }}
              >
                {r ? (
                  <Row
                    r={r}
                    isRep={isRep}
                    selected={selected.has(r.id)}
                    onToggle={() => toggle(r.id)}
                    onOpen={() => navigate(`/library/${r.id}`)}
                  />
                ) : (
                  <Skeleton height={v.size - 12} m={6} />
                )}
              </div>
            );
          })}
        </div>
      </div>
      <BulkEdit
        ids={[...selected]}
        opened={bulk}
        onClose={() => setBulk(false)}
        onDone={() => {
          setSelected(new Set());
          setBump((b) => b + 1);
        }}
      />
    </Stack>
  );
}

function Row({
  r,
  isRep,
  selected,
  onToggle,
  onOpen,
}: {
  r: LibraryListRow;
  isRep: boolean;
  selected: boolean;
  onToggle: () => void;
  onOpen: () => void;
}) {
  const { t } = useTranslation();
  const expired = r.status === 'expired';
  return (
    <Group
      wrap="nowrap"
      align="flex-start"
      gap="sm"
      px="sm"
      py={8}
      h="100%"
      style={{ borderBottom: '1px solid var(--mantine-color-gray-2)', background: selected ? 'var(--mantine-color-blue-0)' : undefined }}
      {...clickable(onOpen, r.title)}
      data-testid="library-row"
      data-status={r.status}
    >
      {!isRep && (
        <Checkbox
          checked={selected}
          onChange={onToggle}
          onClick={(e) => e.stopPropagation()}
          aria-label={t('library.bulk.select')}
          mt={3}
        />
      )}
      <div style={{ paddingTop: 2 }}>
        <KindIcon kind={r.kind} fileKind={r.fileKind} />
      </div>
      <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
        <Group gap={6} wrap="nowrap">
          <Highlighted segments={r.titleSegments} fallback={r.title} size="sm" lineClamp={1} />
          <StatusBadge status={r.status} validUntil={r.validUntil} />
          {r.extractStatus === 'failed' && (
            <Tooltip label={t('library.notSearchableHint')}>
              <Badge size="xs" color="orange" variant="outline">
                {t('library.notSearchable')}
              </Badge>
            </Tooltip>
          )}
        </Group>
        {r.snippet ? (
          <Group gap={4} wrap="nowrap" data-testid="row-snippet">
            {r.snippetFrom === 'text' && (
              <Badge size="xs" variant="default" style={{ flexShrink: 0 }}>
                {t('library.inFile')}
              </Badge>
            )}
            <Highlighted segments={r.snippet} fallback="" size="xs" c="dimmed" lineClamp={2} />
          </Group>
        ) : (
          <Text size="xs" c="dimmed" lineClamp={1}>
            {expired ? t('library.status.expiredReason', { date: fmtDate(r.validUntil) }) : r.description || r.fileName}
          </Text>
        )}
      </Stack>
      <Group gap={6} wrap="nowrap" style={{ flexShrink: 0 }} visibleFrom="md">
        {r.stage && (
          <Badge size="xs" variant="light" color="gray">
            {t(`library.stage.${r.stage}`)}
          </Badge>
        )}
        <Badge size="xs" variant="outline" color="gray">
          {r.language.toUpperCase()}
        </Badge>
        <Text size="xs" c="dimmed" w={130} truncate>
          {r.ownerName ?? '—'}
        </Text>
        <Text size="xs" c="dimmed" w={120} style={{ whiteSpace: 'nowrap' }}>
          {fmtDate(r.updatedAt)}
        </Text>
      </Group>
    </Group>
  );
}

function BulkEdit({ ids, opened, onClose, onDone }: { ids: number[]; opened: boolean; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [addTags, setAdd] = useState<string[]>([]);
  const [removeTags, setRemove] = useState<string[]>([]);
  const [owner, setOwner] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    try {
      const r = await api('library.bulkUpdate', { ids, addTags, removeTags, ...(owner ? { ownerId: owner } : {}) });
      notifications.show({ color: 'green', message: t('library.bulk.done', { n: r.updated }) });
      setAdd([]);
      setRemove([]);
      setOwner(null);
      onDone();
      onClose();
    } catch (e) {
      notifications.show({ color: 'red', message: errorText(t, e) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t('library.bulk.title', { n: ids.length })}>
      <Stack>
        <TagsInput label={t('library.bulk.addTags')} value={addTags} onChange={setAdd} data-testid="bulk-add-tags" />
        <TagsInput label={t('library.bulk.removeTags')} value={removeTags} onChange={setRemove} />
        <PersonPicker label={t('library.bulk.owner')} clearable value={owner} onChange={(id) => setOwner(id)} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('actions.cancel')}
          </Button>
          <Button
            onClick={() => void save()}
            loading={busy}
            disabled={!addTags.length && !removeTags.length && !owner}
            data-testid="bulk-save"
          >
            {t('library.bulk.apply')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
