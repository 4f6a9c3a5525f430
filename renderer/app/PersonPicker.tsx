/** Searchable person select that asks the server as you type (never loads the whole roster). */
import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import type { Person, Role } from '../../shared/api/people';
import { useApi } from '../lib/api';
import { personName } from '../lib/format';

interface Props extends Omit<SelectProps, 'data' | 'value' | 'onChange'> {
  value: number | null;
  onChange: (id: number | null, person: Person | null) => void;
  roleFilter?: Role | null;
  teamId?: number | null;
  /** Show this person even when not in the current search results. */
  current?: Person | null;
}

const label = (p: Person) => personName(p) + (p.teamName ? ` · ${p.teamName}` : '');

export function PersonPicker({ value, onChange, roleFilter = null, teamId = null, current, ...rest }: Props) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 150);
  // The input shows the chosen person's label; only text the user typed is a search.
  const selectedLabel = current && current.id === value ? label(current) : null;
  const q = debounced === selectedLabel ? '' : debounced;
  const { data } = useApi('people.list', {
    query: q,
    role: roleFilter,
    teamId,
    limit: 30,
    offset: 0,
    includeInactive: false,
    sort: 'name',
  });
  const people = useMemo(() => {
    const rows = data?.rows ?? [];
    return current && !rows.some((p) => p.id === current.id) ? [current, ...rows] : rows;
  }, [data, current]);
  const options = people.map((p) => ({ value: String(p.id), label: label(p) }));
  return (
    <Select
      searchable
      clearable={false}
      data={options}
      value={value ? String(value) : null}
      onChange={(v) => {
        const id = v ? Number(v) : null;
        onChange(id, people.find((p) => p.id === id) ?? null);
      }}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: o }) => o}
      nothingFoundMessage="—"
      {...rest}
    />
  );
}
