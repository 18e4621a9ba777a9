import {
  Alert,
  Anchor,
  Button,
  Card,
  Grid,
  Group,
  Modal,
  NumberInput,
  Select,
  Stack,
  Tabs,
  Text,
  TextInput,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { humanize } from '../../app/datetime';
import { notifySuccess } from '../../app/notify';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../../components/QueryState';
import type { PlanEditorBankQuery, StageKind } from '../../graphql/graphql';
import {
  AddPlanStageDocument,
  EditablePlanDocument,
  PlanEditorBankDocument,
  RemovePlanStageDocument,
  ReorderPlanStagesDocument,
} from './operations';
import { PracticalTaskForm } from './PracticalTaskForm';
import { RubricForm } from './RubricForm';
import { SaveProblem } from './SaveProblem';
import { serverErrors } from './serverErrors';
import { SkillRequirements } from './SkillRequirements';
import { StageQuestionsForm } from './StageQuestionsForm';
import { StageSettingsForm } from './StageSettingsForm';
import type { EditablePlan, EditableStage } from './types';
import { EDITOR_MOVE, useUnsavedEdits } from './unsavedEdits';
import classes from './PlanEditorPage.module.css';

const KINDS: StageKind[] = [
  'HR_SCREEN',
  'TECHNICAL',
  'SYSTEM_DESIGN',
  'CODING_CHALLENGE',
  'BEHAVIORAL',
  'FINAL',
  'CUSTOM',
];

/**
 * Edits one interview plan template: its stages (settings, lists, rubric, questions, practical
 * task), their order, and the skills it verifies. The API never changes a template in place: every
 * save creates the template's next version, and this page moves on to it. Positions keep the copy
 * they took when they were created, so running processes do not change under anyone.
 */
export default function PlanEditorPage() {
  const { planId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const client = useApolloClient();
  const query = useQuery(EditablePlanDocument, { variables: { id: planId } });
  const bank = useQuery(PlanEditorBankDocument);
  const data = query.data ?? query.previousData;
  const plan = data?.planTemplate ?? null;
  const unsavedEdits = useUnsavedEdits();

  // Forms keep their unsaved edits when this page saves a new version itself; any other change of
  // version (a link, a reload after a conflict) starts them afresh from what the server holds.
  const ownVersion = useRef<string | null>(null);
  const [epoch, setEpoch] = useState(0);
  const lastPlanId = useRef(planId);
  useEffect(() => {
    if (lastPlanId.current === planId) return;
    lastPlanId.current = planId;
    if (ownVersion.current !== planId) setEpoch((value) => value + 1);
  }, [planId]);

  const goTo = async (nextPlanId: string, stageOrder: number, message: string, restart = false) => {
    // Loaded before moving, so the page changes version without a loading state.
    await client.query({ query: EditablePlanDocument, variables: { id: nextPlanId }, fetchPolicy: 'network-only' });
    ownVersion.current = restart ? null : nextPlanId;
    await navigate(`/admin/plan-templates/${nextPlanId}?stage=${stageOrder}`, { state: EDITOR_MOVE });
    notifySuccess(message);
  };

  if (query.error && !data) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (!data) return <LoadingState label="Loading the template" />;
  if (!plan)
    return (
      <EmptyState title="Template not found">
        No template has this id. <Link to="/admin/plan-templates">Back to the templates</Link>
      </EmptyState>
    );

  const selectedOrder = Math.min(Math.max(Number(params.get('stage') ?? 1) || 1, 1), plan.stages.length);
  const stage = plan.stages.find((candidate) => candidate.order === selectedOrder) ?? plan.stages[0] ?? null;
  const latest = data.planTemplates.find((template) => template.id === plan.id)
    ? null
    : (data.planTemplates.find((template) => template.name === plan.name) ?? null);
  const saved = (nextPlanId: string, what: string) =>
    void goTo(nextPlanId, stage?.order ?? 1, `${what} saved as version ${plan.version + 1}.`);

  return (
    <unsavedEdits.Provider value={unsavedEdits.report}>
      {unsavedEdits.prompt}
      <PageHeader
        title={`Edit ${plan.name}`}
        subtitle={`Interview plan template, version ${plan.version}`}
        actions={
          <Button component={Link} to={`/admin/plan-templates?template=${plan.id}`} variant="default">
            Back to the templates
          </Button>
        }
      />
      <Alert color="blue" mb="md" title="How saving works">
        Every save creates version {plan.version + 1} of this template and leaves version {plan.version} as it was.
        Positions already created keep their own copy of the plan and do not change; positions created from now on copy
        the latest version.
      </Alert>
      {latest && (
        <Alert color="yellow" mb="md" role="status" title="This is not the latest version">
          Saving here is refused.{' '}
          <Anchor component={Link} to={`/admin/plan-templates/${latest.id}`}>
            Open version {latest.version}
          </Anchor>
        </Alert>
      )}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <StageList
            plan={plan}
            selected={stage}
            onSelect={(order) => setParams({ stage: String(order) })}
            onChanged={(nextPlanId, order, message) => void goTo(nextPlanId, order, message, true)}
            guard={unsavedEdits.guard}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 8 }}>
          {stage ? (
            <Card withBorder component="section" aria-labelledby="stage-heading">
              <Title order={2} size="h4" id="stage-heading" mb="xs">
                {stage.order}. {stage.name}{' '}
                <Text span c="dimmed" size="sm">
                  ({humanize(stage.kind)})
                </Text>
              </Title>
              <StageEditor
                key={`${stage.order}:${epoch}`}
                stage={stage}
                bank={{ data: bank.data, error: bank.error }}
                onSaved={(nextPlanId, what) => saved(nextPlanId, what)}
              />
            </Card>
          ) : (
            <EmptyState title="No stage yet">Add the first stage of the plan.</EmptyState>
          )}
        </Grid.Col>
      </Grid>
      <Stack mt="md">
        {bank.data && (
          <SkillRequirements
            plan={plan}
            skills={bank.data.skills}
            onSaved={(nextPlanId, message) => void goTo(nextPlanId, stage?.order ?? 1, message)}
          />
        )}
      </Stack>
    </unsavedEdits.Provider>
  );
}

