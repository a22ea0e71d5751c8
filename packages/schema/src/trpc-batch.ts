/**
 * Most procedure calls one tRPC batch request may hold. A larger batch is refused whole (400)
 * before any of its calls runs; the web app's client splits its batches to fit.
 */
export const MAX_BATCH_CALLS = 10;
