"""What HR systems read and receive: the completion feed, CSV, certificates, the xAPI statement
resource, HR reports and signed webhooks."""
