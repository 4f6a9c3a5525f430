/** The notifications inbox: each person's own events and reminders (never anyone else's). */
import { z } from 'zod';
import { id, method, type Page, pageInput } from './contract';
import type { NotificationKind } from '../domain/notifications';

export interface NotificationRow {
  id: number;
  kind: NotificationKind;
  /** The record it is about (`call`, `dispute`, `assignment`, `library_item`) and its id. */
  entity: string;
  entityId: number | null;
  /** Values for the message (names, titles, dates, scores); the UI renders `notifications.kinds.<kind>` with them. */
  params: Record<string, string | number>;
  /** Where the notification leads in the app (a hash route such as `/calls/12`). */
  link: string;
  createdAt: string;
  read: boolean;
}

export const notificationsMethods = {
  /** My notifications, newest first (reminders due today are added on read). */
  'notifications.list': method(z.object({ ...pageInput, unreadOnly: z.boolean().default(false) }), 'signedIn').returns<
    Page<NotificationRow> & { unread: number }
  >(),
  /** How many of mine are unread (the header badge polls it). */
  'notifications.unreadCount': method(z.object({}), 'signedIn').returns<{ unread: number }>(),
  /**
   * Marks some of mine (by id) or all of mine as read; ids of other people's rows are ignored.
   * Not audited (like scripts.logUsage): it changes only the caller's own reading state, and
   * a row per click would drown the record changes the audit log is for.
   */
  'notifications.markRead': method(
    z.union([z.object({ ids: z.array(id).min(1).max(500) }), z.object({ all: z.literal(true) })]),
    'signedIn',
  ).returns<{ marked: number; unread: number }>(),
};
