import { Box, Grid, Stack, Text, Title } from '@mantine/core';
import type { InterviewQuery } from '../graphql/graphql';
import { useQuery } from '@apollo/client/react';
import { useParams } from 'react-router';
import { formatDateTime, humanize } from '../app/datetime';
import { useCurrentUser } from '../app/session';
import { PageHeader } from '../components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../components/QueryState';
import { InterviewKit } from './InterviewKit';
import { InterviewDocument, InterviewKitExtrasDocument } from './operations';
import { ScorecardForm } from './ScorecardForm';
import { ScorecardReadout, type LevelNames } from './ScorecardReadout';

/** One interview: its kit on the left, the interviewer's scorecard beside it (a laptop beside a call). */
export default function InterviewPage() {
  const { interviewId = '' } = useParams();
  const user = useCurrentUser();
  const { data, error, refetch } = useQuery(InterviewDocument, { variables: { id: interviewId } });
  const interview = data?.interview;
  const extras = useQuery(InterviewKitExtrasDocument, {
    variables: { positionId: interview?.application.position.id ?? '', stageId: interview?.stage.id ?? '' },
    skip: !interview,
  });

  if (error && !data) return <ErrorState error={error} onRetry={() => void refetch()} />;
  if (!data) return <LoadingState label="Loading the interview" />;
  if (!interview)
    return <EmptyState title="Interview not found">It does not exist, or you are not on its panel.</EmptyState>;

  const own = interview.scorecards.find((card) => card.interviewer.id === user.id);
  const colleagues = interview.scorecards.filter((card) => card.interviewer.id !== user.id);
  const onPanel = interview.interviewers.some((person) => person.id === user.id);

  return (
    <>
      <PageHeader
        title={`${interview.application.candidate.name}: ${interview.stage.name}`}
        subtitle={
          <>
            {interview.application.position.title} · {humanize(interview.application.experienceLevel)} ·{' '}
            {formatDateTime(interview.startsAt)} ({interview.stage.durationMinutes} minutes) · Panel:{' '}
            {interview.interviewers.map((person) => person.name).join(', ')}
            {interview.status !== 'SCHEDULED' && ` · ${humanize(interview.status)}`}
          </>
        }
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <Box className="pane" component="section" aria-label="Interview kit">
            <InterviewKit
              stage={interview.stage}
              extras={extras.data?.interviewKit}
              profile={interview.application.position.companyProfile}
            />
          </Box>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <Box className="pane" component="section" aria-label="Scorecard">
            {!onPanel ? (
              <Text c="dimmed">You are not on this panel; there is no scorecard for you to fill in.</Text>
            ) : interview.status === 'CANCELLED' ? (
              <Text c="dimmed">The interview was cancelled; there is nothing to score.</Text>
            ) : (
              <ScorecardForm
                key={own?.status ?? 'new'}
                interviewId={interview.id}
                stage={interview.stage}
                skills={extras.data?.interviewKit.skillsToVerify ?? []}
                own={own}
                onSubmitted={() => void refetch()}
              />
            )}
            {own?.status === 'SUBMITTED' && (
              <Stack gap="sm" mt="xl">
                <Title order={2} size="h3">
                  The panel’s scorecards
                </Title>
                {colleagues.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    No colleague has submitted yet.
                  </Text>
                ) : (
                  colleagues.map((card) => (
                    <ScorecardReadout
                      key={card.id}
                      card={card}
                      title={card.interviewer.name}
                      levels={levelNames(interview.stage)}
                      testId="colleague-scorecard"
                    />
                  ))
                )}
              </Stack>
            )}
          </Box>
        </Grid.Col>
      </Grid>
    </>
  );
}

function levelNames(stage: NonNullable<InterviewQuery['interview']>['stage']): LevelNames {
  return Object.fromEntries(
    (stage.rubric?.criteria ?? []).map((criterion) => [
      criterion.id,
      Object.fromEntries(criterion.levels.map((level) => [level.score, level.label])),
    ]),
  );
}
