-- OrganizationSettings: the app's settings of one organization (the board's default statuses and
-- a note for every agent), one row per organization, gone with it.

-- CreateTable
CREATE TABLE "OrganizationSettings" (
    "organizationId" TEXT NOT NULL,
    "defaultStatuses" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "note" TEXT NOT NULL DEFAULT '',
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedByAccountId" TEXT NOT NULL,

    CONSTRAINT "OrganizationSettings_pkey" PRIMARY KEY ("organizationId")
);

-- AddForeignKey
ALTER TABLE "OrganizationSettings" ADD CONSTRAINT "OrganizationSettings_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The same limits the app validates, so that no other writer can store what the board cannot show.
ALTER TABLE "OrganizationSettings" ADD CONSTRAINT "OrganizationSettings_note_length" CHECK (char_length("note") <= 280);
ALTER TABLE "OrganizationSettings" ADD CONSTRAINT "OrganizationSettings_defaultStatuses_known" CHECK ("defaultStatuses" <@ ARRAY['accepting_chats', 'not_accepting_chats', 'offline']::TEXT[]);
