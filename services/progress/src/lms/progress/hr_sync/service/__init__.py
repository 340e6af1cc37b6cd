"""Feeds, exports, reports and webhook endpoints for HR systems."""
