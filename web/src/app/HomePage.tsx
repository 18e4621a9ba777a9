import { Anchor, Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { PageHeader } from '../components/PageHeader';
import { CalendarFeedButton } from './CalendarFeedButton';
import { useCurrentUser } from './session';

export function HomePage() {
  const user = useCurrentUser();
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
                Work queue
              </Title>
              <Text size="sm" c="dimmed">
                Overdue scorecards, interviews to schedule, stalled applications and decisions waiting will be listed
                here once the API offers the work queue. Until then, decisions waiting for you arrive as notifications.
              </Text>
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
