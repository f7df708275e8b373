// The shape of an admin's change to one item (POST/PATCH /api/dashboard/…/:id): the id checked, the body read,
// the change made, the answer sent through its contract. Routes that differ only in body and change use this.
import type { NextRequest } from "next/server";
import type { z } from "zod";
import type { SignedInUser } from "@/lib/access/auth/session";
import { withUser } from "@/lib/access/http/handlers";
import { idParam, type IdContext } from "@/lib/access/http/params";
import { json } from "@/lib/access/http/respond";

export function adminChangeRoute<Body, Answer extends z.ZodType>(
  readBody: (request: NextRequest) => Promise<Body>,
  answer: Answer,
  change: (id: string, body: Body, user: SignedInUser) => Promise<z.input<Answer>>,
) {
  return withUser<IdContext>(
    async (request, user, context) => {
      const id = await idParam(context);
      const body = await readBody(request);
      return json(answer, await change(id, body, user));
    },
    { role: "admin" },
  );
}
