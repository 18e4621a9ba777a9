import { useApolloClient } from '@apollo/client/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import type {
  ApplicationStatus,
  BoardCardFieldsFragment,
  BoardCardsQuery,
  ExperienceLevel,
} from '../../graphql/graphql';
import { BoardCardsDocument } from '../operations';

/** One card of the board. */
export interface BoardCard {
  id: string;
  version: number;
  status: ApplicationStatus;
  experienceLevel: ExperienceLevel;
  candidate: { id: string; name: string };
  currentStage: { id: string } | null;
  /** When the open stage visit began. */
  enteredStageAt: string | null;
  /** The next scheduled interview still to come. */
  nextInterviewAt: string | null;
}

type BoardCardNode = NonNullable<BoardCardsQuery['position']>['boardCards']['edges'][number]['node'];

function cardFromNode(node: BoardCardNode): BoardCard {
  return {
    id: node.id,
    version: node.version,
    status: node.status,
    experienceLevel: node.experienceLevel,
    candidate: { id: node.candidateId, name: node.candidateName },
    currentStage: node.currentStageId ? { id: node.currentStageId } : null,
    enteredStageAt: node.enteredStageAt ?? null,
    nextInterviewAt: node.nextInterviewAt ?? null,
  };
}

/** The card of an application a transition answered with. */
export function cardFromApplication(application: BoardCardFieldsFragment, now = Date.now()): BoardCard {
  const stageId = application.currentStage?.id;
  const visit = [...application.stageHistory].reverse().find((entry) => entry.stage.id === stageId && !entry.exitedAt);
  const upcoming = application.interviews
    .filter((interview) => interview.status === 'SCHEDULED' && new Date(interview.startsAt).getTime() >= now)
    .map((interview) => interview.startsAt)
    .sort();
  return {
    id: application.id,
    version: application.version,
    status: application.status,
    experienceLevel: application.experienceLevel,
    candidate: application.candidate,
    currentStage: application.currentStage ? { id: application.currentStage.id } : null,
    enteredStageAt: visit?.enteredAt ?? null,
    nextInterviewAt: upcoming[0] ?? null,
  };
}

interface BoardData {
  cards: Map<string, BoardCard>;
  total: number;
  loading: boolean;
  error: unknown;
}

const ON_BOARD: ApplicationStatus[] = ['ACTIVE', 'ON_HOLD'];

/**
 * Every active and on-hold application of a position: `Position.boardCards` gives up to 2,000 lean
 * cards a request (one SQL statement), so a board of 1,000 is one round trip; larger ones page on.
 */
export function useBoardApplications(positionId: string) {
  const client = useApolloClient();
  const [data, setData] = useState<BoardData>({ cards: new Map(), total: 0, loading: true, error: null });
  const generation = useRef(0);

  const load = useCallback(async () => {
    const run = ++generation.current;
    setData({ cards: new Map(), total: 0, loading: true, error: null });
    const cards = new Map<string, BoardCard>();
    let total = 0;
    try {
      let after: string | null = null;
      do {
        const result: { data?: BoardCardsQuery } = await client.query({
          query: BoardCardsDocument,
          variables: { positionId, after },
          fetchPolicy: 'no-cache',
        });
        if (run !== generation.current) return;
        const connection = result.data?.position?.boardCards;
        if (!connection) break;
        if (!after) total = connection.totalCount;
        for (const edge of connection.edges) cards.set(edge.node.id, cardFromNode(edge.node));
        after = connection.pageInfo.hasNextPage ? (connection.pageInfo.endCursor ?? null) : null;
        if (after) setData({ cards: new Map(cards), total, loading: true, error: null });
      } while (after);
      // The browser test measures from here to the board's commit (PipelineBoardPage).
      performance.mark('pipeline-board:data-complete');
      setData({ cards, total, loading: false, error: null });
    } catch (error) {
      if (run === generation.current) setData({ cards: new Map(cards), total, loading: false, error });
    }
  }, [client, positionId]);

  useEffect(() => {
    void load();
  }, [load]);

  /** After a transition: keep the card while it stays on the board, drop it when it leaves. */
  const update = useCallback((application: BoardCardFieldsFragment) => {
    setData((previous) => {
      const cards = new Map(previous.cards);
      const onBoard = ON_BOARD.includes(application.status);
      if (onBoard) cards.set(application.id, cardFromApplication(application));
      else cards.delete(application.id);
      return { ...previous, cards, total: previous.total - (onBoard ? 0 : 1) };
    });
  }, []);

  return { ...data, reload: load, update };
}
