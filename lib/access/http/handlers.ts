// Route wrappers: every handler runs inside one error boundary that maps errors to HTTP.
// Agent routes take only agent tokens; dashboard routes take only a signed-in user's session.
// Every state-changing request passes the cross-site check here, before its handler runs (browserGuard.ts).
import "server-only";
import type { NextRequest } from "next/server";
import { authenticateAgent, type AuthenticatedAgent } from "@/lib/access/agents/authenticate";
import { currentUser, type SignedInUser } from "@/lib/access/auth/session";
import { guardStateChange } from "@/lib/access/http/browserGuard";
import { env } from "@/lib/core/env";
import { ApiError, errorResponse } from "@/lib/core/errors";
import { agentAdmission } from "@/lib/access/http/admission";

type Handler<C> = (request: NextRequest, context: C) => Promise<Response>;

export function withErrors<C>(handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    try {
      guardStateChange(request.method, request.headers, env().KMSWATCH_PUBLIC_URL);
      return await handler(request, context);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/**
 * Agent routes: the bearer token must belong to an enrolled, unrevoked agent. Admitted first (before the
 * token lookup and the body is read): over capacity, the request is answered at once with 503 + Retry-After.
 */
export function withAgent<C>(handler: (request: NextRequest, agent: AuthenticatedAgent, context: C) => Promise<Response>): Handler<C> {
  return withErrors((request, context) =>
    agentAdmission().run(async () => {
      const agent = await authenticateAgent(request.headers.get("authorization"));
      return handler(request, agent, context);
    }),
  );
}

/** Dashboard routes: a signed-in user (session cookie); `admin` restricts to administrators. */
export function withUser<C>(
  handler: (request: NextRequest, user: SignedInUser, context: C) => Promise<Response>,
  options: { role?: "admin" } = {},
): Handler<C> {
  return withErrors(async (request, context) => {
    const user = await currentUser();
    if (!user) throw new ApiError("unauthorized", "sign in first");
    if (options.role === "admin" && user.role !== "admin") throw new ApiError("forbidden", "administrators only");
    return handler(request, user, context);
  });
}

/** Routes shared by agents and people (the parse preview): either credential works. */
export function withAgentOrUser<C>(handler: Handler<C>): Handler<C> {
  return withErrors(async (request, context) => {
    if (request.headers.get("authorization")) await authenticateAgent(request.headers.get("authorization"));
    else if (!(await currentUser())) throw new ApiError("unauthorized", "send an agent token or sign in");
    return handler(request, context);
  });
}
