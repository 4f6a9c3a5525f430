import { Alert, Center, Loader, MantineProvider } from '@mantine/core';
import { useMemo } from 'react';
import { DatesProvider } from '@mantine/dates';
import { ModalsProvider } from '@mantine/modals';
import { DAYJS_LOCALE, FIRST_DAY } from '../lib/dates';
import { Notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { HashRouter, Route, Routes } from 'react-router';
import { CommandPalette } from './CommandPalette';
import { PageErrorBoundary } from './PageErrorBoundary';
import { APP_OVERLAYS, SECTIONS } from './sections';
import { SessionProvider, useSession } from './session';
import { Shell } from './Shell';
import { WorkspaceProblemScreen } from './WorkspaceProblem';
import { AuthGate } from '../features/auth/AuthScreens';
import { TeamConnectionProvider } from '../features/teamClient/connection';

import { buildTheme, cssVariables } from './theme';

function Body() {
  const { t } = useTranslation();
  const { auth, workspace, problem, loadError, generation } = useSession();
  if (auth?.mode === 'team' && !auth.signedIn) return <AuthGate />;
  if (loadError) {
    return (
      <Center h="100vh" p="xl">
        <Alert color="red" title={t('errors.title')} maw={560} data-testid="load-error">
          {loadError === 'unauthorized' ? t('errors.unauthorized') : loadError}
        </Alert>
      </Center>
    );
  }
  if (problem) return <WorkspaceProblemScreen problem={problem} />;
  if (!workspace) {
    return (
      <Center h="100vh">
        <Loader />
      </Center>
    );
  }
  return (
    <>
      <CommandPalette />
      {APP_OVERLAYS.map((o) => (
        <o.element key={o.id} />
      ))}
      <Shell>
        {/* Keyed by generation: switching workspace remounts every screen with fresh data. */}
        <Routes key={generation}>
          {SECTIONS.map((s) => (
            <Route key={s.id} path={s.path} element={<PageErrorBoundary key={s.id}>{s.element}</PageErrorBoundary>} />
          ))}
        </Routes>
      </Shell>
    </>
  );
}

export function App() {
  const { t, i18n } = useTranslation();
  const lang = (['en', 'ru', 'zh'].includes(i18n.language) ? i18n.language : 'en') as keyof typeof DAYJS_LOCALE;
  // rebuilt when the language changes (labels inside the theme)
  const theme = useMemo(
    () =>
      buildTheme({
        close: t('actions.close'),
        progress: t('common.progress'),
        scroll: t('common.scrollable'),
        previous: t('common.previousPage'),
        next: t('common.nextPage'),
        first: t('common.firstPage'),
        last: t('common.lastPage'),
        page: (n) => t('common.pageN', { n }),
      }),
    [t],
  );
  return (
    <MantineProvider theme={theme} defaultColorScheme="light" cssVariablesResolver={cssVariables}>
      <DatesProvider settings={{ locale: DAYJS_LOCALE[lang], firstDayOfWeek: FIRST_DAY[lang] }}>
        <Notifications position="bottom-right" />
        <ModalsProvider>
          <HashRouter>
            <SessionProvider>
              <TeamConnectionProvider>
                <Body />
              </TeamConnectionProvider>
            </SessionProvider>
          </HashRouter>
        </ModalsProvider>
      </DatesProvider>
    </MantineProvider>
  );
}
