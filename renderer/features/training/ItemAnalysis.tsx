import { Badge, Button, Modal, Progress, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, useApi } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { fmtDate, fmtNumber, personName } from '../../lib/format';
import { pct } from './util';

/** Item analysis of one quiz: % correct per question (lowest = where people get stuck). */
export function ItemAnalysisModal({ itemId, onClose }: { itemId: number | null; onClose: () => void }) {
  const { t } = useTranslation();
  const a = useApi('training.itemAnalysis', itemId ? { itemId } : null);
  return (
    <Modal opened={itemId != null} onClose={onClose} size="lg" title={a.data ? t('training.analysis.title', { title: a.data.title }) : ''}>
      {a.data && (
        <Stack>
          <Text size="sm" c="dimmed">
            {t('training.analysis.summary', { attempts: a.data.attempts, pass: pct(a.data.passRate) })}
          </Text>
          <Table data-testid="item-analysis">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('training.analysis.question')}</Table.Th>
                <Table.Th w={200}>{t('training.analysis.correct')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {a.data.questions.map((q) => (
                <Table.Tr key={q.id}>
                  <Table.Td>
                    <Text size="sm">{q.prompt}</Text>
                    <Text size="xs" c="dimmed">
                      {t('training.analysis.answered', { count: q.answered })}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Progress value={(q.pctCorrect ?? 0) * 100} color={q.pctCorrect != null && q.pctCorrect < 0.6 ? 'red' : 'green'} />
                    <Text size="xs">{pct(q.pctCorrect)}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Text fw={600} size="sm">
            {t('training.analysis.stuckPeople', { count: a.data.stuck.length })}
          </Text>
          {!a.data.stuck.length && (
            <Text size="sm" c="dimmed">
              {t('training.dash.noStuck')}
            </Text>
          )}
          <Table data-testid="stuck-people">
            <Table.Tbody>
              {a.data.stuck.map((s) => (
                <Table.Tr key={s.personId}>
                  <Table.Td>
                    <Text size="sm" component={Link} to={`/people/${s.personId}`} c="blue">
                      {personName(s)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs">
                      {t('training.analysis.personLine', { attempts: s.attempts, best: fmtNumber(s.bestScore), date: fmtDate(s.lastAt) })}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">
                    {s.outOfAttempts ? (
                      <Button
                        size="compact-xs"
                        variant="light"
                        onClick={() =>
                          void api('training.attempts.grant', { itemId: a.data!.itemId, personId: s.personId })
                            .then(() => {
                              notifications.show({ message: t('training.analysis.granted', { name: personName(s) }) });
                              a.reload();
                            })
                            .catch((e: unknown) => notifications.show({ color: 'red', message: errorText(t, e) }))
                        }
                      >
                        {t('training.analysis.grant')}
                      </Button>
                    ) : (
                      <Badge size="xs" variant="light">
                        {t('training.analysis.canRetry')}
                      </Badge>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      )}
    </Modal>
  );
}
