-- Organization.installedBy: a relation to User, so that the dashboard reads the installer's name
-- in the same statement as the account and its organization (see schema.prisma).

-- Installers whose user row is gone are unknown, and the constraint would refuse them.
UPDATE "Organization" SET "installedById" = NULL
WHERE "installedById" IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM "User" WHERE "User"."id" = "Organization"."installedById");

-- AddForeignKey
ALTER TABLE "Organization" ADD CONSTRAINT "Organization_installedById_fkey" FOREIGN KEY ("installedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
