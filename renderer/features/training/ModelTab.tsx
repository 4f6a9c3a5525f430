/** The competency model: competencies with names, descriptions and five level descriptors per UI language, and role targets, all editable. */
import {
  Badge,
  Button,
  Card,
  Drawer,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Competency, LocalizedText } from '../../../shared/api/training';
import { api, useApi } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { LANGUAGES } from '../../app/i18n';
import { localName } from '../../lib/format';
import { l3 } from './util';

export function ModelTab() {
  const { t } = useTranslation();
  const [showArchived, setShowArchived] = useState(false);
  const m = useApi('competencies.model', { includeArchived: showArchived });
  const [editing, setEditing] = useState<Competency | 'new' | null>(null);
  const setTarget = async (jobRoleId: number, competencyId: number, v: string | null) => {
    try {
      await api('competencies.setTarget', { jobRoleId, competencyId, level: v ? Number(v) : null });
      m.reload();
    } catch (e) {
      notifications.show({ color: 'red', message: errorText(t, e) });
    }
  };
  const data = m.data;
  return (
    <Stack data-testid="competency-model">
      <Group justify="space-between">
        <Text size="sm" c="dimmed" maw={760}>
          {t('training.model.intro')}
        </Text>
        <Group>
          <Switch
            label={t('training.model.showArchived')}
            checked={showArchived}
            onChange={(e) => setShowArchived(e.currentTarget.checked)}
          />
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
            {t('training.model.add')}
          </Button>
        </Group>
      </Group>
      <Table withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('training.model.competency')}</Table.Th>
            {(data?.jobRoles ?? []).map((r) => (
              <Table.Th key={r.id} w={150}>
                {localName(r)}
                <Text size="xs" c="dimmed">
                  {t('training.model.people', { count: r.memberCount })}
                </Text>
              </Table.Th>
            ))}
            <Table.Th w={90} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(data?.competencies ?? []).map((c) => (
            <Table.Tr key={c.id} data-testid={`competency-${c.key}`}>
              <Table.Td>
                <Group gap="xs">
                  <Text fw={500} size="sm">
                    {localName(c)}
                  </Text>
                  {c.archived && <Badge color="gray">{t('training.courseStatus.archived')}</Badge>}
                </Group>
                <Text size="xs" c="dimmed">
                  {l3(c.description)}
                </Text>
              </Table.Td>
              {(data?.jobRoles ?? []).map((r) => (
                <Table.Td key={r.id}>
                  <Select
                    size="xs"
                    clearable
                    placeholder="—"
                    data={[1, 2, 3, 4, 5].map((l) => ({ value: String(l), label: t('training.model.level', { n: l }) }))}
                    value={data?.targets[`${r.id}:${c.id}`] ? String(data.targets[`${r.id}:${c.id}`]) : null}
                    onChange={(v) => void setTarget(r.id, c.id, v)}
                    aria-label={`${localName(c)} · ${localName(r)}`}
                  />
                </Table.Td>
              ))}
              <Table.Td>
                <Button size="compact-xs" variant="subtle" onClick={() => setEditing(c)} data-testid={`edit-competency-${c.key}`}>
                  {t('actions.edit')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Drawer
        opened={!!editing}
        onClose={() => setEditing(null)}
        position="right"
        size="xl"
        title={editing === 'new' ? t('training.model.add') : editing ? localName(editing) : ''}
      >
        {editing && (
          <CompetencyForm
            competency={editing === 'new' ? null : editing}
            onSaved={() => {
              setEditing(null);
              m.reload();
            }}
          />
        )}
      </Drawer>
    </Stack>
  );
}

function CompetencyForm({ competency, onSaved }: { competency: Competency | null; onSaved: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(competency?.name ?? '');
  const [names, setNames] = useState<Record<string, string>>(competency?.names ?? {});
  const [description, setDescription] = useState<LocalizedText>(competency?.description ?? {});
  const [levels, setLevels] = useState<LocalizedText[]>(competency?.levels ?? Array.from({ length: 5 }, () => ({})));
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    try {
      const data = { name, names, description, levels };
      if (competency) await api('competencies.update', { id: competency.id, data });
      else await api('competencies.create', data);
      notifications.show({ message: t('training.saved') });
      onSaved();
    } catch (e) {
      notifications.show({ color: 'red', message: errorText(t, e) });
    } finally {
      setBusy(false);
    }
  };
  // one field per UI language (a new language in LANGUAGES gets its fields)
  const langs = LANGUAGES.map((l) => l.code);
  return (
    <Stack data-testid="competency-form">
      <SimpleGrid cols={LANGUAGES.length}>
        {/* the main (English) name, then one per other UI language (a new language in LANGUAGES gets its field) */}
        <TextInput
          label={`${t('training.model.name')} (EN)`}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          required
          data-testid="competency-name"
        />
        {LANGUAGES.filter((l) => l.code !== 'en').map(({ code }) => (
          <TextInput
            key={code}
            label={`${t('training.model.name')} (${code.toUpperCase()})`}
            value={names[code] ?? ''}
            onChange={(e) => setNames({ ...names, [code]: e.currentTarget.value })}
            data-testid={`competency-name-${code}`}
          />
        ))}
      </SimpleGrid>
      <SimpleGrid cols={langs.length}>
        {langs.map((l) => (
          <Textarea
            key={l}
            autosize
            minRows={2}
            label={`${t('training.form.description')} (${l.toUpperCase()})`}
            value={description[l] ?? ''}
            onChange={(e) => setDescription({ ...description, [l]: e.currentTarget.value })}
          />
        ))}
      </SimpleGrid>
      <Title order={5}>{t('training.model.levels')}</Title>
      {levels.map((lv, i) => (
        <Card withBorder key={i} padding="xs">
          <Text size="sm" fw={600} mb={4}>
            {t('training.model.level', { n: i + 1 })}
          </Text>
          <SimpleGrid cols={langs.length}>
            {langs.map((l) => (
              <Textarea
                aria-label={`${t('training.model.level', { n: i + 1 })} · ${l.toUpperCase()}`}
                key={l}
                autosize
                minRows={2}
                size="xs"
                placeholder={l.toUpperCase()}
                value={lv[l] ?? ''}
                onChange={(e) => {
                  const v = e.currentTarget.value;
                  setLevels(levels.map((x, j) => (j === i ? { ...x, [l]: v } : x)));
                }}
                data-testid={`level-${i + 1}-${l}`}
              />
            ))}
          </SimpleGrid>
        </Card>
      ))}
      <Group justify="space-between">
        {competency ? (
          <Button
            variant="subtle"
            color={competency.archived ? 'green' : 'gray'}
            onClick={() =>
              void api('competencies.setArchived', { id: competency.id, archived: !competency.archived })
                .then(onSaved)
                .catch((e: unknown) => notifications.show({ color: 'red', message: errorText(t, e) }))
            }
          >
            {competency.archived ? t('training.model.restore') : t('training.model.archive')}
          </Button>
        ) : (
          <span />
        )}
        <Button onClick={() => void save()} loading={busy} disabled={!name.trim()} data-testid="competency-save">
          {t('actions.save')}
        </Button>
      </Group>
    </Stack>
  );
}
