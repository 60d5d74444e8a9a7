-- CreateIndex
CREATE INDEX "Upload_uploadedBy_createdAt_idx" ON "Upload"("uploadedBy", "createdAt");

-- CreateIndex
CREATE INDEX "Upload_websiteId_createdAt_idx" ON "Upload"("websiteId", "createdAt");
