import { Accordion, Alert, Anchor, Badge, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link } from 'react-router';
import { daysSince, formatDateTime, humanize } from '../app/datetime';
import { notifySuccess } from '../app/notify';
import { PageHeader } from '../components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../components/QueryState';
import type { DecisionApplicationFragment, RejectionReason } from '../graphql/graphql';
import { ScorecardReadout, type LevelNames } from '../interviewing/ScorecardReadout';
import { REJECTION_REASONS } from '../recruiting/labels';
import { TransitionDialog, type TransitionKind } from '../recruiting/pipeline/TransitionDialog';
import { DecisionQueueDocument, DecisionScorecardsDocument } from './operations';

type Pending = { application: DecisionApplicationFragment; kind: TransitionKind } | null;

const reasonLabel = (code: RejectionReason) => REJECTION_REASONS.find((entry) => entry.value === code)?.label ?? code;

/** The must-verify skills of the plan that are not verified yet: what blocks a hire. */
function missingSkills(application: DecisionApplicationFragment): string[] {
  return application.skillVerifications
    .filter((entry) => entry.priority === 'MUST_VERIFY' && entry.verdict !== 'VERIFIED')
    .map((entry) => entry.skill.name);
}

/**
 * The hiring manager's decisions: stage decisions the panel's scorecards computed and a person must
 * carry out (advance or reject with a reason code), then candidates past the last stage waiting for
 * the hire. Each shows the recommendation, its reasons and the panel's submitted scorecards.
 */
export default function DecisionsPage() {
  const { data, error, refetch, loading } = useQuery(DecisionQueueDocument, { fetchPolicy: 'cache-and-network' });
  const [pending, setPending] = useState<Pending>(null);

  if (error && !data) return <ErrorState error={error} onRetry={() => void refetch()} />;
  if (!data) return <LoadingState label="Loading the decisions waiting for you" />;
  const { decisionsWaiting, awaitingHire } = data.myWorkQueue;

  return (
    <>
      <PageHeader
        title="Decisions"
        subtitle="What the panels recommend, waiting for you to carry it out or overrule it."
        actions={
          <Button variant="default" onClick={() => void refetch()} loading={loading}>
            Refresh
          </Button>
        }
      />
      <Stack gap="xl">
        <Stack component="section" aria-labelledby="stage-decisions" gap="sm">
          <Title order={2} size="h3" id="stage-decisions">
            Stage decisions waiting ({decisionsWaiting.count})
          </Title>
          {decisionsWaiting.items.length === 0 ? (
            <EmptyState title="No stage decision is waiting for you">
              When every panelist of a stage has submitted, the computed recommendation appears here.
            </EmptyState>
          ) : (
            decisionsWaiting.items.map((item) => (
              <DecisionCard
                key={item.application.id}
                application={item.application}
                since={item.since}
                onAct={(kind) => setPending({ application: item.application, kind })}
              />
            ))
          )}
        </Stack>
        <Stack component="section" aria-labelledby="awaiting-hire" gap="sm">
          <Title order={2} size="h3" id="awaiting-hire">
            Waiting for the hire decision ({awaitingHire.count})
          </Title>
          {awaitingHire.items.length === 0 ? (
            <EmptyState title="Nobody is waiting for the hire decision">
              Candidates who pass the last stage of their plan appear here.
            </EmptyState>
          ) : (
            awaitingHire.items.map((item) => (
              <HireCard
                key={item.application.id}
                application={item.application}
                since={item.since}
                onAct={(kind) => setPending({ application: item.application, kind })}
              />
            ))
          )}
        </Stack>
      </Stack>
      <TransitionDialog
        card={pending?.application ?? null}
        kind={pending?.kind ?? null}
        onClose={() => setPending(null)}
        onDone={(_, message) => {
          setPending(null);
          notifySuccess(message);
          void refetch();
        }}
        onReload={() => void refetch()}
        extras={
          pending
            ? {
                reloadLabel: 'Reload the decisions',
                defaultReasonCode: currentDecision(pending.application)?.reasonCode ?? null,
                hint: pending.kind === 'hire' && <HireGate application={pending.application} />,
              }
            : undefined
        }
      />
    </>
  );
}

function currentDecision(application: DecisionApplicationFragment) {
  const stageId = application.currentStage?.id;
  return application.stageDecisions.filter((decision) => decision.stageId === stageId && !decision.appliedAt).at(-1);
}

function Heading({
  application,
  since,
  what,
}: {
  application: DecisionApplicationFragment;
  since: string;
  what: string;
}) {
  const days = daysSince(since);
  return (
    <Stack gap={2}>
      <Group gap="xs">
        <Title order={3} size="h4">
          <Anchor component={Link} to={`/candidates/${application.candidate.id}`} inherit>
            {application.candidate.name}
          </Anchor>
        </Title>
        {application.status !== 'ACTIVE' && (
          <Badge variant="outline" color="gray.7">
            {humanize(application.status)}
          </Badge>
        )}
      </Group>
      <Text size="sm" c="dimmed">
        {application.position.title} · {humanize(application.experienceLevel)} · {what} · waiting{' '}
        {days === 0 ? 'since today' : `${days} day${days === 1 ? '' : 's'}`} ({formatDateTime(since)})
      </Text>
    </Stack>
  );
}

