"""Webhook signatures and retries, and spreadsheet-safe cells. Pure, no I/O."""
