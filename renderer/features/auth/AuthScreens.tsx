/**
 * What a team server shows before anyone is signed in: the sign-in form
 * (with "Sign in with SSO" when configured), the invitation acceptance screen
 * and the owner's one-time set-up screen. Messages come from the server as
 * keys and are shown in the UI language.
 */
import {
  Alert,
  Anchor,
  Button,
  Card,
  Center,
  Divider,
  List,
  Loader,
  PasswordInput,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconKey, IconLogin } from '@tabler/icons-react';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Route, Routes, useParams } from 'react-router';
import { useNavigate } from '../../lib/navigate';
import { PASSWORD_MIN } from '../../../shared/api/auth';
import { LANGUAGES, setLanguage, type Lang } from '../../app/i18n';
import { NewPasswordFields } from './NewPasswordFields';
import { useSession } from '../../app/session';
import { api, useApi } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { dynamicKey } from '../../app/keys';

function Frame({ title, children }: { title: string; children: ReactNode }) {
  const { t, i18n } = useTranslation();
  return (
    <Center mih="100vh" p="md" bg="gray.0">
      <Card withBorder shadow="sm" w={420} p="xl" component="main">
        <Stack gap="md">
          <Stack gap={2}>
            <Text size="sm" c="dimmed">
              {t('app.name')}
            </Text>
            <Title order={2}>{title}</Title>
          </Stack>
          {children}
          <Select
            aria-label={t('header.language')}
            size="xs"
            w={120}
            data={LANGUAGES.map((l) => ({ value: l.code, label: l.label }))}
            value={i18n.language}
            allowDeselect={false}
            data-testid="language-picker"
            onChange={(v) => {
              if (v) void setLanguage(v as Lang);
            }}
          />
        </Stack>
      </Card>
    </Center>
  );
}

function PasswordRules() {
  const { t } = useTranslation();
  return (
    <Alert variant="light" color="gray" title={t('auth.rulesTitle')} data-testid="password-rules">
      <List size="sm">
        <List.Item>{t('auth.ruleLength', { min: PASSWORD_MIN })}</List.Item>
        <List.Item>{t('auth.ruleCommon')}</List.Item>
      </List>
    </Alert>
  );
}

/** Runs a sign-in call and re-reads the session (the server has set the cookie). */
function useSignInAction() {
  const { t } = useTranslation();
  const { refresh } = useSession();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (call: () => Promise<unknown>) => {
    setError(null);
    setBusy(true);
    try {
      await call();
      navigate('/', { replace: true });
      await refresh();
    } catch (e) {
      setError(errorText(t, e));
    } finally {
      setBusy(false);
    }
  };
  return { error, setError, busy, run };
}

export function SignInScreen() {
  const { t } = useTranslation();
  const { auth, signedOutReason } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { error, busy, run } = useSignInAction();
  const ssoError = new URLSearchParams(window.location.search).get('sso_error');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      await api('auth.signIn', { email, password, client: 'browser' });
      setPassword('');
    });
  };
  const notice =
    error ??
    (ssoError && ['expired', 'failed', 'noPerson', 'unverified'].includes(ssoError) ? t(dynamicKey(`auth.ssoErrors.${ssoError}`)) : null);
  return (
    <Frame title={t('auth.signInTitle')}>
      {signedOutReason && !notice && (
        <Alert color="yellow" data-testid="signed-out-reason">
          {t(dynamicKey(`errors.${signedOutReason}`))}
        </Alert>
      )}
      {notice && (
        <Alert color="red" data-testid="signin-error" role="alert">
          {notice}
        </Alert>
      )}
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('auth.signInHelp')}
          </Text>
          <TextInput
            label={t('auth.email')}
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            data-testid="signin-email"
            autoFocus
          />
          <PasswordInput
            label={t('auth.password')}
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            data-testid="signin-password"
          />
          <Button type="submit" loading={busy} leftSection={<IconLogin size={16} />} data-testid="signin-submit">
            {t('auth.signIn')}
          </Button>
        </Stack>
      </form>
      {auth?.sso && (
        <>
          <Divider label={t('auth.or')} />
          <Button component="a" href="/auth/sso/start" variant="default" leftSection={<IconKey size={16} />} data-testid="signin-sso">
            {t('auth.sso')}
          </Button>
        </>
      )}
    </Frame>
  );
}

