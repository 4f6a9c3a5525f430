/** Insights section: the charts, the CRM import (wizard + history), and currencies (reporting currency, rates). */
import { Stack, Tabs, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { CurrencyTab } from './CurrencyTab';
import { Dashboard } from './Dashboard';
import { ImportTab } from './ImportWizard';

export function InsightsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const asked = params.get('tab');
  const tab = asked === 'import' || asked === 'currency' ? asked : 'charts';
  return (
    <Stack>
      <div>
        <Title order={2}>{t('insights.title')}</Title>
        <Text c="dimmed" size="sm">
          {t('insights.subtitle')}
        </Text>
      </div>
      <Tabs value={tab} onChange={(v) => setParams(v === 'import' || v === 'currency' ? { tab: v } : {})} keepMounted={false}>
        <Tabs.List className="insights-noprint">
          <Tabs.Tab value="charts" data-testid="tab-charts">
            {t('insights.tabs.charts')}
          </Tabs.Tab>
          <Tabs.Tab value="import" data-testid="tab-import">
            {t('insights.tabs.import')}
          </Tabs.Tab>
          <Tabs.Tab value="currency" data-testid="tab-currency">
            {t('insights.tabs.currency')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="charts" pt="md">
          <Dashboard />
        </Tabs.Panel>
        <Tabs.Panel value="import" pt="md">
          <ImportTab />
        </Tabs.Panel>
        <Tabs.Panel value="currency" pt="md">
          <CurrencyTab />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
