import { Alert, Button, Center, Group, Loader, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { apiError } from '../app/errors';

/** What a screen shows while its data loads, when loading failed, or when there is nothing. */
export function LoadingState({ label }: { label: string }) {
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Group gap="sm">
        <Loader size="sm" />
        <Text c="dimmed">{label}</Text>
      </Group>
    </Center>
  );
}

export function ErrorState({ error, onRetry, title }: { error: unknown; onRetry?: () => void; title?: string }) {
  const problem = apiError(error);
  return (
    <Alert color="red" title={title ?? 'Could not load this'} role="alert">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{problem?.message}</Text>
        {onRetry && (
          <Button size="xs" variant="white" color="red" onClick={onRetry}>
            Try again
          </Button>
        )}
      </Stack>
    </Alert>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <Stack align="center" py="xl" gap="xs">
      <Text fw={600}>{title}</Text>
      {children && (
        <Text c="dimmed" size="sm" ta="center" maw={420}>
          {children}
        </Text>
      )}
    </Stack>
  );
}

/** The server's message for a failed action, next to the control that caused it. */
export function ActionError({ error }: { error: unknown }) {
  const problem = apiError(error);
  if (!problem) return null;
  return (
    <Alert color="red" role="alert" p="xs">
      <Text size="sm">{problem.message}</Text>
    </Alert>
  );
}
