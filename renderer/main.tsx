// Bundled CJK font (split by unicode-range, loaded only for the characters shown): Chinese renders even where the OS has no CJK font.
import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-sc/700.css';
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/spotlight/styles.css';
import '@mantine/dropzone/styles.css';
import '@mantine/dates/styles.css';
import './app/global.css';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { initI18n, initialLanguage, prepareFonts } from './app/i18n';

// The language's translation files are loaded, then (Chinese) the interface's glyphs (at most ~2.5 s), before the
// first paint: no key and no box ever shows.
void initI18n()
  .then(() => prepareFonts(initialLanguage()))
  .finally(() => createRoot(document.getElementById('root')!).render(<App />));
