/** Ctrl+K: jump to any section or person. People are searched on the server as you type. */
import { Spotlight, type SpotlightActionData } from '@mantine/spotlight';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch, IconUser } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useApi } from '../lib/api';
import { personName } from '../lib/format';
import { fold } from '../../shared/search/fold';
import { SECTIONS } from './sections';

export function CommandPalette() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const [q] = useDebouncedValue(query, 120);
  const people = useApi('people.list', q.trim() ? { query: q, limit: 8, offset: 0, includeInactive: true, sort: 'name', teamId: null, role: null } : null);
  const fq = fold(query.trim());
  const sectionActions: SpotlightActionData[] = SECTIONS.filter((s) => !s.hidden || s.id === 'live')
    .filter((s) => !fq || fold(t(s.labelKey)).includes(fq) || s.id.includes(fq))
    .map((s) => ({ id: `section-${s.id}`, label: t(s.labelKey), leftSection: <s.icon size={18} />, onClick: () => navigate(s.href) }));
  const personActions: SpotlightActionData[] = q.trim()
    ? (people.data?.rows ?? []).map((p) => ({
        id: `person-${p.id}`,
        label: personName(p),
        description: [p.email, p.teamName, p.roles.map((r) => t(`roles.${r}`)).join(', ')].filter(Boolean).join(' · '),
        leftSection: <IconUser size={18} />,
        onClick: () => navigate(`/people/${p.id}`),
      }))
    : [];
  const actions = [
    ...(sectionActions.length ? [{ group: t('palette.sections'), actions: sectionActions }] : []),
    ...(personActions.length ? [{ group: t('palette.people'), actions: personActions }] : []),
  ];
  return (
    <Spotlight
      actions={actions}
      filter={(_, a) => a}
      query={query}
      onQueryChange={setQuery}
      shortcut={['mod + K']}
      // Ctrl+K works from anywhere, including while typing in a field.
      tagsToIgnore={[]}
      nothingFound={t('palette.nothing')}
      searchProps={{ leftSection: <IconSearch size={18} />, placeholder: t('palette.placeholder') }}
      highlightQuery
      scrollable
      maxHeight={420}
    />
  );
}
