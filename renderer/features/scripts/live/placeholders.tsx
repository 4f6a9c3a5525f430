/**
 * Placeholders in live-call mode: `{customer_name}` and the like show as small inline fields. The rep fills one
 * once per call and every occurrence, in every step and card, shows the value; Tab and Shift+Tab move between the
 * fields; an empty one stays marked (dashed, with its name) and braces never show as text.
 */
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { KNOWN_PLACEHOLDERS, parsePlaceholders, placeholderKey, type PlaceholderValues } from '../../../../shared/scripts/placeholders';
import { dynamicKey } from '../../../app/keys';

interface Fields {
  values: PlaceholderValues;
  set(name: string, value: string): void;
}
const Ctx = createContext<Fields | null>(null);

export function PlaceholderProvider({ initial, children }: { initial: PlaceholderValues; children: ReactNode }) {
  const [values, setValues] = useState<PlaceholderValues>(initial);
  const set = useCallback((name: string, value: string) => setValues((v) => ({ ...v, [placeholderKey(name)]: value })), []);
  const ctx = useMemo(() => ({ values, set }), [values, set]);
  return <Ctx.Provider value={ctx}>{children}</Ctx.Provider>;
}

export function usePlaceholderValues(): PlaceholderValues {
  return useContext(Ctx)?.values ?? {};
}

/** The placeholder's name for people: a known one in the UI language, others with spaces for underscores. */
export function placeholderLabel(t: TFunction, name: string): string {
  return (KNOWN_PLACEHOLDERS as readonly string[]).includes(name) ? t(dynamicKey(`scripts.placeholders.${name}`)) : name.replace(/_/g, ' ');
}

const FIELD = '[data-placeholder-field]';

export function PlaceholderField({ name }: { name: string }) {
  const { t } = useTranslation();
  const ctx = useContext(Ctx);
  const value = ctx?.values[name] ?? '';
  const label = placeholderLabel(t, name);
  const filled = value.trim() !== '';
  return (
    <input
      data-placeholder-field={name}
      data-filled={filled ? '1' : '0'}
      data-testid={`placeholder-${name}`}
      aria-label={t('scripts.placeholders.fieldLabel', { name: label })}
      title={label}
      placeholder={label}
      value={value}
      readOnly={!ctx}
      // as wide as what it shows, so the sentence reads on
      size={Math.max(3, Math.min(40, [...(value || label)].length + 1))}
      onChange={(e) => ctx?.set(name, e.currentTarget.value)}
      onKeyDown={(e) => {
        if (e.key === 'Tab') {
          // from field to field, skipping the checkboxes and buttons between them
          const all = [...document.querySelectorAll<HTMLInputElement>(FIELD)].filter((el) => el.offsetParent !== null);
          const next = all[all.indexOf(e.currentTarget) + (e.shiftKey ? -1 : 1)];
          if (next) {
            e.preventDefault();
            next.focus();
            next.select();
          }
        } else if (e.key === 'Enter' || e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          e.currentTarget.blur();
        }
      }}
      style={{
        font: 'inherit',
        fontWeight: 600,
        padding: '0 4px',
        margin: '0 1px',
        borderRadius: 4,
        maxWidth: '100%',
        border: filled ? '1px solid var(--mantine-color-indigo-3)' : '1px dashed var(--mantine-color-orange-7)',
        background: filled ? 'var(--mantine-color-indigo-0)' : 'var(--mantine-color-orange-0)',
        color: filled ? 'var(--mantine-color-indigo-9)' : '#8a3300',
      }}
    />
  );
}

/** Where a field cannot go (inside a button, a checkbox label, a search result): the value, or the marked name. */
export function PlaceholderChip({ name }: { name: string }) {
  const { t } = useTranslation();
  const value = (useContext(Ctx)?.values[name] ?? '').trim();
  const label = placeholderLabel(t, name);
  return (
    <span
      data-placeholder-chip={name}
      data-filled={value ? '1' : '0'}
      title={label}
      style={
        value
          ? { fontWeight: 600 }
          : {
              padding: '0 4px',
              margin: '0 2px',
              borderRadius: 4,
              border: '1px dashed var(--mantine-color-orange-7)',
              color: '#8a3300',
              background: 'var(--mantine-color-orange-0)',
            }
      }
    >
      {value || label}
    </span>
  );
}

/** Plain script text with its placeholders as fields (`chips`: as read-only values/names). */
export function PlaceholderText({ text, chips = false }: { text: string; chips?: boolean }) {
  const pieces = useMemo(() => parsePlaceholders(text), [text]);
  if (pieces.length === 1 && pieces[0].kind === 'text') return <>{text}</>;
  return (
    <>
      {pieces.map((p, i) =>
        p.kind === 'text' ? (
          <span key={i}>{p.text}</span>
        ) : chips ? (
          <PlaceholderChip key={i} name={p.name} />
        ) : (
          <PlaceholderField key={i} name={p.name} />
        ),
      )}
    </>
  );
}
