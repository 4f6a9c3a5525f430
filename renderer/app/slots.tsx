/**
 * Extension slots: places where one feature shows another's component without
 * importing it directly. The library registers its "linked content" component
 * here; scripts (step editor, objection cards, live-call mode) and training
 * (lessons) render whatever is registered.
 */
import type { ComponentType } from 'react';
import { LinkedContent, OpenedItem } from '../features/library/LinkedContent';

export type AttachmentTarget = 'script_step' | 'objection' | 'lesson' | 'course';

export interface AttachmentSlotProps {
  targetKind: AttachmentTarget;
  targetId: number;
  /** edit: can link/unlink; view: list and open; live: compact, keyboard-first (during a call). */
  mode: 'edit' | 'view' | 'live';
  /** Where a use happened, for usage events. */
  context?: 'call' | 'script' | 'course';
}

export const ATTACHMENT_SLOTS: { id: string; element: ComponentType<AttachmentSlotProps> }[] = [{ id: 'library', element: LinkedContent }];

export function Attachments(props: AttachmentSlotProps) {
  return (
    <>
      {ATTACHMENT_SLOTS.map((s) => (
        <s.element key={s.id} {...props} />
      ))}
    </>
  );
}

/** A library item's preview (live-call search opens library hits with it). */
export function ContentPreview({ id }: { id: number }) {
  return <OpenedItem id={id} />;
}
