/**
 * Branch validation for a script's call flow (pure). A step's successors are
 * its answers' targets, or, when it offers no answers, the next step in order
 * (the last one ends the call). Broken links and self-loops block saving;
 * unreachable steps and loops with no way out are warnings.
 */
import type { ChoiceData } from '../api/scripts';

export interface FlowStep {
  key: string;
  title: string;
  choices: Pick<ChoiceData, 'label' | 'toStepKey' | 'toObjectionId'>[];
}

export type FlowIssueCode =
  'empty_script' | 'duplicate_key' | 'missing_step' | 'missing_objection' | 'self_loop' | 'unreachable' | 'no_exit';

export interface FlowIssue {
  code: FlowIssueCode;
  severity: 'error' | 'warning';
  stepKey: string | null;
  /** Index of the step in the list and of the answer inside it (for form field paths). */
  stepIndex: number | null;
  choiceIndex: number | null;
  message: string;
}

/** Successor keys of each step ("" = end of call). */
export function successors(steps: FlowStep[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  steps.forEach((s, i) => {
    if (!s.choices.length) out.set(s.key, [steps[i + 1]?.key ?? '']);
    else
      out.set(
        s.key,
        s.choices.map((c) => (c.toStepKey ? c.toStepKey : c.toObjectionId != null ? s.key : '')),
      );
  });
  return out;
}

export function validateFlow(steps: FlowStep[], objectionExists: (id: number) => boolean = () => true): FlowIssue[] {
  const issues: FlowIssue[] = [];
  if (!steps.length) {
    return [
      {
        code: 'empty_script',
        severity: 'error',
        stepKey: null,
        stepIndex: null,
        choiceIndex: null,
        message: 'The script has no steps: add at least one step.',
      },
    ];
  }
  const index = new Map<string, number>();
  steps.forEach((s, i) => {
    if (index.has(s.key)) {
      issues.push({
        code: 'duplicate_key',
        severity: 'error',
        stepKey: s.key,
        stepIndex: i,
        choiceIndex: null,
        message: `Step ${i + 1} "${s.title}" has the same key as step ${index.get(s.key)! + 1}.`,
      });
    } else index.set(s.key, i);
  });
  steps.forEach((s, i) => {
    s.choices.forEach((c, j) => {
      const where = `Step ${i + 1} "${s.title}", answer "${c.label}"`;
      if (c.toStepKey && !index.has(c.toStepKey)) {
        issues.push({
          code: 'missing_step',
          severity: 'error',
          stepKey: s.key,
          stepIndex: i,
          choiceIndex: j,
          message: `${where} leads to a step that no longer exists.`,
        });
      } else if (c.toStepKey === s.key) {
        issues.push({
          code: 'self_loop',
          severity: 'error',
          stepKey: s.key,
          stepIndex: i,
          choiceIndex: j,
          message: `${where} leads back to the same step (a loop).`,
        });
      }
      if (c.toObjectionId != null && !objectionExists(c.toObjectionId)) {
        issues.push({
          code: 'missing_objection',
          severity: 'error',
          stepKey: s.key,
          stepIndex: i,
          choiceIndex: j,
          message: `${where} points to an objection card that was deleted.`,
        });
      }
    });
  });
  const next = successors(steps);
  // Reachability from the first step.
  const seen = new Set<string>([steps[0].key]);
  const queue = [steps[0].key];
  while (queue.length) {
    for (const n of next.get(queue.shift()!) ?? []) {
      if (n && index.has(n) && !seen.has(n)) {
        seen.add(n);
        queue.push(n);
      }
    }
  }
  steps.forEach((s, i) => {
    if (!seen.has(s.key)) {
      issues.push({
        code: 'unreachable',
        severity: 'warning',
        stepKey: s.key,
        stepIndex: i,
        choiceIndex: null,
        message: `Step ${i + 1} "${s.title}" cannot be reached from the first step.`,
      });
    }
  });
  // Steps from which the end of the call can never be reached (a closed loop).
  const canEnd = new Set<string>();
  let changed = true;
  while (changed) {
    changed = false;
    for (const s of steps) {
      if (canEnd.has(s.key)) continue;
      if ((next.get(s.key) ?? []).some((n) => n === '' || canEnd.has(n) || !index.has(n))) {
        canEnd.add(s.key);
        changed = true;
      }
    }
  }
  steps.forEach((s, i) => {
    if (seen.has(s.key) && !canEnd.has(s.key) && !issues.some((x) => x.stepKey === s.key && x.code === 'self_loop')) {
      issues.push({
        code: 'no_exit',
        severity: 'warning',
        stepKey: s.key,
        stepIndex: i,
        choiceIndex: null,
        message: `Step ${i + 1} "${s.title}" is in a loop with no way to finish the call.`,
      });
    }
  });
  return issues;
}

export const flowErrors = (issues: FlowIssue[]) => issues.filter((i) => i.severity === 'error');
