/**
 * The Mantine theme, built per UI language (close buttons and progress bars
 * get names screen readers can say) and with colours that pass WCAG AA
 * contrast (4.5:1 for text): Mantine's default shades put white on red-6 or
 * orange text on orange-0 at about 3.3–3.6:1, so every variant's text/background
 * pair is darkened until it passes.
 */
import {
  createTheme,
  darken,
  defaultVariantColorsResolver,
  luminance,
  parseThemeColor,
  type CSSVariablesResolver,
  type MantineThemeOverride,
  type VariantColorsResolver,
} from '@mantine/core';

const FONTS = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "PingFang SC", "Microsoft YaHei", "Noto Sans SC", sans-serif';

const ratio = (a: string, b: string) => {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
};

/** Light tints (light variants, hovered rows, coloured panels) are at most this dark: text readable on it is readable on all of them. */
const TINT = '#b8b8b8';

/** `fg` darkened in small steps until it reads on `bg` at 4.6:1 (a little over AA, for anti-aliasing). */
export function readable(fg: string, bg: string): string {
  let c = fg;
  for (let i = 1; i <= 20 && ratio(c, bg) < 4.6; i++) c = darken(fg, i * 0.05);
  return c;
}

const resolver: VariantColorsResolver = (input) => {
  const base = defaultVariantColorsResolver(input);
  const parsed = parseThemeColor({ color: input.color || input.theme.primaryColor, theme: input.theme });
  if (!parsed.isThemeColor) return base;
  const shades = input.theme.colors[parsed.color];
  if (input.variant === 'filled') {
    // white text on the colour: darken the background
    const bg = readable(shades[parsed.shade ?? 6], '#ffffff');
    return { ...base, background: bg, hover: darken(bg, 0.1), color: '#ffffff' };
  }
  if (input.variant === 'light') return { ...base, color: readable(shades[8], TINT) };
  if (input.variant === 'outline' || input.variant === 'subtle' || input.variant === 'transparent') {
    const c = readable(shades[7], TINT);
    return { ...base, color: c, border: input.variant === 'outline' ? `1px solid ${c}` : base.border };
  }
  return base;
};

export function buildTheme(labels: {
  close: string;
  progress: string;
  scroll: string;
  previous: string;
  next: string;
  first: string;
  last: string;
  page: (n: number) => string;
}): MantineThemeOverride {
  return createTheme({
    primaryColor: 'indigo',
    primaryShade: 7,
    defaultRadius: 'sm',
    fontFamily: FONTS,
    headings: { fontFamily: FONTS },
    variantColorResolver: resolver,
    components: {
      CloseButton: { defaultProps: { 'aria-label': labels.close } },
      ProgressSection: { defaultProps: { 'aria-label': labels.progress } },
      // a scrollable list must be reachable with the keyboard to scroll it
      ScrollArea: { defaultProps: { viewportProps: { tabIndex: 0, 'aria-label': labels.scroll } } },
      ScrollAreaAutosize: { defaultProps: { viewportProps: { tabIndex: 0, 'aria-label': labels.scroll } } },
      Pagination: {
        defaultProps: {
          getControlProps: (c: 'first' | 'previous' | 'last' | 'next') => ({ 'aria-label': labels[c] }),
          getItemProps: (page: number) => ({ 'aria-label': labels.page(page) }),
        },
      },
    },
  });
}

/**
 * `c="red"`, filled backgrounds and light-variant text read the colour's CSS
 * variables: each is darkened until it passes AA on white and on light tints.
 */
export const cssVariables: CSSVariablesResolver = (theme) => {
  const light: Record<string, string> = {};
  for (const [name, shades] of Object.entries(theme.colors)) {
    const filled = readable(shades[7], TINT);
    light[`--mantine-color-${name}-filled`] = filled;
    light[`--mantine-color-${name}-filled-hover`] = darken(filled, 0.1);
    light[`--mantine-color-${name}-light-color`] = readable(shades[8], TINT);
    light[`--mantine-color-${name}-text`] = filled;
  }
  light['--mantine-color-error'] = readable(theme.colors.red[7], '#ffffff');
  return { variables: {}, light, dark: {} };
};
