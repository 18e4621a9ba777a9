import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { daysSince, formatDateTime, viewerTimeZone } from '../app/datetime';
import { useCurrentUser } from '../app/session';
import { PageHeader } from '../components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../components/QueryState';
import type { WorkItemFieldsFragment, WorkQueueQuery } from '../graphql/graphql';
import { WorkQueueDocument } from './operations';

type SectionName = Exclude<keyof WorkQueueQuery['myWorkQueue'], '__typename'>;
type Item = WorkItemFieldsFragment;

interface Action {
  label: string;
  to: string;
}

interface SectionSpec {
  name: SectionName;
  /** Heading and summary tile, e.g. "Scorecards overdue". */
  title: string;
  /** One line under the heading: what makes an item land here. */
  about: string;
  /** Shown when the section is empty while others are not. */
  none: string;
  /** Where the items beyond the first ones can be worked through. */
  more: Action;
  /** What the item says about itself. */
  detail: (item: Item) => ReactNode;
  /** Where the recruiter acts on it, first the main action. */
  actions: (item: Item) => Action[];
}

const candidateLink = (item: Item) => `/candidates/${item.application.candidate.id}#application-${item.application.id}`;
const boardLink = (item: Item) =>
  `/positions/${item.application.position.id}/pipeline?q=${encodeURIComponent(item.application.candidate.name)}`;
const scheduleLink = (item: Item) => `/applications/${item.application.id}/schedule`;

/** "less than a day", "1 day", "12 days" */
function waited(since: string): string {
  const days = daysSince(since);
  return days === 0 ? 'less than a day' : days === 1 ? '1 day' : `${days} days`;
}

/** "today", "1 day ago", "12 days ago" */
function ago(since: string): string {
  const days = daysSince(since);
  return days === 0 ? 'today' : days === 1 ? '1 day ago' : `${days} days ago`;
}

function stageOf(item: Item): string {
  const stage = item.application.currentStage;
  return stage ? `stage ${stage.order}: ${stage.name}` : 'past the last stage';
}

// Most urgent first; the long, routine list of interviews to book comes last.
const SECTIONS: SectionSpec[] = [
  {
    name: 'overdueScorecards',
    title: 'Scorecards overdue',
    about: 'Interviews held whose feedback is past due; the panelists named still owe their scorecard.',
    none: 'Every scorecard due so far is in.',
    more: { label: 'Open the positions', to: '/positions' },
    detail: (item) => {
      const owing = item.waitingFor.map((person) => person.name);
      return (
        <>
          <Text size="sm">
            {item.interview ? `${item.interview.stage.name}, held ${formatDateTime(item.interview.startsAt)}` : ''}
          </Text>
          <Text size="sm">
            Due {formatDateTime(item.since)} ({ago(item.since)})
            {owing.length > 0 && (
              <>
                {' · '}
                <Text span fw={600} inherit>
                  Waiting for {owing.join(', ')}
                </Text>
              </>
            )}
          </Text>
        </>
      );
    },
    actions: (item) => [{ label: 'Open the application', to: candidateLink(item) }],
  },
  {
    name: 'stalled',
    title: 'Stalled past the SLA',
    about: "In their stage longer than the stage's SLA, with nothing booked and no decision.",
    none: 'No application is past its stage’s SLA.',
    more: { label: 'Open the positions', to: '/positions' },
    detail: (item) => (
      <Text size="sm">
        In {stageOf(item)} for {waited(item.since)}, since {formatDateTime(item.since)}
      </Text>
    ),
    actions: (item) => [
      { label: 'Open on the board', to: boardLink(item) },
      { label: 'Schedule an interview', to: scheduleLink(item) },
    ],
  },
  {
    name: 'decisionsWaiting',
    title: 'Stage decisions waiting',
    about: 'The panel has submitted; its recommendation waits for a person to advance or reject.',
    none: 'No stage decision is waiting.',
    more: { label: 'Open the decisions', to: '/decisions' },
    detail: (item) => (
      <Text size="sm">
        The panel’s decision on {stageOf(item)} came in {formatDateTime(item.since)} ({ago(item.since)})
        {item.application.status === 'ON_HOLD' ? ' · on hold' : ''}
      </Text>
    ),
    actions: (item) => [
      { label: 'Decide', to: '/decisions' },
      { label: 'Open on the board', to: boardLink(item) },
    ],
  },
  {
    name: 'awaitingHire',
    title: 'Waiting for the hire decision',
    about: 'Passed every stage of the plan.',
    none: 'Nobody is waiting for the hire decision.',
    more: { label: 'Open the decisions', to: '/decisions' },
    detail: (item) => (
      <Text size="sm">
        Passed the last stage {formatDateTime(item.since)} ({ago(item.since)})
      </Text>
    ),
    actions: (item) => [
      { label: 'Decide on the hire', to: '/decisions' },
      { label: 'Open the application', to: candidateLink(item) },
    ],
  },
  {
    name: 'toSchedule',
    title: 'Interviews to schedule',
    about: 'Active applications with no interview booked or held for their current stage.',
    none: 'Every active application has its interview booked.',
    more: { label: 'Open the positions', to: '/positions' },
    detail: (item) => (
      <Text size="sm">
        In {stageOf(item)} since {formatDateTime(item.since)} ({waited(item.since)})
      </Text>
    ),
    actions: (item) => [
      { label: 'Schedule an interview', to: scheduleLink(item) },
      { label: 'Open on the board', to: boardLink(item) },
    ],
  },
];

const sectionId = (name: SectionName) => `work-${name}`;

/** Items a section shows before "Show more": the rest of the listed ones are one click away. */
const FIRST_SHOWN = 10;