function StageEditor({
  stage,
  bank,
  onSaved,
}: {
  stage: EditableStage;
  bank: { data?: PlanEditorBankQuery; error?: unknown };
  onSaved: (planId: string, what: string) => void;
}) {
  return (
    <Tabs defaultValue="settings" keepMounted>
      <Tabs.List mb="md">
        <Tabs.Tab value="settings">Settings</Tabs.Tab>
        <Tabs.Tab value="rubric">Rubric</Tabs.Tab>
        <Tabs.Tab value="questions">Questions ({stage.questions.length})</Tabs.Tab>
        <Tabs.Tab value="task">Practical task</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="settings">
        <StageSettingsForm stage={stage} onSaved={(planId) => onSaved(planId, `Stage "${stage.name}"`)} />
      </Tabs.Panel>
      <Tabs.Panel value="rubric">
        <RubricForm stage={stage} onSaved={(planId) => onSaved(planId, `Rubric of "${stage.name}"`)} />
      </Tabs.Panel>
      <Tabs.Panel value="questions">
        {bank.data ? (
          <StageQuestionsForm
            stage={stage}
            bank={bank.data.questions}
            onSaved={(planId) => onSaved(planId, `Questions of "${stage.name}"`)}
          />
        ) : bank.error ? (
          <ErrorState error={bank.error} />
        ) : (
          <LoadingState label="Loading the question bank" />
        )}
      </Tabs.Panel>
      <Tabs.Panel value="task">
        {bank.data ? (
          <PracticalTaskForm
            stage={stage}
            tasks={bank.data.practicalTasks}
            onSaved={(planId) => onSaved(planId, `Practical task of "${stage.name}"`)}
          />
        ) : bank.error ? (
          <ErrorState error={bank.error} />
        ) : (
          <LoadingState label="Loading the practical tasks" />
        )}
      </Tabs.Panel>
    </Tabs>
  );
}

