import type { LeadPreview } from '@icp/schema';
import { useMutation } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { type ApiError, toApiError } from '../../api/api-error';
import { useTRPC } from '../../api/trpc';
import type { PreviewCriteria } from './preview-criteria';

/** Quiet time after the last change before the preview is asked for. */
export const PREVIEW_DEBOUNCE_MS = 150;
/** How many leads the preview shows. */
export const PREVIEW_SAMPLE_SIZE = 5;
/** Wait before asking again after the server said "too many requests". */
const RATE_LIMITED_RETRY_MS = 2_000;

interface Answer {
  key: string;
  preview: LeadPreview | null;
  error: ApiError | null;
}

export interface DraftPreview {
  /** The last answer: for the criteria on screen, or for earlier ones while `stale`. */
  preview: LeadPreview | null;
  error: ApiError | null;
  /** Whether the criteria changed since the answer shown, which is then being brought up to date. */
  stale: boolean;
  /** Asks again now, for the criteria on screen. */
  retry: () => void;
}

/**
 * The preview of the criteria being edited, kept up to date as they change: asked for once the
 * typing stops, one request at a time (changes made meanwhile are sent when it is answered), and
 * answers to criteria no longer on screen are dropped.
 */
export function useDraftPreview(
  criteria: PreviewCriteria | null,
  /** The saved profile being edited, if any: its earlier lists count for the reuse window. */
  icpId?: string,
): DraftPreview {
  const trpc = useTRPC();
  const { mutateAsync } = useMutation(trpc.leadLists.previewDraft.mutationOptions());
  const key = criteria === null ? null : JSON.stringify({ ...criteria, icpId });
  const [answer, setAnswer] = useState<Answer | null>(null);
  const latestKey = useRef<string | null>(null);
  const inFlight = useRef(false);
  const sendWhenFree = useRef(false);
  const retryTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const mounted = useRef(true);

  const send = useCallback(async () => {
    const target = latestKey.current;
    if (target === null) return;
    if (inFlight.current) {
      sendWhenFree.current = true;
      return;
    }
    inFlight.current = true;
    clearTimeout(retryTimer.current);
    const body = JSON.parse(target) as PreviewCriteria & { icpId?: string };
    let outcome: Answer;
    try {
      const preview = await mutateAsync({ body: { ...body, limit: PREVIEW_SAMPLE_SIZE } });
      outcome = { key: target, preview, error: null };
    } catch (error) {
      outcome = { key: target, preview: null, error: toApiError(error) };
    }
    inFlight.current = false;
    if (!mounted.current) return;
    if (latestKey.current === target) setAnswer(outcome);
    const changedMeanwhile = sendWhenFree.current && latestKey.current !== target;
    sendWhenFree.current = false;
    // The server allows a few requests a second per user; after a refusal, wait before asking.
    if (outcome.error?.code === 'TOO_MANY_REQUESTS') {
      retryTimer.current = setTimeout(() => void send(), RATE_LIMITED_RETRY_MS);
    } else if (changedMeanwhile) {
      void send();
    }
  }, [mutateAsync]);

  useEffect(() => {
    latestKey.current = key;
    if (key === null) return;
    const timer = setTimeout(() => void send(), PREVIEW_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [key, send]);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      clearTimeout(retryTimer.current);
    };
  }, []);

  const retry = useCallback(() => void send(), [send]);
  return {
    preview: answer?.preview ?? null,
    error: answer?.error ?? null,
    stale: key !== null && answer?.key !== key,
    retry,
  };
}
