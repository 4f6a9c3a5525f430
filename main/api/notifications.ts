import type { notificationsMethods } from '../../shared/api/notifications';
import { listNotifications, markRead, unreadCount } from '../services/notifications/inbox';
import { sweepOnRead } from '../services/notifications/sweep';
import type { ApiContext, HandlersFor } from './context';

/** Whose inbox: the signed-in person, or in solo mode the person chosen in the header (none chosen: an empty inbox). */
const me = (ctx: ApiContext) => ctx.actorId();

export const notificationsHandlers: HandlersFor<typeof notificationsMethods> = {
  'notifications.list': (i, ctx) => {
    const p = me(ctx);
    if (p === null) return { rows: [], total: 0, offset: i.offset, limit: i.limit, unread: 0 };
    sweepOnRead(ctx.db, p);
    return listNotifications(ctx.db, p, i);
  },
  'notifications.unreadCount': (_i, ctx) => {
    const p = me(ctx);
    if (p === null) return { unread: 0 };
    sweepOnRead(ctx.db, p);
    return { unread: unreadCount(ctx.db, p) };
  },
  'notifications.markRead': (i, ctx) => {
    const p = me(ctx);
    return p === null ? { marked: 0, unread: 0 } : markRead(ctx.db, p, i);
  },
};