/** The stages in order: pick one to edit, move it, remove it, or add a stage. */
function StageList({
  plan,
  selected,
  onSelect,
  onChanged,
  guard,
}: {
  plan: EditablePlan;
  selected: EditableStage | null;
  onSelect: (order: number) => void;
  onChanged: (planId: string, order: number, message: string) => void;
  /** Runs an action that starts the forms afresh, after asking when they hold unsaved edits. */
  guard: (action: () => void) => void;
}) {
  const [reorder, reordering] = useMutation(ReorderPlanStagesDocument);
  const [removing, setRemoving] = useState<EditableStage | null>(null);
  const [adding, setAdding] = useState(false);
  const move = async (stage: EditableStage, to: number) => {
    const ids = plan.stages.map((candidate) => candidate.id);
    ids.splice(stage.order - 1, 1);
    ids.splice(to - 1, 0, stage.id);
    const result = await reorder({ variables: { input: { planId: plan.id, stageIds: ids } } }).catch(() => null);
    const saved = result?.data?.reorderPlanStages.plan;
    if (saved) onChanged(saved.id, to, `"${stage.name}" moved to place ${to}: version ${plan.version + 1}.`);
  };
  return (
    <Card withBorder component="nav" aria-labelledby="stages-heading">
      <Title order={2} size="h4" id="stages-heading" mb="xs">
        Stages
      </Title>
      <Stack gap={6} component="ol" className={classes.stageList}>
        {plan.stages.map((stage) => {
          const current = stage.id === selected?.id;
          return (
            <li
              key={stage.id}
              className={classes.stageItem}
              data-testid="editor-stage"
              data-active={current || undefined}
            >
              <UnstyledButton
                className={classes.stageButton}
                aria-current={current ? 'true' : undefined}
                onClick={() => onSelect(stage.order)}
              >
                <Text size="sm" fw={current ? 700 : 500}>
                  {stage.order}. {stage.name}
                </Text>
                <Text size="xs" c="dimmed">
                  {humanize(stage.kind)} · {stage.durationMinutes} min
                  {stage.rubric ? '' : ' · no rubric'}
                </Text>
              </UnstyledButton>
              <Group gap={4} wrap="nowrap">
                <Button
                  size="compact-xs"
                  variant="default"
                  disabled={stage.order === 1 || reordering.loading}
                  aria-label={`Move ${stage.name} up`}
                  onClick={() => guard(() => void move(stage, stage.order - 1))}
                >
                  Up
                </Button>
                <Button
                  size="compact-xs"
                  variant="default"
                  disabled={stage.order === plan.stages.length || reordering.loading}
                  aria-label={`Move ${stage.name} down`}
                  onClick={() => guard(() => void move(stage, stage.order + 1))}
                >
                  Down
                </Button>
                <Button
                  size="compact-xs"
                  variant="default"
                  color="red.9"
                  aria-label={`Remove ${stage.name}…`}
                  onClick={() => guard(() => setRemoving(stage))}
                >
                  Remove…
                </Button>
              </Group>
            </li>
          );
        })}
      </Stack>
      {reordering.error && <SaveProblem error={reordering.error} />}
      <Button mt="sm" variant="default" onClick={() => guard(() => setAdding(true))}>
        Add a stage…
      </Button>
      <Modal
        opened={removing !== null}
        onClose={() => setRemoving(null)}
        closeButtonProps={{ 'aria-label': 'Close' }}
        title={`Remove ${removing?.name ?? 'the stage'}`}
      >
        {removing && (
          <RemoveStage
            plan={plan}
            stage={removing}
            onClose={() => setRemoving(null)}
            onRemoved={(planId) => {
              setRemoving(null);
              onChanged(planId, 1, `"${removing.name}" removed: version ${plan.version + 1}.`);
            }}
          />
        )}
      </Modal>
      <Modal
        opened={adding}
        onClose={() => setAdding(false)}
        closeButtonProps={{ 'aria-label': 'Close' }}
        title="Add a stage"
      >
        {adding && (
          <AddStageForm
            plan={plan}
            onClose={() => setAdding(false)}
            onAdded={(planId, order, name) => {
              setAdding(false);
              onChanged(planId, order, `"${name}" added: version ${plan.version + 1}.`);
            }}
          />
        )}
      </Modal>
    </Card>
  );
}

