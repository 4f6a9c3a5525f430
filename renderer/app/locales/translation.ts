/**
 * The type of a translation that mirrors English's keys: i18next plural
 * forms (`days_one`, `days_few`, …) differ by language (Russian one/few/many/
 * other, Chinese only other), so they are free per language; every other key
 * must be there. tests/unit/i18n.test.ts checks each language's plural forms.
 */
type PluralSuffix = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';
type PluralKey = `${string}_${PluralSuffix}`;

export type Translation<T> = {
  [K in keyof T as K extends PluralKey ? never : K]: T[K] extends string ? string : Translation<T[K]>;
} & { [K in keyof T as K extends PluralKey ? K : never]?: string } & { [k: PluralKey]: string };
