/** Objection cards and library items opened over the live-call screen. */
import { useCallback, useState } from 'react';
import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import type { ObjectionCard } from '../../../../shared/api/scripts';
import { api } from '../../../lib/api';
import { errorText } from '../../../lib/errors';

export function useCardPopups(t: TFunction, onCardOpened: (objectionId: number) => void) {
  const [card, setCard] = useState<ObjectionCard | null>(null);
  const [libraryItem, setLibraryItem] = useState<{ id: number; title: string } | null>(null);
  const openCard = useCallback(
    async (id: number) => {
      try {
        setCard(await api('scripts.objections.get', { id }));
        onCardOpened(id);
      } catch (e) {
        notifications.show({ color: 'red', message: errorText(t, e) });
      }
    },
    [onCardOpened, t],
  );
  return { card, closeCard: () => setCard(null), openCard, libraryItem, setLibraryItem, anyOpen: card !== null || libraryItem !== null };
}
