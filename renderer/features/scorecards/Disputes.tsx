/** Disputes: reps' disagreements per criterion; the manager accepts (with the corrected score), partly accepts, or rejects. History stays on the evaluation. */
import { Alert, Anchor, Badge, Button, Card, Group, Modal, SegmentedControl, Stack, Table, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from '../../lib/navigate';
import type { FeedbackItem } from '../../../shared/api/scorecards';
import { allCriteria, scaleRange, type Localized } from '../../../shared/domain/scoring';
import { api, useApi } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { fmtDate, personName } from '../../lib/format';
import { useSession } from '../../app/session';
import { loc } from './util';
import { DisputesDashboardView } from './DisputesDashboard';

const ageDays = (iso: string) => Math.max(0, Math.floor((Date.now() - Date.parse(iso)) / 86_400_000));

export const feedbackLabel = (f: FeedbackItem) => loc(JSON.parse(f.criterionLabel) as Localized);

export function DisputesPanel() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { session } = useSession();
  const isRep = session?.role === 'rep';
  const [status, setStatus] = useState<'open' | 'all'>('open');
  const list = useApi('scorecards.feedback.list', { status, repId: isRep ? (session?.person?.id ?? null) : null, offset: 0, limit: 100 });
  const [resolving, setResolving] = useState<FeedbackItem | null>(null);
  const [decided, setDecided] = useState(0);
  return (
    <Stack gap="sm">
      {/* remounted after each decision so its counts follow */}
      {!isRep && <DisputesDashboardView key={decided} />}
      <SegmentedControl
        w={260}
        value={status}
        onChange={(v) => setStatus(v)}
        data={[
          { value: 'open', label: t('scorecards.disputes.open') },
          { value: 'all', label: t('scorecards.disputes.all') },
        ]}
      />
      <Table verticalSpacing={6} data-testid="disputes-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('common.date')}</Table.Th>
            <Table.Th>{t('scorecards.col.rep')}</Table.Th>
            <Table.Th>{t('scorecards.disputes.criterion')}</Table.Th>
            <Table.Th>{t('scorecards.disputes.grader')}</Table.Th>
            <Table.Th>{t('scorecards.feedback.reason')}</Table.Th>
            <Table.Th>{t('common.status')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(list.data?.rows ?? []).map((f) => (
            <Table.Tr key={f.id} data-testid="dispute-row">
              <Table.Td>
                <Text size="sm">{fmtDate(f.createdAt)}</Text>
                {f.status === 'open' && (
                  <Text size="xs" c={ageDays(f.createdAt) > 7 ? 'red' : 'dimmed'} data-testid="dispute-age">
                    {t('scorecards.disputes.days', { count: ageDays(f.createdAt) })}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{personName(f.rep)}</Text>
                <Anchor
                  size="xs"
                  c="dimmed"
                  href={`#/calls/${f.callId}`}
                  onClick={(e) => (e.preventDefault(), navigate(`/calls/${f.callId}`))}
                  aria-label={t('scorecards.disputes.openCall', { customer: f.customer })}
                >
                  {f.customer}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{feedbackLabel(f)}</Text>
                <Text size="xs" c="dimmed">
                  {t('scorecards.disputes.scored', { value: f.oldValue ?? '—' })}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{personName(f.grader)}</Text>
              </Table.Td>
              <Table.Td maw={360}>
                <Text size="sm">{f.reason}</Text>
                {f.resolution && (
                  <Text size="xs" c="dimmed">
                    {t('scorecards.feedback.resolutionLine', { who: personName(f.resolvedBy), note: f.resolution })}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Badge color={f.status === 'open' ? 'orange' : f.status === 'rejected' ? 'gray' : 'green'}>
                  {t(`scorecards.feedback.status.${f.status}`)}
                  {f.newValue !== null ? ` → ${f.newValue}` : ''}
                </Badge>
              </Table.Td>
              <Table.Td>
                {!isRep && f.status === 'open' && (
                  <Button size="xs" onClick={() => setResolving(f)} data-testid="resolve">
                    {t('scorecards.disputes.resolve')}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {!list.loading && !list.data?.rows.length && (
        <Text c="dimmed" ta="center" py="md">
          {t('scorecards.disputes.empty')}
        </Text>
      )}
      {resolving && (
        <ResolveModal
          f={resolving}
          onClose={() => setResolving(null)}
          onDone={() => (setResolving(null), setDecided((n) => n + 1), list.reload())}
        />
      )}
    </Stack>
  );
}

function ResolveModal({ f, onClose, onDone }: { f: FeedbackItem; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const ev = useApi('scorecards.evaluations.get', { id: f.evaluationId });
  const [decision, setDecision] = useState<'accepted' | 'partly' | 'rejected'>('accepted');
  const [value, setValue] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const crit = ev.data ? allCriteria(ev.data.version.definition).find((c) => c.id === f.criterionId) : null;
  const save = async () => {
    setError(null);
    try {
      await api('scorecards.feedback.resolve', {
        id: f.id,
        decision,
        note,
        newValue: decision === 'rejected' ? null : value === null ? null : Number(value),
      });
      notifications.show({ color: 'green', message: t('scorecards.disputes.resolved') });
      onDone();
    } catch (e) {
      setError(errorText(t, e));
    }
  };
  return (
    <Modal opened onClose={onClose} title={t('scorecards.disputes.resolveTitle', { criterion: feedbackLabel(f) })}>
      <Stack>
        <Card withBorder padding="xs">
          <Text size="sm">{f.reason}</Text>
          <Text size="xs" c="dimmed">
            {personName(f.rep)} · {t('scorecards.disputes.scored', { value: f.oldValue ?? '—' })}
          </Text>
        </Card>
        <SegmentedControl
          value={decision}
          onChange={(v) => setDecision(v)}
          data={(['accepted', 'partly', 'rejected'] as const).map((d) => ({ value: d, label: t(`scorecards.feedback.status.${d}`) }))}
          data-testid="decision"
        />
        {decision !== 'rejected' && crit && (
          <div>
            <Text size="sm" mb={4}>
              {t('scorecards.disputes.newValue')}
            </Text>
            <SegmentedControl
              value={value ?? ''}
              onChange={setValue}
              data={scaleRange(crit.scale).values.map((v) => ({
                value: String(v),
                label: crit.scale === 'yes_no' ? (v ? t('common.yes') : t('common.no')) : String(v),
              }))}
              data-testid="new-value"
            />
          </div>
        )}
        <Textarea
          label={t('scorecards.disputes.note')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          autosize
          minRows={2}
          maxLength={2000}
          data-testid="resolve-note"
        />
        {error && <Alert color="red">{error}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('actions.cancel')}
          </Button>
          <Button onClick={() => void save()} data-testid="resolve-save">
            {t('actions.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