/** The panel's submitted scorecards, fetched when opened (the queue itself stays a cheap query). */
function PanelScorecards({ applicationId, stageId }: { applicationId: string; stageId: string | null }) {
  const [opened, setOpened] = useState<string | null>(null);
  return (
    <Accordion variant="contained" chevronPosition="left" value={opened} onChange={setOpened}>
      <Accordion.Item value="scorecards">
        <Accordion.Control>The panel’s scorecards</Accordion.Control>
        <Accordion.Panel>
          {opened && <PanelScorecardList applicationId={applicationId} stageId={stageId} />}
        </Accordion.Panel>
      </Accordion.Item>
    </Accordion>
  );
}

function PanelScorecardList({ applicationId, stageId }: { applicationId: string; stageId: string | null }) {
  const { data, error, refetch } = useQuery(DecisionScorecardsDocument, { variables: { id: applicationId } });
  if (error && !data) return <ErrorState error={error} onRetry={() => void refetch()} />;
  if (!data) return <LoadingState label="Loading the panel’s scorecards" />;
  const application = data.application;
  const cards = (application?.interviews ?? [])
    .filter((interview) => interview.status === 'COMPLETED' && (!stageId || interview.stage.id === stageId))
    .flatMap((interview) =>
      interview.scorecards
        .filter((card) => card.status === 'SUBMITTED')
        .map((card) => ({ card, stage: interview.stage.name })),
    );
  const levels: LevelNames = Object.fromEntries(
    (application?.currentStage?.rubric?.criteria ?? []).map((criterion) => [
      criterion.id,
      Object.fromEntries(criterion.levels.map((level) => [level.score, level.label])),
    ]),
  );
  if (cards.length === 0)
    return (
      <Text size="sm" c="dimmed">
        No submitted scorecard to show.
      </Text>
    );
  return (
    <Stack gap="sm">
      {cards.map(({ card, stage }) => (
        <ScorecardReadout
          key={card.id}
          card={card}
          title={stageId ? card.interviewer.name : `${card.interviewer.name} · ${stage}`}
          levels={stageId ? levels : {}}
          testId="panel-scorecard"
        />
      ))}
    </Stack>
  );
}

function DecisionCard({
  application,
  since,
  onAct,
}: {
  application: DecisionApplicationFragment;
  since: string;
  onAct: (kind: TransitionKind) => void;
}) {
  const decision = currentDecision(application);
  const stage = application.currentStage;
  const passed = decision?.outcome === 'PASSED';
  return (
    <Card
      withBorder
      data-testid="decision"
      component="article"
      aria-label={`Decision on ${application.candidate.name}`}
    >
      <Stack gap="sm">
        <Heading application={application} since={since} what={stage ? `stage ${stage.order}: ${stage.name}` : ''} />
        {decision ? (
          <Alert
            color={passed ? 'teal.9' : 'red.9'}
            variant="outline"
            title={`Recommended: ${passed ? 'pass (advance)' : 'fail (reject)'}`}
          >
            <Text size="sm">
              Panel average {decision.average.toFixed(2)}
              {decision.reasonCode && ` · reason code: ${reasonLabel(decision.reasonCode)}`}
            </Text>
            <List size="sm" spacing={2} mt={4}>
              {decision.reasons.map((reason) => (
                <List.Item key={reason}>{reason}</List.Item>
              ))}
            </List>
          </Alert>
        ) : (
          <Text size="sm" c="dimmed">
            The computed decision is not visible here; open the candidate to see the stage history.
          </Text>
        )}
        <PanelScorecards applicationId={application.id} stageId={stage?.id ?? null} />
        <Group gap="sm">
          <Button variant={passed ? 'filled' : 'default'} onClick={() => onAct('advance')}>
            Advance…
          </Button>
          <Button
            variant={passed ? 'default' : 'filled'}
            color={passed ? undefined : 'red.9'}
            onClick={() => onAct('reject')}
          >
            Reject…
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** The hire gate: which must-verify skills are still not verified, in words. */
function HireGate({ application }: { application: DecisionApplicationFragment }) {
  const missing = missingSkills(application);
  if (missing.length === 0)
    return (
      <Text size="sm" c="teal.9">
        Every skill the plan must verify is verified.
      </Text>
    );
  return (
    <Alert color="red.9" variant="outline" title="Hiring is blocked until these skills are verified" role="note">
      <List size="sm" spacing={2}>
        {missing.map((name) => (
          <List.Item key={name}>{name}</List.Item>
        ))}
      </List>
    </Alert>
  );
}

function HireCard({
  application,
  since,
  onAct,
}: {
  application: DecisionApplicationFragment;
  since: string;
  onAct: (kind: TransitionKind) => void;
}) {
  const verifications = application.skillVerifications.filter((entry) => entry.priority === 'MUST_VERIFY');
  return (
    <Card
      withBorder
      data-testid="hire-decision"
      component="article"
      aria-label={`Hire decision on ${application.candidate.name}`}
    >
      <Stack gap="sm">
        <Heading application={application} since={since} what="passed every stage" />
        <HireGate application={application} />
        {verifications.length > 0 && (
          <Text size="sm">
            Must-verify skills:{' '}
            {verifications.map((entry) => `${entry.skill.name} (${humanize(entry.verdict).toLowerCase()})`).join(', ')}
          </Text>
        )}
        <PanelScorecards applicationId={application.id} stageId={null} />
        <Group gap="sm">
          <Button onClick={() => onAct('hire')}>Hire…</Button>
          <Button variant="default" onClick={() => onAct('reject')}>
            Reject…
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
