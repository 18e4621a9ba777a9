import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Code,
  CopyButton,
  Group,
  Modal,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { formatDateTime, humanize } from '../app/datetime';
import { apiError, fieldError } from '../app/errors';
import { notifySuccess } from '../app/notify';
import { PageHeader } from '../components/PageHeader';
import { ActionError, EmptyState, ErrorState, LoadingState } from '../components/QueryState';
import type { WebhookDeliveryStatus, WebhookEvent, WebhookSubscriptionFieldsFragment } from '../graphql/graphql';
import {
  CreateWebhookSubscriptionDocument,
  DeleteWebhookSubscriptionDocument,
  ReplayWebhookDeliveryDocument,
  WebhooksDocument,
} from './operations';

const EVENTS: WebhookEvent[] = [
  'APPLICATION_STAGE_CHANGED',
  'APPLICATION_REJECTED',
  'APPLICATION_HIRED',
  'INTERVIEW_SCHEDULED',
  'INTERVIEW_RESCHEDULED',
  'INTERVIEW_CANCELLED',
  'SCORECARD_SUBMITTED',
  'STAGE_DECISION_READY',
  'SLA_BREACHED',
];

const STATUS_COLOR: Record<WebhookDeliveryStatus, string> = { DELIVERED: 'teal.9', PENDING: 'gray.7', FAILED: 'red.9' };

/**
 * Admins: webhook subscriptions (create, showing the signing secret once; delete) and the latest
 * deliveries, filtered by status in the URL, with a replay for a dead one.
 */
