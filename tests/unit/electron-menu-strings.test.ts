import { describe, expect, it } from 'vitest';
import { MENU_STRINGS, menuStringsFor } from '../../main/electron/menuStrings';

describe('application menu strings', () => {
  it('has every item in English, Russian and Chinese, really translated', () => {
    const keys = Object.keys(MENU_STRINGS.en).sort();
    for (const lang of ['ru', 'zh'] as const) {
      expect(Object.keys(MENU_STRINGS[lang]).sort()).toEqual(keys);
      for (const k of keys) {
        const v = MENU_STRINGS[lang][k as keyof typeof MENU_STRINGS.en];
        expect(v.trim(), `${lang}.${k}`).not.toBe('');
        expect(v, `${lang}.${k}`).not.toBe(MENU_STRINGS.en[k as keyof typeof MENU_STRINGS.en]);
      }
    }
  });
  it('is chosen from the app locale', () => {
    expect(menuStringsFor('ru-RU').file).toBe('Файл');
    expect(menuStringsFor('ru').go).toBe('Переход');
    expect(menuStringsFor('zh-CN').settings).toBe('设置');
    expect(menuStringsFor('zh-TW').view).toBe('视图');
    expect(menuStringsFor('en-US').file).toBe('File');
    expect(menuStringsFor('de-DE').file).toBe('File');
  });
});
