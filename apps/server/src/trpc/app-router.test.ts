import type { Icp, IcpCreateInput, IcpPatchInput } from '@icp/schema';
import { describe, expectTypeOf, it } from 'vitest';
import type { RouterInputs, RouterOutputs } from './app-router.js';

describe('AppRouter types, as other workspaces see them', () => {
  it('procedure inputs are the schemas input types (defaults optional)', () => {
    expectTypeOf<RouterInputs['icp']['create']['body']>().toEqualTypeOf<IcpCreateInput>();
    expectTypeOf<RouterInputs['icp']['update']['body']>().toEqualTypeOf<IcpPatchInput>();
    expectTypeOf<RouterInputs['icp']['byId']>().toEqualTypeOf<{ id: string }>();
    expectTypeOf<IcpCreateInput['leadsPerList']>().toEqualTypeOf<number | undefined>();
  });

  it('procedure outputs are ICPs, with their entity tag where one ICP is returned', () => {
    expectTypeOf<RouterOutputs['icp']['list']>().toExtend<Icp[]>();
    expectTypeOf<Icp[]>().toExtend<RouterOutputs['icp']['list']>();
    expectTypeOf<RouterOutputs['icp']['byId']>().toExtend<{ icp: Icp; etag: string }>();
  });
});
