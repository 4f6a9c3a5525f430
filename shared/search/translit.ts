/**
 * Latin ↔ Cyrillic transliteration for search: a user types "Vektor" for
 * «Вектор» or "Иван" for "Ivan". Only a search aid (one reasonable spelling,
 * the common Russian passport/BGN forms), not a reversible standard.
 */
const LAT_TO_CYR: [string, string][] = [
  ['shch', 'щ'],
  ['sch', 'щ'],
  ['yo', 'ё'],
  ['zh', 'ж'],
  ['kh', 'х'],
  ['ts', 'ц'],
  ['ch', 'ч'],
  ['sh', 'ш'],
  ['yu', 'ю'],
  ['ya', 'я'],
  ['ye', 'е'],
  ['a', 'а'],
  ['b', 'б'],
  ['v', 'в'],
  ['g', 'г'],
  ['d', 'д'],
  ['e', 'е'],
  ['z', 'з'],
  ['i', 'и'],
  ['y', 'й'],
  ['k', 'к'],
  ['l', 'л'],
  ['m', 'м'],
  ['n', 'н'],
  ['o', 'о'],
  ['p', 'п'],
  ['r', 'р'],
  ['s', 'с'],
  ['t', 'т'],
  ['u', 'у'],
  ['f', 'ф'],
  ['h', 'х'],
  ['c', 'к'],
  ['w', 'в'],
  ['x', 'кс'],
  ['q', 'к'],
  ['j', 'дж'],
];
const CYR_TO_LAT: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
};

const LATIN_ONLY = /^[\sa-z0-9'.,-]*[a-z][\sa-z0-9'.,-]*$/i;
const HAS_CYRILLIC = /\p{Script=Cyrillic}/u;

function latinToCyrillic(s: string): string {
  let out = '';
  const low = s.toLowerCase();
  for (let i = 0; i < low.length;) {
    const m = LAT_TO_CYR.find(([l]) => low.startsWith(l, i));
    if (m) {
      out += m[1];
      i += m[0].length;
    } else {
      out += low[i];
      i++;
    }
  }
  return out;
}

const cyrillicToLatin = (s: string) => [...s.toLowerCase()].map((c) => CYR_TO_LAT[c] ?? c).join('');

/** The query in the other script, when it is wholly Latin or has Cyrillic; null otherwise (e.g. Chinese). */
export function transliterated(query: string): string | null {
  const q = query.trim();
  if (!q) return null;
  if (LATIN_ONLY.test(q)) return latinToCyrillic(q);
  if (HAS_CYRILLIC.test(q)) return cyrillicToLatin(q);
  return null;
}
