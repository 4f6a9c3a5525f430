/**
 * Ctrl+K: one search across the workspace (scripts and steps, objections,
 * library files, calls by customer or words said, calibration sessions,
 * courses, people) plus jumps to sections, grouped. Arrows move, Enter opens,
 * Esc closes: Spotlight keeps the keyboard in the search box throughout.
 */
import { Badge, Group, Loader, Stack, Text } from '@mantine/core';
import { Spotlight } from '@mantine/spotlight';
import { useDebouncedValue } from '@mantine/hooks';
import {
  IconBook,
  IconCertificate,
  IconFileText,
  IconHeadset,
  IconListDetails,
  IconMessageReport,
  IconScale,
  IconSearch,
  IconUser,
} from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from '../lib/navigate';
import type { EverywhereGroup, EverywhereHit } from '../../shared/api/search';
import { fmtClock } from '../../shared/domain/transcript';
import type { Segment } from '../../shared/search/text';
import { useApi } from '../lib/api';
import { fmtDate, personName } from '../lib/format';
import { fold } from '../../shared/search/fold';
import { SECTIONS } from './sections';
import type { TKey } from './keys';

const ICONS: Record<EverywhereGroup, typeof IconSearch> = {
  scripts: IconListDetails,
  steps: IconFileText,
  objections: IconMessageReport,
  library: IconBook,
  calls: IconHeadset,
  calibrations: IconScale,
  courses: IconCertificate,
  people: IconUser,
};

/** Where each section's tabs can be jumped to straight from the palette (e.g. "calibration"). */
const JUMPS: { section: string; tab: string; labelKey: TKey }[] = [
  { section: 'calls', tab: 'queue', labelKey: 'scorecards.tabs.queue' },
  { section: 'calls', tab: 'disputes', labelKey: 'scorecards.tabs.disputes' },
  { section: 'calls', tab: 'calibration', labelKey: 'scorecards.tabs.calibration' },
  { section: 'calls', tab: 'templates', labelKey: 'scorecards.tabs.templates' },
  { section: 'scripts', tab: 'objections', labelKey: 'scripts.tabs.objections' },
  { section: 'training', tab: 'courses', labelKey: 'training.tabs.courses' },
  { section: 'training', tab: 'plans', labelKey: 'training.tabs.plans' },
];

function Marked({ segs, size = 'sm', fw }: { segs: Segment[]; size?: string; fw?: number }) {
  return (
    <Text size={size} fw={fw} lineClamp={size === 'sm' ? 1 : 2} component="span">
      {segs.map((s, i) =>
        s.hit ? (
          <mark key={i} style={{ background: 'var(--mantine-color-yellow-2)', color: 'inherit', padding: 0 }}>
            {s.text}
          </mark>
        ) : (
          <span key={i}>{s.text}</span>
        ),
      )}
    </Text>
  );
}

/** Spotlight draws a group's label with CSS (unreadable to screen readers): the label is real text, the group named for assistive tech. */
const groupProps = (label: string, testId: string) => ({ label: '', role: 'group', 'aria-label': label, 'data-testid': testId });
function GroupLabel({ text }: { text: string }) {
  return (
    <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pt="xs" pb={4} aria-hidden data-testid="palette-group-label">
      {text}
    </Text>
  );
}

