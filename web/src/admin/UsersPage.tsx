import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  PasswordInput,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation, useQuery } from '@apollo/client/react';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { formatDate } from '../app/datetime';
import { apiError, fieldError } from '../app/errors';
import { notifySuccess } from '../app/notify';
import { useCurrentUser } from '../app/session';
import { PageHeader } from '../components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../components/QueryState';
import type { AdminUserFieldsFragment, Role } from '../graphql/graphql';
import {
  AdminUsersDocument,
  CreateUserDocument,
  DeactivateUserDocument,
  ReactivateUserDocument,
  UpdateUserDocument,
} from './operations';

const ROLES: Array<{ value: Role; label: string }> = [
  { value: 'ADMIN', label: 'Admin' },
  { value: 'RECRUITER', label: 'Recruiter' },
  { value: 'HIRING_MANAGER', label: 'Hiring manager' },
  { value: 'INTERVIEWER', label: 'Interviewer' },
];
const roleLabel = (role: Role) => ROLES.find((entry) => entry.value === role)?.label ?? role;

const TIME_ZONES: string[] = (() => {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return ['UTC', 'Europe/Berlin', 'Europe/London', 'America/New_York'];
  }
})();

type Dialog =
  | { kind: 'create' }
  | { kind: 'edit'; user: AdminUserFieldsFragment }
  | { kind: 'deactivate'; user: AdminUserFieldsFragment }
  | null;

/**
 * Admins manage users: list (optionally by role, in the URL), create, change name, roles and time
 * zone, deactivate and reactivate. Deactivated users are listed too (the API's includeDeactivated),
 * marked as such, with Reactivate instead of Edit and Deactivate.
 */
