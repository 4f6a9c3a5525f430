/**
 * Settings → Speech: the streaming model folder per language (en/ru/zh). The desktop app
 * chooses it with the system folder dialog; the browser host types its path (a browser
 * cannot pick folders on the computer the host runs on). Each folder is checked at once
 * with the recogniser's own checks, the message shown under its field; only a folder that
 * passes is kept. Listen on the live-call screen uses the call language's folder.
 */
import { Badge, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { SCRIPT_LANGUAGES, type ScriptLanguage } from '../../../shared/api/scripts';
import type { SpeechSettings as Settings } from '../../../shared/api/speech';
import { useSession } from '../../app/session';
import { api, useApi } from '../../lib/api';
import { useCan } from '../access/useCan';
import { speechText } from './speechText';

function ModelRow(props: { language: ScriptLanguage; settings: Settings; editable: boolean; onSaved: (s: Settings) => void }) {
  const { t } = useTranslation();
  const slot = props.settings.models[props.language];
  const [value, setValue] = useState(slot.folder ?? '');
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const name = t(`speech.lang.${props.language}`);
  useEffect(() => setValue(slot.folder ?? ''), [slot.folder]);

  const save = async (folder: string | null) => {
    setBusy(true);
    setMessage(null);
    try {
      const s = await api('speech.settings.setModel', { language: props.language, folder });
      props.onSaved(s);
      notifications.show({
        color: 'green',
        message: t(folder ? 'speech.settings.saved' : 'speech.settings.forgotten', { language: name }),
      });
    } catch (e) {
      setMessage(speechText(t, e));
    } finally {
      setBusy(false);
    }
  };
  const choose = async () => {
    try {
      const r = await api('speech.settings.pickFolder', { language: props.language });
      if (r.folder) {
        setValue(r.folder);
        await save(r.folder);
      }
    } catch (e) {
      setMessage(speechText(t, e));
    }
  };
  // a kept folder that no longer passes (moved, deleted) shows why, like a fresh mistake
  const shown = message ?? (slot.folder && slot.problem && value === slot.folder ? speechText(t, slot.problem) : null);
  const ready = !!slot.folder && !slot.problem && value === slot.folder;
  return (
    <Stack gap={4} data-testid={`speech-model-${props.language}`}>
      <Group align="flex-end" gap="xs" wrap="nowrap">
        <TextInput
          style={{ flex: 1 }}
          label={t('speech.settings.folder', { language: name })}
          placeholder={t('speech.settings.placeholder', {
            dir: `${props.settings.modelsDir}${props.settings.modelsDir.includes('\\') ? '\\' : '/'}…`,
          })}
          value={value}
          onChange={(e) => {
            setValue(e.currentTarget.value);
            setMessage(null);
          }}
          onKeyDown={(e) => e.key === 'Enter' && value.trim() && void save(value.trim())}
          error={shown}
          readOnly={!props.editable}
          styles={{ input: { fontFamily: 'monospace' } }}
          data-testid={`speech-folder-${props.language}`}
        />
        {props.editable && props.settings.host === 'electron' && (
          <Button variant="default" onClick={() => void choose()} disabled={busy} data-testid={`speech-choose-${props.language}`}>
            {t('speech.settings.choose')}
          </Button>
        )}
        {props.editable && (
          <Button
            onClick={() => void save(value.trim())}
            loading={busy}
            disabled={!value.trim() || ready}
            data-testid={`speech-check-${props.language}`}
          >
            {t('speech.settings.check')}
          </Button>
        )}
        {props.editable && slot.folder && (
          <Button
            variant="subtle"
            color="gray"
            onClick={() => void save(null)}
            disabled={busy}
            data-testid={`speech-forget-${props.language}`}
          >
            {t('speech.settings.forget')}
          </Button>
        )}
      </Group>
      {ready && (
        <Badge color="teal" variant="light" data-testid={`speech-ready-${props.language}`}>
          {t('speech.settings.ready')}
        </Badge>
      )}
      {!slot.folder && !shown && (
        <Text size="xs" c="dimmed">
          {t('speech.settings.notSet', { language: name })}
        </Text>
      )}
    </Stack>
  );
}

export function SpeechSettings() {
  const { t } = useTranslation();
  const can = useCan();
  const { session } = useSession();
  const q = useApi('speech.settings.get', {});
  const [settings, setSettings] = useState<Settings | null>(null);
  const card = useRef<HTMLDivElement>(null);
  const location = useLocation();
  useEffect(() => {
    if (q.data) setSettings(q.data);
  }, [q.data]);
  // "Open Settings → Speech" from the live-call screen lands here
  useEffect(() => {
    if (location.hash === '#speech' && settings) card.current?.scrollIntoView({ block: 'start' });
  }, [location.hash, settings]);
  if (!settings) return null;
  const editable = can('speech.settings.setModel') || !!session?.actor.owner;
  return (
    <Card withBorder ref={card} id="speech" data-testid="speech-settings">
      <Title order={4}>{t('speech.settings.title')}</Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('speech.settings.help')}
      </Text>
      <Stack gap="md">
        {SCRIPT_LANGUAGES.map((l) => (
          <ModelRow key={l} language={l} settings={settings} editable={editable} onSaved={setSettings} />
        ))}
        {settings.host === 'browser' && editable && (
          <Text size="xs" c="dimmed">
            {t('speech.settings.browserHint')}
          </Text>
        )}
        <Text size="xs" c="dimmed" data-testid="speech-system-audio">
          {t(`speech.settings.system.${settings.systemAudio}`)}
        </Text>
      </Stack>
    </Card>
  );
}
