/** Usage events of one live call (which steps, cards and answers were used), sent without waiting. */
import { useCallback, useState } from 'react';
import { api } from '../../../lib/api';

export type UsageAction = 'start' | 'open_step' | 'open_card' | 'copy_response' | 'choose';
export type LogUsage = (action: UsageAction, e?: { scriptId?: number | null; stepId?: number | null; objectionId?: number | null }) => void;

const sessionKey = () => `live-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

export function useUsageLog(): LogUsage {
  const [call] = useState(sessionKey);
  return useCallback<LogUsage>(
    (action, e = {}) => {
      // statistics only: a lost event must not interrupt the call
      void api('scripts.logUsage', {
        sessionKey: call,
        action,
        scriptId: e.scriptId ?? null,
        stepId: e.stepId ?? null,
        objectionId: e.objectionId ?? null,
      }).catch(() => undefined);
    },
    [call],
  );
}
