/**
 * A coaching note written on the call page: linked to the call, the moment being
 * heard (or a clicked waveform point) and, optionally, one criterion of the
 * scorecard. It lands on the rep's home and profile with a link back to the call.
 */
import { Badge, Button, Group, Modal, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallDetail, TemplateVersion } from '../../../shared/api/scorecards';
import { allCriteria } from '../../../shared/domain/scoring';
import { fmtClock } from '../../../shared/domain/transcript';
import { api, useApi } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { personName } from '../../lib/format';
import { loc } from './util';
import { DateField } from '../../lib/DateField';

export function CallCoachingModal(props: {
  call: CallDetail;
  atMs: number;
  evaluationId: number | null;
  version: TemplateVersion | null;
  criterionId: number | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const current = useApi('scorecards.versions.current', props.version ? null : { templateId: null });
  const version = props.version ?? current.data ?? null;
  const [criterion, setCriterion] = useState<string | null>(props.criterionId ? String(props.criterionId) : null);
  const [body, setBody] = useState('');
  const [action, setAction] = useState('');
  const [due, setDue] = useState('');
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    try {
      await api('scorecards.coaching.add', {
        repId: props.call.rep.id,
        evaluationId: props.evaluationId,
        callId: props.call.id,
        atMs: props.atMs,
        criterionIds: criterion ? [Number(criterion)] : [],
        body,
        action,
        due: due || null,
      });
      notifications.show({ color: 'green', message: t('scorecards.coaching.saved') });
      props.onClose();
    } catch (e) {
      notifications.show({ color: 'red', message: errorText(t, e) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened onClose={props.onClose} title={`${t('scorecards.callCoaching.title')} · ${personName(props.call.rep)}`}>
      <Stack>
        <Group gap="xs">
          <Badge variant="light" data-testid="coaching-moment">
            {t('scorecards.callCoaching.moment')}: {fmtClock(props.atMs)}
          </Badge>
        </Group>
        <Select
          label={t('scorecards.callCoaching.criterion')}
          placeholder={t('scorecards.callCoaching.none')}
          data={version ? allCriteria(version.definition).map((c) => ({ value: String(c.id), label: loc(c.prompt) })) : []}
          value={criterion}
          onChange={setCriterion}
          clearable
          searchable
          data-testid="coaching-criterion"
        />
        <Textarea
          label={t('scorecards.coaching.note')}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          autosize
          minRows={3}
          maxLength={4000}
          data-testid="coaching-body"
          data-autofocus
        />
        <TextInput
          label={t('scorecards.coaching.action')}
          value={action}
          onChange={(e) => setAction(e.currentTarget.value)}
          maxLength={500}
        />
        <DateField label={t('scorecards.coaching.due')} value={due} onChange={(v) => setDue(v)} />
        <Group justify="flex-end">
          <Button onClick={() => void save()} loading={busy} disabled={!body.trim()} data-testid="coaching-save">
            {t('actions.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
