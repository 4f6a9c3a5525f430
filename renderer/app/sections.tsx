/**
 * The navigation: one entry per feature whose issue has landed (no placeholder
 * pages). A feature adds its entry here, its routes, and optional home widgets
 * per role.
 */
import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { Center, Loader, Skeleton } from '@mantine/core';
import {
  IconBooks,
  IconChartDots,
  IconHeadset,
  IconHome,
  IconMessages,
  IconPhoneCall,
  IconSchool,
  IconSettings,
  IconUsers,
} from '@tabler/icons-react';
import type { Role } from '../../shared/api/people';
import { HomePage } from '../features/home/HomePage';
import { LiveCallHotkey } from '../features/scripts/LiveHotkey';
import type { TKey } from './keys';

/**
 * Pages load on first visit (their own chunks), so the first screen needs only the shell and the home page.
 * The fallback fills the page area the way the page will, so nothing below it jumps.
 */
function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K): ReactNode {
  const Page = lazy(() => load().then((m): { default: ComponentType } => ({ default: m[name] })));
  return (
    <Suspense
      fallback={
        <Center mih="60vh" data-testid="page-loading">
          <Loader size="sm" type="dots" />
        </Center>
      }
    >
      <Page />
    </Suspense>
  );
}

/** A home widget loaded with its feature's code; a card-sized placeholder until then. */
function widget<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K): ComponentType {
  const Widget = lazy(() => load().then((m): { default: ComponentType } => ({ default: m[name] })));
  return function LazyWidget() {
    return (
      <Suspense fallback={<Skeleton h={140} radius="md" />}>
        <Widget />
      </Suspense>
    );
  };
}

export interface Section {
  id: string;
  /** Route path (react-router), e.g. "/people/*". */
  path: string;
  /** Where the nav link points. */
  href: string;
  labelKey: TKey;
  icon: ComponentType<{ size?: number | string; stroke?: number }>;
  element: ReactNode;
  /** Hide from the navigation (still routable), e.g. live-call mode. */
  hidden?: boolean;
}

export interface HomeWidget {
  id: string;
  roles: Role[];
  /** Lower comes first. */
  order: number;
  element: ComponentType;
}

export const SECTIONS: Section[] = [
  { id: 'home', path: '/', href: '/', labelKey: 'nav.home', icon: IconHome, element: <HomePage /> },
  {
    id: 'scripts',
    path: '/scripts/*',
    href: '/scripts',
    labelKey: 'nav.scripts',
    icon: IconMessages,
    element: page(() => import('../features/scripts/ScriptsPage'), 'ScriptsPage'),
  },
  {
    id: 'live',
    path: '/live',
    href: '/live',
    labelKey: 'nav.live',
    icon: IconPhoneCall,
    element: page(() => import('../features/scripts/LiveCall'), 'LiveCallPage'),
    hidden: true,
  },
  {
    id: 'library',
    path: '/library/*',
    href: '/library',
    labelKey: 'nav.library',
    icon: IconBooks,
    element: page(() => import('../features/library/LibraryPage'), 'LibraryPage'),
  },
  {
    id: 'calls',
    path: '/calls/*',
    href: '/calls',
    labelKey: 'nav.calls',
    icon: IconHeadset,
    element: page(() => import('../features/scorecards/CallsPage'), 'CallsPage'),
  },
  {
    id: 'training',
    path: '/training/*',
    href: '/training',
    labelKey: 'nav.training',
    icon: IconSchool,
    element: page(() => import('../features/training/TrainingPage'), 'TrainingPage'),
  },
  {
    id: 'insights',
    path: '/insights/*',
    href: '/insights',
    labelKey: 'nav.insights',
    icon: IconChartDots,
    element: page(() => import('../features/insights/InsightsPage'), 'InsightsPage'),
  },
  {
    id: 'people',
    path: '/people/*',
    href: '/people',
    labelKey: 'nav.people',
    icon: IconUsers,
    element: page(() => import('../features/people/PeoplePage'), 'PeoplePage'),
  },
  {
    id: 'settings',
    path: '/settings',
    href: '/settings',
    labelKey: 'nav.settings',
    icon: IconSettings,
    element: page(() => import('../features/settings/SettingsPage'), 'SettingsPage'),
  },
];

/** Always-mounted components (global hotkeys such as Ctrl+L for live-call mode, overlays). */
export const APP_OVERLAYS: { id: string; element: ComponentType }[] = [{ id: 'live-call-hotkey', element: LiveCallHotkey }];

/** Widgets features put on the role home pages. */
export const HOME_WIDGETS: HomeWidget[] = [
  { id: 'rep-scripts', roles: ['rep'], order: 10, element: widget(() => import('../features/scripts/HomeWidget'), 'RepScriptsWidget') },
  { id: 'training-my', roles: ['rep'], order: 20, element: widget(() => import('../features/training/MyTraining'), 'MyTrainingWidget') },
  {
    id: 'training-dashboard',
    roles: ['trainer', 'manager'],
    order: 30,
    element: widget(() => import('../features/training/MyTraining'), 'TrainerWidget'),
  },
  { id: 'scorecards-rep', roles: ['rep'], order: 20, element: widget(() => import('../features/scorecards/RepPanels'), 'RepHomeWidget') },
  { id: 'scorecards-queue', roles: ['manager'], order: 20, element: widget(() => import('../features/scorecards/Queue'), 'QueueWidget') },
  {
    id: 'scorecards-disputes',
    roles: ['manager'],
    order: 21,
    element: widget(() => import('../features/scorecards/RepPanels'), 'DisputesWidget'),
  },
  {
    id: 'library-popular',
    roles: ['rep'],
    order: 40,
    element: widget(() => import('../features/library/HomeWidgets'), 'PopularContentWidget'),
  },
  {
    id: 'library-health',
    roles: ['manager', 'trainer', 'admin'],
    order: 60,
    element: widget(() => import('../features/library/HomeWidgets'), 'LibraryHealthWidget'),
  },
  {
    id: 'team-insights',
    roles: ['manager', 'admin'],
    order: 50,
    element: widget(() => import('../features/insights/TeamInsightsWidget'), 'TeamInsightsWidget'),
  },
];
