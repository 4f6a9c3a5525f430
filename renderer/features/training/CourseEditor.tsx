/** The trainer's course editor: details, modules, lessons and quizzes; publish, archive, delete (archives when there is history). */
import { Alert, Anchor, Badge, Button, Card, Drawer, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconBook, IconListCheck, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useNavigate } from '../../lib/navigate';
import type { CourseDetail, CourseItem } from '../../../shared/api/training';
import { api, useApi } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { CourseForm } from './CourseForm';
import { ItemEditor } from './ItemEditor';
import { ItemAnalysisModal } from './ItemAnalysis';
import { PlanForm } from './PlanForm';
import { localName } from '../../lib/format';

export function CourseEditor() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const q = useApi('training.courses.get', Number.isInteger(id) && id > 0 ? { id } : null);
  const [course, setCourse] = useState<CourseDetail | null>(null);
  const [editing, setEditing] = useState<{ moduleId: number; item: CourseItem | null; kind: 'lesson' | 'quiz' } | null>(null);
  const [details, setDetails] = useState(false);
  const [assigning, setAssigning] = useState(false);
  const [newModule, setNewModule] = useState('');
  const model = useApi('competencies.model', { includeArchived: true });
  const [analysis, setAnalysis] = useState<number | null>(null);
  const c = course && course.id === id ? course : q.data;
  if (q.error) return <Alert color="red">{errorText(t, q.error)}</Alert>;
  if (!c) return null;
  const run = async (fn: () => Promise<CourseDetail>, msg?: string) => {
    try {
      setCourse(await fn());
      if (msg) notifications.show({ message: msg });
    } catch (e) {
      notifications.show({ color: 'red', message: errorText(t, e) });
    }
  };
  const remove = () =>
    modals.openConfirmModal({
      title: t('training.editor.delete'),
      children: (
        <Text size="sm">
          {t(c.hasAttempts || c.assignedCount ? 'training.editor.deleteArchives' : 'training.editor.deleteConfirm', { title: c.title })}
        </Text>
      ),
      labels: { confirm: t('training.editor.delete'), cancel: t('actions.cancel') },
      confirmProps: { color: 'red', 'data-testid': 'confirm-delete-course' },
      onConfirm: () =>
        void api('training.courses.remove', { id: c.id })
          .then((r) => {
            notifications.show({
              message: r.archived
                ? t('training.editor.archivedInstead', { title: c.title })
                : t('training.editor.deleted', { title: c.title }),
            });
            navigate('/training?tab=courses');
          })
          .catch((e: unknown) => notifications.show({ color: 'red', message: errorText(t, e) })),
    });
  return (
    <Stack data-testid="course-editor">
      <Anchor component={Link} to="/training?tab=courses" size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} /> {t('training.editor.back')}
        </Group>
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <div>
          <Group gap="xs">
            <Title order={2}>{c.title}</Title>
            <Badge
              variant="light"
              color={c.status === 'published' ? 'green' : c.status === 'draft' ? 'yellow' : 'gray'}
              data-testid="course-status"
            >
              {t(`training.courseStatus.${c.status}`)}
            </Badge>
          </Group>
          <Text c="dimmed" size="sm" maw={720}>
            {c.description}
          </Text>
          <Group gap={4} mt={4}>
            <Badge size="xs" variant="default">
              {c.language.toUpperCase()}
            </Badge>
            {c.competencyIds.map((cid) => (
              <Badge key={cid} size="xs" variant="outline" data-testid="course-competency">
                {localName(model.data?.competencies.find((x) => x.id === cid))}
              </Badge>
            ))}
          </Group>
        </div>
        <Group>
          <Button variant="default" onClick={() => setDetails(true)}>
            {t('training.editor.details')}
          </Button>
          <Button variant="default" component={Link} to={`/training/learn/${c.id}`}>
            {t('training.editor.preview')}
          </Button>
          {c.status !== 'published' && (
            <Button
              color="green"
              onClick={() =>
                void run(() => api('training.courses.setStatus', { id: c.id, status: 'published' }), t('training.editor.published'))
              }
              data-testid="publish-course"
            >
              {t('training.editor.publish')}
            </Button>
          )}
          {c.status === 'published' && (
            <Button onClick={() => setAssigning(true)} data-testid="assign-course">
              {t('training.editor.assign')}
            </Button>
          )}
          {c.status === 'published' && (
            <Button
              variant="light"
              color="gray"
              onClick={() =>
                void run(() => api('training.courses.setStatus', { id: c.id, status: 'archived' }), t('training.editor.archived'))
              }
            >
              {t('training.editor.archive')}
            </Button>
          )}
          <Button variant="light" color="red" onClick={remove} data-testid="delete-course">
            {t('training.editor.delete')}
          </Button>
        </Group>
      </Group>
      {c.modules.map((m) => (
        <Card withBorder key={m.id} data-testid="module">
          <Group justify="space-between" mb="xs">
            <Title order={5}>{m.title}</Title>
            <Group gap="xs">
              <Button
                size="xs"
                variant="light"
                leftSection={<IconBook size={14} />}
                onClick={() => setEditing({ moduleId: m.id, item: null, kind: 'lesson' })}
                data-testid="add-lesson"
              >
                {t('training.editor.addLesson')}
              </Button>
              <Button
                size="xs"
                variant="light"
                leftSection={<IconListCheck size={14} />}
                onClick={() => setEditing({ moduleId: m.id, item: null, kind: 'quiz' })}
                data-testid="add-quiz"
              >
                {t('training.editor.addQuiz')}
              </Button>
              {!m.items.length && (
                <Button size="xs" variant="subtle" color="red" onClick={() => void run(() => api('training.modules.remove', { id: m.id }))}>
                  {t('training.editor.removeModule')}
                </Button>
              )}
            </Group>
          </Group>
          {!m.items.length && (
            <Text size="sm" c="dimmed">
              {t('training.editor.emptyModule')}
            </Text>
          )}
          <Stack gap={4}>
            {m.items.map((it) => (
              <Group key={it.id} justify="space-between" p={6} style={{ borderRadius: 6, background: 'var(--mantine-color-gray-0)' }}>
                <Group gap="xs">
                  {it.kind === 'lesson' ? <IconBook size={16} /> : <IconListCheck size={16} />}
                  <Text size="sm">{it.title}</Text>
                  {it.kind === 'quiz' && (
                    <Text size="xs" c="dimmed">
                      {t('training.editor.quizMeta', {
                        count: it.questions.length,
                        pass: it.passMark,
                        attempts: it.attemptsAllowed || '∞',
                      })}
                    </Text>
                  )}
                </Group>
                <Group gap={4}>
                  {it.kind === 'quiz' && (
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      color="gray"
                      onClick={() => setAnalysis(it.id)}
                      data-testid={`analysis-${it.id}`}
                    >
                      {t('training.editor.analysis')}
                    </Button>
                  )}
                  <Button size="compact-xs" variant="subtle" onClick={() => setEditing({ moduleId: m.id, item: it, kind: it.kind })}>
                    {t('actions.edit')}
                  </Button>
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    color="red"
                    onClick={() => void run(() => api('training.items.remove', { id: it.id }))}
                  >
                    {t('training.editor.remove')}
                  </Button>
                </Group>
              </Group>
            ))}
          </Stack>
        </Card>
      ))}
      <Group>
        <TextInput
          placeholder={t('training.editor.moduleTitle')}
          value={newModule}
          onChange={(e) => setNewModule(e.currentTarget.value)}
          w={320}
        />
        <Button
          variant="default"
          leftSection={<IconPlus size={14} />}
          disabled={!newModule.trim()}
          onClick={() => void run(() => api('training.modules.save', { courseId: c.id, title: newModule })).then(() => setNewModule(''))}
        >
          {t('training.editor.addModule')}
        </Button>
      </Group>
      <Drawer
        opened={!!editing}
        onClose={() => setEditing(null)}
        position="right"
        size="xl"
        title={editing?.item ? editing.item.title : t(editing?.kind === 'quiz' ? 'training.editor.addQuiz' : 'training.editor.addLesson')}
      >
        {editing && (
          <ItemEditor
            moduleId={editing.moduleId}
            item={editing.item}
            kind={editing.kind}
            onSaved={(saved) => {
              setCourse(saved);
              setEditing(null);
            }}
          />
        )}
      </Drawer>
      <Drawer opened={details} onClose={() => setDetails(false)} position="right" size="lg" title={t('training.editor.details')}>
        {details && (
          <CourseForm
            course={c}
            onSaved={(saved) => {
              setCourse(saved);
              setDetails(false);
            }}
          />
        )}
      </Drawer>
      <ItemAnalysisModal itemId={analysis} onClose={() => setAnalysis(null)} />
      <PlanForm opened={assigning} onClose={() => setAssigning(false)} initialCourseIds={[c.id]} />
    </Stack>
  );
}
