/** Scripts: the list (managers: all, with drafts; reps: published), the objection bank, the editor. */
import {
  ActionIcon,
  Badge,
  Button,
  FileButton,
  Group,
  Pagination,
  SegmentedControl,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconFileImport, IconPin, IconPinFilled, IconPlayerPlay, IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useSearchParams } from 'react-router';
import { useNavigate } from '../../lib/navigate';
import type { ScriptLanguage } from '../../../shared/api/scripts';
import { api, useApi } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { fmtDateTime, fmtNumber } from '../../lib/format';
import { useSession } from '../../app/session';
import { ObjectionBank } from './ObjectionBank';
import { SynonymsEditor } from './Synonyms';
import { ScriptEditor } from './ScriptEditor';
import { LanguageFilter } from './LanguageFilter';
import { clickable } from '../../lib/clickable';
import { downloadText } from '../../lib/download';

const PAGE = 50;

export function ScriptsPage() {
  return (
    <Routes>
      <Route index element={<ScriptsHome />} />
      <Route path=":id" element={<ScriptEditor />} />
    </Routes>
  );
}

export const useIsRep = () => useSession().session?.role === 'rep';

function ScriptsHome() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'scripts';
  return (
    <Stack gap="md">
      <div>
        <Title order={2}>{t('scripts.title')}</Title>
        <Text c="dimmed" size="sm">
          {t('scripts.subtitle')}
        </Text>
      </div>
      <Tabs value={tab} onChange={(v) => setParams(v === 'objections' || v === 'synonyms' ? { tab: v } : {})} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="scripts" data-testid="tab-scripts">
            {t('scripts.tabs.scripts')}
          </Tabs.Tab>
          <Tabs.Tab value="objections" data-testid="tab-objections">
            {t('scripts.tabs.objections')}
          </Tabs.Tab>
          <Tabs.Tab value="synonyms" data-testid="tab-synonyms">
            {t('scripts.tabs.synonyms')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="scripts" pt="md">
          <ScriptList />
        </Tabs.Panel>
        <Tabs.Panel value="objections" pt="md">
          <ObjectionBank />
        </Tabs.Panel>
        <Tabs.Panel value="synonyms" pt="md">
          <SynonymsEditor />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

export const statusColor = { draft: 'gray', published: 'green', changed: 'orange' } as const;

function ScriptList() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const rep = useIsRep();
  const [query, setQuery] = useState('');
  const [q] = useDebouncedValue(query, 150);
  const [language, setLanguage] = useState<ScriptLanguage | null>(null);
  const [status, setStatus] = useState<'all' | 'draft' | 'published'>('all');
  const [page, setPage] = useState(1);
  const list = useApi('scripts.list', { query: q, language, status: rep ? 'published' : status, offset: (page - 1) * PAGE, limit: PAGE });
  const total = list.data?.total ?? 0;

  const importFile = async (file: File | null) => {
    if (!file) return;
    try {
      if (file.size > 10 * 1048576) throw new Error(t('scripts.import.tooLarge'));
      const res = await api('scripts.import', { fileName: file.name, text: await file.text() });
      notifications.show({
        color: 'green',
        message: t('scripts.import.done', { count: res.scripts.length, created: res.objectionsCreated, reused: res.objectionsReused }),
      });
      list.reload();
    } catch (e) {
      notifications.show({
        color: 'red',
        title: t('scripts.import.failed', { name: file.name }),
        message: errorText(t, e),
        autoClose: false,
      });
    }
  };
  const exportAll = async () => {
    try {
      const f = await api('scripts.exportLibrary', {});
      downloadText(f.fileName, f.text, 'application/json');
    } catch (e) {
      notifications.show({ color: 'red', message: errorText(t, e) });
    }
  };
  const togglePin = async (id: number, pinned: boolean) => {
    try {
      await api('scripts.pin', { id, pinned });
      list.reload();
    } catch (e) {
      notifications.show({ color: 'red', message: errorText(t, e) });
    }
  };

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Group>
          <TextInput
            leftSection={<IconSearch size={16} />}
            placeholder={t('scripts.search')}
            value={query}
            onChange={(e) => {
              setQuery(e.currentTarget.value);
              setPage(1);
            }}
            w={280}
            data-testid="scripts-search"
          />
          <LanguageFilter value={language} onChange={setLanguage} />
          {!rep && (
            <SegmentedControl
              size="xs"
              value={status}
              onChange={(v) => setStatus(v)}
              data={[
                { value: 'all', label: t('scripts.filter.all') },
                { value: 'published', label: t('scripts.filter.published') },
                { value: 'draft', label: t('scripts.filter.draft') },
              ]}
            />
          )}
        </Group>
        <Group>
          <Button variant="light" leftSection={<IconPlayerPlay size={16} />} onClick={() => navigate('/live')} data-testid="scripts-live">
            {t('scripts.startLive')}
          </Button>
          {!rep && (
            <>
              <FileButton onChange={(f) => void importFile(f)} accept=".json,.md,application/json,text/markdown">
                {(props) => (
                  <Button variant="default" leftSection={<IconFileImport size={16} />} {...props} data-testid="scripts-import">
                    {t('scripts.import.button')}
                  </Button>
                )}
              </FileButton>
              <Button
                variant="default"
                leftSection={<IconDownload size={16} />}
                onClick={() => void exportAll()}
                data-testid="scripts-export-all"
              >
                {t('scripts.exportAll')}
              </Button>
              <Button leftSection={<IconPlus size={16} />} onClick={() => navigate('/scripts/new')} data-testid="scripts-new">
                {t('scripts.new')}
              </Button>
            </>
          )}
        </Group>
      </Group>
      {list.error && <Text c="red">{errorText(t, list.error)}</Text>}
      <Table highlightOnHover stickyHeader data-testid="scripts-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={40} />
            <Table.Th>{t('scripts.col.title')}</Table.Th>
            <Table.Th>{t('scripts.col.language')}</Table.Th>
            <Table.Th>{t('scripts.col.tags')}</Table.Th>
            <Table.Th>{t('scripts.col.steps')}</Table.Th>
            {!rep && <Table.Th>{t('scripts.col.status')}</Table.Th>}
            <Table.Th>{t('scripts.col.updated')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(list.data?.rows ?? []).map((s) => (
            <Table.Tr
              key={s.id}
              {...clickable(() => navigate(rep ? `/live?script=${s.id}` : `/scripts/${s.id}`))}
              data-testid={`script-row-${s.id}`}
            >
              <Table.Td onClick={(e) => e.stopPropagation()}>
                <Tooltip label={s.pinned ? t('scripts.unpin') : t('scripts.pin')}>
                  <ActionIcon
                    variant="subtle"
                    aria-label={s.pinned ? t('scripts.unpin') : t('scripts.pin')}
                    onClick={() => void togglePin(s.id, !s.pinned)}
                  >
                    {s.pinned ? <IconPinFilled size={16} /> : <IconPin size={16} />}
                  </ActionIcon>
                </Tooltip>
              </Table.Td>
              <Table.Td fw={500}>{s.title}</Table.Td>
              <Table.Td>{t(`scripts.lang.${s.language}`)}</Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {[
                    ...s.tags.products,
                    ...s.tags.channels.map((c) => t(`scripts.channel.${c}`)),
                    ...s.tags.segments.map((c) => t(`scripts.segment.${c}`)),
                  ]
                    .slice(0, 5)
                    .map((x) => (
                      <Badge key={x} size="xs" variant="light" color="gray">
                        {x}
                      </Badge>
                    ))}
                </Group>
              </Table.Td>
              <Table.Td>{fmtNumber(s.stepCount)}</Table.Td>
              {!rep && (
                <Table.Td>
                  <Badge color={statusColor[s.status]} variant="light">
                    {t(`scripts.status.${s.status}`)}
                  </Badge>
                </Table.Td>
              )}
              <Table.Td>
                <Text size="sm">{fmtDateTime(s.updatedAt)}</Text>
                {s.updatedBy && (
                  <Text size="xs" c="dimmed">
                    {s.updatedBy}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {list.data && !list.data.rows.length && <Text c="dimmed">{rep ? t('scripts.emptyRep') : t('scripts.empty')}</Text>}
      {total > PAGE && <Pagination value={page} onChange={setPage} total={Math.ceil(total / PAGE)} />}
    </Stack>
  );
}
