import { defineConfig } from "prisma/config";

// Prisma CLI configuration. The sync-server applies migrations itself at boot (see
// sync-server/src/persistence/migrator.ts); this file lets `prisma migrate deploy` find the
// same folder on machines that have Prisma's engines.
export default defineConfig({
	schema: "prisma/schema.prisma",
	migrations: { path: "prisma/migrations" },
	datasource: { url: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres" },
});
