export type { AppRouter, RouterInputs, RouterOutputs } from './trpc/app-router.js';
