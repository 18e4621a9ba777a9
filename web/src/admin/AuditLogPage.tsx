import { Button, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { formatDateTime } from '../app/datetime';
import { PageHeader } from '../components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../components/QueryState';
import { AdminUsersDocument, AuditLogDocument } from './operations';

const PAGE = 50;
const FILTERS = ['action', 'actor', 'target', 'before'] as const;

/**
 * Admins: who did what, newest first. The filters (action, actor, target, before a time) live in
 * the URL; "Older entries" moves `before` to the last entry shown.
 */
export default function AuditLogPage() {
  const [params, setParams] = useSearchParams();
  const filter = Object.fromEntries(FILTERS.map((key) => [key, params.get(key) ?? ''])) as Record<
    (typeof FILTERS)[number],
    string
  >;
  const [action, setAction] = useState(filter.action);
  const [target, setTarget] = useState(filter.target);
  const users = useQuery(AdminUsersDocument);
  const { data, error, refetch, loading } = useQuery(AuditLogDocument, {
    variables: {
      action: filter.action || null,
      actorId: filter.actor || null,
      targetId: filter.target || null,
      before: filter.before || null,
      first: PAGE,
    },
    fetchPolicy: 'cache-and-network',
  });

  const apply = (changes: Partial<typeof filter>) => {
    const next = new URLSearchParams();
    for (const key of FILTERS) {
      const value = key in changes ? changes[key] : key === 'before' ? '' : filter[key];
      if (value) next.set(key, value);
    }
    setParams(next);
  };
  const entries = data?.auditLog ?? [];

  return (
    <>
      <PageHeader
        title="Audit log"
        subtitle="Every change made through the API, who made it and whether it succeeded."
      />
      <form
        onSubmit={(event) => {
          event.preventDefault();
          apply({ action: action.trim(), target: target.trim() });
        }}
      >
        <Group align="flex-end" mb="md" wrap="wrap">
          <TextInput
            label="Action"
            description="The operation's name, e.g. updateUser"
            value={action}
            onChange={(event) => setAction(event.currentTarget.value)}
            w={220}
          />
          <Select
            label="Actor"
            description="Who did it"
            placeholder="Anyone"
            clearable
            searchable
            data={(users.data?.users ?? []).map((user) => ({ value: user.id, label: user.name }))}
            value={filter.actor || null}
            onChange={(value) => apply({ actor: value ?? '' })}
            w={220}
          />
          <TextInput
            label="Target id"
            description="The record acted on"
            value={target}
            onChange={(event) => setTarget(event.currentTarget.value)}
            w={300}
          />
          <Button type="submit">Apply filters</Button>
          <Button
            variant="default"
            onClick={() => {
              setAction('');
              setTarget('');
              setParams(new URLSearchParams());
            }}
          >
            Clear
          </Button>
        </Group>
      </form>
      {filter.before && (
        <Text size="sm" mb="xs">
          Entries before {formatDateTime(filter.before)}.{' '}
          <Button variant="subtle" size="compact-sm" onClick={() => apply({ before: '' })}>
            Back to the newest
          </Button>
        </Text>
      )}
      {error && !data ? (
        <ErrorState error={error} onRetry={() => void refetch()} />
      ) : !data ? (
        <LoadingState label="Loading the audit log" />
      ) : entries.length === 0 ? (
        <EmptyState title="No entry matches">Change or clear the filters.</EmptyState>
      ) : (
        <Stack gap="sm">
          <Table.ScrollContainer minWidth={820}>
            <Table striped aria-label="Audit log" aria-busy={loading}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">When</Table.Th>
                  <Table.Th scope="col">Actor</Table.Th>
                  <Table.Th scope="col">Action</Table.Th>
                  <Table.Th scope="col">Target</Table.Th>
                  <Table.Th scope="col">Outcome</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {entries.map((entry) => (
                  <Table.Tr key={entry.id} data-testid="audit-entry">
                    <Table.Td>{formatDateTime(entry.at)}</Table.Td>
                    <Table.Td>{entry.actor?.name ?? 'System'}</Table.Td>
                    <Table.Td>
                      <Button
                        variant="subtle"
                        size="compact-sm"
                        aria-label={`Only ${entry.action}`}
                        onClick={() => {
                          setAction(entry.action);
                          apply({ action: entry.action });
                        }}
                      >
                        {entry.action}
                      </Button>
                    </Table.Td>
                    <Table.Td>
                      {entry.targetType}
                      {entry.targetId && (
                        <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
                          {entry.targetId}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{entry.outcome === 'OK' ? 'OK' : `Refused: ${entry.outcome}`}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {entries.length === PAGE && (
            <Group>
              <Button variant="default" onClick={() => apply({ ...filter, before: entries.at(-1)!.at })}>
                Older entries
              </Button>
            </Group>
          )}
        </Stack>
      )}
    </>
  );
}
