import { Modal, Progress, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../lib/api';
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
        </Stack>
      )}
    </Modal>
  );
}
