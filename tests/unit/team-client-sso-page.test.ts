/**
 * The pieces of desktop single sign-on that need no server: the loopback page
 * (every language has every text; a person's name cannot inject markup), the
 * server's loopback-redirect rule, and what the desktop shell may open in the
 * system browser.
 */
import { describe, expect, it } from 'vitest';
import { loopbackPage, loopbackStrings } from '../../main/services/teamClient/loopbackPage';
import { ssoFailures } from '../../main/services/teamClient/ssoLoopback';
import { loopbackRedirect } from '../../main/server/ssoDesktop';
import { isSsoStartUrl } from '../../main/electron/security';

type Tree = { [k: string]: string | Tree };
const keys = (t: Tree, p = ''): string[] =>
  Object.entries(t)
    .flatMap(([k, v]) => (typeof v === 'string' ? [p + k] : keys(v, `${p}${k}.`)))
    .sort();

describe('the loopback page', () => {
  it('has the same texts in en, ru and zh, one for every failure the app reports', () => {
    const en = keys(loopbackStrings.en);
    expect(keys(loopbackStrings.ru)).toEqual(en);
    expect(keys(loopbackStrings.zh)).toEqual(en);
    for (const why of Object.keys(ssoFailures)) expect(en).toContain(`errors.${why}`);
    expect(loopbackStrings.ru.returnToApp).not.toBe(loopbackStrings.en.returnToApp);
  });

  it('says who is signed in, in the page language, without letting a name add markup', () => {
    const html = loopbackPage('ru', { name: '<img src=x onerror=alert(1)>' });
    expect(html).toContain('<html lang="ru">');
    expect(html).toContain(loopbackStrings.ru.returnToApp);
    expect(html).not.toContain('<img');
    expect(loopbackPage('zh', { error: 'stateMismatch' })).toContain(loopbackStrings.zh.errors.stateMismatch);
  });
});

describe('loopback redirects (RFC 8252 §7.3)', () => {
  it('accepts only http on a loopback IP literal with a port', () => {
    expect(loopbackRedirect('http://127.0.0.1:49152/sso/callback')).toBe('http://127.0.0.1:49152/sso/callback');
    expect(loopbackRedirect('http://[::1]:49152/cb')).toBe('http://[::1]:49152/cb');
    for (const bad of [
      'http://localhost:49152/cb',
      'https://127.0.0.1:49152/cb',
      'http://127.0.0.1/cb',
      'http://127.0.0.2:80/cb',
      'http://a:b@127.0.0.1:5/cb',
      'http://127.0.0.1:5/cb#x',
      'http://evil.example:5/cb',
      'not a url',
      '',
      null,
    ]) {
      expect(loopbackRedirect(bad), String(bad)).toBeNull();
    }
  });
});

describe('what the desktop shell opens for single sign-on', () => {
  it('a team server sign-in start over https (http only on this computer), nothing else', () => {
    expect(isSsoStartUrl('https://team.example.com/auth/sso/desktop/start?state=x')).toBe(true);
    expect(isSsoStartUrl('http://127.0.0.1:8080/auth/sso/desktop/start?state=x')).toBe(true);
    for (const bad of [
      'http://team.example.com/auth/sso/desktop/start',
      'https://team.example.com/other',
      'https://u:p@team.example.com/auth/sso/desktop/start',
      'file:///auth/sso/desktop/start',
      'javascript:alert(1)',
    ]) {
      expect(isSsoStartUrl(bad), bad).toBe(false);
    }
  });
});
