import { notifications } from '@mantine/notifications';
import i18n from './i18n.ts';
import type { toastEn } from './locales/ux.ts';

// Every mutating action confirms what it did with a toast. The query client's mutation cache calls
// `confirmMutation` after each successful mutation; a mutation names its message in `meta.toast`
// (a key of `toast.*`, or a function of what the server answered), or `false` for one that changes
// nothing (verifying an upload). Forms that post outside a mutation call `confirmDone` themselves.

export type ToastKey = Exclude<keyof typeof toastEn, 'title'>;
export type ToastMeta = false | ToastKey | ((data: unknown) => string);

declare module '@tanstack/react-query' {
  interface Register {
    mutationMeta: { toast?: ToastMeta };
  }
}

/** Shows a success toast (a polite status, closed by its button or after a few seconds). */
export function confirmDone(message: string): void {
  notifications.show({
    color: 'green',
    title: i18n.t('toast.title'),
    message,
    role: 'status',
    autoClose: 6000,
    withCloseButton: true,
    closeButtonProps: { 'aria-label': i18n.t('common.close') },
    'data-testid': 'toast',
  } as Parameters<typeof notifications.show>[0]);
}

/** The toast of a successful mutation, from its `meta.toast` ("Saved." when it names none). */
export function confirmMutation(meta: { toast?: ToastMeta } | undefined, data: unknown): void {
  const toast = meta?.toast;
  if (toast === false) return;
  confirmDone(typeof toast === 'function' ? toast(data) : i18n.t(`toast.${toast ?? 'saved'}`));
}
