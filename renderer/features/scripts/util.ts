import type { TFunction } from 'i18next';
import type { FlowIssue } from '../../../shared/domain/scriptFlow';
import { SCRIPT_LANGUAGES } from '../../../shared/api/scripts';

/** Saves text as a file in either host (the browser download; Electron handles it as a download too). */
export function downloadText(fileName: string, text: string, type = 'text/plain') {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Copies text; falls back to a hidden textarea where the Clipboard API is not allowed. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const ta = document.createElement('textarea');
    ta.value = text;
    ta.style.position = 'fixed';
    ta.style.opacity = '0';
    document.body.appendChild(ta);
    ta.select();
    const ok = document.execCommand('copy');
    ta.remove();
    return ok;
  }
}

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
