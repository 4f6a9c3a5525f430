/** The live-call search box: results on every keystroke, ↑/↓ to pick, Enter to open, Ctrl+Enter to copy, Esc to clear. */
import { useEffect, useState } from 'react';
import type { SearchHit } from '../../../../shared/api/scripts';
import { useApi } from '../../../lib/api';

export function useLiveSearch(onOpen: (h: SearchHit) => void, onCopy: (h: SearchHit) => void) {
  const [query, setQuery] = useState('');
  const [sel, setSel] = useState(0);
  // useApi drops out-of-order answers
  const search = useApi('scripts.search', query.trim() ? { query, language: null, kinds: ['step', 'objection', 'library'], limit: 20 } : null);
  const hits = query.trim() ? (search.data ?? []) : [];
  useEffect(() => setSel(0), [query]);
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
