/** The live-call search box: results on every keystroke, ↑/↓ to pick, Enter to open, Ctrl+Enter to copy, Esc to clear. */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { SearchHit } from '../../../../shared/api/scripts';
import { useApi } from '../../../lib/api';
import { publishLiveSearch } from './renderTiming';

export function useLiveSearch(onOpen: (h: SearchHit) => void, onCopy: (h: SearchHit) => void) {
  const [query, setQuery] = useState('');
  const [sel, setSel] = useState(0);
  // useApi drops out-of-order answers
  const search = useApi(
    'scripts.search',
    query.trim() ? { query, language: null, kinds: ['step', 'objection', 'library'], limit: 20 } : null,
  );
  const hits = query.trim() ? (search.data ?? []) : [];
  useEffect(() => setSel(0), [query]);
  // results committed for this query: the bench times from the last key to this frame
  // (new data only: right after a keystroke the old results are still shown under the new query)
  const published = useRef<unknown>(null);
  useLayoutEffect(() => {
    if (!search.data || search.loading || search.data === published.current || !query.trim()) return;
    published.current = search.data;
    publishLiveSearch(query);
  }, [search.data, search.loading, query]);
  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setSel((s) => Math.min(s + 1, Math.max(0, hits.length - 1)));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setSel((s) => Math.max(0, s - 1));
    } else if (e.key === 'Enter' && hits[sel]) {
      e.preventDefault();
      if (e.ctrlKey || e.metaKey) onCopy(hits[sel]);
      else onOpen(hits[sel]);
    } else if (e.key === 'Escape') {
      setQuery('');
      e.currentTarget.blur();
    }
  };
  return { query, setQuery, sel, setSel, hits, loading: search.loading, onKeyDown };
}
