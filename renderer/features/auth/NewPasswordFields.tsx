/** The new password twice (set-up, invitation, change password); a mismatch is said under the second field. */
import { PasswordInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function NewPasswordFields(props: {
  password: string;
  repeat: string;
  onPassword: (v: string) => void;
  onRepeat: (v: string) => void;
  mismatch: boolean;
  /** The rule under the first field, where no rules box is shown above. */
  description?: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <PasswordInput
        label={t('auth.choosePassword')}
        description={props.description}
        autoComplete="new-password"
        required
        value={props.password}
        onChange={(e) => props.onPassword(e.currentTarget.value)}
        data-testid="new-password"
      />
      <PasswordInput
        label={t('auth.repeatPassword')}
        autoComplete="new-password"
        required
        value={props.repeat}
        onChange={(e) => props.onRepeat(e.currentTarget.value)}
        error={props.mismatch ? t('auth.mismatch') : undefined}
        data-testid="repeat-password"
      />
    </>
  );
}
