import { TcmTarget } from './tcm-target.js';
import { SpirvTarget } from './spirv-target.js';
import { LaunchTarget } from './launch.js';
import { ApiTarget } from './api.js';
import { MODULES, SMALL_MODULES } from '../helpers/fixtures.js';
import type { Target, TargetName } from './runner.js';

export const TARGETS: readonly TargetName[] = ['tcm', 'spirv', 'launch', 'api'];

/** `quick`: the modules and limits of the run inside `npm test`. */
export function makeTarget(name: TargetName, quick: boolean): Target {
  switch (name) {
    case 'tcm':
      return new TcmTarget(quick ? SMALL_MODULES : MODULES, { loadMs: 60_000, runMs: 60_000 });
    case 'spirv':
      return new SpirvTarget(quick ? 25 : 10);
    case 'launch':
      return new LaunchTarget(60_000);
    case 'api':
      return new ApiTarget(!quick);
  }
}
