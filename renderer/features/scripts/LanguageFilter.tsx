import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ScriptLanguage } from '../../../shared/api/scripts';
import { languageOptions } from './util';

/** "All languages" filter for the scripts and objection lists. */
export function LanguageFilter({ value, onChange }: { value: ScriptLanguage | null; onChange: (v: ScriptLanguage | null) => void }) {
  const { t } = useTranslation();
  return (
    <Select
      placeholder={t('scripts.allLanguages')}
      clearable
      w={150}
      data={languageOptions(t)}
      value={value}
      onChange={(v) => onChange(v)}
      aria-label={t('scripts.language')}
    />
  );
}