/**
 * The recruiter's home: what waits for them on the positions they recruit for, in five sections,
 * longest waiting first, each item with a link to where it is acted on.
 */
export default function WorkQueuePage() {
  const user = useCurrentUser();
  const { data, error, refetch, loading } = useQuery(WorkQueueDocument, {
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
  const header = (
    <PageHeader
      title="Work queue"
      subtitle={`Hello, ${user.name}. What waits for you, longest waiting first. Times in ${viewerTimeZone}.`}
      actions={
        <Button variant="default" onClick={() => void refetch()} loading={loading && Boolean(data)}>
          Refresh
        </Button>
      }
    />
  );
  if (!data)
    return (
      <>
        {header}
        {error ? (
          <ErrorState title="Could not load your work queue" error={error} onRetry={() => void refetch()} />
        ) : (
          <LoadingState label="Loading your work queue" />
        )}
      </>
    );

  const queue = data.myWorkQueue;
  const total = SECTIONS.reduce((sum, section) => sum + queue[section.name].count, 0);
  return (
    <>
      {header}
      {error && <ErrorState title="Could not refresh your work queue" error={error} onRetry={() => void refetch()} />}
      {total === 0 ? (
        <EmptyState title="Nothing waiting for you">
          Applications to schedule, overdue scorecards, stalled applications and decisions on the positions you recruit
          for appear here as they come up.
        </EmptyState>
      ) : (
        <Stack gap="xl">
          <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} spacing="sm" component="nav" aria-label="Work queue summary">
            {SECTIONS.map((section) => (
              <SummaryTile key={section.name} section={section} count={queue[section.name].count} />
            ))}
          </SimpleGrid>
          {SECTIONS.map((section) => (
            <QueueSection key={section.name} section={section} data={queue[section.name]} />
          ))}
        </Stack>
      )}
    </>
  );
}

function SummaryTile({ section, count }: { section: SectionSpec; count: number }) {
  return (
    <UnstyledButton
      component="a"
      href={`#${sectionId(section.name)}`}
      onClick={(event) => {
        // In-page: move focus to the section so keyboard and screen-reader users land there too.
        event.preventDefault();
        const heading = document.getElementById(`${sectionId(section.name)}-heading`);
        heading?.scrollIntoView({ block: 'start' });
        heading?.focus();
      }}
    >
      <Paper withBorder p="sm" h="100%" data-testid="work-summary">
        <Text fz={28} fw={700} lh={1.1} c={count > 0 ? undefined : 'dimmed'}>
          {count}
        </Text>
        <Text size="sm">{section.title}</Text>
      </Paper>
    </UnstyledButton>
  );
}

function QueueSection({ section, data }: { section: SectionSpec; data: WorkQueueQuery['myWorkQueue'][SectionName] }) {
  const id = sectionId(section.name);
  const [expanded, setExpanded] = useState(false);
  const shown = expanded ? data.items : data.items.slice(0, FIRST_SHOWN);
  const folded = data.items.length - shown.length;
  const unlisted = data.count - data.items.length;
  return (
    <Stack component="section" id={id} aria-labelledby={`${id}-heading`} gap="xs" data-testid="work-section">
      <Group gap="xs" align="baseline">
        <Title order={2} size="h3" id={`${id}-heading`} tabIndex={-1}>
          {section.title} ({data.count})
        </Title>
      </Group>
      <Text size="sm" c="dimmed">
        {section.about}
      </Text>
      {data.items.length === 0 ? (
        <Text size="sm" c="dimmed" py="xs">
          {section.none}
        </Text>
      ) : (
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
          {shown.map((item) => (
            <WorkItemRow key={`${item.application.id}:${item.interview?.id ?? ''}`} section={section} item={item} />
          ))}
        </Stack>
      )}
      {folded > 0 && (
        <Button variant="subtle" size="xs" onClick={() => setExpanded(true)} style={{ alignSelf: 'flex-start' }}>
          Show {folded} more {section.title.toLowerCase()}
        </Button>
      )}
      {unlisted > 0 && (
        <Text size="sm" role="note">
          The queue lists the {data.items.length} longest waiting of {data.count}.{' '}
          <Anchor component={Link} to={section.more.to}>
            {section.more.label}
          </Anchor>{' '}
          for the other {unlisted}.
        </Text>
      )}
    </Stack>
  );
}

function WorkItemRow({ section, item }: { section: SectionSpec; item: Item }) {
  const { application } = item;
  const [main, ...others] = section.actions(item);
  return (
    <Paper
      component="li"
      withBorder
      p="sm"
      aria-label={`${application.candidate.name}, ${application.position.title}`}
      data-testid="work-item"
    >
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={2} style={{ flex: '1 1 320px', minWidth: 0 }}>
          <Group gap="xs" wrap="wrap">
            <Anchor component={Link} to={candidateLink(item)} fw={600}>
              {application.candidate.name}
            </Anchor>
            <Text size="sm" c="dimmed">
              {application.position.title}
            </Text>
            {application.status === 'ON_HOLD' && (
              <Badge size="sm" color="yellow.4" autoContrast>
                On hold
              </Badge>
            )}
          </Group>
          {section.detail(item)}
        </Stack>
        <Group gap="xs" wrap="wrap">
          {main && (
            <Button component={Link} to={main.to} size="xs" aria-label={`${main.label}: ${application.candidate.name}`}>
              {main.label}
            </Button>
          )}
          {others.map((action) => (
            <Button
              key={action.label}
              component={Link}
              to={action.to}
              size="xs"
              variant="default"
              aria-label={`${action.label}: ${application.candidate.name}`}
            >
              {action.label}
            </Button>
          ))}
        </Group>
      </Group>
    </Paper>
  );
}
