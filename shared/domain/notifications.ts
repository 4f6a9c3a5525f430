/**
 * Notification kinds and where each leads. Pure: the service stores a kind with its
 * record and values, and the renderer turns them into a sentence in the UI language.
 */
export const NOTIFICATION_KINDS = [
  'evaluation_submitted',
  'coaching_note',
  'dispute_raised',
  'dispute_resolved',
  'assignment_given',
  'assignment_due_soon',
  'assignment_overdue',
  'content_expiring',
  'content_verify_due',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Days before a due date that an assignment counts as "due soon". */
export const DUE_SOON_DAYS = 3;
/** Days before its end date that library content counts as "expiring". */
export const EXPIRING_DAYS = 14;

type Params = Record<string, string | number>;
const num = (p: Params, k: string) => (typeof p[k] === 'number' ? p[k] : Number(p[k]) || null);

/** The in-app route a notification opens (hash router paths). */
export function notificationLink(kind: NotificationKind, entityId: number | null, params: Params): string {
  switch (kind) {
    case 'evaluation_submitted':
    case 'coaching_note':
    case 'dispute_resolved': {
      const call = num(params, 'callId');
      return call ? `/calls/${call}` : '/calls';
    }
    case 'dispute_raised':
      return '/calls?tab=disputes';
    case 'assignment_given':
    case 'assignment_due_soon':
    case 'assignment_overdue': {
      const course = num(params, 'courseId');
      return course ? `/training/learn/${course}` : '/training?tab=my';
    }
    case 'content_expiring':
    case 'content_verify_due':
      return entityId ? `/library/${entityId}` : '/library';
  }
}
