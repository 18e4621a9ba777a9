import { Alert, Button, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { useMutation } from '@apollo/client/react';
import { useState, type ReactNode } from 'react';
import { apiError, fieldError } from '../../app/errors';
import type { BoardCardFieldsFragment, RejectionReason } from '../../graphql/graphql';
import { REJECTION_REASONS } from '../labels';
import {
  AdvanceApplicationDocument,
  HireApplicationDocument,
  HoldApplicationDocument,
  RejectApplicationDocument,
  ResumeApplicationDocument,
} from '../operations';
import type { BoardCard } from './useBoardApplications';

/** What a transition needs of the application: its id, the version the screen showed, the name. */
export type TransitionTarget = Pick<BoardCard, 'id' | 'version'> & { candidate: { name: string } };

/** Optional extras: a note above the form, the reject code to start from, the reload button's text. */
export interface TransitionExtras {
  hint?: ReactNode;
  defaultReasonCode?: RejectionReason | null;
  reloadLabel?: string;
}

export type TransitionKind = 'advance' | 'reject' | 'hold' | 'resume' | 'hire';

const COPY: Record<TransitionKind, { title: string; action: string; reason: string; required: boolean }> = {
  advance: { title: 'Advance', action: 'Advance', reason: 'Reason (optional)', required: false },
  reject: {
    title: 'Reject',
    action: 'Reject',
    reason: 'Reason (the candidate-facing note stays internal)',
    required: true,
  },
  hold: { title: 'Put on hold', action: 'Put on hold', reason: 'Reason (optional)', required: false },
  resume: { title: 'Resume', action: 'Resume', reason: 'Reason (optional)', required: false },
  hire: { title: 'Hire', action: 'Hire', reason: '', required: false },
};

/**
 * One pipeline transition with the reason the API asks for. It sends the version the board showed
 * (expectedVersion): if someone else moved the application meanwhile, the API answers CONFLICT and
 * the dialog offers to reload instead of acting on a stale card.
 */
export function TransitionDialog({
  card,
  kind,
  nextStageName,
  onClose,
  onDone,
  onReload,
  extras,
}: {
  card: TransitionTarget | null;
  kind: TransitionKind | null;
  nextStageName?: string;
  onClose: () => void;
  onDone: (application: BoardCardFieldsFragment, message: string) => void;
  onReload: () => void;
  extras?: TransitionExtras;
}) {
  const opened = Boolean(card && kind);
  const copy = kind ? COPY[kind] : COPY.advance;
  return (
    <Modal
      closeButtonProps={{ 'aria-label': 'Close' }}
      opened={opened}
      onClose={onClose}
      title={card ? `${copy.title}: ${card.candidate.name}` : copy.title}
    >
      {card && kind && (
        <TransitionForm
          key={`${card.id}-${kind}`}
          card={card}
          kind={kind}
          nextStageName={nextStageName}
          onClose={onClose}
          onDone={onDone}
          onReload={onReload}
          extras={extras}
        />
      )}
    </Modal>
  );
}

function TransitionForm({
  card,
  kind,
  nextStageName,
  onClose,
  onDone,
  onReload,
  extras = {},
}: {
  card: TransitionTarget;
  kind: TransitionKind;
  nextStageName?: string;
  onClose: () => void;
  onDone: (application: BoardCardFieldsFragment, message: string) => void;
  onReload: () => void;
  extras?: TransitionExtras;
}) {
  const copy = COPY[kind];
  const [reason, setReason] = useState('');
  const [reasonCode, setReasonCode] = useState<RejectionReason | null>(extras.defaultReasonCode ?? null);
  const [localError, setLocalError] = useState<string | null>(null);
  const [advance, advancing] = useMutation(AdvanceApplicationDocument);
  const [reject, rejecting] = useMutation(RejectApplicationDocument);
  const [hold, holding] = useMutation(HoldApplicationDocument);
  const [resume, resuming] = useMutation(ResumeApplicationDocument);
  const [hire, hiring] = useMutation(HireApplicationDocument);
  const state = { advance: advancing, reject: rejecting, hold: holding, resume: resuming, hire: hiring }[kind];
  const problem = apiError(state.error);
  // The hire gate answers CONFLICT too, but nothing is stale: the message names the skills missing.
  const stale = problem?.code === 'CONFLICT' && !(kind === 'hire' && /must-verify/i.test(problem.message));

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (kind === 'reject' && (!reasonCode || !reason.trim())) {
      setLocalError('Choose a reason code and write the reason.');
      return;
    }
    setLocalError(null);
    const base = { applicationId: card.id, expectedVersion: card.version, reason: reason.trim() || undefined };
    const result = await (async () => {
      switch (kind) {
        case 'advance':
          return (await advance({ variables: { input: base } })).data?.advanceApplication.application;
        case 'reject':
          return (
            await reject({
              variables: { input: { ...base, reason: reason.trim(), reasonCode: reasonCode ?? undefined } },
            })
          ).data?.rejectApplication.application;
        case 'hold':
          return (await hold({ variables: { input: base } })).data?.holdApplication.application;
        case 'resume':
          return (await resume({ variables: { input: base } })).data?.resumeApplication.application;
        case 'hire':
          return (await hire({ variables: { input: { applicationId: card.id, expectedVersion: card.version } } })).data
            ?.hireApplication.application;
      }
    })().catch(() => null);
    if (result) {
      const name = card.candidate.name;
      const message = {
        advance: nextStageName ? `${name} advanced to ${nextStageName}.` : `${name} passed the last stage.`,
        reject: `${name} was rejected.`,
        hold: `${name} is on hold.`,
        resume: `${name} is active again.`,
        hire: `${name} was hired.`,
      }[kind];
      onDone(result, message);
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {extras.hint}
        {kind === 'advance' && (
          <Text size="sm">
            {nextStageName
              ? `Passes the current stage and opens ${nextStageName}.`
              : 'Passes the last stage; the application then waits for the hire decision.'}
          </Text>
        )}
        {kind === 'hire' && (
          <Text size="sm">
            Hires the candidate. The API refuses it while a skill the plan must verify is not verified, and says which.
          </Text>
        )}
        {kind === 'reject' && (
          <Select
            label="Reason code"
            description="For reporting: why candidates fail each stage."
            required
            data-autofocus
            data={REJECTION_REASONS}
            value={reasonCode}
            onChange={(value) => setReasonCode(value as RejectionReason | null)}
            error={fieldError(problem, 'reasonCode')}
          />
        )}
        {kind !== 'hire' && (
          <Textarea
            label={copy.reason}
            required={copy.required}
            autosize
            minRows={2}
            data-autofocus={kind !== 'reject' ? true : undefined}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            error={fieldError(problem, 'reason')}
          />
        )}
        {localError && (
          <Text size="sm" c="red.9" role="alert">
            {localError}
          </Text>
        )}
        {stale ? (
          <Alert color="indigo" title="This application changed" role="alert">
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{problem.message}</Text>
              <Button
                size="xs"
                onClick={() => {
                  onClose();
                  onReload();
                }}
              >
                {extras.reloadLabel ?? 'Reload the board'}
              </Button>
            </Stack>
          </Alert>
        ) : (
          problem &&
          Object.keys(problem.fields).length === 0 && (
            <Alert color="red" role="alert">
              {problem.message}
            </Alert>
          )
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button
            type="submit"
            color={kind === 'reject' ? 'red.9' : undefined}
            loading={state.loading}
            disabled={stale}
          >
            {copy.action}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
