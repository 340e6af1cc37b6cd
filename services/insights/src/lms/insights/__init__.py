"""Insights service: needs analyses (aggregates only), service KPIs, training impact, the leader dashboard."""
