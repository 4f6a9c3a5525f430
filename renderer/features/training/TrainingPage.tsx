/** Training: dashboard, courses, plans, the competency model, my training and drills. */
import { Stack, Tabs, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useSearchParams } from 'react-router';
import { useSession } from '../../app/session';
import { CourseEditor } from './CourseEditor';
import { CoursePlayer } from './CoursePlayer';
import { CoursesTab } from './CoursesTab';
import { CertificatePage } from './CertificatePage';
import { Dashboard } from './Dashboard';
import { DrillSession } from './DrillSession';
import { ModelTab } from './ModelTab';
import { MyTraining } from './MyTraining';
import { PlansTab } from './PlansTab';
import { dynamicKey } from '../../app/keys';

export function TrainingPage() {
  return (
    <Routes>
      <Route index element={<TrainingHome />} />
      <Route path="courses/:id" element={<CourseEditor />} />
      <Route path="learn/:id" element={<CoursePlayer />} />
      <Route path="certificates/:id" element={<CertificatePage />} />
    </Routes>
  );
}

function TrainingHome() {
  const { t } = useTranslation();
  const { session } = useSession();
  const [params, setParams] = useSearchParams();
  const isRep = session?.role === 'rep';
  const tabs = isRep ? ['my', 'drills', 'courses'] : ['dashboard', 'courses', 'plans', 'model', 'my', 'drills'];
  const tab = params.get('tab') && tabs.includes(params.get('tab')!) ? params.get('tab')! : tabs[0];
  return (
    <Stack gap="md">
      <div>
        <Title order={2}>{t('training.title')}</Title>
        <Text c="dimmed" size="sm">
          {t(isRep ? 'training.subtitleRep' : 'training.subtitle')}
        </Text>
      </div>
      <Tabs value={tab} onChange={(v) => v && setParams({ tab: v })} keepMounted={false}>
        <Tabs.List>
          {tabs.map((k) => (
            <Tabs.Tab key={k} value={k} data-testid={`training-tab-${k}`}>
              {t(dynamicKey(`training.tabs.${k}`))}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="dashboard" pt="md">
          <Dashboard />
        </Tabs.Panel>
        <Tabs.Panel value="courses" pt="md">
          <CoursesTab readOnly={isRep} />
        </Tabs.Panel>
        <Tabs.Panel value="plans" pt="md">
          <PlansTab />
        </Tabs.Panel>
        <Tabs.Panel value="model" pt="md">
          <ModelTab />
        </Tabs.Panel>
        <Tabs.Panel value="my" pt="md">
          <MyTraining />
        </Tabs.Panel>
        <Tabs.Panel value="drills" pt="md">
          <DrillSession />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
