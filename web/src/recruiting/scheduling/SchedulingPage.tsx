import '@mantine/dates/styles.css';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { notifySuccess } from '../../app/notify';
import { useLazyQuery, useMutation, useQuery } from '@apollo/client/react';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { CalendarFeedButton } from '../../app/CalendarFeedButton';
import { formatDateTime, formatDay, formatTime, humanize, viewerTimeZone } from '../../app/datetime';
import { apiError, fieldError } from '../../app/errors';
import { PageHeader } from '../../components/PageHeader';
import { ActionError, EmptyState, ErrorState, LoadingState } from '../../components/QueryState';
import type { SchedulingApplicationQuery, SuggestSlotsQuery } from '../../graphql/graphql';
import {
  CancelInterviewDocument,
  RescheduleInterviewDocument,
  ScheduleInterviewDocument,
  SchedulingApplicationDocument,
  SuggestSlotsDocument,
} from '../operations';

type Interview = NonNullable<SchedulingApplicationQuery['application']>['interviews'][number];
type Slot = SuggestSlotsQuery['suggestInterviewSlots'][number];
type Person = SchedulingApplicationQuery['interviewers'][number];

const today = () => new Date().toISOString().slice(0, 10);

export default function SchedulingPage() {
  const { applicationId = '' } = useParams();
  const { data, error, refetch } = useQuery(SchedulingApplicationDocument, { variables: { id: applicationId } });
  const [panel, setPanel] = useState<string[]>([]);
  const [panelSize, setPanelSize] = useState<number | string>('');
  const [from, setFrom] = useState<string | null>(today());
  const [days, setDays] = useState('7');
  const [location, setLocation] = useState('');
  const [rescheduling, setRescheduling] = useState<Interview | null>(null);
  const [cancelling, setCancelling] = useState<Interview | null>(null);
  const [suggest, suggestion] = useLazyQuery(SuggestSlotsDocument, { fetchPolicy: 'network-only' });
  const refresh = {
    refetchQueries: [{ query: SchedulingApplicationDocument, variables: { id: applicationId } }],
    awaitRefetchQueries: true,
  };
  const [schedule, scheduling] = useMutation(ScheduleInterviewDocument, refresh);
  const [reschedule, reschedulingState] = useMutation(RescheduleInterviewDocument, refresh);

  const people = useMemo(() => new Map((data?.interviewers ?? []).map((person) => [person.id, person])), [data]);

  if (error && !data) return <ErrorState error={error} onRetry={() => void refetch()} />;
  if (!data) return <LoadingState label="Loading the application" />;
  const application = data.application;
  if (!application)
    return <EmptyState title="Application not found">It does not exist, or you may not see it.</EmptyState>;
  const stage = application.currentStage;
  const suggestProblem = apiError(suggestion.error);
  const bookProblem = apiError(scheduling.error ?? reschedulingState.error);

  const findSlots = async () => {
    if (!stage || !from) return;
    const start = new Date(`${from}T00:00:00`);
    const end = new Date(start.getTime() + Number(days) * 86_400_000);
    await suggest({
      variables: {
        input: {
          applicationId,
          durationMinutes: stage.durationMinutes,
          from: start.toISOString(),
          to: end.toISOString(),
          interviewerIds: panel,
          panelSize: panelSize === '' ? undefined : Number(panelSize),
        },
      },
    }).catch(() => undefined);
  };

  const book = async (slot: Slot) => {
    if (rescheduling) {
      const result = await reschedule({
        variables: { input: { interviewId: rescheduling.id, startsAt: slot.startsAt, endsAt: slot.endsAt } },
      }).catch(() => null);
      if (result?.data) {
        setRescheduling(null);
        notifySuccess(`Interview moved to ${formatDateTime(slot.startsAt)}.`);
        await findSlots();
      }
      return;
    }
    const result = await schedule({
      variables: {
        input: {
          applicationId,
          startsAt: slot.startsAt,
          endsAt: slot.endsAt,
          interviewerIds: slot.interviewerIds,
          location: location.trim() || undefined,
        },
      },
    }).catch(() => null);
    if (result?.data) {
      notifySuccess(`Interview booked for ${formatDateTime(slot.startsAt)}.`);
      await findSlots();
    }
  };

  return (
    <>
      <PageHeader
        title={`Schedule: ${application.candidate.name}`}
        subtitle={
          <>
            <Anchor component={Link} to={`/positions/${application.position.id}/pipeline`} size="sm" underline="always">
              {application.position.title}
            </Anchor>
            {stage ? ` · ${stage.name}, ${stage.durationMinutes} minutes` : ' · not in a stage'}
          </>
        }
        actions={<CalendarFeedButton />}
      />
      <Stack gap="lg">
        <Card withBorder component="section" aria-labelledby="booked-title">
          <Title order={2} size="h4" id="booked-title" mb="xs">
            Interviews
          </Title>
          {application.interviews.length === 0 ? (
            <Text size="sm" c="dimmed">
              Nothing booked yet. Pick a panel below and book a suggested slot.
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={640}>
              <Table verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Stage</Table.Th>
                    <Table.Th scope="col">When ({viewerTimeZone})</Table.Th>
                    <Table.Th scope="col">Panel</Table.Th>
                    <Table.Th scope="col">Status</Table.Th>
                    <Table.Th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {application.interviews.map((interview) => (
                    <Table.Tr key={interview.id} data-testid="booked-interview">
                      <Table.Td>{interview.stage.name}</Table.Td>
                      <Table.Td>{formatDateTime(interview.startsAt)}</Table.Td>
                      <Table.Td>
                        {interview.interviewers
                          .map((person) => person.name)
                          .sort()
                          .join(', ')}
                      </Table.Td>
                      <Table.Td>
                        <Badge variant="outline" color={interview.status === 'SCHEDULED' ? 'indigo.8' : 'gray.8'}>
                          {humanize(interview.status)}
                        </Badge>
                        {interview.cancelReason && <Text size="xs">{interview.cancelReason}</Text>}
                      </Table.Td>
                      <Table.Td>
                        <Group gap={4} justify="flex-end" wrap="nowrap">
                          <Button size="compact-xs" variant="subtle" onClick={() => downloadInvite(interview)}>
                            Download invite
                          </Button>
                          {interview.status === 'SCHEDULED' && (
                            <>
                              <Button
                                size="compact-xs"
                                variant="light"
                                onClick={() => {
                                  setRescheduling(interview);
                                  setPanel(interview.interviewers.map((person) => person.id));
                                  document.getElementById('slots-title')?.scrollIntoView();
                                }}
                              >
                                Reschedule
                              </Button>
                              <Button
                                size="compact-xs"
                                variant="subtle"
                                color="red.9"
                                onClick={() => setCancelling(interview)}
                              >
                                Cancel
                              </Button>
                            </>
                          )}
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Card>

        <Card withBorder component="section" aria-labelledby="slots-title">
          <Title order={2} size="h4" id="slots-title" mb="xs">
            {rescheduling ? `Reschedule the ${rescheduling.stage.name} interview` : 'Find a time'}
          </Title>
          {rescheduling && (
            <Alert color="indigo" mb="sm">
              <Group justify="space-between">
                <Text size="sm">
                  Now at {formatDateTime(rescheduling.startsAt)}. Choose a new slot for the same panel.
                </Text>
                <Button size="xs" variant="white" onClick={() => setRescheduling(null)}>
                  Stop rescheduling
                </Button>
              </Group>
            </Alert>
          )}
          {!stage ? (
            <Text size="sm" c="dimmed">
              The application is not in a stage, so there is nothing to schedule.
            </Text>
          ) : (
            <form
              onSubmit={(event) => {
                event.preventDefault();
                void findSlots();
              }}
            >
              <Stack>
                <MultiSelect
                  label="Panel"
                  description={
                    stage.participants.length ? `This stage asks for: ${stage.participants.join(', ')}` : undefined
                  }
                  placeholder="Choose interviewers"
                  searchable
                  disabled={Boolean(rescheduling)}
                  data={data.interviewers.map((person) => ({
                    value: person.id,
                    label: `${person.name} (${person.timezone})`,
                  }))}
                  value={panel}
                  onChange={setPanel}
                  error={fieldError(suggestProblem, 'interviewerIds')}
                />
                <Group grow align="flex-start">
                  <DatePickerInput
                    label="From"
                    value={from}
                    onChange={setFrom}
                    minDate={today()}
                    valueFormat="D MMM YYYY"
                  />
                  <Select
                    label="Search over"
                    allowDeselect={false}
                    data={[
                      { value: '3', label: '3 days' },
                      { value: '7', label: '1 week' },
                      { value: '14', label: '2 weeks' },
                    ]}
                    value={days}
                    onChange={(value) => setDays(value ?? '7')}
                  />
                  <NumberInput
                    label="Panel size"
                    description="Pick this many of the panel, lightest week first"
                    min={1}
                    max={Math.max(1, panel.length)}
                    value={panelSize}
                    onChange={setPanelSize}
                    disabled={Boolean(rescheduling)}
                  />
                </Group>
                {!rescheduling && (
                  <TextInput
                    label="Location or video link (optional)"
                    value={location}
                    onChange={(event) => setLocation(event.currentTarget.value)}
                  />
                )}
                <Group>
                  <Button type="submit" disabled={panel.length === 0 || !from} loading={suggestion.loading}>
                    Suggest slots
                  </Button>
                </Group>
                {suggestProblem && Object.keys(suggestProblem.fields).length === 0 && (
                  <ActionError error={suggestion.error} />
                )}
              </Stack>
            </form>
          )}
          {bookProblem && (
            <Alert color="red" mt="sm" role="alert" title="Could not book">
              {bookProblem.message}
            </Alert>
          )}
          {suggestion.data && (
            <SlotList
              slots={suggestion.data.suggestInterviewSlots}
              people={people}
              busy={scheduling.loading || reschedulingState.loading}
              actionLabel={rescheduling ? 'Move here' : 'Book'}
              onBook={book}
            />
          )}
        </Card>
      </Stack>
      <CancelDialog interview={cancelling} onClose={() => setCancelling(null)} applicationId={applicationId} />
    </>
  );
}

function SlotList({
  slots,
  people,
  busy,
  actionLabel,
  onBook,
}: {
  slots: Slot[];
  people: Map<string, Person>;
  busy: boolean;
  actionLabel: string;
  onBook: (slot: Slot) => Promise<void>;
}) {
  if (slots.length === 0) {
    return (
      <EmptyState title="No free slot">
        The whole panel is never free in working hours in this window. Try a longer window or another panel.
      </EmptyState>
    );
  }
  return (
    <Stack gap="xs" mt="md" aria-label="Suggested slots" role="list">
      <Text size="sm" c="dimmed">
        Times in {viewerTimeZone}; each panelist's local time beside it.
      </Text>
      {slots.slice(0, 30).map((slot) => (
        <Card
          key={`${slot.startsAt}-${slot.interviewerIds.join()}`}
          withBorder
          padding="xs"
          role="listitem"
          data-testid="slot"
        >
          <Group justify="space-between" wrap="wrap">
            <Stack gap={2}>
              <Text fw={600} size="sm">
                {formatDay(slot.startsAt)}, {formatTime(slot.startsAt)} – {formatTime(slot.endsAt)}
              </Text>
              <Text size="xs" c="dimmed">
                {slot.interviewerIds
                  .map((id) => {
                    const person = people.get(id);
                    return person ? `${person.name}: ${formatTime(slot.startsAt, person.timezone)}` : id;
                  })
                  .join(' · ')}
              </Text>
            </Stack>
            <Group gap="xs">
              <Badge variant="outline" color="gray.8" title="The panel's interviews that week">
                Panel load {slot.panelLoad}
              </Badge>
              <Button
                size="xs"
                disabled={busy}
                aria-label={`${actionLabel} ${formatDay(slot.startsAt)} ${formatTime(slot.startsAt)}`}
                onClick={() => void onBook(slot)}
              >
                {actionLabel}
              </Button>
            </Group>
          </Group>
        </Card>
      ))}
    </Stack>
  );
}

function CancelDialog({
  interview,
  onClose,
  applicationId,
}: {
  interview: Interview | null;
  onClose: () => void;
  applicationId: string;
}) {
  const [reason, setReason] = useState('');
  const [cancel, cancelling] = useMutation(CancelInterviewDocument, {
    refetchQueries: [{ query: SchedulingApplicationDocument, variables: { id: applicationId } }],
  });
  return (
    <Modal
      closeButtonProps={{ 'aria-label': 'Close' }}
      opened={Boolean(interview)}
      onClose={onClose}
      title="Cancel the interview"
    >
      {interview && (
        <form
          onSubmit={async (event) => {
            event.preventDefault();
            const result = await cancel({
              variables: { input: { interviewId: interview.id, reason: reason.trim() || undefined } },
            }).catch(() => null);
            if (result?.data) {
              setReason('');
              onClose();
              notifySuccess('Interview cancelled; the panel gets an updated invite.');
            }
          }}
        >
          <Stack>
            <Text size="sm">
              {interview.stage.name}, {formatDateTime(interview.startsAt)}
            </Text>
            <Textarea
              label="Reason (optional)"
              data-autofocus
              value={reason}
              onChange={(event) => setReason(event.currentTarget.value)}
            />
            <ActionError error={cancelling.error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                Keep it
              </Button>
              <Button type="submit" color="red.9" loading={cancelling.loading}>
                Cancel interview
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

/** The interview's iCalendar invite as a file (METHOD:REQUEST, or CANCEL once cancelled). */
function downloadInvite(interview: Interview): void {
  const url = URL.createObjectURL(new Blob([interview.calendarInvite], { type: 'text/calendar' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `interview-${interview.stage.name.toLowerCase().replace(/\W+/g, '-')}-${interview.startsAt.slice(0, 10)}.ics`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
