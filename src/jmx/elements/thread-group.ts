import { leaf, type Leaf } from '../node.js';
import { boolProp, elementProp, intProp, longProp, loopsProp, stringProp } from '../prop-helpers.js';
import type { IntValue } from '../props.js';
import type { ThreadGroupChild } from '../placement.js';

export type OnSampleError = 'continue' | 'startnextloop' | 'stopthread' | 'stoptest' | 'stoptestnow';

export interface ThreadGroupOptions {
  readonly threads: IntValue;
  readonly rampUpS?: IntValue;
  /** With a duration the scheduler is on and the group loops until it ends. */
  readonly durationS?: IntValue;
  readonly delayS?: IntValue;
  /** Iterations per thread; default: forever when a duration is set, else 1. */
  readonly loops?: IntValue;
  readonly onSampleError?: OnSampleError;
  /**
   * Create each thread when its ramp-up turn comes (`ThreadGroup.delayedStart`). With a duration this also fixes
   * ONE end time for the group: otherwise JMeter gives each thread "its creation time + duration", so a group
   * whose thousands of threads take 20 s to create runs 20 s longer than planned.
   */
  readonly delayedStart?: boolean;
}

interface GroupBase {
  readonly name: string;
  readonly options: ThreadGroupOptions;
  readonly children: readonly ThreadGroupChild[];
}

export interface ThreadGroup extends GroupBase {
  readonly kind: 'threadGroup';
}

/** Runs before every other thread group (readiness checks, one-off setup). */
export interface SetupThreadGroup extends GroupBase {
  readonly kind: 'setupThreadGroup';
}

/** Runs after every other thread group has finished (clean-up), also after a stop (tearDown on shutdown). */
export interface TeardownThreadGroup extends GroupBase {
  readonly kind: 'teardownThreadGroup';
}

export const threadGroup = (
  name: string,
  options: ThreadGroupOptions,
  children: readonly ThreadGroupChild[],
): ThreadGroup => ({ kind: 'threadGroup', name, options, children });

export const setupThreadGroup = (
  name: string,
  options: ThreadGroupOptions,
  children: readonly ThreadGroupChild[],
): SetupThreadGroup => ({ kind: 'setupThreadGroup', name, options, children });

export const teardownThreadGroup = (
  name: string,
  options: ThreadGroupOptions,
  children: readonly ThreadGroupChild[],
): TeardownThreadGroup => ({ kind: 'teardownThreadGroup', name, options, children });

const GROUP_TAG = { threadGroup: 'ThreadGroup', setupThreadGroup: 'SetupThreadGroup', teardownThreadGroup: 'PostThreadGroup' } as const;

export const threadGroupNode = (g: ThreadGroup | SetupThreadGroup | TeardownThreadGroup): Leaf => {
  const o = g.options;
  const scheduler = o.durationS !== undefined;
  const loops = o.loops ?? (scheduler ? -1 : 1);
  const tag = GROUP_TAG[g.kind];
  return leaf(tag, `${tag}Gui`, g.name, [
    intProp('ThreadGroup.num_threads', o.threads),
    intProp('ThreadGroup.ramp_time', o.rampUpS ?? 1),
    boolProp('ThreadGroup.same_user_on_next_iteration', true),
    stringProp('ThreadGroup.on_sample_error', o.onSampleError ?? 'continue'),
    ...(o.delayedStart ? [boolProp('ThreadGroup.delayedStart', true)] : []),
    elementProp(
      'ThreadGroup.main_controller',
      'LoopController',
      [loopsProp(loops), boolProp('LoopController.continue_forever', false)],
      { guiclass: 'LoopControlPanel', testclass: 'LoopController', testname: 'Loop Controller' },
    ),
    ...(scheduler
      ? [
          boolProp('ThreadGroup.scheduler', true),
          longProp('ThreadGroup.duration', o.durationS ?? 0),
          longProp('ThreadGroup.delay', o.delayS ?? 0),
        ]
      : []),
  ]);
};
