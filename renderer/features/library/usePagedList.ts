/**
 * Server-side pages for a virtualised list: only the pages the viewport
 * touches are fetched (and kept), so 50,000 items scroll without loading them all.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { LibraryListRow } from '../../../shared/api/library';
import { invoke, type In } from '../../lib/api';

export const PAGE_SIZE = 100;

export function usePagedList(input: Omit<In<'library.list'>, 'offset' | 'limit'>, generation = 0) {
  const key = JSON.stringify(input) + '#' + generation;
  const [state, setState] = useState<{
    key: string;
    total: number | null;
    capped: boolean;
    pages: Map<number, LibraryListRow[]>;
    error: string | null;
  }>({
    key,
    total: null,
    capped: false,
    pages: new Map(),
    error: null,
  });
  const inflight = useRef(new Set<string>());

  const load = useCallback(
    (page: number) => {
      const id = `${key}:${page}`;
      if (inflight.current.has(id)) return;
      inflight.current.add(id);
      void invoke('library.list', {
        ...(JSON.parse(key.slice(0, key.lastIndexOf('#'))) as typeof input),
        offset: page * PAGE_SIZE,
        limit: PAGE_SIZE,
      }).then((r) => {
        setState((s) => {
          if (s.key !== key) return s;
          if (!r.ok) return { ...s, error: r.error.message };
          const pages = new Map(s.pages);
          pages.set(page, r.value.rows);
          return { ...s, pages, total: r.value.total, capped: r.value.capped, error: null };
        });
      });
    },
    [key],
  );

  useEffect(() => {
    inflight.current.clear();
    setState({ key, total: null, capped: false, pages: new Map(), error: null });
    load(0);
  }, [key, load]);

  const current = state.key === key ? state : { total: null, capped: false, pages: new Map<number, LibraryListRow[]>(), error: null };
  const rowAt = (i: number): LibraryListRow | undefined => current.pages.get(Math.floor(i / PAGE_SIZE))?.[i % PAGE_SIZE];
  const ensure = (i: number) => {
    const p = Math.floor(i / PAGE_SIZE);
    if (!current.pages.has(p)) load(p);
  };
  return { total: current.total, capped: current.capped, error: current.error, rowAt, ensure, loadedPages: current.pages.size };
}
