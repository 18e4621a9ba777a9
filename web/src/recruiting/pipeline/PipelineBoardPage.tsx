import { Anchor, Badge, Button, Group, Menu, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifySuccess } from '../../app/notify';
import { useQuery } from '@apollo/client/react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { daysSince, formatDateTime, humanize } from '../../app/datetime';
import { RECRUITING_ROLES, STAFF_ROLES } from '../../app/navigation';
import { useHasRole } from '../../app/session';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../../components/QueryState';
import { STATUS_COLOR } from '../labels';
import { PipelineBoardDocument } from '../operations';
import { TransitionDialog, type TransitionKind } from './TransitionDialog';
import { useBoardApplications, type BoardCard } from './useBoardApplications';

interface Column {
  id: string;
  name: string;
  cards: BoardCard[];
}

const AWAITING_HIRE = 'awaiting-hire';

export default function PipelineBoardPage() {
  const { positionId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const search = params.get('q') ?? '';
  const position = useQuery(PipelineBoardDocument, { variables: { positionId } });
  const board = useBoardApplications(positionId);
  const hasRole = useHasRole();
  // Hiring managers advance and reject; holding, resuming and scheduling are the recruiters'.
  const permissions = { decide: hasRole(...STAFF_ROLES), hold: hasRole(...RECRUITING_ROLES) };
  const [action, setAction] = useState<{ card: BoardCard; kind: TransitionKind } | null>(null);

  useEffect(() => {
    if (board.loading || !performance.getEntriesByName('pipeline-board:data-complete').length) return;
    // Every card of the last page is on screen once the browser paints this commit.
    requestAnimationFrame(() => performance.measure('pipeline-board:render', 'pipeline-board:data-complete'));
  }, [board.loading]);

  const stages = useMemo(
    () => [...(position.data?.position?.plan.stages ?? [])].sort((a, b) => a.order - b.order),
    [position.data],
  );
  const columns = useMemo<Column[]>(() => {
    const needle = search.trim().toLowerCase();
    const byStage = new Map<string, BoardCard[]>(stages.map((stage) => [stage.id, []]));
    byStage.set(AWAITING_HIRE, []);
    for (const card of board.cards.values()) {
      if (needle && !card.candidate.name.toLowerCase().includes(needle)) continue;
      byStage.get(card.currentStage?.id ?? AWAITING_HIRE)?.push(card);
    }
    // Longest in stage first: the ones most likely to need a nudge.
    for (const cards of byStage.values()) {
      cards.sort((a, b) => (a.enteredStageAt ?? '').localeCompare(b.enteredStageAt ?? ''));
    }
    const result = stages.map((stage) => ({ id: stage.id, name: stage.name, cards: byStage.get(stage.id)! }));
    return [...result, { id: AWAITING_HIRE, name: 'Awaiting hire decision', cards: byStage.get(AWAITING_HIRE)! }];
  }, [board.cards, stages, search]);

  if (position.error) return <ErrorState error={position.error} onRetry={() => void position.refetch()} />;
  if (!position.data) return <LoadingState label="Loading the position" />;
  const found = position.data.position;
  if (!found) {
    return <EmptyState title="Position not found">It does not exist, or you are not on its hiring team.</EmptyState>;
  }
  const nextStageName = (card: BoardCard) => {
    const index = stages.findIndex((stage) => stage.id === card.currentStage?.id);
    return index >= 0 ? stages[index + 1]?.name : undefined;
  };

  return (
    <>
      <PageHeader
        title={found.title}
        subtitle={
          <Group gap="xs">
            <Badge color={STATUS_COLOR[found.status]}>{humanize(found.status)}</Badge>
            <span>{humanize(found.level)}</span>
            <span aria-live="polite">
              {board.loading
                ? `Loading applications (${board.cards.size} of ${board.total || '…'})`
                : `${board.total} applications on the board`}
            </span>
          </Group>
        }
        actions={
          <>
            <TextInput
              label="Filter by candidate name"
              size="xs"
              value={search}
              onChange={(event) => {
                const value = event.currentTarget.value;
                setParams(value ? { q: value } : {}, { replace: true });
              }}
            />
            <Button variant="default" size="xs" onClick={() => void board.reload()} style={{ alignSelf: 'flex-end' }}>
              Reload
            </Button>
          </>
        }
      />
      {board.error ? <ErrorState error={board.error} onRetry={() => void board.reload()} /> : null}
      {!board.loading && !board.error && board.total === 0 && (
        <EmptyState title="No active applications">
          Apply candidates to this position from their page, or import them on the Candidates page.
        </EmptyState>
      )}
      <div
        role="list"
        aria-label="Pipeline stages"
        style={{ display: 'flex', gap: 12, overflowX: 'auto', paddingBottom: 8, alignItems: 'flex-start' }}
      >
        {columns.map((column) => (
          <StageColumn
            key={column.id}
            column={column}
            permissions={permissions}
            onAction={(card, kind) => setAction({ card, kind })}
          />
        ))}
      </div>
      <TransitionDialog
        card={action?.card ?? null}
        kind={action?.kind ?? null}
        nextStageName={action ? nextStageName(action.card) : undefined}
        onClose={() => setAction(null)}
        onReload={() => void board.reload()}
        onDone={(card, message) => {
          board.update(card);
          setAction(null);
          notifySuccess(message);
        }}
      />
    </>
  );
}

const CARD_HEIGHT = 112;

/** One stage: only the cards in view are rendered, so a column of thousands scrolls smoothly. */
interface Permissions {
  decide: boolean;
  hold: boolean;
}

function StageColumn({
  column,
  permissions,
  onAction,
}: {
  column: Column;
  permissions: Permissions;
  onAction: (card: BoardCard, kind: TransitionKind) => void;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: column.cards.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => CARD_HEIGHT,
    overscan: 6,
  });
  const headingId = `stage-${column.id}`;
  return (
    <Paper
      role="listitem"
      aria-labelledby={headingId}
      withBorder
      bg="gray.0"
      p="xs"
      style={{ flex: '0 0 272px', display: 'flex', flexDirection: 'column' }}
      data-testid="stage-column"
    >
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Title order={2} fz="sm" id={headingId}>
          {column.name}
        </Title>
        <Badge variant="outline" color="gray.7" aria-label={`${column.cards.length} applications`}>
          {column.cards.length}
        </Badge>
      </Group>
      <div ref={scrollRef} style={{ maxHeight: 'calc(100vh - 240px)', minHeight: 80, overflowY: 'auto' }}>
        {column.cards.length === 0 ? (
          <Text size="xs" c="dimmed" p="xs">
            Nobody in this stage.
          </Text>
        ) : (
          <div role="list" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => (
              <div
                key={column.cards[item.index]!.id}
                role="listitem"
                style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${item.start}px)` }}
              >
                <ApplicationCard card={column.cards[item.index]!} permissions={permissions} onAction={onAction} />
              </div>
            ))}
          </div>
        )}
      </div>
    </Paper>
  );
}

const ApplicationCard = memo(function ApplicationCard({
  card,
  permissions,
  onAction,
}: {
  card: BoardCard;
  permissions: Permissions;
  onAction: (card: BoardCard, kind: TransitionKind) => void;
}) {
  const days = card.enteredStageAt ? daysSince(card.enteredStageAt) : null;
  const next = card.nextInterviewAt;
  const onHold = card.status === 'ON_HOLD';
  return (
    <Paper withBorder p="xs" mb={8} h={CARD_HEIGHT - 8} data-testid="application-card">
      <Stack gap={2}>
        <Group justify="space-between" wrap="nowrap" gap={4}>
          <Anchor component={Link} to={`/candidates/${card.candidate.id}`} size="sm" fw={600} lineClamp={1}>
            {card.candidate.name}
          </Anchor>
          {permissions.decide && (
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <Button size="compact-xs" variant="subtle" aria-label={`Actions for ${card.candidate.name}`}>
                  Actions
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                {!onHold && card.currentStage && (
                  <Menu.Item onClick={() => onAction(card, 'advance')}>Advance…</Menu.Item>
                )}
                {!onHold && !card.currentStage && <Menu.Item onClick={() => onAction(card, 'hire')}>Hire…</Menu.Item>}
                <Menu.Item color="red.9" onClick={() => onAction(card, 'reject')}>
                  Reject…
                </Menu.Item>
                {permissions.hold && onHold && <Menu.Item onClick={() => onAction(card, 'resume')}>Resume…</Menu.Item>}
                {permissions.hold && !onHold && (
                  <Menu.Item onClick={() => onAction(card, 'hold')}>Put on hold…</Menu.Item>
                )}
                {permissions.hold && (
                  <Menu.Item component={Link} to={`/applications/${card.id}/schedule`}>
                    Schedule interview
                  </Menu.Item>
                )}
                <Menu.Item disabled title="Arrives when the API offers moveApplicationToStage">
                  Move to stage (coming)
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          )}
        </Group>
        <Group gap={4}>
          <Text size="xs" c="dimmed">
            {humanize(card.experienceLevel)}
          </Text>
          {onHold && (
            <Badge size="xs" color="yellow.4" autoContrast>
              On hold
            </Badge>
          )}
        </Group>
        <Text size="xs">
          {days === null ? 'Not in a stage' : days === 1 ? '1 day in stage' : `${days} days in stage`}
        </Text>
        <Text size="xs" c={next ? undefined : 'dimmed'} lineClamp={1}>
          {next ? `Next interview ${formatDateTime(next)}` : 'No interview scheduled'}
        </Text>
      </Stack>
    </Paper>
  );
});
