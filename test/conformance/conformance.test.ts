import { startTarget, targetOptionsFromSettings, type RunningTarget } from '../../src/target/index.js';
import { describeConformance } from './suite.js';

/** Every conformance case against the embedded stand-in (the same cases run against the real gateway in the gateway tier). */
let target: RunningTarget | undefined;

describeConformance({
  name: 'the stand-in',
  open: async (settings) => {
    const t = await startTarget(targetOptionsFromSettings(settings));
    target = t;
    return {
      kind: 'stand-in',
      url: t.url,
      wsUrl: t.wsUrl,
      token: t.token,
      serverId: t.serverId,
      adminEmail: t.adminEmail,
      adminPassword: t.adminPassword,
      fastTimeUrl: t.fastTimeUrl,
      fastTestUrl: t.fastTestUrl,
    };
  },
  closeGroup: async () => {
    await target?.close();
    target = undefined;
  },
});
