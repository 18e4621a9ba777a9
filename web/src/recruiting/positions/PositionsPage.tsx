import { Anchor, Badge, Button, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { formatDate, humanize } from '../../app/datetime';
import { RECRUITING_ROLES, STAFF_ROLES } from '../../app/navigation';
import { useHasRole } from '../../app/session';
import { PageHeader } from '../../components/PageHeader';
import { ActionError, EmptyState, ErrorState, LoadingState } from '../../components/QueryState';
import type { PositionStatus, PositionsQuery } from '../../graphql/graphql';
import { STATUS_COLOR } from '../labels';
import { ClosePositionDocument, OpenPositionDocument, PositionsDocument, StageCountsDocument } from '../operations';
import { CreatePositionDialog } from './CreatePositionDialog';

type Position = PositionsQuery['positions'][number];
const FILTERS = ['ALL', 'OPEN', 'DRAFT', 'CLOSED'] as const;

export default function PositionsPage() {
  const [params, setParams] = useSearchParams();
  const filter = (FILTERS as readonly string[]).includes(params.get('status') ?? '') ? params.get('status')! : 'ALL';
  const status = filter === 'ALL' ? undefined : (filter as PositionStatus);
  const { data, loading, error, refetch } = useQuery(PositionsDocument, { variables: { status } });
  const hasRole = useHasRole();
  const [creating, setCreating] = useState(false);
  const positions = data?.positions ?? [];

  return (
    <>
      <PageHeader
        title="Positions"
        subtitle="Each position runs its own copy of an interview plan."
        actions={hasRole(...RECRUITING_ROLES) && <Button onClick={() => setCreating(true)}>New position</Button>}
      />
      <SegmentedControl
        mb="md"
        aria-label="Show positions by status"
        value={filter}
        onChange={(value) => setParams(value === 'ALL' ? {} : { status: value })}
        data={FILTERS.map((value) => ({ value, label: value === 'ALL' ? 'All' : humanize(value) }))}
      />
      {loading && !data && <LoadingState label="Loading positions" />}
      {error && !data && <ErrorState error={error} onRetry={() => void refetch()} />}
      {data && positions.length === 0 && (
        <EmptyState title={status ? `No ${status.toLowerCase()} positions` : 'No positions yet'}>
          {hasRole(...RECRUITING_ROLES)
            ? 'Create a position from an interview plan template; it starts as a draft until you open it.'
            : 'Positions you are the hiring manager of appear here.'}
        </EmptyState>
      )}
      {positions.length > 0 && (
        <Table.ScrollContainer minWidth={720}>
          <Table striped highlightOnHover verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Position</Table.Th>
                <Table.Th scope="col">Status</Table.Th>
                <Table.Th scope="col">Level and profile</Table.Th>
                <Table.Th scope="col">Hiring manager</Table.Th>
                <Table.Th scope="col">In each stage</Table.Th>
                <Table.Th scope="col">
                  <span className="visually-hidden">Actions</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {positions.map((position) => (
                <PositionRow key={position.id} position={position} canChangeStatus={hasRole(...STAFF_ROLES)} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <CreatePositionDialog opened={creating} onClose={() => setCreating(false)} />
    </>
  );
}

function PositionRow({ position, canChangeStatus }: { position: Position; canChangeStatus: boolean }) {
  const [open, opening] = useMutation(OpenPositionDocument);
  const [close, closing] = useMutation(ClosePositionDocument);
  return (
    <Table.Tr>
      <Table.Td>
        <Stack gap={2}>
          <Anchor component={Link} to={`/positions/${position.id}/pipeline`} fw={600}>
            {position.title}
          </Anchor>
          <Text size="xs" c="dimmed">
            {position.openedAt ? `Opened ${formatDate(position.openedAt)}` : 'Not opened yet'}
            {position.closedAt ? ` · closed ${formatDate(position.closedAt)}` : ''}
          </Text>
        </Stack>
      </Table.Td>
      <Table.Td>
        <Badge color={STATUS_COLOR[position.status]} variant="filled" style={{ overflow: 'visible' }} miw={72}>
          {humanize(position.status)}
        </Badge>
      </Table.Td>
      <Table.Td>
        <Text size="sm">
          {humanize(position.level)} · {humanize(position.companyProfile)}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{position.hiringManager.name}</Text>
      </Table.Td>
      <Table.Td>
        <StageCounts positionId={position.id} active={position.activeApplications.totalCount} />
      </Table.Td>
      <Table.Td>
        <Stack gap={4} align="flex-end">
          {canChangeStatus && position.status !== 'OPEN' && (
            <Button
              size="xs"
              variant="light"
              loading={opening.loading}
              aria-label={`Open position ${position.title}`}
              onClick={() => void open({ variables: { id: position.id } }).catch(() => undefined)}
            >
              {position.status === 'CLOSED' ? 'Reopen' : 'Open'}
            </Button>
          )}
          {canChangeStatus && position.status === 'OPEN' && (
            <Button
              size="xs"
              variant="default"
              loading={closing.loading}
              aria-label={`Close position ${position.title}`}
              onClick={() => void close({ variables: { id: position.id } }).catch(() => undefined)}
            >
              Close
            </Button>
          )}
          <ActionError error={opening.error ?? closing.error} />
        </Stack>
      </Table.Td>
    </Table.Tr>
  );
}

/** Applications in each stage now (active or on hold), from the position's stage figures. */
function StageCounts({ positionId, active }: { positionId: string; active: number }) {
  const { data, error } = useQuery(StageCountsDocument, { variables: { positionId } });
  if (error)
    return (
      <Text size="xs" c="red.9">
        Counts unavailable
      </Text>
    );
  if (!data)
    return (
      <Text size="xs" c="dimmed">
        {active} active
      </Text>
    );
  const busy = data.stageSuccessRates.filter((stage) => stage.inProgress > 0);
  return (
    <Text size="sm" maw={360}>
      <Text span fw={600} size="sm">
        {active} active
      </Text>
      {busy.length > 0 && ': '}
      {busy.map((stage) => `${stage.stageName} ${stage.inProgress}`).join(' · ')}
    </Text>
  );
}
