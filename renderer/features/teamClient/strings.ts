/** Team-client strings: sync errors and the offline status of the local cache (en/ru/zh have the same keys). */
export const teamClientStrings = {
  en: {
    errors: {
      sync: {
        badCursor: 'The sync position is not valid; the app will download everything again.',
      },
    },
    teamClient: {
      offline: 'Offline — last updated {{time}}',
      online: 'Connected — updated {{time}}',
      never: 'Not synced yet',
      fileTooLarge: '"{{name}}" is larger than the {{mb}} MB offline limit; open it while connected.',
      expired: 'Your session on {{server}} has ended. Sign in again; what you have offline stays readable until you sign out.',
      revoked: 'Your account on {{server}} was turned off. What you have offline stays readable until you sign out.',
      otherWorkspace: '{{server}} now answers with a different workspace. Nothing was changed here; sign out to connect to it.',
    },
  },
  ru: {
    errors: {
      sync: {
        badCursor: 'Позиция синхронизации недействительна; приложение загрузит всё заново.',
      },
    },
    teamClient: {
      offline: 'Нет связи — обновлено в {{time}}',
      online: 'Подключено — обновлено в {{time}}',
      never: 'Ещё не синхронизировано',
      fileTooLarge: '«{{name}}» больше предела {{mb}} МБ для работы без сети; откройте его при подключении.',
      expired: 'Сеанс на {{server}} завершён. Войдите снова; сохранённое на компьютере остаётся доступным до выхода.',
      revoked: 'Ваша учётная запись на {{server}} отключена. Сохранённое на компьютере остаётся доступным до выхода.',
      otherWorkspace: '{{server}} теперь отвечает данными другого рабочего пространства. Здесь ничего не изменено; выйдите, чтобы подключиться к нему.',
    },
  },
  zh: {
    errors: {
      sync: {
        badCursor: '同步位置无效；应用将重新下载全部内容。',
      },
    },
    teamClient: {
      offline: '离线 — 最后更新于 {{time}}',
      online: '已连接 — 更新于 {{time}}',
      never: '尚未同步',
      fileTooLarge: '“{{name}}”超过离线上限 {{mb}} MB；请在联网时打开。',
      expired: '您在 {{server}} 的会话已结束。请重新登录；离线内容在退出登录前仍可查看。',
      revoked: '您在 {{server}} 的账户已被停用。离线内容在退出登录前仍可查看。',
      otherWorkspace: '{{server}} 现在返回的是另一个工作区的数据。此处未做任何更改；请退出登录后再连接。',
    },
  },
};
