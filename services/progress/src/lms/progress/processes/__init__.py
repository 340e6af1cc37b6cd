"""Progress's own background processes: `deliver` (webhooks), `schedule` (the compliance
cycle's notices) and `rebuild` (the read models again, from the topics)."""
