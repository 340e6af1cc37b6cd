"""The HR side over HTTP: feed, CSV, reports, certificates, xAPI statements, webhooks."""
