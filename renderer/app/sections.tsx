/**
 * The navigation: one entry per feature whose issue has landed (no placeholder
 * pages). A feature adds its entry here, its routes, and optional home widgets
 * per role.
 */
import type { ComponentType, ReactNode } from 'react';
import { IconBooks, IconChartDots, IconHeadset, IconHome, IconMessages, IconPhoneCall, IconSchool, IconSettings, IconUsers } from '@tabler/icons-react';
import type { Role } from '../../shared/api/people';
import { PeoplePage } from '../features/people/PeoplePage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { HomePage } from '../features/home/HomePage';
import { ScriptsPage } from '../features/scripts/ScriptsPage';
import { LiveCallPage } from '../features/scripts/LiveCall';
import { LiveCallHotkey } from '../features/scripts/LiveHotkey';
import { RepScriptsWidget } from '../features/scripts/HomeWidget';
import { TrainingPage } from '../features/training/TrainingPage';
import { MyTrainingWidget, TrainerWidget } from '../features/training/MyTraining';
import { CallsPage } from '../features/scorecards/CallsPage';
import { QueueWidget } from '../features/scorecards/Queue';
import { DisputesWidget, RepHomeWidget } from '../features/scorecards/RepPanels';
import { LibraryPage } from '../features/library/LibraryPage';
import { LibraryHealthWidget, PopularContentWidget } from '../features/library/HomeWidgets';
import { InsightsPage } from '../features/insights/InsightsPage';
import { TeamInsightsWidget } from '../features/insights/TeamInsightsWidget';

export interface Section {
  id: string;
  /** Route path (react-router), e.g. "/people/*". */
  path: string;
  /** Where the nav link points. */
  href: string;
  labelKey: string;
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
  { id: 'scripts', path: '/scripts/*', href: '/scripts', labelKey: 'nav.scripts', icon: IconMessages, element: <ScriptsPage /> },
  { id: 'live', path: '/live', href: '/live', labelKey: 'nav.live', icon: IconPhoneCall, element: <LiveCallPage />, hidden: true },
  { id: 'library', path: '/library/*', href: '/library', labelKey: 'nav.library', icon: IconBooks, element: <LibraryPage /> },
  { id: 'calls', path: '/calls/*', href: '/calls', labelKey: 'nav.calls', icon: IconHeadset, element: <CallsPage /> },
  { id: 'training', path: '/training/*', href: '/training', labelKey: 'nav.training', icon: IconSchool, element: <TrainingPage /> },
  { id: 'insights', path: '/insights/*', href: '/insights', labelKey: 'nav.insights', icon: IconChartDots, element: <InsightsPage /> },
  { id: 'people', path: '/people/*', href: '/people', labelKey: 'nav.people', icon: IconUsers, element: <PeoplePage /> },
  { id: 'settings', path: '/settings', href: '/settings', labelKey: 'nav.settings', icon: IconSettings, element: <SettingsPage /> },
];

/** Always-mounted components (global hotkeys such as Ctrl+L for live-call mode, overlays). */
export const APP_OVERLAYS: { id: string; element: ComponentType }[] = [
  { id: 'live-call-hotkey', element: LiveCallHotkey },
];

/** Widgets features put on the role home pages. */
export const HOME_WIDGETS: HomeWidget[] = [
  { id: 'rep-scripts', roles: ['rep'], order: 10, element: RepScriptsWidget },
  { id: 'training-my', roles: ['rep'], order: 20, element: MyTrainingWidget },
  { id: 'training-dashboard', roles: ['trainer', 'manager'], order: 30, element: TrainerWidget },
  { id: 'scorecards-rep', roles: ['rep'], order: 20, element: RepHomeWidget },
  { id: 'scorecards-queue', roles: ['manager'], order: 20, element: QueueWidget },
  { id: 'scorecards-disputes', roles: ['manager'], order: 21, element: DisputesWidget },
  { id: 'library-popular', roles: ['rep'], order: 40, element: PopularContentWidget },
  { id: 'library-health', roles: ['manager', 'trainer', 'admin'], order: 60, element: LibraryHealthWidget },
  { id: 'team-insights', roles: ['manager', 'admin'], order: 50, element: TeamInsightsWidget },
];
