import type { TFunction } from 'i18next';
import type { FlowIssue } from '../../../shared/domain/scriptFlow';
import { SCRIPT_LANGUAGES } from '../../../shared/api/scripts';

export const newStepKey = () => `s${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`;

/** A flow problem in the UI language (the domain message is English). */
export function flowIssueText(t: TFunction, i: FlowIssue, steps: { title: string; choices: { label: string }[] }[]) {
  const step = i.stepIndex != null ? steps[i.stepIndex] : null;
  return t(`scripts.flow.${i.code}`, {
    n: (i.stepIndex ?? 0) + 1,
    title: step?.title || '…',
    answer: i.choiceIndex != null ? (step?.choices[i.choiceIndex]?.label ?? '') : '',
  });
}

/** True when a key event comes from a text field (single-key shortcuts must not fire there). */
export function isTyping(e: KeyboardEvent) {
  const el = e.target as HTMLElement | null;
  if (!el) return false;
  return el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable;
}

/** The script languages as Select options, labelled in the UI language. */
export const languageOptions = (t: TFunction) => SCRIPT_LANGUAGES.map((l) => ({ value: l, label: t(`scripts.lang.${l}`) }));
