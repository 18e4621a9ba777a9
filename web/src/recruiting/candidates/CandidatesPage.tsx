import { Anchor, Badge, Button, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@apollo/client/react';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { humanize } from '../../app/datetime';
import { RECRUITING_ROLES } from '../../app/navigation';
import { useHasRole } from '../../app/session';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../../components/QueryState';
import { CandidatesDocument } from '../operations';
import { CreateCandidateDialog } from './CreateCandidateDialog';
import { ImportCandidatesDialog } from './ImportCandidatesDialog';

/**
 * The API counts matches up to 1,000 only (counting every match of a common term at scale takes
 * seconds): past that it says "1,000+".
 */
function countLabel({ totalCount, totalCountCapped }: { totalCount: number; totalCountCapped: boolean }): string {
  return `${totalCount.toLocaleString('en-US')}${totalCountCapped ? '+' : ''}`;
}

export default function CandidatesPage() {
  const [params, setParams] = useSearchParams();
  const [typed, setTyped] = useState(params.get('q') ?? '');
  const [search] = useDebouncedValue(typed.trim(), 250);
  const hasRole = useHasRole();
  const [dialog, setDialog] = useState<'create' | 'import' | null>(null);
  const { data, loading, error, refetch, fetchMore } = useQuery(CandidatesDocument, {
    variables: { search: search || undefined },
    notifyOnNetworkStatusChange: true,
  });
  const [loadingMore, setLoadingMore] = useState(false);

  // The search is part of the URL, so it can be shared and survives back/forward.
  useEffect(() => {
    if ((params.get('q') ?? '') !== search) setParams(search ? { q: search } : {}, { replace: true });
  }, [search, params, setParams]);

  const connection = data?.candidates;
  const canEdit = hasRole(...RECRUITING_ROLES);

  return (
    <>
      <PageHeader
        title="Candidates"
        subtitle={connection ? `${countLabel(connection)} ${search ? 'matching' : 'in total'}` : undefined}
        actions={
          canEdit && (
            <>
              <Button variant="default" onClick={() => setDialog('import')}>
                Import CSV
              </Button>
              <Button onClick={() => setDialog('create')}>New candidate</Button>
            </>
          )
        }
      />
      <TextInput
        label="Search by name or e-mail"
        placeholder="Type to search"
        value={typed}
        onChange={(event) => setTyped(event.currentTarget.value)}
        mb="md"
        maw={420}
        type="search"
      />
      {loading && !data && <LoadingState label="Loading candidates" />}
      {error && <ErrorState error={error} onRetry={() => void refetch()} />}
      {connection && connection.edges.length === 0 && (
        <EmptyState title={search ? `No candidate matches “${search}”` : 'No candidates yet'}>
          {canEdit ? 'Add one, or import a CSV file with a header line.' : undefined}
        </EmptyState>
      )}
      {connection && connection.edges.length > 0 && (
        <Stack>
          <Table.ScrollContainer minWidth={640}>
            <Table striped verticalSpacing="xs" aria-busy={loading}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Name</Table.Th>
                  <Table.Th scope="col">E-mail</Table.Th>
                  <Table.Th scope="col">Level</Table.Th>
                  <Table.Th scope="col">Source</Table.Th>
                  <Table.Th scope="col">Applications</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {connection.edges.map(({ node }) => (
                  <Table.Tr key={node.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/candidates/${node.id}`} fw={600}>
                        {node.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{node.email ?? '—'}</Text>
                    </Table.Td>
                    <Table.Td>{humanize(node.experienceLevel)}</Table.Td>
                    <Table.Td>{node.source ?? '—'}</Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {node.applications.length === 0 && (
                          <Text size="sm" c="dimmed">
                            None
                          </Text>
                        )}
                        {node.applications.map((application) => (
                          <Badge key={application.id} variant="outline" color="gray.8" tt="none">
                            {application.position.title}: {humanize(application.status)}
                          </Badge>
                        ))}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Group justify="space-between">
            <Text size="sm" c="dimmed">
              Showing {connection.edges.length} of {countLabel(connection)}
            </Text>
            {connection.pageInfo.hasNextPage && (
              <Button
                variant="default"
                loading={loadingMore}
                onClick={async () => {
                  setLoadingMore(true);
                  try {
                    await fetchMore({ variables: { after: connection.pageInfo.endCursor } });
                  } finally {
                    setLoadingMore(false);
                  }
                }}
              >
                Load more
              </Button>
            )}
          </Group>
        </Stack>
      )}
      <CreateCandidateDialog opened={dialog === 'create'} onClose={() => setDialog(null)} />
      <ImportCandidatesDialog opened={dialog === 'import'} onClose={() => setDialog(null)} />
    </>
  );
}