export default function UsersPage() {
  const me = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const role = (params.get('role') as Role | null) ?? null;
  const search = params.get('q') ?? '';
  const { data, error, refetch } = useQuery(AdminUsersDocument);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [reactivate, reactivating] = useMutation(ReactivateUserDocument);
  const [reactivatingId, setReactivatingId] = useState<string | null>(null);

  const users = useMemo(() => {
    const needle = search.trim().toLowerCase();
    return (data?.users ?? []).filter(
      (user) =>
        (!role || user.roles.includes(role)) &&
        (!needle || user.name.toLowerCase().includes(needle) || user.email.includes(needle)),
    );
  }, [data, role, search]);

  const setParam = (key: string, value: string | null) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );

  return (
    <>
      <PageHeader
        title="Users"
        subtitle="Who signs in, with which roles, and in which time zone their e-mails are written."
        actions={<Button onClick={() => setDialog({ kind: 'create' })}>New user…</Button>}
      />
      <Group mb="md" align="flex-end">
        <TextInput
          label="Search by name or e-mail"
          value={search}
          onChange={(event) => setParam('q', event.currentTarget.value)}
          w={280}
        />
        <Select
          label="Role"
          placeholder="Every role"
          clearable
          data={ROLES}
          value={role}
          onChange={(value) => setParam('role', value)}
          w={200}
        />
      </Group>
      {apiError(reactivating.error) && (
        <Alert color="red" role="alert" mb="md">
          {apiError(reactivating.error)?.message}
        </Alert>
      )}
      {error && !data ? (
        <ErrorState error={error} onRetry={() => void refetch()} />
      ) : !data ? (
        <LoadingState label="Loading users" />
      ) : users.length === 0 ? (
        <EmptyState title="No user matches">Change the search or the role, or create a user.</EmptyState>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped highlightOnHover aria-label="Users">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Name</Table.Th>
                <Table.Th scope="col">E-mail</Table.Th>
                <Table.Th scope="col">Roles</Table.Th>
                <Table.Th scope="col">Time zone</Table.Th>
                <Table.Th scope="col">Status</Table.Th>
                <Table.Th scope="col">Actions</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {users.map((user) => (
                <Table.Tr key={user.id} data-testid="user-row">
                  <Table.Td>{user.name}</Table.Td>
                  <Table.Td>{user.email}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {user.roles.map((entry) => (
                        <Badge key={entry} variant="outline" color="indigo.9">
                          {roleLabel(entry)}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td>{user.timezone}</Table.Td>
                  <Table.Td>
                    {user.deactivatedAt ? (
                      <Group gap={6} wrap="nowrap">
                        <Badge variant="outline" color="red.9">
                          Deactivated
                        </Badge>
                        <Text size="xs">since {formatDate(user.deactivatedAt)}</Text>
                      </Group>
                    ) : (
                      <Text size="sm">Active</Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {user.deactivatedAt ? (
                      <Button
                        size="xs"
                        variant="default"
                        aria-label={`Reactivate ${user.name}`}
                        loading={reactivating.loading && reactivatingId === user.id}
                        onClick={async () => {
                          setReactivatingId(user.id);
                          const result = await reactivate({ variables: { input: { userId: user.id } } }).catch(
                            () => null,
                          );
                          setReactivatingId(null);
                          if (!result?.data) return;
                          notifySuccess(`${user.name} can sign in again.`);
                          void refetch();
                        }}
                      >
                        Reactivate
                      </Button>
                    ) : (
                      <Group gap="xs" wrap="nowrap">
                        <Button
                          size="xs"
                          variant="default"
                          aria-label={`Edit ${user.name}`}
                          onClick={() => setDialog({ kind: 'edit', user })}
                        >
                          Edit…
                        </Button>
                        {user.id !== me.id && (
                          <Button
                            size="xs"
                            variant="default"
                            color="red.9"
                            aria-label={`Deactivate ${user.name}`}
                            onClick={() => setDialog({ kind: 'deactivate', user })}
                          >
                            Deactivate…
                          </Button>
                        )}
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}

      <Modal
        opened={dialog?.kind === 'create' || dialog?.kind === 'edit'}
        onClose={() => setDialog(null)}
        closeButtonProps={{ 'aria-label': 'Close' }}
        title={dialog?.kind === 'edit' ? `Edit ${dialog.user.name}` : 'New user'}
      >
        {(dialog?.kind === 'create' || dialog?.kind === 'edit') && (
          <UserForm
            key={dialog.kind === 'edit' ? dialog.user.id : 'new'}
            user={dialog.kind === 'edit' ? dialog.user : null}
            onClose={() => setDialog(null)}
            onSaved={(message) => {
              setDialog(null);
              notifySuccess(message);
              void refetch();
            }}
          />
        )}
      </Modal>
      <Modal
        opened={dialog?.kind === 'deactivate'}
        onClose={() => setDialog(null)}
        closeButtonProps={{ 'aria-label': 'Close' }}
        title={dialog?.kind === 'deactivate' ? `Deactivate ${dialog.user.name}` : 'Deactivate'}
      >
        {dialog?.kind === 'deactivate' && (
          <DeactivateForm
            user={dialog.user}
            onClose={() => setDialog(null)}
            onDone={(user, affected) => {
              setDialog(null);
              notifySuccess(
                affected === 0
                  ? `${user.name} is deactivated.`
                  : `${user.name} is deactivated and was taken off ${affected} upcoming interview${affected === 1 ? '' : 's'}; their panels need a replacement.`,
              );
              void refetch();
            }}
          />
        )}
      </Modal>
    </>
  );
}

function UserForm({
  user,
  onClose,
  onSaved,
}: {
  user: AdminUserFieldsFragment | null;
  onClose: () => void;
  onSaved: (message: string) => void;
}) {
  const [name, setName] = useState(user?.name ?? '');
  const [email, setEmail] = useState(user?.email ?? '');
  const [password, setPassword] = useState('');
  const [roles, setRoles] = useState<string[]>(user?.roles ?? []);
  const [timezone, setTimezone] = useState<string | null>(user?.timezone ?? 'UTC');
  const [create, creating] = useMutation(CreateUserDocument);
  const [update, updating] = useMutation(UpdateUserDocument);
  const problem = apiError(user ? updating.error : creating.error);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const result = user
      ? await update({
          variables: {
            input: { userId: user.id, name, roles: roles as Role[], timezone: timezone ?? undefined },
          },
        }).catch(() => null)
      : await create({
          variables: { input: { name, email, password, roles: roles as Role[], timezone: timezone ?? undefined } },
        }).catch(() => null);
    if (result?.data) onSaved(user ? `${name} is saved.` : `${name} can now sign in as ${email}.`);
  };

  const unnamed = problem && Object.keys(problem.fields).length === 0;
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput
          label="Name"
          required
          data-autofocus
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={fieldError(problem, 'name')}
        />
        {!user && (
          <>
            <TextInput
              label="E-mail"
              type="email"
              required
              value={email}
              onChange={(event) => setEmail(event.currentTarget.value)}
              error={fieldError(problem, 'email')}
            />
            <PasswordInput
              label="Initial password"
              description="Tell the person privately; they change it after signing in."
              required
              value={password}
              onChange={(event) => setPassword(event.currentTarget.value)}
              error={fieldError(problem, 'password')}
            />
          </>
        )}
        <Checkbox.Group label="Roles" required value={roles} onChange={setRoles} error={fieldError(problem, 'roles')}>
          <Group mt={4}>
            {ROLES.map((entry) => (
              <Checkbox key={entry.value} value={entry.value} label={entry.label} />
            ))}
          </Group>
        </Checkbox.Group>
        <Select
          label="Time zone"
          description="Used for the times in this person's e-mails and invites."
          searchable
          data={TIME_ZONES}
          value={timezone}
          onChange={setTimezone}
          error={fieldError(problem, 'timezone')}
        />
        {unnamed && (
          <Alert color="red" role="alert">
            {problem.message}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={creating.loading || updating.loading}>
            {user ? 'Save' : 'Create user'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function DeactivateForm({
  user,
  onClose,
  onDone,
}: {
  user: AdminUserFieldsFragment;
  onClose: () => void;
  onDone: (user: AdminUserFieldsFragment, affectedInterviews: number) => void;
}) {
  const [deactivate, state] = useMutation(DeactivateUserDocument);
  const problem = apiError(state.error);
  return (
    <Stack>
      <Text size="sm">
        {user.name} is signed out everywhere at once, cannot sign in, and is taken off the panels of upcoming
        interviews. Past scorecards and decisions stay.
      </Text>
      {problem && (
        <Alert color="red" role="alert">
          {problem.message}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose} data-autofocus>
          Cancel
        </Button>
        <Button
          color="red.9"
          loading={state.loading}
          onClick={async () => {
            const result = await deactivate({ variables: { input: { userId: user.id } } }).catch(() => null);
            if (result?.data)
              onDone(result.data.deactivateUser.user, result.data.deactivateUser.affectedInterviewIds.length);
          }}
        >
          Deactivate
        </Button>
      </Group>
    </Stack>
  );
}