function RemoveStage({
  plan,
  stage,
  onClose,
  onRemoved,
}: {
  plan: EditablePlan;
  stage: EditableStage;
  onClose: () => void;
  onRemoved: (planId: string) => void;
}) {
  const [remove, state] = useMutation(RemovePlanStageDocument);
  return (
    <Stack>
      <Text size="sm">
        Version {plan.version + 1} of the template will not have this stage. Positions created earlier keep it.
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
            const result = await remove({ variables: { input: { stageId: stage.id } } }).catch(() => null);
            if (result?.data) onRemoved(result.data.removePlanStage.plan.id);
          }}
        >
          Remove the stage
        </Button>
      </Group>
    </Stack>
  );
}

function AddStageForm({
  plan,
  onClose,
  onAdded,
}: {
  plan: EditablePlan;
  onClose: () => void;
  onAdded: (planId: string, order: number, name: string) => void;
}) {
  const [add, state] = useMutation(AddPlanStageDocument);
  const form = useForm({
    initialValues: {
      name: '',
      kind: 'CUSTOM' as StageKind,
      order: (plan.stages.length + 1) as number | string,
      durationMinutes: 60 as number | string,
      feedbackDueHours: 24 as number | string,
    },
    validate: { name: (value) => (value.trim() ? null : 'Give the stage a name.') },
  });
  const errors = serverErrors(state.error, ['name', 'kind', 'order', 'durationMinutes', 'feedbackDueHours']);
  const submit = form.onSubmit(async (values) => {
    const order = Math.min(Number(values.order) || plan.stages.length + 1, plan.stages.length + 1);
    const result = await add({
      variables: {
        input: {
          planId: plan.id,
          name: values.name.trim(),
          kind: values.kind,
          order,
          durationMinutes: Number(values.durationMinutes),
          feedbackDueHours: Number(values.feedbackDueHours),
        },
      },
    }).catch(() => null);
    if (result?.data) onAdded(result.data.addPlanStage.plan.id, order, values.name.trim());
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput
          label="Name"
          required
          data-autofocus
          {...form.getInputProps('name')}
          error={form.errors.name ?? errors.field('name')}
        />
        <Select
          label="Kind"
          required
          allowDeselect={false}
          data={KINDS.map((value) => ({ value, label: humanize(value) }))}
          {...form.getInputProps('kind')}
          error={errors.field('kind')}
        />
        <Group grow align="flex-start">
          <NumberInput
            label="Place in the plan"
            min={1}
            max={plan.stages.length + 1}
            allowDecimal={false}
            {...form.getInputProps('order')}
            error={errors.field('order')}
          />
          <NumberInput
            label="Duration (minutes)"
            min={1}
            allowDecimal={false}
            {...form.getInputProps('durationMinutes')}
            error={errors.field('durationMinutes')}
          />
          <NumberInput
            label="Feedback due (hours)"
            min={1}
            allowDecimal={false}
            {...form.getInputProps('feedbackDueHours')}
            error={errors.field('feedbackDueHours')}
          />
        </Group>
        <Text size="xs" c="dimmed">
          The rest (focus areas, rubric, questions, task) is edited once the stage exists.
        </Text>
        {errors.unplaced && <SaveProblem error={state.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={state.loading}>
            Add the stage
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
