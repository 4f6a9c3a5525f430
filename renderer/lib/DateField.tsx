/** A date input in the UI language's format (Mantine DateInput with a dayjs locale); value in and out as YYYY-MM-DD or ''. */
import { DateInput, type DateInputProps } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import { DATE_FORMAT, parseTyped } from './dates';

type Props = Omit<DateInputProps, 'value' | 'onChange' | 'valueFormat' | 'dateParser'> & {
  value: string | null | undefined;
  onChange: (iso: string) => void;
};

export function DateField({ value, onChange, ...rest }: Props) {
  const { t, i18n } = useTranslation();
  const lang = (['en', 'ru', 'zh'].includes(i18n.language) ? i18n.language : 'en') as keyof typeof DATE_FORMAT;
  return (
    <DateInput
      {...rest}
      value={value || null}
      onChange={(v) => onChange(v ?? '')}
      valueFormat={DATE_FORMAT[lang]}
      dateParser={(s) => parseTyped(lang, s)}
      clearable={rest.clearable ?? true}
      clearButtonProps={{ 'aria-label': t('dates.clear') }}
      ariaLabels={{
        previousMonth: t('dates.previousMonth'),
        nextMonth: t('dates.nextMonth'),
        previousYear: t('dates.previousYear'),
        nextYear: t('dates.nextYear'),
        previousDecade: t('dates.previousDecade'),
        nextDecade: t('dates.nextDecade'),
        monthLevelControl: t('dates.chooseMonth'),
        yearLevelControl: t('dates.chooseYear'),
      }}
      popoverProps={{ withinPortal: true, ...rest.popoverProps }}
    />
  );
}