function NewPassword({ onSubmit, busy, label }: { onSubmit: (password: string) => void; busy: boolean; label: string }) {
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState(false);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (password !== repeat) return setMismatch(true);
        setMismatch(false);
        onSubmit(password);
      }}
    >
      <Stack gap="sm">
        <PasswordRules />
        <NewPasswordFields password={password} repeat={repeat} onPassword={setPassword} onRepeat={setRepeat} mismatch={mismatch} />
        <Button type="submit" loading={busy} data-testid="new-password-submit">
          {label}
        </Button>
      </Stack>
    </form>
  );
}

export function InvitationScreen() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const info = useApi('auth.invitation', { code });
  const { error, busy, run } = useSignInAction();
  return (
    <Frame title={t('auth.inviteTitle')}>
      {info.loading && !info.data && !info.error && <Loader size="sm" />}
      {info.error && (
        <Alert color="red" data-testid="invitation-error" role="alert">
          {errorText(t, info.error)}
        </Alert>
      )}
      {info.data && (
        <>
          <Text data-testid="invitation-for">{t('auth.inviteFor', { name: info.data.name, email: info.data.email })}</Text>
          {error && (
            <Alert color="red" data-testid="signin-error" role="alert">
              {error}
            </Alert>
          )}
          <NewPassword
            busy={busy}
            label={t('auth.acceptInvite')}
            onSubmit={(password) => void run(() => api('auth.acceptInvitation', { code, password, client: 'browser' }))}
          />
        </>
      )}
      <Anchor component={Link} to="/" size="sm">
        {t('auth.backToSignIn')}
      </Anchor>
    </Frame>
  );
}

export function SetupScreen() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const info = useApi('auth.setupInfo', { code });
  const [personId, setPersonId] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const { error, busy, run } = useSignInAction();
  const people = info.data?.people ?? [];
  return (
    <Frame title={t('auth.setupTitle')}>
      {info.error && (
        <Alert color="red" data-testid="setup-error" role="alert">
          {errorText(t, info.error)}
        </Alert>
      )}
      {info.data && (
        <>
          <Text size="sm">{t('auth.setupHelp')}</Text>
          {people.length > 0 ? (
            <Select
              label={t('auth.setupPerson')}
              searchable
              required
              data={people.map((p) => ({ value: String(p.id), label: `${p.name} · ${p.email}` }))}
              value={personId}
              onChange={setPersonId}
              data-testid="setup-person"
            />
          ) : (
            <>
              <TextInput
                label={t('auth.setupName')}
                required
                value={name}
                onChange={(e) => setName(e.currentTarget.value)}
                data-testid="setup-name"
              />
              <TextInput
                label={t('auth.setupEmail')}
                type="email"
                required
                value={email}
                onChange={(e) => setEmail(e.currentTarget.value)}
                data-testid="setup-email"
              />
            </>
          )}
          {error && (
            <Alert color="red" data-testid="signin-error" role="alert">
              {error}
            </Alert>
          )}
          <NewPassword
            busy={busy}
            label={t('auth.setupDone')}
            onSubmit={(password) =>
              void run(() =>
                api(
                  'auth.completeSetup',
                  people.length
                    ? { code, personId: personId ? Number(personId) : null, password }
                    : { code, personId: null, name, email, password },
                ),
              )
            }
          />
        </>
      )}
    </Frame>
  );
}

/** Team server, nobody signed in: invitation and set-up links, otherwise the sign-in form. */
export function AuthGate() {
  return (
    <Routes>
      <Route path="/invite/:code" element={<InvitationScreen />} />
      <Route path="/setup/:code" element={<SetupScreen />} />
      <Route path="*" element={<SignInScreen />} />
    </Routes>
  );
}
