import { z } from "zod";

export const signInRequestSchema = z.object({
  email: z.string().trim().min(1, "e-mail is required").max(320),
  password: z.string().min(1, "password is required").max(1024),
});
export type SignInRequest = z.infer<typeof signInRequestSchema>;
