/**
 * The application menu's words in English, Russian and Chinese, chosen from
 * the app's locale (Electron's app.getLocale(): "ru", "zh-CN", "en-US"…).
 * Plain data, no Electron import, so a unit test can check every language.
 */
export const MENU_STRINGS = {
  en: {
    file: 'File',
    settings: 'Settings',
    quit: 'Quit',
    edit: 'Edit',
    go: 'Go',
    home: 'Home',
    people: 'People',
    liveCall: 'Live call window (always on top)',
    view: 'View',
    reload: 'Reload',
    devTools: 'Developer tools',
    resetZoom: 'Actual size',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    fullScreen: 'Full screen',
    window: 'Window',
    search: 'Search everywhere',
    scripts: 'Scripts',
    library: 'Library',
    calls: 'Calls',
    training: 'Training',
    insights: 'Insights',
  },
  ru: {
    file: 'Файл',
    settings: 'Настройки',
    quit: 'Выход',
    edit: 'Правка',
    go: 'Переход',
    home: 'Главная',
    people: 'Сотрудники',
    liveCall: 'Окно звонка (поверх всех окон)',
    view: 'Вид',
    reload: 'Перезагрузить',
    devTools: 'Инструменты разработчика',
    resetZoom: 'Исходный масштаб',
    zoomIn: 'Увеличить',
    zoomOut: 'Уменьшить',
    fullScreen: 'Во весь экран',
    window: 'Окно',
    search: 'Поиск по всему',
    scripts: 'Скрипты',
    library: 'Библиотека',
    calls: 'Звонки',
    training: 'Обучение',
    insights: 'Аналитика',
  },
  zh: {
    file: '文件',
    settings: '设置',
    quit: '退出',
    edit: '编辑',
    go: '前往',
    home: '首页',
    people: '人员',
    liveCall: '通话窗口（置顶）',
    view: '视图',
    reload: '重新加载',
    devTools: '开发者工具',
    resetZoom: '实际大小',
    zoomIn: '放大',
    zoomOut: '缩小',
    fullScreen: '全屏',
    window: '窗口',
    search: '全局搜索',
    scripts: '话术',
    library: '资料库',
    calls: '通话',
    training: '培训',
    insights: '洞察',
  },
} as const;

export type MenuStrings = { [K in keyof (typeof MENU_STRINGS)['en']]: string };

/** "ru-RU" → Russian, "zh-CN"/"zh-TW"/"zh" → Chinese, anything else → English. */
export function menuStringsFor(locale: string): MenuStrings {
  const l = locale.toLowerCase();
  return l.startsWith('ru') ? MENU_STRINGS.ru : l.startsWith('zh') ? MENU_STRINGS.zh : MENU_STRINGS.en;
}
