export { Notification } from './notification.entity';
export { NotificationsService, type NotificationDraft } from './notifications.service';
export { NotificationsModule } from './notifications.module';
