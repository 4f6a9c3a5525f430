import { Badge, Button, Drawer, Group, Pagination, Select, Stack, Switch, Table, Tabs, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFileImport, IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useSearchParams } from 'react-router';
import { useNavigate } from '../../lib/navigate';
import { ROLES, type Person, type Role } from '../../../shared/api/people';
import { useApi } from '../../lib/api';
import { fmtDate, fmtNumber, personName } from '../../lib/format';
import { PersonForm } from './PersonForm';
import { PersonProfile } from './PersonProfile';
import { RosterImport } from './RosterImport';
import { useCan } from '../access/useCan';
import { TeamsPanel } from './TeamsPanel';
import { clickable } from '../../lib/clickable';

const PAGE = 50;

export function PeoplePage() {
  return (
    <Routes>
      <Route index element={<PeopleList />} />
      <Route path=":id" element={<PersonProfile />} />
    </Routes>
  );
}

function PeopleList() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'people';
  const [query, setQuery] = useState('');
  const [q] = useDebouncedValue(query, 150);
  const teamId = params.get('team') ? Number(params.get('team')) : null;
  const [role, setRole] = useState<Role | null>(null);
  const [includeInactive, setIncludeInactive] = useState(false);
  const [sort, setSort] = useState<'name' | 'team' | 'hiredAt' | 'updatedAt'>('name');
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<Person | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  const teams = useApi('teams.list', { includeEmpty: true });
  const list = useApi('people.list', { query: q, teamId, role, includeInactive, sort, offset: (page - 1) * PAGE, limit: PAGE });
  const total = list.data?.total ?? 0;
  const setTeam = (v: string | null) => {
    const next = new URLSearchParams(params);
    if (v) next.set('team', v);
    else next.delete('team');
    setParams(next);
    setPage(1);
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{t('people.title')}</Title>
          <Text c="dimmed" size="sm">
            {t('people.subtitle')}
          </Text>
        </div>
        <Group>
          {can('people.rosterImport') && (
            <Button
              variant="default"
              leftSection={<IconFileImport size={16} />}
              onClick={() => setImporting(true)}
              data-testid="import-roster"
            >
              {t('people.importRoster')}
            </Button>
          )}
          {can('people.create') && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')} data-testid="add-person">
              {t('people.add')}
            </Button>
          )}
        </Group>
      </Group>
      <Tabs value={tab} onChange={(v) => setParams(v === 'teams' ? { tab: 'teams' } : {})}>
        <Tabs.List>
          <Tabs.Tab value="people">{t('people.tabs.people')}</Tabs.Tab>
          <Tabs.Tab value="teams" data-testid="tab-teams">
            {t('people.tabs.teams')}
          </Tabs.Tab>
        </Tabs.List>
      </Tabs>
      {tab === 'teams' ? (
        <TeamsPanel />
      ) : (
        <>
          <Group gap="sm" wrap="wrap">
            <TextInput
              placeholder={t('people.search')}
              leftSection={<IconSearch size={16} />}
              value={query}
              onChange={(e) => {
                setQuery(e.currentTarget.value);
                setPage(1);
              }}
              w={320}
              data-testid="people-search"
            />
            <Select
              placeholder={t('people.allTeams')}
              clearable
              data={(teams.data ?? []).map((tm) => ({ value: String(tm.id), label: tm.name }))}
              value={teamId ? String(teamId) : null}
              onChange={setTeam}
              w={180}
              aria-label={t('people.col.team')}
            />
            <Select
              placeholder={t('people.allRoles')}
              clearable
              data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
              value={role}
              onChange={(v) => {
                setRole(v);
                setPage(1);
              }}
              w={160}
              aria-label={t('people.col.roles')}
            />
            <Select
              aria-label={t('people.sort.label')}
              data={(['name', 'team', 'hiredAt', 'updatedAt'] as const).map((s) => ({
                value: s,
                label: `${t('people.sort.label')}: ${t(`people.sort.${s}`)}`,
              }))}
              value={sort}
              allowDeselect={false}
              onChange={(v) => v && setSort(v)}
              w={220}
            />
            <Switch
              label={t('people.showInactive')}
              checked={includeInactive}
              onChange={(e) => setIncludeInactive(e.currentTarget.checked)}
            />
          </Group>
          <Table striped highlightOnHover stickyHeader verticalSpacing={6} data-testid="people-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('people.col.name')}</Table.Th>
                <Table.Th>{t('people.col.email')}</Table.Th>
                <Table.Th>{t('people.col.team')}</Table.Th>
                <Table.Th>{t('people.col.roles')}</Table.Th>
                <Table.Th>{t('people.col.hired')}</Table.Th>
                <Table.Th>{t('people.col.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(list.data?.rows ?? []).map((p) => (
                <Table.Tr key={p.id} style={{ opacity: p.active ? 1 : 0.8 }} {...clickable(() => navigate(`/people/${p.id}`))}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {personName(p)}
                    </Text>
                    {personName(p) !== p.name && (
                      <Text size="xs" c="dimmed">
                        {p.name}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{p.email}</Text>
                  </Table.Td>
                  <Table.Td>{p.teamName ?? <Text c="dimmed">—</Text>}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {p.roles.map((r) => (
                        <Badge
                          key={r}
                          size="sm"
                          variant="light"
                          color={r === 'rep' ? 'blue' : r === 'manager' ? 'grape' : r === 'trainer' ? 'teal' : 'gray'}
                        >
                          {t(`roles.${r}`)}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td>{fmtDate(p.hiredAt)}</Table.Td>
                  <Table.Td>
                    <Badge size="sm" color={p.active ? 'green' : 'gray'} variant="dot">
                      {p.active ? t('common.active') : t('common.inactive')}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {!list.loading && total === 0 && (
            <Text c="dimmed" ta="center" py="lg">
              {t('people.empty')}
            </Text>
          )}
          <Group justify="space-between">
            <Text size="sm" c="dimmed" data-testid="people-count">
              {total > 0 &&
                t('common.showing', {
                  from: fmtNumber((page - 1) * PAGE + 1),
                  to: fmtNumber(Math.min(page * PAGE, total)),
                  total: fmtNumber(total),
                })}
            </Text>
            {total > PAGE && <Pagination total={Math.ceil(total / PAGE)} value={page} onChange={setPage} size="sm" />}
          </Group>
        </>
      )}
      <Drawer
        opened={editing !== null}
        onClose={() => setEditing(null)}
        position="right"
        size="md"
        title={editing === 'new' ? t('people.form.createTitle') : editing ? t('people.form.editTitle', { name: editing.name }) : ''}
      >
        {editing !== null && (
          <PersonForm
            person={editing === 'new' ? null : editing}
            onCancel={() => setEditing(null)}
            onSaved={() => {
              setEditing(null);
              list.reload();
              teams.reload();
            }}
          />
        )}
      </Drawer>
      <RosterImport
        opened={importing}
        onClose={() => setImporting(false)}
        onDone={() => {
          list.reload();
          teams.reload();
        }}
      />
    </Stack>
  );
}
