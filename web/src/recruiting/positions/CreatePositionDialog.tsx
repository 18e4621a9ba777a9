import { Button, Group, Modal, MultiSelect, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery } from '@apollo/client/react';
import { useNavigate } from 'react-router';
import { humanize } from '../../app/datetime';
import { apiError, fieldError } from '../../app/errors';
import { useCurrentUser } from '../../app/session';
import { ActionError, ErrorState, LoadingState } from '../../components/QueryState';
import type { CompanyProfile, ExperienceLevel } from '../../graphql/graphql';
import { LEVELS, PROFILES } from '../labels';
import { CreatePositionDocument, PositionFormOptionsDocument, PositionsDocument } from '../operations';

export function CreatePositionDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <Modal
      closeButtonProps={{ 'aria-label': 'Close' }}
      opened={opened}
      onClose={onClose}
      title="New position"
      size="lg"
    >
      {opened && <CreatePositionForm onClose={onClose} />}
    </Modal>
  );
}

function CreatePositionForm({ onClose }: { onClose: () => void }) {
  const user = useCurrentUser();
  const navigate = useNavigate();
  const options = useQuery(PositionFormOptionsDocument, { fetchPolicy: 'network-only' });
  const [create, creating] = useMutation(CreatePositionDocument, { refetchQueries: [PositionsDocument] });
  const form = useForm({
    initialValues: {
      title: '',
      planTemplateId: '',
      companyProfile: 'STARTUP' as CompanyProfile,
      level: 'MID' as ExperienceLevel,
      hiringManagerId: '',
      recruiterIds: user.roles.includes('RECRUITER') ? [user.id] : ([] as string[]),
    },
    validate: {
      title: (value) => (value.trim() ? null : 'Give the position a title.'),
      planTemplateId: (value) => (value ? null : 'Choose the interview plan to copy.'),
      hiringManagerId: (value) => (value ? null : 'Choose the hiring manager.'),
    },
  });
  const problem = apiError(creating.error);

  if (options.error) return <ErrorState error={options.error} onRetry={() => void options.refetch()} />;
  if (!options.data) return <LoadingState label="Loading plans and people" />;

  const submit = form.onSubmit(async (values) => {
    const result = await create({ variables: { input: { ...values, title: values.title.trim() } } }).catch(() => null);
    const position = result?.data?.createPosition.position;
    if (position) {
      onClose();
      await navigate(`/positions/${position.id}/pipeline`);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput
          label="Title"
          required
          data-autofocus
          {...form.getInputProps('title')}
          error={form.errors.title ?? fieldError(problem, 'title')}
        />
        <Select
          label="Interview plan template"
          description="The position gets its own copy; later template edits do not change it."
          required
          data={options.data.planTemplates.map((plan) => ({
            value: plan.id,
            label: `${plan.name} (v${plan.version}, ${plan.stages.length} stages)`,
          }))}
          {...form.getInputProps('planTemplateId')}
          error={form.errors.planTemplateId ?? fieldError(problem, 'planTemplateId')}
        />
        <Group grow align="flex-start">
          <Select
            label="Company profile"
            required
            allowDeselect={false}
            data={PROFILES.map((value) => ({ value, label: humanize(value) }))}
            {...form.getInputProps('companyProfile')}
          />
          <Select
            label="Level"
            required
            allowDeselect={false}
            data={LEVELS.map((value) => ({ value, label: humanize(value) }))}
            {...form.getInputProps('level')}
          />
        </Group>
        <Select
          label="Hiring manager"
          required
          searchable
          data={options.data.hiringManagers.map((person) => ({
            value: person.id,
            label: `${person.name} (${person.email})`,
          }))}
          {...form.getInputProps('hiringManagerId')}
          error={form.errors.hiringManagerId ?? fieldError(problem, 'hiringManagerId')}
        />
        <MultiSelect
          label="Recruiters"
          searchable
          data={options.data.recruiters.map((person) => ({ value: person.id, label: person.name }))}
          {...form.getInputProps('recruiterIds')}
          error={fieldError(problem, 'recruiterIds')}
        />
        {problem && Object.keys(problem.fields).length === 0 && <ActionError error={creating.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={creating.loading}>
            Create position
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
