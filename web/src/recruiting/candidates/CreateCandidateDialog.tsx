import { Button, Group, Modal, NumberInput, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@apollo/client/react';
import { useNavigate } from 'react-router';
import { humanize } from '../../app/datetime';
import { apiError, fieldError } from '../../app/errors';
import { ActionError } from '../../components/QueryState';
import type { ExperienceLevel } from '../../graphql/graphql';
import { LEVELS } from '../labels';
import { CandidatesDocument, CreateCandidateDocument } from '../operations';

export function CreateCandidateDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <Modal
      closeButtonProps={{ 'aria-label': 'Close' }}
      opened={opened}
      onClose={onClose}
      title="New candidate"
      size="lg"
    >
      {opened && <CreateCandidateForm onClose={onClose} />}
    </Modal>
  );
}

function CreateCandidateForm({ onClose }: { onClose: () => void }) {
  const navigate = useNavigate();
  const [create, creating] = useMutation(CreateCandidateDocument, { refetchQueries: [CandidatesDocument] });
  const form = useForm({
    initialValues: {
      name: '',
      email: '',
      phone: '',
      experienceLevel: 'MID' as ExperienceLevel,
      experienceYears: '' as number | string,
      source: '',
      tags: '',
      notes: '',
    },
    validate: {
      name: (value) => (value.trim() ? null : 'Enter the name.'),
      email: (value) => (/^\S+@\S+$/.test(value.trim()) ? null : 'Enter an e-mail address.'),
    },
  });
  const problem = apiError(creating.error);
  const submit = form.onSubmit(async (values) => {
    const result = await create({
      variables: {
        input: {
          name: values.name.trim(),
          email: values.email.trim(),
          phone: values.phone.trim() || undefined,
          experienceLevel: values.experienceLevel,
          experienceYears: values.experienceYears === '' ? undefined : Number(values.experienceYears),
          source: values.source.trim() || undefined,
          tags: values.tags
            ? values.tags
                .split(',')
                .map((tag) => tag.trim())
                .filter(Boolean)
            : undefined,
          notes: values.notes.trim() || undefined,
        },
      },
    }).catch(() => null);
    const candidate = result?.data?.createCandidate.candidate;
    if (candidate) {
      onClose();
      await navigate(`/candidates/${candidate.id}`);
    }
  });
  const error = (field: keyof typeof form.values) => form.errors[field] ?? fieldError(problem, field);
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput label="Name" required data-autofocus {...form.getInputProps('name')} error={error('name')} />
        <Group grow align="flex-start">
          <TextInput label="E-mail" type="email" required {...form.getInputProps('email')} error={error('email')} />
          <TextInput label="Phone" type="tel" {...form.getInputProps('phone')} error={error('phone')} />
        </Group>
        <Group grow align="flex-start">
          <Select
            label="Experience level"
            required
            allowDeselect={false}
            data={LEVELS.map((value) => ({ value, label: humanize(value) }))}
            {...form.getInputProps('experienceLevel')}
          />
          <NumberInput
            label="Years of experience"
            min={0}
            max={60}
            decimalScale={1}
            {...form.getInputProps('experienceYears')}
            error={error('experienceYears')}
          />
        </Group>
        <Group grow align="flex-start">
          <TextInput
            label="Source"
            placeholder="Referral, LinkedIn…"
            {...form.getInputProps('source')}
            error={error('source')}
          />
          <TextInput
            label="Tags"
            description="Separated by commas"
            {...form.getInputProps('tags')}
            error={error('tags')}
          />
        </Group>
        <Textarea label="Notes" autosize minRows={2} {...form.getInputProps('notes')} error={error('notes')} />
        {problem && Object.keys(problem.fields).length === 0 && <ActionError error={creating.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={creating.loading}>
            Add candidate
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
