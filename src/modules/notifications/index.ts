export { Notification } from './notification.entity';
export { NotificationsService, type NotificationDraft, type NoticeToSend } from './notifications.service';
export { NotificationsModule } from './notifications.module';
export { NotificationPreference } from './notification-preference.entity';
export { NOTIFICATION_KINDS, NOTIFICATION_KIND_NAMES, type NotificationKind } from './notification-kinds';
