import type { ComponentType } from 'react';
import { CompetencePanel } from '../training/CompetencePanel';
import { RepScorecardPanel } from '../scorecards/RepPanels';
import { RepOutcomesPanel } from '../insights/RepOutcomesPanel';
import type { TKey } from '../../app/keys';

/** Extra panels on a person's profile page (competence, calls, training…); features add theirs here. */
export interface PersonPanel {
  id: string;
  labelKey: TKey;
  order: number;
  element: ComponentType<{ personId: number }>;
}

export const PERSON_PANELS: PersonPanel[] = [
  { id: 'competence', labelKey: 'training.comp.tab', order: 20, element: CompetencePanel },
  { id: 'scorecards', labelKey: 'scorecards.rep.panel', order: 20, element: RepScorecardPanel },
  { id: 'outcomes', labelKey: 'insights.profile.tab', order: 30, element: RepOutcomesPanel },
];
