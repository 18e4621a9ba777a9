import { useApolloClient } from '@apollo/client/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApplicationStatus, BoardApplicationsQuery, BoardCardFieldsFragment } from '../../graphql/graphql';
import { BoardApplicationsDocument } from '../operations';

export type BoardCard = BoardCardFieldsFragment;

interface BoardData {
  cards: Map<string, BoardCard>;
  total: number;
  loading: boolean;
  error: unknown;
}

const ON_BOARD: ApplicationStatus[] = ['ACTIVE', 'ON_HOLD'];

/**
 * Every active and on-hold application of a position, page by page (100 a page, keyset): the
 * board shows each page as it arrives.
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
      for (const status of ON_BOARD) {
        let after: string | null = null;
        let statusTotal = 0;
        do {
          const result: { data?: BoardApplicationsQuery } = await client.query({
            query: BoardApplicationsDocument,
            variables: { positionId, status, after },
            fetchPolicy: 'no-cache',
          });
          if (run !== generation.current) return;
          const connection = result.data?.position?.applications;
          if (!connection) break;
          if (!after) {
            statusTotal = connection.totalCount;
            total += statusTotal;
          }
          for (const edge of connection.edges) cards.set(edge.node.id, edge.node);
          after = connection.pageInfo.hasNextPage ? (connection.pageInfo.endCursor ?? null) : null;
          setData({ cards: new Map(cards), total, loading: true, error: null });
        } while (after);
      }
      // The browser test measures from here to the board's commit (PipelineBoardPage).
      performance.mark('pipeline-board:data-complete');
      setData({ cards: new Map(cards), total, loading: false, error: null });
    } catch (error) {
      if (run === generation.current) setData({ cards: new Map(cards), total, loading: false, error });
    }
  }, [client, positionId]);

  useEffect(() => {
    void load();
  }, [load]);

  /** After a transition: keep the card while it stays on the board, drop it when it leaves. */
  const update = useCallback((card: BoardCard) => {
    setData((previous) => {
      const cards = new Map(previous.cards);
      const onBoard = ON_BOARD.includes(card.status);
      if (onBoard) cards.set(card.id, card);
      else cards.delete(card.id);
      return { ...previous, cards, total: previous.total - (onBoard ? 0 : 1) };
    });
  }, []);

  return { ...data, reload: load, update };
}

/** When the application entered the stage it is in now. */
export function enteredCurrentStage(card: BoardCard): string | null {
  const stageId = card.currentStage?.id;
  const visit = [...card.stageHistory].reverse().find((entry) => entry.stage.id === stageId && !entry.exitedAt);
  return visit?.enteredAt ?? null;
}

/** The next scheduled interview, if any. */
export function nextInterview(card: BoardCard, now = Date.now()): string | null {
  const upcoming = card.interviews
    .filter((interview) => interview.status === 'SCHEDULED' && new Date(interview.startsAt).getTime() >= now)
    .map((interview) => interview.startsAt)
    .sort();
  return upcoming[0] ?? null;
}
