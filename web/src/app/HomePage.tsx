import { Anchor, Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link, Navigate } from 'react-router';
import { PageHeader } from '../components/PageHeader';
import { CalendarFeedButton } from './CalendarFeedButton';
import { RECRUITING_ROLES } from './navigation';
import { useCurrentUser, useHasRole } from './session';

/** Where to start: a recruiter's (and an admin's) home is their work queue; everyone else gets these cards. */
export function HomePage() {
  const user = useCurrentUser();
  const hasRole = useHasRole();
  if (hasRole(...RECRUITING_ROLES)) return <Navigate to="/work-queue" replace />;
  const recruits = user.roles.some((role) => role === 'ADMIN' || role === 'RECRUITER' || role === 'HIRING_MANAGER');
  return (
    <>
      <PageHeader title={`Hello, ${user.name}`} subtitle="Where to start today." />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {recruits && (
          <Card withBorder>
            <Stack gap="xs">
              <Title order={2} size="h4">
                Hiring
              </Title>
              <Anchor component={Link} to="/positions">
                Positions and their pipelines
              </Anchor>
              <Anchor component={Link} to="/candidates">
                Candidates
              </Anchor>
            </Stack>
          </Card>
        )}
        {recruits && (
          <Card withBorder>
            <Stack gap="xs">
              <Title order={2} size="h4">
                Decisions waiting for you
              </Title>
              <Text size="sm" c="dimmed">
                The panels’ recommendations to carry out, and the candidates who passed every stage.
              </Text>
              <Anchor component={Link} to="/decisions">
                Open the decisions waiting
              </Anchor>
            </Stack>
          </Card>
        )}
        <Card withBorder>
          <Stack gap="xs">
            <Title order={2} size="h4">
              Your interviews in your calendar
            </Title>
            <Text size="sm" c="dimmed">
              A private feed of the interviews you sit on, for Google Calendar, Outlook or Apple Calendar.
            </Text>
            <CalendarFeedButton />
          </Stack>
        </Card>
      </SimpleGrid>
    </>
  );
}
