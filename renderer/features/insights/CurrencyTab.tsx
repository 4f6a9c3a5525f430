/**
 * Currencies: the workspace's reporting currency, monthly exchange rates to it (entered here or
 * imported from a CSV), and the months whose won deals still need a rate.
 */
import { Alert, Badge, Button, Card, FileButton, Group, NumberInput, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CurrencySettings, RatesImport } from '../../../shared/api/crm';
import { ISO_CURRENCIES } from '../../../shared/domain/currency';
import { RowErrorsTable } from '../../app/RowErrorsTable';
import { api, useApi } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { fmtNumber } from '../../lib/format';
import { currencyLabel } from './format';

export function CurrencyTab() {
  const { t, i18n } = useTranslation();
  const q = useApi('crm.currencies', {});
  const [s, setS] = useState<CurrencySettings | null>(null);
  const data = s ?? q.data ?? null;
  const [month, setMonth] = useState('');
  const [currency, setCurrency] = useState<string | null>(null);
  const [rate, setRate] = useState<number | string>('');
  const [error, setError] = useState<string | null>(null);
  const [imported, setImported] = useState<RatesImport | null>(null);
  const options = useMemo(() => ISO_CURRENCIES.map((c) => ({ value: c, label: currencyLabel(c, i18n.language) })), [i18n.language]);
  const run = async (f: () => Promise<CurrencySettings>) => {
    setError(null);
    try {
      setS(await f());
      return true;
    } catch (e) {
      setError(errorText(t, e));
      return false;
    }
  };
  const save = async () => {
    if (!currency) return;
    if (await run(() => api('crm.setRate', { month: month.trim(), currency, rate: Number(rate) }))) {
      notifications.show({ color: 'green', message: t('insights.currency.saved') });
      setRate('');
    }
  };
  const importCsv = async (file: File | null) => {
    if (!file) return;
    setError(null);
    try {
      const r = await api('crm.importRates', { csv: await file.text() });
      setImported(r);
      setS(r.settings);
      notifications.show({ color: r.errors.length ? 'yellow' : 'green', message: t('insights.currency.imported', { count: r.imported }) });
    } catch (e) {
      setError(errorText(t, e));
    }
  };
  if (!data) return null;
  const quote = data.effective;
  return (
    <Card withBorder radius="md" padding="md" data-testid="currency-tab">
      <Stack gap="md">
        <div>
          <Title order={4}>{t('insights.currency.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('insights.currency.help')}
          </Text>
        </div>
        {error && (
          <Alert color="red" data-testid="currency-error">
            {error}
          </Alert>
        )}
        <Group align="flex-end">
          <Select
            label={t('insights.currency.reporting')}
            data={options}
            searchable
            value={data.reporting}
            onChange={(v) => v && void run(() => api('crm.setReportingCurrency', { currency: v }))}
            w={320}
            data-testid="reporting-currency"
          />
          {data.used.length > 0 && (
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                {t('insights.currency.used')}
              </Text>
              <Group gap={6}>
                {data.used.map((u) => (
                  <Badge key={u.currency} variant="light" tt="none">
                    {u.currency || t('insights.noCurrency')} · {t('insights.currency.deals', { count: u.deals })}
                  </Badge>
                ))}
              </Group>
            </Stack>
          )}
        </Group>
        {!data.reporting && data.effective && <Alert color="blue">{t('insights.currency.notChosen', { currency: data.effective })}</Alert>}
        {quote && (
          <>
            <Title order={5}>{t('insights.currency.rates', { quote })}</Title>
            <Group align="flex-end">
              <TextInput
                label={t('insights.currency.month')}
                placeholder="2025-03"
                value={month}
                onChange={(e) => setMonth(e.currentTarget.value)}
                w={150}
                data-testid="rate-month"
              />
              <Select
                label={t('insights.currency.currency')}
                data={options.filter((o) => o.value !== quote)}
                searchable
                value={currency}
                onChange={setCurrency}
                w={260}
                data-testid="rate-currency"
              />
              <NumberInput
                label={t('insights.currency.rate')}
                description={currency ? t('insights.currency.rateHint', { quote, currency }) : undefined}
                value={rate}
                onChange={setRate}
                min={0}
                decimalScale={6}
                w={180}
                data-testid="rate-value"
              />
              <Button onClick={() => void save()} disabled={!currency || !month || !(Number(rate) > 0)} data-testid="rate-save">
                {t('insights.currency.save')}
              </Button>
              <FileButton onChange={(f) => void importCsv(f)} accept=".csv,text/csv,text/plain">
                {(props) => (
                  <Button variant="default" {...props} data-testid="rates-import">
                    {t('insights.currency.importCsv')}
                  </Button>
                )}
              </FileButton>
            </Group>
            <Text size="xs" c="dimmed">
              {t('insights.currency.importHelp', { quote })}
            </Text>
            {imported && imported.errors.length > 0 && (
              <>
                <Text size="sm" fw={500}>
                  {t('insights.currency.errorsTitle', { count: imported.errors.length })}
                </Text>
                <RowErrorsTable errors={imported.errors} maxHeight={200} testId="rates-errors" />
              </>
            )}
            {data.missing.length > 0 && (
              <Alert color="yellow" title={t('insights.currency.missing')} data-testid="rates-missing">
                <Stack gap={4}>
                  {data.missing.slice(0, 12).map((m) => (
                    <Group key={`${m.currency}-${m.month}`} gap="xs">
                      <Text size="sm">{t('insights.currency.missingRow', { currency: m.currency, month: m.month, count: m.deals })}</Text>
                      <Button
                        size="compact-xs"
                        variant="light"
                        onClick={() => {
                          setMonth(m.month);
                          setCurrency(m.currency);
                        }}
                      >
                        {t('insights.currency.use')}
                      </Button>
                    </Group>
                  ))}
                </Stack>
              </Alert>
            )}
            {data.rates.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('insights.currency.noRates')}
              </Text>
            ) : (
              <Table fz="sm" withTableBorder striped data-testid="rates-table" maw={560}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('insights.currency.month')}</Table.Th>
                    <Table.Th>{t('insights.currency.currency')}</Table.Th>
                    <Table.Th>{t('insights.currency.rate')}</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.rates.slice(0, 200).map((r) => (
                    <Table.Tr key={`${r.month}-${r.currency}`}>
                      <Table.Td>{r.month}</Table.Td>
                      <Table.Td>{r.currency}</Table.Td>
                      <Table.Td>
                        {fmtNumber(r.rate, 4)}{' '}
                        <Text span size="xs" c="dimmed">
                          {t('insights.currency.rateHint', { quote, currency: r.currency })}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          color="red"
                          onClick={() => void run(() => api('crm.setRate', { month: r.month, currency: r.currency, rate: null }))}
                        >
                          {t('insights.currency.remove')}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </>
        )}
      </Stack>
    </Card>
  );
}
