/** A submitted evaluation as the rep (or anyone else) sees it: scores, comments with playable timestamps, acknowledge / dispute. */
import { Alert, Badge, Button, Card, Group, Modal, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvaluationDetail } from '../../../shared/api/scorecards';
import { scaleRange } from '../../../shared/domain/scoring';
import { fmtClock } from '../../../shared/domain/transcript';
import { api } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { fmtDateTime, personName } from '../../lib/format';
import { fmtScore, loc, scoreColor, versionLabel } from './util';
import { clickable } from '../../lib/clickable';

export function EvaluationView(props: {
  detail: EvaluationDetail;
  canRespond: boolean;
  onSeek: (ms: number) => void;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const { detail } = props;
  const [dispute, setDispute] = useState<{ criterionId: number; label: string } | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const fbFor = (cid: number) => detail.feedback.filter((f) => f.criterionId === cid);
  const respond = async (criterionId: number, kind: 'acknowledge' | 'dispute', why = '') => {
    setError(null);
    try {
      await api('scorecards.feedback.add', { evaluationId: detail.evaluation.id, criterionId, kind, reason: why });
      notifications.show({
        color: 'green',
        message: kind === 'dispute' ? t('scorecards.feedback.disputeSent') : t('scorecards.feedback.acknowledged'),
      });
      setDispute(null);
      setReason('');
      props.onChanged();
    } catch (e) {
      setError(errorText(t, e));
    }
  };
  return (
    <Stack gap="sm" data-testid="evaluation-view">
      <Card withBorder padding="sm">
        <Group justify="space-between">
          <div>
            <Text size="xs" c="dimmed">
              {t('scorecards.eval.by', { grader: personName(detail.evaluation.grader), date: fmtDateTime(detail.evaluation.submittedAt) })}{' '}
              · {versionLabel(detail.version)}
            </Text>
            <Group gap="xs">
              <Title order={3} c={scoreColor(detail.evaluation.score)} data-testid="final-score">
                {fmtScore(detail.evaluation.score)}
              </Title>
              {/* the bonus earned, shown beside the score: the score itself never passes 100% */}
              {detail.result.bonus > 0 && !detail.result.autoFailed && (
                <Badge color="grape" data-testid="final-bonus">
                  {t('scorecards.score.bonus', { n: detail.result.bonus })}
                </Badge>
              )}
            </Group>
          </div>
          {detail.evaluation.autoFailed && <Badge color="red">{t('scorecards.score.autoFailed')}</Badge>}
        </Group>
        {detail.summary && (
          <Text size="sm" mt="xs" style={{ whiteSpace: 'pre-wrap' }}>
            {detail.summary}
          </Text>
        )}
        {detail.result.autoFailed && (
          <Alert color="red" mt="xs" p="xs">
            {t('scorecards.score.zeroBecause', { what: detail.result.failedBy.map((f) => loc(f.prompt)).join('; ') })}
          </Alert>
        )}
      </Card>
      {error && <Alert color="red">{error}</Alert>}
      {detail.version.definition.sections.map((s) => (
        <Card key={s.key} withBorder padding="sm">
          <Text fw={600} mb={6}>
            {loc(s.title)}
          </Text>
          <Stack gap="sm">
            {s.criteria.map((c) => {
              const a = detail.answers[c.id];
              const fb = fbFor(c.id);
              const open = fb.some((f) => f.status === 'open');
              const ack = fb.some((f) => f.kind === 'acknowledge');
              return (
                <div key={c.id} data-testid={`view-criterion-${c.id}`}>
                  <Group justify="space-between" wrap="nowrap">
                    <Text size="sm" style={{ flex: 1 }}>
                      {loc(c.prompt)}
                    </Text>
                    <Badge variant="light" color={a?.na ? 'gray' : a && a.value === scaleRange(c.scale).min ? 'red' : 'blue'}>
                      {a?.na
                        ? t('scorecards.criterion.na')
                        : a?.value === null || !a
                          ? '—'
                          : c.scale === 'yes_no'
                            ? a.value
                              ? t('common.yes')
                              : t('common.no')
                            : `${a.value} / ${scaleRange(c.scale).max}`}
                    </Badge>
                  </Group>
                  {a?.comment && (
                    <Text size="xs" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
                      {a.comment}
                    </Text>
                  )}
                  <Group gap={6} mt={2}>
                    {a?.evidenceMs !== null && a?.evidenceMs !== undefined && (
                      <Badge variant="outline" {...clickable(() => props.onSeek(a.evidenceMs!))}>
                        ▶ {fmtClock(a.evidenceMs)}
                      </Badge>
                    )}
                    {fb.map((f) => (
                      <Badge
                        key={f.id}
                        color={
                          f.status === 'open' ? 'orange' : f.status === 'rejected' ? 'gray' : f.status === 'acknowledged' ? 'teal' : 'green'
                        }
                        data-testid={`feedback-status-${c.id}`}
                      >
                        {t(`scorecards.feedback.status.${f.status}`)}
                        {f.newValue !== null ? ` → ${f.newValue}` : ''}
                      </Badge>
                    ))}
                    {props.canRespond && !open && !ack && (
                      <>
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          onClick={() => void respond(c.id, 'acknowledge')}
                          data-testid={`ack-${c.id}`}
                        >
                          {t('scorecards.feedback.acknowledge')}
                        </Button>
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          color="orange"
                          onClick={() => setDispute({ criterionId: c.id, label: loc(c.prompt) })}
                          data-testid={`dispute-${c.id}`}
                        >
                          {t('scorecards.feedback.dispute')}
                        </Button>
                      </>
                    )}
                  </Group>
                  {fb
                    .filter((f) => f.kind === 'dispute')
                    .map((f) => (
                      <Text key={f.id} size="xs" mt={2}>
                        {t('scorecards.feedback.reasonLine', { reason: f.reason })}
                        {f.resolution
                          ? ` — ${t('scorecards.feedback.resolutionLine', { who: personName(f.resolvedBy), note: f.resolution })}`
                          : ''}
                      </Text>
                    ))}
                </div>
              );
            })}
          </Stack>
        </Card>
      ))}
      {detail.log.length > 0 && (
        <Card withBorder padding="sm">
          <Text fw={600} size="sm" mb={4}>
            {t('scorecards.eval.history')}
          </Text>
          {detail.log.map((l, i) => (
            <Text key={i} size="xs" c="dimmed">
              {fmtDateTime(l.at)} · {personName(l.actor)} · {t(`scorecards.log.${l.action}`, { defaultValue: l.action })}
            </Text>
          ))}
        </Card>
      )}
      <Modal
        opened={!!dispute}
        onClose={() => setDispute(null)}
        title={t('scorecards.feedback.disputeTitle', { criterion: dispute?.label ?? '' })}
      >
        <Stack>
          <Textarea
            label={t('scorecards.feedback.reason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            autosize
            minRows={3}
            maxLength={2000}
            data-testid="dispute-reason"
          />
          {error && <Alert color="red">{error}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDispute(null)}>
              {t('actions.cancel')}
            </Button>
            <Button
              color="orange"
              onClick={() => dispute && void respond(dispute.criterionId, 'dispute', reason)}
              data-testid="dispute-send"
            >
              {t('scorecards.feedback.send')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
