import { Alert, Center, Loader, MantineProvider, createTheme } from '@mantine/core';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { HashRouter, Route, Routes } from 'react-router';
import { CommandPalette } from './CommandPalette';
import { APP_OVERLAYS, SECTIONS } from './sections';
import { SessionProvider, useSession } from './session';
import { Shell } from './Shell';
import { WorkspaceProblemScreen } from './WorkspaceProblem';
import { AuthGate } from '../features/auth/AuthScreens';

const FONTS = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "PingFang SC", "Microsoft YaHei", "Noto Sans SC", sans-serif';
const theme = createTheme({
  primaryColor: 'indigo',
  defaultRadius: 'sm',
  fontFamily: FONTS,
  headings: { fontFamily: FONTS },
});

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
            <Route key={s.id} path={s.path} element={s.element} />
          ))}
        </Routes>
      </Shell>
    </>
  );
}

export function App() {
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <Notifications position="bottom-right" />
      <ModalsProvider>
        <HashRouter>
          <SessionProvider>
            <Body />
          </SessionProvider>
        </HashRouter>
      </ModalsProvider>
    </MantineProvider>
  );
}
