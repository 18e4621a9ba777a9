import { Anchor, Badge, SegmentedControl, Table, Text } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { Link, useSearchParams } from 'react-router';
import { formatDateTime, humanize, viewerTimeZone } from '../app/datetime';
import { useCurrentUser } from '../app/session';
import { PageHeader } from '../components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../components/QueryState';
import { MyInterviewsDocument } from './operations';
import { SCORECARD_STATE_COLOR, SCORECARD_STATE_LABEL, scorecardState } from './scorecardState';

/** The interviews the signed-in person sits on: upcoming soonest first, past latest first. */
export default function MyInterviewsPage() {
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const when = params.get('when') === 'past' ? 'past' : 'upcoming';
  const { data, error, refetch } = useQuery(MyInterviewsDocument, { fetchPolicy: 'cache-and-network' });

  const header = (
    <PageHeader
      title="My interviews"
      subtitle={`Times in ${viewerTimeZone}. Open one for its kit and your scorecard.`}
      actions={
        <SegmentedControl
          aria-label="Which interviews"
          value={when}
          onChange={(value) => setParams(value === 'past' ? { when: 'past' } : {}, { replace: true })}
          data={[
            { value: 'upcoming', label: 'Upcoming' },
            { value: 'past', label: 'Past' },
          ]}
        />
      }
    />
  );
  if (error && !data)
    return (
      <>
        {header}
        <ErrorState error={error} onRetry={() => void refetch()} />
      </>
    );
  if (!data)
    return (
      <>
        {header}
        <LoadingState label="Loading your interviews" />
      </>
    );

  const now = Date.now();
  const rows = data.myInterviews.filter((interview) =>
    when === 'past' ? new Date(interview.endsAt).getTime() <= now : new Date(interview.endsAt).getTime() > now,
  );
  if (when === 'past') rows.reverse();

  return (
    <>
      {header}
      {rows.length === 0 ? (
        <EmptyState title={when === 'past' ? 'No past interviews' : 'No upcoming interviews'}>
          {when === 'past'
            ? 'Interviews you sat on appear here, with the state of your scorecard.'
            : 'When a recruiter puts you on a panel, the interview appears here and in your calendar feed.'}
        </EmptyState>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>When</Table.Th>
                <Table.Th>Candidate</Table.Th>
                <Table.Th>Stage</Table.Th>
                <Table.Th>Panel</Table.Th>
                <Table.Th>My scorecard</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((interview) => {
                const state = scorecardState(interview, user.id, now);
                return (
                  <Table.Tr key={interview.id} data-testid="my-interview">
                    <Table.Td>
                      <Text size="sm">{formatDateTime(interview.startsAt)}</Text>
                      {interview.status !== 'SCHEDULED' && (
                        <Text size="xs" c="dimmed">
                          {humanize(interview.status)}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/interviews/${interview.id}`}>
                        {interview.application.candidate.name}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {interview.application.position.title}
                      </Text>
                    </Table.Td>
                    <Table.Td>{interview.stage.name}</Table.Td>
                    <Table.Td>{interview.interviewers.map((person) => person.name).join(', ')}</Table.Td>
                    <Table.Td>
                      <Badge color={SCORECARD_STATE_COLOR[state]} variant="outline">
                        {SCORECARD_STATE_LABEL[state]}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </>
  );
}
