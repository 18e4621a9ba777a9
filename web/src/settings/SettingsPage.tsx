import { Button, Card, Group, Stack, Switch, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { humanize, viewerTimeZone } from '../app/datetime';
import { notifySuccess } from '../app/notify';
import { useCurrentUser } from '../app/session';
import { MyNotificationPreferencesDocument, UpdateMyNotificationPreferencesDocument } from '../admin/operations';
import { PageHeader } from '../components/PageHeader';
import { ActionError, EmptyState, ErrorState, LoadingState } from '../components/QueryState';

/** What each notification kind is about; a kind the API adds later shows its code in words. */
const KIND_LABELS: Record<string, string> = {
  INTERVIEW_SCHEDULED: 'You were put on an interview panel',
  INTERVIEW_RESCHEDULED: 'An interview you are on moved',
  INTERVIEW_CANCELLED: 'An interview you are on was cancelled',
  INTERVIEW_REMINDER: 'An interview you are on starts soon',
  SCORECARD_DUE: 'Your scorecard is due or overdue',
  SCORECARD_ESCALATION: 'A scorecard of your position is overdue after two reminders',
  APPLICATION_STALLED: 'An application of your position is past its stage SLA',
  STAGE_DECISION_WAITING: 'A stage decision waits for you',
  STAGE_DECISION_APPLIED: 'An automatic stage decision was applied',
};

/** Every user's own settings: their profile as the API holds it and which notifications also come by e-mail. */
export default function SettingsPage() {
  const user = useCurrentUser();
  const { data, error, refetch } = useQuery(MyNotificationPreferencesDocument);
  const [changes, setChanges] = useState<Record<string, boolean>>({});
  const [save, saving] = useMutation(UpdateMyNotificationPreferencesDocument);

  const preferences = data?.myNotificationPreferences ?? [];
  const value = (kind: string, email: boolean) => changes[kind] ?? email;
  const dirty = preferences.some((preference) => value(preference.kind, preference.email) !== preference.email);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const result = await save({
      variables: {
        input: {
          preferences: preferences.map((preference) => ({
            kind: preference.kind,
            email: value(preference.kind, preference.email),
          })),
        },
      },
    }).catch(() => null);
    if (result?.data) {
      setChanges({});
      notifySuccess('Notification settings saved.');
    }
  };

  return (
    <>
      <PageHeader title="Settings" subtitle="Your profile and how you hear about what needs you." />
      <Stack gap="lg" maw={720}>
        <Card withBorder component="section" aria-labelledby="profile-heading">
          <Title order={2} size="h4" id="profile-heading" mb="xs">
            Profile
          </Title>
          <Text size="sm">
            {user.name} · {user.email}
          </Text>
          <Text size="sm">Roles: {user.roles.map((role) => humanize(role).toLowerCase()).join(', ')}</Text>
          <Text size="sm" c="dimmed">
            This browser shows times in {viewerTimeZone}. An admin changes names, roles and the time zone of e-mails.
          </Text>
        </Card>
        <Card withBorder component="section" aria-labelledby="notifications-heading">
          <Title order={2} size="h4" id="notifications-heading">
            E-mail notifications
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            Every notification stays in the app; these switches decide which ones also arrive by e-mail.
          </Text>
          {error && !data ? (
            <ErrorState error={error} onRetry={() => void refetch()} />
          ) : !data ? (
            <LoadingState label="Loading your notification settings" />
          ) : preferences.length === 0 ? (
            <EmptyState title="No notification kinds">
              The API lists no kinds of notification to choose from.
            </EmptyState>
          ) : (
            <form onSubmit={submit}>
              <Stack gap="sm">
                {preferences.map((preference) => (
                  <Switch
                    key={preference.kind}
                    label={KIND_LABELS[preference.kind] ?? humanize(preference.kind)}
                    description={`E-mail for ${humanize(preference.kind).toLowerCase()}`}
                    checked={value(preference.kind, preference.email)}
                    onChange={(event) => {
                      const checked = event.currentTarget.checked;
                      setChanges((current) => ({ ...current, [preference.kind]: checked }));
                    }}
                  />
                ))}
                <ActionError error={saving.error} />
                <Group>
                  <Button type="submit" loading={saving.loading} disabled={!dirty}>
                    Save notification settings
                  </Button>
                  {dirty && (
                    <Button variant="default" onClick={() => setChanges({})}>
                      Discard changes
                    </Button>
                  )}
                </Group>
              </Stack>
            </form>
          )}
        </Card>
      </Stack>
    </>
  );
}
