import {
  Alert,
  Button,
  Card,
  Group,
  List,
  Radio,
  Select,
  Stack,
  TagsInput,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useMutation } from '@apollo/client/react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { formatTime } from '../app/datetime';
import { apiError } from '../app/errors';
import { notifySuccess } from '../app/notify';
import { ActionError } from '../components/QueryState';
import type {
  InterviewKitExtrasQuery,
  InterviewQuery,
  Recommendation,
  SaveScorecardInput,
  ScorecardFieldsFragment,
  SkillVerdict,
} from '../graphql/graphql';
import { ScorecardReadout, type LevelNames } from './ScorecardReadout';
import { AmendScorecardDocument, SaveScorecardDocument, SubmitScorecardDocument } from './operations';

type Stage = NonNullable<InterviewQuery['interview']>['stage'];
type Skills = InterviewKitExtrasQuery['interviewKit']['skillsToVerify'];

export const RECOMMENDATIONS: Array<{ value: Recommendation; label: string }> = [
  { value: 'STRONG_YES', label: 'Strong yes' },
  { value: 'YES', label: 'Yes' },
  { value: 'NO', label: 'No' },
  { value: 'STRONG_NO', label: 'Strong no' },
];

const VERDICTS: Array<{ value: SkillVerdict; label: string }> = [
  { value: 'VERIFIED', label: 'Verified' },
  { value: 'NOT_VERIFIED', label: 'Not verified' },
  { value: 'NOT_ASSESSED', label: 'Not assessed' },
];

interface Draft {
  ratings: Record<string, { score?: number; evidence: string }>;
  questionRatings: Record<string, { score?: number; note: string }>;
  skillVerdicts: Record<string, { verdict?: SkillVerdict; evidence: string }>;
  redFlags: string[];
  recommendation: Recommendation | null;
  notes: string;
}

function draftFrom(card: ScorecardFieldsFragment | undefined): Draft {
  return {
    ratings: Object.fromEntries(
      (card?.ratings ?? []).map((rating) => [
        rating.criterion.id,
        { score: rating.score, evidence: rating.evidence ?? '' },
      ]),
    ),
    questionRatings: Object.fromEntries(
      (card?.questionRatings ?? []).map((rating) => [
        rating.question.id,
        { score: rating.score, note: rating.note ?? '' },
      ]),
    ),
    skillVerdicts: Object.fromEntries(
      (card?.skillVerdicts ?? []).map((entry) => [
        entry.skill.id,
        { verdict: entry.verdict, evidence: entry.evidence ?? '' },
      ]),
    ),
    redFlags: card?.redFlags ?? [],
    recommendation: card?.recommendation ?? null,
    notes: card?.notes ?? '',
  };
}

function contentOf(draft: Draft): Omit<SaveScorecardInput, 'interviewId'> {
  return {
    ratings: Object.entries(draft.ratings)
      .filter(([, rating]) => rating.score != null)
      .map(([criterionId, rating]) => ({ criterionId, score: rating.score!, evidence: rating.evidence || null })),
    questionRatings: Object.entries(draft.questionRatings)
      .filter(([, rating]) => rating.score != null)
      .map(([questionId, rating]) => ({ questionId, score: rating.score!, note: rating.note || null })),
    skillVerdicts: Object.entries(draft.skillVerdicts)
      .filter(([, entry]) => entry.verdict != null)
      .map(([skillId, entry]) => ({ skillId, verdict: entry.verdict!, evidence: entry.evidence || null })),
    redFlags: draft.redFlags,
    recommendation: draft.recommendation,
    notes: draft.notes || null,
  };
}

type SaveState =
  | { kind: 'clean' }
  | { kind: 'dirty' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'failed'; message: string };

const AUTOSAVE_MS = 800;
const RETRY_MS = 5_000;

/**
 * The caller's scorecard: a draft that saves itself (debounced; retried while the network is away),
 * submitted once complete; a submitted one is amended with a reason.
 */