export function CommandPalette() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const [q] = useDebouncedValue(query.trim(), 150);
  const found = useApi('search.everywhere', q ? { query: q, perGroup: 5 } : null);
  const fq = fold(query.trim());
  const sections = SECTIONS.filter((s) => !s.hidden || s.id === 'live').filter(
    (s) => !fq || fold(t(s.labelKey)).includes(fq) || s.id.includes(fq),
  );
  const jumps = fq
    ? JUMPS.filter((j) => SECTIONS.some((s) => s.id === j.section) && (fold(t(j.labelKey)).includes(fq) || j.tab.includes(fq)))
    : [];
  const sectionLabel = (id: string) => t(SECTIONS.find((s) => s.id === id)!.labelKey);
  const groups = q && found.data?.query === q ? found.data.groups : [];

  const action = (key: string, onClick: () => void, icon: ReactNode, body: ReactNode, testId?: string) => (
    <Spotlight.Action key={key} onClick={onClick} data-testid={testId}>
      <Group wrap="nowrap" gap="sm" w="100%" align="flex-start">
        <span aria-hidden style={{ color: 'var(--mantine-color-dimmed)', paddingTop: 2 }}>
          {icon}
        </span>
        <Stack gap={0} style={{ minWidth: 0, flex: 1 }}>
          {body}
        </Stack>
      </Group>
    </Spotlight.Action>
  );

  const hitBody = (g: EverywhereGroup, h: EverywhereHit) => {
    const title = h.person && g === 'people' ? [{ text: personName(h.person), hit: true }] : h.title;
    const facts = [
      ...(g === 'calls' && h.person ? [personName(h.person)] : []),
      ...(h.at ? [fmtDate(h.at)] : []),
      ...(h.atMs !== null ? [fmtClock(h.atMs)] : []),
      ...h.meta.filter(Boolean).map((m) => (g === 'people' ? m : t(`palette.meta.${m}`, { defaultValue: m }))),
    ];
    return (
      <>
        <Marked segs={title} fw={500} />
        {facts.length > 0 && (
          <Text size="xs" c="dimmed" lineClamp={1}>
            {facts.join(' · ')}
          </Text>
        )}
        {h.snippet && (
          <Text size="xs" c="dimmed" component="div">
            <Marked segs={h.snippet} size="xs" />
          </Text>
        )}
      </>
    );
  };

  return (
    <Spotlight.Root
      query={query}
      onQueryChange={setQuery}
      shortcut={['mod + K']}
      // Ctrl+K works from anywhere, including while typing in a field.
      tagsToIgnore={[]}
      scrollable
      maxHeight={520}
      size="lg"
    >
      <Spotlight.Search
        leftSection={found.loading && q ? <Loader size={16} /> : <IconSearch size={18} />}
        placeholder={t('palette.placeholder')}
        aria-label={t('palette.placeholder')}
        data-testid="palette-search"
      />
      <Spotlight.ActionsList data-testid="palette-results">
        {groups.map((g) => {
          const Icon = ICONS[g.group];
          return (
            <Spotlight.ActionsGroup
              key={g.group}
              {...groupProps(
                g.more ? t('palette.groupMore', { group: t(`palette.groups.${g.group}`) }) : t(`palette.groups.${g.group}`),
                `palette-group-${g.group}`,
              )}
            >
              <GroupLabel
                text={g.more ? t('palette.groupMore', { group: t(`palette.groups.${g.group}`) }) : t(`palette.groups.${g.group}`)}
              />
              {g.hits.map((h) => action(h.key, () => navigate(h.href), <Icon size={18} />, hitBody(g.group, h), 'palette-hit'))}
            </Spotlight.ActionsGroup>
          );
        })}
        {(sections.length > 0 || jumps.length > 0) && (
          <Spotlight.ActionsGroup {...groupProps(t('palette.sections'), 'palette-group-sections')}>
            <GroupLabel text={t('palette.sections')} />
            {sections.map((s) =>
              action(`section-${s.id}`, () => navigate(s.href), <s.icon size={18} />, <Text size="sm">{t(s.labelKey)}</Text>),
            )}
            {jumps.map((j) =>
              action(
                `jump-${j.section}-${j.tab}`,
                () => navigate(`/${j.section}?tab=${j.tab}`),
                <IconSearch size={18} />,
                <Text size="sm">
                  {sectionLabel(j.section)} › {t(j.labelKey)}
                </Text>,
              ),
            )}
          </Spotlight.ActionsGroup>
        )}
        {q && !found.loading && groups.length === 0 && sections.length === 0 && jumps.length === 0 && (
          <Spotlight.Empty>{t('palette.nothing')}</Spotlight.Empty>
        )}
      </Spotlight.ActionsList>
      <Group justify="flex-end" px="sm" py={6} gap="xs" style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
        <Text size="xs" c="dimmed">
          {t('palette.keys')}
        </Text>
        <Badge variant="light" size="xs">
          Ctrl+K
        </Badge>
      </Group>
    </Spotlight.Root>
  );
}
