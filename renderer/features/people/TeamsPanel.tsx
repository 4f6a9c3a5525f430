import { Alert, Button, Group, Modal, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Team } from '../../../shared/api/people';
import { api, useApi } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { PersonPicker } from '../../app/PersonPicker';
import { fireAndForget } from '../../lib/events';

export function TeamsPanel() {
  const { t } = useTranslation();
  const teams = useApi('teams.list', { includeEmpty: true });
  const [editing, setEditing] = useState<Team | 'new' | null>(null);
  const managers = useApi('people.list', {
    query: '',
    role: 'manager',
    teamId: null,
    includeInactive: false,
    sort: 'name',
    offset: 0,
    limit: 200,
  });
  const managerName = (id: number | null) => managers.data?.rows.find((m) => m.id === id)?.name ?? t('people.teams.noManager');

  const remove = (tm: Team) =>
    modals.openConfirmModal({
      title: t('actions.delete'),
      children: <Text size="sm">{t('people.teams.removeConfirm', { name: tm.name })}</Text>,
      labels: { confirm: t('actions.delete'), cancel: t('actions.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: fireAndForget(async () => {
        try {
          await api('teams.remove', { id: tm.id });
          notifications.show({ message: t('people.teams.removed') });
          teams.reload();
        } catch (e) {
          notifications.show({ color: 'red', message: errorText(t, e) });
        }
      }),
    });

  return (
    <Stack>
      <Group justify="flex-end">
        <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')} data-testid="add-team">
          {t('people.teams.add')}
        </Button>
      </Group>
      {teams.data?.length === 0 && <Text c="dimmed">{t('people.teams.empty')}</Text>}
      <Table striped data-testid="teams-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('people.teams.name')}</Table.Th>
            <Table.Th>{t('people.teams.description')}</Table.Th>
            <Table.Th>{t('people.teams.manager')}</Table.Th>
            <Table.Th>{t('people.teams.members')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(teams.data ?? []).map((tm) => (
            <Table.Tr key={tm.id}>
              <Table.Td fw={500}>{tm.name}</Table.Td>
              <Table.Td>
                <Text size="sm" c="dimmed">
                  {tm.description}
                </Text>
              </Table.Td>
              <Table.Td>{managerName(tm.managerId)}</Table.Td>
              <Table.Td>{tm.memberCount}</Table.Td>
              <Table.Td>
                <Group gap="xs" justify="flex-end">
                  <Button size="xs" variant="subtle" onClick={() => setEditing(tm)}>
                    {t('actions.edit')}
                  </Button>
                  <Button size="xs" variant="subtle" color="red" onClick={() => remove(tm)}>
                    {t('actions.delete')}
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? t('people.teams.add') : t('actions.edit')}
      >
        {editing !== null && (
          <TeamForm
            team={editing === 'new' ? null : editing}
            onDone={() => {
              setEditing(null);
              teams.reload();
            }}
          />
        )}
      </Modal>
    </Stack>
  );
}

function TeamForm({ team, onDone }: { team: Team | null; onDone: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(team?.name ?? '');
  const [description, setDescription] = useState(team?.description ?? '');
  const [managerId, setManagerId] = useState<number | null>(team?.managerId ?? null);
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    try {
      const data = { name, description, managerId };
      if (team) await api('teams.update', { id: team.id, data });
      else await api('teams.create', data);
      onDone();
    } catch (e) {
      setError(errorText(t, e));
    }
  };
  return (
    <Stack>
      {error && <Alert color="red">{error}</Alert>}
      <TextInput
        label={t('people.teams.name')}
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        required
        data-testid="team-name"
      />
      <Textarea label={t('people.teams.description')} value={description} onChange={(e) => setDescription(e.currentTarget.value)} />
      <PersonPicker
        label={t('people.teams.manager')}
        roleFilter="manager"
        value={managerId}
        onChange={(id) => setManagerId(id)}
        clearable
      />
      <Group justify="flex-end">
        <Button onClick={fireAndForget(save)} data-testid="team-save">
          {t('actions.save')}
        </Button>
      </Group>
    </Stack>
  );
}
