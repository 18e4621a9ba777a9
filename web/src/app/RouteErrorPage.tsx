import { Alert, Button, Center, Stack, Title } from '@mantine/core';
import { isRouteErrorResponse, Link, useRouteError } from 'react-router';

export function RouteErrorPage() {
  const error = useRouteError();
  const message = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error && /dynamically imported module|Failed to fetch/i.test(error.message)
      ? 'A new version of the app was released. Reload the page to get it.'
      : 'Something went wrong while showing this page.';
  return (
    <Center mih="60vh" p="md">
      <Stack maw={480}>
        <Title order={1} size="h3">
          This page could not be shown
        </Title>
        <Alert color="red" role="alert">
          {message}
        </Alert>
        <Button onClick={() => window.location.reload()}>Reload</Button>
      </Stack>
    </Center>
  );
}

export function NotFoundPage() {
  return (
    <Stack maw={480}>
      <Title order={1} size="h3">
        Nothing here
      </Title>
      <Alert color="gray">There is no page at this address.</Alert>
      <Button component={Link} to="/" variant="light">
        Go to the start page
      </Button>
    </Stack>
  );
}
