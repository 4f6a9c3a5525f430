/** The script being walked through in a live call: loading it, the steps visited, the ticked must-says. */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { TFunction } from 'i18next';
import type { ScriptDetail } from '../../../../shared/api/scripts';
import { api } from '../../../lib/api';
import { errorText } from '../../../lib/errors';
import { publishLiveRender } from './renderTiming';
import type { LogUsage } from './useUsageLog';

export function useLiveScript(initialScript: number | null, initialStep: string | null, log: LogUsage, t: TFunction) {
  const [scriptId, setScriptId] = useState<number | null>(initialScript);
  const [script, setScript] = useState<ScriptDetail | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [history, setHistory] = useState<string[]>([]);
  const [checked, setChecked] = useState<Record<string, boolean>>({});
  const [ended, setEnded] = useState(false);
  const timing = useRef<{ selected: number; loaded: number } | null>(null);

  // The load below runs when the script changes only; it reads the step from the address and the language as they are then.
  const loadArgs = useRef({ initialStep, log, t });
  useLayoutEffect(() => {
    loadArgs.current = { initialStep, log, t };
  });

  useEffect(() => {
    const { initialStep, log, t } = loadArgs.current;
    if (scriptId == null) {
      setScript(null);
      return;
    }
    let live = true;
    timing.current = { selected: performance.now(), loaded: 0 };
    performance.mark('live-open');
    setLoadError(null);
    api('scripts.get', { id: scriptId, view: 'published' })
      .then((s) => {
        if (!live) return;
        if (timing.current) timing.current.loaded = performance.now();
        performance.mark('live-loaded');
        setScript(s);
        const start = initialStep && s.steps.some((x) => x.key === initialStep) ? initialStep : s.steps[0]?.key;
        setHistory(start ? [start] : []);
        setChecked({});
        setEnded(false);
        log('start', { scriptId: s.id });
      })
      .catch((e) => live && setLoadError(errorText(t, e)));
    return () => {
      live = false;
    };
  }, [scriptId]);

  // Render timing: from data arrival to the committed DOM, then to the next frame (painted).
  useLayoutEffect(() => {
    if (!script || !timing.current?.loaded) return;
    const tm = timing.current;
    timing.current = null;
    requestAnimationFrame(() => {
      const now = performance.now();
      performance.mark('live-rendered');
      publishLiveRender({ render: now - tm.loaded, open: now - tm.selected, steps: script.steps.length });
    });
  }, [script]);

  const byKey = useMemo(() => new Map((script?.steps ?? []).map((s, i) => [s.key, { step: s, index: i }])), [script]);
  const currentKey = history[history.length - 1] ?? null;
  const current = currentKey ? (byKey.get(currentKey) ?? null) : null;

  useEffect(() => {
    if (current && script) log('open_step', { scriptId: script.id, stepId: current.step.id });
  }, [current, script, log]);

  const goTo = useCallback((key: string) => {
    setEnded(false);
    setHistory((h) => (h[h.length - 1] === key ? h : [...h, key]));
  }, []);
  const next = useCallback(() => {
    if (!current || !script) return;
    const following = script.steps[current.index + 1];
    const only = current.step.choices.length === 1 ? current.step.choices[0] : null;
    if (only?.toStepKey) goTo(only.toStepKey);
    else if (following) goTo(following.key);
    else setEnded(true);
  }, [current, script, goTo]);
  const back = useCallback(() => {
    setEnded(false);
    setHistory((h) => (h.length > 1 ? h.slice(0, -1) : h));
  }, []);
  const restart = useCallback(() => {
    if (script) setHistory([script.steps[0].key]);
  }, [script]);
  /** Back to the script picker. */
  const close = useCallback(() => {
    setScriptId(null);
    setScript(null);
  }, []);

  return {
    scriptId,
    setScriptId,
    script,
    setScript,
    loadError,
    history,
    byKey,
    currentKey,
    current,
    checked,
    setChecked,
    ended,
    setEnded,
    goTo,
    next,
    back,
    restart,
    close,
  };
}
