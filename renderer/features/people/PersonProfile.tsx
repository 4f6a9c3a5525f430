import { Alert, Anchor, Badge, Button, Card, Drawer, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, useApi } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { fmtDate, personName } from '../../lib/format';
import { PERSON_PANELS } from './panels';
import { PersonForm } from './PersonForm';
import { AccessDenied } from '../access/AccessDenied';
import { useCan } from '../access/useCan';

export function PersonProfile() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const person = useApi('people.get', Number.isInteger(id) && id > 0 ? { id } : null);
  const [editing, setEditing] = useState(false);
  const can = useCan();
  const p = person.data;
  if (person.error?.code === 'forbidden') return <AccessDenied error={person.error} />;
  if (person.error) return <Alert color="red">{errorText(t, person.error)}</Alert>;
  if (!p) return null;

  const toggleActive = () => {
    const run = async () => {
      try {
        await api('people.setActive', { id: p.id, active: !p.active });
        notifications.show({ message: t(p.active ? 'people.deactivated' : 'people.reactivated', { name: personName(p) }) });
        person.reload();
      } catch (e) {
        notifications.show({ color: 'red', message: errorText(t, e) });
      }
    };
    if (!p.active) return void run();
    modals.openConfirmModal({
      title: t('people.deactivate'),
      children: <Text size="sm">{t('people.deactivateConfirm', { name: personName(p) })}</Text>,
      labels: { confirm: t('people.deactivate'), cancel: t('actions.cancel') },
      confirmProps: { color: 'red', 'data-testid': 'confirm-deactivate' },
      onConfirm: () => void run(),
    });
  };

  const panels = [...PERSON_PANELS].sort((a, b) => a.order - b.order);
  return (
    <Stack>
      <Anchor component={Link} to="/people" size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} /> {t('people.profile.back')}
        </Group>
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={2} data-testid="profile-name">
            {personName(p)}
          </Title>
          <Text c="dimmed">{[p.name, ...Object.values(p.names)].filter((n) => n && n !== personName(p)).join(' · ')}</Text>
          <Group gap={6} mt={6}>
            {p.roles.map((r) => (
              <Badge key={r} variant="light">
                {t(`roles.${r}`)}
              </Badge>
            ))}
            {!p.active && <Badge color="gray">{t('common.inactive')}</Badge>}
          </Group>
        </div>
        <Group>
          {can('people.update') && (
            <Button variant="default" onClick={() => setEditing(true)} data-testid="edit-person">
              {t('actions.edit')}
            </Button>
          )}
          {can('people.setActive') && (
            <Button variant="light" color={p.active ? 'red' : 'green'} onClick={toggleActive} data-testid="toggle-active">
              {p.active ? t('people.deactivate') : t('people.reactivate')}
            </Button>
          )}
        </Group>
      </Group>
      <Tabs defaultValue="details">
        <Tabs.List>
          <Tabs.Tab value="details">{t('people.profile.details')}</Tabs.Tab>
          {panels.map((panel) => (
            <Tabs.Tab key={panel.id} value={panel.id}>
              {t(panel.labelKey)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="details" pt="md">
          <Card withBorder maw={560}>
            <Stack gap={6}>
              <Text size="sm">
                <b>{t('people.col.email')}:</b> {p.email}
              </Text>
              <Text size="sm">
                <b>{t('people.col.team')}:</b> {p.teamName ?? t('people.noTeam')}
              </Text>
              <Text size="sm">
                <b>{t('people.col.hired')}:</b> {fmtDate(p.hiredAt)}
              </Text>
            </Stack>
          </Card>
        </Tabs.Panel>
        {panels.map((panel) => (
          <Tabs.Panel key={panel.id} value={panel.id} pt="md">
            <panel.element personId={p.id} />
          </Tabs.Panel>
        ))}
      </Tabs>
      <Drawer
        opened={editing}
        onClose={() => setEditing(false)}
        position="right"
        size="md"
        title={t('people.form.editTitle', { name: personName(p) })}
      >
        {editing && (
          <PersonForm
            person={p}
            onCancel={() => setEditing(false)}
            onSaved={() => {
              setEditing(false);
              person.reload();
            }}
          />
        )}
      </Drawer>
    </Stack>
  );
}
