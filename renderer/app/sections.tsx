/**
 * The navigation: one entry per feature whose issue has landed (no placeholder
 * pages). A feature adds its entry here, its routes, and optional home widgets
 * per role.
 */
import type { ComponentType, ReactNode } from 'react';
import { IconChartDots, IconHome, IconSettings, IconUsers } from '@tabler/icons-react';
import type { Role } from '../../shared/api/people';
import { PeoplePage } from '../features/people/PeoplePage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { HomePage } from '../features/home/HomePage';
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
  { id: 'people', path: '/people/*', href: '/people', labelKey: 'nav.people', icon: IconUsers, element: <PeoplePage /> },
  { id: 'insights', path: '/insights/*', href: '/insights', labelKey: 'nav.insights', icon: IconChartDots, element: <InsightsPage /> },
  { id: 'settings', path: '/settings', href: '/settings', labelKey: 'nav.settings', icon: IconSettings, element: <SettingsPage /> },
];

/** Always-mounted components (global hotkeys such as Ctrl+L for live-call mode, overlays). */
export const APP_OVERLAYS: { id: string; element: ComponentType }[] = [];

/** Widgets features put on the role home pages. */
export const HOME_WIDGETS: HomeWidget[] = [{ id: 'team-insights', roles: ['manager', 'admin'], order: 50, element: TeamInsightsWidget }];
