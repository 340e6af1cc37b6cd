"""Shared kit of the LMS services: settings, database, events, outbox, inbox, web base."""
