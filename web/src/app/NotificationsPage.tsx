import { Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { PageHeader } from '../components/PageHeader';
import { ActionError, EmptyState, ErrorState, LoadingState } from '../components/QueryState';
import { formatDateTime } from './datetime';
import { MarkNotificationReadDocument, MyNotificationsDocument } from './operations';

export default function NotificationsPage() {
  const { data, loading, error, refetch } = useQuery(MyNotificationsDocument);
  const [markRead, marking] = useMutation(MarkNotificationReadDocument);
  const notifications = data?.myNotifications ?? [];
  return (
    <>
      <PageHeader title="Notifications" subtitle="Your latest 200, newest first." />
      {loading && !data && <LoadingState label="Loading notifications" />}
      {error && !data && <ErrorState error={error} onRetry={() => void refetch()} />}
      {data && notifications.length === 0 && (
        <EmptyState title="No notifications">Decisions waiting for you and other news appear here.</EmptyState>
      )}
      <ActionError error={marking.error} />
      <Stack gap="sm">
        {notifications.map((notification) => (
          <Card key={notification.id} withBorder padding="sm">
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <Stack gap={4}>
                <Group gap="xs">
                  <Text fw={600}>{notification.subject}</Text>
                  {!notification.readAt && <Badge color="indigo.8">New</Badge>}
                  {notification.resolvedAt && (
                    <Badge color="gray.7" variant="light" title="Someone already acted on this">
                      Resolved
                    </Badge>
                  )}
                </Group>
                <Text size="sm">{notification.body}</Text>
                <Text size="xs" c="dimmed">
                  {formatDateTime(notification.createdAt)}
                </Text>
              </Stack>
              <Group gap="xs" wrap="nowrap">
                {notification.link && (
                  <Button component={Link} to={`/applications/${notification.link}`} size="xs" variant="light">
                    Open application
                  </Button>
                )}
                {!notification.readAt && (
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => void markRead({ variables: { input: { notificationId: notification.id } } })}
                  >
                    Mark read
                  </Button>
                )}
              </Group>
            </Group>
          </Card>
        ))}
      </Stack>
    </>
  );
}
