import { Button, Group, Text } from '@mantine/core';
import { useLazyQuery } from '@apollo/client/react';
import { useState } from 'react';
import { apiError } from './errors';
import { MyCalendarFeedUrlDocument } from './operations';

/** Copies the caller's private iCalendar feed URL (for a calendar app) to the clipboard. */
export function CalendarFeedButton() {
  const [load, { error }] = useLazyQuery(MyCalendarFeedUrlDocument, { fetchPolicy: 'network-only' });
  const [copied, setCopied] = useState<string | null>(null);
  return (
    <Group gap="sm">
      <Button
        variant="default"
        onClick={async () => {
          const { data } = await load();
          if (!data) return;
          const url = new URL(data.myCalendarFeedUrl, window.location.origin).toString();
          try {
            await navigator.clipboard.writeText(url);
            setCopied('Copied. Add it to your calendar app as a subscription; keep it private.');
          } catch {
            setCopied(url);
          }
        }}
      >
        Copy calendar feed URL
      </Button>
      {copied && (
        <Text size="sm" c="dimmed" role="status" style={{ wordBreak: 'break-all' }}>
          {copied}
        </Text>
      )}
      {error && (
        <Text size="sm" c="red.9" role="alert">
          {apiError(error)?.message}
        </Text>
      )}
    </Group>
  );
}
