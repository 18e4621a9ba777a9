import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Timeline,
  Title,
} from '@mantine/core';
import { useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { formatDate, formatDateTime, humanize } from '../../app/datetime';
import { RECRUITING_ROLES } from '../../app/navigation';
import { useHasRole } from '../../app/session';
import { PageHeader } from '../../components/PageHeader';
import { ActionError, EmptyState, ErrorState, LoadingState } from '../../components/QueryState';
import type { CandidateQuery } from '../../graphql/graphql';
import { REJECTION_REASONS } from '../labels';
import { ApplyDocument, CandidateDocument, OpenPositionsDocument } from '../operations';

type Application = NonNullable<CandidateQuery['candidate']>['applications'][number];

export default function CandidatePage() {
  const { candidateId = '' } = useParams();
  const { data, error, refetch } = useQuery(CandidateDocument, { variables: { id: candidateId } });
  const hasRole = useHasRole();
  const location = useLocation();

  useEffect(() => {
    if (data && location.hash) document.getElementById(location.hash.slice(1))?.scrollIntoView();
  }, [data, location.hash]);

  if (error && !data) return <ErrorState error={error} onRetry={() => void refetch()} />;
  if (!data) return <LoadingState label="Loading the candidate" />;
  const candidate = data.candidate;
  if (!candidate) return <EmptyState title="Candidate not found">It does not exist, or you may not see it.</EmptyState>;

  return (
    <>
      <PageHeader
        title={candidate.name}
        subtitle={`${humanize(candidate.experienceLevel)}${
          candidate.experienceYears != null
            ? `, ${candidate.experienceYears} ${candidate.experienceYears === 1 ? 'year' : 'years'}`
            : ''
        }`}
        actions={
          hasRole(...RECRUITING_ROLES) && (
            <Button variant="default" disabled title="Arrives when the API offers updateCandidate">
              Edit (coming)
            </Button>
          )
        }
      />
      <SimpleGrid cols={{ base: 1, md: 3 }} mb="lg">
        <Card withBorder>
          <Title order={2} size="h5" mb="xs">
            Contact
          </Title>
          <dl style={{ margin: 0 }}>
            <Detail label="E-mail" value={candidate.email ?? 'Hidden (you are not on the hiring team)'} />
            <Detail label="Phone" value={candidate.phone ?? '—'} />
            <Detail label="Source" value={candidate.source ?? '—'} />
            <Detail label="Tags" value={candidate.tags.length ? candidate.tags.join(', ') : '—'} />
          </dl>
        </Card>
        <Card withBorder style={{ gridColumn: 'span 2' }}>
          <Title order={2} size="h5" mb="xs">
            Notes
          </Title>
          <Text size="sm" c={candidate.notes ? undefined : 'dimmed'} style={{ whiteSpace: 'pre-wrap' }}>
            {candidate.notes ?? 'No notes.'}
          </Text>
        </Card>
      </SimpleGrid>
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h3">
          Applications
        </Title>
        {hasRole(...RECRUITING_ROLES) && (
          <ApplyToPosition candidateId={candidate.id} appliedTo={candidate.applications.map((a) => a.position.id)} />
        )}
      </Group>
      {candidate.applications.length === 0 && (
        <EmptyState title="No applications">Apply the candidate to an open position to start the pipeline.</EmptyState>
      )}
      <Stack>
        {candidate.applications.map((application) => (
          <ApplicationSection key={application.id} application={application} />
        ))}
      </Stack>
    </>
  );
}

function Detail({ label, value }: { label: string; value: string }) {
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start" mb={4}>
      <Text component="dt" size="sm" c="dimmed" w={70}>
        {label}
      </Text>
      <Text component="dd" size="sm" m={0} style={{ wordBreak: 'break-word' }}>
        {value}
      </Text>
    </Group>
  );
}

function ApplyToPosition({ candidateId, appliedTo }: { candidateId: string; appliedTo: string[] }) {
  const positions = useQuery(OpenPositionsDocument);
  const [positionId, setPositionId] = useState<string | null>(null);
  const [apply, applying] = useMutation(ApplyDocument, {
    refetchQueries: [{ query: CandidateDocument, variables: { id: candidateId } }],
    awaitRefetchQueries: true,
  });
  const choices = (positions.data?.positions ?? []).filter((position) => !appliedTo.includes(position.id));
  return (
    <form
      onSubmit={async (event) => {
        event.preventDefault();
        if (!positionId) return;
        const result = await apply({ variables: { input: { candidateId, positionId } } }).catch(() => null);
        if (result?.data) setPositionId(null);
      }}
    >
      <Stack gap={4}>
        <Group align="flex-end" gap="xs">
          <Select
            label="Apply to an open position"
            placeholder={
              positions.loading ? 'Loading…' : choices.length ? 'Choose a position' : 'No open position left'
            }
            data={choices.map((position) => ({
              value: position.id,
              label: `${position.title} (${humanize(position.level)})`,
            }))}
            value={positionId}
            onChange={setPositionId}
            w={300}
          />
          <Button type="submit" disabled={!positionId} loading={applying.loading}>
            Apply
          </Button>
        </Group>
        <ActionError error={applying.error ?? positions.error} />
      </Stack>
    </form>
  );
}

const OUTCOME_COLOR: Record<string, string> = {
  PASSED: 'teal.9',
  FAILED: 'red.9',
  SKIPPED: 'gray.7',
  WITHDRAWN: 'gray.7',
};
const reasonLabel = (code: string) =>
  REJECTION_REASONS.find((reason) => reason.value === code)?.label ?? humanize(code);

