-- ProcessedWebhook: digests of the install/uninstall webhooks the app has acted on, so that a
-- replay is recognised by every app process (see schema.prisma). Pruned by eventAt.

-- CreateTable
CREATE TABLE "ProcessedWebhook" (
    "digest" TEXT NOT NULL,
    "eventAt" TIMESTAMP(3) NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProcessedWebhook_pkey" PRIMARY KEY ("digest")
);

-- CreateIndex
CREATE INDEX "ProcessedWebhook_eventAt_idx" ON "ProcessedWebhook"("eventAt");