export default function WebhooksPage() {
  const [params, setParams] = useSearchParams();
  const status = (params.get('status') as WebhookDeliveryStatus | null) ?? null;
  const { data, error, refetch, loading } = useQuery(WebhooksDocument, {
    variables: { status },
    fetchPolicy: 'cache-and-network',
  });
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<{ url: string; secret: string } | null>(null);
  const [deleting, setDeleting] = useState<WebhookSubscriptionFieldsFragment | null>(null);
  const [replay, replaying] = useMutation(ReplayWebhookDeliveryDocument);

  if (error && !data) return <ErrorState error={error} onRetry={() => void refetch()} />;
  if (!data) return <LoadingState label="Loading webhooks" />;

  return (
    <>
      <PageHeader
        title="Webhooks"
        subtitle="Other systems told about hiring events, signed with a secret each subscription has."
        actions={<Button onClick={() => setCreating(true)}>New subscription…</Button>}
      />
      <Stack gap="xl">
        <Stack component="section" aria-labelledby="subscriptions-heading" gap="sm">
          <Title order={2} size="h3" id="subscriptions-heading">
            Subscriptions
          </Title>
          {data.webhookSubscriptions.length === 0 ? (
            <EmptyState title="No webhook subscription">
              Create one to send hiring events to another system, such as an HR tool or a chat channel.
            </EmptyState>
          ) : (
            <Table.ScrollContainer minWidth={720}>
              <Table aria-label="Webhook subscriptions">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">URL</Table.Th>
                    <Table.Th scope="col">Events</Table.Th>
                    <Table.Th scope="col">State</Table.Th>
                    <Table.Th scope="col">Created</Table.Th>
                    <Table.Th scope="col">Actions</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.webhookSubscriptions.map((subscription) => (
                    <Table.Tr key={subscription.id} data-testid="webhook-subscription">
                      <Table.Td style={{ wordBreak: 'break-all' }}>{subscription.url}</Table.Td>
                      <Table.Td>{subscription.events.map((event) => humanize(event)).join(', ')}</Table.Td>
                      <Table.Td>{subscription.active ? 'Active' : 'Inactive'}</Table.Td>
                      <Table.Td>{formatDateTime(subscription.createdAt)}</Table.Td>
                      <Table.Td>
                        <Button
                          size="xs"
                          variant="default"
                          aria-label={`Delete the subscription to ${subscription.url}`}
                          onClick={() => setDeleting(subscription)}
                        >
                          Delete…
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Stack>

        <Stack component="section" aria-labelledby="deliveries-heading" gap="sm">
          <Group justify="space-between" align="flex-end">
            <Title order={2} size="h3" id="deliveries-heading">
              Deliveries
            </Title>
            <Group align="flex-end">
              <SegmentedControl
                aria-label="Deliveries by status"
                value={status ?? 'ALL'}
                onChange={(value) => setParams(value === 'ALL' ? {} : { status: value }, { replace: false })}
                data={[
                  { value: 'ALL', label: 'All' },
                  { value: 'FAILED', label: 'Failed' },
                  { value: 'PENDING', label: 'Pending' },
                  { value: 'DELIVERED', label: 'Delivered' },
                ]}
              />
              <Button variant="default" onClick={() => void refetch()} loading={loading}>
                Refresh
              </Button>
            </Group>
          </Group>
          <ActionError error={replaying.error} />
          {data.webhookDeliveries.length === 0 ? (
            <EmptyState title={status ? `No ${humanize(status).toLowerCase()} delivery` : 'No delivery yet'}>
              Each event sent to a subscription is listed here with its attempts and last error.
            </EmptyState>
          ) : (
            <Table.ScrollContainer minWidth={820}>
              <Table aria-label="Webhook deliveries" striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Created</Table.Th>
                    <Table.Th scope="col">Event</Table.Th>
                    <Table.Th scope="col">To</Table.Th>
                    <Table.Th scope="col">Status</Table.Th>
                    <Table.Th scope="col">Attempts</Table.Th>
                    <Table.Th scope="col">Last error</Table.Th>
                    <Table.Th scope="col">Actions</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.webhookDeliveries.map((delivery) => (
                    <Table.Tr key={delivery.id} data-testid="webhook-delivery">
                      <Table.Td>{formatDateTime(delivery.createdAt)}</Table.Td>
                      <Table.Td>{humanize(delivery.event)}</Table.Td>
                      <Table.Td style={{ wordBreak: 'break-all' }}>{delivery.subscription.url}</Table.Td>
                      <Table.Td>
                        <Badge variant="outline" color={STATUS_COLOR[delivery.status]}>
                          {humanize(delivery.status)}
                        </Badge>
                        {delivery.deliveredAt && (
                          <Text size="xs" c="dimmed">
                            {formatDateTime(delivery.deliveredAt)}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>{delivery.attempts}</Table.Td>
                      <Table.Td>{delivery.lastError ?? '—'}</Table.Td>
                      <Table.Td>
                        {delivery.status === 'FAILED' && (
                          <Button
                            size="xs"
                            variant="default"
                            loading={replaying.loading}
                            onClick={async () => {
                              const result = await replay({
                                variables: { input: { deliveryId: delivery.id } },
                              }).catch(() => null);
                              if (!result?.data) return;
                              notifySuccess('Delivery queued again.');
                              void refetch();
                            }}
                          >
                            Replay
                          </Button>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Stack>
      </Stack>

      <Modal
        opened={creating}
        onClose={() => setCreating(false)}
        closeButtonProps={{ 'aria-label': 'Close' }}
        title="New webhook subscription"
        size="lg"
      >
        {creating && (
          <CreateSubscriptionForm
            onClose={() => setCreating(false)}
            onCreated={(url, created) => {
              setCreating(false);
              setSecret({ url, secret: created });
              void refetch();
            }}
          />
        )}
      </Modal>
      <Modal
        opened={secret !== null}
        onClose={() => setSecret(null)}
        closeButtonProps={{ 'aria-label': 'Close' }}
        title="The signing secret, shown once"
        size="lg"
      >
        {secret && (
          <Stack>
            <Text size="sm">
              Deliveries to {secret.url} are signed with this secret. Store it in the receiving system now: it is not
              shown again.
            </Text>
            <Code block data-testid="webhook-secret">
              {secret.secret}
            </Code>
            <Group justify="flex-end">
              <CopyButton value={secret.secret}>
                {({ copied, copy }) => (
                  <Button variant="default" onClick={copy}>
                    {copied ? 'Copied' : 'Copy the secret'}
                  </Button>
                )}
              </CopyButton>
              <Button onClick={() => setSecret(null)}>I stored it</Button>
            </Group>
          </Stack>
        )}
      </Modal>
      <Modal
        opened={deleting !== null}
        onClose={() => setDeleting(null)}
        closeButtonProps={{ 'aria-label': 'Close' }}
        title="Delete the subscription"
      >
        {deleting && (
          <DeleteSubscription
            subscription={deleting}
            onClose={() => setDeleting(null)}
            onDeleted={() => {
              setDeleting(null);
              notifySuccess('Subscription deleted.');
              void refetch();
            }}
          />
        )}
      </Modal>
    </>
  );
}

function CreateSubscriptionForm({
  onClose,
  onCreated,
}: {
  onClose: () => void;
  onCreated: (url: string, secret: string) => void;
}) {
  const [url, setUrl] = useState('https://');
  const [events, setEvents] = useState<string[]>([]);
  const [create, state] = useMutation(CreateWebhookSubscriptionDocument);
  const problem = apiError(state.error);
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const result = await create({ variables: { input: { url, events: events as WebhookEvent[] } } }).catch(() => null);
    if (result?.data) onCreated(url, result.data.createWebhookSubscription.secret);
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput
          label="URL"
          description="HTTPS address that receives a POST for each event."
          required
          data-autofocus
          value={url}
          onChange={(event) => setUrl(event.currentTarget.value)}
          error={fieldError(problem, 'url')}
        />
        <Checkbox.Group
          label="Events"
          required
          value={events}
          onChange={setEvents}
          error={fieldError(problem, 'events')}
        >
          <SimpleGrid cols={{ base: 1, sm: 2 }} mt={4} spacing="xs">
            {EVENTS.map((event) => (
              <Checkbox key={event} value={event} label={humanize(event)} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        {problem && Object.keys(problem.fields).length === 0 && (
          <Alert color="red" role="alert">
            {problem.message}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={state.loading}>
            Create subscription
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function DeleteSubscription({
  subscription,
  onClose,
  onDeleted,
}: {
  subscription: WebhookSubscriptionFieldsFragment;
  onClose: () => void;
  onDeleted: () => void;
}) {
  const [remove, state] = useMutation(DeleteWebhookSubscriptionDocument);
  return (
    <Stack>
      <Text size="sm">No more events go to {subscription.url}. Its past deliveries stay listed.</Text>
      <ActionError error={state.error} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose} data-autofocus>
          Cancel
        </Button>
        <Button
          color="red.9"
          loading={state.loading}
          onClick={async () => {
            const result = await remove({ variables: { input: { subscriptionId: subscription.id } } }).catch(
              () => null,
            );
            if (result?.data) onDeleted();
          }}
        >
          Delete
        </Button>
      </Group>
    </Stack>
  );
}