function ApplicationSection({ application }: { application: Application }) {
  const hasRole = useHasRole();
  return (
    <Card
      withBorder
      id={`application-${application.id}`}
      component="section"
      aria-labelledby={`title-${application.id}`}
    >
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Stack gap={2}>
          <Title order={3} size="h4" id={`title-${application.id}`}>
            <Anchor component={Link} to={`/positions/${application.position.id}/pipeline`} inherit>
              {application.position.title}
            </Anchor>
          </Title>
          <Text size="sm" c="dimmed">
            Applied {formatDate(application.appliedAt)}
            {application.currentStage ? ` · now in ${application.currentStage.name}` : ''}
            {application.decidedAt ? ` · decided ${formatDate(application.decidedAt)}` : ''}
          </Text>
        </Stack>
        <Group gap="xs">
          <Badge size="lg" color={application.status === 'ACTIVE' ? 'indigo.8' : 'gray.8'}>
            {humanize(application.status)}
          </Badge>
          {hasRole(...RECRUITING_ROLES) && application.status === 'ACTIVE' && (
            <Button component={Link} to={`/applications/${application.id}/schedule`} size="xs" variant="light">
              Schedule interviews
            </Button>
          )}
        </Group>
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <div>
          <Title order={4} size="h6" mb="xs">
            Stage history
          </Title>
          <Timeline bulletSize={14} lineWidth={2} active={application.stageHistory.length}>
            {application.stageHistory.map((visit, index) => (
              <Timeline.Item
                key={index}
                color={visit.outcome ? OUTCOME_COLOR[visit.outcome] : 'indigo.8'}
                title={
                  <Group gap={6}>
                    <Text size="sm" fw={600}>
                      {visit.stage.name}
                    </Text>
                    <Badge
                      size="xs"
                      variant="outline"
                      color={visit.outcome ? OUTCOME_COLOR[visit.outcome] : 'indigo.8'}
                    >
                      {visit.outcome ? humanize(visit.outcome) : 'In progress'}
                    </Badge>
                  </Group>
                }
              >
                <Text size="xs" c="dimmed">
                  {formatDateTime(visit.enteredAt)}
                  {visit.exitedAt ? ` → ${formatDateTime(visit.exitedAt)}` : ''}
                </Text>
                {(visit.reason || visit.reasonCode) && (
                  <Text size="xs">
                    {visit.reasonCode ? `${reasonLabel(visit.reasonCode)}: ` : ''}
                    {visit.reason}
                  </Text>
                )}
                {visit.decidedBy && (
                  <Text size="xs" c="dimmed">
                    by {visit.decidedBy.name}
                  </Text>
                )}
              </Timeline.Item>
            ))}
          </Timeline>
        </div>
        <Stack gap="md">
          <div>
            <Title order={4} size="h6" mb="xs">
              Interviews
            </Title>
            {application.interviews.length === 0 ? (
              <Text size="sm" c="dimmed">
                None scheduled.
              </Text>
            ) : (
              <Table fz="sm" verticalSpacing={4}>
                <Table.Tbody>
                  {application.interviews.map((interview) => (
                    <Table.Tr key={interview.id}>
                      <Table.Td>{interview.stage.name}</Table.Td>
                      <Table.Td>{formatDateTime(interview.startsAt)}</Table.Td>
                      <Table.Td>
                        {interview.interviewers
                          .map((person) => person.name)
                          .sort()
                          .join(', ')}
                      </Table.Td>
                      <Table.Td>
                        <Badge size="xs" variant="outline" color="gray.8">
                          {humanize(interview.status)}
                        </Badge>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </div>
          <div>
            <Title order={4} size="h6" mb="xs">
              Verdicts
            </Title>
            {application.stageDecisions.length === 0 && application.skillVerifications.length === 0 && (
              <Text size="sm" c="dimmed">
                No stage decided by its panel yet.
              </Text>
            )}
            <Stack gap={4}>
              {application.stageDecisions.map((decision) => (
                <Text size="sm" key={decision.id}>
                  <Badge size="xs" color={OUTCOME_COLOR[decision.outcome]} mr={6}>
                    {humanize(decision.outcome)}
                  </Badge>
                  {application.stageHistory.find((visit) => visit.stage.id === decision.stageId)?.stage.name ?? 'Stage'}
                  : average {decision.average.toFixed(2)}
                  {decision.reasons.length ? ` — ${decision.reasons.join('; ')}` : ''}
                </Text>
              ))}
            </Stack>
            {application.skillVerifications.length > 0 && (
              <Table fz="xs" verticalSpacing={2} mt="xs" aria-label="Skills to verify">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Skill</Table.Th>
                    <Table.Th scope="col">Verdict</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {application.skillVerifications.map((verification) => (
                    <Table.Tr key={verification.skill.id}>
                      <Table.Td>
                        {verification.skill.name}
                        {verification.priority === 'MUST_VERIFY' ? ' (must verify)' : ''}
                      </Table.Td>
                      <Table.Td
                        c={
                          verification.verdict === 'VERIFIED'
                            ? 'teal.9'
                            : verification.verdict === 'NOT_VERIFIED'
                              ? 'red.9'
                              : 'dimmed'
                        }
                      >
                        {humanize(verification.verdict)}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </div>
        </Stack>
      </SimpleGrid>
    </Card>
  );
}
