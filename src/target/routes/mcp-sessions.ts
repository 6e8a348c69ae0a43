import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

import type { TargetContext } from '../context.js';

/**
 * Stateful MCP sessions (USE_STATEFUL_SESSIONS=true): the id `initialize` issues, the time of its last use, and
 * the idle expiry of the gateway's MCP SDK (30 min by default; TargetOptions.mcpSessionIdleMs).
 */
export const newSessionId = (): string => randomUUID().replaceAll('-', '');

/** The Mcp-Session-Id a request carries: undefined when absent, '' when empty. */
export function sentSessionId(req: IncomingMessage): string | undefined {
  const sent = req.headers['mcp-session-id'];
  return Array.isArray(sent) ? sent[0] : sent;
}

export function openSession(ctx: TargetContext, now = Date.now()): string {
  if (now - (lastSweep.get(ctx.mcpSessions) ?? 0) >= ctx.mcpSessionIdleMs / 4) sweep(ctx, now);
  const id = newSessionId();
  ctx.mcpSessions.set(id, now);
  return id;
}

/** True when the session is open and not idle for longer than the expiry; its use starts a new idle period. */
export function useSession(ctx: TargetContext, id: string, now = Date.now()): boolean {
  const last = ctx.mcpSessions.get(id);
  if (last === undefined) return false;
  if (now - last > ctx.mcpSessionIdleMs) {
    ctx.mcpSessions.delete(id);
    return false;
  }
  ctx.mcpSessions.set(id, now);
  return true;
}

export const endSession = (ctx: TargetContext, id: string): boolean => useSession(ctx, id) && ctx.mcpSessions.delete(id);

/** Sessions open now (expired ones are dropped first). */
export function liveSessions(ctx: TargetContext, now = Date.now()): number {
  sweep(ctx, now);
  return ctx.mcpSessions.size;
}

const lastSweep = new WeakMap<Map<string, number>, number>();

function sweep(ctx: TargetContext, now: number): void {
  lastSweep.set(ctx.mcpSessions, now);
  for (const [id, last] of ctx.mcpSessions) if (now - last > ctx.mcpSessionIdleMs) ctx.mcpSessions.delete(id);
}
