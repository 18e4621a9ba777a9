import { notifications } from '@mantine/notifications';

/** A short confirmation after an action succeeded (errors stay next to what caused them). */
export function notifySuccess(message: string): void {
  notifications.show({ message, color: 'green', autoClose: 4000, closeButtonProps: { 'aria-label': 'Dismiss' } });
}
