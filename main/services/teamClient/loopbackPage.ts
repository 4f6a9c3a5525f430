/**
 * The page the browser shows when single sign-on returns to the desktop app's
 * loopback listener, in the app's language: signed in (return to the app) or
 * what went wrong. Served by the app itself, so no remote resources.
 */
import type { SsoFailure } from './ssoLoopback';

export type PageLang = 'en' | 'ru' | 'zh';

type Outcome = { name: string } | { error: SsoFailure | 'finished' };

export const loopbackStrings = {
  en: {
    title: 'Sales Workbench',
    signedIn: 'You are signed in as {{name}}.',
    returnToApp: 'You can close this tab and return to Sales Workbench.',
    notSignedIn: 'You are not signed in.',
    retry: 'Return to Sales Workbench and try again.',
    errors: {
      finished: 'This sign-in has already finished.',
      stateMismatch: 'This sign-in was not started by the app (state mismatch).',
      badCode: 'The team server refused the sign-in code (unknown, expired or already used).',
      noPerson: 'Your SSO account does not match an active person in this workspace. Ask your administrator.',
      unverified: 'Your identity provider did not confirm your e-mail address.',
      failed: 'Single sign-on did not succeed.',
      timeout: 'The sign-in took too long.',
      cancelled: 'The sign-in was cancelled in the app.',
      noBrowser: 'The browser could not be opened.',
    },
  },
  ru: {
    title: 'Sales Workbench',
    signedIn: 'Вы вошли как {{name}}.',
    returnToApp: 'Эту вкладку можно закрыть и вернуться в Sales Workbench.',
    notSignedIn: 'Вход не выполнен.',
    retry: 'Вернитесь в Sales Workbench и попробуйте снова.',
    errors: {
      finished: 'Этот вход уже завершён.',
      stateMismatch: 'Этот вход начат не приложением (несовпадение state).',
      badCode: 'Командный сервер отклонил код входа (неизвестен, просрочен или уже использован).',
      noPerson: 'Ваша учётная запись SSO не совпадает ни с одним активным сотрудником этого пространства. Обратитесь к администратору.',
      unverified: 'Поставщик удостоверений не подтвердил ваш адрес эл. почты.',
      failed: 'Единый вход не удался.',
      timeout: 'Вход занял слишком много времени.',
      cancelled: 'Вход отменён в приложении.',
      noBrowser: 'Не удалось открыть браузер.',
    },
  },
  zh: {
    title: 'Sales Workbench',
    signedIn: '您已以 {{name}} 的身份登录。',
    returnToApp: '可以关闭此标签页，返回 Sales Workbench。',
    notSignedIn: '未能登录。',
    retry: '请返回 Sales Workbench 重试。',
    errors: {
      finished: '此次登录已经结束。',
      stateMismatch: '此次登录并非由应用发起（state 不匹配）。',
      badCode: '团队服务器拒绝了登录代码（未知、已过期或已使用）。',
      noPerson: '您的 SSO 账户与此工作区中的在职人员不匹配。请联系管理员。',
      unverified: '身份提供方未确认您的电子邮件地址。',
      failed: '单点登录未成功。',
      timeout: '登录耗时过长。',
      cancelled: '已在应用中取消登录。',
      noBrowser: '无法打开浏览器。',
    },
  },
} as const;

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function loopbackPage(lang: PageLang, outcome: Outcome): string {
  const t = loopbackStrings[lang] ?? loopbackStrings.en;
  const ok = 'name' in outcome;
  const heading = ok ? t.signedIn.replace('{{name}}', outcome.name) : t.notSignedIn;
  const detail = ok ? t.returnToApp : `${t.errors[outcome.error]} ${t.retry}`;
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(t.title)}</title>
<style>
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;background:#f8f9fa;color:#212529;margin:0;display:flex;min-height:100vh;align-items:center;justify-content:center}
main{background:#fff;border:1px solid #dee2e6;border-radius:8px;padding:32px 40px;max-width:520px;box-shadow:0 1px 3px rgba(0,0,0,.06)}
h1{font-size:20px;margin:0 0 12px;color:${ok ? '#2b8a3e' : '#c92a2a'}}
p{margin:0;font-size:15px;line-height:1.5}
.app{font-size:13px;color:#868e96;margin-bottom:16px}
</style></head>
<body><main data-outcome="${ok ? 'signedIn' : escape(outcome.error)}"><div class="app">${escape(t.title)}</div><h1>${escape(heading)}</h1><p>${escape(detail)}</p></main></body></html>`;
}
