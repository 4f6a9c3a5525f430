/** Standalone "linked content" panel for one target (script step, objection, lesson, course), e.g. beside a call. */
import { SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { LINK_TARGETS, type LinkTarget } from '../../../shared/api/library';
import { Attachments } from '../../app/slots';
import { useSession } from '../../app/session';
import { dynamicKey } from '../../app/keys';

export function LinkedPage() {
  const { t } = useTranslation();
  const { kind, id } = useParams();
  const [params, setParams] = useSearchParams();
  const { session } = useSession();
  const canEdit = session?.role !== 'rep';
  const mode = (params.get('mode') as 'edit' | 'view' | 'live' | null) ?? 'view';
  if (!LINK_TARGETS.includes(kind as LinkTarget) || !Number(id)) return <Text c="red">{t('library.linked.badTarget')}</Text>;
  return (
    <Stack maw={720}>
      <Title order={3}>{t('library.linked.pageTitle', { target: t(dynamicKey(`library.target.${kind}`)), id })}</Title>
      <SegmentedControl
        value={canEdit ? mode : mode === 'edit' ? 'view' : mode}
        onChange={(v) => setParams({ mode: v })}
        data={(canEdit ? ['edit', 'view', 'live'] : ['view', 'live']).map((m) => ({
          value: m,
          label: t(dynamicKey(`library.linked.mode.${m}`)),
        }))}
        data-testid="linked-mode"
      />
      <Attachments
        targetKind={kind as LinkTarget}
        targetId={Number(id)}
        mode={canEdit ? mode : mode === 'edit' ? 'view' : mode}
        context={mode === 'live' ? 'call' : undefined}
      />
    </Stack>
  );
}