export function ScorecardForm({
  interviewId,
  stage,
  skills,
  own,
  onSubmitted,
}: {
  interviewId: string;
  stage: Stage;
  skills: Skills;
  own: ScorecardFieldsFragment | undefined;
  onSubmitted: () => void;
}) {
  const submitted = own?.status === 'SUBMITTED';
  const [amending, setAmending] = useState(false);
  const editable = !submitted || amending;
  const [draft, setDraft] = useState<Draft>(() => draftFrom(own));
  const [saveState, setSaveState] = useState<SaveState>(own ? { kind: 'saved', at: '' } : { kind: 'clean' });
  const [missing, setMissing] = useState<string[]>([]);
  const [reason, setReason] = useState('');
  const [saveScorecard] = useMutation(SaveScorecardDocument);
  const [submitScorecard, submitting] = useMutation(SubmitScorecardDocument);
  const [amendScorecard, amendingRequest] = useMutation(AmendScorecardDocument);
  const latest = useRef(draft);
  const scorecardId = useRef(own?.id);
  const inFlight = useRef<Promise<boolean>>(Promise.resolve(true));
  const criteria = useMemo(() => stage.rubric?.criteria ?? [], [stage.rubric]);
  const scale = stage.rubric ? { min: stage.rubric.scaleMin, max: stage.rubric.scaleMax } : { min: 1, max: 4 };
  const scores = Array.from({ length: scale.max - scale.min + 1 }, (_, index) => String(scale.min + index));
  const levelNames: LevelNames = useMemo(
    () =>
      Object.fromEntries(
        criteria.map((criterion) => [
          criterion.id,
          Object.fromEntries(criterion.levels.map((level) => [level.score, level.label])),
        ]),
      ),
    [criteria],
  );
  const flagOptions = [...new Set(stage.questions.flatMap((question) => question.redFlags))];

  /** Saves the latest draft, after any save still in flight; true when it reached the server. */
  const save = useCallback((): Promise<boolean> => {
    const next = inFlight.current.then(async () => {
      const content = contentOf(latest.current);
      setSaveState({ kind: 'saving' });
      try {
        const result = await saveScorecard({ variables: { input: { interviewId, ...content } } });
        scorecardId.current = result.data?.saveScorecard.scorecard.id ?? scorecardId.current;
        // Only "saved" when nothing changed while the request was out.
        if (JSON.stringify(contentOf(latest.current)) === JSON.stringify(content))
          setSaveState({ kind: 'saved', at: new Date().toISOString() });
        else setSaveState({ kind: 'dirty' });
        return true;
      } catch (error) {
        setSaveState({ kind: 'failed', message: apiError(error)?.message ?? 'Not saved.' });
        return false;
      }
    });
    inFlight.current = next;
    return next;
  }, [interviewId, saveScorecard]);

  const change = (update: (current: Draft) => Draft) => {
    setDraft((current) => {
      const next = update(current);
      latest.current = next;
      return next;
    });
    setMissing([]);
    if (!submitted) setSaveState({ kind: 'dirty' });
  };

  // Debounced autosave of a draft; a failed save is tried again until it goes through.
  useEffect(() => {
    if (submitted) return;
    if (saveState.kind === 'dirty') {
      const timer = setTimeout(() => void save(), AUTOSAVE_MS);
      return () => clearTimeout(timer);
    }
    if (saveState.kind === 'failed') {
      const timer = setTimeout(() => void save(), RETRY_MS);
      return () => clearTimeout(timer);
    }
    return undefined;
  }, [saveState, save, submitted]);

  // Leaving with changes not yet on the server asks first.
  useEffect(() => {
    const pending = saveState.kind === 'dirty' || saveState.kind === 'saving' || saveState.kind === 'failed';
    if (!pending) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [saveState.kind]);

  const whatIsMissing = (): string[] => [
    ...criteria.filter((criterion) => draft.ratings[criterion.id]?.score == null).map((c) => `A level for ${c.name}`),
    ...(draft.recommendation ? [] : ['A recommendation']),
  ];

  const submit = async () => {
    const gaps = whatIsMissing();
    setMissing(gaps);
    if (gaps.length) return;
    if (!(await save()) || !scorecardId.current) return;
    await submitScorecard({ variables: { input: { scorecardId: scorecardId.current } } })
      .then(() => {
        notifySuccess('Scorecard submitted. The panel’s scorecards are shown below.');
        onSubmitted();
      })
      .catch(() => undefined);
  };

  const amend = async () => {
    await amendScorecard({ variables: { input: { scorecardId: own!.id, reason, ...contentOf(draft) } } })
      .then(() => {
        notifySuccess('Amendment saved; the previous version is kept.');
        setAmending(false);
        setReason('');
        onSubmitted();
      })
      .catch(() => undefined);
  };

  return (
    <Stack gap="md" data-testid="scorecard">
      <Group justify="space-between" align="center">
        <Title order={2} size="h3">
          {submitted ? (amending ? 'Amend your scorecard' : 'Your scorecard (submitted)') : 'Your scorecard'}
        </Title>
        {!submitted && <SaveIndicator state={saveState} />}
        {submitted && !amending && (
          <Button variant="default" onClick={() => setAmending(true)}>
            Amend…
          </Button>
        )}
      </Group>
      {own && (
        <Text size="sm" c="dimmed">
          Due {formatTime(own.dueAt)} on {new Date(own.dueAt).toLocaleDateString('en-GB')}
          {own.weightedScore != null && ` · weighted score ${own.weightedScore.toFixed(2)}`}
        </Text>
      )}

      {!editable && own && <ScorecardReadout card={own} levels={levelNames} testId="own-scorecard" />}
      {editable && (
        <fieldset style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
          <Stack gap="md">
            {criteria.map((criterion) => (
              <Card withBorder key={criterion.id} data-testid="criterion">
                <Radio.Group
                  label={criterion.name}
                  description={criterion.description}
                  value={draft.ratings[criterion.id]?.score?.toString() ?? null}
                  onChange={(value) =>
                    change((current) => ({
                      ...current,
                      ratings: {
                        ...current.ratings,
                        [criterion.id]: {
                          evidence: current.ratings[criterion.id]?.evidence ?? '',
                          score: Number(value),
                        },
                      },
                    }))
                  }
                >
                  <Stack gap={6} mt="xs">
                    {criterion.levels.map((level) => (
                      <Radio
                        key={level.score}
                        value={String(level.score)}
                        label={`${level.score} · ${level.label}`}
                        description={level.description}
                      />
                    ))}
                  </Stack>
                </Radio.Group>
                <Textarea
                  mt="xs"
                  label={`Evidence for ${criterion.name}`}
                  autosize
                  minRows={2}
                  value={draft.ratings[criterion.id]?.evidence ?? ''}
                  onChange={(event) => {
                    const evidence = event.currentTarget.value;
                    change((current) => ({
                      ...current,
                      ratings: { ...current.ratings, [criterion.id]: { ...current.ratings[criterion.id], evidence } },
                    }));
                  }}
                />
              </Card>
            ))}

            {skills.length > 0 && (
              <Card withBorder>
                <Title order={3} size="h5" mb="xs">
                  Skill verdicts
                </Title>
                <Stack gap="sm">
                  {skills.map(({ skill }) => (
                    <div key={skill.id}>
                      <Radio.Group
                        label={skill.name}
                        value={draft.skillVerdicts[skill.id]?.verdict ?? null}
                        onChange={(value) =>
                          change((current) => ({
                            ...current,
                            skillVerdicts: {
                              ...current.skillVerdicts,
                              [skill.id]: {
                                evidence: current.skillVerdicts[skill.id]?.evidence ?? '',
                                verdict: value as SkillVerdict,
                              },
                            },
                          }))
                        }
                      >
                        <Group gap="md" mt={4}>
                          {VERDICTS.map((verdict) => (
                            <Radio key={verdict.value} value={verdict.value} label={verdict.label} />
                          ))}
                        </Group>
                      </Radio.Group>
                      <Textarea
                        mt={4}
                        label={`Evidence for ${skill.name}`}
                        autosize
                        minRows={1}
                        value={draft.skillVerdicts[skill.id]?.evidence ?? ''}
                        onChange={(event) => {
                          const evidence = event.currentTarget.value;
                          change((current) => ({
                            ...current,
                            skillVerdicts: {
                              ...current.skillVerdicts,
                              [skill.id]: { ...current.skillVerdicts[skill.id], evidence },
                            },
                          }));
                        }}
                      />
                    </div>
                  ))}
                </Stack>
              </Card>
            )}

            {stage.questions.length > 0 && (
              <Card withBorder>
                <Title order={3} size="h5" mb="xs">
                  Questions you asked
                </Title>
                <Stack gap="xs">
                  {stage.questions.map((question, index) => (
                    <Group key={question.id} align="flex-end" wrap="nowrap">
                      <Select
                        w={110}
                        label={`Q${index + 1}`}
                        aria-label={`Rating for question ${index + 1}: ${question.prompt}`}
                        placeholder="—"
                        clearable
                        data={scores}
                        value={draft.questionRatings[question.id]?.score?.toString() ?? null}
                        onChange={(value) =>
                          change((current) => {
                            const questionRatings = { ...current.questionRatings };
                            if (value == null) delete questionRatings[question.id];
                            else
                              questionRatings[question.id] = {
                                note: '',
                                ...questionRatings[question.id],
                                score: Number(value),
                              };
                            return { ...current, questionRatings };
                          })
                        }
                      />
                      <Text size="sm" style={{ flex: 1 }} pb={6}>
                        {question.prompt}
                      </Text>
                    </Group>
                  ))}
                </Stack>
              </Card>
            )}

            <TagsInput
              label="Red flags observed"
              description="Pick from the questions' red flags or type your own, then Enter."
              data={flagOptions}
              value={draft.redFlags}
              onChange={(redFlags) => change((current) => ({ ...current, redFlags }))}
            />

            <Radio.Group
              label="Recommendation"
              value={draft.recommendation}
              onChange={(value) => change((current) => ({ ...current, recommendation: value as Recommendation }))}
            >
              <Group gap="md" mt={4}>
                {RECOMMENDATIONS.map((option) => (
                  <Radio key={option.value} value={option.value} label={option.label} />
                ))}
              </Group>
            </Radio.Group>

            <Textarea
              label="Notes"
              autosize
              minRows={3}
              value={draft.notes}
              onChange={(event) => {
                const notes = event.currentTarget.value;
                change((current) => ({ ...current, notes }));
              }}
            />
          </Stack>
        </fieldset>
      )}

      {missing.length > 0 && (
        <Alert color="red" role="alert" title="Before you submit, add:">
          <List size="sm">
            {missing.map((item) => (
              <List.Item key={item}>{item}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      <ActionError error={submitting.error ?? amendingRequest.error} />

      {!submitted && (
        <Group>
          <Button onClick={() => void submit()} loading={submitting.loading}>
            Submit scorecard
          </Button>
        </Group>
      )}
      {amending && (
        <Stack gap="xs">
          <Textarea
            label="Why do you amend it?"
            required
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
          />
          <Group>
            <Button onClick={() => void amend()} loading={amendingRequest.loading} disabled={!reason.trim()}>
              Save amendment
            </Button>
            <Button
              variant="default"
              onClick={() => {
                setAmending(false);
                setDraft(draftFrom(own));
              }}
            >
              Cancel
            </Button>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}

function SaveIndicator({ state }: { state: SaveState }) {
  const text =
    state.kind === 'saved'
      ? state.at
        ? `Saved ${formatTime(state.at)}`
        : 'Saved'
      : state.kind === 'saving'
        ? 'Saving…'
        : state.kind === 'dirty'
          ? 'Unsaved changes'
          : state.kind === 'failed'
            ? `Not saved: ${state.message} Retrying…`
            : 'Nothing entered yet';
  return (
    <Text
      size="sm"
      c={state.kind === 'failed' ? 'red.9' : 'dimmed'}
      role="status"
      aria-live="polite"
      data-testid="save-state"
    >
      {text}
    </Text>
  );
}
