import { ActionIcon, Button, Divider, Group, Indicator, Popover, ScrollArea, Stack, Text } from '@mantine/core';
import { useMutation, useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { ActionError } from '../components/QueryState';
import { formatDateTime } from './datetime';
import { apiError } from './errors';
import { MarkNotificationReadDocument, MyNotificationsDocument } from './operations';

/** The bell: unread count, the latest notifications, mark read. Polls while the app is open. */
export function NotificationsBell() {
  const { data, error } = useQuery(MyNotificationsDocument, { pollInterval: 30_000 });
  const [markRead, marking] = useMutation(MarkNotificationReadDocument);
  const notifications = data?.myNotifications ?? [];
  const unread = notifications.filter((notification) => !notification.readAt);

  return (
    <Popover position="bottom-end" width={360} shadow="md" withinPortal trapFocus>
      <Popover.Target>
        <ActionIcon
          variant="subtle"
          size="lg"
          aria-label={unread.length ? `Notifications, ${unread.length} unread` : 'Notifications, none unread'}
        >
          <Indicator label={unread.length} size={16} disabled={unread.length === 0} offset={2} color="red.9">
            <BellIcon />
          </Indicator>
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown p={0}>
        <Group justify="space-between" p="sm">
          <Text fw={600}>Notifications</Text>
          <Button component={Link} to="/notifications" size="compact-xs" variant="subtle">
            See all
          </Button>
        </Group>
        <Divider />
        {error && (
          <Text c="red.9" size="sm" p="sm" role="alert">
            {apiError(error)?.message}
          </Text>
        )}
        <ActionError error={marking.error} />
        <ScrollArea.Autosize mah={360}>
          {notifications.length === 0 && !error && (
            <Text c="dimmed" size="sm" p="sm">
              Nothing yet. Decisions waiting for you and other news appear here.
            </Text>
          )}
          <Stack gap={0}>
            {notifications.slice(0, 20).map((notification) => (
              <Stack key={notification.id} gap={4} p="sm" bg={notification.readAt ? undefined : 'indigo.0'}>
                <Group justify="space-between" wrap="nowrap" align="flex-start">
                  <Text size="sm" fw={notification.readAt ? 400 : 600}>
                    {notification.subject}
                  </Text>
                  {!notification.readAt && (
                    <Text size="xs" fw={700} c="indigo.8" style={{ flexShrink: 0 }}>
                      New
                    </Text>
                  )}
                </Group>
                <Text size="xs" c="dimmed">
                  {formatDateTime(notification.createdAt)}
                  {notification.resolvedAt && ' · resolved: someone already acted on this'}
                </Text>
                <Group gap="xs">
                  {notification.link && (
                    <Button
                      component={Link}
                      to={`/applications/${notification.link}`}
                      size="compact-xs"
                      variant="light"
                    >
                      Open
                    </Button>
                  )}
                  {!notification.readAt && (
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      onClick={() => void markRead({ variables: { input: { notificationId: notification.id } } })}
                    >
                      Mark read
                    </Button>
                  )}
                </Group>
              </Stack>
            ))}
          </Stack>
        </ScrollArea.Autosize>
      </Popover.Dropdown>
    </Popover>
  );
}

function BellIcon() {
  return (
    <svg
      width="20"
      height="20"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      aria-hidden="true"
    >
      <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
    </svg>
  );
}
