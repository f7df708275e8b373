// Route wrappers: every handler runs inside one error boundary that maps errors to HTTP.
import type { NextRequest } from "next/server";
import { authenticateAgent, type AuthenticatedAgent } from "@/lib/agents/authenticate";
import { errorResponse } from "@/lib/http/errors";

type Handler<C> = (request: NextRequest, context: C) => Promise<Response>;

export function withErrors<C>(handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    try {
      return await handler(request, context);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/** Agent routes: the bearer token must belong to an enrolled, unrevoked agent. */
export function withAgent<C>(
  handler: (request: NextRequest, agent: AuthenticatedAgent, context: C) => Promise<Response>,
): Handler<C> {
  return withErrors(async (request, context) => {
    const agent = await authenticateAgent(request.headers.get("authorization"));
    return handler(request, agent, context);
  });
}
