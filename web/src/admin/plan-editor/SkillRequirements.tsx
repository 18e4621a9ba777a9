import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Modal,
  SegmentedControl,
  Input,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { humanize } from '../../app/datetime';
import type { PlanEditorBankQuery, SkillPriority } from '../../graphql/graphql';
import { EditableList, filled } from './EditableList';
import { EditSkillRequirementDocument, RemoveSkillRequirementDocument } from './operations';
import { SaveProblem } from './SaveProblem';
import { serverErrors } from './serverErrors';
import type { EditablePlan, EditableRequirement } from './types';

type Skill = PlanEditorBankQuery['skills'][number];

/** The skills the plan verifies, where and how; add or change one with setSkillRequirement, take one off with removeSkillRequirement. */
export function SkillRequirements({
  plan,
  skills,
  onSaved,
}: {
  plan: EditablePlan;
  skills: Skill[];
  onSaved: (planId: string, message: string) => void;
}) {
  const [editing, setEditing] = useState<EditableRequirement | 'new' | null>(null);
  const [removing, setRemoving] = useState<EditableRequirement | null>(null);
  return (
    <Card withBorder component="section" aria-labelledby="skills-heading">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id="skills-heading">
          Skills to verify
        </Title>
        <Button size="xs" variant="default" onClick={() => setEditing('new')}>
          Add a skill…
        </Button>
      </Group>
      {plan.skillRequirements.length === 0 ? (
        <Text size="sm" c="dimmed">
          The plan requires no skill.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table aria-label="Skills to verify">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Skill</Table.Th>
                <Table.Th scope="col">Priority</Table.Th>
                <Table.Th scope="col">Verified in</Table.Th>
                <Table.Th scope="col">How</Table.Th>
                <Table.Th scope="col">Actions</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {plan.skillRequirements.map((requirement) => (
                <Table.Tr key={requirement.skill.id} data-testid="skill-requirement">
                  <Table.Td>{requirement.skill.name}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Badge variant="outline" color={requirement.priority === 'MUST_VERIFY' ? 'indigo.9' : 'gray.7'}>
                      {humanize(requirement.priority)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{requirement.verifiedIn.map((stage) => stage.name).join(', ') || '—'}</Table.Td>
                  <Table.Td>
                    {requirement.verificationMethod}
                    {requirement.minimumRequirement && ` (at least: ${requirement.minimumRequirement})`}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <Button
                        size="xs"
                        variant="default"
                        aria-label={`Edit skill ${requirement.skill.name}`}
                        onClick={() => setEditing(requirement)}
                      >
                        Edit…
                      </Button>
                      <Button
                        size="xs"
                        variant="default"
                        color="red.9"
                        aria-label={`Remove skill ${requirement.skill.name}…`}
                        onClick={() => setRemoving(requirement)}
                      >
                        Remove…
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        closeButtonProps={{ 'aria-label': 'Close' }}
        title={editing === 'new' ? 'Add a skill to verify' : `Skill: ${editing?.skill.name ?? ''}`}
        size="lg"
      >
        {editing !== null && (
          <RequirementForm
            plan={plan}
            requirement={editing === 'new' ? null : editing}
            skills={skills.filter(
              (skill) =>
                editing !== 'new' || !plan.skillRequirements.some((requirement) => requirement.skill.id === skill.id),
            )}
            onClose={() => setEditing(null)}
            onSaved={(planId, name) => {
              setEditing(null);
              onSaved(planId, `Skill ${name} saved.`);
            }}
          />
        )}
      </Modal>
      <Modal
        opened={removing !== null}
        onClose={() => setRemoving(null)}
        closeButtonProps={{ 'aria-label': 'Close' }}
        title={`Remove skill ${removing?.skill.name ?? ''}`}
      >
        {removing && (
          <RemoveRequirement
            plan={plan}
            requirement={removing}
            onClose={() => setRemoving(null)}
            onRemoved={(planId) => {
              setRemoving(null);
              onSaved(planId, `Skill ${removing.skill.name} removed: version ${plan.version + 1}.`);
            }}
          />
        )}
      </Modal>
    </Card>
  );
}

function RemoveRequirement({
  plan,
  requirement,
  onClose,
  onRemoved,
}: {
  plan: EditablePlan;
  requirement: EditableRequirement;
  onClose: () => void;
  onRemoved: (planId: string) => void;
}) {
  const [remove, state] = useMutation(RemoveSkillRequirementDocument);
  return (
    <Stack>
      <Text size="sm">
        Interviewers stop giving a verdict on {requirement.skill.name} in version {plan.version + 1} of the template.
        The skill stays in the bank, and positions created earlier keep requiring it.
      </Text>
      <SaveProblem error={state.error} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose} data-autofocus>
          Cancel
        </Button>
        <Button
          color="red.9"
          loading={state.loading}
          onClick={async () => {
            const result = await remove({
              variables: { input: { planId: plan.id, skillId: requirement.skill.id } },
            }).catch(() => null);
            if (result?.data) onRemoved(result.data.removeSkillRequirement.plan.id);
          }}
        >
          Remove the skill
        </Button>
      </Group>
    </Stack>
  );
}

function RequirementForm({
  plan,
  requirement,
  skills,
  onClose,
  onSaved,
}: {
  plan: EditablePlan;
  requirement: EditableRequirement | null;
  skills: Skill[];
  onClose: () => void;
  onSaved: (planId: string, skillName: string) => void;
}) {
  const [save, saving] = useMutation(EditSkillRequirementDocument);
  const form = useForm({
    initialValues: {
      skillId: requirement?.skill.id ?? '',
      priority: (requirement?.priority ?? 'MUST_VERIFY') as SkillPriority,
      verificationMethod: requirement?.verificationMethod ?? '',
      minimumRequirement: requirement?.minimumRequirement ?? '',
      evaluationCriteria: requirement?.evaluationCriteria ?? [],
      verifiedInStageIds: requirement?.verifiedIn.map((stage) => stage.id) ?? [],
    },
    validate: {
      skillId: (value) => (value ? null : 'Choose the skill.'),
    },
  });
  const known = ['skillId', 'priority', 'verificationMethod', 'minimumRequirement', 'evaluationCriteria'];
  const errors = serverErrors(saving.error, [...known, 'verifiedInStageIds', 'skillRequirements']);
  const verifiedInError =
    errors.field('verifiedInStageIds') ??
    Object.entries(errors.problem?.fields ?? {}).find(([path]) => path.endsWith('.verifiedIn'))?.[1];

  const submit = form.onSubmit(async (values) => {
    const result = await save({
      variables: {
        input: {
          planId: plan.id,
          skillId: values.skillId,
          priority: values.priority,
          verificationMethod: values.verificationMethod,
          minimumRequirement: values.minimumRequirement.trim() || undefined,
          evaluationCriteria: filled(values.evaluationCriteria),
          verifiedInStageIds: values.verifiedInStageIds,
        },
      },
    }).catch(() => null);
    const saved = result?.data?.setSkillRequirement.plan;
    if (saved)
      onSaved(saved.id, requirement?.skill.name ?? skills.find((skill) => skill.id === values.skillId)?.name ?? '');
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {requirement ? (
          <Text size="sm">
            Skill: <b>{requirement.skill.name}</b>
          </Text>
        ) : (
          <Select
            label="Skill"
            required
            searchable
            data-autofocus
            data={skills.map((skill) => ({ value: skill.id, label: skill.name }))}
            {...form.getInputProps('skillId')}
            error={form.errors.skillId ?? errors.field('skillId')}
          />
        )}
        <Input.Wrapper label="Priority" error={errors.field('priority')}>
          <div>
            <SegmentedControl
              aria-label="Priority"
              data={[
                { value: 'MUST_VERIFY', label: 'Must verify' },
                { value: 'GOOD_TO_VERIFY', label: 'Good to verify' },
              ]}
              {...form.getInputProps('priority')}
            />
          </div>
        </Input.Wrapper>
        <TextInput
          label="How interviewers verify it"
          required
          data-autofocus={requirement ? true : undefined}
          {...form.getInputProps('verificationMethod')}
          error={errors.field('verificationMethod')}
        />
        <TextInput
          label="Minimum requirement"
          description="The least a candidate must show; optional."
          {...form.getInputProps('minimumRequirement')}
          error={errors.field('minimumRequirement')}
        />
        <EditableList
          label="What interviewers look for"
          itemLabel="Evaluation criterion"
          value={form.values.evaluationCriteria}
          onChange={(value) => form.setFieldValue('evaluationCriteria', value)}
          error={errors.field('evaluationCriteria')}
        />
        <Checkbox.Group
          label="Verified in"
          description="A skill that must be verified needs at least one stage."
          {...form.getInputProps('verifiedInStageIds')}
          error={verifiedInError}
        >
          <Stack gap={4} mt={4}>
            {plan.stages.map((stage) => (
              <Checkbox key={stage.id} value={stage.id} label={`${stage.order}. ${stage.name}`} />
            ))}
          </Stack>
        </Checkbox.Group>
        {errors.unplaced && !verifiedInError && <SaveProblem error={saving.error} />}
        {errors.problem && !errors.unplaced && (
          <Alert color="red" role="alert" p="xs">
            Nothing was saved: correct the fields marked above.
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={saving.loading}>
            Save skill
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
