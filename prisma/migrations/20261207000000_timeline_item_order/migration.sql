-- CreateIndex
CREATE INDEX "TimelineItem_conversationId_createdAt_seq_idx" ON "TimelineItem"("conversationId", "createdAt", "seq");
