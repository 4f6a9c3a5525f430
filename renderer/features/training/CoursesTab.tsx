/** The course catalogue: search, status filter, paging; trainers create and edit, reps open to learn. */
import { Badge, Button, Group, Modal, Pagination, SegmentedControl, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from '../../lib/navigate';
import { useApi } from '../../lib/api';
import { fmtDate, localName } from '../../lib/format';
import { CourseForm } from './CourseForm';
import { clickable } from '../../lib/clickable';

const PAGE = 25;

export function CoursesTab({ readOnly }: { readOnly: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const [q] = useDebouncedValue(query, 200);
  const [status, setStatus] = useState<'active' | 'draft' | 'published' | 'archived'>(readOnly ? 'published' : 'active');
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const list = useApi('training.courses.list', { query: q, status, offset: (page - 1) * PAGE, limit: PAGE });
  const model = useApi('competencies.model', { includeArchived: true });
  const compName = (id: number) => localName(model.data?.competencies.find((c) => c.id === id));
  return (
    <Stack>
      <Group justify="space-between">
        <Group>
          <TextInput
            leftSection={<IconSearch size={14} />}
            placeholder={t('training.courses.search')}
            value={query}
            onChange={(e) => {
              setQuery(e.currentTarget.value);
              setPage(1);
            }}
            w={320}
            data-testid="course-search"
          />
          {!readOnly && (
            <SegmentedControl
              size="xs"
              value={status}
              onChange={(v) => {
                setStatus(v);
                setPage(1);
              }}
              data={(['active', 'published', 'draft', 'archived'] as const).map((s) => ({
                value: s,
                label: t(`training.courseStatus.${s}`),
              }))}
            />
          )}
        </Group>
        {!readOnly && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)} data-testid="new-course">
            {t('training.courses.new')}
          </Button>
        )}
      </Group>
      <Table highlightOnHover data-testid="course-list">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('training.course')}</Table.Th>
            <Table.Th>{t('training.form.competencies')}</Table.Th>
            <Table.Th ta="right">{t('training.courses.content')}</Table.Th>
            <Table.Th ta="right">{t('training.courses.completed')}</Table.Th>
            <Table.Th>{t('training.courses.status')}</Table.Th>
            <Table.Th>{t('training.courses.updated')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(list.data?.rows ?? []).map((c) => (
            <Table.Tr
              key={c.id}
              {...clickable(() => navigate(readOnly ? `/training/learn/${c.id}` : `/training/courses/${c.id}`), c.title)}
              data-testid="course-row"
            >
              <Table.Td>
                <Text size="sm" fw={500}>
                  {c.title}
                </Text>
                <Text size="xs" c="dimmed" lineClamp={1}>
                  {c.language.toUpperCase()} · {c.description}
                </Text>
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {c.competencyIds.map((id) => (
                    <Badge key={id} size="xs" variant="outline">
                      {compName(id)}
                    </Badge>
                  ))}
                </Group>
              </Table.Td>
              <Table.Td ta="right">
                <Text size="xs">{t('training.courses.counts', { lessons: c.lessonCount, quizzes: c.quizCount })}</Text>
              </Table.Td>
              <Table.Td ta="right">
                <Text size="xs" data-testid={`course-counts-${c.id}`}>
                  {c.completedCount}/{c.assignedCount}
                </Text>
              </Table.Td>
              <Table.Td>
                <Badge size="sm" variant="light" color={c.status === 'published' ? 'green' : c.status === 'draft' ? 'yellow' : 'gray'}>
                  {t(`training.courseStatus.${c.status}`)}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Text size="xs">{fmtDate(c.updatedAt)}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {list.data && !list.data.total && <Text c="dimmed">{t(q ? 'training.courses.noMatch' : 'training.courses.empty')}</Text>}
      {(list.data?.total ?? 0) > PAGE && <Pagination total={Math.ceil((list.data?.total ?? 0) / PAGE)} value={page} onChange={setPage} />}
      <Modal opened={creating} onClose={() => setCreating(false)} title={t('training.courses.new')} size="lg">
        <CourseForm onCancel={() => setCreating(false)} onSaved={(c) => navigate(`/training/courses/${c.id}`)} />
      </Modal>
    </Stack>
  );
}
